"""Idempotency-Key in the sandbox, over real HTTP: replays, refusals, scopes, races, expiry,
and an answer lost after the write (the test kit's `lose_next_response`), or held past the
client's timeout (`delay_next`)."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

import projekt
from projekt_sandbox import idempotency
from projekt_sandbox.sealing import Sealer
from projekt_sandbox.seed import mint
from projekt_sandbox.store import new_id
from projekt_sandbox.testing import ProjektSandbox


def api(sandbox: ProjektSandbox, credentials: dict[str, Any] | None = None) -> httpx.Client:
    credentials = credentials or {"api_key": sandbox.api_key, "org_id": sandbox.org_id}
    headers = {
        "Authorization": f"Bearer {credentials['api_key']}",
        "X-Org-Id": credentials["org_id"],
    }
    return httpx.Client(base_url=sandbox.base_url, headers=headers)


def create(client: httpx.Client, key: str, title: str, project_id: str) -> httpx.Response:
    return client.post(
        "/issues",
        json={"project_id": project_id, "title": title},
        headers={"Idempotency-Key": key},
    )


def titled(sandbox: ProjektSandbox, title: str) -> int:
    row = sandbox.server.state.store.one("SELECT COUNT(*) AS n FROM issues WHERE title = ?", title)
    return int(row["n"]) if row else 0


def test_the_same_key_and_request_replays_the_first_answer(projekt_sandbox: ProjektSandbox) -> None:
    with api(projekt_sandbox) as client:
        first = create(client, '"k-1"', "Once", projekt_sandbox.project_id)
        again = create(client, '"k-1"', "Once", projekt_sandbox.project_id)
        bare = create(client, "k-1", "Once", projekt_sandbox.project_id)  # Stripe's form
    assert first.status_code == again.status_code == bare.status_code == 201
    assert "idempotent-replayed" not in first.headers
    assert again.headers["idempotent-replayed"] == bare.headers["idempotent-replayed"] == "true"
    assert again.json() == bare.json() == first.json()
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    assert again.headers["x-ratelimit-remaining"]  # this answer's own rate-limit state
    assert titled(projekt_sandbox, "Once") == 1


def test_the_same_key_with_another_request_is_a_422(projekt_sandbox: ProjektSandbox) -> None:
    with api(projekt_sandbox) as client:
        create(client, '"k-2"', "First", projekt_sandbox.project_id)
        other = create(client, '"k-2"', "Second", projekt_sandbox.project_id)
        patch = client.patch(
            "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d",
            json={"priority": "low"},
            headers={"Idempotency-Key": '"k-2"'},
        )
    assert other.status_code == patch.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert titled(projekt_sandbox, "Second") == 0 and titled(projekt_sandbox, "First") == 1


@pytest.mark.parametrize(
    "key", ['"unterminated', '""', "with space", '"' + "x" * 256 + '"', '"caf\u00e9"', '"a"b"']
)
def test_a_malformed_key_is_a_400_and_does_nothing(
    projekt_sandbox: ProjektSandbox, key: str
) -> None:
    with api(projekt_sandbox) as client:
        answer = client.post(
            "/issues",
            json={"project_id": projekt_sandbox.project_id, "title": "Malformed"},
            headers={"Idempotency-Key": key.encode("utf-8")},
        )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_idempotency_key"
    assert titled(projekt_sandbox, "Malformed") == 0


def test_a_key_is_its_callers_alone(projekt_sandbox: ProjektSandbox) -> None:
    """Another member, or the same member in another org, never gets your answer replayed."""
    store = projekt_sandbox.server.state.store
    globex = store.one("SELECT id FROM orgs WHERE slug = 'globex'")
    store.insert(
        "memberships",
        id=new_id(),
        org_id=globex["id"],
        user_id=projekt_sandbox.user_id,
        role="owner",
    )
    member = mint(store, "member@example.com", "acme")
    you_in_globex = mint(store, "you@example.com", "globex")
    with api(projekt_sandbox) as you, api(projekt_sandbox, member) as them:
        mine = create(you, '"shared"', "Shared key", projekt_sandbox.project_id)
        theirs = create(them, '"shared"', "Shared key", projekt_sandbox.project_id)
    with api(projekt_sandbox, you_in_globex) as elsewhere:
        there = create(elsewhere, '"shared"', "Shared key", you_in_globex["project_id"])
    for answer in (theirs, there):
        assert answer.status_code == 201 and "idempotent-replayed" not in answer.headers
        assert answer.json()["id"] != mine.json()["id"]
    assert titled(projekt_sandbox, "Shared key") == 3


def test_one_key_sent_at_once_from_many_threads_writes_once(
    projekt_sandbox: ProjektSandbox,
) -> None:
    barrier, answers = threading.Barrier(8), []

    def send() -> None:
        with api(projekt_sandbox) as client:
            barrier.wait()
            answers.append(create(client, '"race"', "Raced", projekt_sandbox.project_id))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = Counter(a.status_code for a in answers)
    assert set(statuses) <= {201, 409} and statuses[201] >= 1
    assert sum("idempotent-replayed" not in a.headers for a in answers if a.status_code == 201) == 1
    assert titled(projekt_sandbox, "Raced") == 1


def test_a_key_whose_request_is_still_arriving_is_a_409(projekt_sandbox: ProjektSandbox) -> None:
    body = f'{{"project_id": "{projekt_sandbox.project_id}", "title": "Slow"}}'.encode()
    host, port = projekt_sandbox.base_url.removeprefix("http://").split(":")
    head = (
        f"POST /issues HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {projekt_sandbox.api_key}"
        f"\r\nX-Org-Id: {projekt_sandbox.org_id}\r\nContent-Type: application/json\r\n"
        f'Idempotency-Key: "slow"\r\nContent-Length: {len(body)}\r\n\r\n'
    ).encode()
    with socket.create_connection((host, int(port))) as slow:
        slow.sendall(head + body[:10])  # the first request, half sent: its key is claimed
        claimed = projekt_sandbox.server.state.idempotency  # wait until the sandbox holds it
        deadline = time.monotonic() + 10
        while not claimed.busy() and time.monotonic() < deadline:
            time.sleep(0.01)
        with api(projekt_sandbox) as client:
            busy = create(client, '"slow"', "Slow", projekt_sandbox.project_id)
        slow.sendall(body[10:])
        first = slow.recv(65536)
    assert busy.status_code == 409 and busy.headers["retry-after"] == "1"
    assert busy.json()["error"]["code"] == "idempotency_key_in_use"
    assert busy.json()["error"]["message"].endswith("Retry in 1 second.")
    assert first.startswith(b"HTTP/1.1 201")
    with api(projekt_sandbox) as client:
        assert (
            create(client, '"slow"', "Slow", projekt_sandbox.project_id).headers[
                "idempotent-replayed"
            ]
            == "true"
        )
    assert titled(projekt_sandbox, "Slow") == 1


def test_a_request_that_failed_is_not_kept(projekt_sandbox: ProjektSandbox) -> None:
    project = {"name": "Taken", "key": "WEB"}  # the seed's project key
    with api(projekt_sandbox) as client:
        first = client.post("/projects", json=project, headers={"Idempotency-Key": '"p"'})
        again = client.post("/projects", json=project, headers={"Idempotency-Key": '"p"'})
    assert first.status_code == again.status_code == 409
    assert "idempotent-replayed" not in again.headers  # the request ran again


def test_keys_expire_after_a_day(
    projekt_sandbox: ProjektSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    with api(projekt_sandbox) as client:
        create(client, '"old"', "Daily", projekt_sandbox.project_id)
        later = time.time() + idempotency.KEPT_SECONDS + 1
        monkeypatch.setattr(idempotency, "clock", lambda: later)
        fresh = create(client, '"old"', "Daily", projekt_sandbox.project_id)
    assert fresh.status_code == 201 and "idempotent-replayed" not in fresh.headers
    assert titled(projekt_sandbox, "Daily") == 2
    kept = projekt_sandbox.server.state.store.all("SELECT expires_at FROM idempotency_keys")
    assert len(kept) == 1 and kept[0]["expires_at"] > later  # the expired one was purged


def test_a_lost_answer_was_acted_on_and_its_retry_replays_it(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    key = f'"{uuid.uuid4()}"'
    with api(projekt_sandbox) as client:
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            create(client, key, "Lost once", projekt_sandbox.project_id)
        assert titled(projekt_sandbox, "Lost once") == 1
        retry = create(client, key, "Lost once", projekt_sandbox.project_id)
    assert retry.status_code == 201 and retry.headers["idempotent-replayed"] == "true"
    assert titled(projekt_sandbox, "Lost once") == 1


def test_the_sdk_returns_through_lost_answers_and_writes_once(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.lose_next_response(times=2, method="POST", path="/issues")
    with projekt_sandbox.client() as client:
        raw = client.issues.with_raw_response.create(
            project_id=projekt_sandbox.project_id, title="Exactly once"
        )
    assert raw.status_code == 201 and raw.replayed and raw.retries == 2
    assert raw.parse().title == "Exactly once"
    assert titled(projekt_sandbox, "Exactly once") == 1


def test_a_kept_answer_opens_with_its_own_key_only(tmp_path: Path) -> None:
    """What test_server's restart test relies on, told apart: the key file is private, the
    sealed text shows nothing, an altered or foreign one does not open, and an answer a
    sandbox before 0.15.4 kept unsealed reads as it is."""
    answer = '{"id": "k", "token": "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"}'
    sealed = Sealer.beside(tmp_path / "a.db").seal(answer)
    assert "AbCd" not in sealed and (tmp_path / "a.db.key").stat().st_mode & 0o777 == 0o600
    assert Sealer.beside(tmp_path / "a.db").open(sealed) == answer  # the key file, read again
    assert Sealer.beside(tmp_path / "b.db").open(sealed) is None
    middle = len(sealed) // 2
    altered = sealed[:middle] + ("A" if sealed[middle] != "A" else "B") + sealed[middle + 1 :]
    assert Sealer.beside(tmp_path / "a.db").open(altered) is None
    assert Sealer.beside(tmp_path / "a.db").open(sealed[:-3] + "!!!") is None
    assert Sealer.beside(tmp_path / "a.db").open('{"id": "i"}') == '{"id": "i"}'


def test_the_key_file_is_made_where_hard_links_are_not_supported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError("Operation not permitted")  # as on FAT or an SMB mount

    monkeypatch.setattr("os.link", no_links)
    sealed = Sealer.beside(tmp_path / "c.db").seal("{}")
    assert Sealer.beside(tmp_path / "c.db").open(sealed) == "{}"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c.db.key"]  # no draft left


# An answer held far past the clients' timeout, which is long enough for any other answer
# to come in time on a loaded machine.
HELD, TIMEOUT = 5.0, 1.0


def test_the_sdk_retries_an_answer_held_past_its_timeout_and_writes_once(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.delay_next(HELD, method="POST", path="/issues")
    with projekt_sandbox.client(timeout=TIMEOUT) as client:
        raw = client.issues.with_raw_response.create(
            project_id=projekt_sandbox.project_id, title="Slow once"
        )
    assert raw.status_code == 201 and raw.replayed and raw.retries >= 1
    assert titled(projekt_sandbox, "Slow once") == 1


def test_a_held_answer_is_the_sdks_timeout_and_only_the_planned_one_is_held(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.delay_next(HELD, method="GET", path="/me")
    with projekt_sandbox.client(timeout=TIMEOUT, max_retries=0) as client:
        with pytest.raises(projekt.APITimeoutError):
            client.me.get()
        assert client.me.get(timeout=15).email == "you@example.com"  # the plan was spent
