-- Every non-available seat of the event at one version, and the caller's live holds.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     owner ('' for none), now (ms)
-- Returns  {'NOINIT'} | {'OK', version, held[], sold[], blocked[], mine[]} where each entry of
--          mine is {holdId, expiresAt, seatId...}
if not initialized() then return { 'NOINIT' } end
local owner, now = ARGV[1], tonumber(ARGV[2])
local mine = {}
if owner ~= '' then
  for _, hold_id in ipairs(redis.call('ZRANGEBYSCORE', key('owner:' .. owner), '(' .. now, '+inf')) do
    local entry = { hold_id, redis.call('HGET', key('hold:' .. hold_id), 'expiresAt') or '0' }
    for _, seat in ipairs(hold_seats(hold_id)) do entry[#entry + 1] = seat end
    mine[#mine + 1] = entry
  end
end
return { 'OK', tostring(current_version()), redis.call('HKEYS', key('held')), redis.call('SMEMBERS', key('sold')),
  redis.call('SMEMBERS', key('blocked')), mine }
