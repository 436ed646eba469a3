"""Regenerate generated/ from openapi.yaml, generator-config.yml and overlays/.

The output is a pure function of those inputs and the pinned tool versions:
it is built in an empty staging folder (so deleted operations disappear),
formatted by the pinned ruff, stamped, and only then swapped into place.

Each distribution has one import name, so each generated package is a subpackage:
generated/projekt/ holds the SDK's, generated/projekt_cli/ the CLI's and
generated/projekt_sandbox/ the sandbox's, merged with their hand-written halves
(overlays/projekt/, cli/, sandbox/) in an editable install and in the wheels.

1. openapi-python-client writes the low-level client, generated/projekt/_api
   (layer 4: it imports nothing hand-written), its model template told more of each
   model than the generator knows (scripts/_models.py).
2. overlays/templates/resources.py.jinja, rendered with the generator's own
   parsed view of the spec, writes the facade, generated/projekt/_resources
   (layer 2: above the hand-written runtime it calls, below the public client).
   SDK names come from the spec: the first tag is the namespace, `x-sdk-method`
   (else the snake_case operationId) the method; docstrings come from its
   descriptions.
   Beside it, from templates of our own: _files.py (attrs classes types.py imports
   on first use), and _speed.py and _structs.py (scripts/_speed.py), the msgspec
   twins of the response models that the speed extra decodes into.
   And projekt_cli._commands (scripts/_commands.py), the table the `projekt`
   command line builds its commands from.
3. datamodel-code-generator writes the sandbox server's pydantic models,
   generated/projekt_sandbox/_models.py.
4. scripts/surface.py, importing the fresh output, writes api.md beside generated/:
   the SDK surface, reviewed as a diff.

    python scripts/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

from _commands import commands_context
from _facade import CLIENT_PACKAGE, resources_context
from _models import (
    integral,
    parses_datetimes,
    request_models,
    runtime_types,
    secret_fields,
)
from _spec import SPEC, open_enums
from _spec import spec as load_spec
from _speed import fast_decode, twins
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_CONFIG = ROOT / "generator-config.yml"
TEMPLATES = ROOT / "overlays" / "templates"
FACADE_PACKAGE = "projekt._resources"
COMMANDS_PACKAGE = "projekt_cli._commands"
SANDBOX_MODELS = "projekt_sandbox._models"


def folder(stage: Path, dotted: str) -> Path:
    """Where a package or module of a distribution's one import name goes in the stage."""
    return stage.joinpath(*dotted.split("."))


MARKER = """\
# generated/ is output only

Everything here is written by `make generate` from openapi.yaml,
generator-config.yml and overlays/. Do not edit it by hand: change the inputs
and regenerate. `make check-generated` (part of `make test`) fails when this
folder is out of date.
"""


def load_project(stage: Path, spec: dict[str, Any]) -> Project:
    """The generator's parsed view of the spec, through its Config, GeneratorData and Project."""
    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_CONFIG),
        MetaType.NONE,
        SPEC,
        "utf-8",
        overwrite=True,
        output_path=folder(stage, CLIENT_PACKAGE),
    )
    openapi = GeneratorData.from_dict(copy.deepcopy(spec), config=config)
    if isinstance(openapi, GeneratorError):
        sys.exit(f"generate: the generator could not read openapi.yaml: {openapi}")
    return Project(openapi=openapi, custom_template_path=TEMPLATES, config=config)


def generate(stage: Path) -> None:
    spec = open_enums(load_spec())  # the SDK, the CLI and the sandbox decode unlisted values
    project = load_project(stage, spec)
    project.env.globals["request_models"] = request_models(project)
    project.env.globals["runtime_types"] = runtime_types
    project.env.globals["integral"] = integral
    project.env.globals["parses_datetimes"] = parses_datetimes
    project.env.globals["secret_fields"] = secret_fields(project, spec)
    project.env.filters["fast_decode"] = fast_decode
    fast = {twin.model: twin for twin in twins(project, request_models(project))}
    project.env.globals["twin_of"] = fast.get
    errors = project.build()
    if errors:
        sys.exit("generate: " + "\n".join(str(error) for error in errors))
    for name, context in (
        ("_files", {}),
        ("_speed", {}),
        ("_structs", {"twins": list(fast.values())}),
    ):
        template = project.env.get_template(f"{name.lstrip('_')}.py.jinja")
        (folder(stage, CLIENT_PACKAGE) / f"{name}.py").write_text(template.render(**context))
    template = project.env.get_template("resources.py.jinja")
    folder(stage, FACADE_PACKAGE).mkdir(parents=True)
    (folder(stage, FACADE_PACKAGE) / "__init__.py").write_text(
        template.render(**resources_context(project, spec))
    )
    project.env.filters["pyrepr"] = repr
    folder(stage, COMMANDS_PACKAGE).mkdir(parents=True)
    (folder(stage, COMMANDS_PACKAGE) / "__init__.py").write_text(
        project.env.get_template("commands.py.jinja").render(**commands_context(project, spec))
    )
    models = folder(stage, SANDBOX_MODELS).with_suffix(".py")
    models.parent.mkdir()
    generate_sandbox_models(spec, models)
    ruff = str(Path(sys.executable).parent / "ruff")
    for command in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run([ruff, *command, "--no-cache", "."], check=True, cwd=stage)


def generate_sandbox_models(spec: dict[str, Any], output: Path) -> None:
    view = output.parent.parent / SPEC.name  # outside the package; named as the header says
    view.write_text(json.dumps(spec))
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "datamodel-codegen"),
            "--input",
            str(view),
            "--input-file-type",
            "openapi",
            "--output",
            str(output),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--use-annotated",
            "--field-constraints",
            "--use-standard-collections",
            "--use-union-operator",
            "--use-double-quotes",
            "--collapse-root-models",
            "--enum-field-as-literal",
            "all",
            "--disable-timestamp",
            # The server never needs to validate an email it sends; no extra dependency. A
            # secret (format: password) is a plain str here: the sandbox sends it, unmasked.
            "--type-mappings",
            "email=string",
            "password=string",
            "--formatters",
            "ruff-format",
        ],
        capture_output=True,
        text=True,
    )
    view.unlink()
    if result.returncode != 0:
        sys.exit(f"generate: datamodel-code-generator failed:\n{result.stderr}{result.stdout}")


def stamp(stage: Path, digest: str) -> None:
    header = (
        "# Generated from openapi.yaml by `make generate`; do not edit.\n"
        f"# openapi_spec_hash: {digest}\n"
    )
    for path in sorted(stage.rglob("*.py")):
        path.write_text(header + path.read_text())
    (stage / "README.md").write_text(MARKER)
    (stage / "MANIFEST.yml").write_text(
        f"openapi_spec_hash: {digest}\n"
        f"openapi-python-client: {version('openapi-python-client')}\n"
        f"datamodel-code-generator: {version('datamodel-code-generator')}\n"
        f"ruff: {version('ruff')}\n"
    )


def render_api_md(stage: Path) -> str:
    """api.md, read from the freshly generated code (with the hand-written overlays)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(stage), str(ROOT / "overlays")]),
        "PYTHONDONTWRITEBYTECODE": "1",  # no bytecode caches in the output
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "surface.py"), "render"],
        capture_output=True,
        text=True,
        env=env,
    )
    if result.returncode != 0:
        sys.exit(f"generate: rendering api.md failed:\n{result.stderr}")
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    out: Path = parser.parse_args().out.resolve()

    digest = hashlib.sha256(SPEC.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory(prefix="projekt-generate-") as tmp:
        stage = Path(tmp) / "generated"
        stage.mkdir()
        generate(stage)
        stamp(stage, digest)
        api_md = render_api_md(stage)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(stage, out)
        (out.parent / "api.md").write_text(api_md)


if __name__ == "__main__":
    main()
