"""extract_html_metadata: each source, the order of trust, and the hostile cases."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from lxml import etree, html

from newsclean.meta.html import extract_html_metadata

NOW = datetime(2021, 1, 1, 12, 0, tzinfo=timezone.utc)


def page(head: str = "", body: str = "", lang: str = "en") -> html.HtmlElement:
    return html.document_fromstring(f"<html lang='{lang}'><head>{head}</head><body>{body}</body></html>")


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(name: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{name}" content="{content}">'


# --- dates: sources ------------------------------------------------------------------------


def test_open_graph_published_and_modified_kept_apart() -> None:
    tree = page(
        meta("article:published_time", "2020-07-08T23:03:00+03:00")
        + meta("article:modified_time", "2020-07-09T10:00:00+03:00")
    )
    found = extract_html_metadata(tree, now=NOW)
    assert found.published is not None and found.modified is not None
    assert found.published.value == datetime(2020, 7, 8, 23, 3, tzinfo=timezone(timedelta(hours=3)))
    assert found.published.source == "meta:article:published_time"
    assert found.modified.value == datetime(2020, 7, 9, 10, 0, tzinfo=timezone(timedelta(hours=3)))
    assert found.modified.source == "meta:article:modified_time"


def test_other_publishers_meta_names() -> None:
    for name, attr in (
        ("parsely-pub-date", "name"),
        ("sailthru.date", "name"),
        ("dc.date.issued", "name"),
        ("datePublished", "itemprop"),
    ):
        found = extract_html_metadata(page(meta(name, "2020-07-08", attr)), now=NOW)
        assert found.published is not None, name
        assert found.published.value == date(2020, 7, 8)
        assert found.published.source == f"meta:{name.lower()}"


def test_jsonld_graph_article() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example News"},
            {"@type": "WebPage", "datePublished": "2019-01-01"},
            {
                "@type": "NewsArticle",
                "headline": "Talks end",
                "datePublished": "2020-07-08T09:15:00Z",
                "dateModified": "2020-07-08T11:00:00Z",
                "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],
                "keywords": ["Japan", "Russia", "japan"],
                "publisher": {"@type": "Organization", "name": "Example News"},
            },
        ],
    }
    found = extract_html_metadata(page(jsonld(data)), now=NOW)
    assert found.published is not None and found.modified is not None
    assert found.published.value == datetime(2020, 7, 8, 9, 15, tzinfo=timezone.utc)
    assert found.published.source == "json-ld:datePublished"
    assert found.modified.value == datetime(2020, 7, 8, 11, 0, tzinfo=timezone.utc)
    assert found.authors == ("Jane Doe", "John Roe")
    assert found.tags == ("Japan", "Russia")
    assert found.site_name == "Example News"
    assert found.title == "Talks end"


def test_jsonld_array_and_reportage_type() -> None:
    data = [
        {"@type": "BreadcrumbList", "itemListElement": []},
        {"@type": ["ReportageNewsArticle"], "datePublished": "2020-07-08", "author": "Jane Doe"},
    ]
    found = extract_html_metadata(page(jsonld(data)), now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 8)
    assert found.authors == ("Jane Doe",)


def test_broken_jsonld_still_gives_its_dates() -> None:
    script = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-07-08T09:15:00Z", "headline": "unterminated}</script>'
    )
    found = extract_html_metadata(page(script), now=NOW)
    assert found.published is not None
    assert found.published.value == datetime(2020, 7, 8, 9, 15, tzinfo=timezone.utc)


def test_microdata_on_visible_elements() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        "<h1 itemprop='headline'>Talks end</h1>"
        '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>'
        '<time itemprop="datePublished" datetime="2020-07-08T09:15:00+02:00">8 July</time>'
        "</article>"
    )
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None
    assert found.published.source == "microdata:datePublished"
    assert found.published.value == datetime(2020, 7, 8, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert found.authors == ("Jane Doe",)


def test_time_element_in_article() -> None:
    body = "<article><h1>Talks end</h1><time datetime='2020-07-08'>8 July 2020</time></article>"
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 8)


def test_url_path_date() -> None:
    found = extract_html_metadata(page(), url="https://example.com/2020/07/08/talks-end", now=NOW)
    assert found.published is not None
    assert (found.published.value, found.published.source) == (date(2020, 7, 8), "url")
    found = extract_html_metadata(page(), url="https://example.com/news/20200708-talks", now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 8)
    # a year and month is not a day
    assert extract_html_metadata(page(), url="https://example.com/2020/07/x", now=NOW).published is None


def test_visible_label_in_one_element_date_in_the_next() -> None:
    body = (
        "<h1>Talks end</h1><div class='meta'><p>Last updated</p><span>Aug 04, 2020</span></div>"
        "<p>First paragraph of the article, long enough to be prose.</p>"
    )
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is None  # an "updated" date is never the published one
    assert found.modified is not None and found.modified.value == date(2020, 8, 4)


def test_date_printed_under_the_headline() -> None:
    body = (
        "<div><h1>Talks end</h1></div><div><span>By Jane Doe</span><span>July 8, 2020</span></div>"
        "<p>The talks ended on Monday, officials said, after weeks of meetings.</p>"
    )
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None
    assert (found.published.value, found.published.source) == (date(2020, 7, 8), "text")


def test_printed_date_beats_hidden_creation_date() -> None:
    head = meta("article:published_time", "2019-01-29T10:00:00Z")
    body = "<h1>Talks end</h1><p class='x'>July 8, 2020</p><p>Body text of the article here.</p>"
    found = extract_html_metadata(page(head, body), now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 8)
    # ... but not when the printed date is labelled as an update
    body = "<h1>Talks end</h1><p>Updated July 8, 2020</p><p>Body text of the article here.</p>"
    found = extract_html_metadata(page(head, body), now=NOW)
    assert found.published is not None and found.published.source == "meta:article:published_time"
    assert found.modified is not None and found.modified.value == date(2020, 7, 8)


def test_dates_beside_an_h1_the_title_disowns_are_not_shown_dates() -> None:
    # The page's <h1> is a header widget; the date after it belongs to a podcast list.
    head = meta("og:title", "Smart homes and their security") + meta(
        "article:published_time", "2019-11-21T19:57:53Z"
    )
    body = (
        "<header><h1>Contact Us</h1><p>Recorded on August 19, 2020</p></header>"
        "<h2>Smart homes and their security</h2><p>Body text of the article here.</p>"
    )
    found = extract_html_metadata(page(head, body), now=NOW)
    assert found.published is not None
    assert found.published.source == "meta:article:published_time"
    assert found.published.value == datetime(2019, 11, 21, 19, 57, 53, tzinfo=timezone.utc)
    # The same layout with the headline in the <h1>: the printed day is the one readers see.
    body = body.replace("<h1>Contact Us</h1>", "<h1>Smart homes and their security</h1>")
    found = extract_html_metadata(page(head, body), now=NOW)
    assert found.published is not None and found.published.value == date(2020, 8, 19)


def test_gmt_plus_three_keeps_its_sign() -> None:
    body = "<h1>Talks end</h1><div class='date'>14:20 GMT+3, 08.07.2020</div>"
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None
    assert found.published.value == datetime(2020, 7, 8, 14, 20, tzinfo=timezone(timedelta(hours=3)))


# --- dates: hostile cases ------------------------------------------------------------------


def test_dates_in_plain_scripts_are_ignored() -> None:
    body = (
        "<h1>Talks end</h1><script>var published = '2020-07-08'; window.date='July 8, 2020';"
        "</script><p>Body text of the article without any date at all.</p>"
    )
    assert extract_html_metadata(page(body=body), now=NOW).published is None


def test_copyright_year_is_not_a_date() -> None:
    body = "<h1>Talks end</h1><p>Body.</p><footer class='date'>© 2019 Example Media</footer>"
    assert extract_html_metadata(page(body=body), now=NOW).published is None


def test_future_dates_are_rejected() -> None:
    head = meta("article:published_time", "2031-05-01T10:00:00Z")
    body = "<h1>Talks end</h1><time datetime='2030-01-01'>1 January 2030</time>"
    assert extract_html_metadata(page(head, body), now=NOW).published is None


def test_comment_timestamps_are_ignored() -> None:
    body = (
        "<article><h1>Talks end</h1><p>Body of the article, long enough.</p></article>"
        "<section id='comments'><div class='comment'><time datetime='2020-12-30'>Dec 30</time>"
        "<p class='comment-date'>Posted on December 30, 2020</p></div></section>"
    )
    assert extract_html_metadata(page(body=body), now=NOW).published is None


def test_related_list_time_is_not_the_article_date() -> None:
    body = (
        "<article><h1>Talks end</h1><time datetime='2020-07-08'>8 July 2020</time></article>"
        "<aside><h2>More</h2><time datetime='2020-12-30'>30 Dec</time></aside>"
    )
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 8)
    body = "<div class='related-posts'><time datetime='2020-12-30'>30 Dec</time></div>"
    assert extract_html_metadata(page(body=body), now=NOW).published is None


def test_tree_is_not_changed() -> None:
    tree = page(
        jsonld({"@type": "NewsArticle", "datePublished": "2020-07-08"}),
        "<h1>Talks end</h1><p>By Jane Doe</p><time datetime='2020-07-08'>8 July</time>",
    )
    before = etree.tostring(tree)
    extract_html_metadata(tree, now=NOW)
    assert etree.tostring(tree) == before


# --- other fields --------------------------------------------------------------------------


def test_title_without_site_suffix_prefers_h1() -> None:
    head = "<title>Talks end in Tokyo | Example News</title>" + meta("og:site_name", "Example News")
    found = extract_html_metadata(page(head, "<h1>Talks end in Tokyo</h1>"), now=NOW)
    assert found.title == "Talks end in Tokyo"
    assert found.site_name == "Example News"
    found = extract_html_metadata(page(head, "<h1>Example News</h1>"), now=NOW)
    assert found.title == "Talks end in Tokyo"


def test_headline_leaves_out_dates_and_bylines_nested_in_the_h1() -> None:
    head = meta("og:title", "Preparing a transition")
    body = (
        "<h1><a href='/p'><time datetime='2020-12-18'>Dec <span>18</span> 2020</time>"
        " Preparing a transition</a></h1>"
    )
    assert extract_html_metadata(page(head, body), now=NOW).title == "Preparing a transition"
    body = (
        "<h1>Preparing a transition<h3 class='date-info'><span class='posted-on'>Posted on"
        " <time>July 1, 2020</time></span> by <span class='author'>jdoe</span></h3></h1>"
    )
    assert extract_html_metadata(page(head, body), now=NOW).title == "Preparing a transition"


def test_repeated_author_fields_name_one_author_each() -> None:
    head = meta("citation_author", "Roy, Aniruddha", "name") + meta("citation_author", "Patel, Jyoti", "name")
    assert extract_html_metadata(page(head), now=NOW).authors == ("Aniruddha Roy", "Jyoti Patel")
    # one field with a list stays a list
    head = meta("author", "Jane Doe, John Roe", "name")
    assert extract_html_metadata(page(head), now=NOW).authors == ("Jane Doe", "John Roe")


def test_author_field_label_is_dropped_even_when_not_a_strict_byline() -> None:
    head = meta("author", "By The Currency editors", "name")
    assert extract_html_metadata(page(head), now=NOW).authors == ("The Currency editors",)


def test_logins_and_the_publisher_give_way_to_a_byline() -> None:
    byline = "<h1>Talks end</h1><p class='byline'>By Jane Doe</p><p>Text of the article.</p>"
    assert extract_html_metadata(page(meta("author", "jane.doe", "name"), byline), now=NOW).authors == (
        "Jane Doe",
    )
    org = jsonld({"@type": "Article", "author": {"@type": "Organization", "name": "Example Co"}})
    assert extract_html_metadata(page(org, byline), now=NOW).authors == ("Jane Doe",)
    brand = jsonld(
        {
            "@type": "Article",
            "author": {"@type": "Person", "name": "Example News"},
            "publisher": {"name": "Example News"},
        }
    )
    assert extract_html_metadata(page(brand, byline), now=NOW).authors == ("Jane Doe",)
    # ... but with no byline they are still the best answer
    assert extract_html_metadata(page(org, "<h1>Talks end</h1>"), now=NOW).authors == ("Example Co",)
    assert extract_html_metadata(page(meta("author", "jane.doe", "name")), now=NOW).authors == ("jane.doe",)


def test_authors_from_meta_drop_profile_urls() -> None:
    head = meta("article:author", "https://facebook.com/janedoe") + meta(
        "author", "By Jane Doe and John Roe", "name"
    )
    assert extract_html_metadata(page(head), now=NOW).authors == ("Jane Doe", "John Roe")


def test_authors_from_byline_element() -> None:
    body = "<h1>Talks end</h1><div class='byline'>By JANE DOE, Staff Writer | July 8, 2020</div>"
    assert extract_html_metadata(page(body=body), now=NOW).authors == ("Jane Doe",)


def test_tags_from_all_sources_deduplicated_in_order() -> None:
    head = (
        meta("article:tag", "Japan")
        + meta("article:tag", "Russia")
        + meta("news_keywords", "Russia, Kuril Islands; diplomacy", "name")
        + jsonld({"@type": "NewsArticle", "keywords": "Diplomacy,Putin"})
    )
    body = "<a rel='tag' href='/t/abe'>Shinzo Abe</a><div class='related'><a rel='tag'>X</a></div>"
    assert extract_html_metadata(page(head, body), now=NOW).tags == (
        "Japan",
        "Russia",
        "Kuril Islands",
        "diplomacy",
        "Putin",
        "Shinzo Abe",
    )


def test_canonical_language_description() -> None:
    head = (
        '<link rel="canonical" href="https://example.com/a">'
        + meta("og:url", "https://example.com/b")
        + meta("description", "What happened.", "name")
    )
    found = extract_html_metadata(page(head, lang="pt_br"), url="https://x.test/c", now=NOW)
    assert found.url == "https://example.com/a"
    assert found.language == "pt-BR"
    assert found.description == "What happened."
    assert extract_html_metadata(page(), url="https://x.test/c", now=NOW).url == "https://x.test/c"


def test_numeric_dates_follow_page_language() -> None:
    body = "<h1>Talks end</h1><div class='date'>07/08/2020</div>"
    us = extract_html_metadata(page(body=body, lang="en-US"), now=NOW).published
    fr = extract_html_metadata(page(body=body, lang="fr"), now=NOW).published
    assert us is not None and us.value == date(2020, 7, 8)
    assert fr is not None and fr.value == date(2020, 8, 7)


def test_byline_label_and_names_in_separate_elements() -> None:
    body = (
        "<h1>Talks end</h1><div><span>By</span> <a href='/a/jd'>Jane Doe</a></div>"
        "<p>The talks ended on Monday, officials said, after weeks of meetings.</p>"
    )
    assert extract_html_metadata(page(body=body), now=NOW).authors == ("Jane Doe",)


def test_jsonld_authors_beat_a_publisher_in_meta() -> None:
    head = meta("author", "EXAMPLE NEWS", "name") + jsonld(
        {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Roy, Aniruddha"}}
    )
    assert extract_html_metadata(page(head), now=NOW).authors == ("Aniruddha Roy",)


def test_short_h1_inside_the_title_is_not_the_headline() -> None:
    head = meta("og:title", "How we broke into Discord, Vercel and hundreds of other companies")
    found = extract_html_metadata(page(head, "<h1>Discord</h1><h1>Impact</h1>"), now=NOW)
    assert found.title == "How we broke into Discord, Vercel and hundreds of other companies"


def test_visible_h1_beats_search_title_when_confirmed() -> None:
    head = meta("og:title", "Using Machine Learning To Personalize Shopping Experiences")
    body = "<h1>How Machine Learning Personalizes Ecommerce Shopping Experiences</h1>"
    found = extract_html_metadata(page(head, body), now=NOW)
    assert found.title == "How Machine Learning Personalizes Ecommerce Shopping Experiences"


def test_tag_links_in_the_article_footer_but_not_categories() -> None:
    body = (
        "<article><h1>Talks end</h1><p>Body.</p><footer class='entry-footer'>"
        "<a rel='category tag' href='/c/news'>News</a>"
        "<a rel='tag' href='/t/harbour'>harbour</a><a rel='tag' href='/t/storms'>storms</a>"
        "</footer></article><footer class='site-footer'><a rel='tag'>Archive</a></footer>"
    )
    assert extract_html_metadata(page(body=body), now=NOW).tags == ("harbour", "storms")


def test_day_and_time_on_both_sides_of_a_separator() -> None:
    body = "<h1>Talks end</h1><p>5 de marzo de 2020 - 14:20 CET</p><p>Texto del artículo.</p>"
    found = extract_html_metadata(page(body=body, lang="es"), now=NOW)
    assert found.published is not None
    assert found.published.value == datetime(2020, 3, 5, 14, 20, tzinfo=timezone(timedelta(hours=1)))


def test_comment_nodes_beside_dates_are_harmless() -> None:
    body = (
        "<h1>Talks end</h1><div><!-- date --><time datetime='2020-07-08'>8 July</time>"
        "<span>Updated</span><!-- x --><time datetime='2020-07-09'>9 July</time></div>"
    )
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 8)


def test_meta_fields_follow_the_order_of_their_list_not_of_the_page() -> None:
    # pubdate is listed after article:published_time (meta/fields.py), so it loses even
    # when the page writes it first; a field that gives no date passes the turn on.
    tree = page(
        meta("pubdate", "2020-07-01", "name")
        + meta("article:published_time", "not a date")
        + meta("og:published_time", "2020-07-08")
    )
    found = extract_html_metadata(tree, now=NOW)
    assert found.published is not None
    assert (found.published.value, found.published.source) == (date(2020, 7, 8), "meta:og:published_time")


def test_trust_microdata_over_url_and_weak_meta_after_visible_text() -> None:
    body = (
        "<article><h1>Headline</h1>"
        "<span itemprop='datePublished' content='2020-07-06'>6 July</span><p>Text.</p></article>"
    )
    found = extract_html_metadata(page(body=body), url="https://example.com/2020/07/01/story", now=NOW)
    assert found.published is not None and found.published.value == date(2020, 7, 6)
    assert found.published.source == "microdata:datePublished"
    # the generic <meta name="date"> (often the build date) yields to the date by the headline
    tree = page(meta("date", "2020-07-09", "name"), "<h1>Headline</h1><p>8 July 2020</p><p>Text.</p>")
    found = extract_html_metadata(tree, now=NOW)
    assert found.published is not None
    assert (found.published.value, found.published.source) == (date(2020, 7, 8), "text")


def test_posted_sentence_in_a_meta_element_gives_the_date() -> None:
    theme_line = (
        "This entry was posted on Saturday, December 3rd, 2011 at 12:00 pm and is filed under "
        "<a href='/c/news' rel='category tag'>News</a>. You can follow any responses to this entry "
        "through the RSS 2.0 feed. You can leave a response, or trackback from your own site."
    )
    body = f"<div class='post'><h2>Headline</h2><p>Text.</p><p class='postmetadata alt'>{theme_line}</p></div>"
    found = extract_html_metadata(page(body=body), now=NOW)
    assert found.published is not None
    assert (found.published.value, found.published.source) == (datetime(2011, 12, 3, 12, 0), "text")


def test_posted_sentence_in_the_story_is_no_date() -> None:
    body = "<div class='post'><h2>Headline</h2><p>The report was published on 3 December 2011.</p></div>"
    assert extract_html_metadata(page(body=body), now=NOW).published is None


def test_the_hint_trie_finds_what_the_flat_word_list_finds() -> None:
    """``ANY_HINT`` is written as a trie of the plain hint words (issue #15); it must find a
    hint exactly where the flat alternation of all the words, ``submitted.?by`` too, does."""
    import re

    from newsclean.meta.fields import ANY_HINT, ANY_HINT_WORDS, AUTHOR_HINT_WORDS, DATE_HINT_WORDS

    words = (*DATE_HINT_WORDS, *AUTHOR_HINT_WORDS)
    flat = re.compile("|".join(words))
    # a word that is a pattern begins with a plain word, so it is found only where that one is
    for word in words:
        if re.escape(word) != word:
            assert any(word.startswith(plain) for plain in ANY_HINT_WORDS), word
    samples = ["entry-meta", "post__author-name", "submitted-by", "submittedby", "js-timestamp",
               "article-body", "dat", "autho", "auteu", "fech", "u-sername", "pub-lish", "story",
               "datumzeile", "byline__name", "main-content", "writers-room", "inf", "tim e"]
    samples += [w.replace(".?", "") for w in words] + [w[:-1] for w in words] + [w[1:] for w in words]
    for value in samples:
        assert (ANY_HINT.search(value) is None) == (flat.search(value) is None), value
