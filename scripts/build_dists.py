"""make build: the three products, for people who never clone this repository.

dist/ receives:
- projekt: the SDK's wheel and sdist;
- projekt-cli: the `projekt` command's, with its generated command table;
- projekt-sandbox: a wheel and sdist that bundle what the sandbox serves (the spec,
  byte for byte, the built docs site) and its generated models, so an installed
  sandbox reads nothing outside its own package;
- projekt-openapi-<info.version>.yaml and .json: the spec, for polyglot teams to pin, each
  operation with its tested code samples (`x-codeSamples`).
- projekt.postman_collection.json: the Postman collection, as the docs link it.

Each Python distribution is built as an sdist and then a wheel from that sdist,
which proves the sdist builds on its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _samples import with_code_samples
from _spec import spec

from projekt_sandbox.openapi import dump

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
DOCS = ROOT / "build" / "docs"


def build(source: Path) -> None:
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(DIST), str(source)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build: {source} failed:\n{result.stdout}{result.stderr}")


def stage(folder: str, into: Path) -> Path:
    """A copy of a distribution's folder with its generated modules in its one package."""
    target = into / folder
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / folder, target, ignore=ignore)
    package = f"projekt_{folder}"
    shutil.copytree(
        ROOT / "generated" / package, target / package, ignore=ignore, dirs_exist_ok=True
    )
    return target


def stage_sandbox(into: Path) -> Path:
    """The sandbox with its bundle in place: the spec, the docs and the models."""
    target = stage("sandbox", into)
    bundle = target / "projekt_sandbox" / "bundle"
    bundle.mkdir()
    shutil.copy2(ROOT / "openapi.yaml", bundle / "openapi.yaml")
    shutil.copytree(DOCS, bundle / "docs")
    return target


def spec_bundle() -> None:
    """The spec, with every operation's tested code samples as `x-codeSamples`."""
    document = with_code_samples(spec())
    name = f"projekt-openapi-{document['info']['version']}"
    (DIST / f"{name}.yaml").write_text(dump(document))
    (DIST / f"{name}.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    if not (DOCS / "index.html").is_file():
        sys.exit("build: build/docs is missing; run `make docs` first")
    shutil.rmtree(DIST, ignore_errors=True)
    DIST.mkdir()
    build(ROOT)
    with tempfile.TemporaryDirectory(prefix="projekt-build-") as into:
        build(stage("cli", Path(into)))
        build(stage_sandbox(Path(into)))
    spec_bundle()
    shutil.copy2(DOCS / "projekt.postman_collection.json", DIST)
    for path in sorted(DIST.iterdir()):
        print(f"{path.stat().st_size:>10,}  dist/{path.name}")


if __name__ == "__main__":
    main()
