"""One walk of the tree feeds the blocks and the metadata (issue #12): the block walk hands
metadata's :class:`~newsclean.meta.collect.Collector` every element, and what it gathers is
exactly what metadata gathers on its own (:func:`~newsclean.meta.collect.collect`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsclean.blocks.html import build_blocks
from newsclean.blocks.parse import parse_page
from newsclean.meta.collect import Collector, Elements, collect
from newsclean.meta.html import extract_html_metadata, page_address
from newsclean.meta.tree import IN_ARTICLE, IN_COMMENTS, IN_OTHER, Places, region_of

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*/*/input.html"))


def _walked(root: etree._Element) -> Elements:
    collector = Collector()
    build_blocks(root, reader=collector)
    return collector.found


def _same(a: Elements, b: Elements) -> None:
    for name in Elements.__slots__:
        if name in ("containers", "holder"):  # (where the walk met them: the walk's own)
            continue
        left, right = getattr(a, name), getattr(b, name)
        assert [id(el) for el in left] == [id(el) for el in right], name


# Every place the walk does not enter, each holding elements of every kind metadata reads: the
# <head>, a second top-level <html> (libxml2 keeps it beside the root), a <script>, a hidden
# element, an <svg>, and what follows <body>. Document order across them is kept.
TRICKY = """<!DOCTYPE html><html itemscope itemprop="x"><head>
<title>T</title><meta property="og:url" content="https://example.org/a"><base href="/b/">
<link rel="canonical" href="/c"><script type="application/LD+json">{"@type": "NewsArticle"}</script>
</head><body class="byline-body">
<h2>one</h2><div class="date-line" data-utime="1"><a rel="tag" href="/tag/x">x</a></div>
<div hidden><time datetime="2020-01-02">Jan 2</time><span itemprop="author" class="byline">A</span>
<h1>hidden heading</h1></div>
<svg><title>icon</title><a href="/topics/y"><text class="date">z</text></a></svg>
<script data-utime="5" class="date">var x = 1;</script>
<p itemprop="datePublished" class="posted-on"><img src="/2020/01/02/a.jpg">text</p>
<h2>two</h2><h2>three</h2><h2>four</h2><author>B</author>
</body></html><!-- after --><html><body><time>late</time><p class="date">x</p></body></html>"""


def test_the_walk_gathers_what_metadata_gathers_alone_everywhere_the_walk_does_not_go() -> None:
    root, _ = parse_page(TRICKY)
    assert root is not None
    walked, alone = _walked(root), collect(root)
    _same(walked, alone)
    # (and the page holds every kind, so the comparison above compared something)
    assert [el.get("datetime") for el in walked.time] == ["2020-01-02", None]
    assert [el.tag for el in walked.itemprop] == ["html", "span", "p"]
    assert len(walked.h2) == 3 and len(walked.title) == 2 and len(walked.jsonld) == 1
    assert [el.get("class") for el in walked.hinted] == ["date-line", "byline", "date", "posted-on", "date"]


# The walk tests links and classed elements itself before handing them over (issue #15): a
# link only with a rel or a tag path, an element with no itemprop/data-* only when its class
# or its id holds a hint word. Each element here is one of those cases, inside <body>.
WALK_TESTED = """<html><body><div>
<a href="/news/1" class="teaser">plain</a><a rel="tag" href="/t/a">tag</a>
<a rel="category tag" href="/c/b">category</a><a rel="author" href="/u/c">author</a>
<a href="/tags/d">tag path</a><a href="/topic/e" class="x">topic path</a><a>no href</a>
<p class="lead">no hint</p><p id="post-date">id hint</p><p class="lead" id="byline-2">id hint</p>
<p class="entry-meta" id="x1">class hint</p><span data-component="timestamp">component</span>
<span data-testid="author-name" class="y">testid</span><span itemprop="name" class="z">itemprop</span>
<span data-utime="1438091078">utime</span><p class="">empty class</p>
</div></body></html>"""


def test_the_walks_own_tests_hand_over_what_metadata_gathers_alone() -> None:
    root, _ = parse_page(WALK_TESTED)
    assert root is not None
    walked = _walked(root)
    _same(walked, collect(root))
    # (checked by hand: what each case files)
    assert [a.text for a in walked.tag_links] == ["tag"]
    assert [a.text for a in walked.category_links] == ["category"]
    assert [a.text for a in walked.rel_author] == ["author"]
    assert [a.text for a in walked.tag_path_links] == ["tag path", "topic path"]
    assert [el.text for el in walked.hinted] == ["id hint", "id hint", "class hint", "component", "testid"]
    assert [el.text for el in walked.itemprop] == ["itemprop"]
    assert [el.text for el in walked.utime] == ["utime"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_the_walk_gathers_what_metadata_gathers_alone_on_every_fixture(path: Path) -> None:
    root, _ = parse_page(path.read_text(encoding="utf-8", errors="replace"))
    if root is None:
        pytest.skip("read as text")
    _same(_walked(root), collect(root))


def test_the_page_address_read_before_the_walk_is_the_metadata_url() -> None:
    root, _ = parse_page(TRICKY)
    assert root is not None
    # <link rel=canonical> first, resolved against <base href>, itself against the caller's URL
    assert page_address(root, "https://example.net/x/y") == "https://example.net/c"
    assert page_address(root, None) == "/c"  # nothing absolute to resolve against: as written
    assert extract_html_metadata(root).url == "/c"
    og_only, _ = parse_page('<html><head><meta property="og:url" content="https://example.org/a"></head></html>')
    assert og_only is not None and page_address(og_only, None) == "https://example.org/a"
    jsonld_only, _ = parse_page(
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "url": "https://example.com/n"}</script></head><body></body></html>'
    )
    assert jsonld_only is not None and page_address(jsonld_only, None) == "https://example.com/n"
    assert page_address(jsonld_only, "https://given.example/p") == "https://example.com/n"
    # an absolute canonical link in the <head> settles it; a relative one waits for the first
    # <base>, even one the page put in its <body>
    absolute, _ = parse_page(
        '<html><head><link rel="canonical" href="https://a.example/p"></head>'
        '<body><base href="https://b.example/x/"></body></html>'
    )
    assert absolute is not None and page_address(absolute, None) == "https://a.example/p"
    relative, _ = parse_page(
        '<html><head><link rel="canonical" href="/c"></head><body><base href="https://b.example/x/"></body></html>'
    )
    assert relative is not None and page_address(relative, None) == "https://b.example/c"
    assert extract_html_metadata(relative).url == "https://b.example/c"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_the_page_address_is_the_metadata_url_on_every_fixture(path: Path) -> None:
    root, _ = parse_page(path.read_text(encoding="utf-8", errors="replace"))
    if root is None:
        pytest.skip("read as text")
    assert page_address(root, None) == extract_html_metadata(root).url


# --- where an element sits: the walk's containers, read once ----------------------------------


def _places(root: etree._Element, exempt: frozenset[object]) -> tuple[Places, Elements]:
    found = _walked(root)
    assert found.containers is not None
    return Places(found.containers, found.holder, exempt), found


def _every_answer(root: etree._Element, exempt: frozenset[object]) -> tuple[list[int], list[int]]:
    places, found = _places(root, exempt)
    # every element metadata reads (where the walk met it), and every other one
    elements = [el for el in root.iter(etree.Element) if el.getparent() is not None]
    assert set(found.holder) <= set(elements)
    return [places.region(el) for el in elements], [region_of(el, exempt) for el in elements]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_the_walks_places_answer_as_region_of_for_every_element_of_every_fixture(path: Path) -> None:
    root, _ = parse_page(path.read_text(encoding="utf-8", errors="replace"))
    if root is None:
        pytest.skip("read as text")
    h1 = next(root.iter("h1"), None)
    for exempt in (frozenset(), frozenset(h1.iterancestors()) if h1 is not None else frozenset()):
        walked, alone = _every_answer(root, exempt)
        assert walked == alone


PLACES = """<html><body><div class="page">
<nav><span><time id="a">1</time></span></nav>
<div class="comments-area"><p><span class="x"><time id="b">2</time></span></p></div>
<aside class="box"><p><time id="c">3</time></p></aside>
<article><footer><p><time id="d">4</time></p></footer></article>
<footer><article><p><time id="e">5</time></p></article></footer>
<div class="sidebar"><header><h1>Headline</h1><time id="f">6</time></header></div>
<div class="main"><p><span class="related-links"><time id="g">7</time></span></p></div>
<div hidden class="story"><span class="footer-note"><time id="h">8</time></span></div>
<div role="comment"><p><time id="i">9</time></p></div>
</div></body></html>"""


def test_where_each_element_sits_by_the_walks_containers_and_the_inline_elements_between() -> None:
    root, _ = parse_page(PLACES)
    assert root is not None
    h1 = next(root.iter("h1"))
    places, found = _places(root, frozenset(h1.iterancestors()))
    assert all(el in found.holder for el in root.iter("time"))  # the walk says where it met each
    region = {el.get("id"): places.region(el) for el in root.iter("time")}
    assert region == {
        "a": IN_COMMENTS,  # a <nav>
        "b": IN_COMMENTS,  # a comment thread's class
        "c": IN_OTHER,  # an <aside>
        "d": IN_ARTICLE,  # the <article>'s own <footer>
        "e": IN_OTHER,  # a <footer> around the <article>: the outermost box decides
        "f": IN_ARTICLE,  # the headline's sidebar-named box holds the article
        "g": IN_OTHER,  # an inline element (not a container) names a related list
        "h": IN_OTHER,  # inside a hidden element the walk skipped: its class still read
        "i": IN_COMMENTS,  # the walk reads the role too (region_of reads class and id only)
    }
    assert region_of(next(el for el in root.iter("time") if el.get("id") == "i")) == IN_ARTICLE
