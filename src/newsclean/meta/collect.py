"""The elements of a parsed page that its metadata is read from, gathered once.

:func:`collect` sorts them by kind (``<meta>``, ``<time>``, JSON-LD scripts, ``rel`` links,
microdata, elements whose class names a date or a byline …) for the readers of
:mod:`newsclean.meta.html`. The tree is read, never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from newsclean.meta.fields import ANY_HINT
from newsclean.meta.page_tags import TAG_PATH

# XPath's normalize-space() collapses these four only (not U+00A0 and the other Unicode spaces).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# ``type="application/LD+JSON"``: only these letters fold, as the XPath translate() it replaces.
_JSONLD_FOLD = str.maketrans("LDJSON", "ldjson")


@dataclass(slots=True)
class Elements:
    """The elements each source reads, in document order, gathered in two passes over the tree.

    The extractor used to make a dozen XPath scans (``//meta``, ``//time``, ``//a[...]`` …);
    one of lxml's XPath scans costs about what iterating every element does. Now the elements
    wanted for their tag come from one ``iter(*tags)`` (the tag test runs in C: no element
    object is made for the others), and those wanted for an attribute from one pass that asks
    each element for its attribute names once (see :func:`collect`).
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
    # rel="category" links (WordPress: rel="category tag"): the sections the article is filed in
    category_links: list[Any] = field(default_factory=list)
    h2: list[Any] = field(default_factory=list)
    base: list[Any] = field(default_factory=list)  # <base href>
    images: list[Any] = field(default_factory=list)  # <img src>, for a date in the file's path
    author_tags: list[Any] = field(default_factory=list)  # <author>
    utime: list[Any] = field(default_factory=list)  # data-utime="1438091078" (Unix seconds)
    #: elements of the <body> (not script or style) whose class or id holds a hint word
    hinted: list[Any] = field(default_factory=list)


def collect(tree: Any) -> Elements:
    """Gather the elements the sources read: by tag, then by attribute."""
    found = Elements()
    root = tree.getroottree().getroot()
    # libxml2 can leave a second top-level <html> beside the root (XPath's // reads it too)
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    for top in tops:
        for el in top.iter(*_COLLECTED_TAGS):
            tag = el.tag
            if tag == "script" or tag == "style":
                kind = el.get("type")
                if tag == "script" and kind and "ld+json" in kind.translate(_JSONLD_FOLD):
                    found.jsonld.append(el)
            else:
                _sort_tagged(found, el, tag, el.get)
    for top in tops:
        _collect_by_attribute(found, top)
    return found


def _collect_by_attribute(found: Elements, top: Any) -> None:
    """The ``itemprop``, ``data-utime`` and hinted elements under ``top``, in document order.

    One ``keys()`` per element and a ``get`` only for the names it has: a ``get`` costs about
    what the iteration does, and most elements carry a class alone. The hint test is cached
    by attribute value (class names repeat within and across pages)."""
    itemprop, utime, hinted = found.itemprop, found.utime, found.hinted
    for el in top.iter(etree.Element):
        names = el.keys()
        if not names:
            continue
        hit = False
        for name in names:
            if name == "class" or name == "id":
                if not hit:
                    value = el.get(name)
                    hit = bool(value) and _has_hint(value)
            elif name == "itemprop":
                itemprop.append(el)
            elif name == "data-utime" and el.tag not in ("script", "style"):
                utime.append(el)
            elif (name == "data-component" or name == "data-testid") and not hit:
                # components name their role; data-testid only when there is no data-component
                marks = el.get("data-component") or el.get("data-testid")
                hit = bool(marks) and _has_hint(marks)
        if (
            hit
            and el.tag not in ("script", "style")  # never a hinted element
            # (the tag filter runs in C: no element object for each ancestor)
            and next(el.iterancestors("body"), None) is not None
        ):
            hinted.append(el)


@lru_cache(maxsize=4096)
def _has_hint(value: str) -> bool:
    """Whether a class, id or component name holds one of the date or author hint words.

    The words hold no space, so class and id are tested apart (no joined string)."""
    return ANY_HINT.search(value.lower()) is not None


_COLLECTED_TAGS = (
    "a", "meta", "time", "h1", "h2", "title", "link", "script", "style", "base", "img", "author"
)  # fmt: skip
#: Headings read when the page has no title fields and no <h1>, and images read for a date.
_MAX_H2 = 3
_MAX_IMAGES = 30


def _sort_tagged(found: Elements, el: Any, tag: str, get: Any) -> None:
    """File one element of the kinds :func:`collect` looks for by tag."""
    if tag == "a":
        rel = get("rel")
        if rel is not None:
            words = _XML_SPACE.split(rel)
            if "tag" in words and "category" not in words:
                found.tag_links.append(el)
            if "category" in words:
                found.category_links.append(el)
            if "author" in words:
                found.rel_author.append(el)
        href = get("href")
        if href is not None and TAG_PATH.search(href):
            found.tag_path_links.append(el)
    elif tag == "meta":
        found.meta.append(el)
    elif tag == "time":
        found.time.append(el)
    elif tag == "h1":
        found.h1.append(el)
    elif tag == "title":
        found.title.append(el)
    elif tag == "h2":
        if len(found.h2) < _MAX_H2:
            found.h2.append(el)
    elif tag == "base":
        found.base.append(el)
    elif tag == "img":
        if len(found.images) < _MAX_IMAGES:
            found.images.append(el)
    elif tag == "author":
        found.author_tags.append(el)
    elif tag == "link" and get("rel") is not None:
        found.links.append(el)
