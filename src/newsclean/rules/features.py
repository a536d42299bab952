"""Block features a person would use to tell prose from page furniture. Pure functions of text."""

from __future__ import annotations

import regex

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_SENTENCE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]）」』]*\s*$")
_WORD = regex.compile(r"\w+")
_CLAUSE_END = regex.compile(r"[,、，；][\"'”’»)\]）」』]*\s*$")
_LIST_MARKER = regex.compile(r"^\s*(?:[-–—•·*▪►✓]|\d{1,2}[.)])\s+\S")
_STARTS_LIKE_TITLE = regex.compile(r"^[\p{Lu}\p{Lt}\p{N}\"'“‘«„(\[\p{Lo}]")
# (?<!\s) keeps the scan linear on long runs of spaces (see MENU_SEPARATORS)
_LIST_SEPARATORS = regex.compile(r"(?<!\s)\s*[,;•·|、，；]\s*")


def cjk_chars(text: str) -> int:
    """How many Chinese/Japanese/Korean characters ``text`` has."""
    return len(_CJK.findall(text))


def word_count(text: str) -> int:
    """Words, counting two CJK characters as one word (CJK text has no spaces)."""
    cjk = cjk_chars(text) if not text.isascii() else 0
    if cjk:
        return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """Ends like a sentence (Latin or full-width punctuation, closing quotes allowed)."""
    return _SENTENCE_END.search(text[-8:]) is not None


def ends_clause(text: str) -> bool:
    """Ends like a sentence or a clause (``,`` ``;`` ``、`` too): a list item or a short line of text."""
    return ends_sentence(text) or _CLAUSE_END.search(text[-8:]) is not None


def is_list_item(text: str) -> bool:
    """Starts with a bullet, dash or item number ("- ", "• ", "1. ", "2)")."""
    return _LIST_MARKER.match(text) is not None


def is_prose(text: str) -> bool:
    """A line of running text: long enough and shaped like sentences."""
    words = word_count(text)
    if words >= 25:
        return True
    return words >= 8 and ends_sentence(text)


def is_headline_shaped(text: str) -> bool:
    """Shaped like a headline or a link title: a handful of words, no closing full stop."""
    words = word_count(text)
    if not 3 <= words <= 25 or len(text) > 220:
        return False
    stripped = text.rstrip("\"'”’»")
    if stripped.endswith((".", "。", ":", "：", ",", ";")) and not stripped.endswith("..."):
        return False
    return _STARTS_LIKE_TITLE.match(text) is not None


def split_list(text: str) -> list[str]:
    """Items of a comma/bullet separated line, trimmed, empties dropped."""
    return [item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip()]


_KEY_DROP = regex.compile(r"[\W_]+")


def line_key(text: str) -> str:
    """The form lines are compared in when looking for repetition: words only, case-folded."""
    return _KEY_DROP.sub(" ", text).strip().casefold()
