"""Parsing pages nested deeper than libxml2's limit: flattened, or read as text, never lost."""

from __future__ import annotations

import newsclean
from newsclean.blocks.parse import markup_to_text, parse_page

SENTENCE = "The council approved the new budget on Tuesday after a long debate about the cost of repairs."
AFTER = "The clerk said the vote came after midnight, when most residents had already gone home."


def test_ordinary_page_parses_without_notes() -> None:
    root, notes = parse_page(f"<html><body><p>{SENTENCE}</p></body></html>")
    assert root is not None and notes == ()


def test_deep_layout_nesting_is_flattened() -> None:
    page = "<html><body>" + "<div>" * 3000 + f"<p>{SENTENCE}</p>" + "</div>" * 3000 + f"<p>{AFTER}</p></body></html>"
    doc = newsclean.clean(page)
    assert doc.paragraphs == (SENTENCE, AFTER)
    assert any("layout tags were dropped" in w for w in doc.warnings)


def test_deep_unknown_tags_are_read_as_text() -> None:
    page = "<html><body>" + "<x-box>" * 3000 + f"<p>{SENTENCE}</p><p>{AFTER}</p><script>var hidden = 1;</script>"
    doc = newsclean.clean(page)
    assert SENTENCE in doc.paragraphs and AFTER in doc.paragraphs
    assert "hidden" not in doc.body
    assert any("read as text" in w for w in doc.warnings)


def test_markup_to_text_keeps_blocks_apart_and_unescapes() -> None:
    text = markup_to_text("<p>Fish &amp; chips</p><style>p{}</style><p>are <b>back</b></p>")
    assert [line for line in text.splitlines() if line.strip()] == ["Fish & chips", "are back"]
