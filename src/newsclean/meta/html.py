"""The page's own metadata, read from a parsed HTML tree in one pass over a few element kinds.

Order of trust for the publication date (the first source that gives a plausible value wins;
the modification date follows the same order with its own fields):

1. ``<meta>`` fields that publishers fill by hand or by CMS: Open Graph / ``article:``,
   ``itemprop``, Dublin Core, parsely, sailthru and the other common names
   (:data:`~newsclean.meta.fields.PUBLISHED_META`).
2. JSON-LD of an article-like type (``NewsArticle``, ``Article``, ``BlogPosting``,
   ``ReportageNewsArticle`` …; ``@graph`` and arrays included), then of a ``WebPage``; then
   the generic ``<meta>`` names (``date``, ``dc.date`` …: :data:`~newsclean.meta.fields.PUBLISHED_META_WEAK`).
3. Microdata: an element with ``itemprop="datePublished"`` (its ``datetime``, ``content`` or text).
4. ``<time datetime>`` in the article or its header (never in comments, related lists, sidebars
   or footers); one marked ``pubdate`` or with a "published" class goes first.
5. The URL path: ``/2020/07/08/``, ``/2020-07-08/``, ``/20200708/``.
6. Visible text: short elements whose class or id says date, time, byline or meta (outside
   the regions above), read with :func:`~newsclean.meta.dates.parse_datelines`.

Dates inside ``<script>`` are read only from JSON-LD; copyright lines and comment timestamps
are never candidates (the regions they live in are skipped, and a bare year is not a day).
The tree is read, never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import regex
from lxml import etree, html

from newsclean.meta.authors import clean_authors, is_byline_label, parse_byline
from newsclean.meta.dates import TIMEOUT, parse_date, parse_datelines, parse_label, plausible
from newsclean.meta.fields import (
    ANY_HINT,
    AUTHOR_HINT,
    AUTHOR_META,
    COMMENT_REGION,
    DATE_HINT,
    DESCRIPTION_META,
    FOOTER_TOKEN,
    FOREIGN_TAGS,
    LANGUAGE_META,
    MODIFIED_HINT,
    MODIFIED_META,
    OTHER_REGION,
    PAGE_TAGS,
    PUBLISHED_HINT,
    PUBLISHED_META,
    PUBLISHED_META_WEAK,
    SITE_META,
    TAG_META,
    TITLE_META,
    URL_META,
)
from newsclean.meta.jsonld import JsonLd, person_names, read_jsonld
from newsclean.meta.tags import dedupe_tags, split_tags
from newsclean.meta.title import clean_title

# Where an element sits, for the dates it may give (see _region).
IN_ARTICLE, IN_OTHER, IN_COMMENTS = 0, 1, 2

# Dates in the URL path: /2020/07/08/, /2020-07-08, /20200708/.
_URL_DATE = regex.compile(r"(?<![\d])((?:19|20)\d{2})[/\-_.]?([01]\d)[/\-_.]?([0-3]\d)(?![\d])")
_URL_DATE_SPLIT = regex.compile(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)/")
_MAX_HINT_TEXT = 200
_MAX_HINT_ELEMENTS = 60
# How much text around the headline is read for the date printed beside it.
_AFTER_TITLE_CHARS = 800
# Share of an <h1>'s words found in a title field for it to count as the headline.
_H1_MATCH = 0.5
_MAX_TITLE_CHARS = 300
_BEFORE_TITLE_CHARS = 300

# Links into a site's tag or topic pages (/tags/…, /topic/…, /schlagwort/…): tags when the page
# marks none in its metadata and the link sits in the article region.
TAG_PATHS: tuple[str, ...] = (
    "/tag/",
    "/tags/",
    "/topic/",
    "/topics/",
    "/schlagwort/",
    "/schlagworte/",
    "/thema/",
    "/themen/",
    "/etiqueta/",
    "/etiquetas/",
    "/sujet/",
    "/mot-cle/",
    "/tema/",
    "/argomenti/",
    "/tegi/",
    "/keyword/",
    "/keywords/",
)
_TAG_PATH = re.compile("|".join(re.escape(path) for path in TAG_PATHS))
#: At most this many tag-path links make a tag list; more is a topic menu.
_MAX_TAG_PATH_LINKS = 25
# XPath's normalize-space() collapses these four only (not U+00A0 and the other Unicode spaces).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# ``type="application/LD+JSON"``: only these letters fold, as the XPath translate() it replaces.
_JSONLD_FOLD = str.maketrans("LDJSON", "ldjson")


@dataclass(slots=True)
class _Elements:
    """The elements each source reads, in document order, gathered in one walk of the tree.

    One walk in Python costs about what one of lxml's XPath scans does, and the extractor used
    to make a dozen of them (``//meta``, ``//time``, ``//a[...]`` …) plus a walk of its own.
    """

    meta: list[Any] = field(default_factory=list)
    links: list[Any] = field(default_factory=list)  # <link rel>
    jsonld: list[Any] = field(default_factory=list)
    itemprop: list[Any] = field(default_factory=list)
    time: list[Any] = field(default_factory=list)
    h1: list[Any] = field(default_factory=list)
    title: list[Any] = field(default_factory=list)
    # rel="tag" links; WordPress marks its category links rel="category tag", and a category
    # is a section of the site, not a tag of the article.
    tag_links: list[Any] = field(default_factory=list)
    tag_path_links: list[Any] = field(default_factory=list)
    rel_author: list[Any] = field(default_factory=list)
    #: elements of the <body> (not script or style) whose class or id holds a hint word
    hinted: list[Any] = field(default_factory=list)


def _collect(tree: Any) -> _Elements:
    """Walk the whole document once and sort the elements the sources read."""
    found = _Elements()
    root = tree.getroottree().getroot()
    # libxml2 can leave a second top-level <html> beside the root (XPath's // reads it too)
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    for top in tops:
        for el in top.iter(etree.Element):
            tag, attrib = el.tag, el.attrib
            get = attrib.get
            if attrib and get("itemprop") is not None:
                found.itemprop.append(el)
            if tag in _COLLECTED_TAGS:
                if tag in ("script", "style"):
                    kind = get("type")
                    if tag == "script" and kind and "ld+json" in kind.translate(_JSONLD_FOLD):
                        found.jsonld.append(el)
                    continue  # never a hinted element
                _sort_tagged(found, el, tag, get)
            if not attrib:
                continue
            cls, ident = get("class"), get("id")
            # The words hold no space, so class and id are tested apart (no joined string).
            if (
                (cls and ANY_HINT.search(cls.lower()) or ident and ANY_HINT.search(ident.lower()))
                # (the tag filter runs in C: no element object for each ancestor)
                and next(el.iterancestors("body"), None) is not None
            ):
                found.hinted.append(el)
    return found


_COLLECTED_TAGS = frozenset({"a", "meta", "time", "h1", "title", "link", "script", "style"})


def _sort_tagged(found: _Elements, el: Any, tag: str, get: Any) -> None:
    """File one element of the kinds :func:`_collect` looks for by tag."""
    if tag == "a":
        rel = get("rel")
        if rel is not None:
            words = _XML_SPACE.split(rel)
            if "tag" in words and "category" not in words:
                found.tag_links.append(el)
            if rel == "author":
                found.rel_author.append(el)
        href = get("href")
        if href is not None and _TAG_PATH.search(href):
            found.tag_path_links.append(el)
    elif tag == "meta":
        found.meta.append(el)
    elif tag == "time":
        found.time.append(el)
    elif tag == "h1":
        found.h1.append(el)
    elif tag == "title":
        found.title.append(el)
    elif tag == "link" and get("rel") is not None:
        found.links.append(el)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date and where it came from: ``"meta:article:published_time"`` (the field's name),
    ``"json-ld:datePublished"``, ``"microdata:datePublished"``, ``"time"``, ``"url"``, ``"text"``.
    """

    value: datetime | date
    source: str


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Everything the page says about itself; ``None`` / empty where it says nothing."""

    title: str | None
    authors: tuple[str, ...]
    published: FoundDate | None
    modified: FoundDate | None
    tags: tuple[str, ...]
    site_name: str | None
    url: str | None
    language: str | None
    description: str | None


# --- Small helpers ------------------------------------------------------------------------


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _attr(el: Any, name: str) -> str:
    value = el.get(name)
    return _text(value) if value else ""


#: ``HtmlElement.text_content()`` for any element: lxml.html runs this same XPath, but a tree
#: parsed with the plain ``etree.HTMLParser`` has no such method (and makes its element
#: proxies 2-3x faster, without lxml.html's per-element class lookup in Python).
_string = etree.XPath("string()", smart_strings=False)


def _content(el: Any) -> str:
    """All the text under ``el`` (as ``text_content()``), script and style included."""
    return str(_string(el))


def _tokens(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _is_foreign(el: Any) -> bool:
    """Whether ``el`` itself (not its ancestors) is a foreign region."""
    if el.tag in FOREIGN_TAGS or el.tag == "nav":
        return True
    tokens = _tokens(el)
    return bool(tokens.strip()) and bool(
        COMMENT_REGION.search(tokens) or OTHER_REGION.search(tokens) or FOOTER_TOKEN.search(tokens)
    )


def _region(el: Any, exempt: frozenset[Any] = frozenset()) -> int:
    """Where ``el`` sits: :data:`IN_ARTICLE`, :data:`IN_OTHER` (related lists, sidebars,
    footers) or :data:`IN_COMMENTS` (comment threads, navigation).

    ``exempt`` holds the containers of the page's headline: whatever their class names say
    ("sidebar-fixed--contain"), they hold the article, so they are no foreign region.
    """
    region, foreign_tag = IN_ARTICLE, False
    for node in el.iterancestors():
        tag = node.tag
        if tag in PAGE_TAGS:
            if tag == "article":
                foreign_tag = False  # the <aside> or <footer> of the article itself
            continue
        if node in exempt:
            continue
        if tag == "nav":
            return IN_COMMENTS
        tokens = _tokens(node)
        if tag in FOREIGN_TAGS or FOOTER_TOKEN.search(tokens):
            foreign_tag = True
        if not tokens.strip():
            continue
        if COMMENT_REGION.search(tokens):
            return IN_COMMENTS
        if OTHER_REGION.search(tokens):
            region = IN_OTHER
    return IN_OTHER if foreign_tag else region


def _first(values: Iterable[str]) -> str | None:
    for value in values:
        if value:
            return value
    return None


#: Ranks of dates on visible elements marked as the publication date (microdata, <time>).
MARKED_RANKS = (30, 40)
#: Ranks of dates a reader sees on the page (``<time>`` and visible text of the article).
SHOWN_RANKS = range(62, 63)


class _Dates:
    """Date candidates by source rank; the lowest rank with a plausible value wins.

    Apart from that, the best *shown* publication date (one a reader sees beside the headline
    or byline, not labelled as an update) is kept, see :func:`_choose_published`.
    """

    def __init__(self, now: datetime | None, dayfirst: bool | None) -> None:
        self.now, self.dayfirst = now, dayfirst
        self.best: dict[str, tuple[int, FoundDate]] = {}

    def _wants(self, kind: str, rank: int) -> bool:
        current = self.best.get(kind)
        shown = self.best.get("shown")
        return (current is None or current[0] > rank) or (
            kind == "published" and rank in SHOWN_RANKS and (shown is None or shown[0] > rank)
        )

    def _keep(self, kind: str, rank: int, found: FoundDate) -> None:
        current = self.best.get(kind)
        if current is None or current[0] > rank:
            self.best[kind] = (rank, found)
        shown = self.best.get("shown")
        if kind == "published" and rank in SHOWN_RANKS and (shown is None or shown[0] > rank):
            self.best["shown"] = (rank, found)

    def offer(self, kind: str, rank: int, text: str, source: str) -> None:
        """Parse ``text`` and keep it if it beats what ``kind`` has."""
        if not text or not self._wants(kind, rank):
            return
        value = parse_date(text, now=self.now, dayfirst=self.dayfirst) or _epoch(text, self.now)
        if value is not None:
            self._keep(kind, rank, FoundDate(value, source))

    def offer_value(self, kind: str, rank: int, value: datetime | date, source: str) -> None:
        """Keep an already parsed ``value`` if it is plausible and beats what ``kind`` has."""
        if self._wants(kind, rank) and plausible(value, self.now):
            self._keep(kind, rank, FoundDate(value, source))

    def get(self, kind: str) -> FoundDate | None:
        found = self.best.get(kind)
        return found[1] if found else None


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _choose_published(dates: _Dates) -> FoundDate | None:
    """The publication date: the most trusted source, unless the page shows another day.

    When the date printed beside the headline (unlabelled, or labelled as the publication
    date) falls on another day than the one found first, the printed one wins: it is the date
    the publisher presents to readers, while hidden fields often keep the day the CMS entry
    was first created, and a bare ``<time>`` or date-classed element elsewhere on the page may
    belong to a list of other articles. Only an element marked as the publication date
    (``itemprop="datePublished"``, ``<time pubdate>`` or a "published" class: ranks 30-40)
    keeps its day. A date labelled "Updated" never becomes the published one.
    """
    best, shown = dates.best.get("published"), dates.get("shown")
    if best is None or shown is None:
        return best[1] if best else None
    rank, found = best
    if MARKED_RANKS[0] <= rank <= MARKED_RANKS[1] or _day(shown.value) == _day(found.value):
        return found
    return shown


def _epoch(text: str, now: datetime | None) -> datetime | None:
    """A Unix time in seconds or milliseconds (some CMSs put one in meta fields)."""
    if not text.isdigit() or len(text) not in (10, 13):
        return None
    from datetime import timezone

    seconds = int(text) / (1000 if len(text) == 13 else 1)
    value = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return value if plausible(value, now) else None


# --- The extractor ------------------------------------------------------------------------


def _meta_map(elements: list[Any]) -> dict[str, list[str]]:
    """Every <meta> content keyed by its lower-cased name/property/itemprop/http-equiv."""
    out: dict[str, list[str]] = {}
    for el in elements:
        content = el.get("content")
        if content is None:
            continue
        content = _text(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
    return out


def _language(tree: Any, meta: dict[str, list[str]], jsonld: JsonLd) -> str | None:
    root = tree.getroottree().getroot()
    value = _first(
        [
            _attr(root, "lang") or _attr(root, "xml:lang"),
            *(v for key in LANGUAGE_META for v in meta.get(key, [])),
            _text((jsonld.article or {}).get("inLanguage") or ""),
        ]
    )
    if not value:
        return None
    code = value.replace("_", "-").split(",")[0].strip()
    parts = code.split("-")
    if not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def _dayfirst(language: str | None) -> bool | None:
    """How to read ``a/b/yyyy`` on this page: US English (and bare "en") keeps the default
    (slashes month-first, dots and dashes day-first); every other language is day-first."""
    if not language or language.lower() in ("en-us", "en"):
        return None
    return True


def _url_date(url: str | None) -> date | None:
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for pattern in (_URL_DATE_SPLIT, _URL_DATE):
        try:
            m = pattern.search(path, timeout=TIMEOUT)
        except TimeoutError:
            m = None
        while m is not None:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                m = pattern.search(path, m.start() + 1, timeout=TIMEOUT)
    return None


def _label_kind(el: Any) -> str | None:
    """The kind a label gives ``el``'s date: in its own text ("Updated on June 18") or just
    before it ("Updated <time>…", "<p>Last updated</p><time>…")."""
    for line in parse_datelines(_text(_content(el))):
        if line.label is not None:
            return line.kind
    prev = el.getprevious()
    before = prev.tail if prev is not None else (el.getparent().text if el.getparent() is not None else None)
    if not (before or "").strip() and prev is not None and _visible(prev):
        before = " ".join(_chunks(prev))  # not text_content(): prev may be a comment
    label = parse_label(_text(before)[-40:]) if before else None
    return label[0] if label else None


def _time_dates(elements: list[Any], dates: _Dates, exempt: frozenset[Any]) -> None:
    """``<time>`` elements of the article (rank 40-42), published and modified kept apart."""
    plain_seen = False
    for el in elements:
        value = _attr(el, "datetime") or _text(_content(el))
        if not value or _region(el, exempt) != IN_ARTICLE:
            continue
        tokens = f"{_tokens(el)} {_attr(el, 'itemprop')}"
        parent = el.getparent()
        if parent is not None:
            tokens += f" {_tokens(parent)}"
        labelled = _label_kind(el)
        if labelled == "modified" or (labelled is None and MODIFIED_HINT.search(tokens)):
            dates.offer("modified", 40, value, "time")
        elif labelled == "published" or el.get("pubdate") is not None or PUBLISHED_HINT.search(tokens):
            dates.offer("published", 40, value, "time")
        elif not plain_seen:
            # The first unmarked <time> outside foreign regions is the article's date.
            plain_seen = True
            dates.offer("published", 42, value, "time")


_WORD = regex.compile(r"\w+")
_WORDISH = regex.compile(r"[\p{L}\p{N}]")
_SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button"})


def _visible(node: Any) -> bool:
    return isinstance(node.tag, str) and node.tag not in _SKIP_TEXT_TAGS


def _chunks(el: Any) -> Iterator[str]:
    """The visible text pieces under ``el``, in document order (script, style, svg skipped)."""
    if el.text and el.text.strip():
        yield el.text
    for child in el:
        if _visible(child):
            yield from _chunks(child)
        if child.tail and child.tail.strip():
            yield child.tail


def _chunks_backwards(el: Any) -> Iterator[str]:
    """:func:`_chunks` from the last piece to the first, produced lazily."""
    for child in reversed(el):
        if child.tail and child.tail.strip():
            yield child.tail
        if _visible(child):
            yield from _chunks_backwards(child)
    if el.text and el.text.strip():
        yield el.text


def _read_chunks(
    chunks: Iterable[str], dates: _Dates, rank: int, hinted_kind: str | None, labelled_only: bool
) -> None:
    """Datelines among text pieces; a label alone in one piece names the date in the next."""
    pending: str | None = None
    for raw in chunks:
        chunk = _text(raw)
        if not chunk:
            continue
        label = parse_label(chunk)
        if label is not None:
            pending = label[0]
            continue
        if not _WORDISH.search(chunk):
            continue  # "|" or ":" between a label and its date
        for line in parse_datelines(chunk, now=dates.now, dayfirst=dates.dayfirst):
            if line.label is None and pending is None and labelled_only:
                continue
            kind = line.kind if line.label else (pending or hinted_kind or line.kind)
            dates.offer_value(kind, rank, line.value, "text")
        pending = None


def _text_dates(hinted: list[Any], dates: _Dates, exempt: frozenset[Any]) -> list[Any]:
    """Dates in short visible elements whose class/id says date or byline (rank 60-61), and
    in labelled datelines of sidebars and other foreign regions (rank 70).

    Also returns the author/byline elements of the article met on the way, for the authors.
    """
    bylines: list[Any] = []
    seen = 0
    for el in hinted:
        tokens = _tokens(el)
        is_date = DATE_HINT.search(tokens) is not None
        is_author = AUTHOR_HINT.search(tokens) is not None
        if not (is_date or is_author):
            continue
        seen += 1
        if seen > _MAX_HINT_ELEMENTS:
            break
        text = _text(_content(el))
        if not text or len(text) > _MAX_HINT_TEXT:
            continue
        region = _region(el, exempt)
        if region == IN_COMMENTS:
            continue
        if is_author and region == IN_ARTICLE:
            bylines.append(el)
        hinted_kind = "modified" if MODIFIED_HINT.search(tokens) else None
        if region == IN_ARTICLE:
            for attr in ("datetime", "content", "data-date", "data-datetime", "title"):
                value = _attr(el, attr)
                if value and parse_date(value, now=dates.now, dayfirst=dates.dayfirst):
                    dates.offer(hinted_kind or "published", 60, value, "text")
                    break
        _read_chunks(
            _chunks(el),
            dates,
            61 if region == IN_ARTICLE else 70,
            hinted_kind,
            labelled_only=region != IN_ARTICLE,
        )
    return bylines


def _window(h1: Any, *, before: bool, max_chars: int) -> list[str]:
    """Visible text pieces just before or just after ``h1`` in document order (not its own),
    skipping comment sections and lists of other articles met on the way."""
    pieces: list[str] = []
    size = 0

    def around(node: Any) -> Iterator[str]:
        for current in (node, *node.iterancestors()):
            if current.tag in ("body", "html"):
                return
            if not before and current.tail:
                yield current.tail
            for sibling in current.itersiblings(preceding=before):
                if before and sibling.tail:
                    yield sibling.tail
                if _visible(sibling) and not _is_foreign(sibling):
                    yield from (_chunks_backwards if before else _chunks)(sibling)
                if not before and sibling.tail:
                    yield sibling.tail
            parent = current.getparent()
            if before and parent is not None and parent.text:
                yield parent.text

    for raw in around(h1):
        chunk = _text(raw)
        if chunk:
            pieces.append(chunk)
            size += len(chunk)
            if size >= max_chars:
                break
    return pieces[::-1] if before else pieces


def _title_dates(h1: Any, dates: _Dates, *, headline: bool) -> None:
    """Datelines just after the headline, then just before it (rank 62): where the page
    prints the date it wants readers to see.

    When the page's title fields name another headline than this ``<h1>`` ("Contact Us" in a
    header, the article's headline in an ``<h2>``), the dates around it are ordinary visible
    text (rank 63), not the date shown beside the headline.
    """
    rank = SHOWN_RANKS[0] if headline else SHOWN_RANKS[-1] + 1
    _read_chunks(_window(h1, before=False, max_chars=_AFTER_TITLE_CHARS), dates, rank, None, False)
    _read_chunks(_window(h1, before=True, max_chars=_BEFORE_TITLE_CHARS), dates, rank, None, False)


def _main_h1(h1s: list[Any], titles: Iterable[str]) -> tuple[Any | None, bool]:
    """The <h1> that holds the headline, and whether the title fields confirm it.

    It is the one sharing most words with the page's title fields (a page may have an <h1>
    for its logo or a "Related articles" box); when none shares half the words, the first
    non-empty one, unconfirmed."""
    title_words = [set(_WORD.findall(t.casefold())) for t in titles if t]
    best, best_score, first = None, 0.0, None
    for h1 in h1s[:6]:
        words = set(_WORD.findall(_text(_content(h1)).casefold()))
        if not words:
            continue
        first = first if first is not None else h1
        for title in title_words:
            # Dice overlap: a one-word <h1> ("Discord") inside a long title is no match.
            score = 2 * len(words & title) / (len(words) + len(title)) if title else 0.0
            if score > best_score:
                best, best_score = h1, score
    return (best, True) if best_score >= _H1_MATCH else (first, False)


def _meta_dates(meta: dict[str, list[str]], dates: _Dates) -> None:
    """Meta fields in the order of the lists above: 8 names share one rank (0-3); weak 20."""
    for rank, key in enumerate(PUBLISHED_META):
        for value in meta.get(key, ()):
            dates.offer("published", rank // 8, value, f"meta:{key}")
    for key in PUBLISHED_META_WEAK:
        for value in meta.get(key, ()):
            dates.offer("published", 20, value, f"meta:{key}")
    for rank, key in enumerate(MODIFIED_META):
        for value in meta.get(key, ()):
            dates.offer("modified", rank // 8, value, f"meta:{key}")


def _jsonld_dates(jsonld: JsonLd, dates: _Dates) -> None:
    """JSON-LD dates: the article node (rank 10), the page node (12), broken JSON (14)."""
    for node, rank in ((jsonld.article or {}, 10), (jsonld.page or {}, 12)):
        for kind, key in (("published", "datePublished"), ("modified", "dateModified")):
            value: Any = node.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str):
                dates.offer(kind, rank, value, f"json-ld:{key}")
        if isinstance(node.get("dateCreated"), str):
            dates.offer("published", rank + 1, node["dateCreated"], "json-ld:dateCreated")
    for key, raw in (jsonld.raw_dates or {}).items():
        dates.offer("published" if key == "datePublished" else "modified", 14, raw, f"json-ld:{key}")


@dataclass
class _Microdata:
    authors: list[str]
    headline: str | None


def _microdata(elements: list[Any], dates: _Dates, exempt: frozenset[Any]) -> _Microdata:
    """itemprop dates (rank 30), authors and headline on visible elements of the article
    (``<meta itemprop>`` was read with the other meta fields)."""
    found = _Microdata([], None)
    for el in elements:
        prop = (el.get("itemprop") or "").lower()
        if el.tag == "meta" or prop not in _MICRODATA_PROPS or _region(el, exempt) != IN_ARTICLE:
            continue
        if prop in ("datepublished", "datemodified"):
            value = _attr(el, "datetime") or _attr(el, "content") or _text(_content(el))
            kind = "published" if prop == "datepublished" else "modified"
            dates.offer(kind, 30, value, f"microdata:{el.get('itemprop')}")
        elif prop == "author":
            names = el.xpath(".//*[@itemprop='name']")
            holder = names[0] if names else el
            found.authors.append(_attr(holder, "content") or _text(_content(holder)))
        elif found.headline is None:
            found.headline = _attr(el, "content") or _text(_content(el))
    return found


_MICRODATA_PROPS = frozenset({"datepublished", "datemodified", "author", "headline"})


def extract_html_metadata(
    tree: html.HtmlElement, *, url: str | None = None, now: datetime | None = None
) -> PageMeta:
    """Read title, authors, dates, tags, site name, canonical URL, language and description.

    ``tree`` is the page as parsed, before any cleaning; it is not changed. ``url`` is where
    the page came from (used for the URL-path date when the page names no canonical URL);
    ``now`` bounds plausible dates (default: the real clock) and enables relative dates.
    """
    found = _collect(tree)
    meta = _meta_map(found.meta)
    jsonld = read_jsonld(found.jsonld)
    language = _language(tree, meta, jsonld)
    dates = _Dates(now, _dayfirst(language))
    article = jsonld.article or {}
    site_name = _first([*(v for key in SITE_META for v in meta.get(key, [])), jsonld.publisher or ""])
    title_fields = _title_fields(found.title, meta, article)
    # Compared without the site's name, so that a logo <h1> naming the site is no match.
    h1, confirmed = _main_h1(found.h1, [clean_title(f, site_name=site_name) for f in title_fields if f])
    exempt = frozenset(h1.iterancestors()) if h1 is not None else frozenset()

    _meta_dates(meta, dates)  # 1. meta fields (the weak generic ones rank after JSON-LD)
    _jsonld_dates(jsonld, dates)  # 2. JSON-LD
    microdata = _microdata(found.itemprop, dates, exempt)  # 3. microdata
    _time_dates(found.time, dates, exempt)  # 4. <time>
    canonical = _canonical(found.links, meta, article)
    for rank, candidate in ((50, canonical), (51, url)):  # 5. the URL path
        day = _url_date(candidate)
        if day is not None:
            dates.offer_value("published", rank, day, "url")
    bylines = _text_dates(found.hinted, dates, exempt)  # 6. visible text: date and byline elements,
    if h1 is not None:
        # and the lines around the headline (an <h1> the title fields disown is no headline)
        _title_dates(h1, dates, headline=confirmed or not any(title_fields))

    return PageMeta(
        title=_title(title_fields, microdata.headline, h1 if confirmed else None, site_name),
        authors=_authors(
            found.rel_author, meta, article, microdata.authors, bylines, h1, {site_name, jsonld.publisher}
        ),
        published=_choose_published(dates),
        modified=dates.get("modified"),
        tags=_tags(found, meta, article, exempt),
        site_name=site_name,
        url=canonical or url,
        language=language,
        description=_first(
            [
                *(v for key in DESCRIPTION_META for v in meta.get(key, [])),
                _text(article.get("description") or ""),
            ]
        ),
    )


def _canonical(links: list[Any], meta: dict[str, list[str]], article: dict[str, Any]) -> str | None:
    for el in links:
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return _text(el.get("href"))
    value = _first(v for key in URL_META for v in meta.get(key, []))
    if value:
        return value
    url = article.get("url")
    return url if isinstance(url, str) and url.startswith("http") else None


def _title_fields(titles: list[Any], meta: dict[str, list[str]], article: dict[str, Any]) -> list[str]:
    """Title candidates in order of trust: og/twitter and other title metas, the JSON-LD
    headline, then the <title> element (each still with its site suffix)."""
    headline = article.get("headline")
    return [
        *(v for key in TITLE_META for v in meta.get(key, [])),
        _text(headline) if isinstance(headline, str) else "",
        *(_text(_content(t)) for t in titles[:1]),
    ]


def _title(fields: list[str], microdata: str | None, h1: Any | None, site_name: str | None) -> str | None:
    """The headline: the <h1> the title fields confirm, else the first field without its
    site name.

    The page's visible headline wins over the (often search-engine-tuned) title fields once
    it shares half its words with one of them: it is what readers see above the article.
    """
    h1_text = _text(" ".join(_headline_chunks(h1))) if h1 is not None else ""
    if h1_text and len(h1_text) <= _MAX_TITLE_CHARS:
        return h1_text
    field = _first([*fields, microdata or ""])
    return clean_title(field, site_name=site_name) if field else None


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "time"})


def _headline_chunks(h1: Any) -> Iterator[str]:
    """The text pieces of the headline element without what pages nest inside it: a ``<time>``
    ("Dec 18 2025 Preparing a transition"), a sub-heading or an element classed as a date or
    byline ("Posted on July 1, 2024 by …")."""
    if h1.text and h1.text.strip():
        yield h1.text
    for child in h1:
        nested = child.tag in _HEADING_TAGS or ANY_HINT.search(_tokens(child).lower())
        if _visible(child) and not nested:
            yield from _headline_chunks(child)
        if child.tail and child.tail.strip():
            yield child.tail


#: A byline split over several author elements is read from their parent up to this length.
_MAX_BYLINE_PARENT_CHARS = 200


def _byline_in(chunks: Iterable[str]) -> tuple[str, ...] | None:
    """The first byline among text pieces; a label alone ("By") names the next piece."""
    label = ""
    for raw in chunks:
        chunk = _text(raw)
        if not chunk:
            continue
        if is_byline_label(chunk):
            label = chunk
            continue
        names = parse_byline(f"{label} {chunk}" if label else chunk)
        if names:
            return names
        label = ""
    return None


def _authors(
    rel_author: list[Any],
    meta: dict[str, list[str]],
    article: dict[str, Any],
    microdata: list[str],
    author_elements: list[Any],
    h1: Any | None,
    publishers: set[str | None],
) -> tuple[str, ...]:
    """Authors, first source that names any: JSON-LD, meta fields, microdata, rel=author
    links, bylines in author/byline elements, the byline under the headline, then the text
    of an author-classed element (a name by declaration).

    A source naming only a login ("andrew.keaveney") or the publisher itself (an
    organisation, or the site's name typed as a person) is used only when no later source
    names a person."""
    brands = {name.casefold() for name in publishers if name}
    # An organisation signing the article is the answer only when no person is named.
    fallback = clean_authors(person_names(article.get("author")), one_each=True)
    people = person_names(article.get("author"), people=True) or person_names(
        article.get("creator"), people=True
    )
    for values, one_each in (
        (people, True),
        *(
            # one author a field ("citation_author" repeated, in "Surname, Given name" form)
            (values, len(values) > 1)
            for key in AUTHOR_META
            if (values := meta.get(key, []))
        ),
        (microdata, True),
        ([_text(_content(a)) for a in rel_author[:5]], True),
    ):
        found = clean_authors(values, one_each=one_each)
        if found and all(_HANDLE.match(name) or name.casefold() in brands for name in found):
            fallback = fallback or found  # a byline may still name the person
        elif found:
            return found
    for el in author_elements:
        # "Par <span>A</span> et <span>B</span>": the byline is the parent's text, not one span's
        parent = el.getparent()
        if parent is not None and len(_content(parent)) <= _MAX_BYLINE_PARENT_CHARS:
            names = parse_byline(_text(" ".join(_chunks(parent))))
            if names:
                return names
        names = _byline_in(_chunks(el))
        if names:
            return names
    if h1 is not None:
        names = _byline_in(_window(h1, before=False, max_chars=_AFTER_TITLE_CHARS))
        if names:
            return names
    for el in author_elements:
        text = " ".join(_text(c) for c in _chunks(el))
        if len(text) <= 60 and AUTHOR_HINT.search(_tokens(el)):
            found = clean_authors([text])
            if found:
                return found
    return fallback


#: A CMS login rather than a name: one lower-case token, or tokens joined by "." or "_".
_HANDLE = regex.compile(r"^[\p{Ll}\p{N}]+(?:[._][\p{Ll}\p{N}]+)*$")


def _tags(
    found: _Elements, meta: dict[str, list[str]], article: dict[str, Any], exempt: frozenset[Any]
) -> tuple[str, ...]:
    """Tags from article:tag, news_keywords/keywords meta, JSON-LD keywords, rel=tag links."""
    values: list[str] = []
    for key in TAG_META:
        for value in meta.get(key, ()):
            values.extend(split_tags(value))
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        values.extend(split_tags(keywords))
    elif isinstance(keywords, list):
        values.extend(str(k) for k in keywords if isinstance(k, (str, int)))
    for link in found.tag_links:
        if _region(link, exempt) == IN_ARTICLE:
            values.append(_text(_content(link)))
    if not values:
        links = [a for a in found.tag_path_links if _region(a, exempt) == IN_ARTICLE]
        if len(links) <= _MAX_TAG_PATH_LINKS:
            values.extend(text for a in links if 0 < len(text := _text(_content(a))) <= 60)
    return dedupe_tags(values)
