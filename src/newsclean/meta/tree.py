"""Reading an lxml tree for metadata: element text, class/id tokens, and where an element sits.

Shared by the date, author and title readers of :mod:`newsclean.meta.html`. Works on trees from
both ``lxml.html`` and the plain ``etree.HTMLParser``; nothing here changes the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lxml import etree

from newsclean.blocks.tokens import FURNITURE_TAGS, PLACE_BESIDE, PLACE_COMMENTS, PLACE_FOOTER, place_of
from newsclean.meta.fields import FOREIGN_TAGS, PAGE_TAGS

if TYPE_CHECKING:
    from newsclean.blocks.model import Container

#: Where an element sits, for the dates it may give (see :func:`region_of`).
IN_ARTICLE, IN_OTHER, IN_COMMENTS = 0, 1, 2
#: Where an element sits, as the readers of a page ask it: :func:`region_of` with the page's
#: exempt elements, or :meth:`Places.region`.
Where = Callable[[Any], int]


def squash(value: object) -> str:
    """``value`` as one line: runs of white space folded to one space, ends trimmed."""
    return " ".join(str(value).split()) if value is not None else ""


def attr_text(el: Any, name: str) -> str:
    """The attribute ``name`` of ``el``, squashed ("" when absent)."""
    value = el.get(name)
    return squash(value) if value else ""


#: ``HtmlElement.text_content()`` for any element: lxml.html runs this same XPath, but a tree
#: parsed with the plain ``etree.HTMLParser`` has no such method (and makes its element
#: proxies 2-3x faster, without lxml.html's per-element class lookup in Python).
_string = etree.XPath("string()", smart_strings=False)


def content(el: Any) -> str:
    """All the text under ``el`` (as ``text_content()``), script and style included."""
    return str(_string(el))


def class_tokens(el: Any) -> str:
    """The element's class and id, space-joined, for the class/id vocabulary to search."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_foreign(el: Any) -> bool:
    """Whether ``el`` itself (not its ancestors) is a foreign region."""
    if el.tag in FURNITURE_TAGS:
        return True
    return place_of(class_tokens(el)) != 0


def region_of(el: Any, exempt: frozenset[Any] = frozenset()) -> int:
    """Where ``el`` sits: :data:`IN_ARTICLE`, :data:`IN_OTHER` (related lists, sidebars,
    footers) or :data:`IN_COMMENTS` (comment threads, navigation).

    ``exempt`` holds the containers of the page's headline: whatever their class names say
    ("sidebar-fixed--contain"), they hold the article, so they are no foreign region. Every
    ancestor is read from the tree (:class:`Places` with no walk's containers): a ``<nav>`` or
    a comment thread anywhere above puts it in comments; an ``<aside>``, ``<footer>``,
    ``<form>`` or footer-named box puts it beside the article unless an ``<article>`` is
    around that box (the article's own aside); a box named as beside the article does too.
    """
    return Places((), {}, exempt).region(el)


#: What the ancestors of an element say about where it sits, summed up so that a chain can be
#: read in parts (:class:`Places`): whether one is a comment thread (or a ``<nav>``), whether
#: one is beside the article, and the outermost of the ``<article>`` (``_ARTICLE``) and foreign
#: (``_FOREIGN``: an ``<aside>``, ``<footer>``, ``<form>`` or a footer word) boxes around it.
_Summary = tuple[bool, bool, int]
_NO_BOX, _ARTICLE, _FOREIGN = 0, 1, 2
_NOTHING: _Summary = (False, False, _NO_BOX)


def _own(tag: object, words: int, exempt: bool) -> _Summary:
    """What one ancestor says (:data:`_Summary`), as :func:`region_of` reads it."""
    if tag in PAGE_TAGS:
        return (False, False, _ARTICLE) if tag == "article" else _NOTHING
    if exempt:
        return _NOTHING
    box = _FOREIGN if tag in FOREIGN_TAGS or words & PLACE_FOOTER else _NO_BOX
    return (tag == "nav" or bool(words & PLACE_COMMENTS), bool(words & PLACE_BESIDE), box)


def _outward(inner: _Summary, outer: _Summary) -> _Summary:
    """The summary of a chain: ``inner`` and, around it, ``outer``."""
    return (inner[0] or outer[0], inner[1] or outer[1], outer[2] or inner[2])


class Places:
    """Where the page's elements sit (:func:`region_of`'s answer), reading the block walk's
    own decision for the containers it made.

    ``holder`` says in which of the walk's ``containers`` the walk met each element metadata
    reads (:class:`~newsclean.meta.collect.Collector`). Each
    :class:`~newsclean.blocks.model.Container` keeps the class, id and role string the walk read
    its concepts from (``Container.marker``); where a container puts its content is
    :func:`~newsclean.blocks.tokens.place_of` of that string, asked only of the containers
    around the elements metadata asks about (a page has hundreds, metadata asks about a few
    dozen elements), and what a chain of containers says is summed up once per container, from
    its parent's. Only the elements between an element and its container, which the walk does
    not name (inline elements, the inside of a subtree it skipped), are read from the tree; an
    element the walk did not meet (in the ``<head>``) has all its ancestors read, as
    :func:`region_of` reads them. ``exempt`` holds the containers of the page's headline.
    """

    __slots__ = ("_containers", "_exempt", "_holder", "_summary")

    def __init__(
        self, containers: Sequence[Container], holder: dict[Any, int], exempt: frozenset[Any]
    ) -> None:
        self._containers = containers
        self._holder = holder
        self._exempt = exempt
        self._summary: dict[int, _Summary] = {}

    def region(self, el: Any) -> int:
        """:data:`IN_ARTICLE`, :data:`IN_OTHER` or :data:`IN_COMMENTS`: where the ancestors
        of ``el`` put it (the same answer as :func:`region_of`)."""
        exempt = self._exempt
        cid = self._holder.get(el, -1)
        container = self._containers[cid].element if cid >= 0 else None
        summary = _NOTHING
        node = el.getparent()
        while node is not None and node is not container:  # the elements the walk did not name
            words = place_of(class_tokens(node)) if node not in exempt else 0
            summary = _outward(summary, _own(node.tag, words, node in exempt))
            node = node.getparent()
        if cid >= 0:
            summary = _outward(summary, self._chain(cid))
        if summary[0]:
            return IN_COMMENTS
        return IN_OTHER if summary[1] or summary[2] == _FOREIGN else IN_ARTICLE

    def _chain(self, cid: int) -> _Summary:
        """What container ``cid`` and the containers around it say (memoised per container)."""
        known, containers = self._summary, self._containers
        path: list[int] = []
        while cid >= 0 and cid not in known:
            path.append(cid)
            cid = containers[cid].parent
        outer = known[cid] if cid >= 0 else _NOTHING
        for inner in reversed(path):
            container = containers[inner]
            # (a marker that names no concept, or only ``article``, names no place)
            words = place_of(container.marker) if container.concepts else 0
            own = _own(container.tag, words, container.element in self._exempt)
            outer = known[inner] = _outward(own, outer)
        return outer


_SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button"})


def visible(node: Any) -> bool:
    tag = node.tag  # (each read of a property of an lxml element makes a new string)
    return isinstance(tag, str) and tag not in _SKIP_TEXT_TAGS


def chunks(el: Any, descend: Callable[[Any], bool] = visible) -> Iterator[str]:
    """The visible text pieces under ``el``, in document order (script, style, svg skipped).

    ``descend`` says which child elements to read into (their tails are read either way). An
    explicit stack, not recursion: a page may nest 2,048 elements deep (libxml2's limit with
    ``huge_tree``), twice Python's recursion limit.
    """
    stack: list[Any] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        text = item.text
        if text and text.strip():
            yield text
        for child in reversed(item):  # pushed last to first, so popped first to last
            tail = child.tail
            if tail and tail.strip():
                stack.append(tail)
            if descend(child):
                stack.append(child)


def chunks_backwards(el: Any) -> Iterator[str]:
    """:func:`chunks` from the last piece to the first, produced lazily (an explicit stack)."""
    stack: list[Any] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
            continue
        text = item.text
        if text and text.strip():
            stack.append(text)  # popped after everything below it
        for child in item:  # pushed first to last, so popped last to first
            if visible(child):
                stack.append(child)
            tail = child.tail
            if tail and tail.strip():
                stack.append(tail)


def window(h1: Any, *, before: bool, max_chars: int) -> list[str]:
    """Visible text pieces just before or just after ``h1`` in document order (not its own),
    skipping comment sections and lists of other articles met on the way."""
    pieces: list[str] = []
    size = 0

    def around(node: Any) -> Iterator[str]:
        for current in (node, *node.iterancestors()):
            if current.tag in ("body", "html"):
                return
            if not before and (tail := current.tail):
                yield tail
            for sibling in current.itersiblings(preceding=before):
                if before and (tail := sibling.tail):
                    yield tail
                if visible(sibling) and not is_foreign(sibling):
                    yield from (chunks_backwards if before else chunks)(sibling)
                if not before and (tail := sibling.tail):
                    yield tail
            parent = current.getparent()
            if before and parent is not None and (text := parent.text):
                yield text

    for raw in around(h1):
        chunk = squash(raw)
        if chunk:
            pieces.append(chunk)
            size += len(chunk)
            if size >= max_chars:
                break
    return pieces[::-1] if before else pieces
