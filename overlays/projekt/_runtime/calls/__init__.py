"""Calls: what one SDK method does, from the facade's arguments to a typed answer.

pipeline (build the request and send it), arguments (what a caller passes, checked before
anything is sent), operation (parse its answer), pagination (walk a list),
keys (idempotency keys), namespaces (`client.issues`), undocumented (`client.get()` and
the rest, for paths off the spec).
"""
