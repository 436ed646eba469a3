"""Link headers (RFC 8288): the next page's, and a deprecation notice's documentation.

The spec's `Link` is `<url>; rel="next"` with any character but `>` in the URL, so a next
page's URL may hold `;` and `,`, which a URL's query may carry as they are (RFC 3986).
"""

from __future__ import annotations

import re

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import projekt
from tests.helpers import BASE_URL, ClientFactory, Recorder, issue_json

# What a URL's query may hold as it is (RFC 3986, 3.4), and its percent-encodings.
QUERY_CHARACTERS = "-._~!$&'()*+,;=:@/?" + "abcXYZ019"
queries = st.lists(
    st.one_of(
        st.sampled_from(QUERY_CHARACTERS),
        st.sampled_from(["%20", "%3E", "%25", "%2C", "%3B", "%E2%82%AC"]),
    ),
    min_size=1,
    max_size=40,
).map("".join)
# The spec's pattern, `^<[^>]+>; *rel="next"$`: any number of spaces after the `;`.
next_links = st.builds(
    lambda query, spaces: f'<{BASE_URL}/issues?project_id=p&cursor={query}>;{spaces}rel="next"',
    queries,
    st.text(" ", max_size=3),
)


def listed(client_for: ClientFactory, link: str) -> tuple[list[str], Recorder, projekt.Page]:
    """The ids a list of two pages yields, the first linking on with `link`; the recorder
    of its requests; and its first page."""
    recorder = Recorder(
        httpx.Response(200, json=[issue_json(id="i1")], headers={"Link": link}),
        httpx.Response(200, json=[issue_json(id="i2")]),
    )
    pages = list(client_for(recorder).issues.list(project_id="p").iter_pages())
    ids = [issue.id for page in pages for issue in page]
    first = pages[0]
    return ids, recorder, first


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(link=next_links)
def test_every_next_link_the_spec_allows_is_followed_to_its_url(
    client_for: ClientFactory, link: str
) -> None:
    """Before, a `;` in the URL ended the list after its first page, with nothing said, or
    sent the next request to the URL cut short at it (httpx's `Response.links` splits there)."""
    target = link[1 : link.index(">")]
    ids, recorder, first = listed(client_for, link)
    assert ids == ["i1", "i2"]
    assert recorder.requests[1].url == httpx.URL(target)
    assert first.next_cursor == httpx.URL(target).params["cursor"]


@pytest.mark.parametrize(
    "rel", ['rel="next last"', 'rel="prev next"', "REL=NEXT", 'Rel="Next"', "rel=next"]
)
def test_every_way_rfc_8288_writes_a_next_link_is_followed(
    client_for: ClientFactory, rel: str
) -> None:
    """A link may have several relation types, and names and types are case-insensitive.
    Before, httpx's `links` (keyed by the rel as written) found none of the first four, and the
    list ended after its first page, with nothing said."""
    ids, _, _ = listed(client_for, f"<{BASE_URL}/issues?project_id=p&cursor=c1>; {rel}")
    assert ids == ["i1", "i2"]


@pytest.mark.parametrize(
    "link",
    [
        # RFC 8288 allows more than the spec: other parameters, their values quoted with
        # `=`, `;` and `,` inside, other links in the same header, a URL with a comma.
        '<{next}>; title="a=b; c, d"; rel="next"',
        "<{next}>; title*=UTF-8''%E2%82%AC; rel=\"next\"",
        '<https://docs.example/a,b;c>; rel="help", <{next}>; rel="next"',
        '<{next}>; rel="next", <https://docs.example/a;b>; rel="help"',
        '<{next}>; title="say \\"rel=prev\\""; rel=next',
        '<{next}>;rel=next;anchor="#x"',
    ],
)
def test_a_next_link_among_what_rfc_8288_allows_is_followed(
    client_for: ClientFactory, link: str
) -> None:
    target = f"{BASE_URL}/issues?project_id=p&cursor=c;1,2"
    ids, recorder, _ = listed(client_for, link.format(next=target))
    assert ids == ["i1", "i2"]
    assert recorder.requests[1].url == httpx.URL(target)


def test_only_a_links_first_rel_counts(client_for: ClientFactory) -> None:
    """RFC 8288, 3.3: a `rel` after the first is ignored, so this link is no next page."""
    ids, recorder, first = listed(client_for, f"<{BASE_URL}/issues?cursor=c>; rel=prev; rel=next")
    assert (ids, len(recorder.requests), first.next_cursor) == (["i1"], 1, None)


def test_a_deprecation_links_url_is_read_whole(client_for: ClientFactory) -> None:
    docs = "https://docs.example/changes;v=2?from=a,b"
    link = f'<{BASE_URL}/issues?cursor=c>; rel="next", <{docs}>; rel="deprecation"'
    recorder = Recorder(
        httpx.Response(200, json=issue_json(), headers={"Deprecation": "true", "Link": link})
    )
    client = client_for(recorder)
    with pytest.warns(projekt.ProjektDeprecationWarning, match=re.escape(f"see {docs}")):
        client.issues.get("i1")
    assert client.deprecations[0].link == docs
