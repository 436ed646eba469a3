"""The sandbox against hostile clients, over real HTTP: each refusal is the envelope, not a 500."""

from __future__ import annotations

import base64
import gzip
import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.helpers import Sandbox


@pytest.fixture(scope="module")
def hardening_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """A sandbox of this module's own: these tests create data the shared one must not hold."""
    server = Sandbox(tmp_path_factory.mktemp("hardening") / "hardening.db")
    yield server
    server.stop()


@pytest.fixture
def http(hardening_sandbox: Sandbox) -> Iterator[httpx.Client]:
    headers = {
        "Authorization": f"Bearer {hardening_sandbox.owner['api_key']}",
        "X-Org-Id": hardening_sandbox.owner["org_id"],
    }
    with httpx.Client(base_url=hardening_sandbox.url, headers=headers, timeout=10) as client:
        yield client


def assert_envelope(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["X-Request-Id"].startswith("req_")
    error: dict[str, Any] = response.json()["error"]
    assert error["request_id"] == response.headers["X-Request-Id"]
    return error


def issue_titles(http: httpx.Client, hardening_sandbox: Sandbox) -> list[str]:
    issues = http.get(
        "/issues", params={"project_id": hardening_sandbox.owner["project_id"], "limit": 200}
    )
    return [issue["title"] for issue in issues.json()]


def test_a_body_over_the_limit_is_413_and_creates_nothing(
    http: httpx.Client, hardening_sandbox: Sandbox
) -> None:
    title = "x" * (2 * 1024 * 1024)
    body = (
        f'{{"project_id": "{hardening_sandbox.owner["project_id"]}", "title": "{title}"}}'.encode()
    )
    declared = http.post("/issues", content=body, headers={"Content-Type": "application/json"})
    assert assert_envelope(declared, 413)["code"] == "content_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for start in range(0, len(body), 65536):
            yield body[start : start + 65536]

    chunked = http.post("/issues", content=chunks(), headers={"Content-Type": "application/json"})
    assert_envelope(chunked, 413)
    assert not [t for t in issue_titles(http, hardening_sandbox) if t.startswith("xxx")]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", b'{"body": "hi"}'),
        (None, b'{"body": "hi"}'),
        ("application/x-www-form-urlencoded", b"body=hi"),
        ("multipart/form-data; boundary=x", b"--x\r\n\r\nhi\r\n--x--"),
        ("application/xml", b"<body>hi</body>"),
        ("application/json; charset=utf-16", '{"body": "hi"}'.encode("utf-16")),
    ],
)
def test_a_body_that_is_not_utf8_json_is_415(
    http: httpx.Client, content_type: str | None, body: bytes
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    request = http.build_request("POST", "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments")
    request.headers.update(headers)
    if content_type is None:
        request.headers.pop("Content-Type", None)
    request.stream = httpx.ByteStream(body)
    request.headers["Content-Length"] = str(len(body))
    assert assert_envelope(http.send(request), 415)["code"] == "unsupported_media_type"


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json; charset=utf8",  # as some clients write it
        'Application/JSON; Charset="UTF-8"',
        "application/json; charset=us-ascii",  # a subset of UTF-8
        "application/json; charset=utf-8; profile=comment",
        "application/json; profile=comment",
    ],
)
def test_a_json_body_is_read_whatever_its_content_types_parameters_say(
    http: httpx.Client, content_type: str
) -> None:
    """Only `charset=utf-8` alone passed: the others were "Send the body as application/json",
    which these had named."""
    response = http.post(
        "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments",
        content=b'{"body": "hi"}',
        headers={"Content-Type": content_type},
    )
    assert response.status_code == 201, response.text


def test_a_json_body_in_another_charset_is_415_naming_it(http: httpx.Client) -> None:
    response = http.post(
        "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments",
        content='{"body": "\u00f1"}'.encode("latin-1"),
        headers={"Content-Type": "application/json; charset=latin-1"},
    )
    error = assert_envelope(response, 415)
    said = "Send the body in UTF-8, as JSON is: charset=latin-1 is not."
    assert (error["code"], error["message"]) == ("unsupported_media_type", said)


def test_a_compressed_body_is_415_saying_so(http: httpx.Client) -> None:
    body = gzip.compress(b'{"body": "hi"}')
    response = http.post(
        "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments",
        content=body,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    error = assert_envelope(response, 415)
    assert error["code"] == "unsupported_media_type"
    assert "gzip" in error["message"] and response.headers["Accept-Encoding"] == "identity"
    long = http.post(  # named in the message, within the envelope's 1,000 characters
        "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments",
        content=body,
        headers={"Content-Type": "application/json", "Content-Encoding": "x" * 4000},
    )
    assert len(assert_envelope(long, 415)["message"]) <= 1000


def test_utf16_json_labelled_as_plain_json_is_a_400(http: httpx.Client) -> None:
    body = '{"body": "hi"}'.encode("utf-16")
    response = http.post(
        "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert_envelope(response, 400)


@pytest.mark.parametrize("depth", [33, 900, 990, 5000])
def test_a_body_nested_deeper_than_any_schema_is_a_400_that_says_so(
    http: httpx.Client, depth: int
) -> None:
    """900 deep decodes in Python, and would then exhaust the validator's recursion; 5000
    deep exhausts the decoder's, and was called "not valid JSON", which it is."""
    deep = '{"name": "Deep", "key": "DEEP", "description": ' + "[" * depth + "]" * depth + "}"
    response = http.post("/projects", content=deep, headers={"Content-Type": "application/json"})
    error = assert_envelope(response, 400)
    assert (error["code"], error["message"]) == (
        "bad_request",
        "The request body is nested more than 32 deep.",
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_number_json_has_not_is_a_400_and_creates_nothing(
    http: httpx.Client, hardening_sandbox: Sandbox, constant: str
) -> None:
    """Python's json reads them, and httpx 0.27 (the SDK's lowest) writes a NaN so; a real
    server's JSON parser refuses them. Before, the sandbox created the issue."""
    project = hardening_sandbox.owner["project_id"]
    body = f'{{"project_id": "{project}", "title": "Not JSON {constant}", "x": {constant}}}'
    response = http.post("/issues", content=body, headers={"Content-Type": "application/json"})
    assert assert_envelope(response, 400)["code"] == "bad_request"
    assert f"Not JSON {constant}" not in issue_titles(http, hardening_sandbox)


@pytest.mark.parametrize("where", ["value", "key"])
def test_a_lone_surrogate_escape_is_a_400_and_creates_nothing(
    http: httpx.Client, hardening_sandbox: Sandbox, where: str
) -> None:
    project = hardening_sandbox.owner["project_id"]
    title, extra = ("a\\ud800b", "") if where == "value" else ("Surrogate key", ', "\\udfff": 1')
    body = f'{{"project_id": "{project}", "title": "{title}"{extra}}}'
    response = http.post("/issues", content=body, headers={"Content-Type": "application/json"})
    error = assert_envelope(response, 400)
    assert error["code"] == "bad_request" and "surrogate" in error["message"]
    assert "Surrogate key" not in issue_titles(http, hardening_sandbox)


def test_input_the_validator_cannot_take_is_a_400_not_a_500(spec: dict[str, Any]) -> None:
    from projekt_sandbox.operations import ApiError
    from projekt_sandbox.schemas import Schemas, problems

    check = Schemas(spec).at("/components/schemas/Uuid")
    with pytest.raises(ApiError) as refused:
        problems(check, "\ud800", field="project_id")
    assert refused.value.status == 400 and "project_id" in refused.value.message


FORGED = [
    base64.urlsafe_b64encode(b"s" + b"9" * 40).decode().rstrip("="),
    base64.urlsafe_b64encode("s٣".encode()).decode().rstrip("="),
    base64.urlsafe_b64encode(b"s-1").decode().rstrip("="),
]


@pytest.mark.parametrize("cursor", FORGED)
@pytest.mark.parametrize(
    "path",
    ["/projects", "/issues", "/api-keys", "/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments"],
)
def test_a_forged_cursor_is_a_400_on_every_list(
    http: httpx.Client, hardening_sandbox: Sandbox, path: str, cursor: str
) -> None:
    params = {"cursor": cursor}
    if path == "/issues":
        params["project_id"] = hardening_sandbox.owner["project_id"]
    assert_envelope(http.get(path, params=params), 400)


@pytest.mark.parametrize("limit", ["1_0", "٣", "+5", " 5 ", "05", "5.0", "1e1"])
def test_limit_must_be_a_canonical_ascii_integer(http: httpx.Client, limit: str) -> None:
    assert_envelope(http.get("/projects", params={"limit": limit}), 422)


def test_every_401_says_which_scheme_to_use(hardening_sandbox: Sandbox) -> None:
    for headers in ({}, {"Authorization": "Bearer pjk_live_" + "x" * 32}):
        response = httpx.get(hardening_sandbox.url + "/me", headers=headers)
        assert_envelope(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_query_parameter_given_twice_is_a_422_naming_it(
    http: httpx.Client, hardening_sandbox: Sandbox
) -> None:
    project = hardening_sandbox.owner["project_id"]
    twice = [("project_id", project), ("limit", "1"), ("limit", "200")]
    error = assert_envelope(http.get("/issues", params=twice), 422)
    assert error["details"] == [{"field": "limit", "message": "Give it once."}]
    assert "limit is given 2 times" in error["message"]


def test_error_details_are_capped_at_the_specs_100(http: httpx.Client) -> None:
    params = {f"unknown{n}": "x" for n in range(2000)}
    error = assert_envelope(http.get("/projects", params=params), 422)
    assert len(error["details"]) == 100


@pytest.mark.parametrize("method", ["FOO", "PUT", "TRACE"])
def test_an_unknown_method_is_a_405_envelope(http: httpx.Client, method: str) -> None:
    response = http.request(method, "/me")
    assert assert_envelope(response, 405)["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"] and "HEAD" in response.headers["Allow"]


@pytest.mark.parametrize("path", ["/issues/", "/me/", "/api/me/"])
def test_a_path_with_a_trailing_slash_is_a_404_envelope(http: httpx.Client, path: str) -> None:
    """Before, Starlette's bare 307 to the path without its slash: no envelope, no request
    id, and a client that follows redirects got an answer the spec does not promise."""
    assert assert_envelope(http.get(path), 404)["code"] == "not_found"


UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.mark.parametrize(
    ("method", "path", "says"),
    [
        ("GET", "/issues/{}", "No issue with that id"),
        ("PATCH", "/issues/{}", "No issue with that id"),
        ("GET", "/projects/{}", "No project with that id"),
        ("DELETE", "/api-keys/{}", "No API key with that id"),
    ],
)
def test_a_malformed_id_is_the_404_of_an_unknown_one(
    http: httpx.Client, method: str, path: str, says: str
) -> None:
    """Either names nothing in the organization: the same answer, whatever the operation."""
    body = {"json": {"title": "x"}} if method == "PATCH" else {}
    unknown = assert_envelope(http.request(method, path.format(UNKNOWN), **body), 404)
    malformed = assert_envelope(http.request(method, path.format("not-an-id"), **body), 404)
    assert malformed["message"] == unknown["message"]
    assert unknown["message"] == f"{says} exists in this organization."


def test_head_is_served_wherever_get_is(http: httpx.Client) -> None:
    response = http.head("/me")
    assert response.status_code == 200 and response.content == b""
    assert response.headers["X-Request-Id"].startswith("req_")


def test_a_web_app_on_another_origin_may_send_trace_context_and_read_deprecations(
    http: httpx.Client,
) -> None:
    """Before, a preflight that asked for `traceparent` (OpenTelemetry's fetch instrumentation
    adds it) was refused, and a script could not read `Deprecation` and `Sunset`."""
    origin = {"Origin": "https://app.example.test"}
    asked = "authorization, x-org-id, content-type, idempotency-key, traceparent, tracestate"
    preflight = http.options(
        "/issues",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": asked + ", baggage",
        },
    )
    assert preflight.status_code == 200, preflight.text
    answer = http.get("/me", headers=origin)
    exposed = {
        name.strip().lower() for name in answer.headers["Access-Control-Expose-Headers"].split(",")
    }
    assert {"deprecation", "sunset", "link", "x-request-id"} <= exposed


def next_cursor(response: httpx.Response) -> str:
    return str(httpx.URL(response.links["next"]["url"]).params["cursor"])


def test_cursors_are_bound_to_their_org_and_query(
    http: httpx.Client, hardening_sandbox: Sandbox
) -> None:
    project = hardening_sandbox.owner["project_id"]
    first = http.get("/issues", params={"project_id": project, "limit": 1})
    cursor = next_cursor(first)
    assert http.get("/issues", params={"project_id": project, "cursor": cursor}).status_code == 200

    other_project = http.post("/projects", json={"name": "Cursor scope", "key": "CURS"}).json()
    other_query = {"project_id": other_project["id"], "cursor": cursor}
    assert_envelope(http.get("/issues", params=other_query), 400)
    assert_envelope(http.get("/projects", params={"cursor": cursor}), 400)

    globex = hardening_sandbox.mint("other@example.com", "globex")
    foreign_headers = {"Authorization": f"Bearer {globex['api_key']}", "X-Org-Id": globex["org_id"]}
    foreign = httpx.get(
        hardening_sandbox.url + "/issues",
        params={"project_id": globex["project_id"], "cursor": cursor},
        headers=foreign_headers,
    )
    assert_envelope(foreign, 400)

    raw = bytearray(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    raw[12] ^= 1  # one character of the id it names
    tampered = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
    assert_envelope(http.get("/issues", params={"project_id": project, "cursor": tampered}), 400)


def test_a_cursor_carries_the_position_and_a_signature(
    http: httpx.Client, hardening_sandbox: Sandbox
) -> None:
    params = {"project_id": hardening_sandbox.owner["project_id"], "limit": 2}
    first = http.get("/issues", params=params)
    cursor = next_cursor(first)
    decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert decoded.keys() == {"after", "sig"}
    assert decoded["after"][1] == first.json()[-1]["id"]  # the last item the caller saw
    assert {next_cursor(http.get("/issues", params=params)) for _ in range(2)} == {cursor}
    page = http.get("/issues", params={**params, "cursor": cursor})
    assert page.status_code == 200 and len(page.json()) == 2
    assert page.json()[0]["id"] not in {issue["id"] for issue in first.json()}


def test_a_malformed_cursor_and_an_altered_one_each_say_what_they_are(
    http: httpx.Client, hardening_sandbox: Sandbox
) -> None:
    params = {"project_id": hardening_sandbox.owner["project_id"], "limit": 1}
    cursor = next_cursor(http.get("/issues", params=params))
    not_json = "bm90IGpzb24"  # "not json", in base64url
    malformed = assert_envelope(http.get("/issues", params={**params, "cursor": not_json}), 400)
    assert "malformed" in malformed["message"]
    position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    position["after"][0] -= 1  # an earlier position, as someone would forge it
    forged = base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip("=")
    altered = assert_envelope(http.get("/issues", params={**params, "cursor": forged}), 400)
    assert "altered" in altered["message"] and "another list" in altered["message"]


def export_project(http: httpx.Client, titles: list[str]) -> str:
    """A project of its own holding one issue per title, created in that order."""
    project = http.post("/projects", json={"name": "Export", "key": f"E{len(titles)}X"}).json()
    for title in titles:
        http.post("/issues", json={"project_id": project["id"], "title": title})
    return str(project["id"])


def titles_from(http: httpx.Client, project: str, cursor: str) -> list[str]:
    page = http.get("/issues", params={"project_id": project, "limit": 2, "cursor": cursor})
    assert page.status_code == 200, page.text
    return [issue["title"] for issue in page.json()]


def test_a_saved_cursor_resumes_after_its_item_was_deleted(http: httpx.Client) -> None:
    project = export_project(http, ["one", "two", "three", "four", "five", "six"])
    first = http.get("/issues", params={"project_id": project, "limit": 2})
    saved = next_cursor(first)
    assert http.delete(f"/issues/{first.json()[-1]['id']}").status_code == 204  # "two"
    assert titles_from(http, project, saved) == ["three", "four"]


def test_a_saved_cursor_resumes_after_the_whole_next_page_was_deleted(
    http: httpx.Client,
) -> None:
    project = export_project(http, ["one", "two", "three", "four", "five", "six", "seven"])
    first = http.get("/issues", params={"project_id": project, "limit": 2})
    saved = next_cursor(first)
    second = http.get("/issues", params={"project_id": project, "limit": 2, "cursor": saved})
    saved_later = next_cursor(second)
    for issue in second.json():  # "three" and "four"
        assert http.delete(f"/issues/{issue['id']}").status_code == 204
    assert titles_from(http, project, saved) == ["five", "six"]
    assert titles_from(http, project, saved_later) == ["five", "six"]


@pytest.fixture(scope="module")
def impatient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(
        tmp_path_factory.mktemp("slow") / "slow.db", "100000/60", "--request-timeout", "1"
    )
    yield server
    server.stop()


@pytest.mark.parametrize("part", ["head", "body"])
def test_a_client_that_sends_one_byte_at_a_time_is_disconnected(
    impatient: Sandbox, part: str
) -> None:
    body = b'{"name": "Slow", "key": "SLOW"}'
    head = (
        f"POST /projects HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {impatient.owner['api_key']}\r\n"
        f"X-Org-Id: {impatient.owner['org_id']}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    fast, slow = (b"", head + body) if part == "head" else (head, body)
    closed_after = None
    with socket.create_connection(("127.0.0.1", impatient.port), timeout=5) as connection:
        connection.sendall(fast)
        connection.settimeout(0.1)  # each recv below also paces the drip
        started = time.monotonic()
        for byte in slow:
            try:
                connection.sendall(bytes([byte]))
                if connection.recv(65536) == b"":
                    closed_after = time.monotonic() - started
                    break
            except TimeoutError:
                pass
            except OSError:
                closed_after = time.monotonic() - started
                break
            if time.monotonic() - started > 4:
                break
    assert closed_after is not None and closed_after < 2.5, closed_after
