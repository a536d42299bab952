"""Whether a page's UTF-8 bytes can hold a combining mark, answered at C speed.

:func:`newsclean.api.composed` composes a letter and the marks typed after it (``u`` + U+0308)
and changes nothing in a text without a character of Unicode category M; testing for one with
``unicodedata.is_normalized`` or a regex reads every character (~0.35 ms a page). On the bytes a
page was decoded from, most of that is one ``memchr`` per lead byte a mark can begin with
(issue #15). ``decode`` asks only about the bytes a text was strictly decoded from; sanitising
that text afterwards only drops characters or puts ``\\n`` for them, so the answer still holds.
"""

from __future__ import annotations

__all__ = ["UNMARKED_MAX_LEADS", "unmarked"]

# The first two bytes of the UTF-8 form of every character of Unicode category M (combining
# marks) as the `regex` module knows them: lead byte -> the second bytes that follow it in a
# mark, or () when so many do that the lead byte alone is the test. Written out by
# tests/test_decode.py and checked there against `regex`'s \p{M}, code point by code
# point; a mark outside it would make `unmarked` unsound, so the test is what keeps it true.
_MARK_LEADS_ANY = (0xCC, 0xCD, 0xD6, 0xD8, 0xD9, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xE0, 0xE1, 0xEA)
_MARK_LEADS_PAIRED: dict[int, frozenset[int]] = {
    0xD2: frozenset(range(0x83, 0x8A)),
    0xD7: frozenset((0x81, 0x82, 0x84, 0x85, 0x87, 0x88, 0x89)),
    0xE2: frozenset((0x83, 0xB3, 0xB5, 0xB7)),
    0xE3: frozenset((0x80, 0x82)),
    0xEF: frozenset((0xAC, 0xB8)),
    0xF0: frozenset((0x90, 0x91, 0x93, 0x96, 0x9B, 0x9C, 0x9D, 0x9E)),
    0xF3: frozenset((0xA0,)),
}
#: Occurrences of a paired lead byte looked at one by one before `unmarked` gives up and says
#: "maybe" (the caller then tests the text itself): bounds the Python loop on a page of, say,
#: many thousand curly quotes (U+2019, lead byte E2). Not a text decision: either answer keeps
#: the output the same.
UNMARKED_MAX_LEADS = 256


def unmarked(data: bytes) -> bool:
    """Whether the UTF-8 bytes ``data`` provably encode no combining mark (category M).

    Each lead byte is one ``in`` (a ``memchr``, many bytes per instruction); a lead byte that
    begins marks and other characters alike (E2: curly quotes, dashes) is looked at where it
    occurs. ``False`` means "maybe"; on scrapinghub 147 of 181 pages answer ``True``, at about a
    sixth of the cost of ``unicodedata.is_normalized`` over the decoded text (issue #15)."""
    if any(lead in data for lead in _MARK_LEADS_ANY):
        return False
    seen = 0
    for lead, seconds in _MARK_LEADS_PAIRED.items():
        at = data.find(lead)
        while at >= 0:
            seen += 1
            if seen > UNMARKED_MAX_LEADS or at + 1 == len(data) or data[at + 1] in seconds:
                return False
            at = data.find(lead, at + 1)
    return True
