"""The kept blocks to :attr:`Document.structure <newsclean.Document.structure>`.

Runs once per page after the rules, over the *kept* blocks only, so the walk that makes the
blocks (:mod:`newsclean.blocks.html`) stays as cheap as it was: it only keeps each container's
element and notes where images sit. What a kept block is comes from the tags of its containers
(heading, list item, quote depth…); tables (:mod:`newsclean.blocks.tables`), code and figures
(:mod:`newsclean.blocks.figures`) are read again from their elements, each with a short iterative
walk of that element alone. Code keeps its line breaks when the ``<pre>`` element's text is the
text of its kept blocks. Text input has no markup: lines that start with a bullet or a number
become list items, the rest paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from lxml import etree

from newsclean.blocks.elements import Page, element_text, link_anchors
from newsclean.blocks.figures import figure_captions, kept_images
from newsclean.blocks.html import _local_tag
from newsclean.blocks.model import Block, Container
from newsclean.blocks.tables import Rows, table_blocks, table_of
from newsclean.lazyre import lazy
from newsclean.structure import (
    Anchor,
    Code,
    Figure,
    Heading,
    ListItem,
    Paragraph,
    StructureBlock,
    safe_url,
)

_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
_ITEM_TAGS = frozenset({"li", "dt", "dd"})
#: A paragraph inside a list item counts as the item when it sits at most this many containers
#: below it (``<li><p>…``, ``<li><div><p>…``); deeper, the ``<li>`` is a layout wrapper (whole
#: articles sit in ``<ul class="stories"><li><article>…``).
ITEM_PARAGRAPH_DEPTH = 2
_ITEM_PARAGRAPH_TAGS = frozenset({"p", "div", "span", "label", "center"})
#: A code block's language as pages name it: ``language-python``, ``lang-js``,
#: ``highlight-source-rust`` (GitHub), ``brush: php`` (SyntaxHighlighter).
_LANGUAGE = lazy(r"(?:^|\s)(?:language|lang|highlight-source|brush:)[-\s]?([\w+#.-]{1,30})", regex.I)
#: A numbered line of scraped text ("1. ", "2) "); bulleted lines come as blocks of kind ``li``
#: with the bullet taken off already (:mod:`newsclean.blocks.text`).
_TEXT_NUMBER = lazy(r"^\d{1,3}[.)]\s+(?=\S)")


def text_structure(kept: Sequence[Block]) -> tuple[StructureBlock, ...]:
    """Paragraphs, and list items for bulleted or numbered lines."""
    out: list[StructureBlock] = []
    for block in kept:
        match = _TEXT_NUMBER.match(block.text)
        if match:
            out.append(ListItem(block.text[match.end():], 1, True))
        elif block.kind == "li":
            out.append(ListItem(block.text, 1, False))
        else:
            out.append(Paragraph(block.text))
    return tuple(out)


def _language(pre: etree._Element) -> str | None:
    candidates = [pre]
    first = next(iter(pre), None)
    if first is not None and isinstance(first.tag, str) and _local_tag(first.tag) == "code":
        candidates.append(first)
    for el in candidates:
        named = str(el.get("data-lang") or el.get("data-language") or "").strip()
        if named:
            return named[:30]
        match = _LANGUAGE.search(el.get("class") or "")
        if match:
            return str(match.group(1)).lower()
    return None


def base_url(containers: Sequence[Container], url: str | None) -> str | None:
    """The URL links resolve against: the page's ``<base href>`` (itself resolved against the
    page's URL), else the page's URL."""
    element = containers[0].element if containers else None
    if element is None:
        return url
    head = element.getroottree().getroot().find("head")
    if head is None:
        return url
    # (the tag test runs in C: no element object for each of the head's children)
    href = next((href for child in head.iterchildren("base") if (href := child.get("href"))), None)
    return (safe_url(href, url) or url) if href else url


def html_structure(
    blocks: Sequence[Block],
    containers: Sequence[Container],
    kept: Sequence[bool],
    moved: Sequence[bool],
    url: str | None,
) -> tuple[StructureBlock, ...]:
    """The structure of the kept blocks of an HTML page.

    ``kept[i]``: block ``i`` is in the body; ``moved[i]``: it was taken out into metadata (title,
    byline, dateline); ``url``: the page's URL, which links and images are resolved against.
    """
    page = Page(blocks, containers, kept)
    base = base_url(containers, url)
    captions = figure_captions(page)
    images = kept_images(page, moved, captions, base)
    last_image_of = {image.figure: k for k, image in enumerate(images) if image.figure is not None}
    caption_blocks = {i for fig in last_image_of for i in captions.get(fig, ())}

    out: list[StructureBlock] = []
    next_image = 0
    rows_read = Rows(page, base)

    def emit_images(before: tuple[int, int]) -> None:
        nonlocal next_image
        while next_image < len(images) and (images[next_image].block, images[next_image].after) < before:
            image = images[next_image]
            caption: str | None = None
            anchors: tuple[Anchor, ...] = ()
            if image.figure is not None and last_image_of[image.figure] == next_image:
                parts = [blocks[i] for i in captions.get(image.figure, ())]
                caption = " ".join(b.text for b in parts) or None
                links = [link for b in parts for link in b.links]
                anchors = link_anchors(caption, links, base) if caption and links else ()
            near = blocks[min(image.block, len(blocks) - 1)]
            out.append(Figure(image.src, image.alt, caption, anchors, page.tags(near).count("blockquote")))
            next_image += 1

    order = [i for i, keep in enumerate(kept) if keep]
    pos = 0
    list_depths: list[int] = []  # the raw depths of the open list levels
    while pos < len(order):
        i = order[pos]
        emit_images((i, 1))
        block = blocks[i]
        pos += 1
        if i in caption_blocks:
            continue
        tags = page.tags(block)
        quote = tags.count("blockquote")
        inner = tags[-1] if tags else ""
        item_depth = _item_depth(tags)
        if item_depth is None or block.heading_level:
            list_depths.clear()
        anchors = link_anchors(block.text, block.links, base) if block.links else ()
        if block.heading_level:
            out.append(Heading(block.text, block.heading_level, anchors, quote))
        elif item_depth is not None:
            while list_depths and list_depths[-1] > item_depth:
                list_depths.pop()
            if not list_depths or list_depths[-1] < item_depth:
                list_depths.append(item_depth)
            ordered = next((t == "ol" for t in reversed(tags) if t in _LIST_TAGS), False)
            text = block.text
            if inner in _ITEM_TAGS:  # an item cut by <br>: its lines are one item again
                parts = [block]
                while (pos < len(order) and order[pos] == i + len(parts)
                       and blocks[order[pos]].containers == block.containers):
                    parts.append(blocks[order[pos]])
                    pos += 1
                if len(parts) > 1:
                    text = " ".join(b.text for b in parts)
                    anchors = link_anchors(text, [link for b in parts for link in b.links], base)
            out.append(ListItem(text, len(list_depths), ordered, anchors, quote))
        elif inner == "pre":
            group = [i]
            while (pos < len(order) and order[pos] == group[-1] + 1
                   and blocks[order[pos]].containers == block.containers):
                group.append(order[pos])
                pos += 1
            out.append(_code(page, group, quote))
        elif (table := table_of(page, block)) is not None and rows_read.opens(order, pos - 1, table):
            group, end = [i], pos
            while end < len(order) and order[end] == group[-1] + 1 and table in blocks[order[end]].containers:
                group.append(order[end])
                end += 1
            made, used = table_blocks(rows_read, group, table, quote)
            out.extend(made)
            pos += used - 1  # a row that reads as no cells goes through this loop again
        else:
            out.append(Paragraph(block.text, anchors, quote))
    emit_images((len(blocks) + 1, 0))
    return tuple(out)


def _item_depth(tags: list[str]) -> int | None:
    """How many lists a block sits in when it is a list item (its own ``<li>``, or a paragraph
    just inside one), else ``None``."""
    for steps, tag in enumerate(reversed(tags)):
        if tag in _ITEM_TAGS:
            break
        if steps >= ITEM_PARAGRAPH_DEPTH or tag not in _ITEM_PARAGRAPH_TAGS:
            return None
    else:
        return None
    return max(1, sum(1 for t in tags if t in _LIST_TAGS))


def _code(page: Page, group: list[int], quote: int) -> Code:
    """One ``<pre>``'s kept blocks as code, with its line breaks when they are all of it."""
    blocks = page.blocks
    joined = " ".join(blocks[i].text for i in group)
    pre = page.containers[blocks[group[0]].containers[-1]].element
    if pre is None:
        return Code("\n".join(blocks[i].text for i in group), None, quote)
    raw, _ = element_text(pre, keep_space=True)
    if " ".join(raw.split()) == joined:
        return Code(raw.strip("\n").rstrip(), _language(pre), quote)
    return Code("\n".join(blocks[i].text for i in group), _language(pre), quote)


