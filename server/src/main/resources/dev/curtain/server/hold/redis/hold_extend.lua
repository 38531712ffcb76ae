-- Extends a live hold to now + ttl, but never past createdAt + maxLifetime.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     owner, holdId, now (ms), ttl (ms), maxLifetime (ms)
-- Returns  {'OK', expiresAt, version, seatId...} | {'NOINIT'} | {'NO_HOLD'}
if not initialized() then return { 'NOINIT' } end
local owner, hold_id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local ttl, max_lifetime = tonumber(ARGV[4]), tonumber(ARGV[5])
local hold = owned_live_hold(hold_id, owner, now)
if not hold then return { 'NO_HOLD' } end
local expires_at = math.min(now + ttl, hold.createdAt + max_lifetime)
if expires_at < hold.expiresAt then expires_at = hold.expiresAt end
redis.call('HSET', key('hold:' .. hold_id), 'expiresAt', expires_at)
redis.call('ZADD', key('expiry'), expires_at, hold_id)
redis.call('ZADD', key('owner:' .. owner), expires_at, hold_id)
local result = { 'OK', tostring(expires_at), tostring(current_version()) }
for _, seat in ipairs(hold_seats(hold_id)) do result[#result + 1] = seat end
return result
