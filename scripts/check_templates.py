"""Fails when the installed openapi-python-client's templates differ from the ones we forked.

overlays/templates/ holds our changed copies of some upstream templates, and
overlays/upstream-templates/ the pristine upstream copy each was taken from, at
the pinned generator version. After a generator upgrade, an upstream template
that changed means our fork may silently drop the change (a new default, a new
validator), so this check names each such file and says how to re-merge it.

    python scripts/check_templates.py [--upstream DIR]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from importlib.metadata import version
from pathlib import Path

import openapi_python_client

ROOT = Path(__file__).resolve().parent.parent
FORKS = ROOT / "overlays" / "templates"
PRISTINE = ROOT / "overlays" / "upstream-templates"
INSTALLED = Path(openapi_python_client.__file__).parent / "templates"


def problems(pristine: Path, installed: Path, forks: Path) -> list[str]:
    found = []
    forked = {
        p.relative_to(forks)
        for p in forks.rglob("*.jinja")
        if (installed / p.relative_to(forks)).exists()
    }
    kept = {p.relative_to(pristine) for p in pristine.rglob("*.jinja")}
    for name in sorted(forked - kept):
        found.append(f"{name}: forked in overlays/templates/ with no pristine copy in {pristine}")
    for name in sorted(kept):
        upstream = installed / name
        if not upstream.exists():
            found.append(f"{name}: no longer exists in openapi-python-client; drop the fork")
            continue
        ours, theirs = (pristine / name).read_text(), upstream.read_text()
        if ours != theirs:
            diff = "".join(
                difflib.unified_diff(
                    ours.splitlines(True),
                    theirs.splitlines(True),
                    f"pristine/{name}",
                    f"installed/{name}",
                )
            )
            found.append(
                f"{name}: upstream changed it. Re-merge: apply this diff to "
                f"overlays/templates/{name} (keeping our change, described at its top), then copy "
                f"the installed file over overlays/upstream-templates/{name}.\n{diff}"
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", type=Path, default=PRISTINE, help="the pristine copies")
    found = problems(parser.parse_args().upstream, INSTALLED, FORKS)
    generator = f"openapi-python-client {version('openapi-python-client')}"
    if found:
        sys.exit(
            f"check-templates: our template forks are out of step with {generator}:\n\n"
            + "\n".join(found)
        )
    print(f"check-templates: every forked template matches its upstream in {generator}")


if __name__ == "__main__":
    main()
