"""Searching page text with a time bound: a pattern that runs too long counts as no match."""

from __future__ import annotations

import regex


def search(pattern: regex.Pattern[str], text: str, timeout: float) -> bool:
    """``pattern.search(text)`` bounded by ``timeout`` seconds (``False`` when it runs out)."""
    try:
        return pattern.search(text, timeout=timeout) is not None
    except TimeoutError:
        return False
