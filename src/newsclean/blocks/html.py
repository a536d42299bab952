"""HTML to blocks: one parse, one walk over the tree.

The walk keeps a stack of open *containers* (block-level elements) and cuts the text into
:class:`~newsclean.blocks.model.Block` objects at every block-level boundary. Invisible and
non-content elements (``<script>``, ``<style>``, ``<template>``, ``hidden``, ``aria-hidden``,
``display:none``…) are skipped whole, so their text can never leak into the body.
"""

from __future__ import annotations

from typing import Any

import regex
from lxml import etree

from newsclean.blocks.model import Block, Container, ImageRef, WalkReader
from newsclean.blocks.noscript import unseen_prose
from newsclean.blocks.tokens import (
    ARTICLE_TAGS,
    CONTAINER_ANSWERS,
    FURNITURE_TAGS,
    file_marker_concepts,
)
from newsclean.lazyre import compile_pattern

#: Elements whose whole subtree is never article text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "button", "input", "textarea", "head",
    "title", "meta", "link", "map", "area", "source", "track", "dialog", "base", "param",
})

#: Elements that start and end a block of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
    "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
    "tr", "td", "th", "caption", "figure", "figcaption", "form", "hr", "address", "details",
    "summary", "center", "body", "html", "fieldset", "legend", "tbody", "thead", "tfoot",
    "menu", "hgroup", "br", "label", "option", "picture", "noscript",
})

#: Block kinds kept as such in the Document (others become "p").
_KIND_OF = {
    "h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "li": "li",
    "dt": "li", "dd": "li", "blockquote": "blockquote", "pre": "pre", "tr": "tr", "th": "tr",
    "td": "tr", "caption": "caption", "figcaption": "caption",
}

_ARTICLE_TAGS = ARTICLE_TAGS
#: Elements (blocks/tokens.py) and ARIA roles that are page furniture whatever their class says.
_FURNITURE_TAGS = FURNITURE_TAGS
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo"})
#: Table cells stay containers (layout tables hold whole articles in one cell) but do not cut the
#: text: a data row becomes one block, "Green 22 +9", kept as a ``tr`` paragraph.
_CELL_TAGS = frozenset({"td", "th"})


def _collapse(parts: list[str]) -> str:
    """The text of ``parts`` with whitespace runs collapsed to one space (str.split is ~3x faster
    than a regex substitution here, and the walk calls it for every block and link)."""
    return " ".join("".join(parts).split())

_HIDDEN_STYLE = compile_pattern(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


def _note_image(holder: Container, image: ImageRef) -> None:
    if holder.images is None:
        holder.images = []
    holder.images.append(image)


def _hidden(el: etree._Element, names: list[str]) -> bool:
    """Whether ``el`` hides itself; ``names`` are its attribute names (``el.keys()``).

    One ``keys()`` and a ``get`` per attribute present cost less than a ``get`` per attribute
    asked for: most elements carry only a class. (An XPath pre-pass collecting hidden elements
    into a set measured slower: libxml2's XPath costs ~0.5 ms on a typical page.)
    """
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        return True
    if "style" not in names:
        return False
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _wraps_main(el: etree._Element, names: list[str]) -> bool:
    """Whether hidden ``el`` is a wrapper its page's scripts reveal: ``hidden`` hides it (not
    ``aria-hidden``) and it holds a ``<main>``. A page that streams its content (server-side
    rendering) serves ``<main>`` inside a ``<div hidden>`` while its menus show, so it does not
    fall back to reading hidden elements (something shows) and the menus would be taken for the
    article; the page's own landmark says where its content is. Hidden elements inside
    ``<main>`` (a closed tab), a ``<main>`` that is hidden itself, and one in a closed dialog or
    drawer (which says ``aria-hidden`` too) stay hidden. Asked only of hidden elements."""
    return (
        "hidden" in names
        and el.get("aria-hidden") != "true"
        and any(main is not el for main in el.iter("main"))
    )


def has_hidden_text(root: etree._Element) -> bool:
    """Whether an element that hides itself (the walk's own test) holds any text."""
    for el in root.iter(etree.Element):
        names = el.keys()
        if names and _hidden(el, names) and "".join(el.itertext()).strip():
            return True
    return False


#: What an open element is, pushed at its start for its end (``_CELL``: a table cell container;
#: ``_OTHER``: a comment or processing instruction)
_PLAIN, _CONTAINER, _CELL, _LINK, _SKIPPED, _BREAK, _OTHER = range(7)
#: Added to the state of an element a user selector found (see ``build_blocks``'s ``marks``).
_MARKED = 8


#: Heading level of a block's tag (0 for other tags).
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


#: A ``<button>`` holding paragraphs or an article with this much text is not a button: the page
#: left one unclosed and the parser nested the rest of the page (the article too) inside it.
#: A real button's label is a few words; a swallowed page is thousands of characters, so the
#: value is far from both (at 450 / 550 no bench page moves).
SWALLOWED_BUTTON_CHARS = 500
_BLOCK_INSIDE_BUTTON = ("p", "article", "main", "section", "h1", "h2")


def _swallowed(el: etree._Element) -> bool:
    """Whether a ``<button>`` holds the page after it (see ``SWALLOWED_BUTTON_CHARS``)."""
    if next(el.iter(*_BLOCK_INSIDE_BUTTON), None) is None:
        return False
    return sum(len(t) for t in el.itertext()) >= SWALLOWED_BUTTON_CHARS


def _local_tag(tag: str) -> str:
    """The lower-case local name of a tag (namespaced islands go by the local name)."""
    if "}" in tag or ":" in tag:
        tag = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
    return tag.lower()


#: A page with less visible text than this is walked again with ``<noscript>`` read: forum and
#: single-page-app pages (Discourse…) serve their whole content there for readers without script.
NOSCRIPT_FALLBACK_CHARS = 200


def build_blocks(
    root: etree._Element,
    *,
    read_hidden: bool = False,
    marks: dict[Any, tuple[int, ...]] | None = None,
    reader: WalkReader | None = None,
) -> tuple[list[Block], list[Container]]:
    """Walk the tree once and return the text blocks and the containers they sit in.

    ``read_hidden`` also reads elements that hide themselves (``hidden``, ``aria-hidden``,
    ``display:none``): the second try on a page that shows no article without its scripts.
    ``marks`` maps elements that user selectors found to the selectors' ids: each block gets,
    in ``Block.selected``, the ids of the marked elements its text lies in (a block is the
    unit: an inline element marks the whole block its text is part of). ``reader`` is told of
    every element of the document as the (first) walk meets it (see :class:`WalkReader`).
    """
    noscripts: list[etree._Element] = []
    blocks, containers = _walk(root, SKIP_TAGS, not read_hidden, marks, reader, noscripts)
    if noscripts and (unseen := unseen_prose(noscripts, blocks)):
        return _walk(root, SKIP_TAGS, not read_hidden, marks, read=unseen)
    if sum(len(b.text) for b in blocks) < NOSCRIPT_FALLBACK_CHARS and root.find(".//noscript") is not None:
        again = _walk(root, SKIP_TAGS - {"noscript"}, not read_hidden, marks)
        if sum(len(b.text) for b in again[0]) > sum(len(b.text) for b in blocks):
            return again
    return blocks, containers


def _walk(
    root: etree._Element,
    skip_tags: frozenset[str],
    skip_hidden: bool,
    marks: dict[Any, tuple[int, ...]] | None = None,
    reader: WalkReader | None = None,
    noscripts: list[etree._Element] | None = None,
    read: frozenset[etree._Element] = frozenset(),
) -> tuple[list[Block], list[Container]]:
    # ``noscripts`` collects the <noscript> elements skipped; those in ``read`` are walked.
    # The loop runs for every element of every page, so it reads locals, not globals, and
    # builds Blocks and Containers positionally (field order as declared in their classes).
    blocks: list[Block] = []
    containers: list[Container] = []

    body = root.find("body")
    start = body if body is not None else root
    if reader is not None:
        reader.before(start)
        reader_tags, found = reader.tags, reader.found
        tagged, attributes, skipped = reader.tagged, reader.attributes, reader.skipped
        attribute_names, class_hint, link_path = reader.attribute_names, reader.class_hint, reader.link_path
    local_tags: dict[str, str] = {}  # tag as parsed -> lower-case local name

    open_containers: list[int] = []
    holder = -1  # the innermost open container (open_containers[-1]), -1 for none
    kinds: list[str] = ["p"]  # tag of the innermost open container
    states: list[int] = []  # one entry per open element
    buf: list[str] = []
    links: list[tuple[str, str | None]] = []
    link_chars = 0
    link_start: list[tuple[int, str | None]] = []  # (index into buf at <a>, href)
    block_tags, cell_tags, kind_of, heading_level = BLOCK_TAGS, _CELL_TAGS, _KIND_OF, _HEADING_LEVEL
    furniture_tags, furniture_roles, article_tags = _FURNITURE_TAGS, _FURNITURE_ROLES, _ARTICLE_TAGS
    plain_concepts, furniture_concepts = CONTAINER_ANSWERS
    # user selectors: ids of the marked elements open now, and of those whose text is buffered
    selecting: list[int] = []
    pending: set[int] = set()

    def flush() -> None:
        # Callers test ``buf`` first: with nothing buffered there are no links either (links are
        # only ever taken from buffered text) and every link start is already 0, so nothing to do.
        nonlocal link_chars, links
        if link_start:
            # a link that holds block elements (a whole teaser card inside one <a>): the part
            # of it in this block is link text too, and the link goes on into the next block
            begin, href = link_start[0]
            piece = _collapse(buf[begin:])
            if piece:
                links.append((piece, href))
                link_chars += len(piece)
            link_start[:] = [(0, href) for _, href in link_start]
        text = " ".join("".join(buf).split())  # _collapse, inlined
        buf.clear()
        if text:
            kind = kinds[-1]
            blocks.append(
                Block(
                    text,
                    len(blocks),
                    kind_of.get(kind, "p"),
                    (text,),
                    min(link_chars, len(text)),
                    tuple(open_containers),
                    tuple(links),
                    heading_level.get(kind, 0),
                    tuple(sorted(pending.union(selecting))) if marks is not None else (),
                )
            )
        if pending:
            pending.clear()
        if links:
            links = []
        link_chars = 0

    walker = etree.iterwalk(start, events=("start", "end"))
    skip_subtree = walker.skip_subtree
    # An element's "end" reads only its state (pushed at its "start", which says all the end
    # needs: cell or not, link or not) and its tail: reading ``el.tag`` again cost more than
    # the rest of the end.
    for event, el in walker:
        if event == "start":
            raw = el.tag
            tag = local_tags.get(raw)  # non-str tags (comments…) give None
            if tag is None:
                if not isinstance(raw, str):  # comments, processing instructions, entities
                    states.append(_OTHER)
                    continue
                tag = local_tags[raw] = _local_tag(raw)
            if tag in skip_tags and not (tag == "button" and _swallowed(el)) and not (read and el in read):
                if tag == "noscript" and noscripts is not None:
                    noscripts.append(el)
                if tag == "source" and open_containers:
                    # libxml2's HTML parser does not know <source> is empty, so a <picture>'s
                    # <img> ends up inside it: note it before the subtree is skipped
                    for img in el.iter("img"):
                        _note_image(containers[holder], ImageRef(len(blocks), bool(buf), img))
                if reader is not None:
                    skipped(el, holder)
                skip_subtree()
                states.append(_SKIPPED)
                continue
            names = el.keys()
            if (
                names
                and ("hidden" in names or "aria-hidden" in names or "style" in names)
                and skip_hidden
                and _hidden(el, names)
                and not _wraps_main(el, names)
            ):
                if reader is not None:
                    skipped(el, holder)
                skip_subtree()
                states.append(_SKIPPED)
                continue
            if names:
                get = el.get
                cls = get("class") if "class" in names else None
                ident = get("id") if "id" in names else None
            if reader is not None:
                # (tested here, without a Python call for each element: most links file nothing,
                # and most elements carry only a class, an id or attributes the reader never reads)
                if raw in reader_tags and (
                    raw != "a" or "rel" in names or ((href := el.get("href")) is not None and link_path(href))
                ):
                    tagged(found, el, raw, holder)
                if names and (
                    not attribute_names.isdisjoint(names)
                    or (cls and class_hint(cls))
                    or (ident and class_hint(ident))
                ):
                    attributes(found, el, names, holder)
            if tag == "br" or tag == "hr":
                if buf:
                    flush()
                states.append(_BREAK)
                continue
            if tag in block_tags:
                cell = tag in cell_tags
                if cell:
                    if buf:
                        buf.append(" ")  # a row is one block: its cells join, words kept apart
                elif buf:
                    flush()
                if names:
                    role = get("role", "") if "role" in names else ""
                    itemprop = get("itemprop") if "itemprop" in names else None
                    if ident is None and not role:  # (most containers: a class alone, or nothing)
                        marker = cls.strip() if cls else ""
                    else:
                        marker = f"{cls or ''} {ident or ''} {role}".strip()
                else:
                    role = marker = ""
                    itemprop = None
                # (one dict per furniture answer, keyed by the string alone: cheaper than a cache
                # keyed by both, which builds and hashes a key tuple for every container)
                furniture = tag in furniture_tags or role in furniture_roles
                known = furniture_concepts if furniture else plain_concepts
                answer = known.get(marker)
                if answer is None:
                    answer = file_marker_concepts(known, marker, furniture)
                concepts, article_words = answer
                strong = article_words or itemprop == "articleBody"
                cid = len(containers)
                containers.append(
                    Container(
                        cid,
                        tag,
                        holder,
                        len(open_containers),
                        concepts,
                        strong or tag in article_tags or role == "main",
                        strong,
                        el,
                        marker,
                    )
                )
                open_containers.append(cid)
                holder = cid
                kinds.append(tag)
                states.append(_CELL if cell else _CONTAINER)
            elif tag == "a":
                link_start.append((len(buf), el.get("href")))
                states.append(_LINK)
            elif tag == "img":
                # an image has no text, so no block: remember where it sits, for the structure
                if holder >= 0:
                    _note_image(containers[holder], ImageRef(len(blocks), bool(buf), el))
                states.append(_PLAIN)
            else:
                states.append(_PLAIN)
            if marks is not None and el in marks:
                selecting.extend(marks[el])
                states[-1] += _MARKED
            text = el.text
            if text and (buf or not text.isspace()):
                buf.append(text)
        else:
            state = states.pop()
            marked = state >= _MARKED
            if marked:
                state -= _MARKED
            if state == _LINK and link_start:
                begin, href = link_start.pop()
                text = _collapse(buf[begin:])
                if text:
                    links.append((text, href))
                    link_chars += len(text)
            elif state == _CONTAINER:
                if buf:
                    flush()
                open_containers.pop()
                holder = open_containers[-1] if open_containers else -1
                kinds.pop()
            elif state == _CELL:
                if buf:
                    buf.append(" ")
                open_containers.pop()
                holder = open_containers[-1] if open_containers else -1
                kinds.pop()
            if marked:
                for sid in marks[el]:  # type: ignore[index]
                    selecting.remove(sid)
                if buf:  # the element's text waits in the buffer: its block is marked too
                    pending.update(marks[el])  # type: ignore[index]
            tail = el.tail
            if tail and (buf or not tail.isspace()):
                buf.append(tail)
    if buf:
        flush()
    if reader is not None:
        reader.after(start, containers)
    return blocks, containers
