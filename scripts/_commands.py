"""What the `projekt` command line is generated from: one command per operation.

`make generate` writes the table below into generated/projekt_cli._commands, plain
data that the hand-written CLI (cli/projekt_cli) turns into click commands
on demand. Names are the SDK's (`projekt issues list` is `client.issues.list`),
and every option comes from the operation's parameters and body fields: its
type, enum, default, range and the spec's description as help. A field of a kind
the CLI has no option for stops the generation with a message instead of being
left out.
"""

from __future__ import annotations

import sys
from typing import Any

from _facade import (
    IDEMPOTENCY_HEADER,
    body_fields,
    describe,
    describe_operation,
    request_body,
    untrusted,
)
from _properties import (
    BooleanProperty,
    DateProperty,
    DateTimeProperty,
    FloatProperty,
    IntProperty,
    ListProperty,
    LiteralEnumProperty,
    NoneProperty,
    StringProperty,
    UuidProperty,
    kind_of,
)
from _spec import operations as spec_operations
from _spec import resolve, snake
from openapi_python_client import Project

__all__ = ["commands_context"]

# The option type of each generator property kind (see projekt_cli/_params.py).
OPTION_TYPES: dict[type, str] = {
    StringProperty: "string",
    IntProperty: "integer",
    FloatProperty: "number",
    BooleanProperty: "boolean",
    DateTimeProperty: "datetime",
    DateProperty: "date",
}


def option_type(prop: Any, where: str) -> dict[str, Any]:
    """The option's type, and whether it is nullable or repeated, from the generator's view."""
    members = getattr(prop, "inner_properties", None) or [prop]
    kinds = {kind_of(m) for m in members}
    nullable = NoneProperty in kinds
    kinds.discard(NoneProperty)
    multiple = kinds == {ListProperty}
    if multiple:
        (inner,) = [m for m in members if kind_of(m) is ListProperty]
        kinds = {kind_of(inner.inner_property)}
    if LiteralEnumProperty in kinds and kinds <= {LiteralEnumProperty, StringProperty}:
        return {"type": "string", "nullable": nullable, "multiple": multiple}
    if len(kinds) == 1 and next(iter(kinds)) in OPTION_TYPES:
        return {"type": OPTION_TYPES[kinds.pop()], "nullable": nullable, "multiple": multiple}
    if UuidProperty in kinds:  # the usual way to write an id, but not this spec's
        sys.exit(
            f"generate: {where}: `format: uuid` would make this id a uuid.UUID, where every "
            "other id of the SDK and the command line is a str: give it "
            "`$ref: '#/components/schemas/Uuid'`, as the spec's other ids have"
        )
    sys.exit(
        f"generate: {where}: the command line has no option type for "
        f"{', '.join(sorted(k.__name__ for k in kinds))}; decide in scripts/_commands.py "
        "and cli/projekt_cli/_params.py how it is typed on a command line"
    )


# The options every command has (projekt_cli/_app.py's common_options): no spec parameter
# may take one of these names.
RESERVED_FLAGS = {"--profile", "--org", "--base-url", "--output", "--dry-run", "--max-items"}
RESERVED_FLAGS |= {"--timeout", "--max-retries"}
RESERVED_FLAGS |= {"--input", "--header"}
RESERVED_FLAGS |= {"--help", "--version"}


def choices(spec: dict[str, Any], schema: dict[str, Any]) -> tuple[list[Any], bool]:
    """The schema's enum values in the spec's order, and whether other values are allowed."""
    schema = resolve(spec, schema)
    if "enum" in schema:
        return [v for v in schema["enum"] if v is not None], False
    members = [resolve(spec, m) for m in schema.get("anyOf", schema.get("oneOf", []))]
    if schema.get("type") == "array":
        return choices(spec, schema.get("items", {}))
    known = [v for m in members for v in m.get("enum", []) if v is not None]
    return known, bool(known) and any("enum" not in m and m.get("type") != "null" for m in members)


def option(spec: dict[str, Any], prop: Any, schema: dict[str, Any], where: str) -> dict[str, Any]:
    schema = resolve(spec, schema)
    values, open_enum = choices(spec, schema)
    default = schema.get("default") if not prop.required else None
    return {
        "name": prop.python_name,
        "json_name": untrusted(prop.name),
        "flag": "--" + prop.python_name.replace("_", "-"),
        "required": bool(prop.required),
        "default": default,
        "choices": values,
        "open": open_enum,
        "min": schema.get("minimum"),
        "max": schema.get("maximum"),
        **option_type(prop, where),
    }


IDEMPOTENCY_HELP = (
    "Sent as Idempotency-Key with every retry, so that the write acts at most once; sent "
    "again, the same key gets the first answer back. One is made when not given."
)


def parameter_options(spec: dict[str, Any], endpoint: Any, raw: dict[str, Any]) -> list[Any]:
    """The operation's path, query and header parameters, as options."""
    where = str(raw["operationId"])
    by_name = {resolve(spec, p)["name"]: resolve(spec, p) for p in raw.get("parameters", [])}
    params = []
    for kind, props in (
        ("path", endpoint.path_parameters),
        ("query", endpoint.query_parameters),
        ("header", endpoint.header_parameters),
    ):
        for prop in props:
            node = by_name[untrusted(prop.name)]
            text = describe(spec, node)
            if untrusted(prop.name).lower() == IDEMPOTENCY_HEADER:
                # The spec's whole account of the header took 15 lines of every write's help.
                text = IDEMPOTENCY_HELP
            params.append(
                {
                    **option(spec, prop, node.get("schema", {}), where),
                    "in": kind,
                    "help": text,
                    "deprecated": bool(node.get("deprecated")),
                }
            )
    return params


def body_schema(spec: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    return resolve(spec, raw["requestBody"]["content"]["application/json"]["schema"])


def body_options(spec: dict[str, Any], body: Any, raw: dict[str, Any]) -> list[Any]:
    """The request body's fields, as options."""
    properties = body_schema(spec, raw).get("properties", {})
    return [
        {
            **option(spec, prop, properties[untrusted(prop.name)], str(raw["operationId"])),
            "in": "body",
            "help": describe(spec, properties[untrusted(prop.name)]),
            "deprecated": bool(resolve(spec, properties[untrusted(prop.name)]).get("deprecated")),
        }
        for prop in body_fields(body)
    ]


def command(spec: dict[str, Any], endpoint: Any, raw: dict[str, Any], namespace: str) -> Any:
    sdk = describe_operation(spec, endpoint, raw, namespace)
    body = request_body(endpoint)
    params = parameter_options(spec, endpoint, raw)
    if body is not None:
        params += body_options(spec, body, raw)
    for param in params:
        if param["in"] != "path" and param["flag"] in RESERVED_FLAGS:
            sys.exit(
                f"generate: {raw['operationId']}: {param['name']} would be the command line's "
                f"{param['flag']}, which every command already has; rename it in projekt_cli "
                "and here"
            )
    # Path arguments in the path's order, then the options: query, body, and headers last
    # (the Idempotency-Key, which the SDK fills in).
    path_order = {name: i for i, name in enumerate(snake(p) for p in _path_names(raw["path"]))}
    places = {"path": 0, "query": 1, "body": 2, "header": 3}
    params.sort(key=lambda p: (places[p["in"]], path_order.get(p["name"], 0)))
    return {
        "namespace": namespace,
        "method": sdk["method"],
        "summary": ("Deprecated: " if sdk["deprecated"] else "") + raw["summary"].rstrip("."),
        "description": paragraphs(raw.get("description", "")),
        "http": f"{endpoint.method.upper()} {raw['path']}",
        "operation_id": raw["operationId"],
        "deprecated": sdk["deprecated"],
        "paginated": sdk["paginated"],
        "returns": "list" if sdk["item"] else ("object" if sdk["returns_body"] else "nothing"),
        "body_model": body.class_info.name if body is not None else None,
        # An update takes any of its fields, but at least one (the schema's minProperties).
        "body_min_fields": body_schema(spec, raw).get("minProperties", 0) if body else 0,
        "columns": table_columns(spec, raw),
        "params": params,
    }


def paragraphs(text: str) -> str:
    """The description's paragraphs, each on one line, a blank line between them: click
    rewraps each to the terminal and keeps them apart (the Roles line stays its own)."""
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n") if part.strip())


def table_columns(spec: dict[str, Any], raw: dict[str, Any]) -> list[str]:
    """The fields a table of the answer shows first: `x-projekt-columns` of the schema of its
    rows, a list's items or those of the one list an object holds (`projekt me orgs`)."""
    ok = next(code for code in raw["responses"] if code.startswith("2"))
    content = resolve(spec, raw["responses"][ok]).get("content", {})
    answer = resolve(spec, content.get("application/json", {}).get("schema", {}))
    lists = [answer, *(resolve(spec, p) for p in answer.get("properties", {}).values())]
    for schema in (answer, *(resolve(spec, s.get("items", {})) for s in lists)):
        if "x-projekt-columns" in schema:
            columns = list(schema["x-projekt-columns"])
            if unknown := [name for name in columns if name not in schema.get("properties", {})]:
                sys.exit(
                    f"generate: {raw['operationId']}: x-projekt-columns names {unknown}, "
                    "which its schema has not"
                )
            return columns
    return []


def _path_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{")]


def commands_context(project: Project, spec: dict[str, Any]) -> dict[str, Any]:
    """The command table: {namespace: {"help", "commands": {name: command}}}, sorted."""
    raw_ops = {
        (o.path, o.method.upper()): {**o.op, "parameters": o.parameters}
        for o in spec_operations(spec)
    }
    tags = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    table: dict[str, Any] = {}
    for collection in project.openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            path = endpoint.path.get_untrusted_value()
            raw = {**raw_ops[(path, endpoint.method.upper())], "path": path}
            tag = raw["tags"][0]
            entry = command(spec, endpoint, raw, snake(tag))
            group = table.setdefault(
                snake(tag).replace("_", "-"),
                {"help": " ".join(tags.get(tag, "").split()), "commands": {}},
            )
            group["commands"][entry["method"].replace("_", "-")] = entry
    for group in table.values():
        group["commands"] = dict(sorted(group["commands"].items()))
    return {"namespaces": dict(sorted(table.items()))}
