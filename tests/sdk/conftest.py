"""Unit tests of the SDK: each runs against both clients, over an httpx.MockTransport."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.helpers import ClientFactory, Recorder, make_client, mock_options


@pytest.fixture(autouse=True)
def no_projekt_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "PROJEKT_API_KEY",
        "PROJEKT_ORG_ID",
        "PROJEKT_BASE_URL",
        "PROJEKT_PLAIN_HTTP_HOSTS",
        "PROJEKT_LOG",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def client_for(flavor: str, runner: asyncio.Runner | None) -> ClientFactory:
    """`client_for(recorder, **options)`: this flavor's client, wired to the recorder."""

    def build(recorder: Recorder, **kwargs: Any) -> Any:
        return make_client(flavor, runner, **mock_options(recorder, **kwargs))

    return build
