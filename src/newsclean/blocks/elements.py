"""Kept blocks read back from their elements: the page as the structure sees it, an element's
text (as the block walk reads it), and where a block's links sit in its text.

Used after the rules, on the kept blocks only (:mod:`newsclean.blocks.structure`); every walk is
iterative.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from newsclean.blocks.html import BLOCK_TAGS, SKIP_TAGS, _hidden, _local_tag
from newsclean.blocks.model import Block, Container
from newsclean.structure import Anchor, safe_url


class Page:
    """The blocks of one HTML page, which are kept, and the containers they sit in."""

    def __init__(self, blocks: Sequence[Block], containers: Sequence[Container], kept: Sequence[bool]):
        self.blocks = blocks
        self.containers = containers
        self.kept = kept

    def tags(self, block: Block) -> list[str]:
        """The tags of the containers ``block`` sits in, outermost first."""
        containers = self.containers
        return [containers[cid].tag for cid in block.containers]

    def innermost(self, block: Block, tag: str) -> int | None:
        """The id of the innermost container of ``block`` with ``tag``."""
        containers = self.containers
        for cid in reversed(block.containers):
            if containers[cid].tag == tag:
                return cid
        return None


def link_anchors(text: str, links: Sequence[tuple[str, str | None]], base: str | None) -> tuple[Anchor, ...]:
    """Where each link's text sits in ``text``: links come in reading order, so each is looked for
    after the one before."""
    out: list[Anchor] = []
    pos = 0
    for link_text, href in links:
        start = text.find(link_text, pos) if link_text else -1
        if start < 0:
            continue
        pos = start + len(link_text)
        url = safe_url(href, base)
        if url:
            out.append(Anchor(start, pos, url))
    return tuple(out)


def skipped(el: etree._Element, tag: str) -> bool:
    if tag in SKIP_TAGS:
        return True
    names = el.keys()
    return bool(names) and _hidden(el, names)


def element_text(root: etree._Element, *, keep_space: bool) -> tuple[str, list[tuple[str, str | None]]]:
    """The visible text of ``root`` (as the block walk reads it) and its links, iteratively.

    ``keep_space`` keeps line breaks and indentation (code), with ``<br>`` as a line break;
    otherwise white space is collapsed.
    """
    parts: list[str] = []
    links: list[tuple[str, str | None]] = []
    open_links: list[tuple[int, str | None]] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        raw = el.tag
        tag = _local_tag(raw) if isinstance(raw, str) else ""
        if event == "start":
            if not tag:
                continue
            if skipped(el, tag):
                walker.skip_subtree()
                continue
            if tag == "br":
                parts.append("\n" if keep_space else " ")
            elif tag in BLOCK_TAGS and not keep_space:
                parts.append(" ")  # the block walk cuts here: words on both sides stay apart
            elif tag == "a":
                open_links.append((len(parts), el.get("href")))
            if el.text:
                parts.append(el.text)
            continue
        if tag == "a" and open_links:
            begin, href = open_links.pop()
            piece = " ".join("".join(parts[begin:]).split())
            if piece:
                links.append((piece, href))
        elif tag in BLOCK_TAGS and not keep_space:
            parts.append(" ")
        if el is not root and el.tail:
            parts.append(el.tail)
    text = "".join(parts)
    return (text if keep_space else " ".join(text.split())), links
