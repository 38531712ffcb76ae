-- Builds an event's live state once per Redis lifetime: sold and blocked markers from PostgreSQL
-- and the seat segments for best-available. Runs again only after Redis lost the event's keys.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     versionBase, soldCount, blockedCount, segmentCount, sold..., blocked...,
--          then per segment: number, category, lowerBound, "ids|xs|ys|flags"
-- Returns  {1} when built now, {0} when it already existed
if initialized() then return { 0 } end
local version_base = tonumber(ARGV[1])
local sold_n, blocked_n, seg_n = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local i = 5
local function add_members(set_key, n)
  local batch = {}
  for _ = 1, n do
    batch[#batch + 1] = ARGV[i]
    i = i + 1
    if #batch == 500 then redis.call('SADD', set_key, unpack(batch)); batch = {} end
  end
  if #batch > 0 then redis.call('SADD', set_key, unpack(batch)) end
end
redis.call('DEL', key('sold'), key('blocked'), key('segs'))
add_members(key('sold'), sold_n)
add_members(key('blocked'), blocked_n)
for _ = 1, seg_n do
  local number, category, bound, data = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  i = i + 4
  redis.call('HSET', key('segs'), number, data)
  redis.call('ZADD', key('rank:' .. category), bound, number)
end
-- A rebuilt event continues above any version a client may have seen before the loss.
local version = math.max(current_version(), version_base)
redis.call('SET', key('version'), version)
redis.call('SET', KEYS[1], version_base)
return { 1 }
