"""The transport stack: how a request reaches the server and its answer comes back.

retries (the wrapping httpx transport: retries, throttle, telemetry per attempt), over
pool (the SDK's connections), network (each socket operation bounded by the deadline),
body (an answer read whole, capped), proxies, tls (the CA certificates it trusts),
clients (the httpx clients the SDK builds, or a user's own) and urls.
"""
