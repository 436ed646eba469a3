"""The peers `make bench` measures beside the SDK, generated from the same openapi.yaml.

- stock: openapi-python-client as it ships (its own templates and default settings),
  what a team gets from `openapi-python-client generate` alone;
- pydantic: pydantic v2 models from datamodel-code-generator with its default options
  (but an email is a str: a client has no use for the email-validator package),
  decoded as a Stainless-style SDK decodes a page: `TypeAdapter(list[Model]).validate_json`.

Both are written into one directory, which percall's workers put on sys.path
(PEERS_ENV names it), so each peer is imported as a package of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from cases import ORG, TOKEN, Timed, Wire, hand_written, sync_loop

ROOT = Path(__file__).resolve().parent.parent
PEERS_ENV = "PROJEKT_BENCH_PEERS"
STOCK_PACKAGE, PYDANTIC_MODULE = "projekt_stock", "projekt_pydantic"


def generate(directory: Path) -> None:
    """Writes both peers into `directory` and tells the workers where they are."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}  # its ruff hook
    spec = ROOT / "openapi.yaml"
    subprocess.run(
        [bin_dir / "openapi-python-client", "generate", "--path", spec, "--meta", "none",
         "--output-path", directory / STOCK_PACKAGE],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    subprocess.run(
        [bin_dir / "datamodel-codegen", "--input", spec, "--input-file-type", "openapi",
         "--output-model-type", "pydantic_v2.BaseModel", "--target-python-version", "3.11",
         "--disable-timestamp", "--formatters", "ruff-format", "--type-mappings", "email=string",
         "--output", directory / f"{PYDANTIC_MODULE}.py"],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    os.environ[PEERS_ENV] = str(directory)


def on_path() -> None:
    """In a worker: makes the peers importable."""
    sys.path.insert(0, os.environ[PEERS_ENV])


def stock_list(wire: Wire) -> Timed:
    """openapi-python-client's own output for the spec: its list function, as it ships."""
    on_path()
    from projekt_stock.api.issues import list_issues  # type: ignore[import-not-found]
    from projekt_stock.client import AuthenticatedClient  # type: ignore[import-not-found]

    stock = AuthenticatedClient(
        base_url=wire.base,
        token=TOKEN,
        headers={"X-Org-Id": ORG},
        httpx_args={"transport": wire.transport()},
    )

    def call() -> None:
        for issue in list_issues.sync(client=stock, **wire.page) or []:
            _ = issue.title

    return sync_loop(call)


def pydantic_list(wire: Wire) -> Timed:
    """httpx, then the page validated into pydantic v2 models in one call, Stainless-style."""
    from pydantic import TypeAdapter

    on_path()
    from projekt_pydantic import IssueSummary  # type: ignore[import-not-found]

    raw = hand_written(wire)
    page = TypeAdapter(list[IssueSummary])

    def call() -> None:
        response = raw.get("/issues", params=wire.page, headers={"X-Org-Id": ORG})
        response.raise_for_status()
        for issue in page.validate_json(response.content):
            _ = issue.title

    return sync_loop(call)


CASES: dict[str, Callable[[Wire], Timed]] = {
    "stock_list": stock_list,
    "pydantic_list": pydantic_list,
}
