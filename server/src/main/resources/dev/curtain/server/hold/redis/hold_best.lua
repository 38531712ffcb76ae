-- Finds the best block of `count` adjacent seats in one row and holds it, in one atomic step.
-- Candidates come from the event's segments (runs of adjacent seats of one row and category),
-- visited in order of their lower-bound distance to the sweet spot; the search stops once the
-- best block found is at least as close as the next segment could be. A block that strands a
-- single empty seat (between it and a taken seat or the row's end) is taken only when no other
-- block exists, unless single gaps are allowed.
-- KEYS[1]  {ev:<id>}:init
-- ARGV     channel, holdId, owner, now (ms), expiresAt (ms), expiresAt (ISO-8601), maxLiveHolds,
--          count, sweetX, sweetY, accessibleOnly ('1'|'0'), allowSingleGaps ('1'|'0'),
--          replaceHoldId ('' for none), category...(in order of preference)
-- Returns  {'OK', version, seatId...} | {'NOINIT'} | {'TOO_MANY_HOLDS', live} | {'NO_BLOCK'}
--          | {'NO_HOLD'} (replaceHoldId is not a live hold of the owner)
if not initialized() then return { 'NOINIT' } end
local channel, hold_id, owner = ARGV[1], ARGV[2], ARGV[3]
local now, expires_at, expires_iso = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local max_live, count = tonumber(ARGV[7]), tonumber(ARGV[8])
local sweet_x, sweet_y = tonumber(ARGV[9]), tonumber(ARGV[10])
local accessible_only, allow_gaps = ARGV[11] == '1', ARGV[12] == '1'
local replace = ARGV[13]

if replace ~= '' then
  if not owned_live_hold(replace, owner, now) then return { 'NO_HOLD' } end
elseif live_holds_of(owner, now) >= max_live then
  return { 'TOO_MANY_HOLDS', tostring(live_holds_of(owner, now)) }
end

local BATCH = 32

-- Whether a holder still holds its seats: not yet expired, or pinned by a confirm under way
-- (as in blockers()). Asked once per holder and call: a full house has many seats per hold.
local holder_live = {}
local function still_held(holder)
  local live = holder_live[holder]
  if live == nil then
    local exp = redis.call('ZSCORE', key('expiry'), holder)
    live = (exp and tonumber(exp) > now) or pinned(holder, now) or false
    holder_live[holder] = live
  end
  return live
end

-- Open = free now and eligible. Seats of the hold being replaced count as taken, so that
-- "next best" moves to a different block.
local function open_flags(ids, flags)
  local sold = redis.call('SMISMEMBER', key('sold'), unpack(ids))
  local blocked = redis.call('SMISMEMBER', key('blocked'), unpack(ids))
  local holders = redis.call('HMGET', key('held'), unpack(ids))
  local open, expired_holder = {}, {}
  for i = 1, #ids do
    local eligible = (string.sub(flags, i, i) == 'a') == accessible_only
    local free = sold[i] == 0 and blocked[i] == 0
    local holder = holders[i]
    if free and holder then
      if holder == replace or still_held(holder) then
        free = false
      else
        expired_holder[i] = holder
      end
    end
    open[i] = free and eligible
  end
  return open, expired_holder
end

local function search(category)
  local rank_key = key('rank:' .. category)
  local best_good, best_any = nil, nil
  local offset = 0
  while true do
    local page = redis.call('ZRANGE', rank_key, offset, offset + BATCH - 1, 'WITHSCORES')
    if #page == 0 then break end
    for p = 1, #page, 2 do
      local seg_no, bound = page[p], tonumber(page[p + 1])
      if best_good and best_good.score <= bound then return best_good end
      local parts = split(redis.call('HGET', key('segs'), seg_no), '|')
      local ids, xs, ys, flags = split(parts[1], ','), split(parts[2], ','), split(parts[3], ','), parts[4]
      if #ids >= count then
        local open, expired_holder = open_flags(ids, flags)
        local i = 1
        while i <= #ids do
          if open[i] then
            local run_start = i
            while i <= #ids and open[i] do i = i + 1 end
            local run_end = i - 1
            for s = run_start, run_end - count + 1 do
              local e = s + count - 1
              local cx = (tonumber(xs[s]) + tonumber(xs[e])) / 2
              local cy = (tonumber(ys[s]) + tonumber(ys[e])) / 2
              local score = math.sqrt((cx - sweet_x) ^ 2 + (cy - sweet_y) ^ 2)
              local single_gap = (s - run_start == 1) or (run_end - e == 1)
              local candidate = { score = score, ids = ids, from = s, to = e, expired = expired_holder }
              if (allow_gaps or not single_gap) and (not best_good or score < best_good.score) then
                best_good = candidate
              end
              if not best_any or score < best_any.score then best_any = candidate end
            end
          else
            i = i + 1
          end
        end
      end
    end
    offset = offset + BATCH
  end
  return best_good or best_any
end

local found = nil
for c = 14, #ARGV do
  found = search(ARGV[c])
  if found then break end
end
if not found then return { 'NO_BLOCK' } end

local changes = {}
local seats, expired = {}, {}
for k = found.from, found.to do
  seats[#seats + 1] = found.ids[k]
  if found.expired[k] then expired[found.expired[k]] = true end
end
if replace ~= '' then end_hold(replace, changes, 'released') end
drop_expired(expired, changes)
claim(hold_id, seats, expires_iso, changes)
write_hold(hold_id, owner, seats, expires_at, now)
local result = { 'OK', tostring(publish(channel, changes)) }
for _, seat in ipairs(seats) do result[#result + 1] = seat end
return result
