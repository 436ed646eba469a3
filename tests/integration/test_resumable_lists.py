"""A long export that stops and resumes where it stopped, not at page 1: each page carries the
cursor of the next, and `list(..., cursor=...)` continues from it, in another client too."""

from __future__ import annotations

import asyncio
import copy
import pickle
from typing import Any

import pytest

import projekt
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import make_client


def client_of(sandbox: ProjektSandbox, flavor: str, runner: asyncio.Runner | None) -> Any:
    return make_client(
        flavor, runner, api_key=sandbox.api_key, org_id=sandbox.org_id, base_url=sandbox.base_url
    )


def test_an_export_stopped_after_two_pages_resumes_at_the_third(
    projekt_sandbox: ProjektSandbox, flavor: str, runner: asyncio.Runner | None
) -> None:
    project = projekt_sandbox.project_id
    with client_of(projekt_sandbox, flavor, runner) as client:
        everything = [issue.id for issue in client.issues.list(project_id=project, limit=2)]
        exported, saved = [], None
        for number, page in enumerate(client.issues.list(project_id=project, limit=2).iter_pages()):
            assert isinstance(page, projekt.Page) and page.request_id.startswith("req_")
            exported += [issue.id for issue in page]
            saved = page.next_cursor
            if number == 1:
                break  # the job stops here, with the cursor saved
    assert saved is not None and len(exported) == 4 < len(everything)
    with client_of(projekt_sandbox, flavor, runner) as later:  # a new process, say
        pages = list(later.issues.list(project_id=project, limit=2, cursor=saved).iter_pages())
    assert exported + [issue.id for page in pages for issue in page] == everything
    assert pages[-1].next_cursor is None  # the last page says there is no more


def test_a_raw_list_parses_to_its_one_page_whose_cursor_continues_the_list(
    projekt_sandbox: ProjektSandbox, flavor: str, runner: asyncio.Runner | None
) -> None:
    """`with_raw_response.list()` is one response: `parse()` is its page, and the page's
    `next_cursor` is the way on, not a list silently cut at its first page."""
    project = projekt_sandbox.project_id
    with client_of(projekt_sandbox, flavor, runner) as client:
        everything = [issue.id for issue in client.issues.list(project_id=project, limit=2)]
        raw = client.issues.with_raw_response.list(project_id=project, limit=2)
        assert isinstance(raw, projekt.RawPage) and repr(raw).startswith("<RawPage issues.list 200")
        first = raw.parse()
        assert isinstance(first, projekt.Page) and first.request_id == raw.request_id
        rest = client.issues.list(project_id=project, limit=2, cursor=first.next_cursor)
        assert [issue.id for issue in first] + [issue.id for issue in rest] == everything
    assert len(first) == 2 < len(everything)


def test_an_awaited_async_list_is_its_first_page(projekt_sandbox: ProjektSandbox) -> None:
    """`await client.issues.list(...)`, as every other async method is awaited (and as
    OpenAI's SDK takes it), raised "AsyncPaginator can't be used in 'await' expression"."""
    project = projekt_sandbox.project_id

    async def main() -> tuple[list[str], projekt.Page[Any], list[str]]:
        async with projekt_sandbox.async_client() as client:
            everything = [i.id async for i in client.issues.list(project_id=project, limit=2)]
            first = await client.issues.list(project_id=project, limit=2)
            rest = client.issues.list(project_id=project, limit=2, cursor=first.next_cursor)
            return everything, first, [issue.id async for issue in rest]

    everything, first, rest = asyncio.run(main())
    assert isinstance(first, projekt.Page) and first.request_id.startswith("req_")
    assert len(first) == 2 < len(everything)
    assert [issue.id for issue in first] + rest == everything


def test_a_list_and_a_raw_answer_copy_whole_and_refuse_pickling_with_the_way_on(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """A paginator or a raw answer in something a program deep-copies (its own state,
    `dataclasses.asdict`) failed with "cannot pickle 'module' object", as a raw answer
    pickled for another process did. A deep copy makes the same call, or holds the same
    answer; a pickle is refused with what to send instead, and never holds the token."""
    project = projekt_sandbox.project_id

    async def async_ones() -> tuple[Any, ...]:
        async with projekt_sandbox.async_client() as client:
            pages = client.issues.list(project_id=project, limit=2)
            copied = copy.deepcopy(pages)
            return pages, [i.id async for i in pages], [i.id async for i in copied]

    with projekt_sandbox.client() as client:
        pages = client.issues.list(project_id=project, limit=2)
        assert [i.id for i in copy.deepcopy(pages)] == [i.id for i in pages]
        raw = client.issues.with_raw_response.list(project_id=project, limit=2)
        copied = copy.deepcopy(raw)
        assert copied.parse() == raw.parse() and copied.retries == raw.retries == 0
        assert copied.request_id == raw.request_id and copied.rate_limit == raw.rate_limit
        fetched = client.issues.with_raw_response.get(raw.parse()[0].id)
        assert copy.deepcopy(fetched).idempotency_key is None
        created = client.issues.with_raw_response.create(project_id=project, title="Copied")
        assert copy.deepcopy(created).idempotency_key == created.idempotency_key is not None
        async_pages, listed, listed_again = asyncio.run(async_ones())
        assert listed == listed_again == [i.id for i in pages]
        refusals = {
            pages: "Pickle its pages",
            async_pages: "Pickle its pages",
            raw: "Pickle what parse",
            created: "Pickle what parse",
        }
        for made, way_on in refusals.items():
            with pytest.raises(TypeError, match=f"cannot be pickled.*{way_on}") as refused:
                pickle.dumps(made)
            assert projekt_sandbox.api_key not in str(refused.value)
        page = raw.parse()
        assert pickle.loads(pickle.dumps(page)).next_cursor == page.next_cursor
