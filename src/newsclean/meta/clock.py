"""The time of day and its zone in a date expression, and the regex plumbing every date
pattern shares (its time budget, its flags, literal alternations).

The first time of day is found (``23:03``, ``2:20 PM``, ``14h20``, ``14時20分``) with the zone
written right after it (``+0300``, ``GMT+3``, ``UTC-5``, ``(CEST)``, ``EDT``). ``GMT`` or
``UTC`` followed by a sign is an offset with that sign (``GMT+3`` is ``+03:00``, the sign is
never flipped as in POSIX ``TZ`` strings); followed by bare digits it is the zone and the digits
belong to the date, so ``23:03 GMT08 July 2020`` is 8 July 2020, 23:03 UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, lazy
from newsclean.meta.zones import ZONE_NAMES, zone_offset

#: Seconds one pattern may spend on one string before we give up on it.
TIMEOUT = 0.05

FLAGS = regex.IGNORECASE | regex.VERSION0

#: How the date, byline and phrase searches hand ``regex`` their time budget: positionally,
#: ``pattern.search(text, pos, endpos, concurrent, partial, timeout)``, ``concurrent`` being
#: ``lazyre.KEEP_GIL`` (``match`` takes the
#: same). The keyword form costs the module about 3,000 instructions a call in parsing its
#: keywords (it builds its keyword names as strings on each call), more than most of these
#: searches themselves; the positional one about 700. ``tests/test_lazyre.py`` checks that the
#: sixth argument is the time budget.
TIMEOUT_ARGS = ("pos", "endpos", "concurrent", "partial", "timeout")

#: Widest offset from UTC a zone has (UTC+14, Kiribati); a larger one is no zone.
MAX_OFFSET_MINUTES = 14 * 60


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest form wins.

    Words of one length in code-point order: a set's order changes with the process's hash seed,
    and the source must not (the compiled-pattern cache, :mod:`newsclean.patterncache`, is keyed
    by it). Words of one length that both match at one place match the same text, so their order
    changes no match."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=_longest_first))


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word


def search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    """``pattern.search`` within :data:`TIMEOUT`; a timeout is no match."""
    try:
        return pattern.search(text, pos, None, KEEP_GIL, False, TIMEOUT)  # (see TIMEOUT_ARGS)
    except TimeoutError:
        return None


def offset(minutes: int) -> timezone | None:
    """The zone ``minutes`` east of UTC, or ``None`` when no zone is that far."""
    if abs(minutes) > MAX_OFFSET_MINUTES:
        return None
    return timezone.utc if minutes == 0 else timezone(timedelta(minutes=minutes))


_TIME = compile_pattern(
    r"""(?<![\d:.,])
        (?:(?P<pre>下午|午後|오후|上午|午前|오전)\s*)?
        (?P<h>[01]?\d|2[0-4])
        (?:
            \s*[:：]\s*(?P<mi>[0-5]\d)(?:[:：](?P<s>[0-5]\d)(?:[.,]\d{1,9})?)?
          | \s?h\s?(?P<mi2>[0-5]\d)
          | \s*[時时시]\s*(?:(?P<mi3>[0-5]?\d)\s*[分분])?
          | (?=\s*[ap]\.?\s?m\.?(?!\p{L}))
        )
        (?!\d)
        (?:\s*(?P<ampm>[ap])\.?\s?m\.?(?!\p{L}))?
    """,
    FLAGS | regex.VERBOSE,
)
_ZONE = lazy(
    rf"""(?<!\s)\s*(?:\(\s*)?
        (?:
            (?P<zgmt>GMT|UTC|UT)\s*(?P<gsign>[+\-−])\s*(?P<gh>\d{{1,2}})(?::?(?P<gm>\d{{2}}))?(?!\d)
          | (?P<sign>[+\-−])(?P<oh>\d{{2}})(?::?(?P<om>\d{{2}}))?(?!\d)
          | (?-i:(?P<abbr>{alternation(ZONE_NAMES)}|Z))(?![A-Za-z])
        )
        \s*\)?""",
    FLAGS | regex.VERBOSE,
)


def read_time(text: str) -> tuple[time, tuple[int, int], regex.Match[str] | None] | None:
    """The first time of day in ``text``, its span (zone included) and the zone match."""
    m = search(_TIME, text)
    while m is not None:
        hour = int(m["h"])
        minute = int(m["mi"] or m["mi2"] or m["mi3"] or 0)
        second = int(m["s"] or 0)
        ampm = (m["ampm"] or "").lower()
        if m["pre"] in ("下午", "午後", "오후"):
            ampm = "p"
        elif m["pre"] in ("上午", "午前", "오전"):
            ampm = "a"
        if ampm and not 1 <= hour <= 12:
            m = search(_TIME, text, m.start() + 1)
            continue
        if ampm == "p" and hour != 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour == 24 and minute == 0:
            hour = 0  # "24:00" is written for midnight; the day is already the page's own
        if hour > 23:
            m = search(_TIME, text, m.start() + 1)
            continue
        end = m.end()
        zone = _ZONE.match(text, end, None, KEEP_GIL, False, TIMEOUT)  # (see TIMEOUT_ARGS)
        return time(hour, minute, second), (m.start(), zone.end() if zone else end), zone
    return None


def _zone_minutes(zone: regex.Match[str], day: date) -> int | None:
    if zone["gsign"]:
        minutes = int(zone["gh"]) * 60 + int(zone["gm"] or 0)
        return -minutes if zone["gsign"] in "-−" else minutes
    if zone["sign"]:
        minutes = int(zone["oh"]) * 60 + int(zone["om"] or 0)
        return -minutes if zone["sign"] in "-−" else minutes
    return zone_offset(str(zone["abbr"]), day)


def combine(day: date, clock: time, zone: regex.Match[str] | None) -> datetime:
    """Day and time, aware when the zone is known, else naive (never shifted)."""
    value = datetime.combine(day, clock)
    minutes = None if zone is None else _zone_minutes(zone, day)
    tz = None if minutes is None else offset(minutes)
    return value if tz is None else value.replace(tzinfo=tz)
