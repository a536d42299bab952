"""The kept blocks to :attr:`Document.structure <newsclean.Document.structure>`.

Runs once per page after the rules, over the *kept* blocks only, so the walk that makes the
blocks (:mod:`newsclean.blocks.html`) stays as cheap as it was: it only keeps each container's
element and notes where images sit. What a kept block is comes from the tags of its containers
(heading, list item, quote depth…); tables, code and figures are read again from their elements,
each with a short iterative walk of that element alone.

A table row becomes a row of cells only when its cells read, joined, exactly as the row's
block (a cell that holds paragraphs or a nested table cuts the row into several blocks: those
come out as paragraphs, and a nested table as a table of its own after them). Code keeps its
line breaks when the ``<pre>`` element's text is the text of its kept blocks. Text input has no
markup: lines that start with a bullet or a number become list items, the rest paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex
from lxml import etree

from newsclean.blocks.html import BLOCK_TAGS, SKIP_TAGS, Container, _hidden, _local_tag
from newsclean.blocks.model import Block
from newsclean.rules.html_region import BOILERPLATE_CONCEPTS
from newsclean.structure import (
    IMAGE_SCHEMES,
    Anchor,
    Cell,
    Code,
    Figure,
    Heading,
    ListItem,
    Paragraph,
    StructureBlock,
    Table,
    safe_url,
)

_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
_ITEM_TAGS = frozenset({"li", "dt", "dd"})
#: A paragraph inside a list item counts as the item when it sits at most this many containers
#: below it (``<li><p>…``, ``<li><div><p>…``); deeper, the ``<li>`` is a layout wrapper (whole
#: articles sit in ``<ul class="stories"><li><article>…``).
ITEM_PARAGRAPH_DEPTH = 2
_ITEM_PARAGRAPH_TAGS = frozenset({"p", "div", "span", "label", "center"})
#: A cell's content may sit this many containers below the cell (``<td><p>``, ``<td><ul><li>``)
#: for the block to open a table.
CELL_DEPTH = 2
#: A row of more blocks than this, or with a cell longer than this, is a layout table's row (the
#: whole article in one cell), not data: its blocks stay paragraphs. Guards, not tuned: a data
#: table's cell holds a value or a few sentences.
MAX_ROW_BLOCKS = 12
MAX_CELL_CHARS = 1000
#: Largest ``colspan``/``rowspan`` taken as written; hostile or broken pages write 10000, which
#: would turn one cell into a wall of empty Markdown columns.
MAX_SPAN = 50

#: An image whose ``width`` or ``height`` attribute is below this many pixels is an icon, a
#: bullet or a tracking pixel, not a picture of the article.
ICON_MAX_PX = 48
#: Images directly in these (outside a ``<figure>``) are icons: check marks in list items, flags
#: in headings.
_ICON_HOLDERS = frozenset({"li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"})

#: A code block's language as pages name it: ``language-python``, ``lang-js``,
#: ``highlight-source-rust`` (GitHub), ``brush: php`` (SyntaxHighlighter).
_LANGUAGE = regex.compile(r"(?:^|\s)(?:language|lang|highlight-source|brush:)[-\s]?([\w+#.-]{1,30})", regex.I)
#: Where lazy-loading pages keep an image's real address while ``src`` holds a placeholder.
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src")

#: Bulleted and numbered lines of scraped text. En and em dashes are left out: they open
#: dialogue lines in Russian, Spanish or French prose.
_TEXT_ITEM = regex.compile(r"^(?:([-*+•·▪●◦‣■□➢➤►✓✔])|(\d{1,3})[.)])\s+(?=\S)")


def text_structure(kept: Sequence[Block]) -> tuple[StructureBlock, ...]:
    """Paragraphs, and list items for bulleted or numbered lines."""
    out: list[StructureBlock] = []
    for block in kept:
        match = _TEXT_ITEM.match(block.text)
        if match:
            out.append(ListItem(block.text[match.end():], 1, match.group(2) is not None))
        else:
            out.append(Paragraph(block.text))
    return tuple(out)


def _anchors(text: str, links: Sequence[tuple[str, str | None]], base: str | None) -> tuple[Anchor, ...]:
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


def _skipped(el: etree._Element, tag: str) -> bool:
    if tag in SKIP_TAGS:
        return True
    names = el.keys()
    return bool(names) and _hidden(el, names)


def _element_text(root: etree._Element, *, keep_space: bool) -> tuple[str, list[tuple[str, str | None]]]:
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
            if _skipped(el, tag):
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


def _span(el: etree._Element, name: str) -> int:
    try:
        value = int((el.get(name) or "1").strip())
    except ValueError:
        return 1
    return min(max(value, 1), MAX_SPAN)


def _row(tr: etree._Element, text: str, base: str | None) -> tuple[Cell, ...] | None:
    """The cells of a row, or ``None`` when they do not read as ``text``, the row's blocks."""
    in_head = _local_tag(tr.getparent().tag) == "thead" if tr.getparent() is not None else False
    cells: list[Cell] = []
    for cell in tr:
        raw = cell.tag
        tag = _local_tag(raw) if isinstance(raw, str) else ""
        if tag not in ("td", "th") or _skipped(cell, tag):
            continue
        cell_text, links = _element_text(cell, keep_space=False)
        cells.append(
            Cell(cell_text, tag == "th" or in_head, _span(cell, "colspan"), _span(cell, "rowspan"),
                 _anchors(cell_text, links, base))
        )
    joined = " ".join(c.text for c in cells if c.text)
    return tuple(cells) if cells and joined == text else None


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


def _image_src(img: etree._Element, base: str | None) -> str | None:
    src = (img.get("src") or "").strip()
    if not src or src.startswith("data:"):
        src = next((v.strip() for name in _LAZY_SRC if (v := img.get(name)) and v.strip()), "")
    if not src:
        srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
        src = srcset.split(",")[0].split()[0] if srcset else ""
    for name in ("width", "height"):
        size = (img.get(name) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < ICON_MAX_PX:
            return None  # an icon, a bullet, a tracking pixel
    return safe_url(src, base, schemes=IMAGE_SCHEMES)


def base_url(containers: Sequence[Container], url: str | None) -> str | None:
    """The URL links resolve against: the page's ``<base href>`` (itself resolved against the
    page's URL), else the page's URL."""
    element = containers[0].element if containers else None
    if element is None:
        return url
    head = element.getroottree().getroot().find("head")
    if head is None:
        return url
    href = next((child.get("href") for child in head if child.tag == "base" and child.get("href")), None)
    return (safe_url(href, url) or url) if href else url


class _Page:
    """The kept blocks of one HTML page and what the structure needs to know about them."""

    def __init__(self, blocks: Sequence[Block], containers: Sequence[Container], kept: Sequence[bool]):
        self.blocks = blocks
        self.containers = containers
        self.kept = kept

    def tags(self, block: Block) -> list[str]:
        containers = self.containers
        return [containers[cid].tag for cid in block.containers]

    def innermost(self, block: Block, tag: str) -> int | None:
        """The id of the innermost container of ``block`` with ``tag``."""
        containers = self.containers
        for cid in reversed(block.containers):
            if containers[cid].tag == tag:
                return cid
        return None


def _figure_of(page: _Page, cid: int) -> int | None:
    """The ``<figure>`` container that holds container ``cid`` (or is it)."""
    containers = page.containers
    steps = 0
    while cid >= 0 and steps < 4:  # an image sits a picture or a link or two below its figure
        if containers[cid].tag == "figure":
            return cid
        cid = containers[cid].parent
        steps += 1
    return None


def _named_boilerplate(page: _Page, cid: int) -> bool:
    """Whether the image's container or one of the few above it names itself boilerplate
    (an ad slot, a share bar, a related-stories box)."""
    containers = page.containers
    steps = 0
    while cid >= 0 and steps < 4:
        if containers[cid].concepts & BOILERPLATE_CONCEPTS:
            return True
        cid = containers[cid].parent
        steps += 1
    return False


class _Image(NamedTuple):
    block: int  # the image sits before this block …
    after: int  # … or, when 1, inside it after some of its text
    src: str
    alt: str
    figure: int | None  # the <figure> container it is in


def _figure_captions(page: _Page) -> dict[int, list[int]]:
    """The blocks of each figure's ``<figcaption>``, whatever the rules did with them: the body
    leaves captions out (rule ``figure-caption``), but a figure whose image is kept keeps its
    caption."""
    containers = page.containers
    figcaptions = {cid for cid, c in enumerate(containers) if c.tag == "figcaption"}
    captions: dict[int, list[int]] = {}
    if not figcaptions:
        return captions
    for i, block in enumerate(page.blocks):
        if figcaptions.isdisjoint(block.containers):
            continue
        caption = next(cid for cid in reversed(block.containers) if cid in figcaptions)
        parent = containers[caption].parent
        if parent >= 0 and containers[parent].tag == "figure":
            captions.setdefault(parent, []).append(i)
    return captions


def _kept_images(
    page: _Page, moved: Sequence[bool], captions: dict[int, list[int]], base: str | None
) -> list[_Image]:
    """The article's images in reading order.

    An image is the article's when it sits inside a kept block, or when the block after it
    (past its own figure's caption) is kept and the block before it is kept too or moved into
    metadata (a lead image under the headline and byline). Images in containers that name
    themselves boilerplate, tracking pixels and images without a usable address are left out.
    """
    blocks, kept = page.blocks, page.kept
    caption_of = {i: fig for fig, indices in captions.items() for i in indices}
    found: list[tuple[int, int, int, _Image]] = []
    for cid, container in enumerate(page.containers):
        if not container.images or _named_boilerplate(page, cid):
            continue
        figure = _figure_of(page, cid)
        if figure is None and container.tag in _ICON_HOLDERS:
            continue
        for ref in container.images:
            n = ref.block
            if ref.inline and figure is None:
                keep = n < len(blocks) and kept[n]
            else:
                after, before = n, n - 1
                while after < len(blocks) and figure is not None and caption_of.get(after) == figure:
                    after += 1
                while before >= 0 and figure is not None and caption_of.get(before) == figure:
                    before -= 1
                keep = after < len(blocks) and kept[after] and (before < 0 or kept[before] or moved[before])
            src = _image_src(ref.element, base) if keep else None
            if src:
                alt = " ".join((ref.element.get("alt") or "").split())
                found.append((n, int(ref.inline), cid, _Image(n, int(ref.inline), src, alt, figure)))
    found.sort(key=lambda item: item[:3])
    return [image for *_, image in found]


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
    page = _Page(blocks, containers, kept)
    base = base_url(containers, url)
    captions = _figure_captions(page)
    images = _kept_images(page, moved, captions, base)
    last_image_of = {image.figure: k for k, image in enumerate(images) if image.figure is not None}
    caption_blocks = {i for fig in last_image_of for i in captions.get(fig, ())}

    out: list[StructureBlock] = []
    next_image = 0
    rows_read = _Rows(page, base)

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
                anchors = _anchors(caption, links, base) if caption and links else ()
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
        anchors = _anchors(block.text, block.links, base) if block.links else ()
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
                    anchors = _anchors(text, [link for b in parts for link in b.links], base)
            out.append(ListItem(text, len(list_depths), ordered, anchors, quote))
        elif inner == "pre":
            group = [i]
            while (pos < len(order) and order[pos] == group[-1] + 1
                   and blocks[order[pos]].containers == block.containers):
                group.append(order[pos])
                pos += 1
            out.append(_code(page, group, quote))
        elif (table := _table_row_of(page, block)) is not None and rows_read.opens(order, pos - 1, table):
            group, end = [i], pos
            while end < len(order) and order[end] == group[-1] + 1 and table in blocks[order[end]].containers:
                group.append(order[end])
                end += 1
            made, used = _table(rows_read, group, table, quote)
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


def _code(page: _Page, group: list[int], quote: int) -> Code:
    """One ``<pre>``'s kept blocks as code, with its line breaks when they are all of it."""
    blocks = page.blocks
    joined = " ".join(blocks[i].text for i in group)
    pre = page.containers[blocks[group[0]].containers[-1]].element
    if pre is None:
        return Code("\n".join(blocks[i].text for i in group), None, quote)
    raw, _ = _element_text(pre, keep_space=True)
    if " ".join(raw.split()) == joined:
        return Code(raw.strip("\n").rstrip(), _language(pre), quote)
    return Code("\n".join(blocks[i].text for i in group), _language(pre), quote)


def _table_row_of(page: _Page, block: Block) -> int | None:
    """The table of a block that is one of its rows (whole), its caption, or the content of one
    of its cells (``<td><p>…``), else ``None``."""
    containers = page.containers
    tags = [containers[cid].tag for cid in block.containers[-CELL_DEPTH - 1:]]
    if not tags or (tags[-1] == "tr" and block.kind != "tr"):
        return None
    if tags[-1] in ("tr", "caption") or any(tag in ("td", "th") for tag in tags):
        return page.innermost(block, "table")
    return None


def _row_of(page: _Page, block: Block, table: int) -> int | None:
    """The row of ``table`` a block sits in (through cells and nested tables), ``None`` for the
    table's caption and for a block outside the table."""
    chain = block.containers
    containers = page.containers
    if table not in chain:
        return None
    for cid in chain[chain.index(table) + 1:]:
        tag = containers[cid].tag
        if tag == "tr":
            return cid
        if tag == "caption":
            return None
    return None


class _Rows:
    """Table rows read from their elements, each once per page: whether a block opens a table
    depends on its row reading as cells, and the table reads the same rows again."""

    def __init__(self, page: _Page, base: str | None):
        self.page = page
        self.base = base
        self.read: dict[tuple[int, int], tuple[Cell, ...] | None] = {}

    def run(self, group: Sequence[int], k: int, table: int) -> tuple[int | None, list[int]]:
        """The row of ``group[k]`` and the blocks of ``group`` from ``k`` on in that row."""
        blocks = self.page.blocks
        row = _row_of(self.page, blocks[group[k]], table)
        run = [group[k]]
        while (row is not None and k + len(run) < len(group) and group[k + len(run)] == run[-1] + 1
               and _row_of(self.page, blocks[group[k + len(run)]], table) == row):
            run.append(group[k + len(run)])
        return row, run

    def cells(self, row: int, run: list[int]) -> tuple[Cell, ...] | None:
        """The row's cells when they read as the ``run`` of kept blocks and look like data."""
        key = (row, run[0])
        if key not in self.read:
            blocks = self.page.blocks
            element = self.page.containers[row].element
            cells = None
            if element is not None and len(run) <= MAX_ROW_BLOCKS:
                cells = _row(element, " ".join(blocks[i].text for i in run), self.base)
            if cells is not None and any(len(cell.text) > MAX_CELL_CHARS for cell in cells):
                cells = None
            self.read[key] = cells
        return self.read[key]

    def opens(self, order: Sequence[int], pos: int, table: int) -> bool:
        """Whether the kept block ``order[pos]`` opens a table: it is its caption, or its row
        reads as cells (a layout table's row, holding the whole article, does not)."""
        row, run = self.run(order, pos, table)
        return row is None or self.cells(row, run) is not None


def _table(rows_read: _Rows, group: list[int], table: int, quote: int) -> tuple[list[StructureBlock], int]:
    """The kept blocks of one table, from the start of ``group``, as a :class:`Table`, and how
    many blocks of ``group`` it took.

    A row is read from its element when its cells, joined, read as its kept blocks: a row cut
    into several blocks by a table nested in a cell is one row again, the nested table's text
    flattened into its cell. The table ends before a row that does not read so (its blocks are
    list items or paragraphs of their own: lists in cells, a layout row); a table left with its
    header alone, or made of one-cell rows without a header (layout), comes out as paragraphs.
    """
    blocks = rows_read.page.blocks
    rows: list[tuple[Cell, ...]] = []
    captions: list[str] = []
    k = 0
    while k < len(group):
        row, run = rows_read.run(group, k, table)
        if row is None:
            captions.append(blocks[run[0]].text)
        else:
            cells = rows_read.cells(row, run)
            if cells is None:
                break
            rows.append(cells)
        k += len(run)
    if k == 0:  # (cannot happen: the first row read as cells to open the table) never stall
        return [Paragraph(blocks[group[0]].text, (), quote)], 1
    out: list[StructureBlock] = []
    if captions and (not rows or all(len(r) == 1 and not r[0].header for r in rows)):
        out.append(Paragraph(" ".join(captions), (), quote))
        captions = []
    header_only = all(cell.header for row in rows for cell in row) and k < len(group)
    if rows and (header_only or all(len(r) == 1 and not r[0].header for r in rows)):
        out.extend(
            Paragraph(r[0].text, r[0].anchors, quote) if len(r) == 1 else
            Paragraph(" ".join(c.text for c in r if c.text), (), quote)
            for r in rows
        )
    elif rows:
        out.append(Table(tuple(rows), " ".join(captions) or None, quote))
    return out, k
