"""The SDK's hand-written runtime: the layer between the facade and the generated client.

Private: import the public names from `projekt`. Its modules, from the facade
down: pipeline (send a call), operation (parse its answer), pagination,
transport (retries), throttle, ratelimit, auth, errors, safety, clock, log.
"""
