-- Makes sold or blocked seats available again (refund, exchange, unblock) and publishes it.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, 'sold' | 'blocked', seatId...
-- Returns  {'OK', version} | {'NOINIT'} (the next use rebuilds the markers from PostgreSQL)
if not initialized() then return { 'NOINIT' } end
local channel, set = ARGV[1], ARGV[2]
local changes = {}
for i = 3, #ARGV do
  if redis.call('SREM', key(set), ARGV[i]) == 1 then
    changes[#changes + 1] = { seatId = ARGV[i], status = 'AVAILABLE' }
  end
end
return { 'OK', tostring(publish(channel, changes)) }
