"""The public API: clean() arguments, the Document, the Config."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, timezone

import pytest

import newsclean
from newsclean import Config, ConfigError, Document, InputError, InputTooLargeError

ARTICLE = (
    "The harbour board voted on Monday to dredge the northern channel before the winter storms.\n"
    "Fishing crews had complained for months that the silted entrance made it dangerous at low tide.\n"
)


def test_str_and_bytes_give_the_same_document() -> None:
    assert newsclean.clean(ARTICLE).paragraphs == newsclean.clean(ARTICLE.encode()).paragraphs


def test_text_mentioning_tags_is_still_text() -> None:
    text = "In HTML, the <b> tag makes text bold, and writers often use it for emphasis in articles.\n" + ARTICLE
    doc = newsclean.clean(text)
    assert doc.paragraphs and doc.paragraphs[0].startswith("In HTML, the <b> tag")


def test_html_is_detected() -> None:
    html = f"<!DOCTYPE html><html><body><article><p>{ARTICLE}</p></article></body></html>"
    doc = newsclean.clean(html)
    assert "<p>" not in doc.body and "harbour board voted" in doc.body


def test_document_is_frozen_and_serialises() -> None:
    doc = newsclean.clean(ARTICLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.body = "x"  # type: ignore[misc]
    data = json.loads(doc.to_json())
    # every field, and the shown date (a property: published, else modified)
    assert set(data) == {f.name for f in dataclasses.fields(Document)} | {"date"}
    assert str(doc) == doc.body == "\n\n".join(doc.paragraphs)


def test_datetimes_serialise_as_isoformat() -> None:
    doc = newsclean.clean("Published 5 March 2021, 14:20 CET\n" + ARTICLE)
    assert isinstance(doc.published, datetime)
    assert doc.to_dict()["published"] == "2021-03-05T14:20:00+01:00"
    assert doc.to_dict()["date"] == "2021-03-05T14:20:00+01:00"  # the shown date is the published one


def test_shown_date_is_published_else_modified() -> None:
    updated_only = Document(modified=date(2020, 7, 9), modified_source="time")
    assert updated_only.published is None and updated_only.date == date(2020, 7, 9)
    both = Document(published=date(2020, 7, 8), modified=date(2020, 7, 9))
    assert both.date == date(2020, 7, 8)
    assert Document().date is None and Document().to_dict()["date"] is None


def test_empty_input_is_an_empty_document() -> None:
    doc = newsclean.clean("")
    assert doc.paragraphs == () and doc.body == ""
    assert any(w.startswith("empty") for w in doc.warnings)
    assert not doc


def test_wrong_type_is_an_input_error() -> None:
    with pytest.raises(InputError, match="str or bytes"):
        newsclean.clean(123)  # type: ignore[arg-type]


def test_size_limit() -> None:
    with pytest.raises(InputTooLargeError, match="max_input_bytes"):
        newsclean.clean("x" * 2000, config=Config(max_input_bytes=1000))
    with pytest.raises(InputTooLargeError):
        newsclean.clean(b"x" * 2000, config=Config(max_input_bytes=1000))


def test_unknown_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule name"):
        Config(disabled_rules=frozenset({"widget-lable"}))
    with pytest.raises(ConfigError):
        Config(disabled_rules="widget-label")  # type: ignore[arg-type]


def test_bad_input_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        newsclean.clean(ARTICLE, input_format="pdf")  # type: ignore[arg-type]


def test_config_is_frozen_and_replace_validates() -> None:
    config = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.guard_ratio = 0.5  # type: ignore[misc]
    assert config.replace(guard_ratio=0.3).guard_ratio == 0.3
    with pytest.raises(ConfigError):
        config.replace(guard_ratio=2.0)


def test_guard_restores_prose_and_warns() -> None:
    # every paragraph is wrapped in a link (broken markup seen in the wild): the link-list rule
    # alone would empty the page
    paragraphs = "".join(f"<p><a href='/p{i}'>{line}</a></p>" for i, line in enumerate(ARTICLE.splitlines()))
    html = f"<html><body><div>{paragraphs}</div></body></html>"
    doc = newsclean.clean(html)
    assert "harbour board voted" in doc.body
    assert any(w.startswith("guard") for w in doc.warnings)


def test_guard_leaves_the_footer_small_print_out() -> None:
    # a shop page: the region holds the product text; the footer holds a long privacy policy.
    # Weighed as page prose, the policy made the product text look over-pruned and the guard
    # restored all of it.
    policy = "".join(
        f"<div><h4>Section {i}</h4><p>{i}. We may collect personal information that you provide to "
        "us directly, such as your name, address and payment details, when you place an order, "
        "create an account or contact our customer service team.</p></div>"
        for i in range(1, 25)
    )
    html = (
        "<html><body><header><nav><a href='/'>Home</a> <a href='/men'>Men</a></nav></header>"
        "<main><h1>Wool Runner</h1><p>A true original, our Wool Runner combines soft Merino wool "
        "with cloud-like comfort for every day.</p><p>Our responsibly sourced wool provides a cozy "
        "fit that is soft and itch-free, and it keeps your feet dry in all seasons.</p><p>This shoe "
        "is washing machine approved: just remove the insoles and laces and wash it on a gentle "
        f"cycle.</p></main><footer><div class='legal'>{policy}</div></footer></body></html>"
    )
    doc = newsclean.clean(html)
    assert "washing machine approved" in doc.body
    assert "personal information" not in doc.body
    assert not any(w.startswith("guard") for w in doc.warnings)


def test_removed_records_rule_family_and_reason() -> None:
    doc = newsclean.clean("Listen Live\n" + ARTICLE)
    removal = next(r for r in doc.removed if r.text == "Listen Live")
    assert (removal.rule, removal.family) == ("widget-label", "widget") and removal.reason


def test_markdown_renders_structure() -> None:
    html = (
        "<html><body><article><h1>Harbour to be dredged</h1>"
        f"<p>{ARTICLE.splitlines()[0]} The <a href='https://example.org/board'>board minutes</a> say so.</p>"
        "<h2>What happens next</h2><ul><li>A survey of the channel comes first, in the first week of the works.</li>"
        "<li>Dredging follows in the second and third weeks, weather permitting, the board said.</li></ul>"
        f"<blockquote>{ARTICLE.splitlines()[1]}</blockquote></article></body></html>"
    )
    md = newsclean.clean(html).to_markdown()
    assert "## What happens next" in md
    assert "- A survey of the channel" in md and "\n- Dredging" in md
    assert "> Fishing crews" in md
    assert "[board minutes](https://example.org/board)" in md


def test_paragraph_kinds_are_known() -> None:
    html = (
        "<html><body><article><h2>Works begin</h2><p>" + ARTICLE.splitlines()[0] + "</p>"
        "<table><tr><td>Week one</td><td>Survey of the northern channel and its entrance</td></tr></table>"
        "<p>" + ARTICLE.splitlines()[1] + "</p></article></body></html>"
    )
    doc = newsclean.clean(html)
    assert set(doc.paragraph_kinds) <= newsclean.document.PARAGRAPH_KINDS
    assert len(doc.paragraph_kinds) == len(doc.paragraphs)


def test_an_updated_date_beside_the_headline_is_not_published_in_html() -> None:
    # The label and its date are two elements; a related list below carries other dates.
    paragraph = "<p>The council voted on Monday to extend the tram line by four stops, officials said.</p>"
    page = (
        "<html><head><title>Tram line to grow</title></head><body><article>"
        "<h1>Tram line to grow</h1><div><p>Last updated</p><time>Aug 04, 2020</time></div>"
        f"{paragraph * 4}</article>"
        "<section class='related'><h2>More news</h2>"
        "<div><a href='/a'>Bus lanes open on the ring road</a><div>July 2, 2020</div></div></section>"
        "</body></html>"
    )
    doc = newsclean.clean(page, input_format="html", config=Config(now=datetime(2021, 1, 1, tzinfo=timezone.utc)))
    assert doc.published is None
    assert str(doc.modified) == "2020-08-04"
    assert doc.modified_source == "time"
    assert "Aug 04, 2020" not in doc.body


def test_article_hidden_until_scripts_run_is_read_with_a_warning() -> None:
    story = "".join(
        f"<p>The council voted on Monday to extend the tram line by four stops, part {n} of the plan.</p>"
        for n in range(1, 6)
    )
    page = (
        "<html><head><title>Tram line to grow</title></head><body><div id='root'></div>"
        f"<div hidden id='S:0'><h1>Tram line to grow</h1>{story}</div>"
        "<div style='display: none'><p>Sign up for our newsletter</p></div></body></html>"
    )
    doc = newsclean.clean(page, input_format="html")
    assert len(doc.paragraphs) >= 5
    assert doc.paragraphs[-1].endswith("part 5 of the plan.")
    assert any(w.startswith("hidden:") for w in doc.warnings)
    # with the article visible, hidden elements stay unread and nothing is said about them
    visible = page.replace("<div hidden id='S:0'>", "<div id='S:0'>")
    doc = newsclean.clean(visible, input_format="html")
    assert "Sign up for our newsletter" not in doc.body
    assert not any(w.startswith("hidden:") for w in doc.warnings)


def test_empty_page_with_empty_hidden_elements_stays_empty() -> None:
    doc = newsclean.clean("<html><body><div hidden></div><p>Menu</p></body></html>", input_format="html")
    assert doc.paragraphs == ()
    assert not any(w.startswith("hidden:") for w in doc.warnings)
