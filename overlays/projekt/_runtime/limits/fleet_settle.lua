-- What both scripts share: Redis's clock, and settling leases.
--
-- settle(): ends a lease, and folds the server's answer into the fleet's window
-- (throttle.Budget.observe does the same for one process).
-- KEYS[1]  the budget, a hash: remaining, reset_at (ms, Redis's clock), tracked ('1' or '0'),
--          probe (the lease of the request probing a window nobody knows yet, or NO_ANSWER
--          once a request into that window got no answer: then none waits for a probe)
-- KEYS[2]  its leases, a sorted set: lease id -> when it expires (ms)
-- Each settle is one ARGV of five fields, separated by single spaces: lease, status, the
-- answer's remaining, reset (s) and Retry-After (s); every one but the lease is empty
-- when absent (no status: no answer came, and the lease is only ended). The status '-'
-- (UNSENT) gives back a lease taken ahead that no call used.

local function now_ms()
  local clock = redis.call('TIME')
  return tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
end

local NO_ANSWER = 'no answer'

local function settle(now, lease, status, server_remaining, reset_after, retry_after)
  redis.call('ZREM', KEYS[2], lease)
  if status == nil then
    -- a server that answers nothing has no window to overshoot: none waits for a probe
    local unknown = redis.call('HEXISTS', KEYS[1], 'remaining') == 0
    if unknown and redis.call('HEXISTS', KEYS[1], 'probe') == 1 then
      redis.call('HSET', KEYS[1], 'probe', NO_ANSWER)
    end
    return
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  local in_flight = redis.call('ZCARD', KEYS[2])
  local state = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'tracked')
  local remaining, reset_at, tracked = tonumber(state[1]), tonumber(state[2]), state[3]
  local known = server_remaining ~= nil and reset_after ~= nil
  local counts = known or status == 429
  -- known once an answer counts; a gateway's 502 without the headers may come first
  if tracked == false or (tracked == '0' and counts) then
    redis.call('HSET', KEYS[1], 'tracked', counts and '1' or '0')
  end
  if status == 429 then
    local wait = retry_after or ((server_remaining == 0) and reset_after) or 0
    if wait > 0 then
      redis.call('HSET', KEYS[1], 'remaining', 0, 'reset_at', now + math.floor(wait * 1000))
    end
  elseif known then
    -- Reset counts whole seconds, so 0 means within this one: a window with requests left
    -- holds them until the next (throttle.Budget.observe says why)
    if server_remaining > 0 then reset_after = math.max(reset_after, 1) end
    local new_reset = now + math.floor(reset_after * 1000)
    if reset_at == nil or new_reset > reset_at + 1000 then
      -- a new window: trust the server, less what is still in flight. Below zero when more
      -- is in flight than the server has left: held at zero, the leases among them given
      -- back unused would raise the count above the server's.
      redis.call('HSET', KEYS[1], 'remaining', server_remaining - in_flight,
                 'reset_at', new_reset)
    else
      -- the same window, read in whole seconds: the earliest reset is the best estimate
      redis.call('HSET', KEYS[1], 'reset_at', math.min(reset_at, new_reset))
      if remaining ~= nil then
        redis.call('HSET', KEYS[1], 'remaining', math.min(remaining, server_remaining))
      end
    end
  end
end

local UNSENT = '-'

-- give_back(): ends a lease that no request used, and returns it to the window's count, which
-- its grant lowered and the server never did. Only a lease still held counts, so a settle
-- sent twice gives it back once, and one that expired, or a window that ended, gains nothing.
local function give_back(lease)
  local held = redis.call('ZREM', KEYS[2], lease) == 1
  if held and redis.call('HEXISTS', KEYS[1], 'remaining') == 1 then
    redis.call('HINCRBY', KEYS[1], 'remaining', 1)
  end
end

-- Settles every ARGV from index `first` on.
local function settle_all(now, first)
  for at = first, #ARGV do
    local lease, status, remaining, reset_after, retry_after =
      string.match(ARGV[at], '^(%S+) (%S*) (%S*) (%S*) (%S*)$')
    if status == UNSENT then
      give_back(lease)
    else
      settle(now, lease, tonumber(status), tonumber(remaining), tonumber(reset_after),
             tonumber(retry_after))
    end
  end
end
