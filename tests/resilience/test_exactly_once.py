"""Exactly-once writes: the first answer to each write is lost, in every way a network
loses one, and still every call returns and every write exists once. Also with the
sandbox killed (SIGKILL) between the write and its retry."""

from __future__ import annotations

import asyncio
import itertools
import signal
from pathlib import Path

import pytest

from projekt import ConnectionOutcomeUnknownError, Projekt
from tests.helpers import Sandbox, free_port, make_client
from tests.resilience.faultproxy import Action, FaultProxy, Forward, Reset, Respond

ISSUE = "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"  # the seed's "Fix login bug"
LOSSES: dict[str, Action] = {
    "dropped after sending": Reset(after_forward=True),
    "answer after the timeout": Forward(until_client_leaves=True),
    "body cut short": Forward(truncate=True),
    "dropped before sending": Reset(),
    "500": Respond(500, {"Content-Type": "application/json"}, b"{}"),
    "502 from a proxy": Respond(502, {"Content-Type": "text/html"}, b"<html>Bad gateway</html>"),
    "503": Respond(503),
    "504": Respond(504),
}
_keys = itertools.count(1)


@pytest.mark.parametrize("loss", LOSSES, ids=list(LOSSES))
def test_every_write_returns_and_acts_once_when_its_first_answer_is_lost(
    client: Projekt, proxy: FaultProxy, owner: Projekt, loss: str
) -> None:
    project = owner.projects.create(name="Once", key=f"ONCE{next(_keys)}").id
    proxy.then(LOSSES[loss])
    issue = client.issues.create(project_id=project, title=f"lost: {loss}")
    proxy.then(LOSSES[loss])
    updated = client.issues.update(issue.id, priority="high")
    proxy.then(LOSSES[loss])
    comment = client.comments.create(issue.id, body=f"lost: {loss}")
    assert updated.priority == "high" and comment.body == f"lost: {loss}"
    assert [i.title for i in owner.issues.list(project_id=project)] == [f"lost: {loss}"]
    assert [c.body for c in owner.comments.list(issue.id)] == [f"lost: {loss}"]
    proxy.then(LOSSES[loss])
    assert client.issues.delete(issue.id) is None  # the retry gets the first answer: 204
    assert list(owner.issues.list(project_id=project)) == []


def test_every_issue_exists_once_after_a_loss_per_create(
    client: Projekt, proxy: FaultProxy, owner: Projekt
) -> None:
    project = owner.projects.create(name="Batch", key=f"BATCH{next(_keys)}").id
    titles = [f"batch {n}" for n in range(15)]  # more than the retry budget's 10 tokens
    for loss in itertools.islice(itertools.cycle(LOSSES.values()), len(titles)):
        proxy.then(loss, Forward())  # each create's first answer lost, its retry's not
    returned = [client.issues.create(project_id=project, title=title).title for title in titles]
    assert returned == titles
    assert sorted(i.title for i in owner.issues.list(project_id=project)) == sorted(titles)


def test_a_write_whose_retries_are_refused_is_unknown_and_sent_again_acts_once(
    client: Projekt, proxy: FaultProxy, owner: Projekt
) -> None:
    """A deploy: the server acts on a create and goes away before it answers, and while it is
    down its address refuses the retries. The error was the refusal's, with no key, as if
    nothing had been sent; sent again as such, the create acted twice. It now says that the
    create may have acted, and sent again with the key it gives, the create acts once."""
    project = owner.projects.create(name="Deploy", key=f"DEPLOY{next(_keys)}").id
    proxy.then(Reset(after_forward=True, meanwhile=proxy.refuse_connections))
    with pytest.raises(ConnectionOutcomeUnknownError) as caught:
        client.issues.create(project_id=project, title="deployed")
    assert "its last retry failed before it was sent (ConnectError)" in str(caught.value)
    key = caught.value.idempotency_key
    again = owner.issues.with_raw_response.create(
        project_id=project, title="deployed", idempotency_key=key
    )
    assert again.status_code == 201 and again.replayed
    assert [i.title for i in owner.issues.list(project_id=project)] == ["deployed"]


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_a_write_survives_the_sandbox_killed_between_the_write_and_its_retry(
    tmp_path: Path, flavor: str, runner: asyncio.Runner | None, sleeps: list[float]
) -> None:
    """SIGKILL right after the write committed, its answer lost; a new sandbox process on the
    same database answers the retry with the first answer, replayed from disk."""
    sandboxes = [Sandbox(tmp_path / "killed.db")]
    proxy = FaultProxy(sandboxes[0].port)

    def kill_and_restart() -> None:
        sandboxes[-1].proc.send_signal(signal.SIGKILL)
        sandboxes[-1].proc.wait(timeout=10)
        sandboxes.append(Sandbox(tmp_path / "killed.db", port=free_port(), seeded=True))
        proxy.upstream_port = sandboxes[-1].port

    credentials = sandboxes[0].owner
    options = {"api_key": credentials["api_key"], "org_id": credentials["org_id"]}
    try:
        with make_client(flavor, runner, base_url=proxy.url, **options) as client:
            project = client.projects.create(name="Killed", key="KILL").id
            proxy.then(Reset(after_forward=True, meanwhile=kill_and_restart))
            raw = client.issues.with_raw_response.create(project_id=project, title="survivor")
            assert raw.status_code == 201 and raw.replayed
            assert [i.title for i in client.issues.list(project_id=project)] == ["survivor"]
        assert proxy.forwarded[-3:-1] == ["POST 201", "POST 201"] and len(sandboxes) == 2
    finally:
        proxy.close()
        sandboxes[-1].stop()
