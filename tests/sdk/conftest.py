"""Unit-test helpers: a Projekt client whose wire is an httpx.MockTransport."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from projekt import AsyncProjekt, Projekt

TOKEN = "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"
ORG_ID = "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
PROJECT_ID = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"
ISSUE_ID = "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"
BASE_URL = "http://127.0.0.1:8787"

Handler = Callable[[httpx.Request], httpx.Response]


def issue_json(**overrides: Any) -> dict[str, Any]:
    return {
        "id": ISSUE_ID,
        "project_id": PROJECT_ID,
        "title": "Fix login bug",
        "status": "In Progress",
        "priority": "high",
        "created_at": "2026-05-28T09:14:02Z",
        **overrides,
    }


def envelope(code: str, message: str, request_id: str = "req_0123456789") -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "request_id": request_id}}


class Recorder:
    """A MockTransport handler that answers from a script and keeps every request."""

    def __init__(self, *responses: httpx.Response | Handler | Exception) -> None:
        self.script = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, Exception):
            raise step
        if callable(step) and not isinstance(step, httpx.Response):
            return step(request)
        return step


@pytest.fixture(autouse=True)
def no_projekt_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PROJEKT_API_KEY", "PROJEKT_ORG_ID", "PROJEKT_BASE_URL", "PROJEKT_LOG"):
        monkeypatch.delenv(name, raising=False)


def client_for(recorder: Recorder, **kwargs: Any) -> Projekt:
    options: dict[str, Any] = {"api_key": TOKEN, "org_id": ORG_ID, "base_url": BASE_URL}
    options.update(kwargs)
    return Projekt(http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **options)


def async_client_for(recorder: Recorder, **kwargs: Any) -> AsyncProjekt:
    options: dict[str, Any] = {"api_key": TOKEN, "org_id": ORG_ID, "base_url": BASE_URL}
    options.update(kwargs)
    transport = httpx.MockTransport(recorder)
    return AsyncProjekt(http_client=httpx.AsyncClient(transport=transport), **options)
