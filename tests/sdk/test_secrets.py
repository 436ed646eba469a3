"""Credentials never print: for any token and any Redis password, no repr or str of a public
object, no log record at DEBUG, no exception message and no span attribute shows either."""

from __future__ import annotations

import asyncio
import logging
import string
import traceback
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

import projekt
from projekt import ClientSettings, ConfigurationError, Projekt
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import ORG_ID, free_port

BASE62 = string.ascii_letters + string.digits
tokens = st.text(BASE62, min_size=32, max_size=32).map(lambda secret: "pjk_live_" + secret)
# Unreserved URL characters, and the "@" and ":" people leave unescaped. Upper case, lower
# case and a digit, as real passwords have: a password of letters alone can be a word the
# SDK prints anyway ("Authenti" is in "AuthenticationError"), which would show nothing.
passwords = st.text(BASE62 + "-._~@:", min_size=8, max_size=24).filter(
    lambda p: (
        sum(c in BASE62 for c in p) >= 6
        and len(set(p)) >= 4
        and any(c.isupper() for c in p)
        and any(c.islower() for c in p)
        and any(c.isdigit() for c in p)
    )
)
users = st.sampled_from(["", "default", "fleet"])
# Where a Redis URL carries its password: its userinfo, or its query, which redis-py reads too.
redis_urls = st.sampled_from(
    [
        "redis://{user}:{password}@127.0.0.1:{port}/0",
        "redis://127.0.0.1:{port}/0?password={password}",
        "unix:///tmp/projekt-{port}.sock?password={password}",
    ]
)


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def answer(token: str, redis_url: str) -> httpx.MockTransport:
    """A server that echoes the credentials back in its error messages, as careless ones do."""

    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/me"):
            me = {"id": "u", "email": "e@x.test", "name": "n", "username": "u", "locale": "es"}
            return httpx.Response(200, json=me, headers={"X-Request-Id": "req_1"})
        echoed = f"token {token} rejected; Authorization: Bearer {token}; redis {redis_url}"
        envelope = {"error": {"code": "unauthorized", "message": echoed, "request_id": "req_2"}}
        return httpx.Response(401, json=envelope, headers={"X-Request-Id": "req_2"})

    return httpx.MockTransport(respond)


def shown(*values: Any) -> str:
    return "\n".join(text for value in values for text in (repr(value), str(value)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(token=tokens, password=passwords, user=users, shape=redis_urls)
def test_no_token_or_redis_password_is_ever_shown(
    token: str, password: str, user: str, shape: str
) -> None:
    # A port (or socket) nothing listens on: the budget falls back to the local one, and
    # logs that.
    redis_url = shape.format(user=user, password=password, port=free_port())
    secrets = (token, token.removeprefix("pjk_live_"), password)
    texts: list[str] = []
    logger, collect = logging.getLogger("projekt"), Collect()
    level = logger.level
    logger.addHandler(collect)
    logger.setLevel(logging.DEBUG)
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    try:
        settings_ = ClientSettings(api_key=token, org_id=ORG_ID, throttle_url=redis_url)
        client = Projekt(
            api_key=token,
            org_id=ORG_ID,
            base_url="http://127.0.0.1:9/api",
            throttle_url=redis_url,
            tracer_provider=provider,
            transport=answer(token, redis_url),
        )
        raw = client.me.with_raw_response.get()
        client.get("/me", query={"token": password})  # a secret in a query: the span's url.full
        texts.append(shown(settings_, client, client.settings, client.with_options(timeout=3), raw))
        with pytest.raises(projekt.AuthenticationError) as refused:
            next(client.projects.list().iter_pages())
        error = refused.value
        texts.append(shown(error, error.body, error.args))
        wrong_scheme = "ftp:" + redis_url.partition(":")[2]
        no_database = redis_url + ("&" if "?" in redis_url else "?") + "db=x"
        for bad in (wrong_scheme, no_database):
            with pytest.raises(ConfigurationError) as misconfigured:
                Projekt(api_key=token, base_url="http://127.0.0.1:9", throttle_url=bad)
            texts.append(shown(misconfigured.value))
        kit = ProjektSandbox(None, "http://127.0.0.1:9", token, ORG_ID, "p", "u")  # type: ignore[arg-type]
        texts.append(shown(kit))
    finally:
        logger.removeHandler(collect)
        logger.setLevel(level)
        provider.shutdown()
    texts.extend(collect.lines)
    for span in exporter.get_finished_spans():
        texts.append(span.name)
        texts.extend(str(value) for value in (span.attributes or {}).values())
        texts.extend(str(event.attributes) for event in span.events)
    assert any(redis_url.partition(":")[0] + "://" in text for text in texts)  # shown, masked
    everything = "\n".join(texts)
    for secret in secrets:
        assert secret not in everything


# A password as people paste one into a URL: pieces of it around the characters a URL
# reserves, left unescaped, a "/", "?" or "#" among them.
# Each piece mixes case and digits, as the passwords above do: a piece of letters alone can be
# a word the SDK prints anyway ("defau" is in "default_headers").
piece = st.text(BASE62, min_size=5, max_size=8).filter(
    lambda p: (
        len(set(p)) >= 4
        and any(c.isupper() for c in p)
        and any(c.islower() for c in p)
        and any(c.isdigit() for c in p)
    )
)
unescaped = st.tuples(
    st.lists(piece, min_size=2, max_size=4), st.lists(st.sampled_from("/?#@:%"), min_size=3)
).filter(lambda drawn: any(mark in "/?#" for mark in drawn[1][: len(drawn[0]) - 1]))


@settings(max_examples=60, deadline=None)
@given(drawn=unescaped, user=users)
@example(drawn=(["00123", "Ab3De"], ["/", "@", ":"]), user="default")  # a port, and a path
def test_a_url_password_with_an_unescaped_slash_is_refused_and_never_shown(
    drawn: tuple[list[str], list[str]], user: str
) -> None:
    """`redis://:p@ss:w/rd@host`: urllib ends the host part at the "/", so redis-py read "w"
    as the port and said so ("Port could not be cast to integer value as 'w'"), and the URL
    was shown with only "p" masked. The URL is refused, and no piece of its password shows,
    there, in a repr of the settings, or in the exceptions chained to the error (httpx's
    "Invalid port: 'w'", for a base_url so written). A base_url whose password begins with
    digits (`https://user:00123/4567@host`) read as a port and a path: it is refused too."""
    pieces, marks = drawn
    password = pieces[0] + "".join(m + p for m, p in zip(marks, pieces[1:], strict=False))
    url = f"redis://{user}:{password}@127.0.0.1:{free_port()}/0"
    with pytest.raises(ConfigurationError, match="percent-encode") as refused:
        Projekt(api_key="pjk_live_" + "a" * 32, base_url="http://127.0.0.1:9", throttle_url=url)
    with pytest.raises(ConfigurationError) as refused_base_url:
        Projekt(api_key="pjk_live_" + "a" * 32, base_url=f"https://{user}:{password}@api.test")
    errors = [refused.value, refused_base_url.value]
    shown_ = shown(*errors, ClientSettings(throttle_url=url))
    shown_ += "".join(chain_said(error) for error in errors)
    assert not [p for p in pieces if p in shown_], shown_


def chain_said(error: BaseException | None) -> str:
    """What a traceback says of `error` and of each exception chained under it, its source
    lines aside (a piece of a password can be a word of the code: "resol")."""
    said: list[str] = []
    while error is not None:
        said += traceback.format_exception_only(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return "".join(said)


# Where gateways and signed URLs carry a secret; the last two were shown as they are.
SECRET_NAMES = ["subscription-key", "api_token", "X-Amz-Signature", "AWSAccessKeyId"]


@pytest.mark.parametrize("name", SECRET_NAMES)
def test_an_api_gateways_key_in_a_user_clients_query_is_masked_in_errors_and_logs(
    caplog: pytest.LogCaptureFixture, name: str
) -> None:
    """A user's http_client= may carry a gateway's key in its default query (Azure API
    Management's `subscription-key`); the SDK sends it on every request, and its errors
    and log lines, which end up in error trackers, show it masked. So do names that hold a
    token or a credential, or end in key, key id or signature; an assignee's id does not."""

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    params = {name: "Gw5ecretK3y", "assignee_id": "a55ign"}
    user = httpx.Client(transport=httpx.MockTransport(refuse), params=params)
    client = Projekt(
        api_key="pjk_live_" + "a" * 32,
        base_url="https://api.example/api",
        http_client=user,
        max_retries=0,
    )
    with (
        caplog.at_level(logging.DEBUG, logger="projekt"),
        pytest.raises(projekt.APIConnectionError) as caught,
    ):
        client.me.get()
    logged = [r.getMessage() for r in caplog.records]
    assert any(f"/api/me?{name}=***&assignee_id=a55ign -> ConnectError" in line for line in logged)
    assert not [line for line in [str(caught.value), *logged] if "Gw5ecretK3y" in line]


@pytest.mark.parametrize("value", [" k3yS3cret", "k3yS3cret\n", "k3yS3cret\x00"])
def test_a_header_value_no_request_can_carry_is_never_shown(
    projekt_sandbox: ProjektSandbox, value: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An API key read from a file, its line break with it, as a gateway's header: h11
    refuses the value, and its words quote it ("Illegal header value b'k3yS3cret\\n'"). They
    were the error's, the debug line's, and, chained under the error, its traceback's and the
    call span's. The header is named, and its value shown nowhere: sync, async, a write."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    headers = {"X-Api-Key": value}
    errors: list[BaseException] = []
    with caplog.at_level(logging.DEBUG, logger="projekt"):
        with projekt_sandbox.client(tracer_provider=provider) as client:
            for call in (
                lambda: client.me.get(extra_headers=headers),
                lambda: client.issues.create(
                    project_id=projekt_sandbox.project_id, title="t", extra_headers=headers
                ),
                lambda: client.get("/me", extra_headers=headers),
            ):
                with pytest.raises(projekt.InvalidArgumentError, match="X-Api-Key") as caught:
                    call()
                errors.append(caught.value)

        async def asynchronously() -> None:
            async with projekt_sandbox.async_client() as client:
                with pytest.raises(projekt.InvalidArgumentError) as caught:
                    await client.me.get(extra_headers=headers)
                errors.append(caught.value)

        asyncio.run(asynchronously())
    provider.shutdown()
    texts = ["".join(traceback.format_exception(error)) for error in errors]
    texts += [record.getMessage() for record in caplog.records]
    for span in exporter.get_finished_spans():
        texts += [str(span.attributes), *(str(event.attributes) for event in span.events)]
    assert not [text for text in texts if "k3yS3cret" in text]
    assert any("X-Api-Key" in text for text in texts[len(errors) :])  # the debug line names it
