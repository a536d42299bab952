"""Rendering a :class:`~newsclean.Document` as one clean, self-contained, inert HTML document.

Everything is built here from the Document's data, never copied from the page: all text is
escaped, the only attributes written are ``href``, ``src``, ``alt``, ``colspan`` and ``rowspan``
(plus the ``<meta charset>`` the document declares itself with), and URLs pass
:func:`~newsclean.structure.safe_url` (``http``, ``https``, ``mailto``; images ``http``/``https``),
so nothing from the page can run. Lists and quotes are opened and closed from the flat blocks'
depths with a stack, without recursion.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from newsclean.structure import (
    IMAGE_SCHEMES,
    Anchor,
    Code,
    Figure,
    Heading,
    ListItem,
    Paragraph,
    Renderable,
    StructureBlock,
    Table,
    blocks_of,
    linked_spans,
    safe_url,
)


def _inline(text: str, anchors: tuple[Anchor, ...], links: bool) -> str:
    return "".join(
        f'<a href="{escape(url)}">{escape(span, quote=False)}</a>' if url else escape(span, quote=False)
        for span, url in linked_spans(text, anchors, links)
    )


def _table(table: Table, links: bool) -> list[str]:
    out = ["<table>"]
    if table.caption:
        out.append(f"<caption>{escape(table.caption, quote=False)}</caption>")
    head = 0
    while head < len(table.rows) and all(cell.header for cell in table.rows[head]):
        head += 1
    if head == len(table.rows):  # a table of header cells only: no body without rows
        head = 0
    for number, row in enumerate(table.rows):
        if number == 0 and head:
            out.append("<thead>")
        if number == head:
            out.append("<tbody>")
        cells = []
        for cell in row:
            tag = "th" if cell.header else "td"
            spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            cells.append(f"<{tag}{spans}>{_inline(cell.text, cell.anchors, links)}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
        if number == head - 1:
            out.append("</thead>")
    out.append("</tbody>")
    out.append("</table>")
    return out


def _figure(figure: Figure, images: bool, links: bool) -> list[str]:
    src = safe_url(figure.src, schemes=IMAGE_SCHEMES) if images else None
    caption = _inline(figure.caption, figure.anchors, links) if figure.caption else ""
    if src is None:
        return [f"<p>{caption}</p>"] if caption else []
    out = ["<figure>", f'<img src="{escape(src)}" alt="{escape(figure.alt)}">']
    if caption:
        out.append(f"<figcaption>{caption}</figcaption>")
    out.append("</figure>")
    return out


def _block(block: StructureBlock, links: bool, images: bool) -> list[str]:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return [f"<h{level}>{_inline(block.text, block.anchors, links)}</h{level}>"]
    if isinstance(block, Code):
        return [f"<pre><code>{escape(block.text, quote=False)}</code></pre>"]
    if isinstance(block, Table):
        return _table(block, links)
    if isinstance(block, Figure):
        return _figure(block, images, links)
    if isinstance(block, Paragraph):
        return [f"<p>{_inline(block.text, block.anchors, links)}</p>"]
    return []


def render_blocks(
    blocks: Sequence[StructureBlock], *, links: bool = True, images: bool = True
) -> list[str]:
    """The structure as lines of HTML (the inside of ``<article>``)."""
    out: list[str] = []
    quotes = 0
    lists: list[str] = []  # open lists, outermost first; each has an open <li>

    def close_item() -> None:
        if out[-1].startswith("<li>"):
            out[-1] += "</li>"  # an item without a list inside it closes on its own line
        else:
            out.append("</li>")

    def close_lists(depth: int) -> None:
        while len(lists) > depth:
            close_item()
            out.append(f"</{lists.pop()}>")

    for block in blocks:
        quote = max(block.quote, 0)
        if quote != quotes or not isinstance(block, ListItem):
            close_lists(0)
        while quotes > quote:
            out.append("</blockquote>")
            quotes -= 1
        while quotes < quote:
            out.append("<blockquote>")
            quotes += 1
        if isinstance(block, ListItem):
            tag = "ol" if block.ordered else "ul"
            depth = min(max(block.depth, 1), len(lists) + 1)
            close_lists(depth)
            if len(lists) == depth and lists[-1] != tag:
                close_lists(depth - 1)
            if len(lists) == depth:
                close_item()
            else:
                out.append(f"<{tag}>")
                lists.append(tag)
            out.append(f"<li>{_inline(block.text, block.anchors, links)}")
        else:
            out.extend(_block(block, links, images))
    close_lists(0)
    out.extend(["</blockquote>"] * quotes)
    return out


def _when(value: date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return value.isoformat()


def render(doc: Renderable, *, links: bool = True, images: bool = True) -> str:
    """The whole document: ``<head>`` with the title, a ``<header>`` with the title, authors and
    dates, then the article's structure and its tags."""
    blocks = blocks_of(doc)
    title = escape(doc.title or "", quote=False)
    lines = ["<!DOCTYPE html>", "<html>", "<head>", '<meta charset="utf-8">', f"<title>{title}</title>",
             "</head>", "<body>", "<article>"]
    header: list[str] = []
    if doc.title:
        header.append(f"<h1>{title}</h1>")
    if doc.authors:
        header.append(f"<p>By {escape(', '.join(doc.authors), quote=False)}</p>")
    dated = (("Published", doc.published), ("Updated", doc.modified))
    dates = [f"{label} {_when(value)}" for label, value in dated if value is not None]
    if dates:
        header.append(f"<p>{escape(' · '.join(dates), quote=False)}</p>")
    if header:
        lines.extend(["<header>", *header, "</header>"])
    lines.extend(render_blocks(blocks, links=links, images=images))
    if doc.tags:
        lines.append(f"<footer><p>Tags: {escape(', '.join(doc.tags), quote=False)}</p></footer>")
    lines.extend(["</article>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"
