"""How much of the article's structure survives in each tool's Markdown: tables and lists.

For every page, the *source* data tables and lists that belong to the article are found in the
page's HTML: a table with at least two rows and two columns and no table inside it, or a
``<ul>``/``<ol>`` with at least two items, whose cells or items are (mostly) in the benchmark's
ground-truth article text. That choice depends on neither tool. Each tool's Markdown is then
parsed with markdown-it-py (CommonMark plus GFM tables, as a reader would) and a source table
counts as kept when a Markdown table holds most of its cells, a list when a Markdown list holds
most of its items; a nested source list counts as nested when that Markdown list is nested too.
"text only" counts the structures whose text is in the output but not as a table or list.

    PYTHONPATH=src python bench/structure.py ../shared/bench/scrapinghub ../shared/bench/wceb2026-dev

Tools: newsclean ``Document.to_markdown()`` and trafilatura ``extract(output_format="markdown")``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from datasets import Page, load_dataset
from lxml import etree
from markdown_it import MarkdownIt

#: Share of a structure's cells or items that must be found (in the truth, in a Markdown table
#: or list) for it to count.
SHARE = 0.6
#: Items are compared by their first words: list items grow or lose trailing text (a nested
#: list's words, a link's suffix) between source and output.
PREFIX_WORDS = 6


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.lower()))


def _found(words: tuple[str, ...], haystack: str) -> bool:
    return bool(words) and f" {' '.join(words)} " in haystack


def _mostly(parts: list[tuple[str, ...]], haystack: str) -> bool:
    return bool(parts) and sum(_found(p, haystack) for p in parts) >= SHARE * len(parts)


@dataclass
class SourceTable:
    cells: list[tuple[str, ...]]


@dataclass
class SourceList:
    items: list[tuple[str, ...]]
    nested: bool


def _own_text(li: etree._Element) -> str:
    """An item's text without the text of lists inside it."""
    parts: list[str] = []
    walker = etree.iterwalk(li, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if el is not li and isinstance(el.tag, str) and el.tag in ("ul", "ol"):
                walker.skip_subtree()
                if el.tail:
                    parts.append(el.tail)
                continue
            if el.text and isinstance(el.tag, str):
                parts.append(el.text)
        elif el is not li and el.tail and not (isinstance(el.tag, str) and el.tag in ("ul", "ol")):
            parts.append(el.tail)
    return " ".join(parts)


def source_structures(html: str, truth: str) -> tuple[list[SourceTable], list[SourceList]]:
    """The page's data tables and lists whose cells/items are mostly in the truth."""
    try:
        root = etree.fromstring(html, etree.HTMLParser())
    except (ValueError, etree.XMLSyntaxError):
        return [], []
    if root is None:
        return [], []
    haystack = f" {' '.join(_words(truth))} "
    tables: list[SourceTable] = []
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue
        rows = table.findall(".//tr")
        cells = [[_words("".join(c.itertext())) for c in row if c.tag in ("td", "th")] for row in rows]
        if len(rows) < 2 or max((len(r) for r in cells), default=0) < 2:
            continue
        filled = [c for row in cells for c in row if c]
        row_words = [tuple(w for c in row for w in c) for row in cells]
        row_words = [r for r in row_words if r]
        if len(filled) >= 4 and _mostly(row_words, haystack):
            tables.append(SourceTable(filled))
    found: list[tuple[etree._Element, list[tuple[str, ...]]]] = []
    for tag in ("ul", "ol"):
        for element in root.iter(tag):
            full = [_words(_own_text(li)) for li in element if li.tag == "li"]
            full = [i for i in full if i]
            # items in sequence in the truth: the end of each beside the start of the next (a
            # tag list's words can each be in the text; side by side they are not)
            pairs = [a[-3:] + b[:3] for a, b in zip(full, full[1:], strict=False)]
            if len(full) >= 2 and _mostly(pairs, haystack):
                found.append((element, [i[:PREFIX_WORDS] for i in full]))
    # nested: inside an item of a list of the article (not of a layout list around everything)
    article_lists = {element for element, _ in found}
    lists = []
    for element, items in found:
        nested = any(li.tag == "li" and li.getparent() in article_lists for li in element.iterancestors())
        lists.append(SourceList(items, nested))
    return tables, lists


@dataclass
class MarkdownStructures:
    tables: list[set[tuple[str, ...]]] = field(default_factory=list)
    lists: list[tuple[set[tuple[str, ...]], int]] = field(default_factory=list)  # (item prefixes, depth)
    text: str = ""


_PARSER = MarkdownIt("commonmark").enable("table")


def _read(children: list[Any]) -> str:
    """An inline token's text as a reader sees it: link targets and markup left out."""
    words, gaps = ("text", "code_inline"), ("softbreak", "hardbreak", "image")
    return "".join(c.content if c.type in words else " " if c.type in gaps else "" for c in children)


def markdown_structures(markdown: str) -> MarkdownStructures:
    tokens = _PARSER.parse(markdown)
    read = [_read(t.children or []) if t.type == "inline" else t.content
            for t in tokens if t.type in ("inline", "fence", "code_block")]
    out = MarkdownStructures(text=f" {' '.join(_words(' '.join(read)))} ")
    open_lists: list[set[tuple[str, ...]]] = []
    item_first: list[bool] = []
    table: set[tuple[str, ...]] | None = None
    cell = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            open_lists.append(set())
        elif kind in ("bullet_list_close", "ordered_list_close"):
            out.lists.append((open_lists.pop(), len(open_lists) + 1))
        elif kind == "list_item_open":
            item_first.append(True)
        elif kind == "list_item_close":
            item_first.pop()
        elif kind == "table_open":
            table = set()
        elif kind == "table_close" and table is not None:
            out.tables.append(table)
            table = None
        elif kind in ("th_open", "td_open"):
            cell = True
        elif kind in ("th_close", "td_close"):
            cell = False
        elif kind == "inline":
            text = _words(_read(token.children or []))
            if table is not None and cell:
                table.add(text)
            elif item_first and item_first[-1] and open_lists:
                open_lists[-1].add(text[:PREFIX_WORDS])
                item_first[-1] = False
    return out


def _enough(wanted: list[tuple[str, ...]], have: set[tuple[str, ...]]) -> bool:
    return sum(w in have for w in wanted) >= SHARE * len(wanted)


def _prefix_match(items: list[tuple[str, ...]], have: set[tuple[str, ...]]) -> bool:
    """Most items start the way some Markdown item starts (markup can add or drop a word)."""
    def matches(item: tuple[str, ...]) -> bool:
        n = min(len(item), 3)
        return any(h[:n] == item[:n] for h in have)

    return sum(matches(i) for i in items) >= SHARE * len(items)


def score(page: Page, markdown: str, counts: Counter[str]) -> None:
    tables, lists = source_structures(page.text(), page.truth)
    md = markdown_structures(markdown)
    for table in tables:
        counts["tables"] += 1
        if any(_enough(table.cells, t) for t in md.tables):
            counts["tables as tables"] += 1
        elif sum(_found(c, md.text) for c in table.cells) >= SHARE * len(table.cells):
            counts["tables as text only"] += 1
    for source in lists:
        counts["lists"] += 1
        counts["nested lists"] += source.nested
        matches = [depth for items, depth in md.lists if _prefix_match(source.items, items)]
        if matches:
            counts["lists as lists"] += 1
            counts["nested lists as nested"] += source.nested and max(matches) >= 2
        elif sum(_found(i, md.text) for i in source.items) >= SHARE * len(source.items):
            counts["lists as text only"] += 1


def _newsclean(page: Page) -> str:
    import newsclean

    return newsclean.clean(page.html, url=page.url).to_markdown()


def _trafilatura(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.text(), output_format="markdown") or ""


TOOLS: dict[str, Callable[[Page], str]] = {"newsclean": _newsclean, "trafilatura": _trafilatura}


def rows(folders: list[str], tools: list[str]) -> Iterator[str]:
    yield ("| set | tool | data tables in the article | as Markdown tables | as text only "
           "| lists in the article | as Markdown lists | as text only | nested lists "
           "| nested in the Markdown |")
    yield "|---|---|---|---|---|---|---|---|---|---|"
    for folder in folders:
        dataset = load_dataset(folder)
        for name in tools:
            tool = TOOLS[name]
            counts: Counter[str] = Counter()
            for page in dataset.pages:
                try:
                    markdown = tool(page)
                except Exception as error:  # a peer's crash is its own row's problem
                    print(f"{name} {page.id}: {error}", file=sys.stderr)
                    markdown = ""
                score(page, markdown, counts)
            yield (f"| {dataset.name} | {name} | {counts['tables']} | {counts['tables as tables']} "
                   f"| {counts['tables as text only']} | {counts['lists']} | {counts['lists as lists']} "
                   f"| {counts['lists as text only']} | {counts['nested lists']} "
                   f"| {counts['nested lists as nested']} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+", help="benchmark folders (html/ and ground-truth.json)")
    parser.add_argument("--tool", action="append", choices=sorted(TOOLS), help="only this tool (repeatable)")
    args = parser.parse_args(argv)
    for line in rows(args.folders, args.tool or list(TOOLS)):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
