"""The SDK's hand-written runtime: the layer between the facade and the generated client.

Private: import the public names from `projekt`. Its modules, from the facade
down: pipeline (send a call), operation (parse its answer), pagination,
transport (retries) over pool (the connections; network and deadline bound each
attempt) and body (reading it whole), throttle and ratelimit (and fleet, the
throttle's budget in Redis), auth, errors (the classes) and failures (which one a
response becomes), safety, telemetry, waits (long ones said on the logger) and
deprecation (run through hooks, so no observer fails a call), redaction, proxies,
clients, clock, log.
"""
