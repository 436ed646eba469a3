"""make bench, per-call figures: the SDK against hand-written httpx, on the mock and over
real loopback sockets, with the goals each is held to (bench/percall.py measures)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import instructions
import loopback
import peers
import percall
from cases import SERVER_PORT
from table import ROOT, row

from tests.helpers import free_port, wait_until_up

# (figure, what it is, goal of the fallback (msgspec blocked), goal of the default install)
PER_CALL_GOALS = [
    ("list1", "list() of 1 issue vs raw httpx + json.loads", 1.10, 1.00),
    ("list50", "list() of 50 issues vs raw httpx + json.loads", 1.25, 0.85),
    ("list500", "list() of 500 issues vs raw httpx + json.loads", 1.65, 0.70),
    ("create", "create() vs raw httpx POST json=", 1.15, 1.00),
    ("async50", "async list() of 50 issues vs raw httpx.AsyncClient", 1.25, 0.90),
    ("http_client1", "list() of 1 issue, http_client= path vs transport= path", 1.10, 1.10),
    ("http_client50", "list() of 50 issues, http_client= path vs transport= path", 1.10, 1.10),
]
# Over real sockets, the default install: no slower than hand-written httpx through the
# SDK's own pool, and within 10% of it through `http_client=` (an httpx.Client's pool).
SOCKET_GOALS = [
    *[(f"s_list{n}", f"list() of {n} issue(s), the SDK's own pool", 1.00) for n in (1, 50, 500)],
    ("s_create", "create(), the SDK's own pool", 1.00),
    *[(f"s_http_client{n}", f"list() of {n} issue(s), http_client=", 1.10) for n in (1, 50, 500)],
    ("s_create_http_client", "create(), http_client=", 1.10),
]
# What each optimisation kept for speed saves of a real call: the SDK without it, against
# the SDK as it is (docs/adr/ keeps each only with its figure).
SAVINGS = [
    ("s_urls", "transport/urls.py (one URL parse, not httpx's three)"),
    ("s_url_cache", "transport/urls.py's cache (no parse for a URL called again)"),
    ("s_cookies", "transport/clients.py (no cookie jar on the SDK's own client)"),
    ("s_body", "transport/body.py's direct read (no second response for a plain body)"),
]
INSTALLS = {"speed": "default install", "plain": "fallback, msgspec blocked"}
PEER_NAMES = {
    "stock": "openapi-python-client as it ships",
    "pydantic": "pydantic v2 models (datamodel-code-generator), TypeAdapter.validate_json",
}


@contextmanager
def fast_server() -> Iterator[None]:
    """bench/fastserver.py in its own process, its port where the workers look for it."""
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "bench" / "fastserver.py"), str(port)])
    try:
        wait_until_up(f"http://127.0.0.1:{port}/me", server)
        os.environ[SERVER_PORT] = str(port)
        yield
    finally:
        server.kill()
        server.wait()


def bench_per_call(peers_dir: Path) -> dict[str, dict[str, percall.Result]]:
    peers.generate(peers_dir)
    keys = [figure.key for figure in percall.figures()]
    peer_keys = [figure.key for figure in percall.peer_figures()]
    with fast_server():
        results = {
            "plain": percall.measure("plain", keys),
            "speed": percall.measure("speed", keys + peer_keys),
        }
        loopback.bench_burst()
        counted = instructions.measure()
    mock_rows(results)
    socket_rows(results)
    instructions.add_rows(counted)
    return results


def mock_rows(results: dict[str, dict[str, percall.Result]]) -> None:
    for key, what, plain_goal, speed_goal in PER_CALL_GOALS:
        for install, goal in (("speed", speed_goal), ("plain", plain_goal)):
            result = results[install][key]
            met = result.high <= goal
            row(f"mock: {what} ({INSTALLS[install]})", str(result), f"<= {goal:.2f}x", met)
    for peer, name in PEER_NAMES.items():
        for size in (1, 50, 500):
            ours = results["speed"][f"list{size}"]
            theirs = results["speed"][f"{peer}{size}"]
            what = f"mock: peer: {name}, list of {size} vs raw httpx (the SDK: {ours.median:.2f}x)"
            row(what, str(theirs), "", None)


def socket_rows(results: dict[str, dict[str, percall.Result]]) -> None:
    for key, what, goal in SOCKET_GOALS:
        result = results["speed"][key]
        what = f"sockets: {what} vs hand-written httpx (default install)"
        row(what, str(result), f"<= {goal:.2f}x", result.high <= goal)
    for key, path in (
        ("s_create_keyed", "the SDK's own pool"),
        ("s_create_http_client_keyed", "http_client="),
    ):
        row(
            f"sockets: create(), {path} vs hand-written httpx that also sends an "
            "Idempotency-Key of its own, as the SDK does (the same work)",
            str(results["speed"][key]),
            "(report)",
            None,
        )
    for size in (1, 50, 500):
        plain, speed = results["plain"][f"s_list{size}"], results["speed"][f"s_list{size}"]
        row(
            f"sockets: list() of {size}: what msgspec saves (fallback minus default, in calls)",
            f"{plain.median - speed.median:+.1%} (fallback {plain}, default {speed})",
            ">= 1% to keep it (docs/adr/0003)",
            plain.median - speed.median >= 0.01,
        )
    for prefix, what in SAVINGS:
        for size in (1, 50):
            result = results["speed"][f"{prefix}{size}"]
            row(
                f"sockets: list() of {size}: what {what} saves (without it / with it)",
                f"{result.median - 1:+.1%} ({result})",
                ">= 1% to keep it (docs/adr/)",
                result.median - 1 >= 0.01,
            )
