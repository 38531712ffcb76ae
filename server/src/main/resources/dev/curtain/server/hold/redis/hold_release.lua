-- Releases a live hold of the caller.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, holdId, owner, now (ms)
-- Returns  {'OK', version} | {'NOINIT'} | {'NO_HOLD'}
if not initialized() then return { 'NOINIT' } end
local channel, hold_id, owner, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
if not owned_live_hold(hold_id, owner, now) then return { 'NO_HOLD' } end
local changes = {}
end_hold(hold_id, changes, 'released')
return { 'OK', tostring(publish(channel, changes)) }
