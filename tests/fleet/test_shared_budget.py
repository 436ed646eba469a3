"""The throttle's budget shared through Redis: by clients that share nothing else, by a
fleet of processes, and through a Redis that dies mid-run."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import subprocess
import sys
import threading
import time
import uuid
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
import trio
import trustme
from redis.backoff import NoBackoff
from redis.retry import Retry

import projekt
from projekt._runtime.limits.fleet import SETTLE, fleet_redis
from projekt._runtime.limits.fleet_redis import BUDGET_ACL
from projekt._runtime.limits.leases import unsent
from projekt_sandbox.testing import ProjektSandbox
from tests.fleet.conftest import RedisServer, answer, shared_budget
from tests.helpers import ROOT, Sandbox, free_port

GUIDE = ROOT / "docs" / "guide" / "fleets.md"

# A Redis timeout far above a loaded machine's pauses, for the tests about the fleet's
# guarantees rather than about Redis being slow (test_one_slow_redis_reply... is): a reply
# later than the default 0.25 s sends that call to its process's own budget.
PATIENT = 2.0

WORKER = """
import json, sys, threading, time
import projekt
url, key, org, throttle_url, patient, start_at, seconds = sys.argv[1:8]
client = projekt.Projekt(api_key=key, org_id=org, base_url=url, max_retries=0,
                         throttle_url=throttle_url or None, throttle_timeout=float(patient))
counts = {"ok": 0, "429": 0, "other": 0}
lock = threading.Lock()
time.sleep(max(float(start_at) - time.time(), 0))  # the whole fleet starts at once
end = float(start_at) + float(seconds)
def work():
    while time.time() < end:
        try:
            client.me.get()
            outcome = "ok"
        except projekt.RateLimitError:
            outcome = "429"
        except projekt.ProjektError:
            outcome = "other"
        with lock:
            counts[outcome] += 1
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps(counts))
"""


def fleet(sandbox: Sandbox, throttle_url: str, processes: int, seconds: float) -> dict[str, int]:
    """Every process's counts, summed; all start calling at one instant, once started up."""
    args = [sandbox.url, sandbox.owner["api_key"], sandbox.owner["org_id"], throttle_url]
    args += [str(PATIENT), str(time.time() + 3.0)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, *args, str(seconds)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(processes)
    ]
    total = {"ok": 0, "429": 0, "other": 0}
    for worker in workers:
        out, _ = worker.communicate(timeout=seconds + 30)
        for name, count in json.loads(out).items():
            total[name] += count
    return total


# The wider window leaves room for reservations that take leases ahead (leases.py).
@pytest.mark.parametrize("per_window", [60, 300])
def test_a_fleet_sharing_redis_stays_under_the_limit_and_uses_it(
    tmp_path: Path, redis_server: RedisServer, per_window: int
) -> None:
    """4 processes x 3 threads, `per_window` requests per 3 s, for 9 s (three windows)."""
    sandbox = Sandbox(tmp_path / "fleet.db", f"{per_window}/3")
    try:
        counts = fleet(sandbox, redis_server.url, processes=4, seconds=9.0)
    finally:
        sandbox.stop()
    calls = sum(counts.values())
    assert counts["other"] == 0, counts
    assert counts["429"] <= 0.01 * calls, counts
    assert counts["ok"] >= 0.9 * 3 * per_window, counts  # three windows, the first one whole


@pytest.mark.parametrize("second", ["its own pool", "http_client="])
def test_two_clients_that_share_nothing_else_share_the_budget(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer, second: str
) -> None:
    """Up to 0.17.0 a client sending through `http_client=` read its budget's key before its
    token was on the request: with the same token, it and a client on its own pool kept two
    budgets for the server's one window, and together overran it."""
    projekt_sandbox.rate_limit(10, 2.0)
    options = {"max_retries": 0, "throttle_url": redis_server.url, "throttle_timeout": PATIENT}
    own = projekt_sandbox.client(**options)
    users = httpx.Client() if second == "http_client=" else None
    clients = [own, projekt_sandbox.client(http_client=users, **options)]
    errors: list[Exception] = []

    def work(client: projekt.Projekt) -> None:
        for _ in range(12):
            try:
                client.me.get()
            except projekt.ProjektError as error:
                errors.append(error)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients for _ in range(2)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and time.monotonic() - started >= 2.0  # 48 calls need five windows
    stored = redis.Redis.from_url(redis_server.url).keys("projekt:throttle:*")
    assert stored and not any(projekt_sandbox.api_key.encode() in key for key in stored)
    for client in clients:
        client.close()
    if users is not None:
        users.close()


def test_two_tokens_through_http_clients_keep_a_budget_each(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer
) -> None:
    """The server counts each token's calls apart. Up to 0.17.0, through `http_client=`, every
    token's calls were counted in one budget: one job's calls held back another's."""
    with projekt_sandbox.client() as owner:
        second_key = owner.api_keys.create(name="second job").token
    options = {"max_retries": 0, "throttle_url": redis_server.url, "throttle_timeout": PATIENT}
    with httpx.Client() as users:
        for api_key in (projekt_sandbox.api_key, second_key):
            with projekt_sandbox.client(api_key=api_key, http_client=users, **options) as client:
                client.me.get()
    stored = redis.Redis.from_url(redis_server.url).keys("projekt:throttle:*")
    budgets = {key.decode().partition("{")[2] for key in stored}
    assert len(budgets) == 2, stored


def test_redis_dying_mid_run_fails_no_call_and_warns_once(
    tmp_path: Path, projekt_sandbox: ProjektSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    projekt_sandbox.rate_limit(1_000_000, 60.0)  # the point is Redis failing, not the limit
    server = RedisServer(tmp_path)
    client = projekt_sandbox.client(max_retries=0, throttle_url=server.url)
    failures: list[Exception] = []
    done = threading.Event()

    def work() -> None:
        while not done.is_set():
            try:
                client.me.get()
            except projekt.ProjektError as error:
                failures.append(error)

    with caplog.at_level(logging.WARNING, logger="projekt"):
        threads = [threading.Thread(target=work) for _ in range(3)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        server.kill()
        time.sleep(1.0)
        done.set()
        for thread in threads:
            thread.join()
    warnings = [r for r in caplog.records if "shared rate-limit budget" in r.getMessage()]
    assert failures == [] and len(warnings) == 1
    # Back: once Redis is, the client uses it again (after its retry interval).
    revived = RedisServer(tmp_path, port=server.port)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("projekt._runtime.limits.fleet_redis.RETRY_REDIS_AFTER", 0.0)
            next(iter(client._shared.throttles.values()))._redis._down_until = 0.0
            client.me.get()
        assert redis.Redis.from_url(revived.url).keys("projekt:throttle:*")
    finally:
        revived.kill()
        client.close()


def test_async_clients_share_the_budget_too(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer
) -> None:
    projekt_sandbox.rate_limit(10, 2.0)

    async def main() -> list[Any]:
        clients = [
            projekt_sandbox.async_client(
                max_retries=0, throttle_url=redis_server.url, throttle_timeout=PATIENT
            )
            for _ in range(2)
        ]
        calls = [clients[n % 2].me.get() for n in range(24)]
        try:
            return await asyncio.gather(*calls, return_exceptions=True)
        finally:
            for client in clients:
                await client.close()

    started = time.monotonic()
    results = asyncio.run(main())
    assert not [r for r in results if isinstance(r, Exception)]
    assert time.monotonic() - started >= 2.0  # 24 calls need three windows of 10


@pytest.fixture
def failed(monkeypatch: pytest.MonkeyPatch) -> list[Exception]:
    """Every failure to reach Redis the shared budget records (each sends its call to the
    process's own budget)."""
    from projekt._runtime.limits.fleet_redis import FleetRedis

    failures: list[Exception] = []
    record = FleetRedis.failed

    def recorded(redis: Any, error: Exception) -> None:
        failures.append(error)
        record(redis, error)

    monkeypatch.setattr(FleetRedis, "failed", recorded)
    return failures


def test_an_async_client_shares_the_budget_in_each_new_event_loop(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer, failed: list[Exception]
) -> None:
    """One client, `asyncio.run()` once per job: each loop reaches Redis with a Redis client
    of its own, closed as that loop shuts down. Before, each loop's first reservation failed
    on the last loop's (that call spent the process's own budget), and closing the client
    raised "Event loop is closed"; then, the earlier loops' Redis connections were left to
    the collector, which warned of each one (an error under `-W error`)."""
    client = projekt_sandbox.async_client(
        max_retries=0, throttle_url=redis_server.url, throttle_timeout=PATIENT
    )

    async def job(client: projekt.AsyncProjekt) -> None:
        for _ in range(3):
            await client.me.get()

    gc.collect()  # what earlier tests left, so that only this client's is collected below
    for _ in range(3):
        asyncio.run(job(client))
    asyncio.run(client.close())
    assert failed == []
    del client
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_an_async_client_shares_the_budget_from_two_event_loops_at_once(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer, failed: list[Exception]
) -> None:
    """One client, used by a loop in each of two threads (as asgiref's `async_to_sync` runs
    them): each loop reaches Redis with a Redis client of its own. Before, the loops shared
    one, and a call of the second loop waited for ever."""
    client = projekt_sandbox.async_client(
        max_retries=0, throttle_url=redis_server.url, throttle_timeout=PATIENT
    )
    emails: list[str] = []

    async def job() -> None:
        for _ in range(10):
            emails.append((await client.me.get()).email)
            await asyncio.sleep(0.01)  # the other loop's calls come in between

    threads = [threading.Thread(target=asyncio.run, args=(job(),), daemon=True) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not [thread for thread in threads if thread.is_alive()]
    asyncio.run(client.close())
    assert emails == ["you@example.com"] * 20 and failed == []


def test_under_trio_an_async_client_shares_the_budget_and_loses_no_lease_to_a_cancel(
    projekt_sandbox: ProjektSandbox,
    redis_server: RedisServer,
    failed: list[Exception],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """redis-py's async client needs asyncio: under trio the reservation runs on its sync
    client in a worker thread. Before, a trio program kept its own throttle (and warned so),
    so a fleet of them overran the limit. Calls cancelled at every point of their way settle
    their leases all the same: one left in Redis would hold the budget for two minutes."""
    projekt_sandbox.rate_limit(10, 2.0)
    client = projekt_sandbox.async_client(
        max_retries=0, throttle_url=redis_server.url, throttle_timeout=PATIENT
    )
    elsewhere = projekt_sandbox.client(
        max_retries=0, throttle_url=redis_server.url, throttle_timeout=PATIENT
    )
    emails: list[str] = []

    async def job() -> None:
        for _ in range(6):
            emails.append((await client.me.get()).email)
        for timeout in (0.0, 0.0005, 0.001, 0.002, 0.004, 0.008):
            with trio.move_on_after(timeout):
                await client.me.get()
        await client.close()

    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="projekt"):
        trio.run(job)
        for _ in range(6):  # a sync client on the same budget: 12 calls need two windows
            elsewhere.me.get()
    elsewhere.close()
    assert emails == ["you@example.com"] * 6 and failed == []
    assert time.monotonic() - started >= 2.0  # it waited for the window: nothing failed
    assert [r.getMessage() for r in caplog.records if r.name == "projekt"] == []
    observer = redis.Redis.from_url(redis_server.url)
    (budget,) = observer.keys("projekt:throttle:*[^s]")
    assert observer.zcard(budget + b":leases") == 0


def connections(server: RedisServer) -> int:
    """Clients connected to Redis, this observer's own connection left out."""
    return len(redis.Redis.from_url(server.url).client_list()) - 1


def test_closing_the_client_closes_its_redis_connections(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer
) -> None:
    before = connections(redis_server)
    client = projekt_sandbox.client(throttle_url=redis_server.url)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: client.me.get(), range(40)))
    assert connections(redis_server) > before
    client.close()
    assert connections(redis_server) == before

    async def main() -> None:
        async with projekt_sandbox.async_client(throttle_url=redis_server.url) as aclient:
            await asyncio.gather(*(aclient.me.get() for _ in range(20)))
            assert connections(redis_server) > before

    asyncio.run(main())
    assert connections(redis_server) == before


def test_every_lease_is_settled_however_the_calls_end(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer
) -> None:
    """A call's settle rides on the next reservation; the last one's, on the flusher; a
    closed client's, on close(). Nothing stays in flight in Redis."""
    client = projekt_sandbox.client(throttle_url=redis_server.url, max_retries=0)
    projekt_sandbox.fail_next(503, times=2)
    for _ in range(10):
        with contextlib.suppress(projekt.InternalServerError):
            client.me.get()
    observer = redis.Redis.from_url(redis_server.url)
    (budget,) = observer.keys("projekt:throttle:*[^s]")  # the hash; its leases end in "s"
    leases = budget + b":leases"
    deadline = time.monotonic() + 5
    while observer.zcard(leases) and time.monotonic() < deadline:
        time.sleep(0.01)  # the flusher sends the last settle within milliseconds
    assert observer.zcard(leases) == 0
    client.me.get()
    client.close()
    assert observer.zcard(leases) == 0


BUSY_FOR_TWO_SECONDS = (
    "local t = redis.call('TIME')[1] + 0 while redis.call('TIME')[1] - t < 2 do end"
)


def busy_redis(server: RedisServer) -> threading.Thread:
    """Redis running a script for two seconds, once a PING gets no answer within 50 ms; a busy
    spell that ended before it could be seen (on a loaded machine) is started again."""
    probe = redis.Redis.from_url(server.url, socket_timeout=0.05, retry=Retry(NoBackoff(), 0))
    while True:
        script = redis.Redis.from_url(server.url).eval
        busy = threading.Thread(target=script, args=(BUSY_FOR_TWO_SECONDS, 0))
        busy.start()
        while busy.is_alive():
            try:
                probe.ping()
            except redis.RedisError:  # a timeout, or a connection that could not be set up
                return busy
            time.sleep(0.01)


def test_one_slow_redis_reply_costs_one_call_and_not_the_next(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A reply slower than throttle_timeout (Redis busy for seconds) makes that call use the
    process's own budget; the next call is back on Redis, and nothing is logged."""
    client = projekt_sandbox.client(throttle_url=redis_server.url, throttle_timeout=0.1)
    client.me.get()
    budget: Any = next(iter(next(iter(client._shared.throttles.values()))._budgets.values()))
    # The first call's lease is settled before Redis turns busy. Else, on a loaded machine,
    # the flusher's settle of it fails too, and three failures in a row are no longer one
    # slow reply but the streak that rightly sends the process to its own budget.
    observer = redis.Redis.from_url(redis_server.url)
    deadline = time.monotonic() + 10
    while observer.zcard(budget._keys[1]) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert observer.zcard(budget._keys[1]) == 0
    local = []
    reserve_locally = budget._local.reserve
    budget._local.reserve = lambda wait: local.append(wait) or reserve_locally(wait)
    with caplog.at_level(logging.WARNING, logger="projekt"):
        busy = busy_redis(redis_server)
        client.me.get()  # Redis is busy: this call uses the local budget
        busy.join()
        assert len(local) == 1 and budget._redis.up()
        client.me.get()
    assert len(local) == 1 and budget._redis._failures == 0  # reserved in Redis again
    assert not [r for r in caplog.records if "shared rate-limit budget" in r.getMessage()]
    client.close()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("redis://:s3cretpw@127.0.0.1:notaport/0", "Port could not be cast"),
        ("redis://:s3cretpw@127.0.0.1:6379/notadb", "the database 'notadb' is not a number"),
        ("redis://:s3cretpw@/0", "it names no host"),
        ("redis://:s3cretpw@redis..internal:6379/0", "no name DNS can look up"),
        (f"redis://:s3cretpw@{'r' * 64}.internal:6379/0", "no name DNS can look up"),
        ("unix://", "it names no socket path"),
        ("http://:s3cretpw@127.0.0.1:6379/0", "must be a redis:// URL"),
    ],
)
def test_a_redis_url_that_cannot_work_is_refused_before_any_request(url: str, problem: str) -> None:
    with pytest.raises(projekt.ConfigurationError, match=problem) as refused:
        projekt.Projekt(
            api_key="pjk_live_" + "a" * 32, base_url="http://127.0.0.1:9", throttle_url=url
        )
    assert "s3cretpw" not in str(refused.value)


@pytest.mark.parametrize("given", ["argument", "environment"])
def test_a_throttle_url_without_redis_py_says_what_to_install_or_unset(
    given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default install has no redis-py. A PROJEKT_THROTTLE_URL that a service's
    environment passes on to a script, or to the `projekt` command, is one the user may not
    know they set: the error names the variable, and what each process does without it."""
    monkeypatch.setitem(sys.modules, "redis", None)  # as if projekt[redis] were not installed
    url = "redis://:s3cretpw@127.0.0.1:6379/0"
    settings = {"api_key": "pjk_live_" + "a" * 32, "base_url": "http://127.0.0.1:9"}
    if given == "argument":
        settings["throttle_url"] = url
    else:
        monkeypatch.setenv("PROJEKT_THROTTLE_URL", url)
    with pytest.raises(projekt.ConfigurationError) as refused:
        projekt.Projekt(**settings)
    assert str(refused.value) == (
        "throttle_url, given or read from PROJEKT_THROTTLE_URL, needs redis-py: pip install "
        "'projekt[redis]' (without one, each process keeps a rate-limit budget of its own)"
    )


def test_a_redis_that_refuses_the_password_fails_no_call(
    tmp_path: Path, projekt_sandbox: ProjektSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """Right URL, wrong password: every call still succeeds on the process's own throttle,
    and it is reported once, with neither password in it: by the first call, since it will
    not heal (it took a streak of failures, which a process calling seldom never makes)."""
    server = RedisServer(tmp_path, password="the-right-one")
    wrong = server.url.replace("the-right-one", "a-wrong-one")
    # A second of calls as fast as they go: on a quiet machine, more than the default 600 a
    # minute, and the throttle would wait out the window, past Redis's 5 s pause, to fail
    # again and report a second streak. The rate limit is not what this test is about.
    projekt_sandbox.rate_limit(1_000_000, 60)
    try:
        with (
            caplog.at_level(logging.WARNING, logger="projekt"),
            projekt_sandbox.client(throttle_url=wrong) as client,
        ):
            client.me.get()
            first = [
                r.getMessage() for r in caplog.records if "shared rate-limit" in r.getMessage()
            ]
            started = time.monotonic()
            while time.monotonic() - started < 1.0:
                client.me.get()
    finally:
        server.kill()
    warnings = [r.getMessage() for r in caplog.records if "shared rate-limit" in r.getMessage()]
    assert warnings == first
    assert len(warnings) == 1 and "(AuthenticationError, it refused the URL's user" in warnings[0]
    assert not any("-one" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("flavor", "where", "hint"),
    [
        ("sync", "port", "check the URL's host, port and scheme"),
        ("async", "port", "check the URL's host, port and scheme"),
        ("sync", "socket", "check the socket's path, and that Redis listens there"),
    ],
)
def test_a_redis_never_reached_is_reported_by_the_first_call(
    tmp_path: Path,
    projekt_sandbox: ProjektSandbox,
    caplog: pytest.LogCaptureFixture,
    flavor: str,
    where: str,
    hint: str,
) -> None:
    """A URL whose port, host or socket is wrong: each call succeeds on the process's own
    throttle, and the first says so. It took a streak of failures over half a second, which
    a script of a few quick calls never makes: it never learned its budget was its own."""
    url = {  # nothing listens at either
        "port": f"redis://:s3cret@127.0.0.1:{free_port()}",
        "socket": f"unix://:s3cret@{tmp_path / 'redis.sock'}",
    }[where]

    async def calls(client: projekt.AsyncProjekt) -> None:
        async with client:
            for _ in range(3):
                await client.me.get()

    with caplog.at_level(logging.WARNING, logger="projekt"):
        if flavor == "async":
            asyncio.run(calls(projekt_sandbox.async_client(throttle_url=url)))
        else:
            with projekt_sandbox.client(throttle_url=url) as client:
                for _ in range(3):
                    client.me.get()
    warnings = [r.getMessage() for r in caplog.records if "shared rate-limit" in r.getMessage()]
    assert len(warnings) == 1, warnings
    assert "(ConnectionError, it has not answered since this client was made (" in warnings[0]
    assert hint in warnings[0] and "s3cret" not in warnings[0]


def a_cluster_node_without_the_budgets_slot(directory: Path) -> list[RedisServer]:
    """Two nodes of a Redis Cluster, the second serving every slot: the first answers MOVED.
    Each node's cluster bus gets a free port of its own: by default it is the node's port plus
    10,000, past 65,535 for a port found free above 55,535, where redis-server does not start."""

    def cluster_node(name: str) -> tuple[RedisServer, int]:
        (directory / name).mkdir()
        bus = free_port()
        cluster = ("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf")
        return RedisServer(directory / name, options=(*cluster, "--cluster-port", str(bus))), bus

    serving, serving_bus = cluster_node("serving")
    node, _ = cluster_node("moved")
    with redis.Redis.from_url(serving.url) as owner, redis.Redis.from_url(node.url) as other:
        owner.execute_command("CLUSTER", "ADDSLOTSRANGE", 0, 16383)
        other.execute_command("CLUSTER", "MEET", "127.0.0.1", serving.port, serving_bus)
        deadline = time.monotonic() + 10
        while b"cluster_state:ok" not in other.execute_command("CLUSTER", "INFO"):
            assert time.monotonic() < deadline, "the two nodes did not form a cluster"
            time.sleep(0.05)
    return [node, serving]


def a_replica(directory: Path) -> list[RedisServer]:
    """A read-only replica, and its primary."""
    (directory / "replica").mkdir()
    primary = RedisServer(directory)
    replica = RedisServer(
        directory / "replica", options=("--replicaof", "127.0.0.1", str(primary.port))
    )
    return [replica, primary]


def a_user_without_scripts(directory: Path) -> list[RedisServer]:
    """A Redis whose ACL lets the URL's user sign in, and not run a script."""
    server = RedisServer(directory)
    with redis.Redis.from_url(server.url) as admin:
        admin.acl_setuser(
            "worker", enabled=True, passwords=["+pw"], keys=["*"], commands=["+@all", "-@scripting"]
        )
    server.url = f"redis://worker:pw@127.0.0.1:{server.port}/0"
    return [server]


@pytest.mark.parametrize(
    ("servers", "says"),
    [
        (
            a_user_without_scripts,
            "(NoPermissionError, its user lacks a permission the budget needs (this user has no "
            "permissions to run the 'evalsha' command): grant it ~projekt:throttle:* "
            "+@scripting",
        ),
        (
            a_cluster_node_without_the_budgets_slot,
            "(MovedError, the URL names a node of a Redis Cluster; the budget needs a Redis "
            "server of its own)",
        ),
        (
            a_replica,
            "(ReadOnlyError, the URL names a read-only replica; give the URL of its primary)",
        ),
    ],
)
def test_a_redis_that_cannot_hold_the_budget_is_said_at_once_and_fails_no_call(
    servers: Any,
    says: str,
    tmp_path: Path,
    projekt_sandbox: ProjektSandbox,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A managed Redis in cluster mode, a replica's URL, or a user an ACL keeps from scripts,
    answers every reservation with an error that will not heal (MOVED: the budget's key is on
    another node; READONLY; NOPERM, which was said as a refused password), and the process
    spent its own budget: said only after a streak of failures, which a process calling seldom
    never makes, and then as if Redis were down for a while."""
    started = servers(tmp_path)
    try:
        with (
            caplog.at_level(logging.WARNING, logger="projekt"),
            projekt_sandbox.client(throttle_url=started[0].url) as client,
        ):
            assert client.me.get().email == "you@example.com"
    finally:
        for server in started:
            server.kill()
    (warning,) = [r.getMessage() for r in caplog.records if "shared rate-limit" in r.getMessage()]
    assert says in warning


def test_a_user_with_the_acl_the_guide_gives_holds_the_budget(
    tmp_path: Path, projekt_sandbox: ProjektSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """The permissions the warning and docs/guide/fleets.md name are all the budget needs."""
    assert f"ACL SETUSER worker on >password {BUDGET_ACL}" in GUIDE.read_text()
    server = RedisServer(tmp_path)
    try:
        with redis.Redis.from_url(server.url) as admin:
            admin.execute_command("ACL", "SETUSER", "worker", "on", ">pw", *BUDGET_ACL.split())
        url = f"redis://worker:pw@127.0.0.1:{server.port}/0"
        with (
            caplog.at_level(logging.WARNING, logger="projekt"),
            projekt_sandbox.client(throttle_url=url) as client,
        ):
            for _ in range(3):
                client.me.get()
        with redis.Redis.from_url(server.url) as admin:
            assert admin.keys("projekt:throttle:*")  # the budget is in Redis
    finally:
        server.kill()
    assert not [r for r in caplog.records if "shared rate-limit" in r.getMessage()]


def tls_redis(directory: Path, *, asks_clients: bool) -> tuple[RedisServer, str]:
    """A Redis on a TLS port, its certificate signed by a private CA (directory/ca.pem, which
    also signed directory/client.pem); and the rediss:// URL of that port."""
    ca = trustme.CA()
    for name, holder in (("redis.pem", "127.0.0.1"), ("client.pem", "worker@example.com")):
        ca.issue_cert(holder).private_key_and_cert_chain_pem.write_to_path(str(directory / name))
    ca.cert_pem.write_to_path(str(directory / "ca.pem"))
    tls_port, pem = free_port(), str(directory / "redis.pem")
    tls = ("--tls-port", str(tls_port), "--tls-cert-file", pem, "--tls-key-file", pem)
    asks = "yes" if asks_clients else "no"
    clients = ("--tls-ca-cert-file", str(directory / "ca.pem"), "--tls-auth-clients", asks)
    return RedisServer(directory, options=(*tls, *clients)), f"rediss://127.0.0.1:{tls_port}/0"


CA = "ssl_ca_certs={dir}/ca.pem"
CLIENT = "ssl_certfile={dir}/client.pem&ssl_keyfile={dir}/client.pem"


@pytest.mark.parametrize(
    ("asks_clients", "given", "said", "mended"),
    [
        (False, "", "its TLS certificate is not one this machine trusts; name the CA", CA),
        (
            True,
            CA,
            "give one in the URL: ?ssl_certfile=/path/to/cert.pem&ssl_keyfile=",
            f"{CA}&{CLIENT}",
        ),
    ],
    ids=["private CA", "client certificate"],
)
def test_a_tls_setting_a_redis_url_lacks_is_said_at_once(
    tmp_path: Path,
    projekt_sandbox: ProjektSandbox,
    caplog: pytest.LogCaptureFixture,
    asks_clients: bool,
    given: str,
    said: str,
    mended: str,
) -> None:
    """A rediss:// URL to a Redis whose certificate a private CA signed, or to one that asks
    its clients for a certificate, the URL giving none: each reservation failed its
    handshake, said only after a streak of failures (if ever), as if Redis were down. The
    first call says it, and the URL the warning names (the CA, the client's certificate)
    holds the budget in Redis."""
    server, url = tls_redis(tmp_path, asks_clients=asks_clients)
    query = {"given": given, "mended": mended}
    urls = {name: f"{url}?{value.format(dir=tmp_path)}" for name, value in query.items()}
    try:
        with (
            caplog.at_level(logging.WARNING, logger="projekt"),
            projekt_sandbox.client(throttle_url=urls["given"].rstrip("?")) as client,
        ):
            assert client.me.get().email == "you@example.com"
        (warning,) = [m for m in caplog.messages if "shared rate-limit" in m]
        assert said in warning
        caplog.clear()
        with (
            caplog.at_level(logging.WARNING, logger="projekt"),
            projekt_sandbox.client(throttle_url=urls["mended"]) as client,
        ):
            client.me.get()
        with redis.Redis.from_url(server.url) as plain:
            assert plain.keys("projekt:throttle:*")
    finally:
        server.kill()
    assert not [m for m in caplog.messages if "shared rate-limit" in m]


def test_a_moved_reply_as_an_older_redis_py_reads_it_is_said_at_once_too(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """redis-py before 6.0 reads MOVED as a plain ResponseError outside its cluster client,
    and projekt[redis] declares 5.0.1 as its lowest."""
    shared = fleet_redis("redis://127.0.0.1:9/0", 0.25)
    with caplog.at_level(logging.WARNING, logger="projekt"):
        shared.failed(redis.ResponseError("MOVED 7638 127.0.0.1:7102"))
    (warning,) = [r.getMessage() for r in caplog.records if "shared rate-limit" in r.getMessage()]
    assert "(ResponseError, the URL names a node of a Redis Cluster;" in warning


def redis_now_ms(observer: redis.Redis) -> int:
    seconds, micros = observer.time()
    return seconds * 1000 + micros // 1000


def test_a_window_that_ended_is_probed_at_once_though_a_killed_process_held_leases(
    redis_server: RedisServer,
) -> None:
    """A process killed with leases in flight (taken ahead, or settles not yet sent) holds
    them until they expire, two minutes on. Once the window ended, every call of the fleet
    waited for them, one poll after another, for a probe nobody was sending: 116 s, against
    the sandbox. A request of an ended window does not hold up the next one's probe."""
    observer = redis.Redis.from_url(redis_server.url)
    key = "projekt:throttle:{k}"
    now = redis_now_ms(observer)
    observer.hset(key, mapping={"tracked": "1", "remaining": 5, "reset_at": now - 1})
    observer.zadd(key + ":leases", {f"killed/{n}": now + 100_000 for n in range(2, 9)})
    budget = shared_budget(redis_server.url, key)
    try:
        assert budget.reserve(60.0) == 0  # the probe of the new window
    finally:
        budget.observe(None)
        budget.close()


def test_a_probe_lost_with_its_process_holds_the_fleet_for_probe_ms_at_most(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While nobody knows the window, one request probes it and the others wait for its
    answer. A probe whose process was killed never answers: before, the others waited for its
    lease to expire, two minutes on; now they all go after PROBE_MS."""
    from projekt._runtime.limits import fleet

    prober = shared_budget(redis_server.url, "projekt:throttle:{p}")
    other, third = (shared_budget(redis_server.url, "projekt:throttle:{p}") for _ in range(2))
    try:
        assert prober.reserve(60.0) == 0  # probes the window nobody knows; never answered
        assert other.reserve(60.0) > 0  # waits for that probe's answer
        monkeypatch.setattr(fleet, "PROBE_MS", 0)  # as if PROBE_MS had passed
        assert other.reserve(60.0) == 0
        monkeypatch.undo()  # 2 s again: had `other` become the probe, `third` would wait
        assert third.reserve(60.0) == 0
    finally:
        for budget in (prober, other, third):
            budget.observe(None)
            budget.close()


def test_calls_waiting_for_a_slow_probe_ask_redis_seldom(redis_server: RedisServer) -> None:
    """Each call waiting for a probe's answer asked Redis again every 20 ms, however long the
    answer took: a round trip fifty times a second per call. Now each waits a quarter of the
    time the probe has taken so far, from 20 ms to at most 50 ms."""
    from projekt._runtime.limits import fleet

    key = "projekt:throttle:{slow}"
    prober = shared_budget(redis_server.url, key)
    other = shared_budget(redis_server.url, key)
    observer = redis.Redis.from_url(redis_server.url)

    def poll_s(probing_for_ms: int) -> float:
        return min(max(probing_for_ms // 4, 20), 50) / 1000

    try:
        assert prober.reserve(60.0) == 0  # probes the window nobody knows
        probe = observer.hget(key, "probe")
        granted_at = int(observer.zscore(key + ":leases", probe)) - fleet.LEASE_MS
        before = redis_now_ms(observer)
        poll = other.reserve(60.0)
        after = redis_now_ms(observer)
        # The probe has only just gone: 20 ms, unless this machine is slow enough that it
        # has been out 80 ms by then. Read from Redis's clock, between these two readings.
        assert poll_s(before - granted_at) <= poll <= poll_s(after - granted_at)
        granted_a_second_ago = redis_now_ms(observer) + fleet.LEASE_MS - 1000
        observer.zadd(key + ":leases", {probe: granted_a_second_ago})
        assert other.reserve(60.0) == 0.05
    finally:
        for budget in (prober, other):
            budget.observe(None)
            budget.close()


def test_a_lease_this_process_is_still_settling_holds_up_no_reservation(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A call whose answer was lost ends its lease; if the flusher is still sending that
    settle when the retry reserves, in a window nobody knows yet, the retry must not wait for
    a "probe" that is its own ended call (it did, one poll after another, until Redis had it)."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "SETTLE_WITHIN", 0.0)  # the flusher takes each settle at once
    budget = shared_budget(redis_server.url, "projekt:throttle:{t}")
    sending, release = threading.Event(), threading.Event()
    send = budget._leases._send

    def slow_send(settles: list[str]) -> None:
        if settles:
            sending.set()
            release.wait(5)
        send(settles)

    monkeypatch.setattr(budget._leases, "_send", slow_send)
    assert budget.reserve(1.0) == 0  # the first call of an unknown window: it probes
    budget.observe(None)  # its answer was lost: the lease is ended, the window still unknown
    assert sending.wait(5)  # the flusher holds that settle, not yet in Redis
    try:
        assert budget.reserve(1.0) == 0
    finally:
        release.set()
        budget.observe(None)
        budget.close()


class CountedCondition(threading.Condition):
    """A Condition that counts the times a waiter returned: the flusher's wake-ups."""

    returns = 0

    def wait(self, timeout: float | None = None) -> bool:
        try:
            return super().wait(timeout)
        finally:
            self.returns += 1


def test_a_stream_of_calls_does_not_wake_the_flusher_for_each(redis_server: RedisServer) -> None:
    """Each call's settle rides on the next reservation, so the flusher has nothing to send
    while calls stream: it looks every SETTLE_WITHIN rather than being woken for each call
    (which cost every call a thread switch), and still sends the last settle alone."""
    from projekt._runtime.limits import leases

    budget = shared_budget(redis_server.url, "projekt:throttle:{s}")
    settles = budget._leases
    settles._wake = wake = CountedCondition(settles._lock)  # before the flusher starts
    started = time.monotonic()
    for _ in range(200):
        assert budget.reserve(1.0) == 0
        budget.observe(answer(remaining=999, reset=60))
    # Bounded by the time the calls took, not by their number (a loaded machine whose
    # calls each outlast SETTLE_WITHIN gets a wake-up per call either way).
    looks_allowed = 2 * (time.monotonic() - started) / leases.SETTLE_WITHIN + 5
    observer = redis.Redis.from_url(redis_server.url)
    deadline = time.monotonic() + 5
    while observer.zcard("projekt:throttle:{s}:leases") and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        assert observer.zcard("projekt:throttle:{s}:leases") == 0  # the last one, sent alone
        assert wake.returns <= looks_allowed, (wake.returns, looks_allowed)
    finally:
        budget.close()


# A worker of gunicorn --preload or Celery's prefork pool: forked from a parent that used the
# client, it serves a few calls, then goes quiet without closing the client. The client is
# configured from the environment, as such a parent's usually is.
FORKED_WORKER = """
import os, sys, time
import redis, projekt
client = projekt.Projekt(throttle_timeout=2.0)
client.me.get()
child = os.fork()
if child == 0:
    for _ in range(20):
        client.me.get()
    observer = redis.Redis.from_url(os.environ["PROJEKT_THROTTLE_URL"])
    # Leases in flight (Redis drops the set of leases once it is empty).
    in_flight = lambda: sum(map(observer.zcard, observer.keys("projekt:throttle:*:leases")))
    deadline = time.monotonic() + 10
    while in_flight() and time.monotonic() < deadline:
        time.sleep(0.01)
    os._exit(in_flight())
_, status = os.waitpid(child, 0)
client.close()
sys.exit(os.waitstatus_to_exitcode(status))
"""


def test_a_forked_worker_settles_its_own_leases(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer
) -> None:
    """The parent's flusher thread is not in the child: the child settles with its own, or
    each quiet worker would hold a lease on the fleet's budget until the lease expired."""
    environment = {
        **os.environ,
        "PROJEKT_API_KEY": projekt_sandbox.api_key,
        "PROJEKT_ORG_ID": projekt_sandbox.org_id,
        "PROJEKT_BASE_URL": projekt_sandbox.base_url,
        "PROJEKT_THROTTLE_URL": redis_server.url,
    }
    worker = subprocess.run(
        [sys.executable, "-c", FORKED_WORKER],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    leases_in_flight = worker.returncode
    assert leases_in_flight == 0, worker.stderr


LEASES = "projekt:throttle:{w}:leases"


def streamed(budget: Any, calls: int, remaining: int = 100_000) -> None:
    """Calls one after another, each answered with `remaining` left in a minute's window."""
    for _ in range(calls):
        assert budget.reserve(1.0) == 0
        budget.observe(answer(remaining=remaining, reset=60))


def test_a_stream_of_calls_in_a_wide_window_goes_to_redis_once_in_many(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While calls stream and the window has room, a reservation takes leases ahead for the
    next calls (twice as many each time, up to MOST_AHEAD), and those make no round trip."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "STOCK_WITHIN", 5.0)  # a loaded machine's pauses aside
    budget = shared_budget(redis_server.url, "projekt:throttle:{w}")
    observer = redis.Redis.from_url(redis_server.url)
    try:
        streamed(budget, 160)
        reservations = observer.info("commandstats")["cmdstat_evalsha"]
        # 1, 2, 4, 8, then 16 at a time: 14 for 160 calls (less the first try, which finds
        # the script not yet loaded).
        assert reservations["calls"] - reservations["failed_calls"] == 14
    finally:
        budget.close()
    assert observer.zcard(LEASES) == 0  # close() gave back the leases no call used


def test_an_occasional_call_takes_no_lease_ahead(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Calls further apart than STOCK_WITHIN each take their own lease only: the window's
    count falls by one a call, not by leases that would lie unused."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "STOCK_WITHIN", 0.02)
    budget = shared_budget(redis_server.url, "projekt:throttle:{w}")
    observer = redis.Redis.from_url(redis_server.url)
    try:
        streamed(budget, 1)  # the first answer makes the window known: 100,000 left
        for _ in range(5):
            time.sleep(0.05)
            streamed(budget, 1)
        # The first answer's count, less its own lease still in flight then, less 5 calls.
        assert int(observer.hget("projekt:throttle:{w}", "remaining") or 0) == 100_000 - 5
    finally:
        budget.close()


def test_leases_given_back_unused_return_to_the_window(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lease taken ahead lowered the window's count, and the server never saw it used: given
    back, it counts again. Before, what each burst took ahead and left unused was lost to the
    window, so a process running many short jobs made the fleet wait for the window's reset
    with much of it unspent."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "STOCK_WITHIN", 5.0)  # a loaded machine's pauses aside
    budget = shared_budget(redis_server.url, "projekt:throttle:{w}")
    observer = redis.Redis.from_url(redis_server.url)
    try:
        # The first call probes the unknown window; the next reservations take 2, 4, 8 and 16
        # leases (30), of which the 19 calls after it use 19.
        streamed(budget, 20)
        assert int(observer.hget("projekt:throttle:{w}", "remaining") or 0) == 100_000 - 30
    finally:
        budget.close()  # gives back the 11 left
    assert int(observer.hget("projekt:throttle:{w}", "remaining") or 0) == 100_000 - 19
    # A give-back sent twice counts once; one of a lease no longer held (expired), not at all.
    observer.zadd(LEASES, {"held": time.time() * 1000 + 60_000})
    gone, held = leases.unsent("gone"), leases.unsent("held")
    observer.eval(SETTLE, 2, "projekt:throttle:{w}", LEASES, held, held, gone)
    assert int(observer.hget("projekt:throttle:{w}", "remaining") or 0) == 100_000 - 18


def test_leases_taken_ahead_in_the_last_window_count_against_the_new_one_in_full(
    redis_server: RedisServer,
) -> None:
    """A new window's count is the server's, less the leases still held: the fleet's busy
    processes took some ahead in the window before, and will send them in this one. When they
    outnumber what the server has left, the count goes below zero; held at zero, as it was,
    the leases given back then raised it above the server's own, and the fleet sent into a
    spent window."""
    observer = redis.Redis.from_url(redis_server.url)
    key, held = "projekt:throttle:{n}", "projekt:throttle:{n}:leases"
    expires = redis_now_ms(observer) + 60_000
    observer.zadd(held, {lease: expires for lease in ["call", *(f"ahead/{n}" for n in range(5))]})
    first_answer = "call 200 2 30 "  # the server has 2 left, in a window of 30 s more
    observer.eval(SETTLE, 2, key, held, first_answer)
    observer.eval(SETTLE, 2, key, held, *(unsent(f"ahead/{n}") for n in range(5)))
    assert int(observer.hget(key, "remaining") or 0) == 2


def test_short_jobs_leave_the_fleets_count_at_the_servers(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jobs of ten calls, each on a client of its own, as a worker runs them: each job's
    reservations take 15 leases, and closing its client gives back the 5 it did not use. The
    fleet's count in Redis ends where the server's does; before, it fell 5 lower a job, and a
    worker's short jobs made its fleet wait for the window's reset with a third of it unspent."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "STOCK_WITHIN", 5.0)  # a loaded machine's pauses aside
    projekt_sandbox.rate_limit(1000, 60)
    for _ in range(5):
        with projekt_sandbox.client(
            throttle_url=redis_server.url, throttle_timeout=PATIENT
        ) as client:
            for _ in range(10):
                client.me.get()
            server = client.rate_limit
    assert server is not None and server.remaining == 1000 - 50
    observer = redis.Redis.from_url(redis_server.url)
    (budget,) = observer.keys("projekt:throttle:*[^s]")
    assert int(observer.hget(budget, "remaining") or 0) == server.remaining


@pytest.mark.parametrize("answered", [answer(remaining=5, reset=60), answer(429, retry_after=1)])
def test_a_window_nearly_spent_gives_back_the_leases_taken_ahead(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch, answered: Any
) -> None:
    """An answer that leaves the window nearly spent, or a 429, ends this process's leases
    taken ahead at once: in flight in Redis, they would hold up the rest of the fleet."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "STOCK_WITHIN", 5.0)
    budget = shared_budget(redis_server.url, "projekt:throttle:{w}")
    observer = redis.Redis.from_url(redis_server.url)
    try:
        streamed(budget, 20)
        assert budget.reserve(1.0) == 0
        assert observer.zcard(LEASES) > 2  # this call's lease and those taken ahead
        budget.observe(answered)
        budget.reserve(60.0)
        assert observer.zcard(LEASES) <= 1  # this reservation's own, if it got one
    finally:
        budget.observe(None)
        budget.close()


def test_leases_taken_ahead_while_the_flusher_looks_are_given_back_on_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Leases taken ahead just after the flusher found nothing to do are given back after
    STOCK_WITHIN, though no settle comes (the call that took them may wait for minutes)."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "SETTLE_WITHIN", 0.3)  # the flusher's look, drawn out
    monkeypatch.setattr(leases, "STOCK_WITHIN", 0.05)
    sent: list[str] = []
    held = leases.Leases(sent.extend)
    try:
        held.queue("first")
        deadline = time.monotonic() + 5
        while not sent and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sent == ["first"]  # the flusher sent it, and now looks again after 0.3 s
        held.granted("lease", 3)  # a reservation took lease/2 and lease/3 ahead
        deadline = time.monotonic() + 2
        while len(sent) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sorted(sent[1:]) == [leases.unsent("lease/2"), leases.unsent("lease/3")]
    finally:
        held.close()


# redis-py's connection pools hold at most 100 connections (since 8.0; unbounded before).
MORE_THAN_REDIS_PYS_POOL = 150


@pytest.fixture
def reserved_locally(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every reservation made in the process's own budget, not in Redis."""
    from projekt._runtime.limits import throttle

    calls: list[float] = []
    reserve = throttle.Budget.reserve

    def recorded(budget: Any, max_wait: float) -> float:
        calls.append(max_wait)
        return reserve(budget, max_wait)

    monkeypatch.setattr(throttle.Budget, "reserve", recorded)
    return calls


def test_a_burst_of_async_calls_wider_than_redis_pys_pool_reserves_in_redis(
    projekt_sandbox: ProjektSandbox,
    redis_server: RedisServer,
    failed: list[Exception],
    reserved_locally: list[float],
) -> None:
    """Calls gathered on one AsyncProjekt each reserved at once: past redis-py's 100
    connections they failed with MaxConnectionsError, used the process's own throttle, and
    the process reported Redis unavailable. One reservation is in flight at a time in each
    event loop; calls wait for it in turn, each taking a lease it brought or making the
    next one, however long the burst takes."""
    projekt_sandbox.rate_limit(1_000_000, 60)

    async def main() -> None:
        async with projekt_sandbox.async_client(
            throttle_url=redis_server.url, throttle_timeout=PATIENT
        ) as client:
            await client.me.get()  # the window is known: the burst may take leases ahead
            await asyncio.gather(*(client.me.get() for _ in range(4 * MORE_THAN_REDIS_PYS_POOL)))

    asyncio.run(main())
    assert failed == [] and reserved_locally == []


def test_threads_wider_than_redis_pys_pool_reserve_in_redis(
    redis_server: RedisServer, failed: list[Exception], reserved_locally: list[float]
) -> None:
    """The same for threads: with Redis paused, every thread's reservation waits at once."""

    budget = shared_budget(redis_server.url, "projekt:throttle:{p}", timeout=5.0)
    budget.reserve(1.0)
    budget.observe(answer(remaining=100_000, reset=60))
    start = threading.Barrier(MORE_THAN_REDIS_PYS_POOL + 1)

    def call(_: int) -> None:
        start.wait()
        assert budget.reserve(1.0) == 0
        budget.observe(answer(remaining=100_000, reset=60))

    with ThreadPoolExecutor(max_workers=MORE_THAN_REDIS_PYS_POOL) as pool:
        calls = pool.map(call, range(MORE_THAN_REDIS_PYS_POOL))
        redis.Redis.from_url(redis_server.url).client_pause(300)  # replies wait 0.3 s
        start.wait()
        list(calls)
    budget.close()
    assert failed == [] and reserved_locally == []


def flushers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "projekt-fleet-settle"]


def test_a_client_used_for_many_orgs_keeps_no_thread_or_connection_per_org(
    projekt_sandbox: ProjektSandbox,
    redis_server: RedisServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each org has a budget of its own. A multi-tenant client that called 50 orgs kept a
    Redis connection and a flusher thread for each until it was closed: 50 workers serving
    200 orgs would hold 10,000 connections, Redis's default limit. The budgets now share
    the client's Redis clients, and a flusher ends once it has had nothing to send for
    QUIET_FOR (the next settle starts another)."""
    from projekt._runtime.limits import leases

    monkeypatch.setattr(leases, "QUIET_FOR", 0.05)
    observer = redis.Redis.from_url(redis_server.url)
    before = connections(redis_server)
    with projekt_sandbox.client(throttle_url=redis_server.url, max_retries=0) as client:
        for org in [projekt_sandbox.org_id, *(str(uuid.uuid4()) for _ in range(20))]:
            with contextlib.suppress(projekt.APIStatusError):  # a 403 for another's org
                list(client.with_org(org).projects.list())
        assert connections(redis_server) - before <= 2  # the reservations', the flusher's
        deadline = time.monotonic() + 5
        while flushers() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert flushers() == []
        list(client.projects.list())  # a budget whose flusher ended settles all the same
        deadline = time.monotonic() + 5
        while observer.keys("projekt:throttle:*:leases") and time.monotonic() < deadline:
            time.sleep(0.01)
        assert observer.keys("projekt:throttle:*:leases") == []  # no lease left in flight


def test_a_client_used_with_many_tokens_drops_their_idle_budgets_and_settles_each_lease(
    projekt_sandbox: ProjektSandbox, redis_server: RedisServer
) -> None:
    """A copy per tenant (or an OAuth token renewed every hour) kept a budget, the token in
    its key, for every token the client ever sent. The idle ones now go; a budget with a
    settle still to send is not idle, so no lease is lost with it."""
    observer = redis.Redis.from_url(redis_server.url)
    with projekt_sandbox.client(throttle_url=redis_server.url, max_retries=0) as client:
        for n in range(600):
            tenant = client.with_options(api_key=f"pjk_live_{n:032d}")
            with pytest.raises(projekt.AuthenticationError):  # tokens the sandbox never made
                tenant.me.get()
        (throttle,) = client._shared.throttles.values()
        assert len(throttle._budgets) < 600
        deadline = time.monotonic() + 5
        while observer.keys("projekt:throttle:*:leases") and time.monotonic() < deadline:
            time.sleep(0.01)
        assert observer.keys("projekt:throttle:*:leases") == []  # no lease left in flight
