"""HTML block building: table rows, links around block elements, the <noscript> fallback."""

from __future__ import annotations

from newsclean.blocks.html import build_blocks
from newsclean.blocks.parse import parse_page


def _blocks(markup: str) -> list:
    root, _ = parse_page(markup)
    assert root is not None
    return build_blocks(root)[0]


def test_table_row_is_one_block_of_kind_tr() -> None:
    blocks = _blocks("<html><body><table><tr><td>Green</td><td>22</td><td>+9</td></tr></table></body></html>")
    assert [(b.text, b.kind) for b in blocks] == [("Green 22 +9", "tr")]


def test_link_around_block_elements_counts_as_link_text() -> None:
    blocks = _blocks(
        "<html><body><a href='/x'><div><strong>Headline</strong> <em>A teaser sentence here.</em></div></a>"
        "</body></html>"
    )
    assert len(blocks) == 1
    assert blocks[0].link_chars == len(blocks[0].text)


def test_noscript_read_only_when_the_page_is_otherwise_empty() -> None:
    text = "The whole forum thread is served here for readers without script, post after post. " * 4
    empty = _blocks(f"<html><body><div id='app'></div><noscript><p>{text}</p></noscript></body></html>")
    assert [b.text for b in empty] == [text.strip()]
    full = _blocks(
        f"<html><body><p>{text}</p><noscript><p>Please enable JavaScript.</p></noscript></body></html>"
    )
    assert [b.text for b in full] == [text.strip()]


def test_embedded_post_is_not_a_share_bar() -> None:
    from newsclean.blocks.tokens import concepts_of

    assert concepts_of("social-media-embed") == frozenset()
    assert concepts_of("embed tweet") == frozenset()
    assert concepts_of("social-share") == frozenset({"share"})
    assert concepts_of("ad-embed") == frozenset({"ads"})


def test_page_builder_widget_boxes_are_not_sidebars() -> None:
    from newsclean.blocks.tokens import concepts_of

    assert concepts_of("elementor-widget elementor-widget-text-editor") == frozenset()
    assert concepts_of("elementor-widget-share-buttons") == frozenset({"share"})
    # a builder's call-to-action component is a card, not a subscribe box; elsewhere it is one
    assert concepts_of("elementor-element elementor-cta--layout-image-above") == frozenset()
    assert concepts_of("elementor-cta__description") == frozenset()
    assert concepts_of("newsletter-cta") == frozenset({"subscribe"})
    assert "subscribe" in concepts_of("cta-banner")
    assert concepts_of("elementor-widget-form newsletter") == frozenset({"subscribe"})
    # a CSS-modules hash (two underscores, five or six mixed-case letters and digits) is no word
    assert concepts_of("mdx-table_root__adKqa") == frozenset()
    assert concepts_of("AccordionTextItem_item__adF2E") == frozenset({"disclosure"})
    assert concepts_of("Ad_slot__x8Kq2") == frozenset({"ads"})  # the name before it still counts
    assert concepts_of("Share_bar__3kLmN") == frozenset({"share"})
    assert concepts_of("ad__banner") == frozenset({"ads"})  # a BEM element in lower case is words
    assert concepts_of("widget-area") == frozenset({"navigation"})
    assert concepts_of("so-panel widget widget_sow-editor") == frozenset()  # SiteOrigin
    assert concepts_of("widget widget_recent_entries") == frozenset({"navigation"})


def test_hidden_counts_only_at_the_start_of_a_class() -> None:
    from newsclean.blocks.tokens import concepts_of

    assert concepts_of("hidden") == frozenset({"navigation"})
    assert concepts_of("hidden-1rq27kw") == frozenset({"navigation"})
    assert concepts_of("field--label-hidden") == frozenset()  # only the label is hidden


def test_elements_hidden_by_attribute_or_style_are_skipped_whole() -> None:
    blocks = _blocks(
        "<html><body><p>Shown one.</p>"
        "<div hidden><p>Hidden A.</p></div>"
        "<div aria-hidden='true'><p>Hidden B.</p></div>"
        "<div aria-hidden='false'><p>Shown two.</p></div>"
        "<p style='color: red; DISPLAY : none'>Hidden C.</p>"
        "<p style='visibility:hidden'>Hidden D.</p>"
        "<p style='color: red'>Shown three.</p>"
        "</body></html>"
    )
    assert [b.text for b in blocks] == ["Shown one.", "Shown two.", "Shown three."]


def test_hidden_body_hides_the_whole_page() -> None:
    assert _blocks("<html><body hidden><p>Nothing to see.</p></body></html>") == []


def test_headings_keep_their_level_and_kind() -> None:
    blocks = _blocks(
        "<html><body><h2>Sub head</h2><p>Text <a href='/a'>link</a>.</p><h6>Small</h6></body></html>"
    )
    assert [(b.text, b.kind, b.heading_level) for b in blocks] == [
        ("Sub head", "h2", 2),
        ("Text link.", "p", 0),
        ("Small", "h6", 6),
    ]
    assert blocks[1].links == (("link", "/a"),)
    assert blocks[1].link_chars == 4


def test_class_words_mark_containers_on_every_page_alike() -> None:
    # the concept caches are shared by all pages: a second page with the same classes reads the same
    markup = (
        "<html><body><div class='social-share'><p>Share this</p></div>"
        "<div class='entry-content'><p>Body.</p></div></body></html>"
    )
    for _ in range(2):
        root, _notes = parse_page(markup)
        assert root is not None
        blocks, containers = build_blocks(root)
        share = containers[blocks[0].containers[-2]]  # [-1] is the <p>
        body = containers[blocks[1].containers[-2]]
        assert share.concepts == frozenset({"share"})
        assert body.strong_hint and body.article_hint and body.concepts == frozenset()


def test_whitespace_between_elements_makes_no_block_and_no_link_text() -> None:
    # the walk drops white space that would only open a block; text, cells and links read the same
    blocks = _blocks(
        "<html><body>\n  <div>\n    <p>One.</p>\n    <p>Two.</p>\n  </div>\n"
        "  <div> <a href='/x'>\n   <p> Teaser </p>\n  </a> </div>\n"
        "  <table><tr><td> </td><td>\n Green </td><td>22</td></tr></table>\n</body></html>"
    )
    assert [(b.text, b.kind) for b in blocks] == [("One.", "p"), ("Two.", "p"), ("Teaser", "p"), ("Green 22", "tr")]
    assert blocks[2].links == (("Teaser", "/x"),)
    assert blocks[2].link_chars == 6
    assert [b.link_chars for b in (blocks[0], blocks[1], blocks[3])] == [0, 0, 0]


def test_class_words_split_at_separators_and_camel_case() -> None:
    from newsclean.blocks.tokens import concepts_of

    assert concepts_of("sharebar") == frozenset({"share"})  # a whole word, no split
    assert concepts_of("socialShare") == frozenset({"share"})  # camelCase humps
    assert concepts_of("mainNav") == frozenset({"navigation"})
    assert concepts_of("c-article-body") == frozenset({"article"})  # a hyphenated word
    assert concepts_of("post__content-body") == frozenset({"article"})  # 'content-body' inside
    assert concepts_of("sidebar-area") == frozenset({"navigation"})
    assert concepts_of("container clearfix row") == frozenset()


def test_container_spans_are_the_runs_of_blocks_inside_each_container() -> None:
    from newsclean.blocks.html import SKIP_TAGS, _walk
    from newsclean.blocks.model import container_spans

    root, _ = parse_page(
        "<html><body><div><p>One</p><div><p>Two</p><p>Three</p></div><div></div></div>"
        "<ul><li>Four</li></ul></body></html>"
    )
    assert root is not None
    blocks, containers = _walk(root, SKIP_TAGS, True)
    assert [b.text for b in blocks] == ["One", "Two", "Three", "Four"]
    assert [c.tag for c in containers] == ["body", "div", "p", "div", "p", "p", "div", "ul", "li"]
    first, last = container_spans(blocks, [c.parent for c in containers])
    # body: all four; outer div: One..Three; inner div: Two, Three; the empty div: none
    assert first == [0, 0, 0, 1, 1, 2, -1, 3, 3]
    assert last == [3, 2, 0, 2, 1, 2, -1, 3, 3]
    # the same runs as the blocks whose chains hold each container
    for cid in range(len(containers)):
        inside = [b.index for b in blocks if cid in b.containers]
        assert (first[cid], last[cid]) == ((inside[0], inside[-1]) if inside else (-1, -1))


def test_equal_concept_answers_are_one_shared_object() -> None:
    from newsclean.blocks.tokens import concepts_of, marker_concepts

    # two different class strings naming the same two concepts ("sidebar" is navigation)
    first = concepts_of("share-buttons sidebar")
    second = concepts_of("sidebar sharebar")
    assert first == second == {"share", "navigation"}
    assert first is second
    pair_a = marker_concepts("article-body sharebar", False)
    pair_b = marker_concepts("sharebar article-content", False)
    assert pair_a == pair_b == (frozenset({"share"}), True)
    assert pair_a is pair_b


def test_the_same_class_on_furniture_and_on_a_plain_container_reads_apart() -> None:
    # The walk keeps one table of concept answers per furniture answer (a <nav>, <aside>,
    # <footer>, <form> or a navigation role adds "navigation"): the same class string met first
    # on a <div> and then on a <nav> (and the other way round) must not share an answer.
    root, _ = parse_page(
        "<html><body>"
        "<div class='plainbox'><p>One paragraph of the story text here.</p></div>"
        "<nav class='plainbox'><p>Home</p></nav>"
        "<aside class=' otherbox '><p>Beside the story.</p></aside>"
        "<div class='otherbox'><p>Another paragraph of the story.</p></div>"
        "<div class='otherbox' role='navigation'><p>Menu</p></div>"
        "<div class='otherbox' id='main-story'><p>A third paragraph.</p></div>"
        "</body></html>"
    )
    assert root is not None
    _, containers = build_blocks(root)
    read = [(c.tag, c.marker, c.concepts) for c in containers if c.tag in ("div", "nav", "aside")]
    assert read == [
        ("div", "plainbox", frozenset()),
        ("nav", "plainbox", frozenset({"navigation"})),
        ("aside", "otherbox", frozenset({"navigation"})),  # the class's spaces trimmed
        ("div", "otherbox", frozenset()),
        ("div", "otherbox  navigation", frozenset({"navigation"})),
        ("div", "otherbox main-story", frozenset()),
    ]
