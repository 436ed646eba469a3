"""make bench, memory: what an export holds, while it iterates and once kept, and what
decoding a page costs, step by step."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import timeit

import cases
from table import ROOT, row

MEMORY_SCRIPT = """
import json, resource, httpx
from projekt import Projekt
PAGE, TOTAL = 500, 100_000
def page(request):
    start = int(request.url.params.get("cursor", "0"))
    items = [{"id": f"i{n}", "title": f"Issue {n}", "status": "Todo", "priority": "low",
              "description": "x" * 200} for n in range(start, min(start + PAGE, TOTAL))]
    more = start + PAGE < TOTAL
    headers = {"Link": f'<issues?project_id=p&cursor={start + PAGE}>; rel="next"'} if more else {}
    return httpx.Response(200, json=items, headers=headers)
client = Projekt(api_key="pjk_live_" + "a" * 32, org_id="o", base_url="https://api.bench",
                 http_client=httpx.Client(transport=httpx.MockTransport(page)))
next(iter(client.issues.list(project_id="p")))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(1 for issue in client.issues.list(project_id="p") if issue.title)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"count": count, "rise_mb": (after - before) / 1024}))
"""


HELD_SCRIPT = """
import gc, json, sys, tracemalloc, httpx
sys.path.insert(0, sys.argv[2])
from cases import BASE, ORG, TOKEN, full_issue
from projekt import Projekt
PAGE, TOTAL = 500, 100_000
pages = [json.dumps([full_issue(n) for n in range(start, start + PAGE)]).encode()
         for start in range(0, TOTAL, PAGE)]
def answer(request):
    start = int(request.url.params.get("cursor", "0"))
    headers = {"Content-Type": "application/json"}
    if start + PAGE < TOTAL:
        headers["Link"] = f'<issues?project_id=p&cursor={start + PAGE}>; rel="next"'
    return httpx.Response(200, content=pages[start // PAGE], headers=headers)
client = Projekt(api_key=TOKEN, org_id=ORG, base_url=BASE, transport=httpx.MockTransport(answer))
next(iter(client.issues.list(project_id="p")))  # imports and caches, before counting
json.loads(pages[0])
gc.collect()
tracemalloc.start()
if sys.argv[1] == "models":
    held = list(client.issues.list(project_id="p"))
else:
    held = [item for page in pages for item in json.loads(page)]
gc.collect()
print(tracemalloc.get_traced_memory()[0] / len(held))
"""


def bench_memory_held() -> None:
    """Bytes held per issue once a 100,000-issue export is kept: as models, as raw dicts."""
    held = {
        kind: float(
            subprocess.run(
                [sys.executable, "-c", HELD_SCRIPT, kind, str(ROOT / "bench")],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for kind in ("models", "dicts")
    }
    row(
        "100,000 issues kept (every field set): bytes held per issue, models vs json.loads dicts",
        f"{held['models']:.0f} vs {held['dicts']:.0f} bytes: {held['models'] / held['dicts']:.2f}x",
        "(report)",
        None,
    )


def bench_decode_steps(rounds: int = 9) -> None:
    """Decoding one 500-issue page, each way, against json.loads in the same rounds.

    "straight into the attrs model" is msgspec's own attrs support, not used by the SDK:
    it drops unknown fields (the models keep them in additional_properties) and rounds
    sub-microsecond digits where datetime.fromisoformat truncates them.
    """
    import msgspec

    from projekt._api._structs import TWINS
    from projekt._api.models.issue_summary import IssueSummary

    body = json.dumps([cases.full_issue(n) for n in range(500)]).encode()
    struct, _, build_page = TWINS[IssueSummary]
    twin, straight = msgspec.json.Decoder(list[struct]), msgspec.json.Decoder(list[IssueSummary])
    ways = {
        "json.loads + from_dict (the fallback)": lambda: [
            IssueSummary.from_dict(item) for item in json.loads(body)
        ],
        "msgspec into the Struct twin, then the models built (the default)": lambda: build_page(
            twin.decode(body)
        ),
        "msgspec straight into the attrs model (not used: see bench/run.py)": lambda: (
            straight.decode(body)
        ),
        "msgspec into the Struct twin alone (the floor)": lambda: twin.decode(body),
    }
    ratios: dict[str, list[float]] = {way: [] for way in ways}
    for _ in range(rounds):
        for way, decode in ways.items():
            base = min(timeit.repeat(lambda: json.loads(body), number=10, repeat=3))
            ratios[way].append(min(timeit.repeat(decode, number=10, repeat=3)) / base)
    for way, values in ratios.items():
        spread = f"{min(values):.2f}-{max(values):.2f}"
        row(
            f"decode 500 issues: {way}, vs json.loads",
            f"{statistics.median(values):.2f}x ({spread})",
            "(step)",
            None,
        )


def bench_memory() -> None:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    row(
        f"iterate {result['count']:,} issues over 200 pages: peak RSS rise",
        f"{result['rise_mb']:.1f} MB",
        "<= 50 MB",
        result["rise_mb"] <= 50,
    )
