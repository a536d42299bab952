"""Reading structure back out of HTML (with lxml) and Markdown (with markdown-it-py), for tests.

Both readers reduce a document to the same flat list of items, so the structure of a source
page, of ``Document.to_html()`` and of ``Document.to_markdown()`` can be compared with ``==``:

* ``("h", quote, level, text, links)``
* ``("p", quote, text, links)`` (a figure's caption and a table's caption are paragraphs)
* ``("li", quote, depth, ordered, text, links)``
* ``("table", quote, header, rows)``: ``rows`` with spans expanded to empty cells, ``header``
  when the first row is a header row
* ``("code", quote, language, text)``
* ``("img", quote, src, alt)``

``links`` are ``(text, url)`` pairs; URLs are compared percent-decoded (Markdown parsers encode
them). Both readers are iterative.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from markdown_it import MarkdownIt

Item = tuple[Any, ...]
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head"})
_LANG_PREFIXES = ("language-", "lang-")


def _collapse(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def _url(href: str | None, base: str | None, image: bool = False) -> str | None:
    if not href:
        return None
    url = urljoin(base, href.strip()) if base else href.strip()
    allowed = ("http", "https") if image else ("http", "https", "mailto")
    return unquote(url) if urlsplit(url).scheme in allowed else None


def _grid(rows: list[list[tuple[str, int, int]]]) -> tuple[tuple[str, ...], ...]:
    """Rows of (text, colspan, rowspan) with the spans expanded to empty cells."""
    grid: list[dict[int, str]] = []
    spans: dict[int, int] = {}
    for row in rows:
        line: dict[int, str] = {}
        new: dict[int, int] = {}
        col = 0
        for text, colspan, rowspan in row:
            while spans.get(col, 0) > 0:
                line[col] = ""
                col += 1
            for k in range(colspan):
                line[col + k] = text if k == 0 else ""
                if rowspan > 1:
                    new[col + k] = rowspan - 1
            col += colspan
        spans = {c: n - 1 for c, n in spans.items() if n > 1}
        spans.update(new)
        grid.append(line)
    width = max((max(line) + 1 for line in grid if line), default=0)
    return tuple(tuple(line.get(c, "") for c in range(width)) for line in grid)


def html_items(root: etree._Element, base: str | None, *, languages: bool = True) -> list[Item]:
    """The items of an HTML element, skipping subtrees marked ``data-removed``."""
    items: list[Item] = []
    quote = 0
    lists: list[bool] = []
    cur: dict[str, Any] | None = None  # the text item being read
    link_starts: list[tuple[int, str | None]] = []
    table: dict[str, Any] | None = None
    nested_tables = 0

    def flush() -> None:
        nonlocal cur
        if cur is None:
            return
        text = cur["parts"] if cur["kind"] == "code" else _collapse(cur["parts"])
        if cur["kind"] == "code":
            text = "".join(text).strip("\n").rstrip()
        if text:
            links = tuple(cur["links"])
            if cur["kind"] == "h":
                items.append(("h", quote, cur["level"], text, links))
            elif cur["kind"] == "li":
                items.append(("li", quote, cur["depth"], cur["ordered"], text, links))
            elif cur["kind"] == "code":
                items.append(("code", quote, cur["lang"] if languages else None, text))
            else:
                items.append(("p", quote, text, links))
        cur = None

    def begin(kind: str, **extra: Any) -> None:
        nonlocal cur
        flush()
        cur = {"kind": kind, "parts": [], "links": [], **extra}

    def add_text(text: str | None) -> None:
        if not text:
            return
        if table is not None and table["cell"] is not None:
            table["cell"][0].append(text)
        elif table is not None and table["caption"] is not None:
            table["caption"].append(text)
        elif cur is not None:
            cur["parts"].append(text)
        elif text.strip() and table is None:
            begin("p")
            add_text(text)

    def parts() -> list[str] | None:
        if table is not None and table["cell"] is not None:
            return table["cell"][0]
        if table is not None and table["caption"] is not None:
            return table["caption"]
        return cur["parts"] if cur is not None else None

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag:
                continue
            if tag in _SKIP or el.get("data-removed") is not None:
                walker.skip_subtree()
                continue
            if table is not None and tag in ("table", "tr", "td", "th", "caption", "thead", "tbody"):
                if tag == "table":
                    nested_tables += 1
                if nested_tables:  # a nested table's text runs on in its cell
                    add_text(" ")
                elif tag == "tr":
                    table["rows"].append([])
                    table["header"].append(True)
                elif tag in ("td", "th"):
                    span = [int(el.get("colspan") or 1), int(el.get("rowspan") or 1)]
                    table["cell"] = ([], span)
                    if tag == "td" and el.getparent().getparent().tag != "thead":
                        table["header"][-1] = False
                elif tag == "caption":
                    table["caption"] = []
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                begin("h", level=int(tag[1]))
            elif tag == "p":
                if not (cur is not None and cur["kind"] == "li" and not _collapse(cur["parts"])):
                    begin("p")
            elif tag == "li":
                begin("li", depth=len(lists), ordered=lists[-1] if lists else False)
            elif tag in ("ul", "ol"):
                flush()
                lists.append(tag == "ol")
            elif tag == "blockquote":
                flush()
                quote += 1
            elif tag == "pre":
                code = next(iter(el), None)
                classes = " ".join(x.get("class") or "" for x in (el, code) if x is not None).split()
                lang = next((c.split("-", 1)[1] for c in classes if c.startswith(_LANG_PREFIXES)), None)
                begin("code", lang=lang)
            elif tag == "table":
                flush()
                table = {"rows": [], "header": [], "cell": None, "caption": None}
            elif tag == "img":
                src = el.get("src") or ""
                if src.startswith("data:"):
                    src = el.get("data-src") or ""
                url = _url(src, base, image=True)
                if url:
                    flush()
                    items.append(("img", quote, url, " ".join((el.get("alt") or "").split())))
            elif tag == "figcaption":
                begin("p")
            elif tag in ("div", "section", "figure", "article", "main", "header", "footer", "body"):
                flush()
            elif tag == "br":
                if cur is not None and cur["kind"] == "code":
                    cur["parts"].append("\n")
                else:
                    add_text(" ")
            elif tag == "a":
                target = parts()
                link_starts.append((len(target) if target is not None else 0, el.get("href")))
            add_text(el.text)
            continue
        # end
        if tag == "a" and link_starts:
            begin_at, href = link_starts.pop()
            target = parts()
            url = _url(href, base)
            text = _collapse(target[begin_at:]) if target is not None else ""
            if url and text and cur is not None and table is None:  # (cells' links are not compared)
                cur["links"].append((text, url))
        elif table is not None and tag in ("table", "td", "th", "caption"):
            if tag == "table" and nested_tables:
                nested_tables -= 1
            elif nested_tables:
                add_text(" ")
            elif tag in ("td", "th"):
                texts, (colspan, rowspan) = table["cell"]
                table["rows"][-1].append((_collapse(texts), colspan, rowspan))
                table["cell"] = None
            elif tag == "caption":
                items.append(("p", quote, _collapse(table["caption"]), ()))
                table["caption"] = None
            else:
                rows = [r for r in table["rows"] if any(text for text, _, _ in r)]
                header = bool(table["header"]) and table["header"][0] and bool(table["rows"][0])
                items.append(("table", quote, header, _grid(rows)))
                table = None
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "figcaption"):
            flush()
        elif tag in ("ul", "ol"):
            flush()
            lists.pop()
        elif tag == "blockquote":
            flush()
            quote -= 1
        if el is not root:
            add_text(el.tail)
    flush()
    return items


def markdown_items(text: str) -> list[Item]:
    """The items of a Markdown text as markdown-it-py (CommonMark plus GFM tables) reads it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    items: list[Item] = []
    quote = 0
    lists: list[bool] = []
    heading = 0
    in_item: list[bool] = []  # per open list item: its first paragraph is the item's text
    rows: list[list[str]] = []
    header_row: list[str] | None = None
    in_head = False
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            in_item.append(True)
        elif kind == "list_item_close":
            in_item.pop()
        elif kind == "heading_open":
            heading = int(token.tag[1])
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            if in_head:
                header_row = []
            else:
                rows.append([])
        elif kind == "table_close":
            has_header = header_row is not None and any(header_row)
            grid = ([header_row] if has_header and header_row is not None else []) + rows
            items.append(("table", quote, has_header, tuple(tuple(r) for r in grid)))
            rows, header_row = [], None
        elif kind in ("fence", "code_block"):
            items.append(("code", quote, token.info.strip() or None, token.content.rstrip("\n")))
        elif kind == "inline":
            cells = header_row if in_head else (rows[-1] if rows else None)
            text, links, images = _inline(token.children or [])
            if heading:
                items.append(("h", quote, heading, text, links))
                heading = 0
            elif cells is not None and _in_table(tokens, token):
                cells.append(text)
            else:
                items.extend(("img", quote, src, alt) for src, alt in images)
                if not text:
                    continue
                if in_item and in_item[-1]:
                    items.append(("li", quote, len(lists), lists[-1], text, links))
                    in_item[-1] = False
                else:
                    items.append(("p", quote, text, links))
    return items


def _in_table(tokens: list[Any], token: Any) -> bool:
    index = tokens.index(token)
    return index > 0 and tokens[index - 1].type in ("th_open", "td_open")


def _inline(children: list[Any]) -> tuple[str, tuple[tuple[str, str], ...], list[tuple[str, str]]]:
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    images: list[tuple[str, str]] = []
    open_link: tuple[int, str] | None = None
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "link_open":
            open_link = (len(parts), unquote(str(child.attrGet("href"))))
        elif child.type == "link_close" and open_link is not None:
            links.append((_collapse(parts[open_link[0]:]), open_link[1]))
            open_link = None
        elif child.type == "image":
            alt = "".join(c.content for c in child.children or [])
            images.append((unquote(str(child.attrGet("src"))), alt))
    return _collapse(parts), tuple(links), images
