"""Regenerate generated/ from openapi.yaml, generator-config.yml and overlays/.

The output is a pure function of those inputs and the pinned tool versions:
it is built in an empty staging folder (so deleted operations disappear),
formatted by the pinned ruff, stamped, and only then swapped into place.

1. openapi-python-client writes the low-level client, generated/projekt_api.
2. overlays/templates/resources.py.jinja, rendered with the generator's own
   parsed view of the spec, writes the typed SDK surface on top of it,
   generated/projekt_api/resources.py. SDK names come from the spec: the first
   tag is the namespace, `x-sdk-method` (else the snake_case operationId) the method.
3. datamodel-code-generator writes the sandbox server's pydantic models,
   generated/projekt_sandbox_models.py.

    python scripts/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml
from _spec import snake
from openapi_python_client import Project, _get_project_for_url_or_path
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser.properties import ListProperty, ModelProperty

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
GENERATOR_CONFIG = ROOT / "generator-config.yml"
TEMPLATES = ROOT / "overlays" / "templates"
CLIENT_PACKAGE = "projekt_api"
# Header parameters the client fills in from its own settings, never the caller.
CLIENT_HEADERS = {"x_org_id"}

MARKER = """\
# generated/ is output only

Everything here is written by `make generate` from openapi.yaml,
generator-config.yml and overlays/. Do not edit it by hand: change the inputs
and regenerate. `make check-generated` (part of `make test`) fails when this
folder is out of date.
"""


def code(value: Any) -> str:
    return str(value.as_unembedded_code()) if hasattr(value, "as_unembedded_code") else str(value)


def load_project(stage: Path) -> Project:
    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_CONFIG),
        MetaType.NONE,
        SPEC,
        "utf-8",
        overwrite=True,
        output_path=stage / CLIENT_PACKAGE,
    )
    project = _get_project_for_url_or_path(config=config, custom_template_path=TEMPLATES)
    if not isinstance(project, Project):
        sys.exit(f"generate: the generator could not read openapi.yaml: {project}")
    return project


def spec_operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (path, method.upper()): op
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method != "parameters"
    }


def describe_operation(endpoint: Any, raw: dict[str, Any], namespace: str) -> dict[str, Any]:
    success = [r for r in endpoint.responses.patterns if 200 <= r.status_code.range[0] < 300]
    prop = success[0].prop if success else None
    returns_body = isinstance(prop, (ModelProperty, ListProperty))
    ok = next(code for code in raw["responses"] if code.startswith("2"))
    headers = [p for p in endpoint.header_parameters if p.python_name not in CLIENT_HEADERS]
    body = endpoint.bodies[0].prop if endpoint.bodies else None
    method = raw.get("x-sdk-method") or snake(raw["operationId"])
    summary = raw["summary"].rstrip(".")
    return {
        "name": f"{namespace}.{method}",
        "method": method,
        "module": endpoint.name,
        "constant": snake(raw["operationId"]).upper(),
        "org_scoped": any(p.python_name in CLIENT_HEADERS for p in endpoint.header_parameters),
        "paginated": "Link" in raw["responses"][ok].get("headers", {}),
        "returns": code(prop.get_type_string()) if returns_body else "None",
        "item": code(prop.inner_property.get_type_string())
        if isinstance(prop, ListProperty)
        else "",
        "returns_body": returns_body,
        "path_params": [code(p.to_string()) for p in endpoint.path_parameters],
        "params": [code(p.to_string()) for p in [*endpoint.query_parameters, *headers]],
        "argument_names": [
            p.python_name for p in [*endpoint.path_parameters, *endpoint.query_parameters, *headers]
        ],
        "body_model": body.class_info.name if body is not None else "",
        "body_module": str(body.class_info.module_name) if body is not None else "",
        "body_fields": [
            code(p.to_string()) for p in [*body.required_properties, *body.optional_properties]
        ]
        if body is not None
        else [],
        "body_field_names": [
            p.python_name for p in [*body.required_properties, *body.optional_properties]
        ]
        if body is not None
        else [],
        "body_required": tuple(p.python_name for p in body.required_properties) if body else (),
        "doc": f"{summary}.\n\n{raw['description'].strip()}\n\n"
        f"`{endpoint.method.upper()} {raw['path']}`",
    }


def resources_context(project: Project, spec: dict[str, Any]) -> dict[str, Any]:
    raw_ops = spec_operations(spec)
    tags = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    namespaces, imports = [], set()
    for collection in project.openapi.endpoint_collections_by_tag.values():
        operations, tag_name = [], ""
        for endpoint in collection.endpoints:
            path = endpoint.path.get_untrusted_value()
            raw = {**raw_ops[(path, endpoint.method.upper())], "path": path}
            tag_name = raw["tags"][0]
            operation = describe_operation(endpoint, raw, snake(tag_name))
            operations.append({**operation, "tag_module": str(collection.tag)})
            imports.update(line.replace("from ...", "from .") for line in endpoint.relative_imports)
            for param in [*endpoint.query_parameters, *endpoint.header_parameters]:
                imports.update(param.get_imports(prefix="."))
            for body in endpoint.bodies:
                imports.update(body.prop.get_imports(prefix="."))
                for field in [*body.prop.required_properties, *body.prop.optional_properties]:
                    imports.update(field.get_imports(prefix="."))
        namespaces.append(
            {
                "name": snake(tag_name),
                "class_name": "".join(part.title() for part in snake(tag_name).split("_")),
                "description": tags.get(tag_name, "").rstrip(".") + ".",
                "operations": operations,
            }
        )
    return {
        "namespaces": sorted(namespaces, key=lambda ns: ns["name"]),
        "imports": {line for line in imports if not line.startswith("from .types import")},
        "package": CLIENT_PACKAGE,
    }


def generate(stage: Path) -> None:
    project = load_project(stage)
    errors = project.build()
    if errors:
        sys.exit("generate: " + "\n".join(str(error) for error in errors))
    spec = yaml.safe_load(SPEC.read_text())
    template = project.env.get_template("resources.py.jinja")
    (stage / CLIENT_PACKAGE / "resources.py").write_text(
        template.render(**resources_context(project, spec))
    )
    generate_sandbox_models(stage / "projekt_sandbox_models.py")
    ruff = str(Path(sys.executable).parent / "ruff")
    for command in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run([ruff, *command, "--no-cache", "."], check=True, cwd=stage)


def generate_sandbox_models(output: Path) -> None:
    subprocess.run(
        [
            str(Path(sys.executable).parent / "datamodel-codegen"),
            "--input",
            str(SPEC),
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
            # The server never needs to validate an email it sends; no extra dependency.
            "--type-mappings",
            "email=string",
            "--formatters",
            "ruff-format",
        ],
        check=True,
        stderr=subprocess.DEVNULL,
    )


def stamp(stage: Path, digest: str) -> None:
    header = (
        "# Generated from openapi.yaml by `make generate`; do not edit.\n"
        f"# openapi_spec_hash: {digest}\n"
    )
    for path in sorted(stage.rglob("*.py")):
        path.write_text(header + path.read_text())
    (stage / "README.md").write_text(MARKER)
    (stage / CLIENT_PACKAGE / "py.typed").write_text("")
    (stage / "MANIFEST.yml").write_text(
        f"openapi_spec_hash: {digest}\n"
        f"openapi-python-client: {version('openapi-python-client')}\n"
        f"datamodel-code-generator: {version('datamodel-code-generator')}\n"
        f"ruff: {version('ruff')}\n"
    )


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
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(stage, out)


if __name__ == "__main__":
    main()
