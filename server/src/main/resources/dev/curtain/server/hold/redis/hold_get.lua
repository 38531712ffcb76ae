-- Reads a live hold of the caller.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     owner, holdId, now (ms)
-- Returns  {'OK', expiresAt, version, seatId...} | {'NOINIT'} | {'NO_HOLD'}
if not initialized() then return { 'NOINIT' } end
local owner, hold_id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local hold = owned_live_hold(hold_id, owner, now)
if not hold then return { 'NO_HOLD' } end
local result = { 'OK', tostring(hold.expiresAt), tostring(current_version()) }
for _, seat in ipairs(hold_seats(hold_id)) do result[#result + 1] = seat end
return result
