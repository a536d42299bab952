"""Document.structure, to_markdown() and to_html(): fixtures as data, read back by real parsers.

``tests/fixtures/structure/<case>/`` holds a hand-written page (``input.html`` or
``input.txt``), its ``expected.json`` (url, input format, and ``same_as_source`` when every block
of the page's ``<article>`` not marked ``data-removed`` must come out), and the hand-checked
``expected.md`` and ``expected.html``. The Markdown is parsed back with markdown-it-py and the HTML
with lxml, and both must hold the same structure (the source page's, where it applies).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, load_cases
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from structure_summary import html_items, markdown_items

import newsclean
from newsclean.html_render import render_blocks as html_blocks
from newsclean.markdown import render_blocks as markdown_blocks
from newsclean.structure import (
    Anchor,
    Cell,
    Code,
    Figure,
    Heading,
    ListItem,
    Paragraph,
    Table,
    safe_url,
)

CASES = load_cases("structure")
ALLOWED_ATTRIBUTES = {"href", "src", "alt", "colspan", "rowspan"}


def _doc(case_path: Path) -> newsclean.Document:
    spec = json.loads((case_path / "expected.json").read_text(encoding="utf-8"))
    source = next(p for p in (case_path / "input.html", case_path / "input.txt") if p.exists())
    return newsclean.clean(source.read_bytes(), url=spec.get("url"), input_format=spec.get("input_format", "auto"))


def _article_of_output(html: str) -> etree._Element:
    root = etree.fromstring(html.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    article = root.find(".//article")
    assert article is not None
    for part in article.findall("header") + article.findall("footer"):
        article.remove(part)
    return article


def _without_languages(items: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return [(*item[:2], None, *item[3:]) if item[0] == "code" else item for item in items]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_markdown_and_html_are_the_expected(case) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(case.path)
    assert doc.to_markdown() == (case.path / "expected.md").read_text(encoding="utf-8")
    assert doc.to_html() == (case.path / "expected.html").read_text(encoding="utf-8")
    for key, want in case.spec.get("expected", {}).items():
        assert doc.to_dict()[key] == want, key


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_markdown_and_html_read_back_with_the_same_structure(case) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(case.path)
    from_markdown = markdown_items(markdown_blocks(doc.structure))
    from_html = html_items(_article_of_output("<article>" + "\n".join(html_blocks(doc.structure)) + "</article>"),
                           None, languages=False)
    assert from_markdown, "the Markdown reads back empty"
    assert _without_languages(from_markdown) == from_html
    if case.spec.get("same_as_source"):
        root = etree.fromstring(case.input_path.read_bytes(), etree.HTMLParser(encoding="utf-8"))
        base = root.find("head/base")
        url = case.spec.get("url")
        source = html_items(root.find(".//article"), base.get("href") if base is not None else url)
        assert from_markdown == source


def test_the_fixtures_cover_the_issue() -> None:
    kinds = {type(block) for case in CASES for block in _doc(case.path).structure}
    assert kinds == {Heading, Paragraph, ListItem, Code, Table, Figure}
    cells = [cell for case in CASES for block in _doc(case.path).structure if isinstance(block, Table)
             for row in block.rows for cell in row]
    assert any(c.colspan > 1 for c in cells) and any(c.rowspan > 1 for c in cells) and any(c.header for c in cells)
    assert len(CASES) >= 6 and (FIXTURES / "structure" / "tables-nested-layout").is_dir()


def test_a_cut_table_row_comes_back_whole_and_the_layout_table_goes() -> None:
    doc = _doc(FIXTURES / "structure" / "tables-nested-layout")
    tables = [b for b in doc.structure if isinstance(b, Table)]
    assert len(tables) == 1  # the layout table around the story is no table
    assert [c.text for c in tables[0].rows[2]] == ["Line 4", "every 6 min Saturdays: every 8 min", "every 20 min"]
    assert tables[0].rows[0][0].header and not tables[0].rows[1][0].header


@pytest.mark.parametrize("kinds", [("text",), ("html",), ("html_regression",), ("structure",)])
def test_the_structure_holds_every_body_paragraph(kinds: tuple[str, ...]) -> None:
    for case in load_cases(*kinds):
        doc = _doc(case.path)
        texts: list[str] = []
        for block in doc.structure:
            if isinstance(block, Table):
                texts.extend(" ".join(c.text for c in row if c.text) for row in block.rows)
                texts.append(block.caption or "")
            elif isinstance(block, Figure):
                texts.append(block.caption or "")
            elif isinstance(block, Code):
                texts.append(" ".join(block.text.split()))
            else:
                texts.append(block.text)
        joined = "\n".join(texts)
        for paragraph in doc.paragraphs:
            assert paragraph in joined or paragraph.split(None, 1)[-1] in joined, (case.id, paragraph)


def test_structure_is_in_to_dict() -> None:
    doc = _doc(FIXTURES / "structure" / "tables-header-spans")
    data = json.loads(doc.to_json())
    table = next(b for b in data["structure"] if b["kind"] == "table")
    assert table["caption"] == "Caffeine per 250 ml cup"
    assert table["rows"][2][1] == {"text": "47 mg after 5 min", "header": False, "colspan": 2, "rowspan": 1,
                                   "anchors": []}
    paragraph = data["structure"][1]
    assert paragraph["kind"] == "paragraph" and paragraph["anchors"][0]["url"].endswith("/caffeine-data.csv")


def test_links_and_images_can_be_left_out() -> None:
    doc = _doc(FIXTURES / "structure" / "figures-links")
    md = doc.to_markdown(links=False, images=False)
    assert "](" not in md and "![" not in md
    assert "Couchettes sleep six, from 49 euros." in md  # the caption stays
    html = doc.to_html(links=False, images=False)
    assert "<a " not in html and "<img" not in html and "<p>Couchettes sleep six, from 49 euros.</p>" in html


HOSTILE = b"""<html><head><base href="javascript:alert(1)//"></head><body><article>
<p onclick="alert(1)" style="color:red">The council voted on Monday to extend the tram line by four stops, officials said after the meeting.
<a href=" java\tscript:alert(2)">one</a> <a href="data:text/html,<script>alert(3)</script>">two</a>
<a href="vbscript:msgbox">three</a> <a href="https://example.org/ok?a=1&amp;b=&quot;x&quot;">four</a></p>
<img src="javascript:alert(4)" alt="x"><img src="https://example.org/a.jpg\\" onerror=\\"alert(5)" alt="&quot;><script>alert(6)</script>">
<p>The new stops will open next spring, and the work will close two streets for a month, the city said.</p>
<table><tr><th colspan="100000">Stop</th><td rowspan="99999">&lt;script&gt;alert(7)&lt;/script&gt;</td></tr>
<tr><td>Main Street</td><td>Harbour</td></tr></table>
<pre class="language-js&quot;><script>">alert(8)</pre>
</article></body></html>"""


def test_html_output_cannot_run_anything() -> None:
    doc = newsclean.clean(HOSTILE, url="https://news.example/tram")
    html = doc.to_html()
    root = etree.fromstring(html.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    assert root.find(".//script") is None and root.find(".//style") is None
    for el in root.iter(etree.Element):
        names = set(el.keys())
        if el.tag == "meta":
            assert dict(el.attrib) == {"charset": "utf-8"}
            continue
        assert names <= ALLOWED_ATTRIBUTES, (el.tag, names)
        for name in ("href", "src"):
            if el.get(name) is not None:
                assert el.get(name).startswith(("https://", "http://", "mailto:")), el.get(name)
    assert "alert(7)" in html  # text shown, escaped, not run
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == ['https://example.org/ok?a=1&b="x"']
    md = doc.to_markdown()
    assert "javascript" not in md.lower() and "vbscript" not in md and "data:" not in md
    colspans = [c.colspan for b in doc.structure if isinstance(b, Table) for row in b.rows for c in row]
    assert max(colspans) <= 50


@pytest.mark.parametrize(("href", "base", "want"), [
    ("/a/b", "https://x.example/c/d", "https://x.example/a/b"),
    ("../e", "https://x.example/c/d/f", "https://x.example/c/e"),
    ("JavaScript:alert(1)", None, None),
    (" java\tscript:alert(1)", None, None),
    ("\x01javascript:alert(1)", None, None),
    ("data:text/html,x", None, None),
    ("#section-2", "https://x.example/", None),
    ("mailto:desk@x.example", None, "mailto:desk@x.example"),
    ("relative/page", None, "relative/page"),
    ("http://[::1", None, None),
    ("", None, None),
])
def test_safe_url(href: str, base: str | None, want: str | None) -> None:
    assert safe_url(href, base) == want


def test_image_urls_are_http_only() -> None:
    assert safe_url("mailto:x@y.example", schemes=frozenset({"http", "https"})) is None


def test_text_input_gets_paragraphs_and_list_items() -> None:
    doc = _doc(FIXTURES / "structure" / "text-bullets")
    items = [(b.ordered, b.text.split()[0]) for b in doc.structure if isinstance(b, ListItem)]
    assert items == [(True, "Turn"), (True, "Bleed"), (True, "Fit"), (False, "Close"), (False, "Use"), (False, "Check")]
    assert isinstance(doc.structure[-2], Paragraph) and doc.structure[-2].text.startswith("— Do I")
    assert doc.paragraphs[2] == "1. Turn the thermostat down by one degree, which alone saves about ten percent."


# Text with every character Markdown treats as markup reads back as the same text.
_MARKUP_TEXT = st.text(alphabet=st.sampled_from(list("ab1 .)*_`[]()<>!#&;|\\~-+=:\"'/")), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(_MARKUP_TEXT, _MARKUP_TEXT)
def test_any_text_reads_back_the_same(text: str, cell: str) -> None:
    text, cell = " ".join(text.split()), " ".join(cell.split())
    if not text or not cell:
        return
    anchor = (Anchor(0, min(3, len(text)), "https://x.example/a b(c)"),) if text[:3].strip() == text[:3] else ()
    blocks = (
        Paragraph(text, anchor),
        ListItem(text, 1, True),
        Heading(text, 2),
        Table(((Cell("h", True), Cell(cell, True)), (Cell(cell), Cell(text)))),
    )
    got = markdown_items(markdown_blocks(blocks))
    links = ((text[:3], "https://x.example/a b(c)"),) if anchor else ()
    assert got == [
        ("p", 0, text, links),
        ("li", 0, 1, True, text, ()),
        ("h", 0, 2, text, ()),
        ("table", 0, True, (("h", cell), (cell, text))),
    ]


ARTICLE = (
    "<p>The council voted on Monday to extend the tram line by four stops, officials said after a long "
    "meeting that ran late into the evening.</p>"
    "<p>The new stops will open next spring, and the work will close two streets for a month, the city "
    "said in a statement on its website.</p>"
)


def _structure(body: str) -> tuple[object, ...]:
    return newsclean.clean(f"<html><body><article>{body}</article></body></html>").structure


def test_a_list_item_cut_by_br_is_one_item() -> None:
    items = [b for b in _structure(ARTICLE + "<ul><li>First line<br>second line of the item</li><li>The next item, on the works</li></ul>")
             if isinstance(b, ListItem)]
    assert [b.text for b in items] == ["First line second line of the item", "The next item, on the works"]


def test_the_image_of_a_picture_element_is_found() -> None:
    # libxml2 nests the <img> inside <source>, which the block walk skips
    structure = _structure(
        ARTICLE[: ARTICLE.index("<p>The new")]
        + '<picture><source srcset="https://x.example/a.webp"><img src="https://x.example/a.jpg" alt="Tram"></picture>'
        + ARTICLE[ARTICLE.index("<p>The new"):]
    )
    assert [b for b in structure if isinstance(b, Figure)] == [Figure("https://x.example/a.jpg", "Tram")]
    assert isinstance(structure[0], Paragraph) and isinstance(structure[1], Figure)


def test_an_image_outside_the_article_is_left_out() -> None:
    doc = newsclean.clean(
        "<html><body><div class='sidebar related'><img src='https://x.example/teaser.jpg' alt='Teaser'>"
        "<a href='/other'>Another story entirely</a></div>"
        f"<article>{ARTICLE}</article><img src='https://x.example/after.jpg'></body></html>"
    )
    assert not [b for b in doc.structure if isinstance(b, Figure)]
    assert doc.paragraphs and "![" not in doc.to_markdown()


def test_cli_html_and_markdown_options() -> None:
    import io

    from newsclean.cli import main

    page = f"<html><body><article>{ARTICLE}<p>See <a href='/minutes'>the minutes</a>.</p></article></body></html>"
    for argv, present, absent in (
        (["--format", "html", "--url", "https://city.example/news/tram"],
         '<a href="https://city.example/minutes">the minutes</a>', "<script"),
        (["--format", "html", "--no-links"], "<p>See the minutes.</p>", "<a "),
        (["--format", "markdown", "--url", "https://city.example/news/tram"],
         "[the minutes](https://city.example/minutes)", "<p>"),
        (["--format", "markdown", "--no-links", "--no-images"], "See the minutes.", "]("),
    ):
        out = io.StringIO()
        assert main(argv, stdin=io.BytesIO(page.encode()), stdout=out, stderr=io.StringIO()) == 0
        assert present in out.getvalue() and absent not in out.getvalue(), argv


def test_a_document_built_by_hand_renders_from_its_paragraphs() -> None:
    doc = newsclean.Document(paragraphs=("Works", "A survey first", "Then dredging"), paragraph_kinds=("h2", "li", "li"))
    assert doc.to_markdown() == "## Works\n\n- A survey first\n- Then dredging\n"
    assert "<ul>\n<li>A survey first</li>\n<li>Then dredging</li>\n</ul>" in doc.to_html()


def test_cells_holding_paragraphs_are_still_a_table() -> None:
    # documentation generators (AsciiDoc, wikis) wrap every cell's text in a <p>
    structure = _structure(
        ARTICLE + "<table><thead><tr><th>Feature</th><th>Done</th></tr></thead><tbody>"
        "<tr><td><p>Unwinding of the stack on panics</p></td><td><p>80%</p></td></tr>"
        "<tr><td><p>Debug information for all targets</p></td><td><p>20%</p></td></tr></tbody></table>"
    )
    tables = [b for b in structure if isinstance(b, Table)]
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["Feature", "Done"], ["Unwinding of the stack on panics", "80%"], ["Debug information for all targets", "20%"],
    ]


def test_a_table_of_one_row_before_a_paragraph() -> None:
    structure = _structure(ARTICLE + "<table><tr><th>Stops</th><th>Opening</th></tr></table>"
                           "<p>The city will publish the timetable for the new stops in the spring.</p>")
    assert [type(b).__name__ for b in structure] == ["Paragraph", "Paragraph", "Table", "Paragraph"]


def test_icons_in_list_items_do_not_break_the_list() -> None:
    icon = "<img src='https://x.example/check.svg' alt='check'>"
    structure = _structure(
        ARTICLE + f"<ul><li>{icon}Some employers ask leaders to have the degree</li>"
        f"<li>{icon}Online classes let you keep your job while you study</li></ul>"
        "<p>Small images are icons too: <img src='https://x.example/dot.png' width='16' height='16'> like this one.</p>"
    )
    assert [type(b).__name__ for b in structure] == ["Paragraph", "Paragraph", "ListItem", "ListItem", "Paragraph"]


def test_lists_in_cells_are_flattened_into_the_cells() -> None:
    structure = _structure(
        ARTICLE + "<table><thead><tr><th>Pros</th><th>Cons</th></tr></thead><tbody><tr>"
        "<td><ul><li><p>Over a decade of experience with clients</p></li><li><p>Free custom proposal</p></li></ul></td>"
        "<td><ul><li><p>Three-month commitment at the least</p></li></ul></td></tr></tbody></table>"
    )
    assert isinstance(structure[2], Table) and [[c.text for c in row] for row in structure[2].rows] == [
        ["Pros", "Cons"], ["Over a decade of experience with clients Free custom proposal", "Three-month commitment at the least"],
    ]


def test_a_row_that_is_no_data_ends_the_table_and_keeps_its_lists() -> None:
    # a cell of over MAX_CELL_CHARS is a layout row: its list stays a list, the header alone is no table
    item = "Over a decade of experience with clients in every market, " * 6
    structure = _structure(
        ARTICLE + "<table><thead><tr><th>Pros</th><th>Cons</th></tr></thead><tbody><tr>"
        f"<td><ul><li><p>{item}</p></li><li><p>{item}</p></li><li><p>{item}</p></li></ul></td>"
        "<td><ul><li><p>Three-month commitment at the least</p></li></ul></td></tr></tbody></table>"
    )
    assert [type(b).__name__ for b in structure] == ["Paragraph", "Paragraph", "Paragraph"] + ["ListItem"] * 4
    assert structure[2] == Paragraph("Pros Cons")


def test_an_image_in_a_caption_named_figure_is_kept() -> None:
    # "caption" and "lightbox" are navigation words for blocks of text, not for a figure's picture
    structure = _structure(
        ARTICLE[: ARTICLE.index("<p>The new")]
        + "<div class='wp-caption aligncenter'><a class='lightbox' href='/big.jpg'>"
        "<img src='https://x.example/tram.jpg' alt='Tram'></a></div>"
        + ARTICLE[ARTICLE.index("<p>The new"):]
    )
    assert Figure("https://x.example/tram.jpg", "Tram") in structure
