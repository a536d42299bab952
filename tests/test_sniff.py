"""Telling HTML from scraped text."""

from __future__ import annotations

import time

import pytest

from newsclean.sniff import PREFIX_CHARS, detect_format

HTML = [
    "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>",
    "<!doctype html>\n<p>lower-case doctype",
    "\n\n   <html lang='en'><p>leading whitespace</p></html>",
    "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
    "<head><meta charset=utf-8></head>",
    "<p>A fragment.</p>",
    "<div class='story'><p>One.</p><p>Two.</p></div>",
    "<!-- saved page --><div><p>x</p></div>",
    "Intro line\n<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>",
    "<ARTICLE><H1>Upper-case tags</H1><P>Body</P></ARTICLE>",
    "<p>a<br>b<br/>c<br />d</p>",
]
TEXT = [
    "",
    "   \n\t  ",
    "Just a line of scraped text.",
    "Use the <b> tag to make text bold.",
    "If a < b > c then the order is wrong.",
    "The <p> element marks a paragraph.\nIt is the most common element.\nSecond line.",
    "Results: 3 < 5 and 7 > 2.\n" * 50,
    "<<<not markup>>>",
    "x <tag> y <unknown-element> z <another>",
    "Email me at <jane@example.com> or call.",
    "Line one\nLine two\nLine three\n" * 30 + "<br>",
]


@pytest.mark.parametrize("text", HTML)
def test_html(text: str) -> None:
    assert detect_format(text) == "html"


@pytest.mark.parametrize("text", TEXT)
def test_text(text: str) -> None:
    assert detect_format(text) == "text"


def test_markup_past_the_prefix_is_not_read() -> None:
    # The prefix is the bound on work: a page that starts with that much prose is text.
    text = "word " * (PREFIX_CHARS // 5 + 10) + "<html><body><p>late</p></body></html>"
    assert detect_format(text) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "a" * 50_000_000,
        "<" * 5_000_000,
        "<p " * 2_000_000,
        "<div " + "x" * 10_000_000,
        " " * 20_000_000 + "<p>x</p>",
    ],
    ids=["50MB-letters", "5MB-lt", "6MB-open-tags", "10MB-one-tag", "20MB-space-then-tag"],
)
def test_huge_hostile_inputs_are_fast(text: str) -> None:
    # this thread's CPU time: a machine busy with other work slows the wall clock, not the work
    start = time.thread_time()
    detect_format(text)
    assert time.thread_time() - start < 5
