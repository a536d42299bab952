"""Reading one date expression, in any supported language and format, into a typed value.

The value keeps exactly what the page said and nothing more:

* an **aware** ``datetime`` when the text gave a time and a zone (``+03:00``, ``GMT+3``, ``CEST``);
* a **naive** ``datetime`` when it gave a time but no zone: the time is kept as written and never
  shifted to UTC or to the reader's zone;
* a ``date`` when it gave only a day: no midnight is invented.

How a string is read (:func:`scan`):

1. ISO 8601 (``2020-07-08``, ``2020-07-08T23:03:00.000+03:00``, ``20200708``) is tried whole first.
2. Otherwise the first time of day and the zone written right after it are found
   (:mod:`newsclean.meta.clock`: ``23:03``, ``2:20 PM``, ``14h20``, ``14時20分``; ``+0300``,
   ``GMT+3``, ``(CEST)``; ``23:03 GMT08 July 2020`` is 8 July 2020, 23:03 UTC).
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
date", never as an error. Lines that are timestamps, with their labels ("Updated:"), are read by
:mod:`newsclean.meta.datelines`.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, timezone
from typing import TypeAlias

import regex

from newsclean.lazyre import compile_pattern, lazy
from newsclean.meta.clock import (
    FLAGS,
    MAX_OFFSET_MINUTES,
    alternation,
    combine,
    offset,
    read_time,
    search,
)
from newsclean.meta.clock import TIMEOUT as TIMEOUT  # every date pattern's budget, re-exported
from newsclean.meta.datewords import (
    FILLER_WORDS,
    RELATIVE_AFTER,
    RELATIVE_BEFORE,
    RELATIVE_DAYS,
    RELATIVE_UNITS,
    month_table,
)
from newsclean.values import FrozenValue

DateValue: TypeAlias = "datetime | date"

#: Longest text :func:`parse_date` looks at; a single date expression is far shorter.
MAX_DATE_CHARS = 120
#: Earliest plausible year of a web page's date: the web's first news pages. Older years on
#: a page are a story's subject ("since 1987"), not its date.
MIN_YEAR = 1990
#: How far past ``now`` a date may lie and still be the page's: a page stamped in a zone ahead
#: of the reader's clock, or fetched just after midnight, is "tomorrow" by up to a day.
FUTURE_SLACK = timedelta(days=1)
#: Words a date expression may carry besides the date, its weekday and glue words ("Uhr",
#: "at", "г."): a short label or place ("Berlin, 8. Juli 2020"). With more, the text is a
#: sentence that mentions a date, and no date of the page. Shown day on the dated pages of
#: wceb2026-dev, wcxb-dev and htmldate-eval-dev (December 2026): 1 loses 4 pages of
#: htmldate-eval-dev; 3 gains 1 page of each of the first two (no article) and lets longer
#: lines of text input count as datelines, which was not measured.
MAX_LEFTOVER_WORDS = 2

_MONTHS = month_table()

# A month's place in a pattern is any whole word; _read_day keeps a match only when the word
# is a month (every month word is letters only: datewords.month_table). Matching the ~260
# words as an alternation inside the patterns gives the same matches, but its compile was
# the largest single cost of importing newsclean (~15 ms of CPU for the three patterns).
_MONTH = r"(?P<mon>\p{L}+)\.?(?!\p{L})"
_MONTH_START = r"(?<!\p{L})"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_DAY = r"(?P<d>[0-3]?\d)"

# --- 1. ISO 8601 -------------------------------------------------------------------------
_ISO = compile_pattern(
    r"""^(?P<y>\d{4})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)
        (?:[T\s]+(?P<H>[0-2]\d):?(?P<M>[0-5]\d)(?::?(?P<S>[0-5]\d)(?:[.,](?P<f>\d{1,9}))?)?
           \s*(?P<z>Z|[+\-−]\d{2}(?::?\d{2})?)?)?$""",
    FLAGS | regex.VERBOSE,
)

# --- 2. The day ----------------------------------------------------------------------------
_DAY_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, lazy(pattern, FLAGS | regex.VERBOSE))
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
_LETTER_RUN = compile_pattern(r"\p{L}+")

# What every day pattern above needs somewhere: a four-digit year, or two digits around a
# separator ("numeric"). Most short texts with a digit ("12 comments") have neither, and one
# search saves trying all six patterns.
MAYBE_DAY = compile_pattern(r"(?:19|20)\d\d|\d[-/.]\d", FLAGS)

# --- Relative dates ------------------------------------------------------------------------
_REL_UNIT = rf"(?P<unit>{alternation(RELATIVE_UNITS)})"
_REL_NUM = r"(?P<n>\d{1,3}|an?|one|einer?|un|une|uno|una|um|uma)"


@functools.cache
def _relative_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """"2 hours ago" and "yesterday": compiled when first needed, since only callers that pass
    ``now`` read relative dates and the two patterns cost ~4 ms of compile (a third of what
    was left of this module's import)."""
    relative = compile_pattern(
        rf"""(?:(?<!\p{{L}})(?:{alternation(RELATIVE_BEFORE)})\s+{_REL_NUM}\s*{_REL_UNIT}(?!\p{{L}})
             | (?<!\p{{L}}){_REL_NUM}\s*{_REL_UNIT}\s*(?:{alternation(RELATIVE_AFTER)})(?!\p{{L}}))""",
        FLAGS | regex.VERBOSE,
    )
    day = compile_pattern(rf"(?<!\p{{L}})(?P<word>{alternation(RELATIVE_DAYS)})(?!\p{{L}})", FLAGS)
    return relative, day


WORD = compile_pattern(r"[\p{L}\p{N}ʼ']+")


class Scan(FrozenValue):
    """What :func:`scan` read from a string: the value and the words it did not use."""

    __slots__ = ("value", "leftover")
    value: datetime | date
    leftover: tuple[str, ...]

    def __init__(self, value: datetime | date, leftover: tuple[str, ...]) -> None:
        # (set one by one: created many times a page)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "leftover", leftover)


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
    tz = offset(sign * (int(digits[:2]) * 60 + int(digits[2:4] or 0)))
    return value.replace(tzinfo=tz) if tz else None


def _year(text: str, now: datetime) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= now.year + 1 else 1900
    return year


def _read_day(text: str, now: datetime, dayfirst: bool | None) -> tuple[date, tuple[int, int]] | None:
    """The first day written in ``text`` and the span it takes."""
    if search(MAYBE_DAY, text) is None:
        return None
    # A month name is a whole word (_MONTH_START and _MONTH's (?!\p{L})): without one among
    # the text's words, the three long alternations of month names cannot match.
    named = any(word.lower() in _MONTH_WORDS for word in _LETTER_RUN.findall(text))
    for name, pattern in _DAY_PATTERNS:
        if not named and name in _NAMED_PATTERNS:
            continue
        m = search(pattern, text)
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
                m = search(pattern, text, m.start() + 1)
    return None


# A time written with a dot after the Nordic clock word: "2.9.2020 klo 12.45", "kl. 14.20".
# Only after that word: elsewhere "12.45" is as often a number or part of a date.
_CLOCK_DOT = lazy(r"(?<!\p{L})(klo|kello|kl\.?)\s*([0-2]?\d)\.([0-5]\d)(?![\d.])", FLAGS)


def normalise(text: str) -> str:
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
    relative, relative_day = _relative_patterns()
    m = search(relative, text)
    if m is not None:
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else 1
        minutes = RELATIVE_UNITS[m["unit"].lower()] * n
        rest = _cut(text, m.span())
        if RELATIVE_UNITS[m["unit"].lower()] >= 1440:
            return (now - timedelta(minutes=minutes)).date(), rest
        return (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0), rest
    m = search(relative_day, text)
    if m is None:
        return None
    day = now.date() - timedelta(days=RELATIVE_DAYS[m["word"].lower()])
    rest = _cut(text, m.span())
    found = read_time(rest)
    if found is None:
        return day, rest
    clock, span, zone = found
    return combine(day, clock, zone), _cut(rest, span)


def words(text: str) -> tuple[str, ...]:
    return tuple(w for w in WORD.findall(text) if w.lower() not in FILLER_WORDS)


def scan(text: str, *, now: datetime | None = None, dayfirst: bool | None = None) -> Scan | None:
    """Read the first date in ``text``; also return the words it left unused.

    No plausibility check is made here (see :func:`plausible`); callers decide how many
    leftover words they accept.
    """
    text = normalise(text)
    # Every absolute date holds a year or a numeric date (what :func:`_read_day` looks for
    # first); only relative words ("yesterday", "2 hours ago") do without, and only with ``now``.
    if not text or (now is None and search(MAYBE_DAY, text) is None):
        return None
    iso = _parse_iso(text)
    if iso is not None:
        return Scan(iso, ())
    clock_now = now or datetime.now(timezone.utc)
    found = read_time(text)
    rest = _cut(text, found[1]) if found else text
    day_found = _read_day(rest, clock_now, dayfirst)
    if day_found is None:
        if now is not None:
            rel = _relative(text, now)
            if rel is not None:
                return Scan(rel[0], words(rel[1]))
        return None
    day, span = day_found
    leftover = words(_cut(rest, span))
    if found is None:
        return Scan(day, leftover)
    clock, _, zone = found
    return Scan(combine(day, clock, zone), leftover)


# --- A month without its day ---------------------------------------------------------------
# "June 2022", "Juni 2022", "junio de 2022", "Jun. 2022", "2022年6月": a month and a year, no day.
_MONTH_YEAR_PATTERNS: tuple[regex.Pattern[str], ...] = (
    compile_pattern(
        rf"(?<![\p{{L}}\d]){_MONTH}(?:\s*(?:de|del|of)(?!\p{{L}}))?[\s,.'\-/]*{_YEAR}",
        FLAGS,
    ),
    compile_pattern(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>[01]?\d)\s*[月월](?!\s*\d)", FLAGS),
)


def scan_month(text: str) -> Scan | None:
    """The first month and year written without a day ("June 2022", "Juni 2022",
    "junio de 2022", "2022年6月"), as the first of that month, and the words left unused;
    ``None`` when ``text`` holds no such month or holds a whole day (:func:`scan` reads it).

    A month alone says less than a day: callers read it only where a label names what it
    is ("Last updated: June 2022") and trust it least of all dates (see ``docs/metadata.md``).
    """
    text = normalise(text)
    if not text or search(YEAR_ANYWHERE, text) is None:
        return None
    if _read_day(text, datetime.now(timezone.utc), None) is not None:
        return None  # a whole day is there: not a month-only date
    for pattern in _MONTH_YEAR_PATTERNS:
        m = search(pattern, text)
        while m is not None:
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS.get(m["mon"].lower().rstrip("."))
            if month is not None and 1 <= month <= 12:
                return Scan(date(int(m["y"]), month, 1), words(_cut(text, m.span())))
            m = search(pattern, text, m.start() + 1)
    return None


#: Four digits that can begin a year (19xx, 20xx): a month line without them holds no date
#: (also the date-line parser's pre-check, ``newsclean.meta.datelines``).
YEAR_ANYWHERE = compile_pattern(r"(?:19|20)\d\d", FLAGS)


def plausible(value: datetime | date, now: datetime | None = None) -> bool:
    """Whether ``value`` could be a page's date: from :data:`MIN_YEAR` on, not after ``now``
    + :data:`FUTURE_SLACK`."""
    if value.year < MIN_YEAR:
        return False
    limit = (now or datetime.now(timezone.utc)) + FUTURE_SLACK
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
        return value <= naive_limit + timedelta(minutes=MAX_OFFSET_MINUTES)
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
    if found is None or len(found.leftover) > MAX_LEFTOVER_WORDS:
        return None
    if any(w.isdigit() for w in found.leftover):
        return None
    return found.value if plausible(found.value, now) else None
