"""The request URL the SDK parses once is the URL httpx would have built in three parses."""

from __future__ import annotations

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from projekt._api.api.comments import list_comments
from projekt._api.api.issues import get_issue, list_issues
from projekt._runtime.transport.urls import absolute_url

BASES = [
    "https://api.projekt.dev",
    "https://api.projekt.dev/v1",
    "http://127.0.0.1:8787/api/",
    "https://user:secret@api.test:8443/base",
    "https://xn--bcher-kva.example",
]
texts = st.text(min_size=1, max_size=30)
CLIENTS = {base: httpx.Client(base_url=base) for base in BASES}


def both(base: str, kwargs: dict[str, object]) -> tuple[httpx.URL, httpx.URL]:
    client = CLIENTS[base]
    theirs = client.build_request("GET", kwargs["url"], params=kwargs.get("params")).url  # type: ignore[arg-type]
    url = absolute_url(client.base_url, kwargs["url"], kwargs.get("params"))  # type: ignore[arg-type]
    return theirs, client.build_request("GET", url).url


@settings(max_examples=150, deadline=None)
@given(
    base=st.sampled_from(BASES),
    project_id=texts,
    limit=st.integers(min_value=-5, max_value=500),
    cursor=st.none() | texts,
    issue_id=texts,
)
def test_every_url_is_the_one_httpx_would_build(
    base: str, project_id: str, limit: int, cursor: str | None, issue_id: str
) -> None:
    for kwargs in (
        list_issues._get_kwargs(project_id=project_id, limit=limit, cursor=cursor or ""),
        get_issue._get_kwargs(issue_id=issue_id),
        list_comments._get_kwargs(issue_id=issue_id, limit=limit),
    ):
        theirs, ours = both(base, kwargs)
        assert ours == theirs
        assert str(ours) == str(theirs)
