# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import json
from collections.abc import Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


_known_fields = itemgetter("code", "message", "request_id", "details")

T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """What went wrong."""

    code: str
    """ A stable, machine-readable code: `bad_request`, `org_required`,
    `unauthorized`, `forbidden`, `org_forbidden`, `not_found`, `conflict`,
    `validation_failed`, `rate_limited`, `internal_error`, `invalid_idempotency_key`,
    `idempotency_key_in_use` or `idempotency_key_reused`. New codes may be added.
     """
    message: str
    """ A human-readable explanation. """
    request_id: str
    """ A request id, as sent in `X-Request-Id`. """
    details: list[ErrorDetail] | None = None
    """ The invalid fields, when the error is about the request's content. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        request_id = self.request_id

        _details = UNSET if self.details is None else self.details
        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_details, Unset):
            details = []
            for details_item_data in _details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "request_id": request_id,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_detail import ErrorDetail

        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(f"ErrorBody: expected dict, got {type(src_dict).__name__}")
        if len(src_dict) == 4:
            try:
                _1, _2, _3, _4 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is list)
                ):
                    error_body = object.__new__(cls)
                    error_body.code = _1
                    error_body.message = _2
                    error_body.request_id = _3
                    error_body.details = [ErrorDetail.from_dict(_4) for _4 in _4]
                    error_body.additional_properties = {}
                    error_body._request_id = None
                    return error_body
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        request_id = d.pop("request_id")

        _details = d.pop("details", UNSET)
        details: list[ErrorDetail] | Unset = UNSET
        if _details is not UNSET:
            if not isinstance(_details, list):
                raise TypeError(
                    f"ErrorBody.details: expected list, got {type(_details).__name__}"
                )
            details = []
            for details_item_data in _details:
                details_item = ErrorDetail.from_dict(details_item_data)

                details.append(details_item)

        if not isinstance(code, str):
            raise TypeError(f"ErrorBody.code: expected str, got {type(code).__name__}")
        if not isinstance(message, str):
            raise TypeError(
                f"ErrorBody.message: expected str, got {type(message).__name__}"
            )
        if not isinstance(request_id, str):
            raise TypeError(
                f"ErrorBody.request_id: expected str, got {type(request_id).__name__}"
            )
        if not isinstance(details, list) and not isinstance(details, Unset):
            raise TypeError(
                f"ErrorBody.details: expected list, got {type(details).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        error_body = object.__new__(cls)
        error_body.code = code
        error_body.message = message
        error_body.request_id = request_id
        error_body.details = None if isinstance(details, Unset) else details

        error_body.additional_properties = d
        error_body._request_id = None
        return error_body

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
