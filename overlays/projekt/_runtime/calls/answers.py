"""What the answer to a request off the spec becomes: the `cast_to` of `client.get(...)` and
the other methods of undocumented.py, checked before anything is sent, then applied to a
2xx answer (the pipeline raises for any other).

`client.get()` reads one answer as `dict` (the default), `list`, `bytes`, `httpx.Response`,
`None`, a model of projekt.models, or a list of models (`list[Issue]`, as openai-python's
`cast_to` takes); `client.get_list()` reads each item of every page as `dict` or a model.
"""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

import httpx

from projekt._runtime.errors.exceptions import ConfigurationError
from projekt._runtime.errors.pages import is_web_page

__all__ = ["ListOf", "NoneType", "checked_cast", "listed_cast", "read_as"]

NoneType = type(None)
READS = (dict, list, bytes, httpx.Response, NoneType)
# A class's module path, as a repr shows it: list[projekt._api.models.issue.Issue].
_MODULE_PATH = re.compile(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_]\w*)")


class ListOf:
    """A JSON array, each item read as `item` (a JSON object as a dict, or a model of
    projekt.models): a page of `get_list()`, or the one answer `cast_to=list[Issue]` asks for
    (a write may answer with an array, which no list follows)."""

    def __init__(self, item: Any, *, paged: bool) -> None:
        self.item, self.paged = item, paged

    def read(self, data: Any) -> list[Any]:
        if not isinstance(data, list):
            shape = "an object" if isinstance(data, dict) else "no array"
            if self.paged:
                raise ValueError(
                    f"get_list() reads a JSON array, a page of a list; the answer is {shape}, "
                    "which client.get() reads"
                )
            fits = ": cast_to=dict reads it" if isinstance(data, dict) else ""
            raise ValueError(
                f"cast_to=list[{_shown(self.item)}] needs a JSON array; the answer is {shape}{fits}"
            )
        for place, item in enumerate(data):
            if not isinstance(item, dict):
                whole = "the page" if self.paged else "the array"
                raise ValueError(f"item {place} of {whole} is not a JSON object")
        return data if self.item is dict else [self.item.from_dict(item) for item in data]


def _is_model(cast_to: Any) -> bool:
    return callable(getattr(cast_to, "from_dict", None))


def _shown(cast_to: Any) -> str:
    """`cast_to` as the caller wrote it: `list[Issue]`, not the models' private module."""
    if isinstance(cast_to, type):
        return cast_to.__name__
    return _MODULE_PATH.sub("", repr(cast_to))


def _readable_item(cast_to: Any) -> bool:
    return cast_to is dict or _is_model(cast_to)


def listed_cast(cast_to: Any) -> ListOf:
    if _readable_item(cast_to):
        return ListOf(cast_to, paged=True)
    items = get_args(cast_to) if get_origin(cast_to) is list else ()
    hint = f" (cast_to={_shown(items[0])} for a list of them)" if items else ""
    raise ConfigurationError(
        f"client.get_list(): cast_to={_shown(cast_to)} is not one it reads each item as: dict, "
        f"or a model of projekt.models{hint}."
    )


def checked_cast(name: str, cast_to: Any) -> Any:
    if cast_to is None:
        return NoneType
    if cast_to in READS or _is_model(cast_to):
        return cast_to
    items = get_args(cast_to) if get_origin(cast_to) is list else ()
    if len(items) == 1 and _readable_item(items[0]):  # list[Issue], list[dict]
        return ListOf(items[0], paged=False)
    raise ConfigurationError(
        f"{name}(): cast_to={_shown(cast_to)} is not one the SDK reads: dict, list, bytes, "
        "httpx.Response, None, a model of projekt.models, or a list of them (list[Issue])."
    )


def read_as(cast_to: Any, response: httpx.Response) -> Any:
    """A 2xx answer read as `cast_to` asks (a checked one)."""
    if cast_to is httpx.Response:
        return response
    if cast_to is bytes:
        return response.content
    if cast_to is NoneType:
        if is_web_page(response):  # a DELETE that reached the web app, say
            raise ValueError("the answer is a web page")
        return None
    data = response.json()
    if isinstance(cast_to, ListOf):
        return cast_to.read(data)
    if cast_to in (dict, list):
        if not isinstance(data, cast_to):
            kind = "object" if cast_to is dict else "array"
            hint = ""
            if isinstance(data, (dict, list)):  # the other one: say it fits
                shape = "an object" if isinstance(data, dict) else "an array"
                hint = f"; the answer is {shape}: cast_to={type(data).__name__} reads it"
                if isinstance(data, list):
                    hint += ", and client.get_list() every page of it"
            raise ValueError(f"cast_to={cast_to.__name__} needs a JSON {kind}{hint}")
        return data
    return cast_to.from_dict(data)
