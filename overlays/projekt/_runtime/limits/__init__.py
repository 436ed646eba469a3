"""Limits: what a call may spend, in time and in the API's rate limit.

deadline (the time an attempt may take), ratelimit (the server's rate-limit headers),
throttle (waiting for the window before sending) and fleet (its budget shared in Redis,
with fleet_*.lua; leases: what this process holds of it; fleet_redis: the Redis clients a
client's budgets share) and waits (a long wait said on the logger).
"""
