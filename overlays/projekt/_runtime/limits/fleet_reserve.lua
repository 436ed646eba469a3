-- RESERVE: settles the leases this process has finished with since its last call, then
-- takes one request from the fleet's window, or says how long to wait first. One round
-- trip per call.
-- KEYS     as settle()'s (fleet_settle.lua, which comes before this)
-- ARGV     floor, max_wait_ms, lease, lease_ms, probe_poll_ms, then any settles
-- Returns  0 once the lease is taken; else the milliseconds to wait before asking again.
-- Expiry   both keys lease_ms after the window's reset, so an idle budget leaves nothing.
local floor, max_wait_ms = tonumber(ARGV[1]), tonumber(ARGV[2])
local lease, lease_ms, probe_poll_ms = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local now = now_ms()
settle_all(now, 6)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[2])
local state = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'tracked')
local remaining, reset_at, tracked = tonumber(state[1]), tonumber(state[2]), state[3]
if reset_at and now >= reset_at then  -- the window is over: what is left is unknown
  remaining, reset_at = nil, nil
  redis.call('HDEL', KEYS[1], 'remaining', 'reset_at')
end
if tracked ~= '0' then  -- '0': no answer so far carried rate-limit headers: nothing to spend
  if remaining == nil then
    if in_flight > 0 then return probe_poll_ms end  -- one request probes an unknown window
  elseif remaining <= floor and reset_at then
    local wait = reset_at - now
    if wait <= max_wait_ms then return math.max(wait, 1) end
    -- a longer wait than the caller allows: send, and let the server answer
  else
    redis.call('HSET', KEYS[1], 'remaining', remaining - 1)
  end
end
redis.call('ZADD', KEYS[2], now + lease_ms, lease)
local ttl = lease_ms + math.max((reset_at or now) - now, 0)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return 0
