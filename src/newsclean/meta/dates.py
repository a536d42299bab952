"""Reading one date expression, in any supported language and format, into a typed value.

The value keeps exactly what the page said and nothing more:

* an **aware** ``datetime`` when the text gave a time and a zone (``+03:00``, ``GMT+3``, ``CEST``);
* a **naive** ``datetime`` when it gave a time but no zone: the time is kept as written and never
  shifted to UTC or to the reader's zone;
* a ``date`` when it gave only a day: no midnight is invented.

How a string is read (:func:`scan`):

1. ISO 8601 (``2020-07-08``, ``2020-07-08T23:03:00.000+03:00``, ``20200708``) is tried whole first.
2. Otherwise the first time of day is found (``23:03``, ``2:20 PM``, ``14h20``, ``14時20分``) with
   the zone written right after it (``+0300``, ``GMT+3``, ``UTC-5``, ``(CEST)``, ``EDT``). ``GMT``
   or ``UTC`` followed by a sign is an offset with that sign (``GMT+3`` is ``+03:00``, the sign
   is never flipped as in POSIX ``TZ`` strings); followed by bare digits it is the zone and the
   digits belong to the date, so ``23:03 GMT08 July 2020`` is 8 July 2020, 23:03 UTC.
3. The time and zone are cut out and the day is read from what is left, trying in order:
   ``2020年7月8日`` / ``2020년 7월 8일``; numeric year first (``2020-07-08``, ``2020/7/8``,
   ``2020.07.08``); month names in day-month-year, month-day-year or year-month-day order;
   numeric day and month with the year last.
4. Numeric ``a/b/yyyy`` with both ``a`` and ``b`` at most 12 is ambiguous. It is resolved by
   ``dayfirst`` when the caller knows the page's convention; otherwise ``/`` is read
   month-first (the US habit, which is where slashed dates with the year last mostly come
   from) and ``.`` or ``-`` day-first (the European habit: ``08.07.2020`` is 8 July).
   When one number is above 12 the order is clear whatever the separator.
5. Two-digit years (``08.07.20``) are read as 20xx when that is not in the future, else 19xx.

Relative dates ("2 hours ago", "vor 3 Tagen", "вчера", "昨天") are read only when the caller
passes ``now``; without it nothing relative is guessed. Every value is checked: years before
1990 and anything later than ``now`` plus one day (``now`` defaults to the real clock for this
check) are rejected.

Patterns meet page text, so every match runs with a ``regex`` timeout; a timeout counts as "no
date", never as an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal, TypeAlias

import regex

from newsclean.meta.datewords import (
    FILLER_WORDS,
    LABEL_GLUE,
    MODIFIED_LABELS,
    PUBLISHED_LABELS,
    RELATIVE_AFTER,
    RELATIVE_BEFORE,
    RELATIVE_DAYS,
    RELATIVE_UNITS,
    month_table,
)
from newsclean.meta.zones import ZONE_NAMES, zone_offset

DateValue: TypeAlias = "datetime | date"

#: Seconds one pattern may spend on one string before we give up on it.
TIMEOUT = 0.05
#: Longest text :func:`parse_date` looks at; a single date expression is far shorter.
MAX_DATE_CHARS = 120
#: Longest line :func:`parse_dateline` considers a dateline.
MAX_DATELINE_CHARS = 160
#: Earliest plausible year of a web page's date.
MIN_YEAR = 1990

_FLAGS = regex.IGNORECASE | regex.VERSION0

_MONTHS = month_table()


def _alternation(words: object) -> str:
    """A regex alternation of literal words, longest first so the longest form wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))  # type: ignore[call-overload]


_MONTH = rf"(?P<mon>{_alternation(_MONTHS)})\.?(?!\p{{L}})"
_MONTH_START = r"(?<!\p{L})"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?P<d>[0-3]?\d)"

# --- 1. ISO 8601 -------------------------------------------------------------------------
_ISO = regex.compile(
    r"""^(?P<y>\d{4})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)
        (?:[T\s]+(?P<H>[0-2]\d):?(?P<M>[0-5]\d)(?::?(?P<S>[0-5]\d)(?:[.,](?P<f>\d{1,9}))?)?
           \s*(?P<z>Z|[+\-−]\d{2}(?::?\d{2})?)?)?$""",
    _FLAGS | regex.VERBOSE,
)

# --- 2. Time of day and its zone -----------------------------------------------------------
_TIME = regex.compile(
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
    _FLAGS | regex.VERBOSE,
)
_ZONE = regex.compile(
    rf"""(?<!\s)\s*(?:\(\s*)?
        (?:
            (?P<zgmt>GMT|UTC|UT)\s*(?P<gsign>[+\-−])\s*(?P<gh>\d{{1,2}})(?::?(?P<gm>\d{{2}}))?(?!\d)
          | (?P<sign>[+\-−])(?P<oh>\d{{2}})(?::?(?P<om>\d{{2}}))?(?!\d)
          | (?-i:(?P<abbr>{_alternation(ZONE_NAMES)}|Z))(?![A-Za-z])
        )
        \s*\)?""",
    _FLAGS | regex.VERBOSE,
)

# --- 3. The day ----------------------------------------------------------------------------
_DAY_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(pattern, _FLAGS | regex.VERBOSE))
    for name, pattern in (
        (
            "cjk",
            r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*"
            r"(?P<d>[0-3]?\d)(?!\d)\s*[日일号號]?",
        ),
        (
            "ymd",
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)"
            r"(?P<d>[0-3]?\d)(?![\d])",
        ),
        (
            "dmy-name",
            rf"(?<!\d){_DAY}(?:st|nd|rd|th|er|º|°|\.)?(?!\d)"
            rf"(?:\s*(?:de|of|da|di)(?!\p{{L}}))?[\s\-/.,]*{_MONTH_START}{_MONTH}"
            rf"(?:\s*(?:de|del)(?!\p{{L}}))?[\s\-/.,']*{_YEAR}",
        ),
        (
            "mdy-name",
            rf"{_MONTH_START}{_MONTH}[\s\-/.,]*{_DAY}(?:st|nd|rd|th)?(?!\d)"
            rf"\s*,?\s*{_YEAR}",
        ),
        (
            "ymd-name",
            rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})\.?[\s\-/.,]*{_MONTH_START}{_MONTH}"
            rf"[\s\-/.,]*{_DAY}(?!\d)",
        ),
        (
            "numeric",
            r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d])(?![.\-/]\d)",
        ),
    )
)

_NAMED_PATTERNS = frozenset({"dmy-name", "mdy-name", "ymd-name"})
_MONTH_WORDS = frozenset(word.lower() for word in _MONTHS)
_LETTER_RUN = regex.compile(r"\p{L}+")

# What every day pattern above needs somewhere: a four-digit year, or two digits around a
# separator ("numeric"). Most short texts with a digit ("12 comments") have neither, and one
# search saves trying all six patterns.
_MAYBE_DAY = regex.compile(r"(?:19|20)\d\d|\d[-/.]\d", _FLAGS)

# --- Relative dates ------------------------------------------------------------------------
_REL_UNIT = rf"(?P<unit>{_alternation(RELATIVE_UNITS)})"
_REL_NUM = r"(?P<n>\d{1,3}|an?|one|einer?|un|une|uno|una|um|uma)"
_RELATIVE = regex.compile(
    rf"""(?:(?<!\p{{L}})(?:{_alternation(RELATIVE_BEFORE)})\s+{_REL_NUM}\s*{_REL_UNIT}(?!\p{{L}})
         | (?<!\p{{L}}){_REL_NUM}\s*{_REL_UNIT}\s*(?:{_alternation(RELATIVE_AFTER)})(?!\p{{L}}))""",
    _FLAGS | regex.VERBOSE,
)
_RELATIVE_DAY = regex.compile(rf"(?<!\p{{L}})(?P<word>{_alternation(RELATIVE_DAYS)})(?!\p{{L}})", _FLAGS)

_WORD = regex.compile(r"[\p{L}\p{N}ʼ']+")


@dataclass(frozen=True, slots=True)
class Scan:
    """What :func:`scan` read from a string: the value and the words it did not use."""

    value: datetime | date
    leftover: tuple[str, ...]


def _search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    try:
        return pattern.search(text, pos, timeout=TIMEOUT)
    except TimeoutError:
        return None


def _offset(minutes: int) -> timezone | None:
    if abs(minutes) > 14 * 60:
        return None
    return timezone.utc if minutes == 0 else timezone(timedelta(minutes=minutes))


def _parse_iso(text: str) -> datetime | date | None:
    m = _ISO.match(text)
    if not m:
        return None
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m["H"] is None:
            return day
        hour = int(m["H"])
        if hour > 23:
            return None
        micro = int((m["f"] or "0")[:6].ljust(6, "0"))
        value = datetime.combine(day, time(hour, int(m["M"]), int(m["S"] or 0), micro))
    except ValueError:
        return None
    zone = m["z"]
    if zone is None:
        return value
    if zone in ("Z", "z"):
        return value.replace(tzinfo=timezone.utc)
    sign = -1 if zone[0] in "-−" else 1
    digits = zone[1:].replace(":", "")
    tz = _offset(sign * (int(digits[:2]) * 60 + int(digits[2:4] or 0)))
    return value.replace(tzinfo=tz) if tz else None


def _year(text: str, now: datetime) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= now.year + 1 else 1900
    return year


def _read_day(text: str, now: datetime, dayfirst: bool | None) -> tuple[date, tuple[int, int]] | None:
    """The first day written in ``text`` and the span it takes."""
    if _search(_MAYBE_DAY, text) is None:
        return None
    # A month name is a whole word (_MONTH_START and _MONTH's (?!\p{L})): without one among
    # the text's words, the three long alternations of month names cannot match.
    named = any(word.lower() in _MONTH_WORDS for word in _LETTER_RUN.findall(text))
    for name, pattern in _DAY_PATTERNS:
        if not named and name in _NAMED_PATTERNS:
            continue
        m = _search(pattern, text)
        while m is not None:
            try:
                if name == "numeric":
                    a, b = int(m["a"]), int(m["b"])
                    first = dayfirst if dayfirst is not None else m["sep"] != "/"
                    if a > 12 or (b <= 12 and first):
                        day, month = a, b
                    else:
                        month, day = a, b
                    if m["sep"] == "-" and len(m["y"]) == 2:
                        raise ValueError("dd-dd-dd is too often an id, not a date")
                    return date(_year(m["y"], now), month, day), m.span()
                month = (
                    int(m["m"]) if "m" in m.groupdict() and m["m"] else _MONTHS[m["mon"].lower().rstrip(".")]
                )
                return date(int(m["y"]), month, int(m["d"])), m.span()
            except (ValueError, KeyError):
                m = _search(pattern, text, m.start() + 1)
    return None


def _read_time(text: str) -> tuple[time, tuple[int, int], regex.Match[str] | None] | None:
    """The first time of day in ``text``, its span (zone included) and the zone match."""
    m = _search(_TIME, text)
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
            m = _search(_TIME, text, m.start() + 1)
            continue
        if ampm == "p" and hour != 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour == 24 and minute == 0:
            hour = 0  # "24:00" is written for midnight; the day is already the page's own
        if hour > 23:
            m = _search(_TIME, text, m.start() + 1)
            continue
        end = m.end()
        zone = _ZONE.match(text, end, timeout=TIMEOUT)
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


def _combine(day: date, clock: time, zone: regex.Match[str] | None) -> datetime:
    """Day and time, aware when the zone is known, else naive (never shifted)."""
    value = datetime.combine(day, clock)
    minutes = None if zone is None else _zone_minutes(zone, day)
    tz = None if minutes is None else _offset(minutes)
    return value if tz is None else value.replace(tzinfo=tz)


# A time written with a dot after the Nordic clock word: "2.9.2020 klo 12.45", "kl. 14.20".
# Only after that word: elsewhere "12.45" is as often a number or part of a date.
_CLOCK_DOT = regex.compile(r"(?<!\p{L})(klo|kello|kl\.?)\s*([0-2]?\d)\.([0-5]\d)(?![\d.])", _FLAGS)


def _normalise(text: str) -> str:
    # Non-breaking and thin spaces, and the typographic minus, are common in dates.
    text = (
        text.replace("\u00a0", " ")
        .replace("\u202f", " ")
        .replace("\u2009", " ")
        .replace("\u2212", "-")
        .strip()
    )
    if "kl" in text.lower():
        try:
            text = _CLOCK_DOT.sub(r"\1 \2:\3", text, timeout=TIMEOUT)
        except TimeoutError:
            pass  # the time stays unread; the day still is
    return text


def _cut(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " + text[span[1] :]


def _relative(text: str, now: datetime) -> tuple[datetime | date, str] | None:
    m = _search(_RELATIVE, text)
    if m is not None:
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else 1
        minutes = RELATIVE_UNITS[m["unit"].lower()] * n
        rest = _cut(text, m.span())
        if RELATIVE_UNITS[m["unit"].lower()] >= 1440:
            return (now - timedelta(minutes=minutes)).date(), rest
        return (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0), rest
    m = _search(_RELATIVE_DAY, text)
    if m is None:
        return None
    day = now.date() - timedelta(days=RELATIVE_DAYS[m["word"].lower()])
    rest = _cut(text, m.span())
    found = _read_time(rest)
    if found is None:
        return day, rest
    clock, span, zone = found
    return _combine(day, clock, zone), _cut(rest, span)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(text) if w.lower() not in FILLER_WORDS)


def scan(text: str, *, now: datetime | None = None, dayfirst: bool | None = None) -> Scan | None:
    """Read the first date in ``text``; also return the words it left unused.

    No plausibility check is made here (see :func:`plausible`); callers decide how many
    leftover words they accept.
    """
    text = _normalise(text)
    # Every absolute date holds a year or a numeric date (what :func:`_read_day` looks for
    # first); only relative words ("yesterday", "2 hours ago") do without, and only with ``now``.
    if not text or (now is None and _search(_MAYBE_DAY, text) is None):
        return None
    iso = _parse_iso(text)
    if iso is not None:
        return Scan(iso, ())
    clock_now = now or datetime.now(timezone.utc)
    found = _read_time(text)
    rest = _cut(text, found[1]) if found else text
    day_found = _read_day(rest, clock_now, dayfirst)
    if day_found is None:
        if now is not None:
            rel = _relative(text, now)
            if rel is not None:
                return Scan(rel[0], _words(rel[1]))
        return None
    day, span = day_found
    leftover = _words(_cut(rest, span))
    if found is None:
        return Scan(day, leftover)
    clock, _, zone = found
    return Scan(_combine(day, clock, zone), leftover)


def plausible(value: datetime | date, now: datetime | None = None) -> bool:
    """Whether ``value`` could be a page's date: from 1990 on, not after ``now`` + 1 day."""
    if value.year < MIN_YEAR:
        return False
    limit = (now or datetime.now(timezone.utc)) + timedelta(days=1)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            if limit.tzinfo is None:
                limit = limit.replace(tzinfo=timezone.utc)
            return value <= limit
        # A naive time may be in any zone: allow the widest zone gap before calling it future.
        naive_limit = (
            limit.replace(tzinfo=None)
            if limit.tzinfo is None
            else (limit.astimezone(timezone.utc).replace(tzinfo=None))
        )
        return value <= naive_limit + timedelta(hours=14)
    return value <= limit.date()


def parse_date(
    text: str, *, now: datetime | None = None, dayfirst: bool | None = None
) -> datetime | date | None:
    """Read one date expression (see the module docstring for formats and rules).

    Returns an aware ``datetime`` (time and zone given), a naive ``datetime`` (time but no
    zone, kept as written) or a ``date`` (day only); ``None`` when ``text`` is not a date, is
    more than a date (over two words besides weekday names and glue words such as "at" or
    "um"), or is implausible (before 1990, or later than ``now`` plus one day).
    """
    if len(text) > MAX_DATE_CHARS:
        return None
    found = scan(text, now=now, dayfirst=dayfirst)
    if found is None or len(found.leftover) > 2:
        return None
    if any(w.isdigit() for w in found.leftover):
        return None
    return found.value if plausible(found.value, now) else None


# --- Datelines in text input --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dateline:
    """A line that is a timestamp: its value, which timestamp it is, and the label it had."""

    value: datetime | date
    kind: Literal["published", "modified"]
    label: str | None


_LABEL = regex.compile(
    rf"""^[\s\-–—•·|*]*
        (?:(?P<mod>{_alternation(MODIFIED_LABELS)})|(?P<pub>{_alternation(PUBLISHED_LABELS)}))
        (?![\p{{Latin}}\p{{Cyrillic}}])
        \s*[:：]?\s*
        (?:(?:{_alternation(LABEL_GLUE)})(?!\p{{L}})\s*)?""",
    _FLAGS | regex.VERBOSE,
)
# Pieces of a dateline that hold no date: separators between them.
# (">" between spaces: "Donnerstag, 15.2.2018, 19:51 > Autor"; not "»", which forum post
# headers put between the poster and the date, "Post by X » 11. Sep 2024": the thread rules
# read those lines as posts, not as the page's dateline)
_SEGMENT_SPLIT = regex.compile(r"(?<!\s)\s*(?:[|•·・‧]|\s[-–—>]\s|\s/\s)\s*")  # (?<!\s): linear
# Companions a dateline may carry: a reading time or a byline piece.
_COMPANION = regex.compile(
    r"""^(?:(?:reading\s+time|read\s+time|lesezeit|lesedauer|temps\s+de\s+lecture|
            tiempo\s+de\s+lectura|tempo\s+di\s+lettura|leestijd|время\s+чтения|czas\s+czytania|
            okuma\s+süresi)\s*:?\s*\d+\s*\p{L}*\.?
         | \d+\s*(?:min|mins|minutes?|minuten|minutos|minuti|мин|хв|dk|分钟)\.?
           (?:\s+(?:read|lesen|lecture|de\s+lectura|di\s+lettura|leestijd|чтения|czytania|okuma))?
         | (?:by|von|par|por|di|door|автор|przez|作者)\s*:?\s+
           \p{Lu}[\p{L}.'\-]*(?:\s+[\p{L}.'\-]+){0,4}
        )$""",
    _FLAGS | regex.VERBOSE,
)


def _strip_label(segment: str) -> tuple[str | None, str | None, str]:
    """(kind, label, rest) for one segment; kind and label are ``None`` without a label."""
    m = _search(_LABEL, segment)
    if m is None:
        return None, None, segment
    kind = "modified" if m["mod"] else "published"
    return kind, (m["mod"] or m["pub"]).strip(), segment[m.end() :]


def parse_label(text: str) -> tuple[Literal["published", "modified"], str] | None:
    """(kind, label) when ``text`` is a timestamp label and nothing else ("Last updated:").

    Pages often show the label and the date in two elements; the caller carries the label
    over to the date that follows.
    """
    text = _normalise(text)
    if len(text) > 40:
        return None
    kind, label, rest = _strip_label(text)
    if kind is None or label is None or _WORD.search(rest):
        return None
    return ("modified" if kind == "modified" else "published"), label


def parse_datelines(
    line: str, *, now: datetime | None = None, dayfirst: bool | None = None
) -> tuple[Dateline, ...]:
    """Every timestamp of a line that is nothing but timestamps (and a reading time or byline).

    "Published 8 July 2020 | Updated 9 July 2020 14:20" gives two; an article sentence that
    merely mentions a date gives none.
    """
    line = _normalise(line)
    if not line or len(line) > MAX_DATELINE_CHARS:
        return ()
    # Without ``now`` only a year or a numeric date can make a date (see :func:`scan`), and
    # most lines callers try (text around the headline, byline boxes, counters) hold none:
    # skip the label and split work.
    if now is None and _search(_MAYBE_DAY, line) is None:
        return ()
    # The whole line first: "5 de marzo de 2021 - 14:20 CET" and "14 aprile 2022 | 10:30"
    # are one timestamp whose day and time sit on both sides of a separator.
    kind, label, rest = _strip_label(line)
    whole = scan(_SEGMENT_SPLIT.sub(" ", rest), now=now, dayfirst=dayfirst)
    if whole is not None and not whole.leftover and isinstance(whole.value, datetime):
        if not plausible(whole.value, now):
            return ()
        return (Dateline(whole.value, "modified" if kind == "modified" else "published", label),)
    found: list[Dateline] = []
    pending: tuple[str | None, str | None] = (None, None)
    for segment in _SEGMENT_SPLIT.split(line):
        if not segment:
            continue
        kind, label, rest = _strip_label(segment)
        if kind is not None and not _WORD.search(rest):
            pending = (kind, label)  # a label alone, its date follows in the next piece
            continue
        if kind is None and pending[0] is not None:
            kind, label = pending
        pending = (None, None)
        result = scan(rest, now=now, dayfirst=dayfirst)
        if result is not None and len(result.leftover) <= 2 and not any(w.isdigit() for w in result.leftover):
            if not plausible(result.value, now):
                return ()
            found.append(Dateline(result.value, kind or "published", label))  # type: ignore[arg-type]
        elif not _search(_COMPANION, segment) and len(_words(segment)) > 3:
            return ()
    return tuple(found)


def parse_dateline(
    line: str, *, now: datetime | None = None, dayfirst: bool | None = None
) -> Dateline | None:
    """The timestamp of a line that is only a timestamp, else ``None``.

    The line may carry a label ("Updated:", "Veröffentlicht am", "Mis à jour le", "Обновлено",
    "更新"; the label decides ``kind``, default ``"published"``), weekday and glue words, and
    companions after a separator ("| 3 min read", "| By Jane Doe"). A line with several
    timestamps gives the first; :func:`parse_datelines` gives them all.
    """
    found = parse_datelines(line, now=now, dayfirst=dayfirst)
    return found[0] if found else None
