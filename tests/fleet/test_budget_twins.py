"""The shared budget's Lua scripts decide as the process's own budget does.

throttle.Budget is the reference; fleet_settle.lua and fleet_reserve.lua say they
do the same in Redis. Each scenario runs against both, over a real Redis, and both
must give the same decisions: send now, probe a window nobody knows yet, or wait
for the reset (in whole seconds).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from projekt._runtime.limits.throttle import Budget
from tests.fleet.conftest import RedisServer, answer, shared_budget

SENT, PROBE = "sent", "probe"


class Calls:
    """Calls through one budget, each in its own context, as each thread or task is."""

    def __init__(self, budget: Any) -> None:
        self.budget = budget
        self.in_flight: list[contextvars.Context] = []

    def reserve(self, max_wait: float = 60.0) -> str | int:
        context = contextvars.copy_context()
        wait: float = context.run(self.budget.reserve, max_wait)
        if wait == 0:
            self.in_flight.append(context)
            return SENT
        return PROBE if wait < 0.1 else round(wait)

    def answer(self, response: httpx.Response | None) -> None:
        """The oldest call in flight gets `response` (None: its answer was lost)."""
        self.in_flight.pop(0).run(self.budget.observe, response)


@pytest.fixture(params=["local", "shared"])
def calls(request: pytest.FixtureRequest, redis_server: RedisServer) -> Iterator[Calls]:
    if request.param == "local":
        yield Calls(Budget(floor=0))
        return
    budget = shared_budget(redis_server.url, "projekt:throttle:{twins}", floor=0)
    yield Calls(budget)
    budget.close()


Scenario = Callable[[Calls], list[Any]]


def an_unknown_window_is_probed_by_one_call(calls: Calls) -> list[Any]:
    seen = [calls.reserve(), calls.reserve()]
    calls.answer(answer(remaining=2, reset=30))
    return [*seen, calls.reserve(), calls.reserve(), calls.reserve(), calls.reserve(10.0)]


def a_429_waits_its_retry_after(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(answer(429, retry_after=7))
    return [*seen, calls.reserve()]


def a_server_without_rate_limit_headers_is_not_throttled(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(answer())
    return seen + [calls.reserve() for _ in range(3)]


def a_first_answer_without_headers_leaves_the_throttle_on(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(answer(502))  # a gateway's, say, during a deploy: no rate-limit headers
    seen += [calls.reserve()]
    calls.answer(answer(remaining=1, reset=30))  # the server's own: it counts after all
    return [*seen, calls.reserve(), calls.reserve()]


def a_probe_without_an_answer_lets_the_calls_go_until_one_comes(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(None)  # a server that takes connections and answers nothing
    seen += [calls.reserve(), calls.reserve()]
    calls.answer(answer(remaining=2, reset=30))  # 1 in flight: 1 left
    return [*seen, calls.reserve(), calls.reserve()]


def a_window_with_requests_left_outlasts_a_reset_of_0(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(answer(remaining=5, reset=0))  # whole seconds: it resets within this one
    return [*seen, calls.reserve(), calls.reserve()]


def the_same_window_keeps_the_lowest_count(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(answer(remaining=5, reset=30))
    seen += [calls.reserve(), calls.reserve()]  # 3 left, 2 in flight
    calls.answer(answer(remaining=1, reset=30))  # the server counted more: 1 left
    return [*seen, calls.reserve(), calls.reserve()]


def a_new_window_is_the_servers_count_less_what_is_in_flight(calls: Calls) -> list[Any]:
    seen = [calls.reserve()]
    calls.answer(answer(remaining=5, reset=5))
    seen += [calls.reserve(), calls.reserve()]  # 2 in flight
    calls.answer(answer(remaining=3, reset=60))  # a later reset: a new window, 1 in flight
    return [*seen, calls.reserve(), calls.reserve(), calls.reserve()]


SCENARIOS: dict[Scenario, list[Any]] = {
    an_unknown_window_is_probed_by_one_call: [SENT, PROBE, SENT, SENT, 30, SENT],
    a_429_waits_its_retry_after: [SENT, 7],
    a_server_without_rate_limit_headers_is_not_throttled: [SENT, SENT, SENT, SENT],
    a_first_answer_without_headers_leaves_the_throttle_on: [SENT, SENT, SENT, 30],
    a_probe_without_an_answer_lets_the_calls_go_until_one_comes: [SENT, SENT, SENT, SENT, 30],
    a_window_with_requests_left_outlasts_a_reset_of_0: [SENT, SENT, SENT],
    the_same_window_keeps_the_lowest_count: [SENT, SENT, SENT, SENT, 30],
    a_new_window_is_the_servers_count_less_what_is_in_flight: [SENT, SENT, SENT, SENT, SENT, 60],
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.__name__)
def test_the_shared_budget_decides_as_the_local_one(calls: Calls, scenario: Scenario) -> None:
    assert scenario(calls) == SCENARIOS[scenario]
