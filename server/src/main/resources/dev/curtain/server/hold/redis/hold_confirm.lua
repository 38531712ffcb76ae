-- Marks a confirmed hold's seats SOLD after PostgreSQL committed the booking, ends the hold and
-- publishes the change. PostgreSQL already owns the truth: this never refuses. Should another
-- hold hold one of the seats (possible only after Redis lost state), that hold ends too.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, holdId ('' when none), seatId...
-- Returns  {'OK', version} | {'NOINIT'} (the next use rebuilds the markers from PostgreSQL)
if not initialized() then return { 'NOINIT' } end
local channel, hold_id = ARGV[1], ARGV[2]
local changes = {}
local seats = {}
for i = 3, #ARGV do seats[#seats + 1] = ARGV[i] end
local holders = redis.call('HMGET', key('held'), unpack(seats))
for i, seat in ipairs(seats) do
  local holder = holders[i]
  if holder and holder ~= hold_id then end_hold(holder, changes, 'expired') end
end
for _, seat in ipairs(seats) do
  redis.call('HDEL', key('held'), seat)
  redis.call('SREM', key('blocked'), seat)
  redis.call('SADD', key('sold'), seat)
  changes[#changes + 1] = { seatId = seat, status = 'SOLD' }
end
-- Seats the hold gained after the pin were not sold: they are freed, and the delta says so.
if hold_id ~= '' and redis.call('EXISTS', key('hold:' .. hold_id)) == 1 then
  end_hold(hold_id, changes, 'confirmed')
end
return { 'OK', tostring(publish(channel, changes)) }
