# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: d6e08e405bdbf7dc0cadcc0c5710bfd31ab88431f6ceed4c78b29e2350204b9e
"""Contains some shared types for properties"""

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any, Literal


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]

if TYPE_CHECKING:
    from ._files import File, Response
else:

    def __getattr__(name: str) -> Any:
        """File and Response, imported on first use.

        They are attrs classes, and attrs costs more to import than the rest of the
        SDK together; `import projekt` needs neither, only the first call does.
        """
        if name in ("File", "Response"):
            from . import _files

            return getattr(_files, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
