"""The metadata sources and shapes of issue 14, each on a small hand-written page.

Dates: field names the date peers read, values in ``datetime`` or Unix time, image paths, and
German and French shapes of visible dates. Then title, site name, canonical URL, authors,
categories and entities.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from lxml import html

import newsclean
from newsclean.meta.html import PageMeta, extract_html_metadata

NOW = datetime(2021, 9, 1, 12, 0, tzinfo=timezone.utc)


def page(head: str = "", body: str = "", lang: str = "en") -> html.HtmlElement:
    return html.document_fromstring(f"<html lang='{lang}'><head>{head}</head><body>{body}</body></html>")


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def read(head: str = "", body: str = "", lang: str = "en", url: str | None = None) -> PageMeta:
    return extract_html_metadata(page(head, body, lang), url=url, now=NOW)


# --- date fields ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "source"),
    [
        ('<meta name="dc:created" content="2019-05-05">', "meta:dc:created"),
        ('<meta name="DC.Issued" content="2019-05-05">', "meta:dc.issued"),
        ('<meta property="OG:DatePublished" content="2019-05-05">', "meta:og:datepublished"),
        ('<meta pubdate="pubDate" content="2019-05-05">', "meta:pubdate"),
    ],
)
def test_more_publication_fields(tag: str, source: str) -> None:
    found = read(tag)
    assert found.published is not None and found.modified is None
    assert found.published.value == date(2019, 5, 5)
    assert found.published.source == source


def test_lastmodified_is_a_modification_date() -> None:
    found = read('<meta name="lastmodified" content="2019-05-05">')
    assert found.published is None
    assert found.modified is not None and found.modified.value == date(2019, 5, 5)


def test_compact_stamp_in_a_field() -> None:
    found = read('<meta property="og:regDate" content="20210820030646">')
    assert found.published is not None
    # no zone given: a naive time, as written
    assert found.published.value == datetime(2021, 8, 20, 3, 6, 46)


def test_compact_stamp_in_text_is_no_date() -> None:
    found = read(body='<article><h1>T</h1><p class="date">20210820030646</p></article>')
    assert found.published is None


def test_meta_itemprop_with_datetime_attribute() -> None:
    found = read('<meta itemprop="dateModified" datetime="2019-05-05T10:00:00Z">')
    assert found.modified is not None
    assert found.modified.value == datetime(2019, 5, 5, 10, 0, tzinfo=timezone.utc)


def test_copyright_year_is_the_last_resort() -> None:
    found = read('<meta itemprop="copyrightYear" content="2019">')
    assert found.published is None  # a guess, kept apart
    assert found.published_guess is not None
    assert (found.published_guess.value, found.published_guess.source) == (date(2019, 1, 1), "copyright-year")
    # any other date wins over it
    found = read('<meta itemprop="copyrightYear" content="2019"><meta name="date" content="2019-05-05">')
    assert found.published is not None and found.published.value == date(2019, 5, 5)
    assert found.published_guess is None


def test_copyright_line_in_text_is_still_no_date() -> None:
    found = read(
        body="<article><h1>T</h1><p>Text.</p></article><footer class='copyright'>© 2019 Example</footer>"
    )
    assert found.published is None


def test_unix_time_in_data_utime() -> None:
    body = '<article><h1>T</h1><abbr data-utime="1438091078" class="timestamp">Tuesday</abbr></article>'
    found = read(body=body)
    assert found.published is not None and found.published.source == "data-utime"
    assert found.published.value == datetime(2015, 7, 28, 13, 44, 38, tzinfo=timezone.utc)


def test_data_utime_in_comments_is_ignored() -> None:
    body = (
        "<article><h1>T</h1><p>Text.</p></article>"
        '<div class="comments"><abbr data-utime="1438091078">Tuesday</abbr></div>'
    )
    assert read(body=body).published is None


def test_empty_time_element_with_updated_class() -> None:
    body = (
        "<article><h1>T</h1><p>Text.</p>"
        '<time class="updated" datetime="2019-05-05T10:00:00+02:00"></time></article>'
    )
    found = read(body=body)
    assert found.published is None
    assert found.modified is not None
    assert found.modified.value == datetime(2019, 5, 5, 10, 0, tzinfo=timezone(timedelta(hours=2)))


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<meta property="og:image" content="https://x.org/uploads/2019/05/05/a.jpg">', ""),
        ("", '<article><h1>T</h1><img src="/files/2019-05-05/a.jpg"><p>Text.</p></article>'),
    ],
)
def test_date_in_an_image_path(head: str, body: str) -> None:
    found = read(head, body)
    assert found.published is None and found.published_guess is not None
    assert (found.published_guess.value, found.published_guess.source) == (date(2019, 5, 5), "image-url")


_STORY = (
    "<p>The harbour board voted on Tuesday to extend the pier by forty metres, after two years of "
    "debate about the cost of the works and the harm to the beach.</p>"
)


def test_image_path_date_is_the_documents_date_when_nothing_else_gives_one() -> None:
    doc = newsclean.clean(
        "<html><head><meta property='og:image' content='https://x.org/up/2019/05/05/a.jpg'></head>"
        f"<body><article><h1>Harbour vote</h1>{_STORY}</article></body></html>"
    )
    assert (doc.published, doc.published_source) == (date(2019, 5, 5), "image-url")


def test_image_path_date_comes_after_an_update_the_page_prints() -> None:
    found = read(
        '<meta property="og:image" content="https://x.org/up/2019/05/05/a.jpg">',
        "<article><h1>T</h1><p class='date'>Updated: 8 July 2020</p><p>Text.</p></article>",
    )
    assert found.published is None and found.published_guess is None
    assert found.modified is not None and found.modified.value == date(2020, 7, 8)


def test_image_path_date_loses_to_a_printed_date() -> None:
    found = read(
        '<meta property="og:image" content="https://x.org/uploads/2017/01/02/a.jpg">',
        "<article><h1>T</h1><p class='date'>8 July 2020</p><p>Text.</p></article>",
    )
    assert found.published is not None and found.published.value == date(2020, 7, 8)


def test_image_of_a_teaser_gives_no_date() -> None:
    body = (
        "<article><h1>T</h1><p>Text.</p></article>"
        '<aside class="related"><img src="/files/2019/05/05/a.jpg"></aside>'
    )
    found = read(body=body)
    assert found.published is None and found.published_guess is None


# --- German and French visible dates --------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<div class="meta">Donnerstag, 15.2.2018, 19:51</div>', datetime(2018, 2, 15, 19, 51)),
        ("<p>am 14. Dezember 2015</p>", date(2015, 12, 14)),
        ("<span>Mittwoch, 20. Februar 2019</span>", date(2019, 2, 20)),
        ('<p class="author">Von Hans Muster, 8.5.12</p>', date(2012, 5, 8)),
        ('<div class="submitted">Submitted by admin am 24. Juli 2017</div>', date(2017, 7, 24)),
        (
            '<div class="submitted">Submitted by <a href="/u/1">admin</a> am 24. Juli 2017</div>',
            date(2017, 7, 24),
        ),
        ('<p class="byline">Par Jean Dupont le 3 mars 2019 à 14h20</p>', datetime(2019, 3, 3, 14, 20)),
    ],
)
def test_german_and_french_dates_beside_the_headline(line: str, expected: object) -> None:
    found = read(body=f"<article><h1>Titel der Meldung</h1>{line}<p>Der Text.</p></article>", lang="de")
    assert found.published is not None
    assert found.published.value == expected


def test_byline_with_prose_after_the_name_is_no_date() -> None:
    # "Von X, der am ..." is a sentence, not a byline with a date
    body = "<article><h1>T</h1><p class='author'>Von Hans Muster, der seit 2012 in Bern lebt</p></article>"
    assert read(body=body, lang="de").published is None


def test_comment_date_does_not_beat_the_articles() -> None:
    body = (
        "<article><h1>Titel</h1><p class='date'>Mittwoch, 20. Februar 2019</p><p>Text.</p></article>"
        "<div id='comments'><div class='comment'><span class='date'>21.02.2019, 10:00</span>"
        "<p>Toller Artikel</p></div></div>"
    )
    found = read(body=body, lang="de")
    assert found.published is not None and found.published.value == date(2019, 2, 20)


def test_teaser_date_does_not_beat_the_articles() -> None:
    body = (
        "<div class='teaser'><h3>Andere Meldung</h3><span class='date'>22.02.2019</span></div>"
        "<article><h1>Titel</h1><p class='date'>Mittwoch, 20. Februar 2019</p><p>Text.</p></article>"
    )
    found = read(body=body, lang="de")
    assert found.published is not None and found.published.value == date(2019, 2, 20)


def test_future_date_is_refused() -> None:
    found = read('<meta property="article:published_time" content="2030-01-01">')
    assert found.published is None


def test_date_in_a_script_is_refused() -> None:
    body = '<article><h1>T</h1><script>var published = "2019-05-05";</script><p>Text.</p></article>'
    assert read(body=body).published is None


# --- title, site name, URL -------------------------------------------------------------------


def test_title_from_h1_without_title_fields() -> None:
    assert (
        read(body="<h1>Harbour board extends the pier</h1><p>Text.</p>").title
        == "Harbour board extends the pier"
    )


def test_title_from_h2_without_title_fields_or_h1() -> None:
    assert (
        read(body="<h2>Harbour board extends the pier</h2><p>Text.</p>").title
        == "Harbour board extends the pier"
    )


def test_title_guillemet_site_suffix_is_stripped() -> None:
    assert read("<title>Pier vote » Example Site</title>").title == "Pier vote"


def test_site_name_from_article_publisher_when_it_is_a_name() -> None:
    assert read('<meta property="article:publisher" content="Example News">').site_name == "Example News"


def test_article_publisher_profile_url_is_no_site_name() -> None:
    found = read(
        '<meta property="article:publisher" content="https://www.facebook.com/examplenews">',
        url="https://www.example.com/a",
    )
    assert found.site_name == "example.com"  # the host, as the last resort


def test_site_name_falls_back_to_the_host() -> None:
    assert read(url="https://www.example.co.uk/news/a.html").site_name == "example.co.uk"
    assert read().site_name is None


def test_section_as_og_site_name_loses_to_the_jsonld_publisher() -> None:
    head = (
        '<meta property="og:site_name" content="U.S.">'
        + jsonld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Fox News"}})
        + '<link rel="canonical" href="https://www.foxnews.com/us/a">'
    )
    assert read(head).site_name == "Fox News"


def test_og_site_name_wins_when_it_names_the_host() -> None:
    head = (
        '<meta property="og:site_name" content="The Verge">'
        + jsonld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Vox Media"}})
        + '<link rel="canonical" href="https://www.theverge.com/a">'
    )
    assert read(head).site_name == "The Verge"


def test_relative_canonical_resolved_against_url() -> None:
    found = read('<link rel="canonical" href="/news/a.html">', url="https://example.com/dir/page.html?x=1")
    assert found.url == "https://example.com/news/a.html"


def test_relative_canonical_resolved_against_base_href() -> None:
    found = read(
        '<base href="https://cdn.example.org/site/"><link rel="canonical" href="news/a.html">',
        url="https://example.com/dir/page.html",
    )
    assert found.url == "https://cdn.example.org/site/news/a.html"


def test_relative_canonical_without_a_base_is_kept_as_written() -> None:
    assert read('<link rel="canonical" href="/news/a.html">').url == "/news/a.html"


# --- authors ---------------------------------------------------------------------------------


def test_all_authors_of_a_jsonld_list() -> None:
    data = {
        "@type": "NewsArticle",
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "John Roe"},
            {"@type": "Person", "name": "Ann Poe"},
        ],
    }
    assert read(jsonld(data)).authors == ("Jane Doe", "John Roe", "Ann Poe")


def test_several_people_in_one_jsonld_name() -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe, John Roe"}}
    assert read(jsonld(data)).authors == ("Jane Doe", "John Roe")


def test_credentials_after_a_comma_are_not_a_person() -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe, MD"}}
    assert read(jsonld(data)).authors == ("Jane Doe",)


def test_graph_person_references() -> None:
    data = {
        "@graph": [
            {"@type": "Article", "author": {"@id": "https://x.org/#/schema/person/1"}},
            {"@type": "Person", "@id": "https://x.org/#/schema/person/1", "name": "Jane Doe"},
        ]
    }
    assert read(jsonld(data)).authors == ("Jane Doe",)


def test_publisher_signing_beside_people_is_dropped() -> None:
    head = (
        '<meta name="author" content="Jane Doe, John Roe, CNN"><meta property="og:site_name" content="CNN">'
    )
    assert read(head).authors == ("Jane Doe", "John Roe")


def test_byline_list_with_publisher_is_read() -> None:
    body = (
        "<article><h1>T</h1><div class='byline'>By <span class='byline__name'>Jane Doe</span>, "
        "<span class='byline__name'>John Roe</span> and <span class='byline__name'>Ann Poe</span>, "
        "CNN</div><p>Text.</p></article>"
    )
    head = '<meta property="og:site_name" content="CNN">'
    assert read(head, body).authors == ("Jane Doe", "John Roe", "Ann Poe")


@pytest.mark.parametrize(
    "body",
    [
        '<a rel="author external" href="/a/jane">Jane Doe</a>',
        '<span class="username">Jane Doe</span>',
        '<div class="submitted-by">Submitted by Jane Doe</div>',
        '<div data-component="Byline"><span>Jane Doe</span></div>',
        '<a data-testid="AuthorURL" href="/a/jane">Jane Doe</a>',
        "<author>Jane Doe</author>",
    ],
)
def test_author_markup(body: str) -> None:
    assert read(body=f"<article><h1>T</h1>{body}<p>Text.</p></article>").authors == ("Jane Doe",)


def test_og_author() -> None:
    assert read('<meta property="og:author" content="Jane Doe">').authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jenny Smith Editor", "Jenny Smith"),
        ("Jenny Smith Senior Editor", "Jenny Smith"),
        ("Jane Doe For Daily Mail Australia", "Jane Doe"),
        ("Jane Doe for The Times", "Jane Doe"),
        ("Jane Doe 🌸✨", "Jane Doe"),
        ("TOI Lifestyle Desk", "TOI Lifestyle Desk"),  # a desk signing keeps its name
    ],
)
def test_author_suffixes_stripped(value: str, expected: str) -> None:
    assert read(f'<meta name="author" content="{value}">').authors == (expected,)


def test_quotes_author_is_not_the_articles() -> None:
    body = (
        "<article><h1>T</h1><blockquote><p>Words.</p><span class='author'>Oscar Wilde</span>"
        "</blockquote><p>Text.</p></article>"
    )
    assert read(body=body).authors == ()


def test_figures_credit_is_not_the_articles() -> None:
    body = (
        "<article><h1>T</h1><figure><img src='a.jpg'><figcaption><span class='author'>By Pat Lens"
        "</span></figcaption></figure><p class='byline'>By Jane Doe</p><p>Text.</p></article>"
    )
    assert read(body=body).authors == ("Jane Doe",)


# --- categories and entities -------------------------------------------------------------------


def test_categories_apart_from_tags() -> None:
    head = '<meta property="article:section" content="Politics">' + jsonld(
        {"@type": "NewsArticle", "articleSection": ["World", "Politics"], "keywords": "Brexit, EU"}
    )
    body = (
        "<article><h1>T</h1><a rel='category tag' href='/c/europe'>Europe</a>"
        "<a rel='tag' href='/t/vote'>Vote</a><p>Text.</p></article>"
    )
    found = read(head, body)
    assert found.categories == ("Politics", "World", "Europe")
    assert found.tags == ("Brexit", "EU", "Vote")


def test_category_links_of_other_articles_are_not_the_articles() -> None:
    body = "<article><h1>T</h1><p>Text.</p></article><aside class='sidebar'><a rel='category tag'>Sport</a></aside>"
    assert read(body=body).categories == ()


def test_entities_left_by_the_cms_are_decoded() -> None:
    head = (
        '<meta name="description" content="Line one&amp;#13; line two">'
        '<meta name="keywords" content="&amp;quotQuoted&amp;quot, Plain">'
    )
    found = read(head)
    assert found.description == "Line one line two"
    assert found.tags == ("Quoted", "Plain")


def test_jsonld_entities_are_decoded() -> None:
    data = {"@type": "NewsArticle", "headline": "Tom &amp; Jerry", "description": "It&#39;s here"}
    found = read(jsonld(data))
    assert found.title == "Tom & Jerry"
    assert found.description == "It's here"


def test_document_carries_categories_and_the_shown_date() -> None:
    doc = newsclean.clean(
        "<html><head><meta property='article:section' content='Politics'>"
        "<meta property='article:modified_time' content='2020-07-09'></head><body><article>"
        "<h1>Harbour vote</h1><p>The harbour board voted on Tuesday to extend the pier by forty "
        "metres, after two years of debate about the cost of the works.</p></article></body></html>"
    )
    assert doc.categories == ("Politics",)
    assert doc.published is None and doc.date == date(2020, 7, 9)
    assert doc.to_dict()["categories"] == ["Politics"] and doc.to_dict()["date"] == "2020-07-09"


# --- shapes met while measuring (issue 14) ----------------------------------------------------


def test_xhtml_page_with_an_encoding_declaration_is_read() -> None:
    page_text = (
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>Harbour vote</title></head><body><div class='author'>Author: <a href='/u/5'>Jan Berg</a>"
        f" am 29.12.2010, 13:36 Uhr</div>{_STORY}</body></html>"
    )
    doc = newsclean.clean(page_text)
    assert "harbour board voted" in doc.body
    assert doc.published == datetime(2010, 12, 29, 13, 36)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.it/de/newsroom/23-01-2021-dorothea-darf-jubeln/17-378.html", date(2021, 1, 23)),
        ("https://x.de/media-news/meldungen/29.10.2020", date(2020, 10, 29)),
        ("https://x.de/news/31-02-2021-no-such-day", None),
        ("https://x.de/item/12-34-2022", None),
    ],
)
def test_day_first_date_in_the_url(url: str, expected: date | None) -> None:
    found = read(url=url)
    assert (found.published.value if found.published else None) == expected


def test_date_split_over_elements() -> None:
    body = (
        "<article><h1>T</h1><div class='date'><span class='month'>Apr</span> <span class='day'>04</span>"
        "<span class='year'>2013</span></div><p>Text.</p></article>"
    )
    found = read(body=body)
    assert found.published is not None and found.published.value == date(2013, 4, 4)


def test_empty_date_element_gives_its_attribute() -> None:
    body = '<article><h1>T</h1><span class="updated" title="2013-04-04T18:52:11+00:00"></span><p>Text.</p></article>'
    found = read(body=body)
    assert found.published is None
    assert found.modified is not None and found.modified.value == datetime(
        2013, 4, 4, 18, 52, 11, tzinfo=timezone.utc
    )


def test_a_promoted_article_is_no_promo_box() -> None:
    body = (
        "<div class='node node-article node-promoted'><h1>T</h1><div class='submitted'>Gespeichert von "
        "<span class='username'>rasos</span> am 24. Juli 2017 - 18:55</div><p>Text.</p></div>"
    )
    found = read(body=body, lang="de")
    assert found.published is not None and found.published.value == datetime(2017, 7, 24, 18, 55)
    assert found.authors == ("rasos",)


def test_a_promo_box_is_still_foreign() -> None:
    body = "<article><h1>T</h1><p>Text.</p></article><div class='promo'><span class='date'>24.07.2017</span></div>"
    assert read(body=body, lang="de").published is None


def test_nordic_clock_word_time() -> None:
    body = "<article><h1>Otsikko</h1><div class='date'>2.9.2020 klo 12.45</div><p>Teksti.</p></article>"
    found = read(body=body, lang="fi")
    assert found.published is not None and found.published.value == datetime(2020, 9, 2, 12, 45)


def test_printed_numeric_date_read_the_other_way_keeps_the_fields_day() -> None:
    # "03/01/2021" beside the headline (day-first on a German page: 3 January), 2021-03-01 in
    # the field: one day, the order of the printed numbers read the other way
    head = '<meta property="article:published_time" content="2021-03-01T04:00:14Z">'
    body = "<article><h1>Seat Mo 125 im Test</h1><p>03/01/2021</p><p>Text.</p></article>"
    found = read(head, body, lang="de")
    assert found.published is not None
    assert found.published.value == datetime(2021, 3, 1, 4, 0, 14, tzinfo=timezone.utc)


def test_printed_date_on_another_day_still_wins() -> None:
    head = '<meta property="article:published_time" content="2021-03-05T04:00:14Z">'
    body = "<article><h1>Seat Mo 125 im Test</h1><p>03/01/2021</p><p>Text.</p></article>"
    found = read(head, body, lang="de")
    assert found.published is not None and found.published.value == date(2021, 1, 3)


def test_teaser_nested_after_the_headline_gives_no_date() -> None:
    head = '<meta property="article:published_time" content="2021-08-14T15:43:26+02:00">'
    body = (
        "<main><h1>Erzbischof ehrt Pater Kolbe</h1><div class='more'><div class='teaser'>"
        "<a>Andere Meldung</a><div class='teaser__info'><span>14/08/2020</span></div></div></div>"
        "<div class='text'><p>Text.</p></div></main>"
    )
    found = read(head, body, lang="de")
    assert found.published is not None
    assert found.published.value == datetime(2021, 8, 14, 15, 43, 26, tzinfo=timezone(timedelta(hours=2)))


def test_publisher_after_a_name_is_dropped() -> None:
    head = '<meta property="og:site_name" content="USA TODAY"><meta name="author" content="Brian Truitt USA TODAY">'
    assert read(head).authors == ("Brian Truitt",)


def test_placeholder_author_is_no_author() -> None:
    assert read('<meta name="author" content="The Author">').authors == ()


def test_breadcrumb_title_keeps_its_headline() -> None:
    # "Site » Long headline" is a breadcrumb: the headline after "»" is no site name
    head = "<title>The Art of Non-Conformity » On the Road Again: Next Stop, Portuguese Africa</title>"
    found = read(head, "<h1>On the Road Again: Next Stop, Portuguese Africa</h1><p>Text.</p>")
    assert found.title == "On the Road Again: Next Stop, Portuguese Africa"


def test_brand_marks_are_not_emoji() -> None:
    # "™" is part of a brand's signature, not decoration; such a value is no person's name
    assert read('<meta name="author" content="Lark Manor™">').authors == ()


def test_generic_date_field_comes_after_the_articles_visible_date() -> None:
    # <meta name="dcterms.date"> is often the page's build date; the article's <time> wins
    head = '<meta property="dcterms.date" content="2021-01-21T09:43:00+01:00">'
    body = (
        "<article><h2>Taxonomie</h2><p>Text.</p><div class='article-meta'>"
        "<time class='date-display-single' datetime='2021-01-25T08:00:00+01:00'>25.01.2021</time></div></article>"
    )
    found = read(head, body, lang="de")
    assert found.published is not None and found.published.value.day == 25
    # alone, it is still the date
    found = read(head, "<article><h2>Taxonomie</h2><p>Text.</p></article>", lang="de")
    assert found.published is not None and found.published.value.day == 21


def test_the_pages_one_article_item_owns_its_date_in_a_footer() -> None:
    body = (
        "<div class='news-single'><div class='article' itemscope itemtype='http://schema.org/Article'>"
        "<h3 itemprop='headline'>Reparaturcafé am 31. Januar</h3><div class='footer'><p>"
        "<time itemprop='datePublished' datetime='2020-01-27'>27.01.2020</time></p></div>"
        "<p>Text.</p></div></div>"
    )
    found = read(body=body, lang="de")
    assert found.published is not None and found.published.value == date(2020, 1, 27)


def test_a_list_of_article_items_gives_no_footer_date() -> None:
    item = (
        "<div class='article' itemscope itemtype='http://schema.org/Article'><h3 itemprop='headline'>{}"
        "</h3><div class='footer'><time itemprop='datePublished' datetime='{}'>x</time></div></div>"
    )
    body = item.format("Eins", "2020-01-27") + item.format("Zwei", "2020-01-20")
    assert read(body=body, lang="de").published is None


def test_vendor_namespaced_publication_field() -> None:
    found = read('<meta property="five_hundred_pixels:uploaded" content="2013-02-16T04:36:36-05:00">')
    assert found.published is not None and found.published.value.date() == date(2013, 2, 16)
    assert read('<meta property="five_hundred_pixels:rating" content="2013-02-16">').published is None


def test_upload_stamp_in_an_image_file_name() -> None:
    found = read('<meta property="og:image" content="https://img.example.com/large/20201007120909561.jpg">')
    assert found.published_guess is not None and found.published_guess.value == date(2020, 10, 7)
    # a long number that is no stamp gives nothing
    assert (
        read(
            '<meta property="og:image" content="https://img.example.com/99991307120909561.jpg">'
        ).published_guess
        is None
    )


def test_numeric_date_set_with_pipes() -> None:
    body = "<article><h1>Bielersee-Winterhechte</h1><table><tr><td>26 | 01 | 2021 </td><td>Schweiz | Praxis</td></tr></table><p>Text.</p></article>"
    found = read(body=body, lang="de")
    assert found.published is not None and found.published.value == date(2021, 1, 26)
