"""The SDK against hostile servers and careless input: it ends, it stays typed, it keeps secrets."""

from __future__ import annotations

import decimal
import gc
import json
import logging
import os
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import httpx
import pytest

import projekt
from projekt.models import IssueSummary
from tests.helpers import (
    ISSUE_ID,
    ORG_ID,
    PROJECT_ID,
    ROOT,
    TOKEN,
    Recorder,
    issue_json,
    make_client,
    mock_options,
)
from tests.sdk.hostile import Answer, drip_server, hostile_server

JSON = {"Content-Type": "application/json"}
NOWHERE = "http://127.0.0.1:9"  # nothing listens there


def page_linking_to(target: str) -> Answer:
    body = f'[{{"id": "{ISSUE_ID}", "title": "t", "status": "Todo", "priority": "low"}}]'
    return 200, {**JSON, "Link": f'<{target}>; rel="next"'}, body.encode()


# (what the server's pages link to, by the cursor of each: "" is the first page; the most
# pages fetched before the cycle is found)
CYCLES = {
    "same page": ({"": "a", "a": "a"}, 2),
    "two pages": ({"": "b", "b": "a", "a": "b"}, 3),
    "five pages, after three": (
        {"": "1", **{str(n): str(n + 1) for n in range(1, 8)}, "8": "4"},
        16,
    ),
}


@pytest.mark.parametrize("cycle", CYCLES)
def test_pagination_that_loops_raises_instead_of_running_forever(
    cycle: str, flavor: str, runner: Any
) -> None:
    links, most = CYCLES[cycle]

    def script(path: str) -> Answer:
        cursor = path.partition("cursor=")[2]
        return page_linking_to(f"/issues?project_id={PROJECT_ID}&cursor={links[cursor]}")

    with hostile_server(script) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(projekt.PaginationCycleError, match="leads back to a page") as caught:
            list(client.issues.list(project_id=PROJECT_ID))
    assert len(seen) <= most and caught.value.status_code == 200


@pytest.mark.parametrize("link", ["/issues?cursor=a\tb", "http://[::1/issues"])
def test_a_next_page_link_that_is_no_url_is_the_servers_typed_error(
    link: str, flavor: str, runner: Any
) -> None:
    """A link httpx cannot read (a tab in it, a port that is no number) raised httpx's own
    InvalidURL out of the list, untyped, as its first page was read."""
    with hostile_server(lambda path: page_linking_to(link)) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(projekt.APIResponseValidationError, match="next-page link is not a URL"):
            list(client.issues.list(project_id=PROJECT_ID))
    assert len(seen) == 1


def test_a_list_of_many_pages_takes_no_more_memory_than_one_of_few() -> None:
    """The README says memory stays flat however many items there are; the URL of every
    page fetched, kept to find a cycle, grew with each page. (Sync alone: the async list
    finds cycles with the same code.)"""

    def answer(request: httpx.Request) -> httpx.Response:
        after = int(request.url.params.get("cursor", "0")) + 1
        link = f'<{request.url.copy_set_param("cursor", str(after))}>; rel="next"'
        last = after > int(request.url.params["limit"])  # the page count, here
        return httpx.Response(200, json=[issue_json()], headers={} if last else {"Link": link})

    # Not a Recorder, which keeps every request.
    client = projekt.Projekt(**mock_options(Recorder(), transport=httpx.MockTransport(answer)))

    def blocks_on_the_last_page(pages: int) -> int:
        """The memory blocks the process holds while it reads the last of `pages` pages."""
        for read, _ in enumerate(client.issues.list(project_id=PROJECT_ID, limit=pages), 1):
            if read == pages:
                gc.collect()  # what is only garbage yet does not count
                return sys.getallocatedblocks()
        raise AssertionError("the list ended early")

    # Past the first few hundred, where the SDK's bounded caches fill.
    few, many = blocks_on_the_last_page(400), blocks_on_the_last_page(2000)
    assert many - few < 800  # the URLs of 1,600 pages more took 1,600 blocks


@pytest.mark.parametrize("items_first", [0, 1])
def test_an_empty_page_ends_the_list_though_it_links_on(
    items_first: int, flavor: str, runner: Any
) -> None:
    """A server linking on from empty pages, with a new cursor each time (a change feed's
    "nothing more yet"), is not followed for ever; the last page says where to resume."""

    def script(path: str) -> Answer:
        page = int(path.partition("cursor=c")[2] or 0)
        answer = page_linking_to(f"/issues?project_id={PROJECT_ID}&cursor=c{page + 1}")
        return answer if page < items_first else (*answer[:2], b"[]")

    with hostile_server(script) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        issues = list(client.issues.list(project_id=PROJECT_ID))
        sent = len(seen)
        sizes, cursors = [], []
        for page in client.issues.list(project_id=PROJECT_ID).iter_pages():
            sizes.append(len(page))
            cursors.append(page.next_cursor)
            page.clear()  # an export that empties each page it has written does not end the list
    assert (len(issues), sent) == (items_first, items_first + 1)
    assert sizes == [1] * items_first + [0]
    assert cursors[-1] == f"c{items_first + 1}"


@pytest.mark.parametrize("status", [400, 404, 500])
def test_an_error_body_nested_too_deep_is_still_a_typed_error(
    status: int, flavor: str, runner: Any
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000

    with hostile_server(lambda path: (status, {**JSON, "X-Request-Id": "req_deep1"}, deep)) as (
        url,
        _,
    ):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, max_retries=0)
        with pytest.raises(projekt.APIStatusError) as caught:
            client.me.get()
    assert (caught.value.status_code, caught.value.request_id) == (status, "req_deep1")


def test_a_2xx_body_nested_too_deep_is_a_validation_error(
    flavor: str, runner: Any, decoding: str
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    with hostile_server(lambda path: (200, {**JSON, "X-Request-Id": "req_deep2"}, deep)) as (
        url,
        _,
    ):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url)
        with pytest.raises(projekt.APIResponseValidationError) as caught:
            client.me.get()
    assert caught.value.request_id == "req_deep2"


def test_an_array_item_that_is_no_object_is_named_in_a_validation_error(
    flavor: str, runner: Any
) -> None:
    """The escape hatch reads an array as dicts or models, one per item: an item that is no
    JSON object (a number, a string, a null) is named by its place, as the request's error."""
    body = b'[{"id": "i1"}, 7]'
    with hostile_server(lambda path: (200, {**JSON, "X-Request-Id": "req_item1"}, body)) as (
        url,
        _,
    ):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url)
        with pytest.raises(projekt.APIResponseValidationError) as listed:
            list(client.get_list("/things"))
        with pytest.raises(projekt.APIResponseValidationError) as cast:
            client.get("/things", cast_to=list[IssueSummary])
    assert "item 1 of the page is not a JSON object" in str(listed.value)
    assert "item 1 of the array is not a JSON object" in str(cast.value)
    assert listed.value.request_id == cast.value.request_id == "req_item1"


CUT = (200, {**JSON, "Content-Length": "1000", "X-Request-Id": "req_cut1"}, b'{"id": "u')


@pytest.mark.parametrize(
    ("call", "raised"),
    [
        (lambda client: client.me.get(), projekt.APIConnectionError),
        (
            lambda client: client.issues.create(project_id=PROJECT_ID, title="t"),
            projekt.ConnectionOutcomeUnknownError,
        ),
    ],
    ids=["read", "write"],
)
def test_an_answer_cut_short_names_its_request_id(
    call: Any, raised: type[projekt.APIError], flavor: str, runner: Any
) -> None:
    """Its headers came, the X-Request-Id among them, before the connection broke: support
    can find the request by it. Before, the connection errors had no `request_id` at all."""
    with hostile_server(lambda path: CUT) as (url, _):
        client = make_client(
            flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url, max_retries=0
        )
        with pytest.raises(raised) as caught:
            call(client)
    error = caught.value
    assert (error.status_code, error.code, error.request_id) == (None, None, "req_cut1")
    assert "(request_id: req_cut1)" in str(error) and "req_cut1" in repr(error)


def test_a_write_whose_2xx_answer_is_cut_short_says_it_took_effect(
    flavor: str, runner: Any
) -> None:
    """Its headers said 201 (here 200) before the body broke off: the write acted, and only
    its answer was lost. The error said "it may or may not have taken effect"; it now says
    it did, and that the same key gets the answer back (the SDK's retry sent it)."""
    with hostile_server(lambda path: CUT) as (url, seen):
        client = make_client(
            flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url, max_retries=1
        )
        with pytest.raises(projekt.ConnectionOutcomeUnknownError) as caught:
            client.issues.create(project_id=PROJECT_ID, title="t")
    message, key = str(caught.value), caught.value.idempotency_key
    assert message.startswith(
        "The POST was answered 200 OK, then the answer's body was cut short "
        "(RemoteProtocolError): it took effect, but its answer was lost"
    )
    assert "may or may not" not in message and f"idempotency_key={key!r}" in message
    assert len(seen) == 2  # the retry, with the same key, is what gets the answer back


def test_every_api_error_has_the_fields_a_handler_reads(flavor: str, runner: Any) -> None:
    """`except projekt.APIError as error: log(error.status_code, error.code, error.request_id)`
    raised AttributeError for a refused connection, and for a 2xx the SDK could not read."""
    client = make_client(flavor, runner, api_key=TOKEN, base_url=NOWHERE, max_retries=0)
    with pytest.raises(projekt.APIConnectionError) as refused:
        client.me.get()
    assert (refused.value.status_code, refused.value.code, refused.value.request_id) == (
        None,
        None,
        None,
    )
    garbled = (200, {**JSON, "X-Request-Id": "req_bad1"}, b"not json")
    with hostile_server(lambda path: garbled) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url)
        with pytest.raises(projekt.APIResponseValidationError) as unread:
            client.me.get()
    assert (unread.value.status_code, unread.value.code) == (200, "invalid_response")
    assert str(unread.value).startswith("200 invalid_response: ")


def test_a_token_the_server_echoes_is_masked_in_the_exception(flavor: str, runner: Any) -> None:
    def script(path: str) -> Answer:
        message = f"The token Bearer {TOKEN} is revoked; {TOKEN[9:]} was sent"
        body = f'{{"error": {{"code": "unauthorized", "message": "{message}"}}}}'
        return 401, JSON, body.encode()

    with hostile_server(script) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url)
        with pytest.raises(projekt.AuthenticationError) as caught:
            client.me.get()
    shown = " ".join([str(caught.value), repr(caught.value), repr(caught.value.body)])
    assert TOKEN not in shown and TOKEN[9:] not in shown and "[redacted]" in shown


def test_a_non_projekt_token_the_server_echoes_is_masked_too(flavor: str, runner: Any) -> None:
    oauth = "ya29.an-oauth-S3cr3t-token"
    body = f'{{"error": {{"code": "unauthorized", "message": "unknown token {oauth}"}}}}'
    with hostile_server(lambda path: (401, JSON, body.encode())) as (url, _):
        client = make_client(flavor, runner, api_key=oauth, base_url=url)
        with pytest.raises(projekt.AuthenticationError) as caught:
            client.me.get()
    assert oauth not in str(caught.value) + repr(caught.value.body)


@pytest.mark.parametrize("bad_id", ["", ".", "..", None])
@pytest.mark.parametrize(
    "call",
    [
        lambda client, bad: client.issues.get(bad),
        lambda client, bad: client.issues.delete(bad),
        lambda client, bad: client.api_keys.revoke(bad),
        lambda client, bad: client.comments.create(issue_id=bad, body="hi"),
    ],
    ids=["issues.get", "issues.delete", "api_keys.revoke", "comments.create"],
)
def test_an_id_that_would_escape_its_path_is_refused_before_sending(
    call: Any, bad_id: str, flavor: str, runner: Any
) -> None:
    with hostile_server(lambda path: (200, JSON, b"{}")) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(projekt.InvalidArgumentError, match="Nothing was sent"):
            call(client, bad_id)
    assert seen == []


def test_a_model_passed_where_its_id_goes_is_refused_naming_the_id(
    flavor: str, runner: Any
) -> None:
    """The issue a list gave, passed as the id (`client.issues.update(issue, ...)`), went out
    as its repr, and the API's 404 said no such issue exists, of an issue that does."""
    listed = IssueSummary.from_dict(issue_json(id=ISSUE_ID))
    with hostile_server(lambda path: (200, JSON, b"{}")) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        said = (
            rf"issue_id must be an id \(a str\), not IssueSummary: pass its \.id \('{ISSUE_ID}'\)"
        )
        with pytest.raises(projekt.InvalidArgumentError, match=said):
            client.issues.update(listed, status="Done")
        for not_an_id in (1.5, True, {"id": ISSUE_ID}, [ISSUE_ID]):
            with pytest.raises(projekt.InvalidArgumentError, match="Nothing was sent"):
                client.issues.get(not_an_id)
        with pytest.raises(projekt.InvalidArgumentError, match="not IssueSummary: pass its"):
            client.get("/issues/{id}", path_params={"id": listed})
    assert seen == []


@pytest.mark.parametrize(
    "call",
    [
        lambda client: client.issues.create(
            project_id=PROJECT_ID, title="x", extra_body={"estimate": decimal.Decimal("1.5")}
        ),
        lambda client: client.issues.create(
            project_id=PROJECT_ID, title="x", extra_body={"estimate": float("nan")}
        ),
        lambda client: client.issues.get(ISSUE_ID, extra_headers={"X-Attempt": 2}),
        lambda client: client.issues.get(ISSUE_ID, extra_headers={"X-Tag": "a\r\nX-Evil: 1"}),
        lambda client: client.issues.create(
            project_id=PROJECT_ID, title="x", extra_headers={"X-Tag": "pasted\n"}
        ),
        lambda client: client.issues.get(ISSUE_ID, extra_headers={"Ä-Tag": None}),
        lambda client: client.issues.get(ISSUE_ID, extra_headers={1: "x"}),
        lambda client: client.issues.get(ISSUE_ID, extra_query=[("q", "1")]),
        lambda client: client.issues.create(project_id=PROJECT_ID, title="x", extra_body="{}"),
    ],
    ids=[
        "decimal-in-body",
        "nan-in-body",
        "int-header",
        "crlf-header",
        "write",
        "removed-non-ascii-header",
        "int-header-name",
        "query-not-a-mapping",
        "body-not-a-mapping",
    ],
)
def test_a_value_no_request_can_carry_is_refused_typed_before_sending(
    call: Any, flavor: str, runner: Any
) -> None:
    """Before, each raised the TypeError or ValueError of json, or of httpx, untyped; a
    header with a line break was retried, then reported as a connection error (on a write, as
    one that may have taken effect). The last four raised Python's AttributeError, TypeError
    or UnicodeEncodeError (found by calling every method with Hypothesis's arguments)."""
    with hostile_server(lambda path: (200, JSON, json.dumps(issue_json()).encode())) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(
            projekt.InvalidArgumentError, match=r"^issues\.\w+\(\): .+ Nothing was sent\.$"
        ):
            call(client)
    assert seen == []


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda client: client.issues.get("i\udcff"), "issue_id holds '\\udcff'"),
        (lambda client: list(client.issues.list(project_id="p\ud800")), "project_id holds"),
        (lambda client: list(client.issues.list(project_id="p", cursor="\udc80")), "cursor holds"),
        (lambda client: client.issues.get(ISSUE_ID, extra_query={"q": "\ud800"}), "q holds"),
        (lambda client: client.issues.create(project_id="p", title="\udce9"), "title holds"),
        (
            lambda client: client.issues.create(
                project_id="p", title="x", extra_body={"note": "\udce9"}
            ),
            "note holds",
        ),
        (lambda client: client.issues.get(ISSUE_ID, extra_headers={"X-Tag": "é"}), "X-Tag holds"),
    ],
    ids=["path", "query", "cursor", "extra-query", "body", "extra-body", "header"],
)
def test_text_no_request_can_carry_is_refused_typed_and_named(
    call: Any, says: str, flavor: str, runner: Any
) -> None:
    """A lone surrogate (what `os.fsdecode` and `errors="surrogateescape"` make of bytes that
    are not UTF-8: a file name, an argv) has no UTF-8. Before, in a path or a query it raised
    Python's UnicodeEncodeError, untyped, and in the body it was called a header's."""
    with hostile_server(lambda path: (200, JSON, json.dumps(issue_json()).encode())) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(projekt.InvalidArgumentError, match=r"Nothing was sent\.$") as caught:
            call(client)
    assert says in str(caught.value)
    assert ("header" in str(caught.value)) == (says == "X-Tag holds")
    assert seen == []


@pytest.mark.parametrize(
    "call",
    [
        lambda client: list(client.issues.list(project_id=PROJECT_ID, cursor="c" * 70_000)),
        lambda client: client.me.get(extra_query={"ids": ",".join([ISSUE_ID] * 2_000)}),
        lambda client: client.get("/" + "p" * 70_000),
        lambda client: client.get("/me\n"),  # read from a file, with its line's end
        lambda client: list(client.issues.list(project_id=PROJECT_ID, limit=10**5000)),
        lambda client: client.issues.get(10**5000),
        lambda client: client.get("/issues/{id}", path_params={"id": 10**5000}),
    ],
    ids=[
        "cursor",
        "extra-query",
        "escape-hatch-path",
        "escape-hatch-line-break",
        "int-in-query",
        "int-as-id",
        "int-in-path-params",
    ],
)
def test_a_url_no_request_can_carry_is_refused_typed(call: Any, flavor: str, runner: Any) -> None:
    """A URL over the 65,536 characters httpx sends (a cursor from a corrupted store, ids
    joined into a query), a path with a control character, or an int of more digits than
    Python writes out raised httpx's InvalidURL, or Python's ValueError, untyped."""
    with hostile_server(lambda path: (200, JSON, json.dumps(issue_json()).encode())) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(projekt.InvalidArgumentError, match=r"Nothing was sent\.$"):
            call(client)
    assert seen == []


def test_an_id_with_a_slash_stays_one_path_segment(flavor: str, runner: Any) -> None:
    body = json.dumps(issue_json()).encode()
    with hostile_server(lambda path: (200, JSON, body)) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        client.issues.get("../me")
    assert seen == ["/issues/..%2Fme"]


@pytest.mark.parametrize("pasted", [f"{TOKEN}\n", "oauth-S3cr3t\r\nX-Evil: 1", "tok en\t"])
def test_a_token_with_whitespace_or_control_characters_is_refused_unechoed(pasted: str) -> None:
    with pytest.raises(projekt.ConfigurationError, match="whitespace or control") as caught:
        projekt.Projekt(api_key=pasted, base_url="http://127.0.0.1:9")
    assert pasted.strip() not in str(caught.value) and "S3cr3t" not in str(caught.value)


@pytest.mark.parametrize(
    ("given", "says"),
    [
        (f'"{TOKEN}"', "contains quotes"),  # `docker run --env-file` keeps a .env file's quotes
        (f"'{TOKEN}'", "contains quotes"),
        (f"Bearer {TOKEN}", "starts with 'Bearer '"),  # copied from a curl command
        ("bearer oauth-S3cr3t", "starts with 'Bearer '"),
        (f"\u201c{TOKEN}\u201d", "not ASCII"),  # typographic quotes, from a document or a chat
        ("oauth-S3cr3t\u2013x", "not ASCII"),  # an en dash a word processor made of "-"
    ],
)
def test_a_quoted_or_bearer_prefixed_token_is_refused_unechoed(given: str, says: str) -> None:
    """Before, the quoted ones reached the server and came back a 401 (the typographic ones
    sent as UTF-8), and the prefixed one was said to hold a line ending."""
    with pytest.raises(projekt.ConfigurationError, match=says) as caught:
        projekt.Projekt(api_key=given, base_url="http://127.0.0.1:9")
    assert TOKEN not in str(caught.value) and "S3cr3t" not in str(caught.value)


@pytest.mark.parametrize(
    ("variable", "setting", "value"),
    [
        ("PROJEKT_ORG_ID", "org_id", f'"{ORG_ID}"'),
        ("PROJEKT_BASE_URL", "base_url", "'http://127.0.0.1:9'"),
        ("PROJEKT_THROTTLE_URL", "throttle_url", '"redis://:S3cr3t@127.0.0.1:9/0"'),
        ("PROJEKT_PLAIN_HTTP_HOSTS", "plain_http_hosts", '"sandbox"'),
    ],
)
def test_a_setting_in_a_env_files_quotes_is_refused_before_sending(
    variable: str, setting: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`docker run --env-file` keeps the quotes of a .env file's `NAME="value"`, as the API
    key's check already said. Before, a quoted org id reached the server, which answered
    400, and a quoted base URL was "not an http(s) URL with a host", with no word of the
    quotes; a quoted host in plain_http_hosts was taken, and matched no host."""
    given = {"base_url": NOWHERE, setting: [value] if setting == "plain_http_hosts" else value}
    with pytest.raises(projekt.ConfigurationError, match="is in quotes") as caught:
        projekt.Projekt(api_key=TOKEN, **given)
    assert "S3cr3t" not in str(caught.value)
    monkeypatch.setenv(variable, value)
    with pytest.raises(projekt.ConfigurationError, match="is in quotes"):
        projekt.Projekt(api_key=TOKEN, **({} if setting == "base_url" else {"base_url": NOWHERE}))


@pytest.mark.parametrize(
    "scoped",
    [
        lambda org: projekt.Projekt(api_key=TOKEN, org_id=org, base_url=NOWHERE),
        lambda org: projekt.Projekt(api_key=TOKEN, base_url=NOWHERE).with_org(org),
        lambda org: projekt.Projekt(api_key=TOKEN, base_url=NOWHERE).get("/me", org_id=org),
    ],
    ids=["client", "with_org", "per-call"],
)
@pytest.mark.parametrize(
    ("read", "says"),
    [(ORG_ID + "\r", "Windows line endings"), (f'"{ORG_ID}"', "is in quotes")],
    ids=["line ending", "quotes"],
)
def test_an_org_id_as_a_env_file_gives_it_is_refused_before_sending(
    scoped: Any, read: str, says: str
) -> None:
    """A .env file saved with Windows line endings gives `PROJEKT_ORG_ID` a trailing "\\r";
    `docker run --env-file` keeps its quotes. Before, with the line ending every call was
    retried, then failed as a connection error; in quotes, it reached the server (a 400)."""
    with pytest.raises(projekt.ProjektError, match=says):
        scoped(read)


@pytest.mark.parametrize(
    ("scoped", "says"),
    [
        (lambda org: projekt.Projekt(api_key=TOKEN, org_id=org, base_url=NOWHERE), "is a UUID"),
        (lambda org: projekt.Projekt(api_key=TOKEN, base_url=NOWHERE).with_org(org), "is a UUID"),
        (
            lambda org: projekt.Projekt(api_key=TOKEN, base_url=NOWHERE).get("/me", org_id=org),
            "X-Org-Id holds '\u2013', which is not ASCII",
        ),
    ],
    ids=["client", "with_org", "per-call"],
)
def test_an_org_id_that_is_not_ascii_is_refused_before_sending(scoped: Any, says: str) -> None:
    """An en dash a word processor made of a UUID's "-". Before: "'ascii' codec can't encode
    character '\\u2013' in position 8: ordinal not in range(128)", from the first call."""
    with pytest.raises(projekt.ProjektError, match=says):
        scoped(ORG_ID.replace("-", "\u2013", 1))


def test_the_sdks_logger_redacts_and_no_other_logger_is_touched(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("projekt").warning("sending Bearer %s", "oauth-S3cr3t-token")
        logging.getLogger("projekt").warning("key %s", TOKEN)
        logging.getLogger("someone.else").warning("left alone: pjk_example")
    assert "S3cr3t" not in caplog.text and TOKEN not in caplog.text
    assert caplog.text.count("[redacted]") == 2 and "left alone: pjk_example" in caplog.text


def test_the_sdk_logs_through_the_projekt_logger_only() -> None:
    """The redacting filter sits on "projekt": a record made on any other logger would
    reach handlers unredacted, so no SDK module may make one."""
    sources = [*(ROOT / "overlays").rglob("*.py"), *(ROOT / "generated").rglob("*.py")]
    loggers = {
        call
        for source in sources
        for call in re.findall(r"getLogger\(([^)]*)\)", source.read_text())
    }
    assert loggers == {"LOGGER_NAME"}, loggers


IMPORT_LEAVES_GLOBALS_ALONE = """
import logging, sys, warnings
root = logging.getLogger()
before = (logging.getLogRecordFactory(), list(root.handlers), root.level,
          list(warnings.filters), logging.getLoggerClass(), logging.lastResort)
import projekt
from projekt.models import IssueSummary
projekt.Projekt(api_key="pjk_live_" + "a" * 32, org_id="o", base_url="http://127.0.0.1:9")
after = (logging.getLogRecordFactory(), list(root.handlers), root.level,
         list(warnings.filters), logging.getLoggerClass(), logging.lastResort)
sys.exit(0 if before == after else f"changed: {before} -> {after}")
"""


@pytest.mark.parametrize("log_level", ["", "debug"])
def test_import_projekt_leaves_logging_and_warnings_as_they_were(log_level: str) -> None:
    env = {**os.environ, "PROJEKT_LOG": log_level}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_LEAVES_GLOBALS_ALONE], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


EVERY_MODULE = """
import importlib, pkgutil
import projekt, projekt_cli, projekt_sandbox

for package in (projekt, projekt_cli, projekt_sandbox):
    for found in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not found.name.endswith(".__main__"):
            importlib.import_module(found.name)
"""


def test_every_module_names_the_encoding_of_the_files_it_reads() -> None:
    """A file opened as text without an encoding is read in the locale's, which on Windows is
    not UTF-8; `-X warn_default_encoding` (PEP 597) warns of each. The shared budget's Lua
    scripts were read so, on import: under `-W error`, `projekt[redis]` could not load."""
    flags = ["-X", "warn_default_encoding", "-W", "error::EncodingWarning"]
    result = subprocess.run(
        [sys.executable, *flags, "-c", EVERY_MODULE], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


GZIP_BOMB = """
import asyncio, json, pathlib, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 * 2**20, 1024 * 2**20))
import projekt
from projekt.models import IssueSummary
from tests.sdk.hostile import hostile_server

bomb = pathlib.Path(sys.argv[3]).read_bytes()
headers = {"Content-Type": "application/json", "Content-Encoding": "gzip", "X-Request-Id": "req_b1"}
with hostile_server(lambda path: (int(sys.argv[2]), headers, bomb)) as (url, _):
    options = dict(api_key="pjk_live_" + "a" * 32, base_url=url, max_retries=0)
    try:
        if sys.argv[1] == "sync":
            projekt.Projekt(**options).me.get()
        else:
            asyncio.run(projekt.AsyncProjekt(**options).me.get())
        outcome = "returned"
    except projekt.ResponseTooLargeError as error:
        outcome = f"{type(error).__name__} {error.status_code} {error.request_id}"
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"outcome": outcome, "peak_mib": peak_mib}))
"""


NOT_GZIP = {
    "Content-Type": "application/json",
    "Content-Encoding": "gzip",
    "X-Request-Id": "req_gz",
}


def test_a_body_its_content_encoding_does_not_decode_is_still_an_answer(
    flavor: str, runner: Any, sleeps: list[float]
) -> None:
    """Before, each was an APIConnectionError with no status and no request id, and the
    create's said it might not have acted: a 201 had come."""
    answers = {
        "/me": (200, NOT_GZIP, b"not gzip"),
        "/issues": (201, NOT_GZIP, b"not gzip"),
        "/issues/x": (503, {**NOT_GZIP, "Retry-After": "0"}, b"not gzip"),
    }
    with hostile_server(answers.__getitem__) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        with pytest.raises(projekt.APIResponseValidationError) as read:
            client.me.get()
        with pytest.raises(projekt.UnreadableWriteResponseError) as write:
            client.issues.create(project_id=PROJECT_ID, title="t")
        with pytest.raises(projekt.InternalServerError) as failed:
            client.issues.get("x")
    assert type(read.value) is projekt.APIResponseValidationError
    assert (read.value.status_code, read.value.request_id) == (200, "req_gz")
    assert "not the gzip its Content-Encoding says" in str(read.value)
    assert (write.value.status_code, write.value.request_id) == (201, "req_gz")
    assert str(write.value).startswith("201 invalid_response: The request succeeded (201 Created)")
    assert (failed.value.status_code, failed.value.request_id) == (503, "req_gz")
    assert seen.count("/issues/x") == 3 and len(sleeps) == 2  # a 503 is retried, whatever its body
    assert seen.count("/me") == seen.count("/issues") == 1


@pytest.fixture(scope="module")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1 GiB of zeros in about 4.5 MiB of gzip."""
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = bytes(2**20)
    path = tmp_path_factory.mktemp("bomb") / "bomb.gz"
    path.write_bytes(b"".join(squeeze.compress(zeros) for _ in range(1024)) + squeeze.flush())
    return path


@pytest.mark.parametrize("status", [200, 500])
def test_a_gzip_bomb_is_refused_with_memory_bounded(
    flavor: str, status: int, gzip_bomb: Path
) -> None:
    """In a child process whose address space is capped at 1 GiB, as the bomb is."""
    result = subprocess.run(
        [sys.executable, "-c", GZIP_BOMB, flavor, str(status), str(gzip_bomb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["outcome"] == f"ResponseTooLargeError {status} req_b1"
    assert report["peak_mib"] < 300, report


@pytest.mark.parametrize(
    ("operation", "body"),
    [
        ("me.get", b'{"id": 5, "email": [], "name": "n", "username": null, "locale": "es"}'),
        ("me.get", b'{"id": "u", "email": "e", "name": {}, "username": "u", "locale": "es"}'),
        ("issues.list", b'[{"id": "i", "title": 7, "status": "Todo", "priority": "low"}]'),
        ("issues.list", b'[{"id": "i", "title": "t", "status": true, "priority": "low"}]'),
        (
            "issues.get",
            b'{"id": "i", "title": "t", "status": "Todo", "priority": "low", "description": 3}',
        ),
    ],
)
def test_a_2xx_with_the_wrong_json_types_is_a_validation_error(
    operation: str, body: bytes, flavor: str, runner: Any, decoding: str
) -> None:
    headers = {**JSON, "X-Request-Id": "req_types1"}
    with hostile_server(lambda path: (200, headers, body)) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        namespace, method = operation.split(".")
        call = getattr(getattr(client, namespace), method)
        with pytest.raises(projekt.APIResponseValidationError) as caught:
            if method == "list":
                list(call(project_id=PROJECT_ID))
            else:
                call(ISSUE_ID) if namespace == "issues" else call()
    assert (caught.value.status_code, caught.value.request_id) == (200, "req_types1")
    assert "does not match the API spec" in str(caught.value)


def test_timestamps_with_fractions_offsets_or_nanoseconds_parse(
    flavor: str, runner: Any, decoding: str
) -> None:
    body = json.dumps(
        issue_json(
            created_at="2026-05-28T09:14:02.123456+02:00",
            updated_at="2026-05-28T09:14:02.123456789Z",
        )
    ).encode()
    with hostile_server(lambda path: (200, JSON, body)) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, org_id=ORG_ID, base_url=url)
        issue = client.issues.get(ISSUE_ID)
    assert issue.created_at.microsecond == 123456 and issue.created_at.utcoffset() is not None
    assert issue.updated_at is not None and issue.updated_at.microsecond == 123456


PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
ME = b'{"id": "u", "email": "e", "name": "n", "username": "via", "locale": "es"}'


@pytest.fixture
def proxyless(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """This machine's proxy variables unset, for a test to set its own."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("environment", "trust_env", "via_proxy"),
    [
        ({"HTTP_PROXY": "{proxy}"}, True, True),
        ({"ALL_PROXY": "{proxy}"}, True, True),
        ({"HTTP_PROXY": "{proxy}", "NO_PROXY": "127.0.0.1"}, True, False),
        ({"HTTP_PROXY": "{proxy}", "NO_PROXY": "*"}, True, False),
        ({"HTTP_PROXY": "{proxy}"}, False, False),
        ({"HTTPS_PROXY": "{proxy}"}, True, False),  # the API here is plain http
    ],
)
def test_the_proxy_environment_is_honoured_as_plain_httpx_honours_it(
    proxyless: pytest.MonkeyPatch,
    flavor: str,
    runner: Any,
    environment: dict[str, str],
    trust_env: bool,
    via_proxy: bool,
) -> None:
    with (
        hostile_server(lambda path: (200, JSON, ME)) as (origin, origin_seen),
        hostile_server(lambda path: (200, JSON, ME)) as (proxy, proxy_seen),
    ):
        for name, value in environment.items():
            proxyless.setenv(name, value.format(proxy=proxy))
        client = make_client(flavor, runner, api_key=TOKEN, base_url=origin, trust_env=trust_env)
        client.me.get()
        with httpx.Client(trust_env=trust_env) as plain:
            plain.get(origin + "/me")
    through_proxy = [path for path in proxy_seen if path.startswith("http://")]
    assert len(through_proxy) == (2 if via_proxy else 0), proxy_seen
    assert len(origin_seen) == (0 if via_proxy else 2)


@pytest.mark.parametrize(
    ("no_proxy", "via_proxy"),
    [
        ("127.0.0.0/8", False),
        ("10.0.0.0/8", True),
        ("fd00::/8, [::1], foo:bar", True),
        ("127.0.0.1:{port}", False),
        ("127.0.0.1:1", True),
        ("http://127.0.0.1", False),
        ("https://127.0.0.1", True),
        ("[::1]:{port}, ::ffff:0:0/96", True),
    ],
)
def test_no_proxy_ranges_ports_and_ipv6_entries_are_read_as_curl_reads_them(
    proxyless: pytest.MonkeyPatch, flavor: str, runner: Any, no_proxy: str, via_proxy: bool
) -> None:
    """NO_PROXY=127.0.0.0/8 did not cover 127.0.0.1: httpx reads a range as its first
    address. And an IPv6 entry (a cluster's fd00::/8, or [::1]) or one no URL could match
    made Projekt() raise httpx.InvalidURL, which is not a ProjektError. An entry with a port
    covers that port alone; httpx's form with a scheme, that scheme alone."""
    with (
        hostile_server(lambda path: (200, JSON, ME)) as (origin, origin_seen),
        hostile_server(lambda path: (200, JSON, ME)) as (proxy, proxy_seen),
    ):
        proxyless.setenv("HTTP_PROXY", proxy)  # on loopback: it may carry loopback calls
        proxyless.setenv("NO_PROXY", no_proxy.format(port=httpx.URL(origin).port))
        client = make_client(flavor, runner, api_key=TOKEN, base_url=origin)
        client.me.get()
    assert (len(proxy_seen), len(origin_seen)) == ((1, 0) if via_proxy else (0, 1))


@pytest.mark.parametrize(
    ("no_proxy", "via_proxy"),
    [
        ("localhost", False),
        (".localhost", False),  # curl and requests read a leading dot as the name itself
        ("*.localhost", False),
        ("LOCALHOST", False),
        ("host", True),
        ("127.0.0.1", True),  # as for curl: an address is not the name that resolves to it
    ],
)
def test_a_no_proxy_name_covers_itself_and_its_subdomains(
    proxyless: pytest.MonkeyPatch, flavor: str, runner: Any, no_proxy: str, via_proxy: bool
) -> None:
    with (
        hostile_server(lambda path: (200, JSON, ME)) as (origin, origin_seen),
        hostile_server(lambda path: (200, JSON, ME)) as (proxy, proxy_seen),
    ):
        proxyless.setenv("HTTP_PROXY", proxy)
        proxyless.setenv("NO_PROXY", no_proxy)
        by_name = origin.replace("127.0.0.1", "localhost")
        client = make_client(flavor, runner, api_key=TOKEN, base_url=by_name)
        client.me.get()
    assert (len(proxy_seen), len(origin_seen)) == ((1, 0) if via_proxy else (0, 1))


@pytest.mark.parametrize(
    ("base_url", "plain_http_hosts", "via_proxy"),
    [
        pytest.param("{origin}", None, False, id="loopback"),
        pytest.param("http://sandbox.invalid:8787", ["sandbox.invalid"], False, id="named-host"),
        pytest.param("{origin}", ["proxy.invalid"], True, id="named-proxy"),
    ],
)
def test_a_proxy_elsewhere_carries_neither_plain_http_nor_a_loopback_base_url(
    proxyless: pytest.MonkeyPatch,
    flavor: str,
    runner: Any,
    base_url: str,
    plain_http_hosts: list[str] | None,
    via_proxy: bool,
) -> None:
    """With HTTP_PROXY set for a company network, calls to a sandbox on loopback went to the
    proxy: its own loopback answered (a 502, retried), not this machine's, and the token
    crossed it in plain text; so did plain http to a host named in plain_http_hosts. Both go
    direct now, as Go's and Ruby's HTTP clients go to loopback. A proxy on loopback (mitmproxy)
    or named in plain_http_hosts still carries them."""
    proxyless.setenv("HTTP_PROXY", "http://proxy.invalid:3128")  # .invalid: never resolves
    with hostile_server(lambda path: (200, JSON, ME)) as (origin, origin_seen):
        client = make_client(
            flavor,
            runner,
            api_key=TOKEN,
            base_url=base_url.format(origin=origin),
            plain_http_hosts=plain_http_hosts,
            max_retries=0,
        )
        try:
            client.me.get()
            said = ""
        except projekt.APIConnectionError as error:
            said = str(error)
    assert ("through the proxy http://proxy.invalid:3128" in said) == via_proxy, said
    if base_url == "{origin}" and not via_proxy:
        assert said == "" and len(origin_seen) == 1


@pytest.mark.parametrize(
    ("variable", "proxy", "no_proxy"),
    [
        ("ALL_PROXY", "socks5://proxy.invalid:1080", ""),
        ("HTTPS_PROXY", "socks5://proxy.invalid:1080", ""),
        ("ALL_PROXY", "socks5://127.0.0.1:1080", "127.0.0.1"),
        ("ALL_PROXY", "socks4://127.0.0.1:1080", "localhost,127.0.0.0/8"),
    ],
)
def test_a_proxy_no_call_takes_need_not_be_usable(
    proxyless: pytest.MonkeyPatch,
    flavor: str,
    runner: Any,
    variable: str,
    proxy: str,
    no_proxy: str,
) -> None:
    """A SOCKS proxy needs socksio (httpx[socks]). Calls to a sandbox on loopback skip a
    proxy elsewhere, HTTPS_PROXY carries no plain http call, and NO_PROXY turns a proxy off
    for the hosts it names; yet Projekt() raised ConfigurationError for the socksio such a
    proxy would have needed, or for a proxy scheme httpx cannot use."""
    proxyless.setitem(sys.modules, "socksio", None)  # as where httpx[socks] is not installed
    proxyless.setenv(variable, proxy)
    proxyless.setenv("NO_PROXY", no_proxy)
    with hostile_server(lambda path: (200, JSON, ME)) as (origin, origin_seen):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=origin)
        client.me.get()
    assert len(origin_seen) == 1


def test_a_proxy_that_cannot_be_reached_is_named_in_the_error(
    proxyless: pytest.MonkeyPatch, flavor: str, runner: Any
) -> None:
    """The server is up; the proxy the environment names is not. The error says which, so
    nobody goes looking for a server that is fine."""
    proxyless.setenv("HTTP_PROXY", "http://someone:pr0xy-secret@127.0.0.1:9")
    with hostile_server(lambda path: (200, JSON, ME)) as (origin, _):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=origin, max_retries=0)
        with pytest.raises(projekt.APIConnectionError) as caught:
            client.me.get()
    said = str(caught.value)
    assert f"GET {origin}/me" in said
    assert "through the proxy http://127.0.0.1:9, from HTTP_PROXY, HTTPS_PROXY or ALL_PROXY" in said
    assert "pr0xy-secret" not in said + repr(caught.value.__cause__)


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("ALL_PROXY", "socks4://someone:pr0xy-secret@127.0.0.1:9", "not http, https, socks5"),
        ("HTTPS_PROXY", "socks5://someone:pr0xy-secret@127.0.0.1:9", "pip install 'httpx[socks]'"),
        ("HTTPS_PROXY", "http://someone:pr0xy/secret@127.0.0.1:9", "'http://***@127.0.0.1:9'"),
        ("HTTPS_PROXY", "http://someone:pr0xy-secret@127.0.0.1:9x", "not a URL httpx can read"),
        ("HTTPS_PROXY", "http://someone:pr0xy-secret@127.0.0.1:99999", "not 1 to 65535"),
        ("HTTPS_PROXY", "http://someone:pr0xy-secret@xn--:3128", "not a URL httpx can read"),
        ("HTTPS_PROXY", "http://someone:pr0xy-secret@proxy..corp:3128", "no name DNS can look up"),
        ("SSL_CERT_FILE", "/nonexistent/ca.pem", "SSL_CERT_FILE='/nonexistent/ca.pem' cannot"),
        ("SSL_CERT_FILE", __file__, f"SSL_CERT_FILE={__file__!r} cannot be loaded"),
    ],
    ids=[
        "unknown proxy scheme",
        "socks without socksio",
        "a slash in the proxy's password",  # httpx said "Invalid port: 'pr0xy'"
        "a proxy's port that is no number",  # the same InvalidURL, not ours
        "a proxy's port out of range",  # httpcore's bare ValueError
        "a proxy's host that is no punycode",  # idna's IDNAError
        "a proxy's host with a doubled dot",  # a bare UnicodeError from each call's connect
        "no such file",
        "no certificates",
    ],
)
def test_an_environment_no_connection_could_use_is_named_as_the_client_is_made(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    """Before, a bare ValueError, FileNotFoundError or SSLError as the client was made, or a
    ModuleNotFoundError from the first call (SOCKS), none naming the variable."""
    for name in (*PROXY_VARIABLES, "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setitem(sys.modules, "socksio", None)  # as where httpx[socks] is not installed
    monkeypatch.setenv(variable, value)
    for make in (projekt.Projekt, projekt.AsyncProjekt):
        with pytest.raises(projekt.ConfigurationError, match=re.escape(says)) as caught:
            make(api_key=TOKEN, base_url="https://api.example")
        assert not re.search("pr0xy|secret", str(caught.value))
        make(api_key=TOKEN, base_url="https://api.example", trust_env=False)  # opens nothing


@pytest.mark.parametrize("drip_headers", [True, False], ids=["headers", "body"])
def test_timeout_is_a_deadline_however_slowly_the_server_sends(
    drip_headers: bool, flavor: str, runner: Any
) -> None:
    """The server sends a byte every 0.1 s for 10 s (so no read ever times out) and then gives
    up: only a deadline can make this a timeout, and only a deadline ends it well before."""
    timeout = 1.0
    with drip_server(drip_headers) as url:
        client = make_client(
            flavor, runner, api_key=TOKEN, base_url=url, timeout=timeout, max_retries=0
        )
        started = time.monotonic()
        with pytest.raises(projekt.APITimeoutError) as raised:
            client.me.get()
        elapsed = time.monotonic() - started
    assert timeout * 0.9 <= elapsed < timeout * 5, elapsed
    assert ", a timeout of 1 s, 1 attempt (" in str(raised.value)


def test_a_timeout_error_names_the_part_of_an_httpx_timeout_that_is_shorter(
    flavor: str, runner: Any
) -> None:
    """Before, `httpx.Timeout(30, read=0.3)` timed out after 0.3 s as "a timeout of 30 s"."""
    with drip_server(drip_headers=True, interval=1.0) as url:
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, max_retries=0)
        with pytest.raises(projekt.APITimeoutError) as raised:
            client.me.get(timeout=httpx.Timeout(30, read=0.3))
    assert ", a timeout of 30 s (read 0.3 s), 1 attempt (ReadTimeout" in str(raised.value)


def test_total_timeout_bounds_the_retries_too(flavor: str, runner: Any) -> None:
    with drip_server(drip_headers=True) as url:
        client = make_client(
            flavor,
            runner,
            api_key=TOKEN,
            base_url=url,
            timeout=0.5,
            max_retries=10,
            total_timeout=1.2,
        )
        started = time.monotonic()
        with pytest.raises(projekt.APITimeoutError):
            client.me.get()
        elapsed = time.monotonic() - started
    # Eleven attempts of 0.5 s would take 5.5 s before any backoff: the total bounds them.
    assert elapsed < 1.2 * 4, elapsed


def test_an_attempt_cut_short_by_the_total_timeout_says_so(flavor: str, runner: Any) -> None:
    """An attempt allowed 30 s, in a call allowed 1 s in all. Before, the error named only
    the timeout of 30 s, which had not passed, and with "(the client's timeout)" at times."""
    with drip_server(drip_headers=True) as url:
        client = make_client(
            flavor, runner, api_key=TOKEN, base_url=url, timeout=30, total_timeout=1.0
        )
        with pytest.raises(projekt.APITimeoutError) as raised:
            client.me.get()
    assert ", a total_timeout of 1 s, 1 attempt (" in str(raised.value)


SPENT_WINDOW = {**JSON, "X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0"}


def test_the_throttles_wait_is_not_charged_to_the_total_timeout(
    flavor: str, runner: Any, sleeps: list[float]
) -> None:
    """A window that resets in 20 s, a call allowed 10 s in all: the call waits for the window
    (on the SDK's clock), then is sent and answered. Before, the wait used up the total, and
    the call failed unsent as a ConnectTimeout."""
    answer = (200, {**SPENT_WINDOW, "X-RateLimit-Reset": "20"}, ME)
    with hostile_server(lambda path: answer) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, total_timeout=10)
        client.me.get()  # the window is spent
        assert client.me.get().username == "via"
    assert len(seen) == 2 and sleeps and sum(sleeps) >= 19


def test_a_long_wait_says_so_on_the_projekt_logger(
    flavor: str, runner: Any, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    """A job paused for the rate limit must not look hung: one INFO line per wait of 1 s or
    more, with the operation, the seconds and why. Shorter waits say nothing."""
    answers = iter(
        [
            (200, {**SPENT_WINDOW, "X-RateLimit-Reset": "42"}, ME),
            (503, {**JSON, "Retry-After": "3"}, b'{"error": {"code": "unavailable"}}'),
            (200, JSON, ME),
        ]
    )
    with hostile_server(lambda path: next(answers)) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url)
        with caplog.at_level(logging.INFO, logger="projekt"):
            client.me.get()
            client.me.get()
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert lines == [
        "me.get() waits 42 s for the rate-limit window to reset.",
        "me.get() waits 3 s to retry after a 503 (the server's Retry-After).",
    ]


def test_a_retry_names_the_servers_retry_after_only_when_that_set_the_wait(
    flavor: str, runner: Any, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    """The SDK waits the longer of the server's Retry-After and its own backoff. A wait its
    backoff set was logged as the server's: `Retry-After: 0`, then a wait of 0.2 s "(the
    server's Retry-After)"."""
    unavailable = b'{"error": {"code": "unavailable"}}'
    answers = iter(
        [
            (503, {**JSON, "Retry-After": "0"}, unavailable),
            (503, {**JSON, "Retry-After": "2"}, unavailable),
            (200, JSON, ME),
        ]
    )
    with hostile_server(lambda path: next(answers)) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url)
        with caplog.at_level(logging.DEBUG, logger="projekt"):
            client.me.get()
    lines = [r.getMessage() for r in caplog.records if "to retry after" in r.getMessage()]
    assert len(lines) == 2 and sleeps[0] > 0, (lines, sleeps)
    assert lines[0] == f"me.get() waits {sleeps[0]:.2f} s to retry after a 503.", lines
    assert lines[1] == "me.get() waits 2 s to retry after a 503 (the server's Retry-After)."


def test_an_unexpected_redirect_names_where_it_leads(flavor: str, runner: Any) -> None:
    """What a user with http:// for https:// sees: the redirect's target, and what to check."""
    answer = (302, {"Location": "https://api.example.test/me", "Content-Length": "0"}, b"")
    with hostile_server(lambda path: answer) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, max_retries=0)
        with pytest.raises(projekt.APIStatusError) as caught:
            client.me.get()
    message = str(caught.value)
    assert caught.value.status_code == 302 and len(seen) == 1  # not followed
    assert "redirects to https://api.example.test/me" in message
    assert "check the base URL (http:// for https://" in message


@pytest.mark.parametrize(
    ("page", "said"),
    [
        (
            b"<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title>",
            "403: Forbidden: Attention Required! | Cloudflare (the body was not a Projekt",
        ),
        (
            b"<html><head><TITLE>\n Blocked &amp; logged\n</TITLE></head></html>",
            "403: Forbidden: Blocked & logged (the body was not a Projekt",
        ),
        (  # a proxy's stock page, titled with the status: nothing the phrase does not say
            b"<html><head><title>403 Forbidden</title></head><body>nginx</body></html>",
            "403: Forbidden (the body was not a Projekt",
        ),
    ],
    ids=["firewall", "entities", "stock-page"],
)
def test_a_web_pages_title_says_who_answered(
    flavor: str, runner: Any, page: bytes, said: str
) -> None:
    """A firewall's or a CDN's page in front of the API read as "403: Forbidden (the body was
    not a Projekt error envelope: text/html)", which does not say that the API never saw
    the request; its title does."""
    answer = (403, {"Content-Type": "text/html; charset=utf-8"}, page)
    with hostile_server(lambda path: answer) as (url, _seen):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, max_retries=0)
        with pytest.raises(projekt.PermissionDeniedError) as caught:
            client.me.get()
    assert str(caught.value).startswith(said)


def test_a_proxys_407_names_the_proxy_not_the_api(flavor: str, runner: Any) -> None:
    """Through a proxy to a plain-http host, a 407 is the proxy's answer; it read as the API's
    unexplained status ("the body was not a Projekt error envelope: no content type")."""
    answer = (407, {"Proxy-Authenticate": 'Basic realm="corp"', "Content-Length": "0"}, b"")
    with hostile_server(lambda path: answer) as (url, seen):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, max_retries=2)
        with pytest.raises(projekt.APIStatusError) as caught:
            client.me.get()
    assert caught.value.status_code == 407 and len(seen) == 1  # not retried
    assert "a proxy between here and the API did not accept the credentials sent" in str(
        caught.value
    )


def test_a_not_modified_answer_is_not_called_a_redirect(flavor: str, runner: Any) -> None:
    """A 304 (asked for with If-None-Match in extra_headers) is no redirect, whatever header
    a server sends with it."""
    answer = (304, {"Location": "https://api.example.test/me", "Content-Length": "0"}, b"")
    with hostile_server(lambda path: answer) as (url, _):
        client = make_client(flavor, runner, api_key=TOKEN, base_url=url, max_retries=0)
        with pytest.raises(projekt.APIStatusError) as caught:
            client.me.get(extra_headers={"If-None-Match": '"v1"'})
    assert caught.value.status_code == 304
    assert str(caught.value).startswith("304: Not Modified (")
