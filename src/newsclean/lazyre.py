"""Module-level regular expressions compiled on first use, not at import.

Compiling a pattern with :mod:`regex` runs its parser in Python: the package's patterns cost
about as much as the rest of ``import newsclean``, and many of them only some pages need (text
input, rare page shapes). ``lazy(source, flags)`` stands where ``regex.compile(source, flags)``
stood; the pattern is compiled the first time any of its attributes is read, after which its
methods sit on the object itself (no extra call per search).

Both compile through :func:`compile_pattern` (:mod:`newsclean.patterncache`), which rebuilds a
pattern from the compiled data a previous process left in the user's cache folder when it can.
"""

from __future__ import annotations

import os
import threading
from typing import Any, cast

import regex

from newsclean.patterncache import compile_pattern

__all__ = ["KEEP_GIL", "LazyPattern", "compile_pattern", "compiled", "end_char", "lazy"]

_LOCK = threading.Lock()

#: ``concurrent`` as the per-line searches pass it, positionally (``pattern.search(text, pos,
#: endpos, concurrent, …)``, ``findall(text, pos, endpos, overlapped, concurrent)``,
#: ``sub(repl, text, count, pos, endpos, concurrent)``, ``split(text, maxsplit,
#: concurrent)``): by default ``regex`` lets go of the GIL around every match on a ``str`` and
#: takes it back after, about 1,500 instructions a call (mutexes and a condition signal) on top
#: of a short line's match of a few thousand; a page makes thousands of such calls (8 % of a
#: text page's instructions). ``False`` keeps it, as the standard ``re`` always does: the
#: matches are short (and the date, byline and phrase searches bounded in time), so another
#: thread waits no longer than for any other call. The results are the same either way.
KEEP_GIL = False


def _new_lock() -> None:
    # a process forked while another thread compiled would inherit the lock held forever
    global _LOCK
    _LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_lock)

#: the attributes copied from the compiled pattern onto the stand-in once it is compiled
_ATTRIBUTES = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
    "splititer", "scanner", "flags", "groups", "groupindex",
)  # fmt: skip


class LazyPattern:
    """A compiled pattern's stand-in until its first use (see :func:`lazy`)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        #: the source, as a compiled pattern has it (read without compiling: patterns built
        #: from other patterns' sources)
        self.pattern = source
        self._compiled: regex.Pattern[str] | None = None

    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiled now when it was not yet)."""
        if self._compiled is None:
            # one thread compiles; others arriving meanwhile wait and take its result
            with _LOCK:
                if self._compiled is None:
                    compiled = compile_pattern(self._source, self._flags)
                    for name in _ATTRIBUTES:
                        setattr(self, name, getattr(compiled, name))
                    self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # (only reached for an attribute the object lacks: before compiling, or a rare one)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self._source, self._flags))

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, deferred to the pattern's first use.

    Typed as the pattern it stands for: it answers every method and attribute a pattern has.
    """
    return cast("regex.Pattern[str]", LazyPattern(source, flags))


def compiled(pattern: Any) -> Any:
    """``pattern`` itself, or the compiled pattern a :class:`LazyPattern` stands for (for code
    that enumerates a module's patterns, like the backtracking tests)."""
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


def end_char(text: str) -> str:
    """The character a pattern's final ``$`` stands after: the last one, or the one before a final
    newline (``$`` matches at both places); ``""`` when there is none. A one-character class
    anchored at ``$`` (``[.!?]$``) is a test of this character, where ``search`` tries every
    position of the line."""
    last = text[-1:]
    return text[-2:-1] if last == "\n" else last
