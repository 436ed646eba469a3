"""Observability: what a user's own tooling sees of a call, without it ever failing one.

telemetry (OpenTelemetry spans and metrics), deprecation (the server's Deprecation and
Sunset headers), hooks (each observer guarded), log (the `projekt` logger) and redaction
(secrets masked wherever text leaves the SDK).
"""
