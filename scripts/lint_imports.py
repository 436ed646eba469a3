"""The import contracts (pyproject.toml), checked on each package as a wheel installs it.

import-linter reads a package from one folder. Here each of the three is split between
its hand-written folder and generated/, so this assembles them, as the wheels do, into a
temporary folder and runs lint-imports on that.

    python scripts/lint_imports.py [--root DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Each distribution's one package: its hand-written folder, and its generated half.
PACKAGES = {"projekt": "overlays", "projekt_cli": "cli", "projekt_sandbox": "sandbox"}


def assemble(root: Path, into: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__")
    for package, folder in PACKAGES.items():
        for half in (root / folder / package, root / "generated" / package):
            shutil.copytree(half, into / package, ignore=ignore, dirs_exist_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    root: Path = parser.parse_args().root
    with tempfile.TemporaryDirectory(prefix="projekt-imports-") as into:
        assemble(root, Path(into))
        command = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"]
        command += ["--config", str(root / "pyproject.toml")]
        env = {**os.environ, "PYTHONPATH": into}
        return subprocess.run(command, env=env, cwd=root).returncode


if __name__ == "__main__":
    sys.exit(main())
