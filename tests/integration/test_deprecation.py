"""Deprecation and sunset announced by the server: one ProjektDeprecationWarning per
operation per client, a WARNING log line, and `client.deprecations`; against the test
kit's `deprecate()` and `projekt-sandbox serve --deprecate`."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

import projekt
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import Sandbox


def test_a_deprecated_operation_warns_once_per_client(
    projekt_sandbox: ProjektSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    year = datetime.now(UTC).year + 2  # a sunset to come, whenever the test runs
    projekt_sandbox.deprecate("listIssues", sunset=f"{year}-06-30")
    with projekt_sandbox.client() as client, caplog.at_level(logging.WARNING, "projekt"):
        with pytest.warns(projekt.ProjektDeprecationWarning) as caught:
            list(client.issues.list(project_id=projekt_sandbox.project_id))
            list(client.issues.list(project_id=projekt_sandbox.project_id, limit=1))
            list(
                client.with_options(max_retries=5).issues.list(
                    project_id=projekt_sandbox.project_id
                )
            )
        client.me.get()  # not deprecated: nothing more
        (seen,) = client.deprecations
    # Only the SDK's: the collector may finalise another test's object inside the block, and
    # pytest.warns records that ResourceWarning too.
    (warning,) = [w for w in caught if w.category is projekt.ProjektDeprecationWarning]
    assert warning.filename == __file__  # it points at the caller's line
    link = f"{projekt_sandbox.base_url}/docs/#/issues/listIssues"
    assert str(warning.message) == (
        f"issues.list() is deprecated by the API since {datetime.now(UTC):%Y-%m-%d}; "
        f"it stops working on {year}-06-30 (sunset); see {link}."
    )
    assert seen.operation == "issues.list" and seen.link == link
    assert seen.sunset == datetime(year, 6, 30, tzinfo=UTC)
    assert [r.getMessage() for r in caplog.records if r.name == "projekt"] == [str(seen)]
    with projekt_sandbox.client() as another, pytest.warns(projekt.ProjektDeprecationWarning):
        list(another.issues.list(project_id=projekt_sandbox.project_id))


def test_a_sunset_that_has_passed_is_said_to_have_passed(projekt_sandbox: ProjektSandbox) -> None:
    """A server may keep answering an operation past the sunset it announces; the warning
    said it "stops working on" a day gone by."""
    projekt_sandbox.deprecate("getMe", sunset="2026-01-01")
    deprecated = projekt.ProjektDeprecationWarning
    with projekt_sandbox.client() as client, pytest.warns(deprecated) as warned:
        client.me.get()
    (warning,) = [w for w in warned if w.category is deprecated]
    assert "; its sunset, 2026-01-01, has passed: it may stop any time; see " in str(
        warning.message
    )


def test_a_deprecated_path_written_out_in_full_warns_once_for_its_template(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """`client.get(f"/issues/{issue_id}")` warned, and grew `client.deprecations`, once per
    issue: a service reading a deprecated endpoint for each of its issues never stopped."""
    projekt_sandbox.deprecate("getIssue")
    with projekt_sandbox.client() as client:
        ids = [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]
        with pytest.warns(projekt.ProjektDeprecationWarning) as caught:
            for issue_id in ids:
                client.get(f"/issues/{issue_id}")
        (seen,) = client.deprecations
    assert len(ids) > 1 and seen.operation == 'client.get("/issues/{issue_id}")'
    assert len([w for w in caught if w.category is projekt.ProjektDeprecationWarning]) == 1


def test_a_write_whose_warning_is_made_an_error_says_it_took_effect_and_how_to_replay(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """Under `-W error` (or pytest's `filterwarnings = error`) the warning is raised, as the
    application asked, but only after the server acted: the create's answer is lost, and
    code that retries on any exception would create the issue twice. The warning says so,
    and with which key a retry gets the first answer back."""
    projekt_sandbox.deprecate("createIssue")
    projekt_sandbox.deprecate("getMe")
    project_id = projekt_sandbox.project_id
    with projekt_sandbox.client() as client, warnings.catch_warnings():
        warnings.simplefilter("error", projekt.ProjektDeprecationWarning)
        with pytest.raises(projekt.ProjektDeprecationWarning) as caught:
            client.issues.create(project_id=project_id, title="Deprecated once")
        (note,) = caught.value.__notes__
        (sent,) = [r for r in projekt_sandbox.requests if r.method == "POST"]
        key = sent.headers["idempotency-key"].strip('"')
        assert note == (
            f"The request succeeded (201 Created) before this warning was raised as an error, "
            f"so the write took effect (request_id: {sent.request_id}). Sent again with "
            f"idempotency_key={key!r}, it gets that answer back instead of acting twice."
        )
        again = client.issues.with_raw_response.create(
            project_id=project_id, title="Deprecated once", idempotency_key=key
        )
        assert again.replayed and again.parse().title == "Deprecated once"
        titles = [i.title for i in client.issues.list(project_id=project_id)]
        assert titles.count("Deprecated once") == 1
        with pytest.raises(projekt.ProjektDeprecationWarning) as read:
            client.me.get()
        assert not getattr(read.value, "__notes__", None)  # a read acted on nothing


def test_pagination_still_follows_next_beside_the_deprecation_link(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.deprecate("listIssues", link="https://example.test/changelog")
    with projekt_sandbox.client() as client, warnings.catch_warnings():
        warnings.simplefilter("ignore", projekt.ProjektDeprecationWarning)
        pages = list(
            client.issues.list(project_id=projekt_sandbox.project_id, limit=2).iter_pages()
        )
        assert len(pages) > 2 and client.deprecations[0].link == "https://example.test/changelog"


def test_a_deprecation_link_among_several_relation_types_is_kept() -> None:
    """Before, only a Link whose rel was exactly "deprecation" was read."""
    user = {"id": "u", "email": "e@x.test", "name": "n", "username": "u", "locale": "en"}
    headers = {"Deprecation": "true", "Link": '<https://x.test/changes>; REL="Deprecation help"'}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, json=user, headers=headers))
    client = projekt.Projekt(
        api_key="pjk_live_" + "a" * 32, org_id="o", base_url="https://x.test", transport=transport
    )
    with pytest.warns(projekt.ProjektDeprecationWarning, match="see https://x.test/changes"):
        client.me.get()
    assert client.deprecations[0].link == "https://x.test/changes"


@pytest.mark.parametrize(
    ("headers", "since", "sunset"),
    [
        ({"Deprecation": "true"}, None, None),  # the draft's legacy form
        (
            {"Deprecation": "@1767225600", "Sunset": "Wed, 30 Jun 2027 00:00:00 GMT"},
            datetime(2026, 1, 1, tzinfo=UTC),
            datetime(2027, 6, 30, tzinfo=UTC),
        ),
        (
            {"Deprecation": "@1767225600", "Sunset": "2027-06-30"},  # lenient: an ISO date
            datetime(2026, 1, 1, tzinfo=UTC),
            datetime(2027, 6, 30, tzinfo=UTC),
        ),
        ({"Deprecation": "@nonsense", "Sunset": "soon"}, None, None),  # unreadable: still warns
    ],
)
def test_the_headers_are_read_leniently(
    headers: dict[str, str], since: datetime | None, sunset: datetime | None
) -> None:
    user = {"id": "u", "email": "e@x.test", "name": "n", "username": "u", "locale": "en"}
    transport = httpx.MockTransport(lambda _: httpx.Response(200, json=user, headers=headers))
    client = projekt.Projekt(
        api_key="pjk_live_" + "a" * 32, org_id="o", base_url="https://x.test", transport=transport
    )
    with pytest.warns(projekt.ProjektDeprecationWarning, match=r"^me.get\(\) is deprecated"):
        client.me.get()
    (seen,) = client.deprecations
    assert (seen.since, seen.sunset, seen.link) == (since, sunset, None)


@pytest.mark.parametrize(
    ("sunset", "header"),
    [
        ("2027-06-30", "Wed, 30 Jun 2027 00:00:00 GMT"),
        ("2027-06-30T12:00:00+02:00", "Wed, 30 Jun 2027 10:00:00 GMT"),
        ("Wed, 30 Jun 2027 00:00:00 GMT", "Wed, 30 Jun 2027 00:00:00 GMT"),
        ("30 Jun 2027 00:00:00 +0200", "Tue, 29 Jun 2027 22:00:00 GMT"),
        (date(2027, 6, 30), "Wed, 30 Jun 2027 00:00:00 GMT"),
        (datetime(2027, 6, 30, 12, tzinfo=UTC), "Wed, 30 Jun 2027 12:00:00 GMT"),
        ("Wed, 30 Jun 2027 00:00:00", None),
        (datetime(2027, 6, 30, 12), None),
        ("30/06/2027", None),
    ],
)
def test_the_kit_states_a_sunset_in_gmt_or_refuses_one_with_no_zone(
    projekt_sandbox: ProjektSandbox, sunset: str | date, header: str | None
) -> None:
    """A time with no zone (an HTTP date without GMT, a naive datetime) was taken, and every
    answer to the operation was a plain-text 500 with a traceback in the server's log; an
    offset other than GMT's was too. A `date` raised AttributeError."""
    if header is None:
        with pytest.raises(ValueError, match=r"deprecate\(\) takes a sunset that is"):
            projekt_sandbox.deprecate("getMe", sunset=sunset)
    else:
        projekt_sandbox.deprecate("getMe", sunset=sunset)
    with projekt_sandbox.client() as client, warnings.catch_warnings():
        warnings.simplefilter("ignore", projekt.ProjektDeprecationWarning)
        answer = client.me.with_raw_response.get()
    assert answer.headers.get("sunset") == header


def test_serve_deprecate_and_log_requests(tmp_path: Path) -> None:
    options = ("--deprecate", "getMe:2027-06-30", "--log-requests")
    sandbox = Sandbox(tmp_path / "d.db", "100000/60", *options)
    try:
        url, api_key = sandbox.url, sandbox.owner["api_key"]
        trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
        answer = httpx.get(
            url + "/me", headers={"Authorization": f"Bearer {api_key}", "traceparent": trace}
        )
    finally:
        sandbox.stop()
    assert answer.status_code == 200
    assert answer.headers["deprecation"].startswith("@")
    assert answer.headers["sunset"] == "Wed, 30 Jun 2027 00:00:00 GMT"
    assert answer.headers["link"] == f'<{url}/docs/#/me/getMe>; rel="deprecation"'
    request_id = answer.headers["x-request-id"]
    assert (
        f"GET /me 200 request_id={request_id} trace_id=0af7651916cd43dd8448eb211c80319c"
        in sandbox.log.read_text()
    )


PLAIN_SCRIPT = """
import logging, os, sys
import projekt
if sys.argv[1] == "logging":
    logging.basicConfig(format="LOG %(message)s")
with projekt.Projekt() as client:
    client.me.get()
"""


@pytest.mark.parametrize("setup", ["plain", "logging"])
def test_a_plain_script_shows_a_deprecation_once(
    projekt_sandbox: ProjektSandbox, setup: str
) -> None:
    """The warning, once; a log line too only where the application set up logging."""
    projekt_sandbox.deprecate("getMe")
    env = {
        **os.environ,
        "PROJEKT_API_KEY": projekt_sandbox.api_key,
        "PROJEKT_BASE_URL": projekt_sandbox.base_url,
        "PROJEKT_LOG": "",
    }
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_SCRIPT, setup], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    said = result.stderr.count("me.get() is deprecated by the API")
    assert said == (1 if setup == "plain" else 2), result.stderr
    assert ("LOG me.get() is deprecated" in result.stderr) == (setup == "logging")
