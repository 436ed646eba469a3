"""make bench, the shared budget: a fleet of processes against one rate limit, and what
the budget's Redis round trips add to a call: in a stream of calls, which take leases ahead,
and one lease a call, as calls further apart than leases.STOCK_WITHIN take them."""

from __future__ import annotations

import itertools
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

import cases
import httpx
from fastserver import HEADERS, USER
from table import ROOT, row

from projekt import Projekt
from tests.helpers import Sandbox, free_port, wait_until_up


def bench_fleet(
    tmp: Path, limit: int = 60, window: float = 3.0, seconds: float = 9.0
) -> dict[str, tuple[float, float]]:
    """4 processes x 3 threads calling me.get() (max_retries=0) against one rate limit:
    each process with its own throttle, then all sharing one budget through Redis."""
    from tests.fleet.conftest import RedisServer
    from tests.fleet.test_shared_budget import fleet

    server = RedisServer(tmp)
    figures: dict[str, tuple[float, float]] = {}
    try:
        for label, url in (("each process's own throttle", ""), ("shared in Redis", server.url)):
            sandbox = Sandbox(tmp / f"fleet{len(url)}.db", f"{limit}/{window:g}")
            try:
                counts = fleet(sandbox, url, processes=4, seconds=seconds)
            finally:
                sandbox.stop()
            # The windows the run spans, counted from its first call (all start at once).
            allowed = limit * math.ceil(seconds / window)
            calls = sum(counts.values())
            figures[label] = (counts["ok"] / allowed, counts["429"] / calls)
            shared = bool(url)
            row(
                f"fleet of 4 processes x 3 threads, {limit} req/{window:g} s, {seconds:g} s: "
                f"{label}",
                f"successes {counts['ok'] / allowed:.2f} of the limit; "
                f"429s {counts['429'] / calls:.3f} of {calls} calls",
                ">= 0.90; <= 0.01" if shared else "(comparison)",
                counts["ok"] >= 0.9 * allowed and counts["429"] <= 0.01 * calls if shared else None,
            )
        bench_redis_round_trip(server.url)
    finally:
        server.kill()
    return figures


def bench_redis_round_trip(url: str, calls: int = 300, rounds: int = 31) -> None:
    """What the shared budget adds to a call, against the same call without it: on the mock,
    and over real loopback sockets to a fast local server (bench/fastserver.py, its own
    process); in a stream of calls, and one lease a call. Rounds are interleaved."""
    import redis

    from projekt._runtime.limits import leases

    ping = redis.Redis.from_url(url)
    start = time.perf_counter()
    for _ in range(calls * 4):
        ping.ping()
    ping_us = (time.perf_counter() - start) / (calls * 4) * 1e6
    # The rate-limit headers the API always sends: without them the budget learns that the
    # server does not count, and every settle after the first is the cheapest one.
    ok = httpx.Response(200, json=USER, headers=HEADERS)
    mock = {"transport": httpx.MockTransport(lambda _: ok)}
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "bench" / "fastserver.py"), str(port)])
    try:
        wait_until_up(f"http://127.0.0.1:{port}/me", server)
        real = {"base_url": f"http://127.0.0.1:{port}"}
        stream = leases.STOCK_WITHIN
        # STOCK_WITHIN 0: no call comes soon enough for leases taken ahead, and none is.
        ways = (("a stream of calls", stream), ("one lease a call, one Lua script each", 0.0))
        for (label, wire), (way, within) in itertools.product(
            (("mock", mock), ("real loopback sockets", real)), ways
        ):
            leases.STOCK_WITHIN = within
            options = {"api_key": cases.TOKEN, "org_id": cases.ORG, "base_url": cases.BASE}
            options.update(wire)
            with Projekt(**options) as local, Projekt(**options, throttle_url=url) as shared:
                call_us, added = redis_cost(local, shared, calls, rounds)
            leases.STOCK_WITHIN = stream
            row(
                f"the shared budget's cost per call ({label}; {way})",
                f"+{statistics.median(added):.0f} µs ({added[len(added) // 4]:+.0f} to "
                f"{added[-len(added) // 4]:+.0f}, middle half) on a {call_us:.0f} µs call; "
                f"a redis-py PING takes {ping_us:.0f} µs here",
                "<= 200 µs",
                statistics.median(added) <= 200,
            )
    finally:
        server.kill()


def redis_cost(
    local: Projekt, shared: Projekt, calls: int, rounds: int
) -> tuple[float, list[float]]:
    """(the call's own median µs, the sorted µs the shared budget added, round by round)."""

    def per_call(client: Projekt) -> float:
        start = time.perf_counter()
        for _ in range(calls):
            client.me.get()
        return (time.perf_counter() - start) / calls * 1e6

    per_call(local), per_call(shared)
    pairs = [(per_call(local), per_call(shared)) for _ in range(rounds)]
    return statistics.median(a for a, _ in pairs), sorted(b - a for a, b in pairs)
