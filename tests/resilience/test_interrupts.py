"""A call interrupted anywhere (Ctrl-C, a Celery soft time limit, a signal-based timeout:
an exception a signal handler raises between two steps of the SDK's code) leaves the client
working: a user who catches it, in a notebook or a worker that runs the next task, calls
again on the same client."""

from __future__ import annotations

import gc
import inspect
import sys
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import projekt
from tests.helpers import Sandbox

RUNTIME = str(Path(projekt.__file__).parent / "_runtime")


class Interrupt(BaseException):
    """What a signal handler raises: KeyboardInterrupt, Celery's SoftTimeLimitExceeded."""


def interrupted_at(point: int, call: Callable[[], object]) -> str | None:
    """Runs `call`, raising Interrupt at its `point`-th place where CPython runs a signal
    handler in the runtime's code: as a function starts, and as a C function it called
    returns. Where it was raised, or None once `call` has fewer such places."""
    seen = 0

    def in_runtime(frame: FrameType | None) -> bool:
        return frame is not None and frame.f_code.co_filename.startswith(RUNTIME)

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal seen
        if frame.f_code.co_flags & inspect.CO_GENERATOR:
            # Resumed, or closed as its consumer unwinds: there an interrupt would only be
            # reported as ignored, and the generator's consumer has its own places.
            return
        if (event == "call" and (in_runtime(frame) or in_runtime(frame.f_back))) or (
            event == "c_return" and in_runtime(frame)
        ):
            seen += 1
        else:
            return
        if seen == point:
            raise Interrupt(f"{event} at {frame.f_code.co_filename}:{frame.f_lineno}")

    gc.disable()  # so that no collection runs a callback or a finalizer from inside `call`
    sys.setprofile(profile)
    try:
        call()
    except Interrupt as interrupt:
        return str(interrupt)
    finally:
        sys.setprofile(None)
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
