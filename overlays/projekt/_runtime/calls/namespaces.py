"""A client's namespaces (`client.issues`, `client.issues.with_raw_response`).

Read from a client (or a resource), a namespace is that object's own resource, made on
first use and kept in its `__dict__`, where later reads find it as a plain attribute.
Read from the class, it is the resource's class. That is what `unittest.mock` reads:
`create_autospec(Projekt)` and `patch("app.Projekt", autospec=True)` then give a mock
whose `client.issues.create` checks its arguments against the real method. An attribute
set in `__init__` is invisible to autospec, and a `functools.cached_property` (openai-python's
way) shows it the descriptor, not what it makes: `.create` is then missing.
"""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar, overload

__all__ = ["Namespace", "forget_namespaces"]


class _Resource(Protocol):
    def __init__(self, owner: Any, /) -> None: ...


R = TypeVar("R", bound=_Resource)


class Namespace(Generic[R]):
    def __init__(self, resource: type[R]) -> None:
        self.resource = resource
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, owner: None, kind: type) -> type[R]: ...
    @overload
    def __get__(self, owner: object, kind: type) -> R: ...
    def __get__(self, owner: object, kind: type) -> R | type[R]:
        if owner is None:
            return self.resource
        made = owner.__dict__[self.name] = self.resource(owner)
        return made


def forget_namespaces(owner: object) -> None:
    """Drops the resources `owner` has made, so that a copy of a client makes its own."""
    for kind in type(owner).__mro__:
        for name, value in vars(kind).items():
            if isinstance(value, Namespace):
                owner.__dict__.pop(name, None)
