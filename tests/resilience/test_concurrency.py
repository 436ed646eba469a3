"""Many threads, and many tasks, share one rate-limited key: the throttle keeps
them under the limit, so no 429 reaches the user and few reach the client."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from projekt import AsyncProjekt, Projekt
from tests.helpers import Sandbox
from tests.resilience.faultproxy import FaultProxy

LIMIT = "40/1"


@pytest.fixture
def tight(tmp_path: Path) -> Iterator[tuple[Sandbox, FaultProxy]]:
    sandbox = Sandbox(tmp_path / "tight.db", rate_limit=LIMIT)
    proxy = FaultProxy(sandbox.port)  # forwards everything, and counts the statuses
    yield sandbox, proxy
    proxy.close()
    sandbox.stop()


def share_of_429(proxy: FaultProxy) -> float:
    return sum(1 for seen in proxy.forwarded if seen.endswith(" 429")) / len(proxy.forwarded)


def test_eight_threads_export_without_a_429(tight: tuple[Sandbox, FaultProxy]) -> None:
    sandbox, proxy = tight
    client = Projekt(
        api_key=sandbox.owner["api_key"], org_id=sandbox.owner["org_id"], base_url=proxy.url
    )

    def export(_: int) -> int:
        return len(list(client.issues.list(project_id=sandbox.owner["project_id"], limit=2)))

    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(export, range(40)))
    assert set(counts) == {6}
    print(f"threads: {len(proxy.forwarded)} requests, {share_of_429(proxy):.2%} answered 429")
    assert len(proxy.forwarded) >= 40 * 3 and share_of_429(proxy) < 0.02


def test_sixty_four_tasks_export_without_a_429(tight: tuple[Sandbox, FaultProxy]) -> None:
    sandbox, proxy = tight

    async def main() -> list[int]:
        async with AsyncProjekt(
            api_key=sandbox.owner["api_key"], org_id=sandbox.owner["org_id"], base_url=proxy.url
        ) as client:

            async def export() -> int:
                pages = client.issues.list(project_id=sandbox.owner["project_id"], limit=2)
                return len([issue async for issue in pages])

            return await asyncio.gather(*(export() for _ in range(64)))

    assert set(asyncio.run(main())) == {6}
    print(f"tasks: {len(proxy.forwarded)} requests, {share_of_429(proxy):.2%} answered 429")
    assert len(proxy.forwarded) >= 64 * 3 and share_of_429(proxy) < 0.02
