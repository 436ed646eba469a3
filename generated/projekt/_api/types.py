# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
"""Contains some shared types for properties"""

import datetime
from typing import TYPE_CHECKING, Any, Literal


class NotGiven:
    """The default of an optional argument the caller did not give: it is not sent.

    None cannot play this part: for a nullable field, None is a value that is sent
    (`description=None` clears a description).
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: NotGiven = NotGiven()
Unset = NotGiven
UNSET = NOT_GIVEN


def datetime_from_rfc3339(text: str) -> datetime.datetime:
    """An RFC 3339 date-time. Its "T" and "Z" may be in lower case (RFC 3339, section 5.6),
    which datetime.fromisoformat refuses; an error names the text as it came."""
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError as error:
        try:
            return datetime.datetime.fromisoformat(text.upper())
        except ValueError:
            raise error from None


def datetime_to_rfc3339(value: datetime.datetime) -> str:
    """A date-time as the API writes it, UTC as "Z" where isoformat writes "+00:00", so that a
    model's to_dict() gives back the JSON it was read from."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def model_repr(model: Any) -> str:
    """A model as attrs shows it (a secret field masked), less `additional_properties` while
    it is empty: every model has it, and `additional_properties={}` at the end of each one
    printed, nested ones too, told nothing."""
    import attrs  # loaded already: every model is an attrs class

    shown = []
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if not field.repr or (field.name == "additional_properties" and not value):
            continue
        text = field.repr(value) if callable(field.repr) else repr(value)
        shown.append(f"{field.name}={text}")
    return f"{type(model).__name__}({', '.join(shown)})"


if TYPE_CHECKING:
    from ._files import File, FileContent, FileTypes, RequestFiles, Response
else:

    def __getattr__(name: str) -> Any:
        """File and Response, and the file types, imported on first use.

        File and Response are attrs classes, and attrs costs more to import than
        the rest of the SDK together; the file types are typing unions, slow to
        build. `import projekt` needs none of them, only the first call does.
        """
        if name in ("File", "FileContent", "FileTypes", "RequestFiles", "Response"):
            from . import _files

            return getattr(_files, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "NOT_GIVEN",
    "UNSET",
    "File",
    "FileContent",
    "FileTypes",
    "NotGiven",
    "RequestFiles",
    "Response",
    "Unset",
    "datetime_from_rfc3339",
    "datetime_to_rfc3339",
    "model_repr",
]
