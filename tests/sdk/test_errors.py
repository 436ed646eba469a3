"""Whatever comes back, the user sees a value or one of our exceptions."""

from __future__ import annotations

import asyncio
import contextlib
import json
import pickle
from typing import Any

import httpx
import pytest

import projekt
import projekt._runtime.errors.exceptions
from projekt import (
    APIConnectionError,
    APIOutcomeUnknownError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    UnreadableWriteResponseError,
)
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import (
    BASE_URL,
    TOKEN,
    ClientFactory,
    Recorder,
    envelope,
    free_port,
    issue_json,
    make_client,
)


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (520, InternalServerError),
        (418, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_each_status_raises_its_type_with_status_code_message_and_request_id(
    client_for: ClientFactory, status: int, error_type: type[APIStatusError]
) -> None:
    recorder = Recorder(
        httpx.Response(status, json=envelope("some_code", "Went wrong", "req_abc123"))
    )
    with pytest.raises(error_type) as caught:
        client_for(recorder, max_retries=0).issues.get("x")
    error = caught.value
    assert (error.status_code, error.code, error.message, error.request_id) == (
        status,
        "some_code",
        "Went wrong",
        "req_abc123",
    )
    assert str(error).startswith(f"{status} some_code: Went wrong (request_id: req_abc123)")
    assert repr(error) == (
        f"{error_type.__name__}(status_code={status}, code='some_code', message='Went wrong', "
        "request_id='req_abc123')"
    )
    assert error.response.status_code == status


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(
            502, text="<html><body>Bad gateway</body></html>", headers={"Content-Type": "text/html"}
        ),
        httpx.Response(500, content=b""),
        httpx.Response(500, content=b'{"error": {"code": '),
        httpx.Response(500, json={"error": "a string, not an object"}),
        httpx.Response(500, json=["not", "an", "object"]),
        httpx.Response(500, content=b"\xff\xfe\x00garbage"),
    ],
)
def test_any_error_body_becomes_a_typed_error(
    client_for: ClientFactory, response: httpx.Response
) -> None:
    response.headers["X-Request-Id"] = "req_fromheader1"
    with pytest.raises(InternalServerError) as caught:
        client_for(Recorder(response), max_retries=0).issues.get("x")
    assert caught.value.request_id == "req_fromheader1"
    assert caught.value.message


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, content=b'{"id": "x", "title": '),
        httpx.Response(200, content=b"<html>maintenance</html>"),
        httpx.Response(200, json={"id": 1}),
        httpx.Response(200, json=["a list where an object belongs"]),
        httpx.Response(
            200,
            json={
                "id": "x",
                "title": "t",
                "status": "Todo",
                "priority": "low",
                "created_at": "not a date",
            },
        ),
        httpx.Response(299, json={"id": 1}),
    ],
)
def test_a_2xx_body_that_does_not_decode_raises_validation_error(
    client_for: ClientFactory, response: httpx.Response, decoding: str
) -> None:
    with pytest.raises(APIResponseValidationError) as caught:
        client_for(Recorder(response)).issues.get("x")
    assert caught.value.status_code == response.status_code
    assert str(caught.value).startswith(f"{response.status_code} invalid_response:")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "the body is empty"),
        (b"Service OK", "the body is not JSON"),
        (b'{"id": "\xe9"}', "the body is not UTF-8: byte 0xe9 at offset 8"),
        (b'{"id": "u", "email": "you@example.com"}', "a field it requires is missing: 'name'"),
        (b"null", "the body is JSON null, not an object or an array"),
        (
            b'"pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"',
            "the body is a JSON string, not an object or an array",
        ),
        (b"42", "the body is a number, not an object or an array"),
    ],
)
def test_a_2xx_body_that_does_not_parse_says_what_it_lacks_or_is(
    client_for: ClientFactory, content: bytes, said: str, decoding: str
) -> None:
    """Before, the parser's own words: "KeyError: 'name'", "object of type 'NoneType' has no
    len()", "JSONDecodeError: Expecting value: line 1 column 1 (char 0)"."""
    answer = httpx.Response(200, content=content, headers={"Content-Type": "application/json"})
    with pytest.raises(APIResponseValidationError) as caught:
        client_for(Recorder(answer)).me.get()
    expected = f"me.get(): the response body does not match the API spec ({said})"
    assert caught.value.message == expected  # a string's value is not shown: it may be a token


NOT_A_DATE = json.dumps(issue_json(created_at="not a date")).encode()
CALLS: dict[str, Any] = {
    "issues.list": lambda client: list(client.issues.list(project_id="p")),
    "issues.get": lambda client: client.issues.get("i"),
    "me.get": lambda client: client.me.get(),
    "me.orgs": lambda client: client.me.orgs(),
}


@pytest.mark.parametrize(
    ("operation", "content", "said"),
    [
        ("issues.list", b"{}", "TypeError: the body: expected list, got dict"),
        ("issues.list", b'{"data": []}', "TypeError: the body: expected list, got dict"),
        ("issues.list", b'[["id", "i"]]', "TypeError: IssueSummary: expected dict, got list"),
        ("me.get", b"[]", "TypeError: User: expected dict, got list"),
        ("me.orgs", b'{"orgs": {}, "count": 0}', "TypeError: MyOrgs.orgs: expected list, got dict"),
        (
            "me.orgs",
            b'{"orgs": [], "count": true}',
            "TypeError: MyOrgs.count: expected int, got bool",
        ),
        (
            "me.orgs",
            b'{"orgs": [], "count": 1.5}',
            "TypeError: MyOrgs.count: expected int, got float",
        ),
        (
            "issues.get",
            NOT_A_DATE,
            "ValueError: Issue.created_at: Invalid isoformat string: 'not a date'",
        ),
    ],
)
def test_a_body_of_another_shape_than_the_spec_is_refused_and_named(
    client_for: ClientFactory, operation: str, content: bytes, said: str, decoding: str
) -> None:
    """Before, a list answered with an object looped over the object's keys: `{}` became an
    empty list, a page's data lost without a word; `[]` for a model said its first field
    was missing, and `[["id", "i"]]` was read as pairs. A date that did not parse named
    its value but not its field."""
    answer = httpx.Response(200, content=content, headers={"Content-Type": "application/json"})
    with pytest.raises(APIResponseValidationError) as caught:
        CALLS[operation](client_for(Recorder(answer)))
    expected = f"{operation}(): the response body does not match the API spec ({said})"
    assert caught.value.message == expected


@pytest.mark.parametrize("count", [b"2", b"2.0", b"2e0"])
def test_an_integer_written_with_a_fraction_of_zero_is_read_as_one(
    client_for: ClientFactory, count: bytes, decoding: str
) -> None:
    """JSON Schema's integer counts 2.0 as one (a server's float that holds a whole number);
    it was refused as "expected int, got float"."""
    answer = httpx.Response(200, content=b'{"orgs": [], "count": ' + count + b"}")
    orgs = client_for(Recorder(answer)).me.orgs()
    assert (orgs.count, type(orgs.count)) == (2, int)


@pytest.mark.parametrize(
    ("response", "body"),
    [
        (httpx.Response(201, json={"id": "9b1d"}), {"id": "9b1d"}),  # fields missing
        (httpx.Response(201, text="<html>created</html>"), "<html>created</html>"),
        (httpx.Response(200, json={"id": "9b1d"}), {"id": "9b1d"}),  # a status the spec omits
        (httpx.Response(204), None),  # nothing to read
    ],
)
def test_a_write_answered_2xx_with_an_unreadable_body_says_it_took_effect(
    client_for: ClientFactory, response: httpx.Response, body: object, decoding: str
) -> None:
    response.headers["X-Request-Id"] = "req_w201"
    recorder = Recorder(response)
    with pytest.raises(UnreadableWriteResponseError) as caught:
        client_for(recorder).issues.create(project_id="p", title="t")
    error = caught.value
    status = response.status_code
    phrase = {200: "OK", 201: "Created", 204: "No Content"}[status]
    assert error.message.startswith(f"The request succeeded ({status} {phrase}) but ")
    assert "do not send it again" in error.message
    assert (error.status_code, error.request_id, error.body) == (status, "req_w201", body)
    assert isinstance(error, APIResponseValidationError)
    assert len(recorder.requests) == 1  # never retried


@pytest.mark.parametrize("status", [200, 201, 204])
def test_a_write_answered_2xx_with_no_body_says_the_body_is_empty(
    client_for: ClientFactory, status: int
) -> None:
    """Before, a 200 or a 204 said "status 200 is not one the API spec documents here", as
    if the status were what was wrong; a 201 said the body was empty."""
    with pytest.raises(UnreadableWriteResponseError) as caught:
        client_for(Recorder(httpx.Response(status))).issues.create(project_id="p", title="t")
    said = "issues.create(): the response body does not match the API spec (the body is empty)"
    assert caught.value.message.endswith(said)


def test_a_2xx_the_spec_does_not_name_is_read_as_the_one_it_names(
    client_for: ClientFactory,
) -> None:
    """The quickstart shows a create's body, not its status: the spec's 201 is inferred. A
    server that answers 200 with the issue has created it; before, the SDK raised
    UnreadableWriteResponseError for it ('do not send it again') and the issue was only in
    the error's body. RFC 9110 reads any 2xx a client does not know as 200."""
    recorder = Recorder(
        httpx.Response(200, json=issue_json()), httpx.Response(299, json=issue_json())
    )
    client = client_for(recorder)
    created = client.issues.create(project_id="p", title="t")
    assert created.title == issue_json()["title"]
    assert client.issues.get("x").id == issue_json()["id"]
    assert client.issues.with_raw_response.create(project_id="p", title="t").status_code == 299


def test_a_read_answered_with_a_web_page_says_to_check_the_base_url(
    client_for: ClientFactory,
) -> None:
    """A base_url without its /api (the web app's) gets the app's HTML page with a 200. Before,
    the error spoke of a JSONDecodeError at line 1 column 1. The page's title names what
    answered (the web app, a captive portal's log-in page)."""
    page = httpx.Response(200, html="<!doctype html><title>Projekt</title>")
    with pytest.raises(APIResponseValidationError) as caught:
        client_for(Recorder(page)).me.get()
    assert caught.value.message == (
        f"me.get(): GET {BASE_URL}/me was answered with a web page ('Projekt', text/html), not "
        "the API's JSON: check that base_url is the API's (it ends in /api), not the web app's."
    )
    untitled = httpx.Response(200, html="<!doctype html><p>Projekt</p>")
    with pytest.raises(APIResponseValidationError) as caught:
        client_for(Recorder(untitled)).me.get()
    assert caught.value.message.startswith(f"me.get(): GET {BASE_URL}/me was answered with text/")


def test_a_write_answered_with_a_web_page_is_not_said_to_have_taken_effect(
    client_for: ClientFactory,
) -> None:
    """A base_url without its /api sends a write to the web app, whose catch-all page comes
    with a 200. Before, the error said the write took effect and must not be sent again: the
    issue the user meant to create was silently dropped."""
    page = httpx.Response(200, html="<!doctype html><title>Projekt</title>")
    recorder = Recorder(page)
    with pytest.raises(APIResponseValidationError) as caught:
        client_for(recorder).issues.create(project_id="p", title="t")
    assert not isinstance(caught.value, UnreadableWriteResponseError)
    assert caught.value.message == (
        f"issues.create(): POST {BASE_URL}/issues was answered with a web page ('Projekt', "
        "text/html), not the API's JSON: check that base_url is the API's (it ends in /api), "
        "not the web app's. A web page is not the API's answer, so the write most likely did "
        "not reach the API: check before sending it again."
    )
    assert len(recorder.requests) == 1


def test_a_delete_answered_with_a_web_page_is_not_taken_for_done(
    client_for: ClientFactory,
) -> None:
    """A DELETE has no body to read, so the web app's 200 page passed for its 204: before,
    delete() returned as if the issue were gone."""
    recorder = Recorder(httpx.Response(200, html="<!doctype html><title>Projekt</title>"))
    with pytest.raises(APIResponseValidationError, match="did not reach the API") as caught:
        client_for(recorder).issues.delete("x")
    assert not isinstance(caught.value, UnreadableWriteResponseError)


@pytest.mark.parametrize(
    ("status", "body", "said"),
    [
        (
            403,
            {"message": "Forbidden: IP 203.0.113.9 is not allowed"},
            "Forbidden: IP 203.0.113.9 is not allowed",
        ),
        (422, {"detail": "title too long"}, "Unprocessable Entity: title too long"),
        (400, {"error": "invalid_grant"}, "Bad Request: invalid_grant"),
        (401, {"message": f"bad token {TOKEN}"}, "Unauthorized: bad token [redacted]"),
        (
            502,
            "upstream connect error\nor disconnect",
            "Bad Gateway: upstream connect error or disconnect",
        ),
        (422, {"detail": [{"loc": ["title"]}]}, "Unprocessable Entity"),
        (502, "<html><body>Bad gateway</body></html>", "Bad Gateway"),
    ],
)
def test_a_body_that_is_not_the_envelope_lends_its_words_to_the_message(
    client_for: ClientFactory, status: int, body: object, said: str
) -> None:
    """An API gateway's or a framework's error is not the API's envelope. Before, the message
    was the status's phrase alone, "Forbidden (the body was not a Projekt error envelope:
    application/json)", and its own words were only in `error.body`."""
    if isinstance(body, str):
        kind = "text/html" if body.startswith("<") else "text/plain"
        answer = httpx.Response(status, text=body, headers={"Content-Type": kind})
    else:
        answer = httpx.Response(status, json=body)
    with pytest.raises(APIStatusError) as caught:
        client_for(Recorder(answer), max_retries=0).me.get()
    assert caught.value.message.startswith(f"{said} (the body was not a Projekt error envelope")
    assert TOKEN not in str(caught.value)


def test_an_empty_answer_labelled_text_html_is_not_a_web_page(client_for: ClientFactory) -> None:
    """A server that labels every answer text/html (Flask's `return "", 204` does) sends its
    204 to a DELETE with that Content-Type and no body: that is the API's answer, not the
    web app's page. Since 0.17.1 the SDK called it a page, and the write a likely miss."""
    done = httpx.Response(204, headers={"Content-Type": "text/html; charset=utf-8"})
    recorder = Recorder(done)
    client = client_for(recorder)
    assert client.issues.delete("x") is None
    assert client.delete("/issues/{issue_id}/watchers", path_params={"issue_id": "x"}) is None
    assert len(recorder.requests) == 2
    empty = httpx.Response(404, headers={"Content-Type": "text/html"})
    with pytest.raises(NotFoundError) as caught:
        client_for(Recorder(empty)).issues.get("x")
    assert "web page" not in caught.value.message


def test_json_labelled_text_html_is_the_apis_answer(client_for: ClientFactory) -> None:
    """A server that writes its JSON out as a string (Flask's `return json.dumps(issue)`)
    labels it text/html. The quickstart shows no response headers, so such an answer may be
    the API's own: its body decides, and JSON never starts with "<" as a page does. Since
    0.17.1 the SDK called it a web page, and a create a likely miss."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    recorder = Recorder(httpx.Response(201, headers=html, content=json.dumps(issue_json())))
    client = client_for(recorder)
    assert client.issues.create(project_id="p", title="t").id == issue_json()["id"]
    assert client.issues.get("x").title == issue_json()["title"]
    assert len(recorder.requests) == 2


def test_a_web_apps_404_says_to_check_the_base_url(client_for: ClientFactory) -> None:
    """A base_url without its /api gets the web app's 404 page on every call. Before, the
    error read as the API's own 404 (a missing issue), with no word of base_url."""
    page = httpx.Response(404, html="<!doctype html><title>Not found</title>")
    with pytest.raises(NotFoundError) as caught:
        client_for(Recorder(page)).issues.get("x")
    assert caught.value.message == (
        "Not Found (a web page, not the API's JSON: check that base_url is the API's (it ends "
        "in /api), not the web app's)"
    )


def test_a_delete_off_the_spec_answered_with_a_web_page_is_not_taken_for_done(
    client_for: ClientFactory,
) -> None:
    """`client.delete(path)` reads no body, so the web app's 200 page passed for done."""
    recorder = Recorder(httpx.Response(200, html="<!doctype html><title>Projekt</title>"))
    with pytest.raises(APIResponseValidationError, match="did not reach the API") as caught:
        client_for(recorder).delete("/issues/{issue_id}/watchers", path_params={"issue_id": "x"})
    assert not isinstance(caught.value, UnreadableWriteResponseError)


def test_a_page_asked_for_off_the_spec_is_given(client_for: ClientFactory) -> None:
    """`cast_to=bytes` takes the answer as it comes, a web page too."""
    page = b"<!doctype html><title>Status</title>"
    recorder = Recorder(httpx.Response(200, content=page, headers={"Content-Type": "text/html"}))
    assert client_for(recorder).get("/status", cast_to=bytes) == page


def test_a_read_with_an_unreadable_body_is_not_called_a_write(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(200, json={"id": "x"}))
    with pytest.raises(APIResponseValidationError) as caught:
        client_for(recorder).issues.get("x")
    assert not isinstance(caught.value, UnreadableWriteResponseError)
    assert caught.value.body == {"id": "x"}
    assert not caught.value.message.startswith("The request succeeded")


def test_network_failures_become_connection_errors(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        client_for(recorder, max_retries=0).issues.get("x")
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert repr(caught.value) == f"APIConnectionError(message={caught.value.message!r})"


def test_a_connection_error_writes_the_url_as_it_was_given(client_for: ClientFactory) -> None:
    """An IPv6 host keeps its brackets, and an IDN host reads as the user wrote it."""
    for base_url, said in (
        ("http://[::1]:8787", "GET http://[::1]:8787/issues/x,"),
        ("https://bücher.example", "GET https://bücher.example/issues/x,"),
    ):
        recorder = Recorder(httpx.ConnectError("refused"))
        with pytest.raises(APIConnectionError) as caught:
            client_for(recorder, max_retries=0, base_url=base_url).issues.get("x")
        assert said in caught.value.message


def test_a_timeout_becomes_a_timeout_error(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError) as caught:
        client_for(recorder, max_retries=0).issues.get("x")
    assert caught.value.message.endswith("1 attempt (ReadTimeout: slow).")  # what timed out


def test_a_write_that_fails_after_sending_says_its_outcome_is_unknown(
    client_for: ClientFactory,
) -> None:
    recorder = Recorder(httpx.ReadTimeout("slow"))
    with pytest.raises(APIOutcomeUnknownError, match="may or may not") as caught:
        client_for(recorder, max_retries=0).issues.create(project_id="p", title="t")
    assert len(recorder.requests) == 1
    assert caught.value.idempotency_key is not None


def test_rate_limit_error_carries_retry_after_and_state(client_for: ClientFactory) -> None:
    response = httpx.Response(
        429,
        json=envelope("rate_limited", "Slow down"),
        headers={
            "Retry-After": "7",
            "X-RateLimit-Limit": "60",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": "7",
        },
    )
    with pytest.raises(RateLimitError) as caught:
        client_for(Recorder(response), max_retries=0).issues.get("x")
    assert caught.value.retry_after == 7
    assert (caught.value.rate_limit.limit, caught.value.rate_limit.remaining) == (60, 0)


def test_a_503_that_asks_for_a_long_wait_says_how_long(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    """A maintenance window: longer than the SDK waits, so it is raised at once, and a job
    scheduler needs the wait. Before, only a RateLimitError had `retry_after`."""
    response = httpx.Response(
        503, json=envelope("unavailable", "Down for maintenance"), headers={"Retry-After": "120"}
    )
    recorder = Recorder(response)
    with pytest.raises(InternalServerError) as caught:
        client_for(recorder).issues.get("x")
    assert caught.value.retry_after == 120 and caught.value.rate_limit.retry_after == 120
    assert len(recorder.requests) == 1 and sleeps == []
    # Every 5xx is retried, the docs say: this one says why it was not.
    assert str(caught.value) == (
        "503 unavailable: Down for maintenance (not retried: the server asks to wait 120 s, "
        "longer than the 60 s the SDK waits by itself) (request_id: req_0123456789)"
    )
    with pytest.raises(InternalServerError) as unasked:  # no retries asked for: no reason
        client_for(Recorder(response), max_retries=0).issues.get("x")
    assert "not retried" not in str(unasked.value)
    with pytest.raises(projekt.NotFoundError) as missing:
        client_for(Recorder(httpx.Response(404)), max_retries=0).issues.get("x")
    assert missing.value.retry_after is None  # none was asked for


def test_a_503_whose_wait_would_pass_the_total_timeout_says_so(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    response = httpx.Response(
        503, json=envelope("unavailable", "Busy"), headers={"Retry-After": "5"}
    )
    with pytest.raises(InternalServerError) as caught:
        client_for(Recorder(response), total_timeout=3).issues.get("x")
    assert str(caught.value) == (
        "503 unavailable: Busy (not retried: a retry in 5 s would pass the call's "
        "total_timeout of 3 s) (request_id: req_0123456789)"
    )
    assert sleeps == []


def test_no_exception_str_or_repr_contains_the_token(client_for: ClientFactory) -> None:
    for response in (
        httpx.Response(401, json=envelope("unauthorized", "Bad token")),
        httpx.ConnectError("x"),
    ):
        with pytest.raises(projekt.ProjektError) as caught:
            client_for(Recorder(response), max_retries=0).issues.get("x")
        for text in (str(caught.value), repr(caught.value), repr(caught.value.__dict__)):
            assert TOKEN not in text


def test_the_exception_tree_is_drawn_in_the_docstring() -> None:
    doc = projekt._runtime.errors.exceptions.__doc__ or ""
    for name in projekt._runtime.errors.exceptions.__all__:
        assert name in doc
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(RateLimitError, APIStatusError) and issubclass(
        APIStatusError, projekt.APIError
    )


def test_details_are_typed_and_listed_in_str_even_when_malformed(
    client_for: ClientFactory,
) -> None:
    body = envelope("validation_failed", "The request body is invalid.", "req_det1")
    fields = [{"field": f"f{i}", "message": "Bad."} for i in range(12)]
    body["error"]["details"] = [*fields, {"field": 7}, "junk"]
    with pytest.raises(UnprocessableEntityError) as caught:
        client_for(Recorder(httpx.Response(422, json=body))).issues.get("x")
    error = caught.value
    assert [(d.field, d.message) for d in error.details] == [(f"f{i}", "Bad.") for i in range(12)]
    assert str(error).startswith("422 validation_failed: The request body is invalid.")
    assert str(error).endswith(
        "[f0: Bad.; f1: Bad.; f2: Bad.; f3: Bad.; f4: Bad.; f5: Bad.; "
        "f6: Bad.; f7: Bad.; f8: Bad.; f9: Bad.; and 2 more]"
    )


def test_an_error_without_details_has_none(client_for: ClientFactory) -> None:
    with pytest.raises(NotFoundError) as caught:
        client_for(Recorder(httpx.Response(404, text="<html>"))).issues.get("x")
    assert caught.value.details == [] and "[" not in str(caught.value)


def test_a_write_whose_2xx_body_is_too_large_still_says_it_took_effect(
    client_for: ClientFactory,
) -> None:
    recorder = Recorder(httpx.Response(201, content=b"x" * 2048))
    with pytest.raises(projekt.ResponseTooLargeError) as caught:
        client_for(recorder, max_response_bytes=1024).issues.create(project_id="p", title="t")
    assert caught.value.message.startswith("The request succeeded (201 Created) but ")
    assert len(recorder.requests) == 1


def test_a_page_too_large_says_to_ask_for_fewer_items(client_for: ClientFactory) -> None:
    """A page of 200 issues with long descriptions can pass the 64 MiB cap, and the list
    could not be read at all: the error said what happened, not what to do."""
    recorder = Recorder(httpx.Response(200, content=b"[" + b" " * 2048 + b"]"))
    with pytest.raises(projekt.ResponseTooLargeError) as caught:
        list(client_for(recorder, max_response_bytes=1024).issues.list(project_id="p", limit=200))
    assert "Ask for fewer items a page (limit=, 200 here), or raise max_response_bytes" in str(
        caught.value
    )
    with pytest.raises(projekt.ResponseTooLargeError) as caught:
        client_for(recorder, max_response_bytes=1024).me.get()
    assert "limit=" not in str(caught.value)


def test_an_error_crosses_a_process_boundary_whole_and_without_the_token(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """multiprocessing, concurrent.futures and Celery pickle a worker's exception back to its
    caller (Celery through a result backend, Redis say). Ours arrive with their type, status,
    code, message, request id, details and response; the token stays behind."""
    errors: list[projekt.APIError] = []
    with projekt_sandbox.client(max_retries=0) as client:
        projekt_sandbox.fail_next(429, path="/me", headers={"Retry-After": "7"})
        for call in (
            lambda: client.me.get(),
            lambda: client.issues.get("7e2b4d6f-8a1c-4e3b-a5d7-000000000000"),
            lambda: client.issues.create(project_id=projekt_sandbox.project_id, title=""),
        ):
            with pytest.raises(projekt.APIError) as caught:
                call()
            errors.append(caught.value)
    offline = projekt.Projekt(
        api_key=projekt_sandbox.api_key, base_url=f"http://127.0.0.1:{free_port()}", max_retries=0
    )
    with offline, pytest.raises(APIConnectionError) as caught:
        offline.me.get()
    errors.append(caught.value)
    assert [type(error) for error in errors] == [
        RateLimitError,
        NotFoundError,
        UnprocessableEntityError,
        APIConnectionError,
    ]
    for error in errors:
        pickled = pickle.dumps(error)
        token_in_pickle = projekt_sandbox.api_key.encode() in pickled
        assert not token_in_pickle
        copy = pickle.loads(pickled)
        assert type(copy) is type(error) and str(copy) == str(error)
        assert copy.request.url == error.request.url
        for name in ("status_code", "code", "request_id", "details", "retry_after", "body"):
            assert getattr(copy, name, None) == getattr(error, name, None), name
        if isinstance(error, APIStatusError):
            assert copy.response.json() == error.response.json()
    assert errors[0].retry_after == 7 and errors[2].details  # what was compared is there


def test_a_pickled_error_leaves_every_credential_header_behind(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """A gateway's key set in default_headers crosses to a result backend no more than the
    token does; the headers that say what was sent (its key among them) cross whole."""
    gateway = {"X-Api-Key": "gw_secret_1", "Ocp-Apim-Subscription-Key": "gw_secret_2"}
    headers = {**gateway, "X-Tenant": "acme"}
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    client = projekt_sandbox.client(max_retries=0, default_headers=headers)
    with client, pytest.raises(projekt.APIOutcomeUnknownError) as caught:
        client.issues.create(project_id=projekt_sandbox.project_id, title="Keyed")
    pickled = pickle.dumps(caught.value)
    assert b"gw_secret" not in pickled and projekt_sandbox.api_key.encode() not in pickled
    sent = pickle.loads(pickled).request.headers
    assert [sent[name] for name in [*gateway, "Authorization"]] == ["[redacted]"] * 3
    assert sent["X-Tenant"] == "acme" and sent["X-Org-Id"] == projekt_sandbox.org_id
    assert sent["Idempotency-Key"] == caught.value.request.headers["Idempotency-Key"]


def test_a_pickled_error_leaves_a_set_cookie_and_a_keyed_query_behind(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """A session cookie the answer set, and a gateway's key that the user's own client puts
    in every query, cross to a result backend no more than the token does."""
    cookie = {"Set-Cookie": "session=gw_secret_3; Path=/; HttpOnly"}
    projekt_sandbox.fail_next(503, path="/me", headers=cookie)
    own = httpx.Client(params={"subscription-key": "gw_secret_4", "tenant": "acme"})
    creds = {"api_key": projekt_sandbox.api_key, "base_url": projekt_sandbox.base_url}
    client = projekt.Projekt(**creds, http_client=own, max_retries=0)
    with own, client, pytest.raises(projekt.InternalServerError) as caught:
        client.me.get()
    assert caught.value.request.url.params["subscription-key"] == "gw_secret_4"  # in process
    pickled = pickle.dumps(caught.value)
    assert b"gw_secret" not in pickled and projekt_sandbox.api_key.encode() not in pickled
    copy = pickle.loads(pickled)
    assert copy.response.headers["set-cookie"] == "[redacted]"
    assert dict(copy.request.url.params) == {"subscription-key": "***", "tenant": "acme"}
    assert (copy.status_code, copy.request_id) == (503, caught.value.request_id)
    assert (
        copy.response.headers["x-ratelimit-remaining"]
        == caught.value.response.headers["x-ratelimit-remaining"]
    )


def test_a_lost_write_crosses_a_process_boundary_with_its_key(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """The key is what the caller needs to send the write again without a second issue, and
    it was lost on the way: a pickled request keeps no extensions, where it was read from."""
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    with projekt_sandbox.client(max_retries=0) as client:
        with pytest.raises(projekt.APIOutcomeUnknownError) as caught:
            client.issues.create(project_id=projekt_sandbox.project_id, title="Across")
        copy = pickle.loads(pickle.dumps(caught.value))
        assert copy.idempotency_key == caught.value.idempotency_key is not None
        client.issues.create(
            project_id=projekt_sandbox.project_id,
            title="Across",
            idempotency_key=copy.idempotency_key,
        )
        titles = [i.title for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    assert titles.count("Across") == 1


def test_a_closed_client_says_so_and_sends_nothing(
    projekt_sandbox: ProjektSandbox, flavor: str, runner: Any
) -> None:
    """Before, httpx's bare RuntimeError; ClientClosedError is still one, for who catches it."""
    options = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}
    with make_client(flavor, runner, base_url=projekt_sandbox.base_url, **options) as client:
        client.me.get()
    copy = client.with_org(projekt_sandbox.org_id)
    for closed in (client, copy):
        with pytest.raises(projekt.ClientClosedError, match=r"^me\.get\(\): the client is closed"):
            closed.me.get()
    user = httpx.Client() if flavor == "sync" else httpx.AsyncClient()
    through = make_client(
        flavor, runner, base_url=projekt_sandbox.base_url, http_client=user, **options
    )
    if flavor == "sync":
        user.close()
    else:
        runner.run(user.aclose())
    with pytest.raises(projekt.ClientClosedError, match=r"http_client= .* is closed") as caught:
        through.me.get()
    assert isinstance(caught.value, RuntimeError)
    assert len(projekt_sandbox.requests) == 1  # the first call's alone
    through.close()


def test_an_async_client_closes_by_the_name_async_code_closes_things(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """`contextlib.aclosing()`, anyio and httpx itself close with `aclose()`."""
    options = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}

    async def main() -> None:
        async with contextlib.aclosing(
            projekt.AsyncProjekt(base_url=projekt_sandbox.base_url, **options)
        ) as client:
            await client.me.get()
        with pytest.raises(projekt.ClientClosedError):
            await client.me.get()

    asyncio.run(main())


@pytest.mark.parametrize("hook_reads", [False, True], ids=["body-closed", "body-read"])
def test_a_users_client_that_raises_for_status_still_gives_typed_errors(
    projekt_sandbox: ProjektSandbox, flavor: str, runner: Any, hook_reads: bool
) -> None:
    """httpx's docs show a response hook calling `raise_for_status()`. Through such an
    `http_client=`, a 404 was a connection error, a 503 was not retried, and a create the
    API refused said it may have taken effect."""

    def raise_for_status(response: httpx.Response) -> None:
        if hook_reads:
            response.read()
        response.raise_for_status()

    async def araise_for_status(response: httpx.Response) -> None:
        if hook_reads:
            await response.aread()
        response.raise_for_status()

    hooks: Any = {"response": [raise_for_status if flavor == "sync" else araise_for_status]}
    user = (
        httpx.Client(event_hooks=hooks)
        if flavor == "sync"
        else httpx.AsyncClient(event_hooks=hooks)
    )
    options = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}
    with make_client(
        flavor, runner, base_url=projekt_sandbox.base_url, http_client=user, **options
    ) as client:
        with pytest.raises(NotFoundError) as missing:
            client.issues.get("00000000-0000-4000-8000-000000000000")
        with pytest.raises(UnprocessableEntityError):
            client.issues.create(project_id=projekt_sandbox.project_id, title="")
        projekt_sandbox.fail_next(503, method="GET", path="/me")
        assert client.me.with_raw_response.get().retries == 1
    assert missing.value.request_id and missing.value.status_code == 404
    assert (missing.value.code == "not_found") is hook_reads
    if not hook_reads:
        assert "call response.read() in the hook" in str(missing.value)
    if flavor == "sync":
        user.close()
    else:
        runner.run(user.aclose())
