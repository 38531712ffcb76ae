-- Blocks available seats (house seats, kills, broken seats), all or nothing.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, now (ms), seatId...
-- Returns  {'OK', version} | {'NOINIT'} | {'UNAVAILABLE', seatId...}
if not initialized() then return { 'NOINIT' } end
local channel, now = ARGV[1], tonumber(ARGV[2])
local seats = {}
for i = 3, #ARGV do seats[#seats + 1] = ARGV[i] end
local expired = {}
local unavailable = blockers(seats, now, nil, expired)
if #unavailable > 0 then
  table.insert(unavailable, 1, 'UNAVAILABLE')
  return unavailable
end
local changes = {}
drop_expired(expired, changes)
for _, seat in ipairs(seats) do
  redis.call('SADD', key('blocked'), seat)
  changes[#changes + 1] = { seatId = seat, status = 'BLOCKED' }
end
return { 'OK', tostring(publish(channel, changes)) }
