"""A call interrupted anywhere (Ctrl-C, a Celery soft time limit, a signal-based timeout:
an exception a signal handler raises between two steps of the SDK's code) leaves the client
working: a user who catches it, in a notebook or a worker that runs the next task, calls
again on the same client."""

from __future__ import annotations

import dis
import functools
import gc
import inspect
import sys
from collections.abc import Callable, Iterator
from itertools import islice, pairwise
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest

import projekt
from tests.helpers import Sandbox

RUNTIME = str(Path(projekt.__file__).parent / "_runtime")
SUSPENDABLE = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR


class Interrupt(BaseException):
    """What a signal handler raises: KeyboardInterrupt, Celery's SoftTimeLimitExceeded."""


@functools.cache
def after_a_call(code: CodeType) -> frozenset[int]:
    """Where `code` goes on after each call it makes returns."""
    return frozenset(
        following.offset
        for call, following in pairwise(dis.get_instructions(code))
        if call.opname.startswith("CALL")
    )


def interrupted_at(point: int, call: Callable[[], object]) -> str | None:
    """Runs `call`, raising Interrupt at its `point`-th place where a signal handler runs in
    the runtime's code: as a function of it, or one it calls, starts, and after each call it
    makes returns (where CPython checks for pending signals). Where it was raised, or None
    once `call` has fewer such places.

    The interrupt comes from a trace function, the way pdb's "quit" raises BdbQuit."""
    seen = 0

    def in_runtime(frame: FrameType | None) -> bool:
        return frame is not None and frame.f_code.co_filename.startswith(RUNTIME)

    def interrupt_here(frame: FrameType, event: str) -> None:
        nonlocal seen
        seen += 1
        if seen == point:
            raise Interrupt(f"{event} at {frame.f_code.co_filename}:{frame.f_lineno}")

    def each_instruction(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "opcode" and frame.f_lasti in after_a_call(frame.f_code):
            interrupt_here(frame, "a return")
        return each_instruction

    def each_call(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_flags & SUSPENDABLE:
            # Resumed, or closed as its consumer unwinds: there an interrupt would only be
            # reported as ignored, and the generator's consumer has its own places.
            return None
        if not (in_runtime(frame) or in_runtime(frame.f_back)):
            return None
        interrupt_here(frame, event)
        if not in_runtime(frame):
            return None
        frame.f_trace_lines, frame.f_trace_opcodes = False, True
        return each_instruction

    tracing = sys.gettrace()  # a coverage run's, say: given back after
    gc.disable()  # so that no collection runs a callback or a finalizer from inside `call`
    sys.settrace(each_call)
    try:
        call()
    except Interrupt as interrupt:
        return str(interrupt)
    finally:
        sys.settrace(tracing)
        gc.enable()
    return None


@pytest.fixture
def client(fault_sandbox: Sandbox) -> Iterator[projekt.Projekt]:
    owner = fault_sandbox.owner
    # A turn or a budget an interrupt left held would make the next call wait in vain:
    # with these, it fails (a PoolTimeout) instead of hanging the test.
    with projekt.Projekt(
        api_key=owner["api_key"],
        org_id=owner["org_id"],
        base_url=fault_sandbox.url,
        timeout=2,
        max_retries=0,
    ) as made:
        yield made


CALLS: dict[str, Callable[[projekt.Projekt, str], object]] = {
    "get": lambda client, project: client.projects.get(project),
    "create": lambda client, project: client.issues.create(project_id=project, title="Ctrl-C"),
    "list": lambda client, project: list(
        islice(client.issues.list(project_id=project, limit=2), 3)
    ),
}


@pytest.mark.parametrize("name", CALLS)
def test_a_call_interrupted_anywhere_leaves_the_client_working(
    client: projekt.Projekt, fault_sandbox: Sandbox, name: str
) -> None:
    project = fault_sandbox.owner["project_id"]
    call = CALLS[name]
    call(client, project)  # connected, and the window known
    point = 0
    while (where := interrupted_at(point := point + 1, lambda: call(client, project))) is not None:
        try:
            client.projects.get(project)
        except projekt.ProjektError as error:
            pytest.fail(f"interrupted {where}, the next call raised {error!r}")
    assert point > 100  # the interrupts went where the runtime's code runs
