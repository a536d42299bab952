"""Property-based tests: clean() on any input returns a Document or raises a NewscleanError.

Inputs: arbitrary bytes, arbitrary text (surrogates and controls included), generated HTML-ish
trees with broken markup, the fixture pages cut at any point, and the fixture pages with random
byte mutations. Every call must also finish within a generous bound (no hang).
"""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.decode import decode, sanitize_text
from newsclean.errors import InputError, NewscleanError
from newsclean.sniff import detect_format

FIXTURES = Path(__file__).parent / "fixtures"
BOUND = 20.0  # seconds for one call; typical calls take milliseconds

PROPERTY = settings(
    max_examples=150,
    deadline=None,  # timing is checked by BOUND, which tolerates a busy machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FORMATS = st.sampled_from(["auto", "html", "text"])
ENCODINGS = st.sampled_from([None, "utf-8", "latin1", "shift_jis", "utf-16", "gb2312", "nope"])
ANY_CHAR = st.one_of(  # every code point, with lone surrogates often enough to matter
    st.characters(codec=None, exclude_categories=[]),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=[]),
    st.characters(max_codepoint=0x1F),
)


def check_clean(source: str | bytes, input_format: str = "auto", encoding: str | None = None) -> None:
    # this thread's CPU time: a machine busy with other work slows the wall clock, not the work
    start = time.thread_time()
    try:
        doc = newsclean.clean(source, input_format=input_format, encoding=encoding)  # type: ignore[arg-type]
    except NewscleanError as exc:
        assert str(exc)  # a message the user can act on, never empty
        return
    finally:
        assert time.thread_time() - start < BOUND
    assert isinstance(doc, newsclean.Document)
    # The result is usable: it serialises, and its text is clean.
    doc.to_json()
    doc.to_markdown()
    doc.to_html()
    assert "\x00" not in doc.body
    doc.body.encode("utf-8")  # no lone surrogates left


@lru_cache(maxsize=1)
def fixture_pages() -> tuple[bytes, ...]:
    return tuple(p.read_bytes() for p in sorted(FIXTURES.rglob("input.*")))


# --- clean() ---------------------------------------------------------------------------------


@PROPERTY
@given(st.binary(max_size=4096), FORMATS, ENCODINGS)
def test_any_bytes(data: bytes, input_format: str, encoding: str | None) -> None:
    check_clean(data, input_format, encoding)


@PROPERTY
@given(st.text(alphabet=ANY_CHAR, max_size=2000), FORMATS)
def test_any_text(text: str, input_format: str) -> None:
    check_clean(text, input_format)


TAGS = st.sampled_from(
    [
        "p",
        "div",
        "span",
        "a",
        "br",
        "h1",
        "li",
        "ul",
        "table",
        "tr",
        "td",
        "script",
        "style",
        "article",
        "nav",
        "footer",
        "b",
        "img",
        "meta",
        "title",
        "html",
        "body",
        "head",
        "noscript",
        "iframe",
        "svg",
        "math",
        "template",
        "xmp",
        "plaintext",
        "textarea",
        "!DOCTYPE html",
    ]
)
ATTRS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "class",
                "id",
                "href",
                "style",
                "hidden",
                "aria-hidden",
                "itemprop",
                "content",
                "property",
                "name",
                "charset",
                "datetime",
                "lang",
            ]
        ),
        st.text(alphabet=ANY_CHAR, max_size=30),
    ),
    max_size=4,
)
WORDS = st.text(alphabet=st.sampled_from(list("abcdefgh ijk.,;:!?é東京Ж\u200b&<>\"'\n\t")), max_size=120)
PIECES = st.one_of(
    WORDS,
    st.sampled_from(
        [
            "&amp;",
            "&nbsp;",
            "&#0;",
            "&#xD800;",
            "&#1114112;",
            "&bogus;",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "</",
            "<",
            ">",
            "/>",
            "<?xml ?>",
            "\x00",
            "\ufeff",
        ]
    ),
)


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """A tree of elements with attributes, text, entities and broken pieces of markup."""
    tag = draw(TAGS)
    attrs = "".join(f' {k}="{v}"' for k, v in draw(ATTRS))
    children = draw(
        st.lists(
            PIECES if depth >= 4 else st.one_of(PIECES, html_trees(depth + 1)),  # type: ignore[arg-type]
            max_size=6,
        )
    )
    close = draw(st.sampled_from([f"</{tag.split()[0]}>", "", "</div>"]))
    return f"<{tag}{attrs}>" + "".join(children) + close


@PROPERTY
@given(html_trees(), FORMATS)
def test_generated_html(markup: str, input_format: str) -> None:
    check_clean(markup, input_format)
    check_clean(markup.encode("utf-8", "surrogatepass"), input_format)


@PROPERTY
@given(st.data())
def test_truncated_fixture_pages(data: st.DataObject) -> None:
    page = data.draw(st.sampled_from(fixture_pages()))
    cut = data.draw(st.integers(min_value=0, max_value=len(page)))
    check_clean(page[:cut])
    check_clean(page[cut:])


@PROPERTY
@given(st.data())
def test_mutated_fixture_pages(data: st.DataObject) -> None:
    page = bytearray(data.draw(st.sampled_from(fixture_pages())))
    for _ in range(data.draw(st.integers(min_value=1, max_value=20))):
        where = data.draw(st.integers(min_value=0, max_value=max(len(page) - 1, 0)))
        action = data.draw(st.sampled_from(["flip", "insert", "delete", "repeat"]))
        if action == "flip" and page:
            page[where] = data.draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            page[where:where] = data.draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del page[where : where + data.draw(st.integers(min_value=1, max_value=64))]
        else:
            page[where:where] = page[where : where + 32] * data.draw(st.integers(1, 50))
    check_clean(bytes(page), encoding=data.draw(ENCODINGS))


# --- the input stages on their own -----------------------------------------------------------


@PROPERTY
@given(st.binary(max_size=4096), ENCODINGS)
def test_decode_returns_text_or_input_error(data: bytes, encoding: str | None) -> None:
    try:
        result = decode(data, encoding=encoding)
    except InputError as exc:
        assert "input looks like" in str(exc)
        return
    assert result.warnings and result.warnings[0].startswith("encoding: ")
    assert result.encoding in result.warnings[0] or "unknown label" in result.warnings[0]
    result.text.encode("utf-8")  # no lone surrogates


@PROPERTY
@given(st.text(alphabet=ANY_CHAR, max_size=2000))
def test_sanitize_text_output_is_clean_and_stable(text: str) -> None:
    cleaned, _ = sanitize_text(text)
    cleaned.encode("utf-8")
    assert not any(ord(c) < 32 and c not in "\t\n\f" for c in cleaned)
    assert sanitize_text(cleaned) == (cleaned, ())


@PROPERTY
@given(st.text(alphabet=ANY_CHAR, max_size=2000))
def test_valid_utf8_round_trips(text: str) -> None:
    # Whatever the text, its UTF-8 bytes decode back to it (after the same sanitising).
    expected, _ = sanitize_text(text)
    data = expected.encode("utf-8")
    try:
        result = decode(data)
    except InputError:
        return  # text made mostly of control characters is refused, as binary is
    assert result.text == expected


@PROPERTY
@given(st.text(alphabet=ANY_CHAR, max_size=3000))
def test_detect_format_answers(text: str) -> None:
    assert detect_format(text) in ("html", "text")
