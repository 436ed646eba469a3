"""What a process forked from one that used a client must not share with its parent.

gunicorn's `--preload`, Celery's prefork pool and multiprocessing fork processes from
one that has already made calls. The child inherits the parent's connections (were both
to send on one, each could read the other's answer), its locks (one held by a thread
that the child does not have is never released there), and its requests in flight (they
never settle in the child). Each object that holds such state is registered here, and
its `after_fork()` runs in every child, right after the fork, before any other thread of
the child runs: `os.register_at_fork`, the standard library's own way.

Nothing is registered with the interpreter until the first such object is made.
"""

from __future__ import annotations

import os
import weakref
from typing import Protocol

__all__ = ["StartsAfresh", "start_afresh_in_children"]


class StartsAfresh(Protocol):
    def after_fork(self) -> None:
        """Replaces, in the child, what it must not share with its parent."""


# By id: a dataclass that compares by value is not hashable, and a weak value dictionary
# forgets an object as it is collected, as a weak set would.
_HOLDERS: weakref.WeakValueDictionary[int, StartsAfresh] = weakref.WeakValueDictionary()
_HOOK: dict[str, object] = {}


def start_afresh_in_children(holder: StartsAfresh) -> None:
    """Calls `holder.after_fork()` in each process forked from this one while it lives."""
    _HOLDERS[id(holder)] = holder
    mine = object()
    # setdefault is atomic: of threads making their first clients at once, one registers.
    if _HOOK.setdefault("registered", mine) is mine and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)


def _after_fork_in_child() -> None:
    for holder in list(_HOLDERS.values()):
        holder.after_fork()
