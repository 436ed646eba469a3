"""The SDK's public surface: api.md, release snapshots, and the version gate.

The surface is what users' code touches: every `client.<namespace>.<method>`
with its parameters and return type, the client's own methods (`get()`,
`with_options()`...), every model with its fields, every client setting
(`Projekt(...)`'s arguments) with its default, every name `projekt` exports, and what each
exception it exports offers a handler (`error.retry_after`).
It is read from the code itself, by importing it.

    python scripts/surface.py render     api.md, to stdout (make generate writes it)
    python scripts/surface.py check      fail on a change the version does not announce
    python scripts/surface.py notes      a CHANGELOG entry drafted from the change
    python scripts/surface.py snapshot   record this version's surface in releases/

Why not griffe: griffe compares the public objects of a package, and the
methods users call hang off classes in the generated, private
`projekt._resources` package, which it treats as internal, so removing an
operation would go unreported. Reading the surface the way users reach it
(`client.issues.create`) makes every such change visible.

Why one module: api.md, the snapshot, the gate and the notes are four readings of the one
surface `collect()` builds, and change with its shape.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import re
import sys
import typing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RELEASES = ROOT / "releases"
# Every method takes these; api.md says so once, in its preamble.
EXTRAS = ("extra_headers", "extra_query", "extra_body")
Surface = dict[str, Any]


def namespaces(client: type) -> list[tuple[str, type]]:
    """Each `client.<namespace>` and its resource class (what the namespace reads as on the
    client's class)."""
    found = [(name, getattr(client, name)) for name in dir(client)]
    return [(name, kind) for name, kind in found if isinstance(kind, type) and name[0] != "_"]


def collect() -> Surface:
    import attrs

    import projekt
    import projekt._resources as facade
    import projekt.models as models  # as users import them, deprecated aliases included

    methods: dict[str, Any] = {}
    for namespace, resource in namespaces(facade.SyncNamespaces):
        async_resource = getattr(facade, "Async" + resource.__name__)
        for name, function in vars(resource).items():
            if name.startswith("_") or not inspect.isfunction(function):
                continue
            variants = typing.get_overloads(function) or [function]
            signatures = [inspect.signature(variant) for variant in variants]
            params: dict[str, bool] = {}
            for signature in signatures:
                for param in list(signature.parameters.values())[1:]:
                    required = param.default is inspect.Parameter.empty
                    params[param.name] = params.get(param.name, False) or required
            methods[f"{namespace}.{name}"] = {
                "params": params,
                "signatures": [render_signature(s) for s in signatures],
                "returns": str(signatures[0].return_annotation),
                "async_returns": str(
                    inspect.signature(vars(async_resource)[name]).return_annotation
                ),
                "summary": (inspect.getdoc(function) or "").split("\n", 1)[0],
                "args": args_section(inspect.getdoc(function) or ""),
            }
    model_fields: dict[str, Any] = {}
    for name in models.__all__:
        model = getattr(models, name)
        if inspect.isclass(model) and attrs.has(model):
            # The generator's templates name the SDK's one sentinel by their alias, Unset.
            model_fields[name] = {
                f.name: re.sub(r"\bUnset\b", "NotGiven", str(f.type)) for f in attrs.fields(model)
            }
        else:
            model_fields[name] = {"=": re.sub(r"typing\.", "", repr(model))}
    settings = {
        field.name: f"{field.type} = {field.default!r}"
        for field in dataclasses.fields(projekt.ClientSettings)
    }
    # The client's own methods (with_options(), get()...), as their definitions read.
    client_methods = {
        name: [client_signature(f)]
        for name, f in inspect.getmembers(projekt.Projekt, inspect.isfunction)
        if not name.startswith("_")
    }
    return {
        "errors": errors_of(projekt),
        "version": projekt.__version__,
        "exports": sorted(projekt.__all__),
        "settings": settings,
        "client_methods": client_methods,
        "methods": methods,
        "models": model_fields,
    }


def errors_of(package: Any) -> dict[str, list[str]]:
    """Each exported exception's public attributes, its own and those it inherits from ours."""
    errors = {}
    for name in package.__all__:
        error = getattr(package, name)
        if inspect.isclass(error) and issubclass(error, BaseException):
            names: set[str] = set()
            for kind in error.__mro__:
                if kind.__module__.startswith("projekt"):  # not Exception's own (`args`)
                    names.update(vars(kind), inspect.get_annotations(kind))
            errors[name] = sorted(n for n in names if not n.startswith("_"))
    return errors


def args_section(doc: str) -> list[str]:
    """The docstring's `Args:` entries, one line each, as the facade documents them."""
    block = doc.split("Args:", 1)[-1].split("Returns:", 1)[0] if "Args:" in doc else ""
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    return [line for line in lines if not line.startswith(EXTRAS)]


def render_signature(signature: inspect.Signature, function: Any = None) -> str:
    """The parameters after `self`, the per-call extras left out, and a `**options:
    Unpack[SomeOptions]` of `function` written out key by key."""
    parts, keyword_only = [], False
    for param in list(signature.parameters.values())[1:]:
        if param.name in EXTRAS:
            continue
        if param.kind is inspect.Parameter.VAR_KEYWORD:
            typed = re.fullmatch(r"Unpack\[(\w+)\]", str(param.annotation))
            options = function.__globals__[typed[1]].__annotations__ if typed else {}
            parts += ["*"] if options and not keyword_only else []
            parts += [f"{k}: {getattr(v, '__forward_arg__', v)} = ..." for k, v in options.items()]
            parts += [] if options else [f"**{param.name}"]
            continue
        if param.kind is inspect.Parameter.KEYWORD_ONLY and not keyword_only:
            parts.append("*")
            keyword_only = True
        text = f"{param.name}: {param.annotation}"
        if param.default is not inspect.Parameter.empty:
            default = param.default
            text += f" = {default.__name__ if isinstance(default, type) else repr(default)}"
        parts.append(text)
    return "(" + ", ".join(parts) + ")"


def client_signature(function: Any) -> str:
    signature = inspect.signature(function)
    return f"{render_signature(signature, function)} -> {signature.return_annotation}"


def render(surface: Surface) -> str:
    lines = [
        "# The `projekt` SDK surface",
        "",
        "Written by `make generate` from the code; do not edit. A change to the SDK's",
        "surface shows up in review as a diff of this file. Every method also exists on",
        "`AsyncProjekt` (awaited, except that `list()` returns an async iterable, which,",
        "awaited, is its first page alone) and, returning a `RawResponse[...]`, under",
        "`client.<namespace>.with_raw_response.<method>` (for a `list()`, a `RawPage[...]`:",
        "its `parse()` is that one page, with its `next_cursor`).",
        "",
        "Every method also takes `extra_headers=` (merged last; a `None` value removes a",
        "header the SDK sends; `Authorization` cannot be set), `extra_query=` (a `None`",
        "value leaves a parameter out), and, where the operation has a JSON body,",
        "`extra_body=` (merged into its top level). A parameter that is not given",
        "(`NOT_GIVEN`, of type `NotGiven`, both exported) is not sent. For a path the spec",
        "lacks, `client.get(path, ...)`, `.post`, `.patch`, `.put`, `.delete` and",
        "`.request(method, path, ...)` send it with the same auth, retries and errors, and",
        "`client.get_list(path, ...)` follows a list there page by page (see the README's",
        '"Beyond the spec").',
        "",
        f"Version {surface['version']}. Exported from `projekt`: "
        + ", ".join(f"`{name}`" for name in surface["exports"]),
    ]
    lines += ["", "## Client settings (`Projekt(...)`, `AsyncProjekt(...)`, keyword-only)", ""]
    lines += [f"- `{name}: {setting}`" for name, setting in surface["settings"].items()]
    lines += ["", "## The client's own methods", ""]
    lines += [
        "Awaited on `AsyncProjekt`. `request()`, `get()` and the others return what",
        "`cast_to` names (`dict[str, Any]` by default, `None` for `delete()`), typed by overloads;",
        "`get_list()` returns a paginator of them, as a `list()` does.",
        "",
    ]
    for name, signatures in surface["client_methods"].items():
        lines += [f"- `client.{name}{signature}`" for signature in signatures]
    namespace = None
    for name, method in sorted(surface["methods"].items()):
        if name.split(".")[0] != namespace:
            namespace = name.split(".")[0]
            lines += ["", f"## client.{namespace}", ""]
        lines.append(f"- {method['summary']}")
        lines.append("  ```python")
        for signature in method["signatures"]:
            lines.append(f"  client.{name}{signature} -> {method['returns']}")
        lines.append(f"  # async: -> {method['async_returns']}")
        lines.append("  ```")
        lines += [f"  - {arg}" for arg in method["args"]]
    return "\n".join(lines + models_section(surface)) + "\n"


def models_section(surface: Surface) -> list[str]:
    lines = ["", "## Models (`projekt.models`)", ""]
    lines += [
        "Every model has `to_dict()`, `to_json(indent=2)` and `from_dict()`, in the API's JSON",
        "names. A model a call returned has `_request_id`, its answer's X-Request-Id (as in",
        "openai-python); a model inside it, an item of a list and one you build have None.",
        "",
    ]
    for name, fields in sorted(surface["models"].items()):
        if "=" in fields:
            lines.append(f"- `{name} = {fields['=']}`")
            continue
        lines.append(f"- `{name}`")
        lines += [f"  - `{field}: {kind}`" for field, kind in fields.items()]
    return lines


def changes(old: Surface, new: Surface) -> tuple[list[str], list[str]]:
    """(breaking, added): each a readable line naming what changed."""
    breaking: list[str] = []
    added: list[str] = []

    def compare(kind: str, before: Any, after: Any) -> None:
        breaking.extend(f"removed {kind} {name}" for name in sorted(set(before) - set(after)))
        added.extend(f"added {kind} {name}" for name in sorted(set(after) - set(before)))

    compare("export", old["exports"], new["exports"])
    if "settings" in old:  # recorded from 0.10.0 on
        compare("setting", old["settings"], new["settings"])
    if "client_methods" in old:  # recorded from 0.12.0 on
        compare("client method", old["client_methods"], new["client_methods"])
    compare("method", old["methods"], new["methods"])
    for name in sorted(set(old["methods"]) & set(new["methods"])):
        before, after = old["methods"][name]["params"], new["methods"][name]["params"]
        compare(f"parameter of {name}():", before, after)
        breaking.extend(
            f"parameter {param} of {name}() became required"
            for param in sorted(set(before) & set(after))
            if after[param] and not before[param]
        )
    for name in sorted(set(old.get("errors", {})) & set(new["errors"])):  # from 0.31.0 on
        compare(f"attribute of {name}:", old["errors"][name], new["errors"][name])
    compare("model", old["models"], new["models"])
    for name in sorted(set(old["models"]) & set(new["models"])):
        compare(f"field of {name}:", old["models"][name], new["models"][name])
    return breaking, added


def released() -> Surface | None:
    snapshots = sorted(RELEASES.glob("sdk-*.json"), key=lambda p: version_of(p.stem[4:]))
    return json.loads(snapshots[-1].read_text()) if snapshots else None


def version_of(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def check(surface: Surface) -> None:
    old = released()
    if old is None:
        sys.exit("surface: no releases/sdk-*.json to compare with")
    breaking, added = changes(old, surface)
    was, now = version_of(old["version"]), version_of(surface["version"])
    problems = []
    if breaking and now[0] <= was[0]:
        problems.append(f"breaking changes need a major bump (from {old['version']}):")
        problems += [f"  - {line}" for line in breaking]
    if added and now[:2] <= was[:2]:
        problems.append(f"additions need a minor bump (from {old['version']}):")
        problems += [f"  - {line}" for line in added]
    if problems:
        version_file = "overlays/projekt/_version.py"
        sys.exit(
            "surface: the SDK surface changed without a version that says so; bump "
            f"{version_file}\n" + "\n".join(problems)
        )
    print(
        f"surface: {surface['version']} against {old['version']}: "
        f"{len(breaking)} breaking, {len(added)} added, version consistent"
    )


def notes(surface: Surface) -> str:
    old = released() or {"exports": [], "methods": {}, "models": {}, "version": "none"}
    breaking, added = changes(old, surface)
    lines = [f"## [{surface['version']}] - unreleased", ""]
    for title, items in (("Removed (breaking)", breaking), ("Added", added)):
        if items:
            lines += [f"### {title}", "", *[f"- {item}" for item in items], ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["render", "check", "notes", "snapshot"])
    command = parser.parse_args().command
    surface = collect()
    if command == "render":
        sys.stdout.write(render(surface))
    elif command == "check":
        check(surface)
    elif command == "notes":
        sys.stdout.write(notes(surface))
    else:
        target = RELEASES / f"sdk-{surface['version']}.json"
        target.write_text(json.dumps(surface, indent=1, sort_keys=True) + "\n")
        print(f"surface: wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
