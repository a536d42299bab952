"""The tolerant, bounded JSON-LD reader: repairs, limits, and never an exception."""

from __future__ import annotations

import json
from typing import Any

import pytest
from lxml import html

from newsclean.meta.html import extract_html_metadata
from newsclean.meta.jsonld import (
    MAX_JSONLD_CHARS,
    MAX_JSONLD_DEPTH,
    load_json,
    nesting_depth,
    person_names,
    read_jsonld,
)


class _Script:
    """What read_jsonld needs of a <script> element: its text."""

    def __init__(self, text: str) -> None:
        self.text = text


def test_valid_json_is_read_as_is() -> None:
    assert load_json('{"@type": "NewsArticle", "headline": "A"}') == (
        {"@type": "NewsArticle", "headline": "A"},
        None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trailing commas before } and ]
        ('{"a": [1, 2,], "b": "x",}', {"a": [1, 2], "b": "x"}),
        # raw control characters (a newline, a tab) inside a string
        ('{"a": "line one\nline\ttwo"}', {"a": "line one\nline\ttwo"}),
        # an HTML comment wrapped around the script, and one inside it
        ('<!-- {"a": 1} -->', {"a": 1}),
        ('{"a": 1, <!-- note --> "b": 2}', {"a": 1, "b": 2}),
        # several objects in one script, back to back or comma-separated
        ('{"a": 1}{"b": 2}', [{"a": 1}, {"b": 2}]),
        ('{"a": 1},\n{"b": 2};', [{"a": 1}, {"b": 2}]),
        # a // comment line, and a URL's // inside a string left alone
        ('{"a": 1, // the id\n "b": "https://x.org/"}', {"a": 1, "b": "https://x.org/"}),
        # JavaScript's \' escape, and a comma inside a string left alone
        ('{"a": "it\\\'s", "b": "x,]",}', {"a": "it's", "b": "x,]"}),
        # CDATA wrappers
        ('//<![CDATA[\n{"a": 1}\n//]]>', {"a": 1}),
    ],
)
def test_common_breakages_are_repaired(text: str, expected: Any) -> None:
    assert load_json(text) == (expected, None)


def test_unrepairable_json_gives_none_without_raising() -> None:
    assert load_json('{"a": ') == (None, None)
    assert load_json("not json at all") == (None, None)
    assert load_json("") == (None, None)


def test_nesting_depth_is_measured_without_parsing() -> None:
    assert nesting_depth('{"a": [1, {"b": []}]}') == 4
    assert nesting_depth('["[[[[", "{{{"]') == 1  # brackets inside strings do not count
    assert nesting_depth('"\\"[["') == 0  # nor after an escaped quote


@pytest.mark.parametrize("depth", [MAX_JSONLD_DEPTH + 1, 1_000, 2_048, 100_000])
def test_deep_nesting_is_skipped_with_a_warning(depth: int) -> None:
    value, warning = load_json("[" * depth + "]" * depth)
    assert value is None
    assert warning is not None and "deeper than" in warning
    unbalanced, warning = load_json('{"a":' * depth)
    assert unbalanced is None and warning is not None


def test_depth_at_the_bound_is_read() -> None:
    value, warning = load_json("[" * MAX_JSONLD_DEPTH + "]" * MAX_JSONLD_DEPTH)
    assert warning is None
    for _ in range(MAX_JSONLD_DEPTH - 1):
        assert isinstance(value, list) and len(value) == 1
        value = value[0]
    assert value == []


def test_oversized_script_is_skipped_with_a_warning() -> None:
    text = '{"a": "' + "x" * MAX_JSONLD_CHARS + '"}'
    value, warning = load_json(text)
    assert value is None and warning is not None and "characters" in warning


def test_deep_script_on_a_page_gives_a_document_warning() -> None:
    import newsclean

    deep = "[" * 2_000 + "]" * 2_000
    page = (
        f'<html><head><script type="application/ld+json">{deep}</script></head>'
        "<body><article><h1>Harbour vote</h1><p>The harbour board voted on Tuesday to extend the "
        "pier by forty metres, after two years of debate about the cost of the works.</p>"
        "</article></body></html>"
    )
    doc = newsclean.clean(page)
    assert "harbour board voted" in doc.body
    assert any(w.startswith("json-ld:") and "deeper than" in w for w in doc.warnings)


def test_graph_person_reference_is_followed() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "@id": "#article", "author": [{"@id": "#/person/1"}, {"@id": "#/person/2"}]},
            {"@type": "Person", "@id": "#/person/1", "name": "Jane Doe"},
            {"@type": "Person", "@id": "#/person/2", "name": "John Roe"},
        ],
    }
    found = read_jsonld([_Script(json.dumps(data))])
    assert found.article is not None
    assert person_names(found.article["author"], index=found.index) == ["Jane Doe", "John Roe"]


def test_broken_script_still_gives_its_dates_on_a_page() -> None:
    broken = '{"@type": "NewsArticle", "datePublished": "2020-07-08", "headline": "A" "B"}'
    tree = html.document_fromstring(
        f'<html><head><script type="application/ld+json">{broken}</script></head><body></body></html>'
    )
    found = extract_html_metadata(tree)
    assert found.published is not None and found.published.source == "json-ld:datePublished"
    assert found.published.value.isoformat() == "2020-07-08"


def test_repaired_script_gives_authors_and_dates_on_a_page() -> None:
    script = (
        '{"@type": "NewsArticle",\n "headline": "Pier vote\nextended",\n'
        ' "datePublished": "2020-07-08T09:00:00Z",\n'
        ' "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"},],\n}'
    )
    tree = html.document_fromstring(
        f'<html><head><script type="application/ld+json">{script}</script></head><body></body></html>'
    )
    found = extract_html_metadata(tree)
    assert found.authors == ("Jane Doe", "John Roe")
    assert found.published is not None and found.published.source == "json-ld:datePublished"
