-- Every non-available seat of the event at one version, and the caller's live holds.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     owner ('' for none), now (ms), known state ('' for none): '<build>:<version>', where
--          build is the value of the init key (the clock when the state was built, so a state
--          rebuilt after a Redis loss never passes for the one before it, even at the same version)
-- Returns  {'NOINIT'}
--          | {'SAME', version, mine} when the event is still in the known state: the caller
--            already has its held, sold and blocked seats (reading 80,000 held seats costs Redis
--            about 40 ms, so a crowd opening the seat map must not make it read them each time)
--          | {'OK', version, held[], sold[], blocked[], mine, build}
--          where each entry of mine is {holdId, expiresAt, seatId...}
if not initialized() then return { 'NOINIT' } end
local owner, now, known = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local mine = {}
if owner ~= '' then
  for _, hold_id in ipairs(redis.call('ZRANGEBYSCORE', key('owner:' .. owner), '(' .. now, '+inf')) do
    local entry = { hold_id, redis.call('HGET', key('hold:' .. hold_id), 'expiresAt') or '0' }
    for _, seat in ipairs(hold_seats(hold_id)) do entry[#entry + 1] = seat end
    mine[#mine + 1] = entry
  end
end
local version = tostring(current_version())
local build = redis.call('GET', KEYS[1])
if build .. ':' .. version == known then return { 'SAME', version, mine } end
return { 'OK', version, redis.call('HKEYS', key('held')), redis.call('SMEMBERS', key('sold')),
  redis.call('SMEMBERS', key('blocked')), mine, build }
