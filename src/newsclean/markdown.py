"""Rendering a :class:`~newsclean.Document` as GitHub-flavoured Markdown.

The output is written for a Markdown parser to read back with the same structure: every block
of :attr:`Document.structure <newsclean.Document.structure>` becomes the Markdown construct of its
kind, and text that Markdown would read as markup (``*``, ``_``, ``[``, a ``#`` or ``1.`` opening
a line, ``|`` in a table cell…) is escaped. Tables get one cell per column (a spanning cell is
followed by empty ones) and a header row (empty when the page's table has none, since GFM
requires one). Nothing here recurses: lists and quotes are flat blocks with a depth.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from newsclean.lazyre import lazy
from newsclean.structure import (
    IMAGE_SCHEMES,
    Anchor,
    Cell,
    Code,
    Figure,
    Heading,
    ListItem,
    Renderable,
    StructureBlock,
    Table,
    blocks_of,
    linked_spans,
    safe_url,
)

#: Characters that are markup anywhere in a line: escapes, code spans, emphasis, links, raw
#: HTML and autolinks, strikethrough; ``_`` only where it can open or close emphasis (at a word's
#: edge: ``snake_case`` stays readable); ``&`` only where it starts an entity reference.
_INLINE = lazy(r"[\\`*\[\]<~]|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
#: What opens a block when it starts a line: a heading, a quote, a list marker (``-``, ``+``,
#: ``1.``, ``1)``); ``*``, ``_``, backtick and ``~`` fences are escaped as inline markup.
_LINE_START = lazy(r"^(?:[#>+-]|\d{1,9}(?=[.)]))")
_URL_SPECIAL = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"})
_LANGUAGE_OK = lazy(r"^[\w+#.-]{1,30}$")


def _escape(text: str, *, line_start: bool = False, table: bool = False) -> str:
    """``text`` with its Markdown markup escaped; ``line_start``: it opens a line."""
    text = _INLINE.sub(lambda m: "\\" + m.group(), text)
    if table:
        text = text.replace("|", "\\|")
    return _escape_line_start(text) if line_start else text


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    if line[:1].isdigit():  # "1999. A year" is no list item: escape the dot
        return line[: match.end()] + "\\" + line[match.end():]
    return "\\" + line


def _url(url: str) -> str:
    return url.translate(_URL_SPECIAL)


def _inline(
    text: str, anchors: tuple[Anchor, ...], links: bool, *, table: bool = False, opens_line: bool = True
) -> str:
    """``text`` escaped, with its anchors as ``[text](url)`` when ``links``; ``opens_line``:
    outside a table cell and a heading, what opens the text could open a block."""
    out = "".join(
        f"[{_escape(span, table=table)}]({_url(url)})" if url else _escape(span, table=table)
        for span, url in linked_spans(text, anchors, links)
    )
    return out if table or not opens_line else _escape_line_start(out)


def _table_lines(table: Table, links: bool) -> list[str]:
    """The table as GFM lines: spans expanded to empty cells, every row as wide as the widest."""
    grid: list[dict[int, str]] = []
    spans: dict[int, int] = {}  # column -> rows it stays taken by a rowspan from above
    for row in table.rows:
        line: dict[int, str] = {}
        new_spans: dict[int, int] = {}
        col = 0
        for cell in row:
            while spans.get(col, 0) > 0:
                line[col] = ""
                col += 1
            line[col] = _cell(cell, links)
            for k in range(col, col + cell.colspan):
                line.setdefault(k, "")
                if cell.rowspan > 1:
                    new_spans[k] = cell.rowspan - 1
            col += cell.colspan
        spans = {c: n - 1 for c, n in spans.items() if n > 1}
        spans.update(new_spans)
        grid.append(line)
    width = max((max(line) + 1 for line in grid if line), default=1)
    rows = [[line.get(c, "") for c in range(width)] for line in grid]
    if table.rows and all(cell.header for cell in table.rows[0]):
        header, body = rows[0], rows[1:]
    else:
        header, body = [""] * width, rows
    out = ["| " + " | ".join(header) + " |", "|" + "|".join([" --- "] * width) + "|"]
    out.extend("| " + " | ".join(r) + " |" for r in body)
    return out


def _cell(cell: Cell, links: bool) -> str:
    return _inline(cell.text, cell.anchors, links, table=True)


def _fence(code: Code) -> list[str]:
    longest = max((len(run) for run in regex.findall(r"`+", code.text)), default=0)
    fence = "`" * max(3, longest + 1)
    language = code.language if code.language and _LANGUAGE_OK.match(code.language) else ""
    return [fence + language, *code.text.split("\n"), fence]


def _figure(figure: Figure, images: bool, links: bool) -> list[str]:
    lines: list[str] = []
    src = safe_url(figure.src, schemes=IMAGE_SCHEMES)
    if images and src:
        alt = figure.alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        lines.append(f"![{alt}]({_url(src)})")
    if figure.caption:
        lines.append(_inline(figure.caption, figure.anchors, links))
    return lines


def render_blocks(blocks: Sequence[StructureBlock], *, links: bool = True, images: bool = True) -> str:
    """The structure as Markdown blocks (no title, no tags)."""
    out: list[str] = []
    previous: StructureBlock | None = None
    levels: list[tuple[bool, int, int]] = []  # open list levels: (ordered, last number, marker width)
    for block in blocks:
        if isinstance(block, ListItem):
            if not isinstance(previous, ListItem) or previous.quote != block.quote:
                levels.clear()
            lines = _list_item(block, levels, links)
        else:
            levels.clear()
            if isinstance(block, Heading):
                text = _inline(block.text, block.anchors, links, opens_line=False)
                if text.endswith("#") and not text.endswith("\\#"):  # no closing sequence
                    text = text[:-1] + "\\#"
                lines = ["#" * min(max(block.level, 1), 6) + " " + text]
            elif isinstance(block, Code):
                lines = _fence(block)
            elif isinstance(block, Table):
                caption = [_escape(block.caption, line_start=True), ""] if block.caption else []
                lines = caption + _table_lines(block, links)
            elif isinstance(block, Figure):
                lines = _figure(block, images, links)
            else:
                lines = [_inline(block.text, block.anchors, links)]
        if not lines:
            continue
        quote = "> " * block.quote
        if previous is not None:
            one_list = isinstance(block, ListItem) and isinstance(previous, ListItem)
            if not one_list or block.quote != previous.quote:  # items of one list: consecutive lines
                out.append(("> " * min(block.quote, previous.quote)).rstrip())
        out.extend((quote + line).rstrip() if line else quote.rstrip() for line in lines)
        previous = block
    return "\n".join(out)


def _list_item(item: ListItem, levels: list[tuple[bool, int, int]], links: bool) -> list[str]:
    """The item's line; ``levels`` holds the open list levels and is updated."""
    depth = min(max(item.depth, 1), len(levels) + 1)
    del levels[depth:]
    same_list = len(levels) == depth and levels[-1][0] == item.ordered
    number = levels[-1][1] + 1 if same_list else 1
    del levels[depth - 1:]
    marker = f"{number}. " if item.ordered else "- "
    indent = sum(width for _, _, width in levels)
    levels.append((item.ordered, number, len(marker)))
    return [" " * indent + marker + _inline(item.text, item.anchors, links)]


def render(doc: Renderable, *, links: bool = True, images: bool = True) -> str:
    """Title as a top heading, then the structure, then the tags."""
    blocks = blocks_of(doc)
    parts: list[str] = []
    if doc.title:
        parts.append("# " + _escape(doc.title).replace("\n", " "))
    body = render_blocks(blocks, links=links, images=images)
    if body:
        parts.append(body)
    if doc.tags:
        parts.append(_escape("Tags: " + ", ".join(doc.tags)))
    return "\n\n".join(parts) + ("\n" if parts else "")
