-- Grows a live hold by more seats, all or nothing; the hold keeps its expiry.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, holdId, owner, now (ms), maxSeatsPerHold, seatId...
-- Returns  {'OK', version, seatId...(all seats of the hold)} | {'NOINIT'} | {'NO_HOLD'}
--          | {'TOO_MANY_SEATS', current} | {'UNAVAILABLE', seatId...}
if not initialized() then return { 'NOINIT' } end
local channel, hold_id, owner, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local max_seats = tonumber(ARGV[5])
local hold = owned_live_hold(hold_id, owner, now)
if not hold then return { 'NO_HOLD' } end

local current = hold_seats(hold_id)
local have = {}
for _, seat in ipairs(current) do have[seat] = true end
local adding = {}
for i = 6, #ARGV do
  if not have[ARGV[i]] then
    adding[#adding + 1] = ARGV[i]
    have[ARGV[i]] = true
  end
end
if #current + #adding > max_seats then return { 'TOO_MANY_SEATS', tostring(#current) } end

local expired = {}
local unavailable = blockers(adding, now, hold_id, expired)
if #unavailable > 0 then
  table.insert(unavailable, 1, 'UNAVAILABLE')
  return unavailable
end
local changes = {}
drop_expired(expired, changes)
claim(hold_id, adding, nil, changes)
for _, seat in ipairs(adding) do current[#current + 1] = seat end
redis.call('HSET', key('hold:' .. hold_id), 'seats', table.concat(current, ','))
local result = { 'OK', tostring(publish(channel, changes)) }
for _, seat in ipairs(current) do result[#result + 1] = seat end
return result
