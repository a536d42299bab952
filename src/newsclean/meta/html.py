"""The page's own metadata, read from a parsed HTML tree: the elements :mod:`newsclean.meta.collect`
gathered, read source by source.

Order of trust for the publication date (the table: :class:`~newsclean.meta.date_trust.Trust`;
the first source with a plausible value wins; the modification date follows the same order):

1. ``<meta>`` fields that publishers fill by hand or by CMS: Open Graph / ``article:``,
   ``itemprop``, Dublin Core, parsely, sailthru and the other common names
   (:data:`~newsclean.meta.fields.PUBLISHED_META`).
2. JSON-LD of an article-like type (``NewsArticle``, ``Article``, ``BlogPosting``,
   ``ReportageNewsArticle`` …; ``@graph`` and arrays included), then of a ``WebPage``.
3. Microdata: an element with ``itemprop="datePublished"`` (its ``datetime``, ``content`` or text).
4. ``<time datetime>`` in the article or its header (never in comments, related lists, sidebars
   or footers); one marked ``pubdate`` or with a "published" class goes first.
   A Unix time in ``data-utime`` comes just after the marked ones.
5. The URL path: ``/2020/07/08/``, ``/2020-07-08/``, ``/20200708/``, ``/23-01-2022-…``.
6. Visible text: short elements whose class or id says date, time, byline or meta (outside
   the regions above), read with :func:`~newsclean.meta.datelines.parse_datelines`; then the
   lines beside the headline (teasers nested there left out); then the generic ``<meta>``
   names (``date``, ``dc.date`` …: :data:`~newsclean.meta.fields.PUBLISHED_META_WEAK`), often
   the page's build date.
7. Guesses, used only when nothing above nor the text rules give a date: a day in the path
   of the page's image, then schema.org ``copyrightYear`` (``PageMeta.published_guess``).

Dates inside ``<script>`` are read only from JSON-LD; copyright lines and comment timestamps
are never candidates (the regions they live in are skipped, and a bare year is not a day).
The tree is read, never changed.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from lxml import etree

from newsclean.meta.collect import Elements, collect, file_tagged, tops
from newsclean.meta.date_places import (
    copyright_year,
    image_dates,
    title_dates,
    url_date,
    utime_dates,
)
from newsclean.meta.date_trust import Trust
from newsclean.meta.datelines import DatelineMemo
from newsclean.meta.fields import (
    DESCRIPTION_META,
    LANGUAGE_META,
)
from newsclean.meta.jsonld import (
    ARTICLE_TYPES,
    JsonLd,
    decode_entities,
    first_nonempty,
    jsonld_text,
    read_jsonld,
)
from newsclean.meta.page_authors import page_authors, quoted
from newsclean.meta.page_dates import (
    DateCandidates,
    FoundDate,
    choose_published,
    dayfirst,
    jsonld_dates,
    meta_dates,
    text_dates,
    time_dates,
)
from newsclean.meta.page_tags import page_categories, page_tags
from newsclean.meta.page_title import main_h1, page_title, read_title_fields
from newsclean.meta.site import ABSOLUTE, base_url, canonical_url, declared_site_name, host_name
from newsclean.meta.title import clean_title
from newsclean.meta.tree import (
    IN_ARTICLE,
    IN_COMMENTS,
    Places,
    Where,
    attr_text,
    content,
    region_of,
    squash,
)
from newsclean.values import FrozenValue, Value

if TYPE_CHECKING:  # (lxml.html only names the tree's type: not imported at run time)
    from lxml import html


class PageMeta(FrozenValue):
    """Everything the page says about itself; ``None`` / empty where it says nothing."""

    __slots__ = (
        "title", "authors", "published", "modified", "tags", "site_name", "url", "language", "description",
        "categories", "published_guess", "warnings",
    )
    title: str | None
    authors: tuple[str, ...]
    published: FoundDate | None
    modified: FoundDate | None
    tags: tuple[str, ...]
    site_name: str | None
    url: str | None
    language: str | None
    description: str | None
    categories: tuple[str, ...]
    #: a publication date only guessed (image path, copyright year): used when nothing else gives one
    published_guess: FoundDate | None
    #: what was skipped while reading (a JSON-LD script too large or too deep)
    warnings: tuple[str, ...]

    def __init__(
        self,
        title: str | None,
        authors: tuple[str, ...],
        published: FoundDate | None,
        modified: FoundDate | None,
        tags: tuple[str, ...],
        site_name: str | None,
        url: str | None,
        language: str | None,
        description: str | None,
        categories: tuple[str, ...] = (),
        published_guess: FoundDate | None = None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self._set(
            title, authors, published, modified, tags, site_name, url, language, description, categories,
            published_guess, warnings,
        )


# --- Small helpers ------------------------------------------------------------------------


# --- The extractor ------------------------------------------------------------------------


def _meta_map(elements: list[Any]) -> dict[str, list[str]]:
    """Every <meta> content keyed by its lower-cased name/property/itemprop/http-equiv."""
    out: dict[str, list[str]] = {}
    for el in elements:
        # <meta itemprop="dateModified" datetime="…">: microdata puts a date in datetime
        content = el.get("content")
        if content is None:
            content = el.get("datetime")
        if content is None:
            continue
        # Entities the parser left (double-escaped "&amp;#13;", "&quot" without its ";")
        content = squash(decode_entities(content))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
        if (el.get("pubdate") or "").lower() == "pubdate":  # <meta pubdate="pubdate" content=…>
            out.setdefault("pubdate", []).append(content)
    return out


def _language(tree: Any, meta: dict[str, list[str]], jsonld: JsonLd) -> str | None:
    root = tree.getroottree().getroot()
    value = first_nonempty(
        [
            attr_text(root, "lang") or attr_text(root, "xml:lang"),
            *(v for key in LANGUAGE_META for v in meta.get(key, [])),
            squash((jsonld.article or {}).get("inLanguage") or ""),
        ]
    )
    if not value:
        return None
    code = value.replace("_", "-").split(",")[0].strip()
    parts = code.split("-")
    if not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


class _Microdata(Value):
    __slots__ = ("authors", "headline")
    authors: list[str]
    headline: str | None

    def __init__(self, authors: list[str], headline: str | None) -> None:
        self.authors = authors
        self.headline = headline


def _microdata(elements: list[Any], dates: DateCandidates, where: Where) -> _Microdata:
    """itemprop dates (``Trust.MICRODATA``), authors and headline on visible elements of the article
    (``<meta itemprop>`` was read with the other meta fields)."""
    found = _Microdata([], None)
    sole = _sole_article_scope(elements)
    for el in elements:
        prop = (el.get("itemprop") or "").lower()
        if el.tag == "meta" or prop not in _MICRODATA_PROPS:
            continue
        region = where(el)
        if region != IN_ARTICLE and not (
            # the page's one Article item declares this date its own, whatever the class of
            # the box it sits in ("footer" of a news item: TYPO3's <div class="footer">)
            region != IN_COMMENTS and sole is not None and _scope_of(el) is sole
        ):
            continue
        if prop in ("datepublished", "datemodified"):
            value = attr_text(el, "datetime") or attr_text(el, "content") or squash(content(el))
            kind = "published" if prop == "datepublished" else "modified"
            dates.offer(kind, Trust.MICRODATA, value, f"microdata:{el.get('itemprop')}")
        elif prop == "author":
            if quoted(el):
                continue  # a quotation's or a photo's author
            names = el.xpath(".//*[@itemprop='name']")
            holder = names[0] if names else el
            found.authors.append(attr_text(holder, "content") or squash(content(holder)))
        elif found.headline is None:
            found.headline = attr_text(el, "content") or squash(content(el))
    return found


_MICRODATA_PROPS = frozenset({"datepublished", "datemodified", "author", "headline"})


def _scope_of(el: Any) -> Any | None:
    """The nearest ``itemscope`` element around ``el`` (``None`` outside any)."""
    return next((node for node in el.iterancestors() if node.get("itemscope") is not None), None)


def _sole_article_scope(elements: list[Any]) -> Any | None:
    """The page's microdata item of an article type when there is exactly one (a list of
    teasers has many, each with its own date)."""
    scopes = {
        id(scope): scope
        for el in elements
        if (el.get("itemprop") or "").lower() == "datepublished"
        and (scope := _scope_of(el)) is not None
        and (scope.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].lower() in ARTICLE_TYPES
    }
    return next(iter(scopes.values())) if len(scopes) == 1 else None


#: Where the page's address is read from (see :func:`page_address`).
_ADDRESS_TAGS = ("link", "meta", "base", "script")


def page_address(tree: Any, url: str | None) -> str | None:
    """The page's own address, ``PageMeta.url`` (the canonical URL, else ``url``), read before
    the walk: the user rules of the page's host decide what the walk marks, so the host is
    needed first, and when the caller gives no URL the page names it. Only the elements the
    address is read from are gathered (``<link>``, ``<meta>``, ``<base>``, ``<script>``); the
    JSON-LD is read only when no link or ``<meta>`` names the address.

    Most pages name it in a ``<link rel=canonical>`` in their ``<head>``: the first such link
    in document order when nothing precedes the ``<head>``, and an absolute address needs no
    ``<base>``, so then the ``<head>`` alone is read."""
    root = tree.getroottree().getroot()
    head = root.find("*")
    if (
        head is not None
        and head.tag == "head"
        and next(root.itersiblings(etree.Element, preceding=True), None) is None
    ):
        for el in head.iter("link"):
            if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
                href = squash(el.get("href"))
                if ABSOLUTE.match(href):
                    return href
                break  # (relative: resolved against the first <base>, wherever it is)
    found = Elements()
    for top in tops(root):
        for el in top.iter(*_ADDRESS_TAGS):  # (one pass; the tag test runs in C)
            file_tagged(found, el, el.tag)
    base = base_url(found.base, url)
    canonical = canonical_url(found.links, _meta_map(found.meta), {}, base)
    if canonical is None:
        canonical = canonical_url([], {}, read_jsonld(found.jsonld).article or {}, base)
    return canonical or url


def extract_html_metadata(
    tree: html.HtmlElement,
    *,
    url: str | None = None,
    now: datetime | None = None,
    memo: DatelineMemo | None = None,
    found: Elements | None = None,
) -> PageMeta:
    """Read title, authors, dates, tags, categories, site name, canonical URL, language and
    description.

    ``tree`` is the page as parsed, before any cleaning; it is not changed. ``url`` is where
    the page came from (used for the URL-path date when the page names no canonical URL, and to
    resolve a relative canonical URL); ``now`` bounds plausible dates (default: the real clock)
    and enables relative dates. ``memo`` holds the datelines the page's other readers share
    (see :class:`~newsclean.meta.datelines.DatelineMemo`; a fresh one when not given).
    ``found``: the page's elements the block walk gathered (a
    :class:`~newsclean.meta.collect.Collector`'s; where each element sits is then read from the
    walk's containers, :class:`~newsclean.meta.tree.Places`); gathered here when not given.
    """
    if found is None:
        found = collect(tree)
    meta = _meta_map(found.meta)
    jsonld = read_jsonld(found.jsonld)
    language = _language(tree, meta, jsonld)
    dates = DateCandidates(now, dayfirst(language), memo)
    article = jsonld.article or {}
    base = base_url(found.base, url)
    canonical = canonical_url(found.links, meta, article, base)
    # (titles are cleaned of the declared name only: a host's letters are no headline piece)
    site_name = declared_site_name(meta, jsonld, canonical or url)
    title_fields = read_title_fields(found.title, meta, article)
    # Compared without the site's name, so that a logo <h1> naming the site is no match.
    h1, confirmed = main_h1(found.h1, [clean_title(f, site_name=site_name) for f in title_fields if f])
    exempt = frozenset(h1.iterancestors()) if h1 is not None else frozenset()
    where: Where = (
        Places(found.containers, found.holder, exempt).region
        if found.containers is not None
        else partial(region_of, exempt=exempt)
    )

    meta_dates(meta, dates)  # 1. meta fields (the weak generic ones rank after visible text)
    jsonld_dates(jsonld, dates)  # 2. JSON-LD
    microdata = _microdata(found.itemprop, dates, where)  # 3. microdata
    time_dates(found.time, dates, where)  # 4. <time>, data-utime
    utime_dates(found.utime, dates, where)
    for rank, candidate in ((Trust.URL_CANONICAL, canonical), (Trust.URL_GIVEN, url)):  # 5. the URL
        day = url_date(candidate)
        if day is not None:
            dates.offer_value("published", rank, day, "url")
    bylines = text_dates(found.hinted, dates, where)  # 6. visible text: date and byline elements,
    if h1 is not None:
        # and the lines around the headline (an <h1> the title fields disown is no headline)
        title_dates(h1, dates, headline=confirmed or not any(title_fields))
    image_dates(meta, found.images, dates, where)  # 7. paths of the article's images
    copyright_year(meta, dates)  # 8. schema.org copyrightYear: a year only

    return PageMeta(
        title=page_title(title_fields, microdata.headline, h1, confirmed, found.h2, site_name),
        authors=page_authors(
            found.rel_author,
            found.author_tags,
            meta,
            jsonld,
            microdata.authors,
            bylines,
            h1,
            {site_name, jsonld.publisher},
            title_fields,
            confirmed=confirmed,
        ),
        published=_published(dates, guess=False),
        published_guess=_published(dates, guess=True),
        modified=dates.get("modified"),
        tags=page_tags(found.tag_links, found.tag_path_links, meta, article, where),
        categories=page_categories(found.category_links, meta, article, where),
        site_name=site_name or host_name(canonical or url),
        url=canonical or url,
        language=language,
        description=first_nonempty(
            [
                *(v for key in DESCRIPTION_META for v in meta.get(key, [])),
                jsonld_text(article.get("description")),
            ]
        ),
        warnings=tuple(jsonld.warnings),
    )


#: Sources that only guess a publication date: kept when the page gives no other date.
GUESS_SOURCES = frozenset({"image-url", "copyright-year"})


def _published(dates: DateCandidates, *, guess: bool) -> FoundDate | None:
    """:func:`choose_published` when it is a date the page gives (``guess`` False), or when
    it is only a guess (an image's path, a copyright year: ``guess`` True).

    A guess is kept apart: it comes after the dates the text rules find in the page's
    blocks, and it does not stand beside a date the page prints as an update (such a page
    shows no publication date; its update is the story's date)."""
    found = choose_published(dates)
    if found is None or (found.source in GUESS_SOURCES) != guess:
        return None
    if guess and dates.get("modified") is not None:
        return None
    return found
