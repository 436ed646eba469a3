"""`-o yaml`: YAML that reads back as the values written, whichever YAML its reader reads.

PyYAML, which writes it, reads YAML 1.1; ruamel.yaml, yq and js-yaml read YAML 1.2. Where
the two read a bare scalar differently, and where PyYAML's own style would not read back,
the string is quoted. The program's own PyYAML is left as it was: the changes live on a
dumper class of this module's.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["yaml_of"]


def yaml_of(value: Any, ascii_only: bool) -> str:
    import yaml  # only -o yaml pays for it

    dumped = yaml.dump(value, Dumper=_dumper(), sort_keys=False, allow_unicode=not ascii_only)
    return str(dumped)


# What YAML 1.2 (ruamel.yaml, yq, js-yaml) reads as a number and PyYAML's YAML 1.1 as text
# (`1e3`, `.5E-3`, `0o17`): PyYAML left such a string bare, and those readers got a number.
_YAML_1_2_NUMBERS = {
    "tag:yaml.org,2002:float": r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$",
    "tag:yaml.org,2002:int": r"^0o[0-7]+$",
}


@functools.cache
def _dumper() -> Any:
    """PyYAML's safe dumper, but that a string holding NEL (U+0085) is double-quoted, where NEL
    is written `\\N`. PyYAML single-quotes it with NEL as it is, which YAML reads as a line
    break, and so as a space: the value read back was not the value written. And a string
    that YAML 1.2 reads as a number is quoted too."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def represent_str(self, data: str) -> Any:
            style = '"' if "\x85" in data else None
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, Dumper.represent_str)
    for tag, pattern in _YAML_1_2_NUMBERS.items():  # on Dumper's own copy, not SafeDumper's
        Dumper.add_implicit_resolver(tag, re.compile(pattern), list("-+.0123456789"))
    return Dumper
