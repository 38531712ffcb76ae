-- Creates a hold on the given seats, all or nothing.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, holdId, owner, now (ms), expiresAt (ms), expiresAt (ISO-8601), maxLiveHolds, seatId...
-- Returns  {'OK', version} | {'NOINIT'} | {'TOO_MANY_HOLDS', live} | {'UNAVAILABLE', seatId...}
if not initialized() then return { 'NOINIT' } end
local channel, hold_id, owner = ARGV[1], ARGV[2], ARGV[3]
local now, expires_at, expires_iso = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local max_live = tonumber(ARGV[7])
local seats = {}
for i = 8, #ARGV do seats[#seats + 1] = ARGV[i] end

local live = live_holds_of(owner, now)
if live >= max_live then return { 'TOO_MANY_HOLDS', tostring(live) } end

local expired = {}
local unavailable = blockers(seats, now, nil, expired)
if #unavailable > 0 then
  table.insert(unavailable, 1, 'UNAVAILABLE')
  return unavailable
end
local changes = {}
drop_expired(expired, changes)
claim(hold_id, seats, expires_iso, changes)
write_hold(hold_id, owner, seats, expires_at, now)
return { 'OK', tostring(publish(channel, changes)) }
