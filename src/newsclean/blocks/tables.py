"""Tables of the structure: a table's kept rows read from their ``<tr>`` elements as cells.

A row becomes cells only when its cells, joined, read exactly as its kept blocks (so no text is
lost or invented) and look like data; see :func:`table_blocks`.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from newsclean.blocks.elements import Page, element_text, link_anchors, skipped
from newsclean.blocks.html import _local_tag
from newsclean.blocks.model import Block
from newsclean.structure import Cell, Paragraph, StructureBlock, Table

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
        if tag not in ("td", "th") or skipped(cell, tag):
            continue
        cell_text, links = element_text(cell, keep_space=False)
        cells.append(
            Cell(cell_text, tag == "th" or in_head, _span(cell, "colspan"), _span(cell, "rowspan"),
                 link_anchors(cell_text, links, base))
        )
    joined = " ".join(c.text for c in cells if c.text)
    return tuple(cells) if cells and joined == text else None


def table_of(page: Page, block: Block) -> int | None:
    """The table of a block that is one of its rows (whole), its caption, or the content of one
    of its cells (``<td><p>…``), else ``None``."""
    containers = page.containers
    tags = [containers[cid].tag for cid in block.containers[-CELL_DEPTH - 1:]]
    if not tags or (tags[-1] == "tr" and block.kind != "tr"):
        return None
    if tags[-1] in ("tr", "caption") or any(tag in ("td", "th") for tag in tags):
        return page.innermost(block, "table")
    return None


def _row_of(page: Page, block: Block, table: int) -> int | None:
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


class Rows:
    """Table rows read from their elements, each once per page: whether a block opens a table
    depends on its row reading as cells, and the table reads the same rows again."""

    def __init__(self, page: Page, base: str | None):
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


def table_blocks(
    rows_read: Rows, group: list[int], table: int, quote: int
) -> tuple[list[StructureBlock], int]:
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
