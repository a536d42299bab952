"""Double-encoded UTF-8 ("mojibake"): part of reading the page, run by :mod:`newsclean.decode`.

UTF-8 read as windows-1252 or Latin-1 and written out again as UTF-8: "é" (C3 A9) becomes
"Ã©", "’" (E2 80 99) becomes "â€™" (or "â\\x80\\x99" when read as Latin-1), a no-break space
(C2 A0) becomes "Â" + no-break space. Each character becomes a *unit*: a lead character
U+00C2–U+00F4 (the lead byte) followed by one, two or three continuation characters (the bytes
0x80–0xBF as windows-1252 or Latin-1 shows them). The repair follows ftfy's reasoning: look only
where the telltale shows, re-encode just the units and read them as UTF-8, keep a unit's repair
only when its bytes decode, and keep a pass only when the text ends up with fewer telltales.
Unit by unit, not the whole page, because pages mix: a correct template around a double-encoded
story, or the reverse.
"""

from __future__ import annotations

import functools
import re

from newsclean.lazyre import lazy

__all__ = ["MOJIBAKE_PASSES", "REPAIRED", "TELLTALE_PROBES", "repair_mojibake", "repaired"]

#: windows-1252's characters for the bytes 0x80–0x9F, mapped back to the Latin-1 character of
#: the same byte, so that ``.encode("latin-1")`` gives the bytes either reading came from.
_CP1252_TO_LATIN1 = {
    ord(char): byte for byte in range(0x80, 0xA0) if (char := bytes((byte,)).decode("cp1252", "ignore"))
}
_CONTINUATION = "\x80-\xbf" + "".join(chr(code) for code in sorted(_CP1252_TO_LATIN1))
#: A run of units. The lead ranges and the continuation set do not overlap, so a run splits into
#: units one way only.
_MOJIBAKE_RUN = lazy(
    f"(?:[\xc2-\xdf][{_CONTINUATION}]|[\xe0-\xef][{_CONTINUATION}]{{2}}|[\xf0-\xf4][{_CONTINUATION}]{{3}})+"
)
#: The telltale in the text's UTF-8 bytes: a lead character (C3 82–C3 B4) followed by a
#: continuation character (C2 80–C2 BF, or one of windows-1252's characters for 0x80–0x9F).
#: Every page pays a memchr for C3 and a match at each of its first C3 bytes (see
#: :func:`_shows_telltale`).
_TELLTALE_SOURCE = (
    rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92"
    rb"|\xcb[\x86\x9c]|\xe2\x80[\x93\x94\x98-\x9a\x9c-\x9e\xa0-\xa2\xa6\xb0\xb9\xba]"
    rb"|\xe2\x82\xac|\xe2\x84\xa2)"
)


@functools.cache
def _telltale() -> re.Pattern[bytes]:
    # (the standard library's engine on bytes: a literal first byte, then a bounded match)
    return re.compile(_TELLTALE_SOURCE)


#: Passes over the text: text encoded twice over (three times in all) needs two.
MOJIBAKE_PASSES = 3


#: C3 bytes tried one by one (a memchr to each, then a match there) before one regex search of
#: the rest: most pages hold none or a few (English), some thousands (French, German).
TELLTALE_PROBES = 16


def _shows_telltale(data: bytes) -> bool:
    """Whether the UTF-8 bytes ``data`` hold the telltale of double-encoded UTF-8.

    The regex engine scans for its first byte one byte at a time, ~3 instructions a byte; a
    memchr (``bytes.find``) is many times faster, so the C3 bytes are visited with it first.
    """
    telltale = _telltale()
    position = data.find(b"\xc3")
    for _ in range(TELLTALE_PROBES):
        if position < 0:
            return False
        if telltale.match(data, position):
            return True
        position = data.find(b"\xc3", position + 1)
    return position >= 0 and telltale.search(data, position) is not None


def _units(run: str) -> list[str]:
    """Split a run matched by ``_MOJIBAKE_RUN`` into its units."""
    units = []
    i = 0
    while i < len(run):
        size = 2 if run[i] <= "\xdf" else 3 if run[i] <= "\xef" else 4
        units.append(run[i : i + size])
        i += size
    return units


def _unit_text(unit: str) -> str | None:
    """The character ``unit`` stands for, or ``None`` when its bytes are not UTF-8."""
    try:
        return unit.translate(_CP1252_TO_LATIN1).encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None


#: Continuation characters that also follow a word in Latin-1 text (spaces, quotes, dashes,
#: degree and ordinal signs, footnote marks): a letter à–ô followed by two of them is left alone
#: unless it sits in a run of units.
_AFTER_A_WORD = frozenset(
    "\xa0\xab\xbb\u2026\u2018\u2019\u201c\u201d\u2013\u2014\xb0\xb7\xb4\xa8"
    "\xa1\xbf\xa7\xaa\xba\xb9\xb2\xb3\xa9\xae\u2122\u2022\u2020\u2021"
)


def _sure(unit: str, run_units: int, touches_letter: bool) -> bool | None:
    """Whether a unit is mojibake for sure (True), or only on a page that has sure ones (None),
    or is left alone (False).

    A unit in a run of units ("Ð¿Ñ€") and a three- or four-byte unit ("â€™", "ðŸ˜€") have no
    reading in real text, unless the latter is a letter followed by two marks that follow words
    ("é" + no-break space + "»"): that one is left alone. Neither have "Â" + a symbol ("Â©",
    "Â°", "Â" + no-break space) and "Ã" + no-break space ("à"), nor "Ã" + a continuation within
    a word ("cafÃ©"). The other two-character units are repaired only on a page that has sure
    ones: "Ã¤" set apart (in quotes, as a page about mojibake writes it) and units with the
    leads Ä–ß, which can be a real capital before a symbol ("‘ß’", "SCHÖN«") as well as a
    one-letter word of a double-encoded page (Russian "Ð²" for "в").
    """
    if run_units > 1:
        return True
    if len(unit) > 2:
        # a letter à–ô and marks that follow a word: French "aggravé" + no-break space + "»"
        # reads as one unit (E9 A0 BB, "頻")
        return not all(char in _AFTER_A_WORD for char in unit[1:])
    if unit[0] == "\xc2" or unit == "\xc3\xa0":
        return True
    return True if unit[0] == "\xc3" and touches_letter else None


def _repair_pass(text: str) -> tuple[str, int]:
    """One pass of the repair: the text and the number of units repaired."""
    sure: list[tuple[int, int, str]] = []
    maybe: list[tuple[int, int, str]] = []
    for match in _MOJIBAKE_RUN.finditer(text):
        start, end = match.span()
        units = _units(match.group())
        touches = (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())
        position = start
        for unit in units:
            fixed = _unit_text(unit)
            verdict = _sure(unit, len(units), touches)
            if fixed is not None and verdict is not False:
                (sure if verdict else maybe).append((position, position + len(unit), fixed))
            position += len(unit)
    if not sure:
        return text, 0
    edits = sorted(sure + maybe)
    parts = []
    last = 0
    for start, end, fixed in edits:
        parts.append(text[last:start])
        parts.append(fixed)
        last = end
    parts.append(text[last:])
    return "".join(parts), len(edits)


def _telltale_chars(text: str) -> int:
    return sum(len(run) for run in _MOJIBAKE_RUN.findall(text))


def repair_mojibake(text: str, utf8: bytes | None = None) -> tuple[str, int]:
    """Repair UTF-8 that was decoded as windows-1252 or Latin-1 and encoded again.

    ``utf8`` is ``text`` as UTF-8 when the caller has it. Returns the text and the number of
    characters repaired; text without the telltale comes back unchanged after one byte search.
    """
    if utf8 is None:
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: left to sanitize_text
            return text, 0
    if not _shows_telltale(utf8):
        return text, 0
    total = 0
    for _ in range(MOJIBAKE_PASSES):
        repaired, count = _repair_pass(text)
        # ftfy's test: keep the repair only when the text has fewer telltales after it
        if not count or _telltale_chars(repaired) >= _telltale_chars(text):
            break
        text = repaired
        total += count
    return text, total


#: The warning :func:`repaired` gives. A repair can bring in combining marks the bytes did not
#: have (a Hebrew point, a variation selector), so :mod:`newsclean.decode` looks for it before
#: it trusts the bytes' proof that there is none.
REPAIRED = lazy(r"text: repaired \d+ characters of UTF-8 that had been encoded twice")


def repaired(text: str, utf8: bytes | None, warnings: list[str]) -> tuple[str, tuple[str, ...]]:
    """The last step of :func:`newsclean.decode.sanitize_text`: :func:`repair_mojibake` after the
    other fixes, so that what it joins is what the text ends as (a control character between two of a
    unit's characters is gone first); then the byte order marks at the front go, whether the text
    began with them, a control character before one went, or the repair brought one: sanitised
    text is final in one go, and its UTF-8 bytes decode back to it. Returns the text and
    ``warnings`` with the repair's."""
    text, count = repair_mojibake(text, utf8)
    if not count:
        return text.lstrip("\ufeff"), tuple(warnings)
    warning = f"text: repaired {count} characters of UTF-8 that had been encoded twice (mojibake)"
    return text.lstrip("\ufeff"), (*warnings, warning)
