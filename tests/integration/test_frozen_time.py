"""A test of the user's that freezes the time its own code sees (freezegun), while it calls
the API through the SDK and the test kit: their waits still run on the machine's clock, as
the real API's server does on its own."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from freezegun import freeze_time

from projekt_sandbox.testing import ProjektSandbox, SandboxServer

FROZEN = "2026-01-01 12:00:00"


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """`call`'s result, failing the test (rather than hanging it) if it has none in time."""
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"no answer in {seconds} s"
    return outcome[0]


def test_a_spent_window_is_waited_out_while_the_time_is_frozen(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """The throttle waited for a window that, by the frozen clock, never ended: the fourth
    call never returned. So did the sandbox's window, which answered 429 ever after."""
    projekt_sandbox.rate_limit(2, 1)
    with freeze_time(FROZEN), projekt_sandbox.client(max_retries=0) as client:
        names = within(60, lambda: [client.me.get().username for _ in range(5)])
    assert names == ["you"] * 5
    assert {seen.status for seen in projekt_sandbox.requests} == {200}


def test_a_held_answer_comes_when_due_while_the_time_is_frozen(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """The sandbox held it until the test ended: the client, which waits 30 s, timed out."""
    projekt_sandbox.delay_next(0.5, method="GET", path="/me")
    with freeze_time(FROZEN), projekt_sandbox.client(timeout=30, max_retries=0) as client:
        assert within(60, lambda: client.me.get().username) == "you"


def test_the_kits_server_stops_after_a_test_froze_the_time() -> None:
    """Timers its loop set while the time was frozen were due years later: the server went on
    serving after stop() gave up waiting for it."""
    with SandboxServer() as server:
        with freeze_time(FROZEN):
            threading.Event().wait(0.3)  # the server's loop sets its timers meanwhile
        assert httpx.get(f"{server.base_url}/openapi.json").status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.base_url}/openapi.json")


def test_a_retry_after_date_is_read_by_the_machines_clock(projekt_sandbox: ProjektSandbox) -> None:
    """A Retry-After given as a date was read against the frozen time of day: frozen a year
    back, a two-second wait looked a year long, past what the SDK waits for, and the call
    raised RateLimitError."""
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
    projekt_sandbox.fail_next(429, headers={"Retry-After": when})
    with freeze_time("2025-01-01"), projekt_sandbox.client() as client:
        assert within(60, lambda: client.me.get().username) == "you"


def test_an_attempts_duration_is_the_machines_while_the_time_is_frozen(
    projekt_sandbox: ProjektSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """The debug line and the duration metric timed each attempt by the frozen counter: an
    answer held for 0.3 s took "0 ms"."""
    projekt_sandbox.delay_next(0.3, method="GET", path="/me")
    caplog.set_level(logging.DEBUG, logger="projekt")
    with freeze_time(FROZEN), projekt_sandbox.client(max_retries=0) as client:
        within(60, client.me.get)
    (line,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("GET ")]
    took = re.search(r" -> 200 in (\d+) ms ", line)
    assert took is not None and int(took.group(1)) >= 300, line
