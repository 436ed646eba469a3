"""A client made in one place and used in another. Used before a fork (gunicorn's
--preload, Celery's prefork pool, multiprocessing), then by the parent and the child
alike, it gives each process its own answers, as if the other did not exist. An async
client works on in a new event loop once its first one closed (asyncio.run() per job), and
under trio. One dropped without close() (a script's, a test's) closes its connections as it
goes."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import subprocess
import sys
import threading
import warnings
import weakref
from pathlib import Path

import pytest
import trio

from projekt import AsyncProjekt
from projekt_sandbox import ProjektSandbox
from tests.fleet.conftest import RedisServer
from tests.helpers import Sandbox
from tests.resilience.faultproxy import FaultProxy, Forward

# Its own process, so that the fork copies nothing of pytest's (its threads, its sandbox);
# configured from the environment, as such a parent's client usually is.
FORKED = """
import asyncio, json, os, sys
import projekt
project, flavor = sys.argv[1:3]
client = (projekt.AsyncProjekt if flavor == "async" else projekt.Projekt)(
    max_retries=0, timeout=5.0
)
loop = asyncio.new_event_loop()

def call(method, *args, **kwargs):
    result = method(*args, **kwargs)
    return loop.run_until_complete(result) if flavor == "async" else result

# Used before the fork, so the parent's pool holds a keep-alive connection.
mine = {
    who: call(client.issues.create, project_id=project, title=who) for who in ("parent", "child")
}
read, write = os.pipe()
child = os.fork() == 0
if child:
    # The parent's loop is not the child's. Closing it here would unregister its fds from
    # the epoll instance both share; kept, it is never collected (which would warn that it
    # was not closed, whenever a collection happened to run).
    inherited, loop = loop, asyncio.new_event_loop()
me = "child" if child else "parent"
seen = {"wrong": 0, "failed": []}
for _ in range(50):
    try:
        seen["wrong"] += call(client.issues.get, mine[me].id).title != me
    except projekt.ProjektError as error:
        seen["failed"].append(str(error))
call(client.close)
loop.close()
if child:
    os.write(write, json.dumps(seen).encode())
    os._exit(0)
os.waitpid(-1, 0)
print(json.dumps({"parent": seen, "child": json.loads(os.read(read, 1 << 20))}))
"""


def configured_for(sandbox: Sandbox) -> dict[str, str]:
    """The environment of a process whose client is configured from it, for `sandbox`."""
    owner = sandbox.owner
    return {
        **os.environ,
        "PROJEKT_API_KEY": owner["api_key"],
        "PROJEKT_ORG_ID": owner["org_id"],
        "PROJEKT_BASE_URL": sandbox.url,
    }


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_parent_and_child_each_read_their_own_answers(fault_sandbox: Sandbox, flavor: str) -> None:
    run = subprocess.run(
        [sys.executable, "-X", "dev", "-c", FORKED, fault_sandbox.owner["project_id"], flavor],
        env=configured_for(fault_sandbox),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "parent": {"wrong": 0, "failed": []},
        "child": {"wrong": 0, "failed": []},
    }
    assert "ResourceWarning" not in run.stderr, run.stderr


# A thread's call is in flight, the first of the client's (nobody knows the rate-limit window
# yet), when the process forks; the child calls at once. The alarm ends a child that hangs.
FORKED_MID_CALL = """
import os, signal, sys, threading, time
import projekt
client = projekt.Projekt(max_retries=0, timeout=10.0)
first = threading.Thread(target=client.me.get)
first.start()
time.sleep(1.0)  # the proxy holds the first answer back for longer
child = os.fork()
if child == 0:
    signal.alarm(20)
    client.me.get()
    os._exit(0)
first.join()
sys.exit(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]))
"""


def test_a_child_forked_mid_call_does_not_wait_for_the_parents_call(
    fault_sandbox: Sandbox, proxy: FaultProxy
) -> None:
    """The throttle lets one request probe a window nobody knows yet, and the others wait for
    its answer. Before, a child forked while the parent's thread waited for that answer
    counted the parent's request as its own in flight, an answer it would never see: its
    first call waited for ever (here, until the alarm ended the child)."""
    proxy.then(Forward(delay=4.0))
    run = subprocess.run(
        [sys.executable, "-c", FORKED_MID_CALL],
        env={**configured_for(fault_sandbox), "PROJEKT_BASE_URL": proxy.url},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert proxy.forwarded == ["GET 200", "GET 200"]


# A thread of the parent holds the locks a call takes (the throttle's budget for this token
# and org, the retry budget) at the moment another thread forks. The alarm ends a child
# that hangs.
FORKED_WHILE_LOCKED = """
import os, signal, sys, threading
import projekt
client = projekt.Projekt(max_retries=0, timeout=10.0)
client.me.get()
shared = client._shared
throttle = next(iter(shared.throttles.values()))
locks = [next(iter(throttle._budgets.values()))._lock, shared.budget._lock]
held, release = threading.Event(), threading.Event()

def hold():
    for lock in locks:
        lock.acquire()
    held.set()
    release.wait()
    for lock in locks:
        lock.release()

threading.Thread(target=hold).start()
held.wait()
child = os.fork()
if child == 0:
    signal.alarm(20)
    client.me.get()
    os._exit(0)
release.set()
sys.exit(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]))
"""


def test_a_child_forked_while_a_thread_holds_the_clients_locks_calls_at_once(
    fault_sandbox: Sandbox,
) -> None:
    """A lock held at the fork by a thread the child does not have is never released
    there. Before, the child's first call waited for ever on the throttle's lock or the
    retry budget's, as a parent busy with calls in threads can leave them at any moment."""
    run = subprocess.run(
        [sys.executable, "-c", FORKED_WHILE_LOCKED],
        env=configured_for(fault_sandbox),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr


def run_in_dev_mode(script: str, sandbox: Sandbox) -> subprocess.CompletedProcess[str]:
    """`script` in an interpreter of its own under -X dev, which shows every ResourceWarning,
    configured for `sandbox` from the environment and given its project's id."""
    return subprocess.run(
        [sys.executable, "-X", "dev", "-c", script, sandbox.owner["project_id"]],
        env=configured_for(sandbox),
        capture_output=True,
        text=True,
        timeout=60,
    )


# Clients made in a function and never closed, as a script or a test often leaves them; and
# one async client for many jobs, each in its own event loop (asyncio.run() or trio.run()).
DROPPED = """
import asyncio, gc, json, sys
import trio
import projekt

project = sys.argv[1]

def count_issues():
    client = projekt.Projekt(max_retries=0)
    return sum(1 for _ in client.issues.list(project_id=project))

async def count_issues_async():
    client = projekt.AsyncProjekt(max_retries=0)
    return len([issue async for issue in client.issues.list(project_id=project)])

shared = projekt.AsyncProjekt(max_retries=0)

async def job():
    return (await shared.issues.create(project_id=project, title="a job")).title

jobs = [asyncio.run(job()) for _ in range(3)] + [trio.run(job) for _ in range(2)]
counts = [count_issues(), asyncio.run(count_issues_async()), trio.run(count_issues_async)]
print(json.dumps([counts, jobs]))
asyncio.run(shared.close())
gc.collect()
"""


def test_clients_dropped_without_close_close_their_connections(fault_sandbox: Sandbox) -> None:
    """As openai-python's sync client does; an async one closes its connections as its event
    loop shuts down (asyncio.run(), trio.run() and pytest-asyncio close async generators
    then). Before, each kept-alive socket was left to the collector, which warned of it: a
    ResourceWarning, which fails a test suite run with `-W error` (pytest reports it from
    whichever test was running when it came)."""
    run = run_in_dev_mode(DROPPED, fault_sandbox)
    assert run.returncode == 0, run.stderr
    counts, jobs = json.loads(run.stdout)
    assert counts[0] > 0 and counts == [counts[0]] * 3 and jobs == ["a job"] * 5
    assert "ResourceWarning" not in run.stderr, run.stderr


# An async client made for each request of an app and dropped, with the fleet's budget in
# Redis: the collector takes each while the app's event loop runs on.
DROPPED_WHILE_ITS_LOOP_RUNS = """
import asyncio, gc, json, os, time
import projekt

def sockets():
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except FileNotFoundError:  # the listing's own, closed by now
            pass
    return count

async def handle_request():
    client = projekt.AsyncProjekt(max_retries=0)  # its throttle_url from the environment
    return (await client.me.get()).username

async def app():
    before = sockets()
    names = [await handle_request() for _ in range(3)]
    opened, deadline = sockets() - before, time.monotonic() + 20
    # Each budget's settle thread holds its Redis until it has been quiet for a second.
    while sockets() > before and time.monotonic() < deadline:
        gc.collect()
        await asyncio.sleep(0.1)
    return names, opened, sockets() - before

print(json.dumps(asyncio.run(app())))
"""


def test_async_clients_collected_while_their_loop_runs_close_through_it(
    fault_sandbox: Sandbox, tmp_path: Path
) -> None:
    """An app that makes an AsyncProjekt per request and never closes it. Before, the
    collector took each client with its connections, and finalized their sockets before
    anything could close them: "ResourceWarning: unclosed transport", one for each HTTP
    connection and each Redis one, which fails a test run with `-W error` wherever it lands.
    Now they close through the loop as the client goes."""
    redis = RedisServer(tmp_path)
    try:
        run = subprocess.run(
            [sys.executable, "-X", "dev", "-c", DROPPED_WHILE_ITS_LOOP_RUNS],
            env={**configured_for(fault_sandbox), "PROJEKT_THROTTLE_URL": redis.url},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        redis.kill()
    assert run.returncode == 0, run.stderr
    names, opened, left = json.loads(run.stdout)
    assert names == ["you"] * 3 and opened >= 6 and left == 0, run.stdout
    assert "ResourceWarning" not in run.stderr, run.stderr


# A script's usual shape: one client at module level, used, never closed; the process ends.
# Its async twin is used in asyncio.run(), once.
AT_EXIT = """
import asyncio, sys
import projekt

client = projekt.Projekt(max_retries=0)
titles = [issue.title for issue in client.issues.list(project_id=sys.argv[1])]
aclient = projekt.AsyncProjekt(max_retries=0)
asyncio.run(aclient.me.get())
print(len(titles))
"""


def test_a_client_alive_at_exit_closes_its_connections(fault_sandbox: Sandbox) -> None:
    """At exit, the module's globals are torn down, and a client in a reference cycle (as
    every client is, with its namespaces) is left to the collector's last pass, which
    finalizes its sockets in no set order. Before, the socket was often finalized before
    the pool that would have closed it: "ResourceWarning: unclosed <socket.socket ...>",
    from every script run with -X dev, and "Exception ignored in: <socket.socket ...>" with
    -W error."""
    for _ in range(3):  # the collector's order is not fixed: each run is a chance to fail
        run = run_in_dev_mode(AT_EXIT, fault_sandbox)
        assert run.returncode == 0, run.stderr
        assert int(run.stdout) > 0
        assert "ResourceWarning" not in run.stderr, run.stderr


def test_an_async_client_works_on_in_the_next_event_loop(fault_sandbox: Sandbox) -> None:
    """One client for the module, `asyncio.run()` once per job: the connections of a loop
    were closed as it shut down, and the next loop opens its own. Before, the second job
    failed with "RuntimeError: Event loop is closed"."""
    owner = fault_sandbox.owner
    client = AsyncProjekt(
        api_key=owner["api_key"], org_id=owner["org_id"], base_url=fault_sandbox.url, max_retries=0
    )

    async def job() -> str:
        return (await client.issues.create(project_id=owner["project_id"], title="a job")).title

    assert [asyncio.run(job()) for _ in range(3)] == ["a job"] * 3
    asyncio.run(client.close())


def test_an_async_client_serves_two_event_loops_at_once(fault_sandbox: Sandbox) -> None:
    """One client for the module, used from two threads that each run their own loop
    (`asyncio.run()` in each, as asgiref's `async_to_sync` does), and from a second loop
    opened while the first is still open. A connection works only in the loop that opened
    it, so each loop gets its own. Before, calls failed with "RuntimeError: ... is bound to
    a different event loop", which is no ProjektError."""
    owner = fault_sandbox.owner
    client = AsyncProjekt(
        api_key=owner["api_key"], org_id=owner["org_id"], base_url=fault_sandbox.url, max_retries=0
    )
    seen: dict[str, list[str]] = {}

    def thread(name: str) -> None:
        async def calls() -> list[str]:
            emails = []
            for _ in range(10):
                emails.append((await client.me.get()).email)
                await asyncio.sleep(0.01)  # the other loop's calls come in between
            return emails

        seen[name] = asyncio.run(calls())

    threads = [threading.Thread(target=thread, args=(name,)) for name in ("a", "b")]
    for each in threads:
        each.start()
    for each in threads:
        each.join(timeout=60)
    assert seen == {"a": ["you@example.com"] * 10, "b": ["you@example.com"] * 10}

    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    try:
        for loop in (first, second, first):
            assert loop.run_until_complete(client.me.get()).email == "you@example.com"
    finally:
        first.run_until_complete(client.close())  # this loop's connections
        for loop in (first, second):  # each loop's own close as it shuts down
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()


def test_a_loop_closed_without_closing_its_generators_is_let_go(fault_sandbox: Sandbox) -> None:
    """`loop.close()` without `shutdown_asyncgens()`, as code older than `asyncio.run()` closes
    a loop it made, never runs what would close the client's connections of that loop. The
    client lets them go, with the loop, at its next call in another loop: one such loop a
    job would otherwise add up."""
    owner = fault_sandbox.owner
    client = AsyncProjekt(
        api_key=owner["api_key"], org_id=owner["org_id"], base_url=fault_sandbox.url, max_retries=0
    )
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(client.me.get()).email == "you@example.com"
    loop.close()
    closed = weakref.ref(loop)
    del loop
    assert asyncio.run(client.me.get()).email == "you@example.com"  # in a loop of its own
    with warnings.catch_warnings():
        # The closed loop's sockets, which nothing can close through it any more, warn.
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    assert closed() is None
    asyncio.run(client.close())


def test_an_async_client_runs_under_trio(projekt_sandbox: ProjektSandbox) -> None:
    """httpx runs under trio through AnyIO, and so do the SDK's connections and its waits.
    Before, a wait went through asyncio: of five calls started at once, the four that waited
    for the first to probe the rate-limit window failed, and so did every retry, with
    "RuntimeError: no running event loop"."""
    seen: list[object] = []

    async def main() -> None:
        async with projekt_sandbox.async_client() as client:

            async def email() -> None:
                seen.append((await client.me.get()).email)

            async with trio.open_nursery() as nursery:
                for _ in range(5):
                    nursery.start_soon(email)
            projekt_sandbox.fail_next(503, method="GET", path="/me")
            seen.append((await client.me.with_raw_response.get()).retries)

    trio.run(main)
    assert seen == ["you@example.com"] * 5 + [1]


# An app's client, made as the app starts, and its first call, in the app's event loop.
FIRST_CALL = """
import asyncio, json, sys
import projekt

client = projekt.AsyncProjekt(max_retries=0)
before = set(sys.modules)
asyncio.run(client.me.get())
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_an_async_clients_first_call_imports_only_its_operations_module(
    fault_sandbox: Sandbox,
) -> None:
    """An import on the event loop holds up every task on it. Before, the first call imported
    the generated client, its models and the speed extra's decoders (attrs and msgspec): a
    stall two to three times as long as plain httpx's first request, which imports AnyIO's
    backend."""
    run = run_in_dev_mode(FIRST_CALL, fault_sandbox)
    assert run.returncode == 0, run.stderr
    imported = json.loads(run.stdout)
    ours = [name for name in imported if name.split(".")[0] in {"projekt", "attr", "attrs"}]
    assert ours == ["projekt._api.api", "projekt._api.api.me", "projekt._api.api.me.get_me"]
    assert not [name for name in imported if name.startswith("msgspec")]
