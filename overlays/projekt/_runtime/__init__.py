"""The SDK's hand-written runtime: the layer between the facade and the generated client.

Private: import the public names from `projekt`. Its concerns, each importing only the
ones listed after it (the import contracts in pyproject.toml):

- calls/: one SDK method, from arguments to a typed answer (pipeline, arguments,
  operation, pagination, keys, namespaces, undocumented);
- auth: the bearer token as an `httpx.Auth`, and what a credential's header may hold;
- transport/: the wrapping transport (retries) over the SDK's connections;
- errors/: the exception hierarchy, and the one place a failure becomes one of them;
- limits/: the deadline, the rate limit, the throttle and its shared budget;
- observability/: tracing, deprecation notices, logging, redaction.

And six modules under them all: options, the typed object each call carries down
through httpx, and back up; forks, what a forked child makes afresh; loops, what closes
async connections as their event loop ends; links, a response's Link header read; hosts,
whether a host name could ever be looked up; clock, the machine's time, kept while a test
freezes its own.
"""
