-- Shrinks a live hold by one seat; removing its last seat releases the hold.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, holdId, owner, now (ms), seatId
-- Returns  {'OK', version, seatId...(remaining seats)} | {'NOINIT'} | {'NO_HOLD'} | {'NOT_IN_HOLD'}
if not initialized() then return { 'NOINIT' } end
local channel, hold_id, owner, now, seat = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local hold = owned_live_hold(hold_id, owner, now)
if not hold then return { 'NO_HOLD' } end
local current = hold_seats(hold_id)
local remaining = {}
local found = false
for _, s in ipairs(current) do
  if s == seat then found = true else remaining[#remaining + 1] = s end
end
if not found then return { 'NOT_IN_HOLD' } end
local changes = {}
if #remaining == 0 then
  end_hold(hold_id, changes, 'released')
else
  redis.call('HDEL', key('held'), seat)
  redis.call('HSET', key('hold:' .. hold_id), 'seats', table.concat(remaining, ','))
  changes[1] = { seatId = seat, status = 'AVAILABLE' }
end
local result = { 'OK', tostring(publish(channel, changes)) }
for _, s in ipairs(remaining) do result[#result + 1] = s end
return result
