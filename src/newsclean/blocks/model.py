"""The block model shared by HTML and text input, the containers of the HTML walk, and what
the walk tells a second reader of the tree (:class:`WalkReader`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from newsclean.values import Value

if TYPE_CHECKING:
    from lxml import etree


class Block(Value):
    """One paragraph-like unit of the page, with the features the rules look at.

    Text input fills only ``text``, ``segments``, ``index`` and ``kind="line"``; HTML input also
    fills the markup features. Blocks are built once per page and not shared across threads.

    Attributes:
        text: the visible text, whitespace collapsed.
        index: position in the page, 0-based.
        kind: ``"line"`` for text input; for HTML the block's tag (``p``, ``h2``, ``li``,
            ``blockquote``, ``pre``, ``tr``, ``caption``, ``div`` …).
        segments: for short lines of glued labels (``Community standardsDiscussion``) the parts;
            otherwise ``(text,)``.
        link_chars: characters of ``text`` inside ``<a>`` elements.
        containers: ids of the block-level ancestor elements, outermost first; their class/id
            concepts and article hints live on the containers (:class:`Container`).
        links: ``(text, href)`` of the links inside the block.
        heading_level: 1–6 for headings, else 0.
        selected: ids of the user selectors whose elements hold the block (HTML input with
            user rules only; see :mod:`newsclean.userrules`).
    """

    __slots__ = (
        "text", "index", "kind", "segments", "link_chars", "containers", "links", "heading_level", "selected",
    )
    text: str
    index: int
    kind: str
    segments: tuple[str, ...]
    link_chars: int
    containers: tuple[int, ...]
    links: tuple[tuple[str, str | None], ...]
    heading_level: int
    selected: tuple[int, ...]

    def __init__(
        self,
        text: str,
        index: int,
        kind: str = "line",
        segments: tuple[str, ...] = (),
        link_chars: int = 0,
        containers: tuple[int, ...] = (),
        links: tuple[tuple[str, str | None], ...] = (),
        heading_level: int = 0,
        selected: tuple[int, ...] = (),
    ) -> None:
        self.text = text
        self.index = index
        self.kind = kind
        self.segments = segments
        self.link_chars = link_chars
        self.containers = containers
        self.links = links
        self.heading_level = heading_level
        self.selected = selected

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def container_spans(blocks: Sequence[Block], parents: Sequence[int]) -> tuple[list[int], list[int]]:
    """The first and last index of the blocks inside each container (by container id; ``-1``
    for both when it holds none), from each block's innermost container and ``parents`` (the
    parent id of each container, ``-1`` for a root).

    The walk opens and closes each container once and cuts blocks in document order, so the
    blocks whose ``containers`` hold an id are one run of consecutive blocks, and a parent's
    id is smaller than its children's: one pass over the blocks and one back over the
    containers give every run, and a sum over a container's blocks is a sum over a slice, with
    no loop over each block's chain of ancestors.
    """
    n = len(parents)
    first = [-1] * n
    last = [-1] * n
    for i, block in enumerate(blocks):
        chain = block.containers
        if chain:
            c = chain[-1]
            if first[c] < 0:
                first[c] = i
            last[c] = i
    for c in range(n - 1, -1, -1):
        start = first[c]
        parent = parents[c]
        if start < 0 or parent < 0:
            continue
        if first[parent] < 0 or start < first[parent]:
            first[parent] = start
        if last[c] > last[parent]:
            last[parent] = last[c]
    return first, last


class Container(Value):
    """A block-level element that blocks can sit in."""

    __slots__ = (
        "id", "tag", "parent", "depth", "concepts", "article_hint", "strong_hint", "element", "marker",
        "images",
    )
    id: int
    tag: str
    parent: int  # -1 for the root
    depth: int
    concepts: frozenset[str]
    article_hint: bool  # <article>, <main>, itemprop=articleBody, or an "article body" class
    #: itemprop=articleBody or an "article body" class: the page's own word, stronger than a bare
    #: <article> (listing pages wrap every teaser in one)
    strong_hint: bool
    #: the element itself: the document's structure (tables, lists, code, figures) is read from
    #: the elements of the kept blocks only, after the rules (:mod:`newsclean.blocks.structure`)
    element: etree._Element | None
    #: the class, id and role the walk read ``concepts`` from; metadata reads where the container
    #: puts its content from the same string (``meta.tree.Places``, ``tokens.place_of``)
    marker: str
    #: the ``<img>`` elements directly in this container (not in a container inside it)
    images: list[ImageRef] | None

    def __init__(
        self,
        id: int,
        tag: str,
        parent: int,
        depth: int,
        concepts: frozenset[str],
        article_hint: bool,
        strong_hint: bool = False,
        element: etree._Element | None = None,
        marker: str = "",
        images: list[ImageRef] | None = None,
    ) -> None:
        self.id = id
        self.tag = tag
        self.parent = parent
        self.depth = depth
        self.concepts = concepts
        self.article_hint = article_hint
        self.strong_hint = strong_hint
        self.element = element
        self.marker = marker
        self.images = images


class ImageRef(NamedTuple):
    """An ``<img>`` where the walk met it: before block ``block`` (``inline``: inside it, after
    some of its text)."""

    block: int
    inline: bool
    element: etree._Element


class WalkReader(Protocol):
    """A second reader of the walk: metadata's (:class:`newsclean.meta.collect.Collector`),
    so that one walk of the tree builds the blocks and gathers what metadata reads.

    The walk tells it of every element it enters (``tagged(found, el, tag, holder)`` for the
    tags in ``tags``, an ``<a>`` only with a ``rel`` or an ``href`` that ``link_path`` finds,
    ``attributes(found, el, el.keys(), holder)`` for every element with an attribute it
    reads, see ``attribute_names`` and ``class_hint``), of every subtree it skips whole
    (``skipped(el, holder)``), and of the part of
    the document outside the subtree it walks (``before`` and ``after`` its start, ``<body>``;
    ``after`` gets the walk's containers). ``holder`` is where the walk met the element: the id
    of the innermost container open around it (-1: none).
    """

    tags: frozenset[str]
    #: the attribute names besides ``class`` and ``id`` that ``attributes`` reads: an element
    #: with none of them is handed over only when ``class_hint`` says yes of its class or id
    attribute_names: frozenset[str]
    #: what ``tagged`` and ``attributes`` file the elements into (passed to them: the walk
    #: calls plain functions, one Python call per element)
    found: Any

    @property
    def tagged(self) -> Callable[[Any, Any, str, int], None]: ...
    @property
    def attributes(self) -> Callable[[Any, Any, list[str], int], None]: ...
    @property
    def class_hint(self) -> Callable[[str], bool]: ...
    @property
    def link_path(self) -> Callable[[str], object]: ...

    def before(self, start: Any) -> None: ...
    def after(self, start: Any, containers: list[Container]) -> None: ...
    def skipped(self, el: Any, holder: int) -> None: ...
