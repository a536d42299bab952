"""One vocabulary of page regions for the block walk and for metadata (blocks/tokens.py)."""

from __future__ import annotations

from newsclean.blocks.html import build_blocks
from newsclean.blocks.tokens import (
    BOILERPLATE_CONCEPTS,
    PLACE_BESIDE,
    PLACE_COMMENTS,
    PLACE_FOOTER,
    TOKEN_CONCEPTS,
    concepts_of,
    names_small_print,
    place_of,
)
from newsclean.meta.tree import IN_ARTICLE, IN_COMMENTS, IN_OTHER, region_of
from newsclean.rules import FAMILIES


def test_where_an_element_sits_is_the_block_walks_concept_decision() -> None:
    # comments, related and subscribe words are the walk's (TOKEN_CONCEPTS), read as it reads them
    for word in TOKEN_CONCEPTS["comments"]:
        assert place_of(word) & PLACE_COMMENTS, word
    for concept in ("related", "subscribe"):
        for word in TOKEN_CONCEPTS[concept]:
            assert place_of(word) & PLACE_BESIDE, word
    assert place_of("comments-area") == PLACE_COMMENTS
    assert place_of("userComments") == PLACE_COMMENTS  # a camelCase hump splits, as in the walk
    assert place_of("cs-read-next__grid") == PLACE_BESIDE
    assert place_of("c-newsletter-box") == PLACE_BESIDE
    assert place_of("widget-area sidebar-right") == PLACE_BESIDE
    assert place_of("site-footer") == PLACE_FOOTER
    # navigation words that name where the article's own date is printed are no region
    assert concepts_of("entry-meta byline") == {"navigation"}
    assert place_of("entry-meta byline") == 0
    # a word is a part, not a prefix: a commentary column is no comment thread
    assert place_of("commentary") == 0
    assert place_of("") == 0


def test_boilerplate_concepts_are_the_rule_families_of_markup() -> None:
    assert "article" not in BOILERPLATE_CONCEPTS
    assert BOILERPLATE_CONCEPTS <= set(FAMILIES)


def test_a_content_hiding_widget_is_no_furniture_and_no_navigation() -> None:
    from newsclean.blocks.tokens import concepts_of

    assert "disclosure" not in BOILERPLATE_CONCEPTS
    # the panel word and the menu word beside it are read apart (issue #13)
    assert concepts_of("accordion-item__dropdown") == {"disclosure", "navigation"}
    assert concepts_of("tab-pane hidden") == {"disclosure", "navigation"}
    assert concepts_of("mainMenu dropdown") == {"navigation"}
    assert concepts_of("table-wrapper") == frozenset()  # "tab" is a whole word, not a prefix


def test_metadata_reads_the_regions_the_block_walk_reads() -> None:
    import lxml.html

    page = lxml.html.fromstring(
        "<html><body><div class='story'><p id='a'>x</p>"
        "<aside class='pull'><p id='f'>x</p></aside></div>"
        "<div class='comments-area'><p id='b'>x</p></div>"
        "<div class='c-newsletter-box'><p id='c'>x</p></div>"
        "<div class='news-ticker'><p id='d'>x</p></div>"
        "<aside><p id='e'>x</p></aside>"
        "<div class='commentary'><p id='g'>x</p></div>"
        "<article><footer><p id='h'>x</p></footer></article></body></html>"
    )
    where = {p.get("id"): region_of(p) for p in page.iter("p")}
    assert where == {
        "a": IN_ARTICLE,
        "b": IN_COMMENTS,
        "c": IN_OTHER,
        "d": IN_ARTICLE,  # a "ticker" is no word of the vocabulary
        "e": IN_OTHER,  # an <aside> outside the article
        "f": IN_OTHER,  # and one in a story <div> that is no <article>
        "g": IN_ARTICLE,
        "h": IN_ARTICLE,  # the <article>'s own footer
    }
    # the walk reads the same words into the containers of the same elements
    _, containers = build_blocks(page)
    by_class = {c.element.get("class"): c.concepts for c in containers if c.element is not None}
    assert "comments" in by_class["comments-area"]
    assert "subscribe" in by_class["c-newsletter-box"]
    assert by_class["news-ticker"] == frozenset()
    assert by_class["commentary"] == frozenset()


def test_small_print_words() -> None:
    """A box named as a disclaimer or a copyright notice is small print, and so is what it holds
    (html_region reads the name down the tree); a layout modifier naming a sidebar is not, nor a
    wrapper named "footer" (a shop's page wraps its whole content in one)."""
    assert names_small_print("richtext text cmp-richtext--disclaimer aem-GridColumn")
    assert names_small_print("site-copyright")
    assert not names_small_print("layout layout--with-sidebar")
    assert not names_small_print("content-wrap-inner-blank-noborder footer")
    assert not names_small_print("")


def test_a_posts_category_and_tag_classes_name_no_box() -> None:
    """WordPress's post class files the story under its categories and tags
    (``category-copyright``, ``tag-social-media``): beside the post class's own signs
    (``type-post``, ``status-publish``, ``hentry``) they say what the story is about, not what
    the box is; without those signs a ``category-``/``tag-`` class keeps its words."""
    post = "post-12 post type-post status-publish format-standard hentry category-{0} tag-{0}"
    for word in ("copyright", "navigation", "social-media", "comments", "advertising", "newsletter"):
        assert concepts_of(post.format(word)) == frozenset(), word
        assert not place_of(post.format(word)), word
    assert not names_small_print(post.format("copyright"))
    assert concepts_of("entry hentry category-news tag-supply-chain-navigation") == frozenset()
    # the post's own classes beside them still count, and a theme's widget keeps its words
    assert concepts_of("post type-post hentry category-news sidebar") == concepts_of("sidebar")
    assert concepts_of("category-navigation") == concepts_of("navigation") != frozenset()
    assert concepts_of("widget tag-cloud-comments") == concepts_of("widget comments")
    assert names_small_print("category-copyright")
    # a theme's own classes that merely begin like a sign are none
    assert concepts_of("category-navigation type-horizontal") == concepts_of("navigation")
    assert concepts_of("tag-list status-bar") == concepts_of("tag-list")
