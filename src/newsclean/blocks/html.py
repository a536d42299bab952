"""HTML to blocks: one parse, one walk over the tree.

The walk keeps a stack of open *containers* (block-level elements) and cuts the text into
:class:`~newsclean.blocks.model.Block` objects at every block-level boundary. Invisible and
non-content elements (``<script>``, ``<style>``, ``<template>``, ``hidden``, ``aria-hidden``,
``display:none``…) are skipped whole, so their text can never leak into the body.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from lxml import etree, html

from newsclean.blocks.model import Block
from newsclean.blocks.tokens import concepts_of

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

_ARTICLE_TAGS = frozenset({"article", "main"})
#: Elements and ARIA roles that are page furniture whatever their class says.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo"})
#: Table cells stay containers (layout tables hold whole articles in one cell) but do not cut the
#: text: a data row becomes one block, "Green 22 +9", kept as a ``tr`` paragraph.
_CELL_TAGS = frozenset({"td", "th"})


def _collapse(parts: list[str]) -> str:
    """The text of ``parts`` with whitespace runs collapsed to one space (str.split is ~3x faster
    than a regex substitution here, and the walk calls it for every block and link)."""
    return " ".join("".join(parts).split())

_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


@dataclass(slots=True)
class Container:
    """A block-level element that blocks can sit in."""

    id: int
    tag: str
    parent: int  # -1 for the root
    depth: int
    concepts: frozenset[str]
    article_hint: bool  # <article>, <main>, itemprop=articleBody, or an "article body" class
    #: itemprop=articleBody or an "article body" class: the page's own word, stronger than a bare
    #: <article> (listing pages wrap every teaser in one)
    strong_hint: bool = False


def _hidden(el: etree._Element) -> bool:
    # el.get, not el.attrib: the walk asks this of every element, and attrib builds a proxy
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


_PLAIN, _CONTAINER, _LINK, _SKIPPED, _BREAK = range(5)


def _heading_level(kind: str) -> int:
    return int(kind[1]) if len(kind) == 2 and kind[0] == "h" and kind[1].isdigit() else 0


#: A page with less visible text than this is walked again with ``<noscript>`` read: forum and
#: single-page-app pages (Discourse…) serve their whole content there for readers without script.
NOSCRIPT_FALLBACK_CHARS = 200


def build_blocks(root: html.HtmlElement) -> tuple[list[Block], list[Container]]:
    """Walk the tree once and return the text blocks and the containers they sit in."""
    blocks, containers = _walk(root, SKIP_TAGS)
    if sum(len(b.text) for b in blocks) < NOSCRIPT_FALLBACK_CHARS and root.find(".//noscript") is not None:
        again = _walk(root, SKIP_TAGS - {"noscript"})
        if sum(len(b.text) for b in again[0]) > sum(len(b.text) for b in blocks):
            return again
    return blocks, containers


def _walk(root: html.HtmlElement, skip_tags: frozenset[str]) -> tuple[list[Block], list[Container]]:
    blocks: list[Block] = []
    containers: list[Container] = []
    token_cache: dict[str, frozenset[str]] = {}

    body = root.find("body")
    start = body if body is not None else root

    open_containers: list[int] = []
    kinds: list[str] = ["p"]  # tag of the innermost open container
    states: list[int] = []  # one entry per open element
    buf: list[str] = []
    links: list[tuple[str, str | None]] = []
    link_chars = 0
    link_start: list[tuple[int, str | None]] = []  # (index into buf at <a>, href)

    def flush() -> None:
        nonlocal link_chars, links
        if buf and link_start:
            # a link that holds block elements (a whole teaser card inside one <a>): the part
            # of it in this block is link text too, and the link goes on into the next block
            begin, href = link_start[0]
            piece = _collapse(buf[begin:])
            if piece:
                links.append((piece, href))
                link_chars += len(piece)
        if buf:
            text = _collapse(buf)
            buf.clear()
            if text:
                kind = kinds[-1]
                blocks.append(
                    Block(
                        text=text,
                        index=len(blocks),
                        kind=_KIND_OF.get(kind, "p"),
                        segments=(text,),
                        link_chars=min(link_chars, len(text)),
                        containers=tuple(open_containers),
                        links=tuple(links),
                        heading_level=_heading_level(kind),
                    )
                )
        if links:
            links = []
        link_chars = 0
        link_start[:] = [(0, href) for _, href in link_start]

    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions, entities
            if event == "end" and el.tail:
                buf.append(el.tail)
            continue
        if "}" in tag or ":" in tag:  # namespaced islands: go by the local name
            tag = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        tag = tag.lower()
        if event == "start":
            if tag in skip_tags or _hidden(el):
                walker.skip_subtree()
                states.append(_SKIPPED)
                continue
            if tag == "br" or tag == "hr":
                flush()
                states.append(_BREAK)
                continue
            if tag in BLOCK_TAGS:
                if tag in _CELL_TAGS:
                    buf.append(" ")  # a row is one block: its cells join, words kept apart
                else:
                    flush()
                get = el.get
                role = get("role", "")
                itemprop = get("itemprop")
                marker = f"{get('class', '')} {get('id', '')} {role}".strip()
                concepts = concepts_of(marker, token_cache) if marker else frozenset()
                if tag in _FURNITURE_TAGS or role in _FURNITURE_ROLES:
                    concepts = concepts | {"navigation"}
                hint = (
                    tag in _ARTICLE_TAGS
                    or "article" in concepts
                    or itemprop == "articleBody"
                    or role == "main"
                )
                strong = "article" in concepts or itemprop == "articleBody"
                cid = len(containers)
                containers.append(
                    Container(
                        id=cid,
                        tag=tag,
                        parent=open_containers[-1] if open_containers else -1,
                        depth=len(open_containers),
                        concepts=concepts - {"article"},
                        article_hint=hint,
                        strong_hint=strong,
                    )
                )
                open_containers.append(cid)
                kinds.append(tag)
                states.append(_CONTAINER)
            elif tag == "a":
                link_start.append((len(buf), el.get("href")))
                states.append(_LINK)
            else:
                states.append(_PLAIN)
            if el.text:
                buf.append(el.text)
        else:
            state = states.pop()
            if state == _LINK and link_start:
                begin, href = link_start.pop()
                text = _collapse(buf[begin:])
                if text:
                    links.append((text, href))
                    link_chars += len(text)
            elif state == _CONTAINER:
                if tag in _CELL_TAGS:
                    buf.append(" ")
                else:
                    flush()
                open_containers.pop()
                kinds.pop()
            if el.tail:
                buf.append(el.tail)
    flush()
    return blocks, containers
