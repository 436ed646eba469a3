# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
"""Decoding a 2xx body fast when the speed extra is installed (`pip install projekt[speed]`).

The speed extra is msgspec. With it, `decode()` reads a body straight into the
Struct twin of its model (_structs.py), which checks every field's type in C,
and builds the attrs model from that. Without it, or for any body the twin
refuses (an unknown field, a wrong type, malformed JSON), `decode()` returns
None and the generated parser takes its ordinary path, which reaches the same
value or raises the same error. So a body parses the same either way.
"""

from __future__ import annotations

from typing import Any

_twins: dict[type, Any] | None = None
_decoders: dict[tuple[type, bool], Any] = {}
_missing = False


def speed_extra() -> str | None:
    """The speed extra's library when it is installed ("msgspec"), else None."""
    return "msgspec" if _load() is not None else None


def _load() -> dict[type, Any] | None:
    # On first use, not at import: msgspec's own import costs more than ours.
    global _twins, _missing
    if _twins is None and not _missing:
        try:
            from ._structs import TWINS
        except ImportError:
            _missing = True
        else:
            _twins = TWINS
    return _twins


def decode(content: bytes, model: type, *, many: bool = False) -> Any:
    """The model (or list of models) in `content`, or None to take the ordinary path."""
    twins = _twins if _twins is not None else _load()
    if twins is None or model not in twins:
        return None
    struct, build, build_many = twins[model]
    decoder = _decoders.get((model, many))
    if decoder is None:
        import msgspec

        decoder = _decoders[model, many] = msgspec.json.Decoder(
            list[struct] if many else struct
        )
    try:
        decoded = decoder.decode(content)
        return build_many(decoded) if many else build(decoded)
    except Exception:  # noqa: BLE001  # refused here: the ordinary path decides
        return None
