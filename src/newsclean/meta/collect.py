"""The elements of a parsed page that its metadata is read from, gathered once.

:func:`collect` sorts them by kind (``<meta>``, ``<time>``, JSON-LD scripts, ``rel`` links,
microdata, elements whose class names a date or a byline …) for the readers of
:mod:`newsclean.meta.html`. In the pipeline the block walk hands them over as it meets them
(:class:`Collector`), so the page is walked once for both. The tree is read, never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from newsclean.meta.fields import ANY_HINT
from newsclean.meta.page_tags import TAG_PATH
from newsclean.values import Value

# XPath's normalize-space() collapses these four only (not U+00A0 and the other Unicode spaces).
_XML_SPACE = re.compile(r"[ \t\r\n]+")
# ``type="application/LD+JSON"``: only these letters fold, as the XPath translate() it replaces.
_JSONLD_FOLD = str.maketrans("LDJSON", "ldjson")


class Elements(Value):
    """The elements each source reads, in document order.

    The extractor used to make a dozen XPath scans (``//meta``, ``//time``, ``//a[...]`` …);
    one of lxml's XPath scans costs about what iterating every element does. In the pipeline
    the block walk, which meets every element anyway, hands each one over (:class:`Collector`);
    on its own, :func:`collect` takes the elements wanted for their tag from one
    ``iter(*tags)`` (the tag test runs in C) and those wanted for an attribute from one pass
    that asks each element for its attribute names once.
    """

    __slots__ = (
        "meta", "links", "jsonld", "itemprop", "time", "h1", "title", "tag_links", "tag_path_links",
        "rel_author", "category_links", "h2", "base", "images", "author_tags", "utime", "hinted",
        "containers", "holder",
    )
    meta: list[Any]
    links: list[Any]  # <link rel>
    jsonld: list[Any]
    itemprop: list[Any]
    time: list[Any]
    h1: list[Any]
    title: list[Any]
    # rel="tag" links; WordPress marks its category links rel="category tag", and a category
    # is a section of the site, not a tag of the article.
    tag_links: list[Any]
    tag_path_links: list[Any]
    rel_author: list[Any]
    # rel="category" links (WordPress: rel="category tag"): the sections the article is filed in
    category_links: list[Any]
    h2: list[Any]
    base: list[Any]  # <base href>
    images: list[Any]  # <img src>, for a date in the file's path
    author_tags: list[Any]  # <author>
    utime: list[Any]  # data-utime="1438091078" (Unix seconds)
    #: elements of the <body> (not script or style) whose class or id holds a hint word
    hinted: list[Any]
    #: the block walk's containers (:class:`Collector`), and for each element filed above while
    #: the walk was inside one, the id of the innermost: where the walk met it
    containers: list[Any] | None
    holder: dict[Any, int]

    def __init__(
        self,
        meta: list[Any] | None = None,
        links: list[Any] | None = None,
        jsonld: list[Any] | None = None,
        itemprop: list[Any] | None = None,
        time: list[Any] | None = None,
        h1: list[Any] | None = None,
        title: list[Any] | None = None,
        tag_links: list[Any] | None = None,
        tag_path_links: list[Any] | None = None,
        rel_author: list[Any] | None = None,
        category_links: list[Any] | None = None,
        h2: list[Any] | None = None,
        base: list[Any] | None = None,
        images: list[Any] | None = None,
        author_tags: list[Any] | None = None,
        utime: list[Any] | None = None,
        hinted: list[Any] | None = None,
        containers: list[Any] | None = None,
        holder: dict[Any, int] | None = None,
    ) -> None:
        self.meta = [] if meta is None else meta
        self.links = [] if links is None else links
        self.jsonld = [] if jsonld is None else jsonld
        self.itemprop = [] if itemprop is None else itemprop
        self.time = [] if time is None else time
        self.h1 = [] if h1 is None else h1
        self.title = [] if title is None else title
        self.tag_links = [] if tag_links is None else tag_links
        self.tag_path_links = [] if tag_path_links is None else tag_path_links
        self.rel_author = [] if rel_author is None else rel_author
        self.category_links = [] if category_links is None else category_links
        self.h2 = [] if h2 is None else h2
        self.base = [] if base is None else base
        self.images = [] if images is None else images
        self.author_tags = [] if author_tags is None else author_tags
        self.utime = [] if utime is None else utime
        self.hinted = [] if hinted is None else hinted
        self.containers = containers
        self.holder = {} if holder is None else holder


_COLLECTED_TAGS = (
    "a", "meta", "time", "h1", "h2", "title", "link", "script", "style", "base", "img", "author"
)  # fmt: skip
COLLECTED_TAGS = frozenset(_COLLECTED_TAGS)
#: Headings read when the page has no title fields and no <h1>, and images read for a date.
_MAX_H2 = 3
_MAX_IMAGES = 30


def collect(tree: Any) -> Elements:
    """Gather the elements the sources read from the whole page, on its own (the pipeline has
    the block walk hand them over instead: :class:`Collector`)."""
    found = Elements()
    for top in tops(tree.getroottree().getroot()):
        _collect_subtree(found, top)
    return found


def tops(root: Any) -> list[Any]:
    """The document's top-level elements: libxml2 can leave a second top-level ``<html>``
    beside the root (XPath's ``//`` reads it too)."""
    return [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]


def _collect_subtree(found: Elements, top: Any) -> None:
    """Gather what the sources read under ``top`` (itself included): by tag, then by attribute
    (each list in document order; the two passes fill different lists)."""
    for el in top.iter(*_COLLECTED_TAGS):
        file_tagged(found, el, el.tag)
    for el in top.iter(etree.Element):
        names = el.keys()
        if names:
            _file_by_attribute(found, el, names)


def file_tagged(found: Elements, el: Any, tag: str, holder: int = -1) -> None:
    """File one element of a tag in :data:`COLLECTED_TAGS`."""
    if tag == "script" or tag == "style":
        kind = el.get("type")
        if tag == "script" and kind and "ld+json" in kind.translate(_JSONLD_FOLD):
            found.jsonld.append(el)
    else:
        _sort_tagged(found, el, tag, holder)


#: The attribute names :func:`_file_by_attribute` reads.
_READ_ATTRIBUTES = frozenset(("class", "id", "itemprop", "data-utime", "data-component", "data-testid"))


def _file_by_attribute(found: Elements, el: Any, names: list[str], holder: int = -1) -> None:
    """File ``el`` as an ``itemprop``, ``data-utime`` or hinted element (``names``: its
    attribute names; ``holder``: the walk's innermost container around it, or -1).

    One ``keys()`` per element and a ``get`` only for the names it has: a ``get`` costs about
    what the iteration does, and most elements carry a class alone. The hint test is cached
    by attribute value (class names repeat within and across pages)."""
    hit = False
    for name in names:
        if name == "class" or name == "id":
            if not hit:
                value = el.get(name)
                hit = bool(value) and _has_hint(value)
        elif name == "itemprop":
            _keep(found, found.itemprop, el, holder)
        elif name == "data-utime" and el.tag not in ("script", "style"):
            _keep(found, found.utime, el, holder)
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
        _keep(found, found.hinted, el, holder)


def _keep(found: Elements, kind: list[Any], el: Any, holder: int) -> None:
    """File ``el`` under ``kind``, noting the walk's container around it."""
    kind.append(el)
    if holder >= 0:
        found.holder[el] = holder


#: How many class, id and component values :func:`_has_hint` remembers, as many as the walk's
#: other answers by class value (``blocks/tokens.py``): 80 pages of three sets hold ~17,000
#: distinct values, so 4,096 were pushed out before a site's next page asked for them again
#: (issue #15). A value is a short string; not a text decision.
HINT_MEMO_SIZE = 65536


@lru_cache(maxsize=HINT_MEMO_SIZE)
def _has_hint(value: str) -> bool:
    """Whether a class, id or component name holds one of the date or author hint words.

    The words hold no space, so class and id are tested apart (no joined string)."""
    return ANY_HINT.search(value.lower()) is not None


def _sort_tagged(found: Elements, el: Any, tag: str, holder: int = -1) -> None:
    """File one element of the kinds :func:`collect` looks for by tag (``holder``: the walk's
    innermost container around it, or -1)."""
    get = el.get
    if tag == "a":
        rel = get("rel")
        if rel is not None:
            words = _XML_SPACE.split(rel)
            if "tag" in words and "category" not in words:
                _keep(found, found.tag_links, el, holder)
            if "category" in words:
                _keep(found, found.category_links, el, holder)
            if "author" in words:
                _keep(found, found.rel_author, el, holder)
        href = get("href")
        if href is not None and TAG_PATH.search(href):
            _keep(found, found.tag_path_links, el, holder)
    elif tag == "meta":
        _keep(found, found.meta, el, holder)
    elif tag == "time":
        _keep(found, found.time, el, holder)
    elif tag == "h1":
        _keep(found, found.h1, el, holder)
    elif tag == "title":
        _keep(found, found.title, el, holder)
    elif tag == "h2":
        if len(found.h2) < _MAX_H2:
            _keep(found, found.h2, el, holder)
    elif tag == "base":
        _keep(found, found.base, el, holder)
    elif tag == "img":
        if len(found.images) < _MAX_IMAGES:
            _keep(found, found.images, el, holder)
    elif tag == "author":
        _keep(found, found.author_tags, el, holder)
    elif tag == "link" and get("rel") is not None:
        _keep(found, found.links, el, holder)


class Collector:
    """Metadata's reader of the block walk (:func:`newsclean.blocks.html.build_blocks`): the
    walk hands it every element it meets, so one walk of the page builds the blocks and
    gathers what the metadata reads.

    The walk starts at ``<body>`` and does not enter what it skips (``<script>``, ``<head>``,
    hidden elements …); those subtrees, and the parts of the document around the walk's start,
    are gathered here as :func:`collect` gathers a page, in document order, so :attr:`found`
    holds exactly what :func:`collect` finds.
    """

    __slots__ = ("found",)

    #: the tags :attr:`tagged` files (the walk hands it only these)
    tags = COLLECTED_TAGS
    # What the walk calls for each element it enters, ``tagged(found, el, tag, holder)`` and
    # ``attributes(found, el, el.keys(), holder)`` (``holder``: the id of the walk's innermost
    # container around the element, -1 for none): plain functions, so the walk's loop makes one
    # Python call per element (a bound method or a ``partial`` cost a C frame more).
    #: file one element by its tag (never ``script`` or ``style``: the walk skips them)
    tagged = staticmethod(_sort_tagged)
    #: file one element by its attributes
    attributes = staticmethod(_file_by_attribute)
    #: the attributes :attr:`attributes` reads besides ``class`` and ``id`` (the walk hands it
    #: every element with one of these)
    attribute_names = _READ_ATTRIBUTES - {"class", "id"}
    #: whether a class or id value files its element (the walk hands over an element with no
    #: attribute of :attr:`attribute_names` only when this says yes of its class or its id:
    #: :attr:`attributes` files nothing else then)
    class_hint = staticmethod(_has_hint)
    #: whether a link's ``href`` files it (the walk hands :attr:`tagged` an ``<a>`` only when
    #: this says yes or the link has a ``rel``: nothing else of a link is filed)
    link_path = TAG_PATH.search

    def __init__(self) -> None:
        self.found = Elements()

    def before(self, start: Any) -> None:
        """What precedes the walk's ``start`` (``<body>``): the elements above it and the
        subtrees before it (``<head>``), and the top-level elements before the page's."""
        chain = [*reversed(list(start.iterancestors())), start]
        for sibling in reversed(list(chain[0].itersiblings(preceding=True))):
            self.skipped(sibling, -1)
        for node, child in zip(chain, chain[1:], strict=False):
            _file_one(self.found, node)
            for sibling in reversed(list(child.itersiblings(preceding=True))):
                self.skipped(sibling, -1)

    def after(self, start: Any, containers: list[Any]) -> None:
        """What follows the walk's ``start``, in document order; ``containers``: the walk's."""
        self.found.containers = containers
        node = start
        while node is not None:
            for sibling in node.itersiblings():
                self.skipped(sibling, -1)
            node = node.getparent()

    def skipped(self, el: Any, holder: int) -> None:
        """File every element of a subtree the walk does not enter.

        Most are one element (an ``<input>``, a ``<meta>``, a ``<script>``) or a few: one pass
        that files each element by tag and by attribute costs less there than
        :func:`_collect_subtree`'s two (each ``iter`` sets up its own filter)."""
        tag = el.tag
        if not isinstance(tag, str):  # (a comment or processing instruction holds no element)
            return
        found = self.found
        if not len(el):
            _file_one(found, el, holder)
            return
        for node in el.iter(etree.Element):  # (_file_one's body, without a call per element)
            tag = node.tag
            if tag in COLLECTED_TAGS:
                file_tagged(found, node, tag, holder)
            names = node.keys()
            if names and not _READ_ATTRIBUTES.isdisjoint(names):
                _file_by_attribute(found, node, names, holder)


def _file_one(found: Elements, el: Any, holder: int = -1) -> None:
    """File one element by tag and by attribute."""
    tag = el.tag
    if tag in COLLECTED_TAGS:
        file_tagged(found, el, tag, holder)
    names = el.keys()
    if names and not _READ_ATTRIBUTES.isdisjoint(names):
        _file_by_attribute(found, el, names, holder)
