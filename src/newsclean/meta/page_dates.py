"""The publication and modification dates of an HTML page, from every source in order of trust.

Sources give candidates under their :class:`~newsclean.meta.date_trust.Trust` (the one table
of the order of trust, with each source's reason; :class:`DateCandidates`): the most trusted
source with a plausible value wins, and :func:`choose_published` weighs the date printed beside
the headline against the hidden fields. ``docs/metadata.md`` describes the sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, lazy
from newsclean.meta.date_trust import MARKED, SHOWN, Trust
from newsclean.meta.datelines import MAX_LABEL_CHARS, Dateline, DatelineMemo, parse_posted
from newsclean.meta.dates import TIMEOUT, parse_date, plausible
from newsclean.meta.fields import (
    AUTHOR_HINT,
    DATE_HINT,
    MODIFIED_HINT,
    MODIFIED_META,
    PUBLISHED_HINT,
    PUBLISHED_META,
    PUBLISHED_META_WEAK,
)
from newsclean.meta.jsonld import JsonLd
from newsclean.meta.tree import (
    IN_ARTICLE,
    IN_COMMENTS,
    Where,
    attr_text,
    chunks,
    class_tokens,
    content,
    squash,
    visible,
)
from newsclean.values import FrozenValue

# Date and byline elements: how long their text may be (a dateline with its byline and
# reading time fits; a longer text is a paragraph that merely has such a class), and how many
# are read (a bound on the work for pages that class every teaser's date).
_MAX_HINT_TEXT = 200
_MAX_HINT_ELEMENTS = 60
# A date- or meta-classed element holding a "posted on" sentence: the sentence and what a
# theme prints around it (categories, the comment feed) run to a few hundred characters.
_MAX_POSTED_TEXT = 600


class FoundDate(FrozenValue):
    """A date and where it came from: ``"meta:article:published_time"`` (the field's name),
    ``"json-ld:datePublished"``, ``"microdata:datePublished"``, ``"time"``, ``"url"``, ``"text"``."""

    __slots__ = ("value", "source")
    value: datetime | date
    source: str

    def __init__(self, value: datetime | date, source: str) -> None:
        self._set(value, source)


class DateCandidates:
    """Date candidates by source; per kind the most trusted source (:class:`Trust`) with a
    plausible value wins, and within one source the first value offered.

    Apart from that, the best *shown* publication date (one a reader sees beside the headline
    or byline, not labelled as an update) is kept, see :func:`choose_published`.
    """

    def __init__(self, now: datetime | None, dayfirst: bool | None, memo: DatelineMemo | None = None) -> None:
        self.now, self.dayfirst = now, dayfirst
        #: the page's datelines read so far (shared with the dateline rule by :func:`newsclean.clean`)
        self.memo = memo if memo is not None else DatelineMemo()
        self.best: dict[str, tuple[Trust, FoundDate]] = {}

    def wants(self, kind: str, rank: Trust) -> bool:
        """Whether a date of ``kind`` at ``rank`` could still be kept (sources that cost work to
        read ask first)."""
        current = self.best.get(kind)
        shown = self.best.get("shown")
        return (current is None or current[0] > rank) or (
            kind == "published" and rank == SHOWN and (shown is None or shown[0] > rank)
        )

    def _keep(self, kind: str, rank: Trust, found: FoundDate) -> None:
        current = self.best.get(kind)
        if current is None or current[0] > rank:
            self.best[kind] = (rank, found)
        shown = self.best.get("shown")
        if kind == "published" and rank == SHOWN and (shown is None or shown[0] > rank):
            self.best["shown"] = (rank, found)

    def offer(self, kind: str, rank: Trust, text: str, source: str) -> None:
        """Parse ``text`` and keep it if it beats what ``kind`` has."""
        if not text or not self.wants(kind, rank):
            return
        value = (
            parse_date(text, now=self.now, dayfirst=self.dayfirst)
            or _epoch(text, self.now)
            or _compact(text, self.now)
        )
        if value is not None:
            self._keep(kind, rank, FoundDate(value, source))

    def offer_value(self, kind: str, rank: Trust, value: datetime | date, source: str) -> None:
        """Keep an already parsed ``value`` if it is plausible and beats what ``kind`` has."""
        if self.wants(kind, rank) and plausible(value, self.now):
            self._keep(kind, rank, FoundDate(value, source))

    def get(self, kind: str) -> FoundDate | None:
        found = self.best.get(kind)
        return found[1] if found else None


def day_of(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def choose_published(dates: DateCandidates) -> FoundDate | None:
    """The publication date: the most trusted source, unless the page shows another day.

    When the date printed beside the headline (unlabelled, or labelled as the publication
    date) falls on another day than the one found first, the printed one wins: it is the date
    the publisher presents to readers, while hidden fields often keep the day the CMS entry
    was first created, and a bare ``<time>`` or date-classed element elsewhere on the page may
    belong to a list of other articles. Only an element marked as the publication date
    (``itemprop="datePublished"``, ``<time pubdate>`` or a "published" class: :data:`MARKED`)
    keeps its day. A date labelled "Updated" never becomes the published one.
    """
    best, shown = dates.best.get("published"), dates.get("shown")
    if best is None or shown is None:
        return best[1] if best else None
    rank, found = best
    if rank in MARKED or day_of(shown.value) == day_of(found.value):
        return found
    if _swapped(day_of(shown.value)) == day_of(found.value):
        # "11/01/2021" printed, 2021-11-01 in the fields: the same day, with the ambiguous
        # numeric order read the other way; the machine-written field settles the order.
        return found
    return shown


def _swapped(day: date) -> date | None:
    """``day`` with day and month exchanged, when both are at most 12 (else ``None``)."""
    if day.day > 12 or day.day == day.month:
        return None
    return day.replace(month=day.day, day=day.month)


def _epoch(text: str, now: datetime | None) -> datetime | None:
    """A Unix time in seconds or milliseconds (some CMSs put one in meta fields)."""
    if not text.isdigit() or len(text) not in (10, 13):
        return None
    from datetime import timezone

    seconds = int(text) / (1000 if len(text) == 13 else 1)
    value = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return value if plausible(value, now) else None


_COMPACT = lazy(r"^((?:19|20)\d{2})([01]\d)([0-3]\d)([0-2]\d)([0-5]\d)([0-5]\d)?$")


def _compact(text: str, now: datetime | None) -> datetime | None:
    """A compact ``YYYYMMDDhhmm[ss]`` stamp (``og:regDate`` "20210820030646"), naive: no zone
    is given. Read in metadata fields only; in page text such digits are more often an id."""
    m = _COMPACT.match(text)
    if m is None:
        return None
    try:
        y, mo, d, h, mi, sec = (int(g) for g in m.groups(default="0"))
        value = datetime(y, mo, d, h, mi, sec)
    except ValueError:
        return None
    return value if plausible(value, now) else None


def dayfirst(language: str | None) -> bool | None:
    """How to read ``a/b/yyyy`` on this page: US English (and bare "en") keeps the default
    (slashes month-first, dots and dashes day-first); every other language is day-first."""
    if not language or language.lower() in ("en-us", "en"):
        return None
    return True


def _label_kind(el: Any, memo: DatelineMemo) -> str | None:
    """The kind a label gives ``el``'s date: in its own text ("Updated on June 18") or just
    before it ("Updated <time>…", "<p>Last updated</p><time>…")."""
    for line in memo.datelines(squash(content(el))):
        if line.label is not None:
            return line.kind
    prev = el.getprevious()
    before = prev.tail if prev is not None else (el.getparent().text if el.getparent() is not None else None)
    if not (before or "").strip() and prev is not None and visible(prev):
        before = " ".join(chunks(prev))  # not text_content(): prev may be a comment
    label = memo.label(squash(before)[-MAX_LABEL_CHARS:]) if before else None
    return label[0] if label else None


def time_dates(elements: list[Any], dates: DateCandidates, where: Where) -> None:
    """``<time>`` elements of the article (marked ones first, then the first plain one),
    published and modified kept apart."""
    plain_seen = False
    for el in elements:
        value = attr_text(el, "datetime") or squash(content(el))
        if not value or where(el) != IN_ARTICLE:
            continue
        tokens = f"{class_tokens(el)} {attr_text(el, 'itemprop')}"
        parent = el.getparent()
        if parent is not None:
            tokens += f" {class_tokens(parent)}"
        labelled = _label_kind(el, dates.memo)
        if labelled == "modified" or (labelled is None and MODIFIED_HINT.search(tokens)):
            dates.offer("modified", Trust.TIME_MARKED, value, "time")
        elif labelled == "published" or el.get("pubdate") is not None or PUBLISHED_HINT.search(tokens):
            dates.offer("published", Trust.TIME_MARKED, value, "time")
        elif not plain_seen:
            # The first unmarked <time> outside foreign regions is the article's date.
            plain_seen = True
            dates.offer("published", Trust.TIME_PLAIN, value, "time")


_WORDISH = compile_pattern(r"[\p{L}\p{N}]")


# A byline that carries the date after the name: "Von Hans Muster, 8.5.12", "Submitted by admin
# am 24. Juli 2017", "Par Jean Dupont le 3 mars 2019". The verbs and labels are the byline
# labels of meta/authors.py that begin such lines; the name ends at a comma or a date's glue word.
_BYLINE_LEAD = compile_pattern(
    r"^(?:(?:submitted|posted|written|published|eingereicht|verfasst|geschrieben|publié|publicado|"
    r"pubblicato|gepubliceerd)\s+)?(?:by|von|par|por|di|da|door|av|af|przez)\s+(?=\S)",
    regex.IGNORECASE,
)
_NAME_END = compile_pattern(r",\s*|\s+(?=(?:on|am|le|el|il|op|den|em|the)\s)", regex.IGNORECASE)
#: Words a name in such a byline may have.
_MAX_BYLINE_NAME_WORDS = 5


def _after_byline(chunk: str, dates: DateCandidates) -> tuple[Dateline, ...]:
    """The datelines after the name of a byline piece ("Von Hans Muster, 8.5.12"), else ()."""
    try:
        lead = _BYLINE_LEAD.match(chunk, 0, None, KEEP_GIL, False, TIMEOUT)  # (see clock.TIMEOUT_ARGS)
        ends = list(_NAME_END.finditer(chunk, lead.end(), timeout=TIMEOUT)) if lead else []
    except TimeoutError:
        return ()
    for end in ends:
        if lead is None or len(chunk[lead.end() : end.start()].split()) > _MAX_BYLINE_NAME_WORDS:
            break
        found = dates.memo.datelines(chunk[end.end() :], now=dates.now, dayfirst=dates.dayfirst)
        if found:
            return found
    return ()


# "26 | 01 | 2022": a numeric date set with the pipes of the bar under a headline. Read in
# page markup only: in text input such a line goes through the text rules unchanged.
_PIPED_DATE = compile_pattern(r"(?<![\d|])([0-3]?\d) \| ([01]?\d) \| ((?:19|20)\d{2})(?![\d])")


def _unpipe(chunk: str) -> str:
    try:
        return str(_PIPED_DATE.sub(r"\1.\2.\3", chunk, timeout=TIMEOUT))
    except TimeoutError:
        return chunk


def read_chunks(
    chunks: Iterable[str], dates: DateCandidates, rank: Trust, hinted_kind: str | None, labelled_only: bool
) -> None:
    """Datelines among text pieces; a label alone in one piece names the date in the next."""
    pending: str | None = None
    for raw in chunks:
        chunk = squash(raw)
        if not chunk:
            continue
        label = dates.memo.label(chunk)
        if label is not None:
            pending = label[0]
            continue
        if not _WORDISH.search(chunk):
            continue  # "|" or ":" between a label and its date
        if "|" in chunk:
            chunk = _unpipe(chunk)
        lines = dates.memo.datelines(chunk, now=dates.now, dayfirst=dates.dayfirst)
        lines = lines or _after_byline(chunk, dates)
        for line in lines:
            if line.label is None and pending is None and labelled_only:
                continue
            kind = line.kind if line.label else (pending or hinted_kind or line.kind)
            dates.offer_value(kind, rank, line.value, "text")
        pending = None


def hint_tokens(el: Any) -> str:
    """The words that say what ``el`` is: its class and id, and the names components give
    themselves (``data-component="Byline"``, ``data-testid="AuthorURL"``)."""
    marks = f"{el.get('data-component') or ''} {el.get('data-testid') or ''}"
    return f"{class_tokens(el)} {marks}" if marks.strip() else class_tokens(el)


def text_dates(hinted: list[Any], dates: DateCandidates, where: Where) -> list[Any]:
    """Dates in short visible elements whose class/id says date or byline, and in labelled
    datelines of sidebars and other foreign regions (``Trust.FOREIGN_LABELLED``).

    Also returns the author/byline elements of the article met on the way, for the authors.
    """
    bylines: list[Any] = []
    seen = 0
    for el in hinted:
        tokens = hint_tokens(el)
        is_date = DATE_HINT.search(tokens) is not None
        is_author = AUTHOR_HINT.search(tokens) is not None
        if not (is_date or is_author):
            continue
        seen += 1
        if seen > _MAX_HINT_ELEMENTS:
            break
        text = squash(content(el))
        if len(text) > _MAX_HINT_TEXT:
            if is_date and len(text) <= _MAX_POSTED_TEXT and where(el) == IN_ARTICLE:
                _posted_dates(text, dates)
            continue
        region = where(el)
        if region == IN_COMMENTS:
            continue
        if text and is_author and region == IN_ARTICLE:
            bylines.append(el)
        hinted_kind = "modified" if MODIFIED_HINT.search(tokens) else None
        if region == IN_ARTICLE and _wanted(dates, Trust.HINTED_ATTRIBUTE):
            # (read even when the element is empty: <span class="updated" title="2013-04-04…">)
            for attr in ("datetime", "content", "data-date", "data-datetime", "title"):
                value = attr_text(el, attr)
                if value and parse_date(value, now=dates.now, dayfirst=dates.dayfirst):
                    dates.offer(hinted_kind or "published", Trust.HINTED_ATTRIBUTE, value, "text")
                    break
        if not text:
            continue
        rank = Trust.HINTED_TEXT if region == IN_ARTICLE else Trust.FOREIGN_LABELLED
        if not _wanted(dates, rank):
            continue  # a better date of either kind is kept already (and the posted sentence ranks lower)
        pieces = list(chunks(el))
        before = dates.best.get(hinted_kind or "published")
        read_chunks(pieces, dates, rank, hinted_kind, labelled_only=region != IN_ARTICLE)
        if (
            region == IN_ARTICLE
            and is_date
            and len(pieces) > 1
            and dates.best.get(hinted_kind or "published") is before
        ):
            # A date split over elements: <span>Apr</span> <span>04</span><span>2013</span>
            read_chunks([" ".join(squash(p) for p in pieces)], dates, rank, hinted_kind, labelled_only=False)
        if region == IN_ARTICLE and is_date:
            _posted_dates(text, dates)
    return bylines


def _wanted(dates: DateCandidates, rank: Trust) -> bool:
    """Whether a date read at ``rank`` could still be kept, as published or as modified."""
    return dates.wants("published", rank) or dates.wants("modified", rank)


def _posted_dates(text: str, dates: DateCandidates) -> None:
    """The date of a "posted on …" sentence (``Trust.POSTED_SENTENCE``), when it could count."""
    if _wanted(dates, Trust.POSTED_SENTENCE):
        found = parse_posted(text, now=dates.now, dayfirst=dates.dayfirst)
        if found is not None:
            dates.offer_value(found[0], Trust.POSTED_SENTENCE, found[1], "text")


#: Last parts of namespaced ``<meta>`` names that mean the publication date.
PUBLISHED_FIELD_TAILS: frozenset[str] = frozenset(
    """uploaded published published_time publish_date pubdate datepublished date_published
    publication_date""".split()
)
_FIELD_TAIL = compile_pattern(r"[:.]")
_KNOWN_PUBLISHED = frozenset((*PUBLISHED_META, *PUBLISHED_META_WEAK))


def meta_dates(meta: dict[str, list[str]], dates: DateCandidates) -> None:
    """Meta fields in the order of the field lists (the first listed field with a date wins);
    the weak generic names after the article's visible dates (``Trust.WEAK_META``)."""
    for key in PUBLISHED_META:
        for value in meta.get(key, ()):
            dates.offer("published", Trust.META, value, f"meta:{key}")
    for key in PUBLISHED_META_WEAK:
        for value in meta.get(key, ()):
            dates.offer("published", Trust.WEAK_META, value, f"meta:{key}")
    for key, values in meta.items():
        # a vendor's own namespace ("five_hundred_pixels:uploaded", "xyz.publish_date"): the
        # field's last part names the concept; trusted like the generic names
        tail = _FIELD_TAIL.split(key)[-1]
        if tail in PUBLISHED_FIELD_TAILS and key not in _KNOWN_PUBLISHED:
            for value in values:
                dates.offer("published", Trust.WEAK_META, value, f"meta:{key}")
    for key in MODIFIED_META:
        for value in meta.get(key, ()):
            dates.offer("modified", Trust.META, value, f"meta:{key}")


def jsonld_dates(jsonld: JsonLd, dates: DateCandidates) -> None:
    """JSON-LD dates: the article node, the page node, dates read from broken JSON."""
    for node, rank, created in (
        (jsonld.article or {}, Trust.JSONLD_ARTICLE, Trust.JSONLD_ARTICLE_CREATED),
        (jsonld.page or {}, Trust.JSONLD_PAGE, Trust.JSONLD_PAGE_CREATED),
    ):
        for kind, key in (("published", "datePublished"), ("modified", "dateModified")):
            value: Any = node.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str):
                dates.offer(kind, rank, value, f"json-ld:{key}")
        if isinstance(node.get("dateCreated"), str):
            dates.offer("published", created, node["dateCreated"], "json-ld:dateCreated")
    for key, raw in (jsonld.raw_dates or {}).items():
        kind = "published" if key == "datePublished" else "modified"
        dates.offer(kind, Trust.JSONLD_BROKEN, raw, f"json-ld:{key}")
