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
from datetime import datetime
from typing import Any

import regex
from lxml import etree, html

from newsclean.meta.authors import clean_authors, is_byline_label, parse_byline
from newsclean.meta.fields import (
    ANY_HINT,
    AUTHOR_HINT,
    AUTHOR_META,
    DESCRIPTION_META,
    LANGUAGE_META,
    SITE_META,
    TAG_META,
    TITLE_META,
    URL_META,
)
from newsclean.meta.jsonld import JsonLd, first_nonempty, person_names, read_jsonld
from newsclean.meta.page_dates import (
    AFTER_TITLE_CHARS,
    DateCandidates,
    FoundDate,
    choose_published,
    dayfirst,
    jsonld_dates,
    meta_dates,
    text_dates,
    time_dates,
    title_dates,
    url_date,
)
from newsclean.meta.tags import dedupe_tags, split_tags
from newsclean.meta.title import clean_title
from newsclean.meta.tree import (
    IN_ARTICLE,
    attr_text,
    chunks,
    class_tokens,
    content,
    region_of,
    squash,
    visible,
    window,
)

# Share of an <h1>'s words found in a title field for it to count as the headline.
_H1_MATCH = 0.5
_MAX_TITLE_CHARS = 300

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


# --- The extractor ------------------------------------------------------------------------


def _meta_map(elements: list[Any]) -> dict[str, list[str]]:
    """Every <meta> content keyed by its lower-cased name/property/itemprop/http-equiv."""
    out: dict[str, list[str]] = {}
    for el in elements:
        content = el.get("content")
        if content is None:
            continue
        content = squash(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
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


_WORD = regex.compile(r"\w+")


def _main_h1(h1s: list[Any], titles: Iterable[str]) -> tuple[Any | None, bool]:
    """The <h1> that holds the headline, and whether the title fields confirm it.

    It is the one sharing most words with the page's title fields (a page may have an <h1>
    for its logo or a "Related articles" box); when none shares half the words, the first
    non-empty one, unconfirmed."""
    title_words = [set(_WORD.findall(t.casefold())) for t in titles if t]
    best, best_score, first = None, 0.0, None
    for h1 in h1s[:6]:
        words = set(_WORD.findall(squash(content(h1)).casefold()))
        if not words:
            continue
        first = first if first is not None else h1
        for title in title_words:
            # Dice overlap: a one-word <h1> ("Discord") inside a long title is no match.
            score = 2 * len(words & title) / (len(words) + len(title)) if title else 0.0
            if score > best_score:
                best, best_score = h1, score
    return (best, True) if best_score >= _H1_MATCH else (first, False)


@dataclass
class _Microdata:
    authors: list[str]
    headline: str | None


def _microdata(elements: list[Any], dates: DateCandidates, exempt: frozenset[Any]) -> _Microdata:
    """itemprop dates (rank 30), authors and headline on visible elements of the article
    (``<meta itemprop>`` was read with the other meta fields)."""
    found = _Microdata([], None)
    for el in elements:
        prop = (el.get("itemprop") or "").lower()
        if el.tag == "meta" or prop not in _MICRODATA_PROPS or region_of(el, exempt) != IN_ARTICLE:
            continue
        if prop in ("datepublished", "datemodified"):
            value = attr_text(el, "datetime") or attr_text(el, "content") or squash(content(el))
            kind = "published" if prop == "datepublished" else "modified"
            dates.offer(kind, 30, value, f"microdata:{el.get('itemprop')}")
        elif prop == "author":
            names = el.xpath(".//*[@itemprop='name']")
            holder = names[0] if names else el
            found.authors.append(attr_text(holder, "content") or squash(content(holder)))
        elif found.headline is None:
            found.headline = attr_text(el, "content") or squash(content(el))
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
    dates = DateCandidates(now, dayfirst(language))
    article = jsonld.article or {}
    site_name = first_nonempty([*(v for key in SITE_META for v in meta.get(key, [])), jsonld.publisher or ""])
    title_fields = _title_fields(found.title, meta, article)
    # Compared without the site's name, so that a logo <h1> naming the site is no match.
    h1, confirmed = _main_h1(found.h1, [clean_title(f, site_name=site_name) for f in title_fields if f])
    exempt = frozenset(h1.iterancestors()) if h1 is not None else frozenset()

    meta_dates(meta, dates)  # 1. meta fields (the weak generic ones rank after JSON-LD)
    jsonld_dates(jsonld, dates)  # 2. JSON-LD
    microdata = _microdata(found.itemprop, dates, exempt)  # 3. microdata
    time_dates(found.time, dates, exempt)  # 4. <time>
    canonical = _canonical(found.links, meta, article)
    for rank, candidate in ((50, canonical), (51, url)):  # 5. the URL path
        day = url_date(candidate)
        if day is not None:
            dates.offer_value("published", rank, day, "url")
    bylines = text_dates(found.hinted, dates, exempt)  # 6. visible text: date and byline elements,
    if h1 is not None:
        # and the lines around the headline (an <h1> the title fields disown is no headline)
        title_dates(h1, dates, headline=confirmed or not any(title_fields))

    return PageMeta(
        title=_title(title_fields, microdata.headline, h1 if confirmed else None, site_name),
        authors=_authors(
            found.rel_author, meta, article, microdata.authors, bylines, h1, {site_name, jsonld.publisher}
        ),
        published=choose_published(dates),
        modified=dates.get("modified"),
        tags=_tags(found, meta, article, exempt),
        site_name=site_name,
        url=canonical or url,
        language=language,
        description=first_nonempty(
            [
                *(v for key in DESCRIPTION_META for v in meta.get(key, [])),
                squash(article.get("description") or ""),
            ]
        ),
    )


def _canonical(links: list[Any], meta: dict[str, list[str]], article: dict[str, Any]) -> str | None:
    for el in links:
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return squash(el.get("href"))
    value = first_nonempty(v for key in URL_META for v in meta.get(key, []))
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
        squash(headline) if isinstance(headline, str) else "",
        *(squash(content(t)) for t in titles[:1]),
    ]


def _title(fields: list[str], microdata: str | None, h1: Any | None, site_name: str | None) -> str | None:
    """The headline: the <h1> the title fields confirm, else the first field without its
    site name.

    The page's visible headline wins over the (often search-engine-tuned) title fields once
    it shares half its words with one of them: it is what readers see above the article.
    """
    h1_text = squash(" ".join(_headline_chunks(h1))) if h1 is not None else ""
    if h1_text and len(h1_text) <= _MAX_TITLE_CHARS:
        return h1_text
    field = first_nonempty([*fields, microdata or ""])
    return clean_title(field, site_name=site_name) if field else None


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "time"})


def _headline_chunks(h1: Any) -> Iterator[str]:
    """The text pieces of the headline element without what pages nest inside it: a ``<time>``
    ("Dec 18 2025 Preparing a transition"), a sub-heading or an element classed as a date or
    byline ("Posted on July 1, 2024 by …")."""
    return chunks(h1, descend=_inside_headline)


def _inside_headline(child: Any) -> bool:
    nested = child.tag in _HEADING_TAGS or ANY_HINT.search(class_tokens(child).lower())
    return visible(child) and not nested


#: A byline split over several author elements is read from their parent up to this length.
_MAX_BYLINE_PARENT_CHARS = 200


def _byline_in(chunks: Iterable[str]) -> tuple[str, ...] | None:
    """The first byline among text pieces; a label alone ("By") names the next piece."""
    label = ""
    for raw in chunks:
        chunk = squash(raw)
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
        ([squash(content(a)) for a in rel_author[:5]], True),
    ):
        found = clean_authors(values, one_each=one_each)
        if found and all(_HANDLE.match(name) or name.casefold() in brands for name in found):
            fallback = fallback or found  # a byline may still name the person
        elif found:
            return found
    for el in author_elements:
        # "Par <span>A</span> et <span>B</span>": the byline is the parent's text, not one span's
        parent = el.getparent()
        if parent is not None and len(content(parent)) <= _MAX_BYLINE_PARENT_CHARS:
            names = parse_byline(squash(" ".join(chunks(parent))))
            if names:
                return names
        names = _byline_in(chunks(el))
        if names:
            return names
    if h1 is not None:
        names = _byline_in(window(h1, before=False, max_chars=AFTER_TITLE_CHARS))
        if names:
            return names
    for el in author_elements:
        text = " ".join(squash(c) for c in chunks(el))
        if len(text) <= 60 and AUTHOR_HINT.search(class_tokens(el)):
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
        if region_of(link, exempt) == IN_ARTICLE:
            values.append(squash(content(link)))
    if not values:
        links = [a for a in found.tag_path_links if region_of(a, exempt) == IN_ARTICLE]
        if len(links) <= _MAX_TAG_PATH_LINKS:
            values.extend(text for a in links if 0 < len(text := squash(content(a))) <= 60)
    return dedupe_tags(values)
