"""Calls: what one SDK method does, from the facade's arguments to a typed answer.

pipeline (build the request and send it), operation (parse its answer), pagination
(walk a list), keys (idempotency keys).
"""
