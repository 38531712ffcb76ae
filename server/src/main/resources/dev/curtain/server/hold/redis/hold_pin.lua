-- Pins a live hold for a confirm: until `now + pinMillis` it cannot expire, so the PostgreSQL
-- transaction that sells its seats never races the sweeper. A pin that is never followed by a
-- confirm (a crashed node) simply lapses.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     owner, holdId, now (ms), pinMillis
-- Returns  {'OK', expiresAt, seatId...} | {'NOINIT'} | {'NO_HOLD'} | {'NOT_YOURS'} | {'EXPIRED'}
--          | {'RELEASED'} | {'CONFIRMED'}
if not initialized() then return { 'NOINIT' } end
local owner, hold_id, now, pin_ms = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local status, hold = hold_status(hold_id, owner, now)
if status ~= 'LIVE' then return { status } end
redis.call('HSET', key('hold:' .. hold_id), 'pin', now + pin_ms)
local result = { 'OK', tostring(hold.expiresAt) }
for _, seat in ipairs(hold_seats(hold_id)) do result[#result + 1] = seat end
return result
