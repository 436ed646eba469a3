-- RESERVE: settles the leases this process has finished with since its last call, then
-- takes requests from the fleet's window: one for the call, and while the window is wide a
-- few more for this process's next calls; or says how long to wait first. One round trip.
-- KEYS     as settle()'s (fleet_settle.lua, which comes before this)
-- ARGV     floor, max_wait_ms, lease, lease_ms, probe_poll_ms, probe_ms, wanted, then any
--          settles
-- Returns  {0, granted} once taken: the lease, and granted - 1 more named lease/2 to
--          lease/<granted>; else {the milliseconds to wait before asking again, 0}.
-- Probes   while nobody knows the window (none yet, or the last one ended), one request
--          asks the server: the others wait and ask again, until its answer tells the window.
--          Once it gets no answer, or none within probe_ms (the probe may be lost with its
--          process, or the server answers nothing), all go until one does (probe is then
--          NO_ANSWER). Each waits a quarter of the time the probe has taken so far, at least
--          probe_poll_ms and at most PROBE_POLL_MOST_MS, so that calls waiting for a slow
--          answer do not each ask fifty times a second. Requests of an ended window still in
--          flight do not hold up the probe.
-- Expiry   both keys lease_ms after the window's reset, so an idle budget leaves nothing.
local SHARE = 4  -- a grant takes at most a quarter of what is left per lease in flight
local PROBE_POLL_MOST_MS = 50
local floor, max_wait_ms = tonumber(ARGV[1]), tonumber(ARGV[2])
local lease, lease_ms, probe_poll_ms = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local probe_ms, wanted = tonumber(ARGV[6]), tonumber(ARGV[7])
local now = now_ms()
settle_all(now, 8)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[2])
local state = redis.call('HMGET', KEYS[1], 'remaining', 'reset_at', 'tracked', 'probe')
local remaining, reset_at = tonumber(state[1]), tonumber(state[2])
local tracked, probe = state[3], state[4]
if reset_at and now >= reset_at then  -- the window is over: what is left is unknown
  remaining, reset_at, probe = nil, nil, false
  redis.call('HDEL', KEYS[1], 'remaining', 'reset_at', 'probe')
end
local granted = 1
if tracked == '0' then  -- no answer so far carried rate-limit headers: nothing to spend
  granted = wanted
elseif remaining == nil then
  if probe ~= NO_ANSWER then
    -- the probe's lease is still held, and was granted less than probe_ms ago
    local expires = probe and tonumber(redis.call('ZSCORE', KEYS[2], probe))
    local probing_for = expires and now - (expires - lease_ms)
    if probing_for and probing_for < probe_ms then
      local poll = math.max(math.floor(probing_for / 4), probe_poll_ms)
      return {math.min(poll, PROBE_POLL_MOST_MS), 0}
    end
    -- nothing heard of the probe for probe_ms: all go; else none probes: this one does
    redis.call('HSET', KEYS[1], 'probe', probing_for and NO_ANSWER or lease)
  end
elseif remaining <= floor and reset_at then
  local wait = reset_at - now
  if wait <= max_wait_ms then return {math.max(wait, 1), 0} end
  -- a longer wait than the caller allows: send, and let the server answer
else
  -- what is wanted, up to a share of what is left, so that other senders find theirs
  local share = math.floor((remaining - floor) / (SHARE * (in_flight + 1)))
  granted = math.max(1, math.min(wanted, share))
  redis.call('HSET', KEYS[1], 'remaining', remaining - granted)
end
redis.call('ZADD', KEYS[2], now + lease_ms, lease)
for n = 2, granted do
  redis.call('ZADD', KEYS[2], now + lease_ms, lease .. '/' .. n)
end
local ttl = lease_ms + math.max((reset_at or now) - now, 0)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return {0, granted}
