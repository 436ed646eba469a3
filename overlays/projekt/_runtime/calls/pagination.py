"""Auto-pagination: iterate over every item of a list operation, page by page.

The API pages with `limit` and `cursor` in, and `Link: <...>; rel="next"` out.
A paginator follows the link lazily, holding one page in memory at a time, and
only to the origin the client is configured for, so the token never leaves it.
Each page carries the cursor of the next one, so a long export can stop and resume
from where it stopped (`list(..., cursor=page.next_cursor)`).

An empty page ends the list, as in Stripe's and OpenAI's SDKs, whatever its link says: a
server that links on from empty pages with a new cursor each time (a change feed's
"nothing more yet") would otherwise be followed for ever. Its `next_cursor` resumes later.
A link back to a page already fetched is an error, found the way Brent's algorithm finds a
cycle: by holding one URL, not every one, so that a list of a million pages takes no more
memory than a list of one.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, NoReturn, Self, TypeVar

import httpx

from projekt._runtime.calls.operation import (
    Operation,
    RawResponse,
    invalid_response,
    parse_response,
)
from projekt._runtime.errors.exceptions import PaginationCycleError
from projekt._runtime.links import link_to

__all__ = ["AsyncPaginator", "Page", "RawPage", "SyncPaginator"]

T = TypeVar("T")
Send = Callable[[dict[str, Any]], httpx.Response]
AsyncSend = Callable[[dict[str, Any]], Awaitable[httpx.Response]]


class Page(list[T]):
    """One page of a list: its items, the request id of its response, and `next_cursor`,
    the cursor of the page after it (None on the last page).

    Save `next_cursor`, and `client.issues.list(..., cursor=saved)` resumes the list right
    after this page, in this process or another. `Page(items)`, as a test of your own makes
    one, is a last page with no request id.
    """

    next_cursor: str | None = None
    request_id: str | None = None


class RawPage(RawResponse[Page[T]]):
    """One page of a list before parsing (`with_raw_response.list(...)`): `parse()` gives
    that page alone, whose `next_cursor` continues the list."""

    def parse(self) -> Page[T]:
        return page_of(self._operation, self.http_response)


def page_of(op: Operation[Any], response: httpx.Response) -> Page[T]:
    items: list[T] = parse_response(op, response)
    page = Page(items)
    page.request_id = response.headers.get("x-request-id")
    link = next_link(response)
    page.next_cursor = link.params.get("cursor") if link is not None else None
    return page


def next_link(response: httpx.Response) -> httpx.URL | None:
    """The target of `Link: <...>; rel="next"`, as written (None on the last page). A link
    httpx cannot read as a URL (a control character in it, a port that is no number) is the
    server's error, not the caller's."""
    target = link_to(response, "next")
    if not target:
        return None
    try:
        return httpx.URL(target)
    except httpx.InvalidURL as error:
        why = str(error).rstrip(".")
        raise invalid_response(
            response, f"The next-page link is not a URL httpx can follow ({why})."
        ) from None


class FetchedPages:
    """The pages one iteration has fetched, as far as finding a cycle needs (Brent's): how
    many, and one of them, `mark`, moved to the newest page after 1, 2, 4, 8 ... pages. Once
    the mark is on a cycle and stays there for a whole turn of it, the link back to it shows:
    so a cycle of any length, the same page linked again included, is found in a few turns."""

    def __init__(self) -> None:
        self.fetched, self.mark, self._until_next_mark = 0, "", 1

    def leads_back(self, fetched: str, link: str) -> bool:
        """Counts `fetched`; whether `link`, the page after it, is the mark."""
        self.fetched += 1
        if self.fetched == self._until_next_mark:
            self.mark, self._until_next_mark = fetched, 2 * self.fetched
        return link == self.mark


def next_page_kwargs(
    first: dict[str, Any], response: httpx.Response, base_url: httpx.URL, pages: FetchedPages
) -> dict[str, Any] | None:
    """The request for the page after `response`, from its `Link: <...>; rel="next"`: a link
    back to a page already fetched is an error, not an endless loop."""
    link = next_link(response)
    if link is None:
        return None  # the last page
    url = response.request.url.join(link)
    if (url.scheme, url.host, url.port) != (base_url.scheme, base_url.host, base_url.port):
        raise invalid_response(
            response,
            f"The next-page link points to another origin ({_origin(url)}); not following "
            "it with your API key.",
        )
    if pages.leads_back(str(response.request.url), str(url)):
        raise PaginationCycleError(
            f"The next-page link leads back to a page already fetched ({url}); stopping "
            f"after {pages.fetched} page(s) rather than loop forever.",
            response=response,
            request_id=response.headers.get("x-request-id"),
        )
    page = {"method": "get", "url": url, "headers": first.get("headers", {})}
    page.update((name, first[name]) for name in ("extensions", "timeout") if name in first)
    return page  # with the call's options: its timeout, its retries, its operation


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.host}" + (f":{url.port}" if url.port is not None else "")


SendT = TypeVar("SendT", Send, AsyncSend)


class _Paginator(Generic[SendT, T]):
    def __init__(
        self,
        send: SendT,
        base_url: httpx.URL,
        op: Operation[list[T]],
        kwargs: dict[str, Any],
    ) -> None:
        self._send: SendT = send
        self._base_url = base_url
        self._op, self._kwargs = op, kwargs

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._op.name}(): iterate it for the items, page by page>"

    def __copy__(self) -> Self:
        return type(self)(self._send, self._base_url, self._op, self._kwargs)

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """The same call through the same client, as `copy.copy` makes: a paginator holds no
        page, and each iteration starts from the first (a deep copy of the client would be
        a second client; one of the operation failed on its module)."""
        return copy.copy(self)

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            f"A {type(self).__name__} cannot be pickled: it sends through its client, which "
            "holds your API key. Pickle its pages (`iter_pages()`: lists, each with its "
            "next_cursor), and resume in the other process with `cursor=page.next_cursor`."
        )


class SyncPaginator(_Paginator[Send, T]):
    """Iterates over every item of a list operation, fetching pages lazily.

    Only one page is held in memory at a time. `iter_pages()` yields whole pages, each
    with its `next_cursor`.
    """

    def iter_pages(self) -> Iterator[Page[T]]:
        kwargs: dict[str, Any] | None = self._kwargs
        pages = FetchedPages()
        while kwargs is not None:
            response = self._send(kwargs)
            page: Page[T] = page_of(self._op, response)
            last = not page  # read before the caller may empty it
            yield page
            if last:
                return
            kwargs = next_page_kwargs(self._kwargs, response, self._base_url, pages)

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page


class AsyncPaginator(_Paginator[AsyncSend, T]):
    """`async for` over every item of a list operation, fetching pages lazily; awaited,
    its first page alone (as OpenAI's SDK gives it), whose `next_cursor` goes on."""

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self._first_page().__await__()

    async def _first_page(self) -> Page[T]:
        return page_of(self._op, await self._send(self._kwargs))

    async def iter_pages(self) -> AsyncIterator[Page[T]]:
        kwargs: dict[str, Any] | None = self._kwargs
        pages = FetchedPages()
        while kwargs is not None:
            response = await self._send(kwargs)
            page: Page[T] = page_of(self._op, response)
            last = not page  # read before the caller may empty it
            yield page
            if last:
                return
            kwargs = next_page_kwargs(self._kwargs, response, self._base_url, pages)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page:
                yield item
