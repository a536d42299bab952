"""Lines that are timestamps: "Published 8 July 2020 | Updated 9 July 2020 14:20",
"Veröffentlicht am 8. Juli 2020, 14:20 Uhr", "Mis à jour le 9 juillet".

A dateline may carry a label ("Updated:", "Veröffentlicht am", "Mis à jour le", "Обновлено",
"更新"; the label decides whether it is the publication or the update), weekday and glue words,
and companions after a separator ("| 3 min read", "| By Jane Doe"); each date in it is read
with :func:`newsclean.meta.dates.scan`. An article sentence that merely mentions a date is no
dateline.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, lazy
from newsclean.meta.clock import FLAGS, TIMEOUT, alternation, search
from newsclean.meta.dates import (
    MAX_LEFTOVER_WORDS,
    MAYBE_DAY,
    WORD,
    YEAR_ANYWHERE,
    normalise,
    plausible,
    scan,
    scan_month,
    words,
)
from newsclean.meta.datewords import (
    EDITED_VERBS,
    LABEL_GLUE,
    MODIFIED_LABELS,
    POSTED_VERBS,
    PUBLISHED_LABELS,
)
from newsclean.values import FrozenValue

#: Longest line :func:`parse_dateline` considers a dateline.
MAX_DATELINE_CHARS = 160
#: Longest text :func:`parse_label` considers a label alone ("Zuletzt aktualisiert am:").
MAX_LABEL_CHARS = 40
#: Words a piece of a dateline may have when it is neither a date nor a companion (a
#: place, a section name: "Berlin | 8. Juli 2020"); a longer piece is prose, and the line no
#: dateline. Shown day on the three dated sets (December 2026): 2 loses 2 pages of
#: htmldate-eval-dev; 5 gains 1 there and 1 of wcxb-dev's articles, but lets more lines of text
#: input count as datelines (not measured), so 3 stays.
MAX_OTHER_PIECE_WORDS = 3


class Dateline(FrozenValue):
    """A line that is a timestamp: its value, which timestamp it is, and the label it had.

    ``precision`` is ``"month"`` for a labelled month without its day ("Last updated: June
    2022"; the value is the first of the month), read only when the caller asks for it.
    """

    __slots__ = ("value", "kind", "label", "precision")
    value: datetime | date
    kind: Literal["published", "modified"]
    label: str | None
    precision: Literal["day", "month"]

    def __init__(
        self,
        value: datetime | date,
        kind: Literal["published", "modified"],
        label: str | None,
        precision: Literal["day", "month"] = "day",
    ) -> None:
        # (set one by one: created many times a page)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "precision", precision)


_LABEL = compile_pattern(
    rf"""^[\s\-–—•·|*]*
        (?:(?P<mod>{alternation(MODIFIED_LABELS)})|(?P<pub>{alternation(PUBLISHED_LABELS)}))
        (?![\p{{Latin}}\p{{Cyrillic}}])
        \s*[:：]?\s*
        (?:(?:{alternation(LABEL_GLUE)})(?!\p{{L}})\s*)?""",
    FLAGS | regex.VERBOSE,
)
# A digit as the date patterns read it (``\d`` of :data:`MAYBE_DAY` and ``YEAR_ANYWHERE`` in
# ``newsclean.meta.dates``, with their flags: any decimal digit, not only 0-9).
_DIGIT = compile_pattern(r"\d", FLAGS)
# Pieces of a dateline that hold no date: separators between them.
# (">" between spaces: "Donnerstag, 15.2.2018, 19:51 > Autor"; not "»", which forum post
# headers put between the poster and the date, "Post by X » 11. Sep 2024": the thread rules
# read those lines as posts, not as the page's dateline)
_SEGMENT_SPLIT = compile_pattern(r"(?<!\s)\s*(?:[|•·・‧]|\s[-–—>]\s|\s/\s)\s*")  # (?<!\s): linear
# Companions a dateline may carry: a reading time or a byline piece.
_COMPANION = compile_pattern(
    r"""^(?:(?:reading\s+time|read\s+time|lesezeit|lesedauer|temps\s+de\s+lecture|
            tiempo\s+de\s+lectura|tempo\s+di\s+lettura|leestijd|время\s+чтения|czas\s+czytania|
            okuma\s+süresi)\s*:?\s*\d+\s*\p{L}*\.?
         | \d+\s*(?:min|mins|minutes?|minuten|minutos|minuti|мин|хв|dk|分钟)\.?
           (?:\s+(?:read|lesen|lecture|de\s+lectura|di\s+lettura|leestijd|чтения|czytania|okuma))?
         | (?:by|von|par|por|di|door|автор|przez|作者)\s*:?\s+
           \p{Lu}[\p{L}.'\-]*(?:\s+[\p{L}.'\-]+){0,4}
        )$""",
    FLAGS | regex.VERBOSE,
)


#: :func:`_strip_label`'s answers so far, by segment. A page asks for the same piece more than
#: once (a short piece is read as a label alone and then as a dateline; a line without
#: separators is its own only segment), and :data:`_LABEL`, the label words of every language
#: with the case ignored, costs more than any other search on the way. Shared by all pages like
#: the other caches of strings (labels and dates repeat across a site's pages), bounded: when
#: full it is emptied and fills again. A search that ran out of time is not remembered.
_LABELS_READ: dict[str, tuple[str | None, str | None, str]] = {}
_LABELS_READ_MAX = 4096


def _strip_label(segment: str) -> tuple[str | None, str | None, str]:
    """(kind, label, rest) for one segment; kind and label are ``None`` without a label."""
    known = _LABELS_READ.get(segment)
    if known is not None:
        return known
    try:
        m = _LABEL.search(segment, 0, None, KEEP_GIL, False, TIMEOUT)  # (see clock.TIMEOUT_ARGS)
    except TimeoutError:
        return None, None, segment
    if m is None:
        answer: tuple[str | None, str | None, str] = (None, None, segment)
    else:
        kind = "modified" if m["mod"] else "published"
        answer = (kind, (m["mod"] or m["pub"]).strip(), segment[m.end() :])
    if len(_LABELS_READ) >= _LABELS_READ_MAX:
        _LABELS_READ.clear()
    _LABELS_READ[segment] = answer
    return answer


def parse_label(text: str) -> tuple[Literal["published", "modified"], str] | None:
    """(kind, label) when ``text`` is a timestamp label and nothing else ("Last updated:").

    Pages often show the label and the date in two elements; the caller carries the label
    over to the date that follows.
    """
    text = normalise(text)
    if len(text) > MAX_LABEL_CHARS:
        return None
    kind, label, rest = _strip_label(text)
    if kind is None or label is None or WORD.search(rest):
        return None
    return ("modified" if kind == "modified" else "published"), label


def parse_datelines(
    line: str, *, now: datetime | None = None, dayfirst: bool | None = None, months: bool = False
) -> tuple[Dateline, ...]:
    """Every timestamp of a line that is nothing but timestamps (and a reading time or byline).

    "Published 8 July 2020 | Updated 9 July 2020 14:20" gives two; an article sentence that
    merely mentions a date gives none. With ``months``, a line that is a label and a month
    without its day ("Last updated: June 2022", "Stand: Juni 2022") gives that month
    (:func:`parse_month_line`) when it holds no day.
    """
    # Most lines callers try (headings, menu items, byline boxes) hold no digit, and then no
    # date can come out, so the parse is skipped. Why nothing is missed: without ``now``,
    # :func:`_parse_datelines` reads only a line that :data:`MAYBE_DAY` matches after
    # :func:`normalise`, and every date :func:`parse_month_line` reads has a year that
    # :func:`scan_month` finds with ``YEAR_ANYWHERE``; both patterns need a ``\d``, and
    # ``normalise`` only swaps spaces and the minus sign and moves the digits of a time, so
    # it never adds a digit to a line that has none. (With ``now`` a relative date, "yesterday",
    # needs no digit: then the line is parsed.)
    if now is None and _DIGIT.search(line) is None:
        return ()
    found = _parse_datelines(line, now=now, dayfirst=dayfirst)
    if found or not months:
        return found
    month = parse_month_line(line, now=now)
    return (month,) if month is not None else ()


def parse_month_line(line: str, *, now: datetime | None = None) -> Dateline | None:
    """A label and a month without its day, and nothing else ("Last updated: June 2022",
    "Mis à jour : juin 2022", "最終更新 2022年6月"): the first of that month, of the label's
    kind, with ``precision="month"``. An unlabelled month ("June 2022") is an archive heading
    or a story's subject as often as a date, and gives ``None``."""
    # A line without four digits that begin with 19 or 20 is skipped: :func:`scan_month` reads
    # nothing from text where ``YEAR_ANYWHERE`` finds no year, and the part of the line it is
    # given is cut from ``normalise(line)``, whose runs of digits are the line's own
    # (``normalise`` adds no digit and puts nothing between two).
    if search(YEAR_ANYWHERE, line) is None:
        return None
    line = normalise(line)
    if not line or len(line) > MAX_DATELINE_CHARS:
        return None
    kind, label, rest = _strip_label(line)
    if kind is None or label is None:
        return None
    found = scan_month(rest)
    if (
        found is None
        or len(found.leftover) > MAX_LEFTOVER_WORDS
        or any(w.isdigit() for w in found.leftover)
        or not plausible(found.value, now)
    ):
        return None
    return Dateline(found.value, "modified" if kind == "modified" else "published", label, "month")


def _parse_datelines(line: str, *, now: datetime | None, dayfirst: bool | None) -> tuple[Dateline, ...]:
    line = normalise(line)
    if not line or len(line) > MAX_DATELINE_CHARS:
        return ()
    # Without ``now`` only a year or a numeric date can make a date (see :func:`scan`), and
    # most lines callers try (text around the headline, byline boxes, counters) hold none:
    # skip the label and split work.
    if now is None and search(MAYBE_DAY, line) is None:
        return ()
    # The whole line first: "5 de marzo de 2021 - 14:20 CET" and "14 aprile 2022 | 10:30"
    # are one timestamp whose day and time sit on both sides of a separator.
    kind, label, rest = _strip_label(line)
    joined = _SEGMENT_SPLIT.sub(" ", rest)
    whole = scan(joined, now=now, dayfirst=dayfirst)
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
        if kind is not None and not WORD.search(rest):
            pending = (kind, label)  # a label alone, its date follows in the next piece
            continue
        if kind is None and pending[0] is not None:
            kind, label = pending
        pending = (None, None)
        # (a line of one piece without a label: the piece is what the whole line read)
        result = whole if rest == joined else scan(rest, now=now, dayfirst=dayfirst)
        if (
            result is not None
            and len(result.leftover) <= MAX_LEFTOVER_WORDS
            and not any(w.isdigit() for w in result.leftover)
        ):
            if not plausible(result.value, now):
                return ()
            found.append(Dateline(result.value, kind or "published", label))  # type: ignore[arg-type]
        elif not search(_COMPANION, segment) and len(words(segment)) > MAX_OTHER_PIECE_WORDS:
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


class DatelineMemo:
    """The datelines and labels already read on one page, so that a text piece read again
    (a teaser's date repeated, the same byline box seen by the metadata reader and by the
    dateline rule) is parsed once.

    Made for one :func:`newsclean.clean` call and handed to the stages that read datelines;
    never shared between pages. Results are keyed by the text and every parameter the parse
    reads (``now`` with its time zone, ``dayfirst``), so two calls that could differ never
    share an entry.
    """

    __slots__ = ("_datelines", "_labels")

    def __init__(self) -> None:
        self._datelines: dict[tuple[str, object, object, bool | None, bool], tuple[Dateline, ...]] = {}
        self._labels: dict[str, tuple[Literal["published", "modified"], str] | None] = {}

    def datelines(
        self, line: str, *, now: datetime | None = None, dayfirst: bool | None = None, months: bool = False
    ) -> tuple[Dateline, ...]:
        """:func:`parse_datelines`, memoised."""
        key = (line, now, None if now is None else now.tzinfo, dayfirst, months)
        found = self._datelines.get(key)
        if found is None:
            found = self._datelines[key] = parse_datelines(line, now=now, dayfirst=dayfirst, months=months)
        return found

    def label(self, text: str) -> tuple[Literal["published", "modified"], str] | None:
        """:func:`parse_label`, memoised."""
        try:
            return self._labels[text]
        except KeyError:
            found = self._labels[text] = parse_label(text)
            return found


# --- A sentence that says when the entry was posted ------------------------------------------

#: How far from its verb the date of a "posted" sentence may start or end, in characters:
#: "was posted on Saturday, December 3rd, 2011 at 12:00 pm" (the date after the verb) and
#: "wurde am Samstag, 3. Dezember 2011 um 12:00 Uhr veröffentlicht" (before it) both fit.
POSTED_REACH = 60

_POSTED = lazy(
    rf"(?<!\p{{L}})(?:(?P<pub>{alternation(POSTED_VERBS)})|(?P<mod>{alternation(EDITED_VERBS)}))(?!\p{{L}})",
    FLAGS,
)


def parse_posted(
    text: str, *, now: datetime | None = None, dayfirst: bool | None = None
) -> tuple[Literal["published", "modified"], datetime | date] | None:
    """(kind, value) of the first date within :data:`POSTED_REACH` of a posting verb in
    ``text`` ("This entry was posted on Saturday, December 3rd, 2011 …", "… am 19. Mai 2010 um
    23:03 Uhr gepostet …"), looked for after the verb first; ``None`` without one.

    Only for text the page marks as the post's metadata (a date- or meta-classed element): in
    prose, "published on 3 March" is a story's subject.
    """
    text = normalise(text)
    pos = 0
    while (m := search(_POSTED, text, pos)) is not None:
        pos = m.end()
        before = text[max(0, m.start() - POSTED_REACH) : m.start()]
        if m.start() > POSTED_REACH and " " in before:
            before = before[before.index(" ") :]  # a whole first word: never half a date
        for window in (text[m.end() : m.end() + POSTED_REACH], before):
            found = scan(window, now=now, dayfirst=dayfirst)
            if found is not None and plausible(found.value, now):
                return ("modified" if m["mod"] else "published"), found.value
    return None
