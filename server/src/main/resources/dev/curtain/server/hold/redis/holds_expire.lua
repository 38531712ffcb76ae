-- Expires holds whose time has come, each exactly once: one delta per expired hold. Any number of
-- sweepers may run this at once; the script's atomicity lets exactly one of them take each hold.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, now (ms), limit
-- Returns  {expiredCount, liveCount}. Pinned holds (a confirm is under way) wait.
if not initialized() then return { 0, 0 } end
local channel, now, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local due = redis.call('ZRANGEBYSCORE', key('expiry'), '-inf', now, 'LIMIT', 0, limit)
local expired = 0
for _, hold_id in ipairs(due) do
  if not pinned(hold_id, now) then
    local changes = {}
    end_hold(hold_id, changes, 'expired')
    publish(channel, changes)
    expired = expired + 1
  end
end
return { expired, redis.call('ZCARD', key('expiry')) }
