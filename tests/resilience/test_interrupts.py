"""A call interrupted anywhere (Ctrl-C, a Celery soft time limit, a signal-based timeout:
an exception a signal handler raises between two steps of the SDK's code) leaves the client
working: a user who catches it, in a notebook or a worker that runs the next task, calls
again on the same client."""

from __future__ import annotations

import _thread
import dis
import functools
import gc
import inspect
import json
import signal
import subprocess
import sys
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest

import projekt
from tests.helpers import ROOT, Sandbox

RUNTIME = str(Path(projekt.__file__).parent / "_runtime")
SUSPENDABLE = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
SIGNAL = signal.SIGUSR1


class Interrupt(BaseException):
    """What a signal handler raises: KeyboardInterrupt, Celery's SoftTimeLimitExceeded."""


class PendingSignal(int):
    """A signal number that, read as `.arrived`, marks the signal as arrived without running
    its handler, as the OS's delivery does. Read, not called: after a call CPython runs the
    handlers of arrived signals, which would raise inside the trace function instead of in
    the traced code (this test raised from a trace function, and CPython 3.11 crashed in CI)."""

    arrived = property(_thread.interrupt_main)


@functools.cache
def checks_for_signals(code: CodeType) -> frozenset[int]:
    """The instructions of `code` after which CPython runs signal handlers: a call (of C
    code; a Python function runs them as it starts) and a loop's jump back."""
    return frozenset(
        instruction.offset
        for instruction in dis.get_instructions(code)
        if instruction.opname.startswith("CALL") or instruction.opname == "JUMP_BACKWARD"
    )


def interrupted_at(point: int, call: Callable[[], object]) -> str | None:
    """Runs `call` with a signal arriving just before its `point`-th place where CPython
    runs signal handlers in the runtime's code (as a function of it, or one it calls, starts;
    after a call returns; at a loop's next turn), a handler that raises Interrupt. Where it
    was raised, or None once `call` has fewer such places."""
    seen = 0
    resend = False

    def in_runtime(frame: FrameType | None) -> bool:
        return frame is not None and frame.f_code.co_filename.startswith(RUNTIME)

    def arrive(at_a_place: bool) -> None:
        nonlocal seen, resend
        seen += at_a_place
        if (at_a_place and seen == point) or resend:
            resend = False
            _ = PendingSignal(SIGNAL).arrived  # a read, not a call: see PendingSignal

    # Each ends with arrive(): after it, a call would run the handler in the trace function.
    def each_instruction(frame: FrameType, event: str, arg: Any) -> Any:
        arrive(event == "opcode" and frame.f_lasti in checks_for_signals(frame.f_code))
        return each_instruction

    def each_call(frame: FrameType, event: str, arg: Any) -> Any:
        # A generator's frame starts as it is resumed, or closed as its consumer unwinds:
        # there an interrupt would only be reported as ignored, and the consumer has its own
        # places.
        counted = not frame.f_code.co_flags & SUSPENDABLE
        runtime = counted and in_runtime(frame)
        if runtime:
            frame.f_trace_lines, frame.f_trace_opcodes = False, True
        arrive(runtime or (counted and in_runtime(frame.f_back)))
        return each_instruction if runtime else None

    def in_the_trace_function(frame: FrameType | None) -> bool:
        while frame is not None and frame.f_code not in (
            each_call.__code__,
            each_instruction.__code__,
        ):
            frame = frame.f_back
        return frame is not None

    def handle(signum: int, frame: FrameType | None) -> None:
        nonlocal resend
        if in_the_trace_function(frame):
            # Handlers run as a trace function starts too, before the traced code reached a
            # place where they run: sent again, the signal arrives there.
            resend = True
        else:
            where = f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"
            raise Interrupt(f"at {where}")

    handling = signal.signal(SIGNAL, handle)
    tracing = sys.gettrace()  # a coverage run's, say: given back after
    gc.disable()  # so that no collection runs a callback or a finalizer from inside `call`
    try:
        sys.settrace(each_call)
        try:
            call()
        finally:
            # A signal that arrived at the call's last place is handled here at the latest.
            sys.settrace(tracing)
    except Interrupt as interrupt:
        return str(interrupt)
    finally:
        gc.enable()
        signal.signal(SIGNAL, handling)
    return None


CALLS: dict[str, Callable[[projekt.Projekt, str], object]] = {
    "get": lambda client, project: client.projects.get(project),
    "create": lambda client, project: client.issues.create(project_id=project, title="Ctrl-C"),
    "list": lambda client, project: list(
        islice(client.issues.list(project_id=project, limit=2), 3)
    ),
}


def interrupts_leave_the_client_working(name: str, url: str, owner: dict[str, str]) -> str | None:
    """`name` interrupted at each of its places in turn, each time followed by a call that
    must succeed: what went wrong, or None."""
    # A turn or a budget an interrupt left held would make the next call wait in vain:
    # with these, it fails (a PoolTimeout) instead of hanging the test.
    with projekt.Projekt(
        api_key=owner["api_key"], org_id=owner["org_id"], base_url=url, timeout=2, max_retries=0
    ) as client:
        project, call = owner["project_id"], CALLS[name]
        call(client, project)  # connected, and the window known
        point = 0
        while where := interrupted_at(point := point + 1, lambda: call(client, project)):
            try:
                client.projects.get(project)
            except projekt.ProjektError as error:
                return f"interrupted {where}, the next call raised {error!r}"
    if point <= 100:
        return f"only {point} places: the interrupts missed the runtime's code"
    return None


@pytest.mark.parametrize("name", CALLS)
def test_a_call_interrupted_anywhere_leaves_the_client_working(
    fault_sandbox: Sandbox, name: str
) -> None:
    """In an interpreter of its own, the same in every run. In this worker's, a test module
    that ran before could have set a global OpenTelemetry provider, and with one set, CPython
    3.11 crashed under this test (a segmentation fault, each time at another place)."""
    owner = json.dumps(fault_sandbox.owner)
    itself = [sys.executable, "-m", __name__, name, fault_sandbox.url, owner]
    run = subprocess.run(itself, cwd=ROOT, capture_output=True, text=True, timeout=110)
    assert run.returncode == 0, run.stdout + run.stderr


if __name__ == "__main__":
    sys.exit(interrupts_leave_the_client_working(sys.argv[1], sys.argv[2], json.loads(sys.argv[3])))
