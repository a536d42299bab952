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


def _str_tree(text: str) -> bytes:
    """The page parsed as lxml parses a str (its UCS buffer, no UTF-8 step), serialised."""
    from lxml import etree

    from newsclean.blocks.parse import _PARSER_OPTIONS

    return etree.tostring(etree.fromstring(text, parser=etree.HTMLParser(**_PARSER_OPTIONS)))


def test_the_utf8_parse_gives_the_str_parse_tree() -> None:
    """The text goes to libxml2 as UTF-8 (issue #15); the tree must be the one the str gave:
    Latin-1 only, the BMP (UCS-2), past it (UCS-4), entities, a page that declares another
    charset, whose declaration must not switch the decoding."""
    from lxml import etree

    pages = [
        "<html><body><p>Caf\u00e9 cr\u00e8me &amp; co&nbsp;\u00e0 Paris</p></body></html>",
        "<html><body><p>\u201cQuoted\u201d \u2013 \u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439 \u4f60\u597d</p></body></html>",
        "<html><body><p>Emoji \U0001f600 and \u2764\ufe0f <img alt='\U0001f44d'></p></body></html>",
        "<html><head><meta charset='windows-1252'></head><body><p>Z\u00fcrich \u2019s \u20ac</p></body></html>",
        "<p>no html element at all, \u00fc</p>",
    ]
    for page in pages:
        root, notes = parse_page(page)
        assert root is not None and notes == ()
        assert etree.tostring(root) == _str_tree(page), page


def test_a_lone_surrogate_becomes_a_replacement_character_and_nothing_after_it_is_lost() -> None:
    """A lone surrogate has no UTF-8 form: it becomes U+FFFD, and the text on both sides of it
    stays (handed over as a str, libxml2 dropped the rest of the text node after it)."""
    root, _ = parse_page(f"<html><body><p>before \ud800 {SENTENCE}</p><p>after</p></body></html>")
    assert root is not None
    text = "".join(root.itertext())
    assert f"before \ufffd {SENTENCE}" in text
    assert "after" in text


def test_content_after_the_page_end_is_read_into_the_body() -> None:
    """What follows ``</body>`` or ``</html>`` goes into the body, as a browser's parser puts it;
    a later ``<html>``'s ``<body>`` is unwrapped and its ``<head>`` left out."""
    from lxml import etree

    page = (
        "<html><head><title>t</title></head><body><p>a</p></body><p>b</p>"
        "</html>text<div><p>c</p></div><html><head><title>x</title></head><body>d<p>e</p></body></html>"
    )
    root, notes = parse_page(page)
    assert root is not None and notes == ()
    body = root.find("body")
    assert body is not None
    assert etree.tostring(body) == b"<body><p>a</p><p>b</p>text<div><p>c</p></div>d<p>e</p></body>"


def test_a_head_after_the_body_stays_and_its_base_is_read() -> None:
    """A ``<head>`` that follows the body stays out of it: a browser reads its ``<base href>``
    (links resolve against it) and its title is metadata, not text."""
    import newsclean

    page = (
        "<html><body><p>" + SENTENCE + ' <a href="notice.html">the notice</a></p></body>'
        "<head><base href='https://example.org/news/2024/'><title>Head late</title></head></html>"
    )
    doc = newsclean.clean(page, url="https://example.org/x")
    anchors = [anchor.url for block in doc.structure for anchor in block.anchors]
    assert anchors == ["https://example.org/news/2024/notice.html"]
    assert "Head late" not in doc.body


def test_a_page_closed_before_its_body_gets_one() -> None:
    """``</head></html>`` before any ``<body>``: libxml2 opens a second ``<html>`` for the page,
    a browser reads it all into the one body it opens."""
    from lxml import etree

    root, notes = parse_page("<html><head><title>t</title></head></html><div><p>a</p></div>tail")
    assert root is not None and notes == ()
    body = root.find("body")
    assert body is not None
    assert etree.tostring(body) == b"<body><div><p>a</p></div>tail</body>"


def test_a_second_body_and_a_comment_after_the_body_are_unwrapped_in_order() -> None:
    from lxml import etree

    root, _ = parse_page("<html><body><p>a</p></body><!-- c -->one<body><p>b</p>two</body>three</html>")
    assert root is not None
    body = root.find("body")
    assert body is not None
    assert etree.tostring(body) == b"<body><p>a</p>one<p>b</p>twothree</body>"
