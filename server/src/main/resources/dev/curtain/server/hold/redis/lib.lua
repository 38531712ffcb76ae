-- Shared helpers, prepended by LuaScript to every hold script (Redis has no script includes).
--
-- KEYS[1] of every script is the event's marker key "{ev:<eventId>}:init"; all other keys of the
-- event are derived from its prefix, so they share one hash tag and one Redis Cluster slot:
--   init     string  present once the event's state was built from PostgreSQL; value = version base
--   version  string  the event's version; INCR once per published delta
--   held     hash    seatId -> holdId, for every seat claimed by a hold
--   sold     set     seatIds sold
--   blocked  set     seatIds blocked by a manager
--   expiry   zset    holdId -> expiresAt (epoch ms); the sweeper's and the lazy expiry's index
--   hold:<h> hash    owner, seats (comma-separated), expiresAt, createdAt, pin (ms: a confirm is
--                    under way until then, so the hold must not expire), state once it has ended
--                    (expired | released | confirmed; the record then lives one more day)
--   owner:<o> zset   holdId -> expiresAt: one principal's holds
--   segs     hash    segment number -> "ids|xs|ys|flags": runs of adjacent seats of one row
--   rank:<c> zset    segment number -> lower bound of its distance to the sweet spot, per category
-- Time is never read from Redis: scripts take the server's clock as an argument.

local PREFIX = string.sub(KEYS[1], 1, -5)
local EVENT_ID = string.sub(PREFIX, 5, -3)

local function key(name)
  return PREFIX .. name
end

local function initialized()
  return redis.call('EXISTS', KEYS[1]) == 1
end

local function split(s, sep)
  local out = {}
  if s == nil or s == '' then return out end
  for part in string.gmatch(s, '([^' .. sep .. ']+)') do out[#out + 1] = part end
  return out
end

local function hold_seats(hold_id)
  return split(redis.call('HGET', key('hold:' .. hold_id), 'seats'), ',')
end

-- Ends a hold: frees its seats (appending AVAILABLE changes) and leaves a one-day tombstone with
-- the reason, so a late confirm can tell "expired" from "never existed".
local function end_hold(hold_id, changes, state)
  local hk = key('hold:' .. hold_id)
  local owner = redis.call('HGET', hk, 'owner')
  for _, seat in ipairs(hold_seats(hold_id)) do
    if redis.call('HGET', key('held'), seat) == hold_id then
      redis.call('HDEL', key('held'), seat)
      if changes then changes[#changes + 1] = { seatId = seat, status = 'AVAILABLE' } end
    end
  end
  redis.call('ZREM', key('expiry'), hold_id)
  if owner then redis.call('ZREM', key('owner:' .. owner), hold_id) end
  redis.call('HSET', hk, 'state', state)
  redis.call('PEXPIRE', hk, 86400000)
end

local function pinned(hold_id, now)
  local pin = redis.call('HGET', key('hold:' .. hold_id), 'pin')
  return pin and tonumber(pin) > now
end

-- Seats of `seats` that stop a claim (sold, blocked, or held by another live hold). Seats held
-- by holds that have expired but were not swept yet do not stop it: those holds are collected in
-- `expired` so the caller can drop them first.
local function blockers(seats, now, own_hold, expired)
  local unavailable = {}
  if #seats == 0 then return unavailable end
  local sold = redis.call('SMISMEMBER', key('sold'), unpack(seats))
  local blocked = redis.call('SMISMEMBER', key('blocked'), unpack(seats))
  local holders = redis.call('HMGET', key('held'), unpack(seats))
  for i, seat in ipairs(seats) do
    local holder = holders[i]
    if sold[i] == 1 or blocked[i] == 1 then
      unavailable[#unavailable + 1] = seat
    elseif holder and holder ~= own_hold then
      local expires = redis.call('ZSCORE', key('expiry'), holder)
      if (expires and tonumber(expires) > now) or pinned(holder, now) then
        unavailable[#unavailable + 1] = seat
      else
        expired[holder] = true
      end
    end
  end
  return unavailable
end

local function drop_expired(expired, changes)
  for hold_id, _ in pairs(expired) do end_hold(hold_id, changes, 'expired') end
end

-- Claims seats for a hold, appending HELD changes.
local function claim(hold_id, seats, expires_iso, changes)
  local args = {}
  for _, seat in ipairs(seats) do
    args[#args + 1] = seat
    args[#args + 1] = hold_id
    changes[#changes + 1] = { seatId = seat, status = 'HELD', holdId = hold_id, expiresAt = expires_iso }
  end
  if #args > 0 then redis.call('HSET', key('held'), unpack(args)) end
end

local function write_hold(hold_id, owner, seats, expires_at, created_at)
  redis.call('HSET', key('hold:' .. hold_id), 'owner', owner, 'seats', table.concat(seats, ','),
    'expiresAt', expires_at, 'createdAt', created_at)
  redis.call('ZADD', key('expiry'), expires_at, hold_id)
  redis.call('ZADD', key('owner:' .. owner), expires_at, hold_id)
end

local function live_holds_of(owner, now)
  return redis.call('ZCOUNT', key('owner:' .. owner), '(' .. now, '+inf')
end

local function current_version()
  return tonumber(redis.call('GET', key('version')) or '0')
end

-- Publishes the changes as one delta with the next version; answers the event's version.
local function publish(channel, changes)
  if #changes == 0 then return current_version() end
  local version = redis.call('INCR', key('version'))
  redis.call('PUBLISH', channel, cjson.encode({ type = 'delta', eventId = EVENT_ID, version = version, changes = changes }))
  return version
end

-- What a hold id means to this owner now: LIVE (with its record), NO_HOLD, NOT_YOURS, EXPIRED,
-- or the state it ended in (RELEASED, CONFIRMED). A pinned hold (confirm under way) stays LIVE.
local function hold_status(hold_id, owner, now)
  local r = redis.call('HMGET', key('hold:' .. hold_id), 'owner', 'expiresAt', 'createdAt', 'state', 'pin')
  if not r[1] then return 'NO_HOLD' end
  if r[1] ~= owner then return 'NOT_YOURS' end
  if r[4] then return string.upper(r[4]) end
  if tonumber(r[2]) <= now and not (r[5] and tonumber(r[5]) > now) then return 'EXPIRED' end
  return 'LIVE', { owner = r[1], expiresAt = tonumber(r[2]), createdAt = tonumber(r[3]) }
end

-- The owner's live hold, or nil when it does not exist, is someone else's, or has ended.
local function owned_live_hold(hold_id, owner, now)
  local status, hold = hold_status(hold_id, owner, now)
  if status == 'LIVE' then return hold end
  return nil
end
