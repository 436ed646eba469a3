"""Regenerate generated/ from openapi.yaml, generator-config.yml and overlays/.

The output is a pure function of those inputs and the pinned tool versions:
it is built from an empty staging folder (so deleted operations disappear),
formatted by the pinned ruff, stamped, and only then swapped into place.

    python scripts/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
GENERATOR_CONFIG = ROOT / "generator-config.yml"
CLIENT_PACKAGE = "projekt_api"

MARKER = """\
# generated/ is output only

Everything here is written by `make generate` from openapi.yaml,
generator-config.yml and overlays/. Do not edit it by hand: change the inputs
and regenerate. `make check-generated` (part of `make test`) fails when this
folder is out of date.
"""


def spec_digest() -> str:
    return hashlib.sha256(SPEC.read_bytes()).hexdigest()


def header(digest: str) -> str:
    return (
        "# Generated from openapi.yaml by `make generate`; do not edit.\n"
        f"# openapi_spec_hash: {digest}\n"
    )


def generate_client(stage: Path) -> None:
    venv_bin = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": venv_bin + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run(
        [
            os.path.join(venv_bin, "openapi-python-client"),
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(GENERATOR_CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(stage / CLIENT_PACKAGE),
            "--fail-on-warning",
        ],
        check=True,
        env=env,
        cwd=stage,
        stdout=subprocess.DEVNULL,
    )


def stamp(stage: Path, digest: str) -> None:
    for cache in stage.rglob(".ruff_cache"):
        shutil.rmtree(cache)
    for path in sorted(stage.rglob("*.py")):
        path.write_text(header(digest) + path.read_text())
    (stage / "README.md").write_text(MARKER)
    (stage / "MANIFEST.yml").write_text(
        f"openapi_spec_hash: {digest}\n"
        f"openapi-python-client: {version('openapi-python-client')}\n"
        f"ruff: {version('ruff')}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    out: Path = parser.parse_args().out.resolve()

    digest = spec_digest()
    with tempfile.TemporaryDirectory(prefix="projekt-generate-") as tmp:
        stage = Path(tmp) / "generated"
        stage.mkdir()
        generate_client(stage)
        stamp(stage, digest)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(stage, out)


if __name__ == "__main__":
    main()
