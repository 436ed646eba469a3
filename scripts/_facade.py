"""What the facade template (overlays/templates/resources.py.jinja) is rendered from.

Each operation is described from the generator's own parse of the spec (names,
types, defaults) and the spec's text (summaries, descriptions, documented
errors), so every facade method documents its arguments, return and errors.
"""

from __future__ import annotations

import sys
from typing import Any

from _spec import ORG_SCHEME, org_scoped, resolve, snake
from _spec import operations as spec_operations
from openapi_python_client import Project
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.model_property import ModelProperty

CLIENT_PACKAGE = "projekt._api"


def untrusted(value: Any) -> str:
    """A name from the spec, as written there (the generator wraps such strings)."""
    return str(value.get_untrusted_value()) if hasattr(value, "get_untrusted_value") else str(value)


def code(value: Any) -> str:
    return str(value.as_unembedded_code()) if hasattr(value, "as_unembedded_code") else str(value)


# The exception each documented error status raises (see projekt's errors module).
ERRORS_BY_STATUS = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "409": "ConflictError",
    "413": "APIStatusError",
    "415": "APIStatusError",
    "422": "UnprocessableEntityError",
    "429": "RateLimitError",
}
WRITE_METHODS = {"POST", "PATCH"}
# The IETF draft's header (draft-ietf-httpapi-idempotency-key-header): an operation
# that takes it gets a key per call from the SDK when the caller gives none.
IDEMPOTENCY_HEADER = "idempotency-key"


def describe(spec: dict[str, Any], node: dict[str, Any]) -> str:
    """A parameter's or property's description, from it or from the schema it names."""
    node = resolve(spec, node)
    text = node.get("description") or resolve(spec, node.get("schema", {})).get("description", "")
    return " ".join(str(text).split())


def request_body(endpoint: Any) -> ModelProperty | None:
    """The operation's JSON body: an object, whose fields the facade takes as arguments."""
    if not endpoint.bodies:
        return None
    prop = endpoint.bodies[0].prop
    if not isinstance(prop, ModelProperty):
        sys.exit(f"generate: {endpoint.name}: a request body must be an object schema")
    return prop


def deprecation_note(spec: dict[str, Any], param: dict[str, Any]) -> str:
    """A parameter's description, marked when the spec deprecates it."""
    text = describe(spec, param)
    return f"Deprecated. {text}" if resolve(spec, param).get("deprecated") else text


def deprecated_params(spec: dict[str, Any], endpoint: Any, raw: dict[str, Any]) -> list[str]:
    """The Python names of the parameters the spec marks `deprecated: true`."""
    params = {resolve(spec, p)["name"]: resolve(spec, p) for p in raw.get("parameters", [])}
    every = [*endpoint.path_parameters, *endpoint.query_parameters, *endpoint.header_parameters]
    return [p.python_name for p in every if params[untrusted(p.name)].get("deprecated")]


def body_fields(body: ModelProperty) -> list[Any]:
    """A body model's fields, required first, in the spec's order."""
    return [*(body.required_properties or []), *(body.optional_properties or [])]


def idempotency_header(endpoint: Any) -> str | None:
    """The operation's Idempotency-Key header as the spec spells it, if it takes one."""
    names = [untrusted(p.name) for p in endpoint.header_parameters]
    return next((name for name in names if name.lower() == IDEMPOTENCY_HEADER), None)


def parameter(prop: Any) -> str:
    """A facade parameter: its type, and its default or the one "not given" sentinel.

    The generator's own `to_string()` writes `limit: int | Unset = 50`, a default and
    "unset" at once; a parameter with a default shows only that default here.
    """
    kind = code(prop.get_type_string(no_optional=True))
    if prop.required:
        return f"{prop.python_name}: {kind}"
    if prop.default is not None:
        return f"{prop.python_name}: {kind} = {code(prop.default.python_code)}"
    return f"{prop.python_name}: {kind} | NotGiven = NOT_GIVEN"


def arg_line(prop: Any, description: str) -> str:
    default = f", default {code(prop.default.python_code)}" if prop.default is not None else ""
    optional = "" if prop.required or default else ", optional"
    kind = code(prop.get_type_string(no_optional=True))
    return f"{prop.python_name} ({kind}{default}{optional}): {description}"


def args_doc(spec: dict[str, Any], endpoint: Any, raw: dict[str, Any], headers: list[Any]) -> str:
    params = {resolve(spec, p)["name"]: p for p in raw.get("parameters", [])}
    lines = [
        arg_line(p, deprecation_note(spec, params[untrusted(p.name)]))
        for p in [*endpoint.path_parameters, *endpoint.query_parameters, *headers]
    ]
    if idempotency_header(endpoint):
        lines = [
            line + " When not given, the SDK generates one for this call and sends it with "
            "every retry."
            if line.startswith("idempotency_key ")
            else line
            for line in lines
        ]
    body = request_body(endpoint)
    if body is not None:
        content = raw["requestBody"]["content"]["application/json"]["schema"]
        properties = resolve(spec, content).get("properties", {})
        for prop in body_fields(body):
            lines.append(arg_line(prop, describe(spec, properties[untrusted(prop.name)])))
        if "body" not in properties:
            lines.append(
                f"body ({body.class_info.name}): the whole request body as a model, "
                "instead of the field arguments."
            )
    lines += [
        "extra_headers (Mapping[str, str | None], optional): headers sent with this call, "
        "merged last; None removes one the SDK sends. Authorization cannot be set.",
        "extra_query (Mapping[str, Any], optional): query parameters added to this call's "
        "(to its first page, for a list); None leaves one out, the SDK's own too.",
    ]
    if body is not None:
        lines.append(
            "extra_body (Mapping[str, Any], optional): fields merged into the top level of "
            "this call's JSON body."
        )
    lines += [
        "timeout (float | httpx.Timeout | None, optional): this call's timeout in seconds; "
        "the client's `timeout` setting when not given.",
        "max_retries (int, optional): this call's retries; the client's `max_retries` "
        "setting when not given.",
    ]
    return "\n".join(lines)


def raises_doc(spec: dict[str, Any], raw: dict[str, Any], method: str, keyed: bool) -> str:
    lines = []
    for status, response in raw["responses"].items():
        if status in ERRORS_BY_STATUS:
            lines.append(f"{ERRORS_BY_STATUS[status]}: {describe(spec, response)}")
    if keyed:
        lines.append(
            "IdempotencyConflictError: the ConflictError of a key whose first request is "
            "still being processed, once the retries that waited for it are spent."
        )
        lines.append(
            "IdempotencyKeyReusedError: the UnprocessableEntityError of a key already used "
            "for a different request."
        )
    if method in WRITE_METHODS:
        retried = (
            "every retry (with the same Idempotency-Key) failed too; send it again with "
            "`idempotency_key=error.idempotency_key`."
            if keyed
            else "it was not retried."
        )
        lines.append(
            "APIOutcomeUnknownError: the request was sent and the answer lost, so whether "
            f"it took effect is unknown; {retried}"
        )
    lines.append("APIConnectionError: no usable answer arrived (refused, reset, timed out).")
    lines.append("ProjektError: the base of all of these, and of every other SDK error.")
    return "\n".join(lines)


def org_header(spec: dict[str, Any], raw: dict[str, Any]) -> str | None:
    """The header the client fills in from its own org_id, if the operation requires it."""
    if org_scoped(spec, raw):
        return str(spec["components"]["securitySchemes"][ORG_SCHEME]["name"])
    return None


def describe_operation(
    spec: dict[str, Any], endpoint: Any, raw: dict[str, Any], namespace: str
) -> dict[str, Any]:
    success = [r for r in endpoint.responses.patterns if 200 <= r.status_code.range[0] < 300]
    prop = success[0].prop if success else None
    returns_body = isinstance(prop, (ModelProperty, ListProperty))
    ok = next(code for code in raw["responses"] if code.startswith("2"))
    headers = list(endpoint.header_parameters)
    body = request_body(endpoint)
    method = raw.get("x-sdk-method") or snake(raw["operationId"])
    summary = ("Deprecated: " if raw.get("deprecated") else "") + raw["summary"].rstrip(".")
    paginated = "Link" in raw["responses"][ok].get("headers", {})
    returned = describe(spec, raw["responses"][ok]).rstrip(".")
    return {
        "name": f"{namespace}.{method}",
        "method": method,
        "module": endpoint.name,
        "constant": snake(raw["operationId"]).upper(),
        "org_header": org_header(spec, raw),
        "idempotency_header": idempotency_header(endpoint),
        "url_template": raw["path"],
        "deprecated": bool(raw.get("deprecated")),
        "deprecated_params": deprecated_params(spec, endpoint, raw),
        "operation_id": raw["operationId"],
        "paginated": paginated,
        "returns": code(prop.get_type_string()) if prop is not None and returns_body else "None",
        "item": code(prop.inner_property.get_type_string())
        if isinstance(prop, ListProperty)
        else "",
        "returns_body": returns_body,
        "success_status": int(ok) if ok.isdigit() else None,  # a range ("2XX") names no one
        "path_params": [parameter(p) for p in endpoint.path_parameters],
        "path_param_names": tuple(p.python_name for p in endpoint.path_parameters),
        "params": [parameter(p) for p in [*endpoint.query_parameters, *headers]],
        "argument_names": [
            p.python_name for p in [*endpoint.path_parameters, *endpoint.query_parameters, *headers]
        ],
        "body_model": body.class_info.name if body is not None else "",
        "body_module": str(body.class_info.module_name) if body is not None else "",
        "body_fields": [parameter(p) for p in body_fields(body)] if body is not None else [],
        "body_field_names": [p.python_name for p in body_fields(body)] if body is not None else [],
        "body_required": tuple(p.python_name for p in body.required_properties or [])
        if body
        else (),
        "doc": f"{summary}.\n\n{raw['description'].strip()}\n\n"
        f"`{endpoint.method.upper()} {raw['path']}`",
        "args_doc": args_doc(spec, endpoint, raw, headers),
        "returns_doc": (
            f"every item, fetching pages lazily as you iterate ({returned})"
            if paginated
            else returned
        ),
        "returned": returned,
        "raises_doc": raises_doc(
            spec, raw, endpoint.method.upper(), idempotency_header(endpoint) is not None
        ),
    }


def resources_context(project: Project, spec: dict[str, Any]) -> dict[str, Any]:
    raw_ops = {
        (o.path, o.method.upper()): {**o.op, "parameters": o.parameters}
        for o in spec_operations(spec)
    }
    tags = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    namespaces: list[dict[str, Any]] = []
    imports: set[str] = set()
    for collection in project.openapi.endpoint_collections_by_tag.values():
        operations, tag_name = [], ""
        for endpoint in collection.endpoints:
            path = endpoint.path.get_untrusted_value()
            raw = {**raw_ops[(path, endpoint.method.upper())], "path": path}
            tag_name = raw["tags"][0]
            operation = describe_operation(spec, endpoint, raw, snake(tag_name))
            operations.append({**operation, "tag_module": str(collection.tag)})
            imports.update(
                line.replace("from ...", f"from {CLIENT_PACKAGE}.")
                for line in endpoint.relative_imports
            )
            prefix = f"{CLIENT_PACKAGE}."
            for param in [*endpoint.query_parameters, *endpoint.header_parameters]:
                imports.update(param.get_imports(prefix=prefix))
            body = request_body(endpoint)
            if body is not None:
                imports.update(body.get_imports(prefix=prefix))
                for field in body_fields(body):
                    imports.update(field.get_imports(prefix=prefix))
        namespaces.append(
            {
                "name": snake(tag_name),
                "class_name": "".join(part.title() for part in snake(tag_name).split("_")),
                "description": tags.get(tag_name, "").rstrip(".") + ".",
                "operations": operations,
            }
        )
    keyed = [op["idempotency_header"] for ns in namespaces for op in ns["operations"]]
    paths = sorted({op["url_template"] for ns in namespaces for op in ns["operations"]})
    return {
        "namespaces": sorted(namespaces, key=lambda ns: ns["name"]),
        "imports": {line for line in imports if ".types import" not in line},
        "package": CLIENT_PACKAGE,
        "org_scheme_header": spec["components"]["securitySchemes"][ORG_SCHEME]["name"],
        # The header a write to a path the spec lacks carries its key in, as the spec's
        # writes spell it.
        "idempotency_header_name": next((name for name in keyed if name), None),
        # What a path written out in full (client.get(f"/issues/{id}")) is traced by.
        "url_templates": paths,
    }
