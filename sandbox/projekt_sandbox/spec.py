"""Where the spec the sandbox implements and its docs are: in the wheel, or in the checkout."""

from __future__ import annotations

from pathlib import Path

# What an installed sandbox carries (`make build` puts it there); a checkout has none
# and reads the live files of the repository it runs from instead.
BUNDLE = Path(__file__).resolve().parent / "bundle"
REPOSITORY = Path(__file__).resolve().parents[2]


def spec_path() -> Path:
    """The openapi.yaml this sandbox implements."""
    bundled = BUNDLE / "openapi.yaml"
    return bundled if bundled.is_file() else REPOSITORY / "openapi.yaml"


def docs_path() -> Path:
    """The built docs site it serves at /docs (`make docs` writes it in a checkout)."""
    bundled = BUNDLE / "docs"
    return bundled if bundled.is_dir() else REPOSITORY / "build" / "docs"
