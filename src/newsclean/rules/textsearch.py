"""Searching page text with a time bound: a pattern that runs too long counts as no match."""

from __future__ import annotations

import regex

from newsclean.lazyre import KEEP_GIL

_OPENERS = "„“«‹‚「『\""
_CLOSERS = "”»›’」』\""


def find(pattern: regex.Pattern[str], text: str, timeout: float) -> regex.Match[str] | None:
    """``pattern.search(text)`` bounded by ``timeout`` seconds (``None`` when it runs out)."""
    try:
        return pattern.search(text, 0, None, KEEP_GIL, False, timeout)  # (see clock.TIMEOUT_ARGS)
    except TimeoutError:
        return None


def search(pattern: regex.Pattern[str], text: str, timeout: float) -> bool:
    """Whether ``pattern`` occurs in ``text`` (``False`` when the time bound runs out)."""
    return find(pattern, text, timeout) is not None


def inside_quotes(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a quotation (more quotes opened than closed before it).

    A paragraph that *quotes* a cookie banner or a sign-up prompt is reporting on it.
    """
    before = text[:position]
    straight = before.count('"')
    opened = sum(before.count(c) for c in _OPENERS if c != '"')
    closed = sum(before.count(c) for c in _CLOSERS if c not in ('"', "’"))
    return straight % 2 == 1 or opened > closed
