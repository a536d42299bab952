"""Title and author shapes of issue 14's second round, each on a small hand-written page.

Titles: the blog's name before the headline, labels and counts nested in the ``<h1>``. Authors: the publisher, a paid-post label, an
avatar's initials, a date before the name, a domain as a name, a fuller author field.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from lxml import html

from newsclean.meta.authors import clean_authors, parse_byline
from newsclean.meta.html import PageMeta, extract_html_metadata

NOW = datetime(2021, 9, 1, 12, 0, tzinfo=timezone.utc)


def read(head: str = "", body: str = "") -> PageMeta:
    page = html.document_fromstring(f"<html lang='en'><head>{head}</head><body>{body}</body></html>")
    return extract_html_metadata(page, now=NOW)


def meta(key: str, value: str) -> str:
    attr = "property" if ":" in key else "name"
    return f'<meta {attr}="{key}" content="{value}">'


# --- title ------------------------------------------------------------------------------------


def test_h1_naming_the_blog_before_the_headline_is_no_headline() -> None:
    # <title> "Blog: Headline", og:title "Headline": the piece before the colon is the blog's
    head = "<title>Harbour Data Blog: Small boats in big ports</title>" + meta(
        "og:title", "Small boats in big ports"
    )
    body = "<h1>Harbour Data Blog</h1><article><h2>Small boats</h2><p>Text.</p></article>"
    assert read(head, body).title == "Small boats in big ports"


def test_h1_that_is_the_whole_title_still_wins_over_a_shorter_field() -> None:
    # no colon or separator sets the shorter field apart: the <h1> is confirmed as before
    head = "<title>Talks end in Tokyo after a week</title>" + meta("og:title", "Talks end in Tokyo")
    body = "<h1>Talks end in Tokyo after a week</h1>"
    assert read(head, body).title == "Talks end in Tokyo after a week"


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        # a label nested before the headline
        (
            meta("og:title", "Merging language models under constraints"),
            "<span class='descriptor'>Title:</span>Merging language models under constraints",
            "Merging language models under constraints",
        ),
        # the source and the comment count nested after it
        (
            "<title>Grads find their degrees no longer guarantee jobs - Slashdot</title>",
            "Grads find their degrees no longer guarantee jobs <span>(latimes.com)</span> <a>87</a>",
            "Grads find their degrees no longer guarantee jobs",
        ),
        # a section after a separator
        (
            meta("og:title", "How meditation rewires brains | Opinion")
            + meta("og:site_name", "Example News"),
            "How meditation rewires brains | Opinion",
            "How meditation rewires brains",
        ),
    ],
)
def test_label_or_count_nested_in_the_h1_is_left_out(head: str, h1: str, expected: str) -> None:
    assert read(head, f"<h1>{h1}</h1><p>Text.</p>").title == expected


def test_words_that_go_on_in_the_h1_are_the_headline() -> None:
    head = "<title>Networking | Example Docs</title>" + meta("og:title", "Networking")
    assert read(head, "<h1>Networking in Compose</h1>").title == "Networking in Compose"
    head = meta("og:title", "Sparks, NV Homes for Sale")
    body = "<h1>Sparks, NV homes for sale &amp; real estate</h1>"
    assert read(head, body).title == "Sparks, NV homes for sale & real estate"


def test_kicker_and_dash_piece_in_the_h1_are_the_headlines() -> None:
    head = meta("og:title", "Як Венедіктова захищала нардепа")
    body = "<h1>Зірвана операція НАБУ: як Венедіктова захищала нардепа</h1>"
    assert read(head, body).title == "Зірвана операція НАБУ: як Венедіктова захищала нардепа"
    head = meta("og:title", "Future of Hope - Island befreit sich")
    body = "<h1>Future of Hope – Island befreit sich – der Film</h1>"
    assert read(head, body).title == "Future of Hope – Island befreit sich – der Film"


def test_unconfirmed_h1_gives_way_to_the_title_field() -> None:
    head = "<title>Actuary's industry choice: consulting or insurance?</title>"
    assert read(head, "<h1>Our BLOG</h1><p>Text.</p>").title == "Actuary's industry choice: consulting or insurance?"


# --- authors ----------------------------------------------------------------------------------


def test_publisher_after_the_name_in_an_author_element() -> None:
    head = meta("og:site_name", "USA TODAY")
    body = (
        "<article><h1>Ten films</h1><div class='byline-section'><div class='attribution'>"
        "<span class='author'><a>Brian Truitt</a>&nbsp;</span> <span class='publication'>USA TODAY"
        "</span></div></div><p>Text.</p></article>"
    )
    assert read(head, body).authors == ("Brian Truitt",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jane Doe Sponsored", ("Jane Doe",)),
        ("Anzeige Jane Doe", ("Jane Doe",)),
        ("Sponsored", ()),  # the label alone names nobody
    ],
)
def test_paid_post_label_is_no_part_of_a_name(value: str, expected: tuple[str, ...]) -> None:
    assert clean_authors([value]) == expected


def test_publisher_signing_a_sponsored_post() -> None:
    head = meta("author", "Help Net Security") + meta("og:site_name", "Help Net Security")
    body = (
        "<article><h1>Deals</h1><div class='author-block'><div class='author-byline'>"
        "<span>Help Net Security</span> <span>Sponsored</span></div> <span>November 24, 2020</span>"
        "</div><p>Text.</p></article>"
    )
    assert read(head, body).authors == ("Help Net Security",)


def test_avatar_initials_are_no_author() -> None:
    bio = "As founder of a garden studio, I have designed kitchen gardens large and small for years."
    body = (
        "<article><h1>Planting</h1><p>Text.</p><div class='author-card'>"
        "<span class='author-avatar'>NB</span><div class='author-meta'>"
        f"<span class='author-meta--name'>Nicole Burke</span><p>{bio}</p></div></div></article>"
    )
    assert read(body=body).authors == ("Nicole Burke",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Dec 17, 2020 Julian K. Arni", ("Julian K. Arni",)),
        ("17 Dec 2020 Jane Doe", ("Jane Doe",)),
        ("Marco Bambini Dec 19, 2020", ("Marco Bambini",)),  # "Marco" is also "março"
        ("ServiceTitan November 26th, 2020 10 Min Read", ("ServiceTitan",)),  # no reading time
    ],
)
def test_date_before_or_after_the_name(value: str, expected: tuple[str, ...]) -> None:
    assert clean_authors([value]) == expected


def test_category_after_the_dates_keeps_the_byline() -> None:
    # "2021 training": a year, then a lower-case word that is no name (a category)
    line = "By Hardtail Canada August 12, 2021 August 13, 2021 training"
    assert parse_byline(line) == ("Hardtail Canada",)


def test_dates_before_names_in_a_byline_element() -> None:
    body = (
        "<article><h1>Attested builds</h1><div class='dateAndAuthorContainer'>Dec 17, 2020"
        "<span>Julian K. Arni</span></div><p>Text.</p></article>"
    )
    assert read(body=body).authors == ("Julian K. Arni",)


def test_publisher_named_by_its_domain_in_a_field() -> None:
    assert read(meta("author", "AccountingDepartment.com")).authors == ("AccountingDepartment.com",)
    # a profile address is still no name
    assert read(meta("author", "example.com/author/jane")).authors == ()


def test_fuller_author_field_wins_over_the_first_author_alone() -> None:
    head = meta("DC.Creator", "Jennifer Huberty") + "".join(
        meta("citation_authors", name) for name in ("Jennifer Huberty", "Jeni Green", "Chong Lee")
    )
    assert read(head).authors == ("Jennifer Huberty", "Jeni Green", "Chong Lee")
    # a later field naming other people is not taken over the first
    head = meta("author", "Jane Doe") + meta("citation_authors", "John Roe")
    assert read(head).authors == ("Jane Doe",)


# --- the byline printed under the headline against the fields -----------------------------------

_HEAD = "<title>Legal challenges in fitness</title>"
_H1 = "<h1>Legal challenges in fitness</h1>"
_TEXT = "<p>" + "Gyms face many legal questions every day, and owners should know them well. " * 3 + "</p>"


def test_printed_byline_wins_over_a_field_naming_someone_else() -> None:
    # the CMS's author field names the account that posted the story; readers see another name
    found = read(_HEAD + meta("author", "Luke Daigle"), f"<article>{_H1}<p>By: Paul Fenaroli</p>{_TEXT}</article>")
    assert found.authors == ("Paul Fenaroli",)


def test_field_stays_when_the_printed_byline_names_the_same_person() -> None:
    # the field spells the name in full: the printed short form is the same person
    found = read(
        _HEAD + meta("author", "Paul J. Fenaroli"), f"<article>{_H1}<p>By Paul Fenaroli</p>{_TEXT}</article>"
    )
    assert found.authors == ("Paul J. Fenaroli",)


def test_editorial_credit_after_a_lone_by_is_no_name() -> None:
    # "By" (its name in an image) and then the fact-checking credit: no printed byline, the field stays
    found = read(
        _HEAD + meta("author", "Melanie Hanson"),
        f"<article>{_H1}<p>By</p><p>Fact Checked</p>{_TEXT}</article>",
    )
    assert found.authors == ("Melanie Hanson",)
    assert parse_byline("By Fact Checked") is None
    assert parse_byline("By Jane Doe, Medically Reviewed") == ("Jane Doe",)


def test_list_count_the_title_field_adds_before_the_h1() -> None:
    head = meta("og:title", "8 Recent Trends in Photography - Flatworld Solutions") + meta(
        "og:site_name", "Flatworld Solutions"
    )
    found = read(head, "<article><h1>Recent Trends in Photography</h1><p>Photography keeps changing.</p></article>")
    assert found.title == "8 Recent Trends in Photography"
    # a year the field adds after the heading is a search-engine suffix as often as not: the h1 stays
    found = read(
        meta("og:title", "Best Travel Insurance for Seniors in 2025"),
        "<article><h1>Best Travel Insurance for Seniors</h1><p>Cover matters.</p></article>",
    )
    assert found.title == "Best Travel Insurance for Seniors"


# --- a byline block printed without "By" --------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # name, role, date: the theme's byline block under the headline, no label
        (
            "<div>Jack Shepherd</div><div>Co-Founder &amp; Marketing Director</div><div>Updated on 23 Oct 2020</div>",
            ("Jack Shepherd",),
        ),
        ("<span>2020-12-17</span><span>·</span><a>Trond Teigen</a>", ("Trond Teigen",)),
        ("<a>Everfit Team</a><span>Nov 08, 2020</span><span>7 min read</span>", ("Everfit Team",)),
        # a label's value is not an unlabelled name: a category, a reviewer
        ("<span>Category:</span><a>Top Picks</a><span>Published: 03 Dec 2020</span>", ()),
        ("<span>Reviewed by</span><a>Youval Meicler</a><span>October 16, 2020</span>", ()),
        ("<a>fitzg</a><span>| Posted in</span><a>General Discussion</a><span>on</span><span>May 4, 2006</span>", ()),
        # no date beside it: a section's name, not a byline
        ("<div>Health Desk</div><p>Sleep matters.</p>", ()),
        # one word could be anything
        ("<div>Krystyna</div><div>Nov 08, 2020</div>", ()),
        # names, the outlet, the date: the names are the authors, never the outlet beside the date
        (
            "<div>Lisa Kaczke and Trevor J. Mitchell</div><div>Sioux Falls Argus Leader</div>"
            "<div>Published 10:02 AM EST Nov 19, 2019</div>",
            ("Lisa Kaczke", "Trevor J. Mitchell"),
        ),
        # further down, a name beside a date is a photo's or a teaser's credit
        (
            "<div>Jose Altoveros</div><a>View More Articles</a><h2>The roof chopped off</h2>"
            "<div>Brent Co</div><div>November 20, 2019 12:32</div>",
            (),
        ),
    ],
)
def test_unlabelled_byline_block_under_the_headline(block: str, expected: tuple[str, ...]) -> None:
    found = read("<title>Sleep training</title>", f"<article><h1>Sleep training</h1>{block}{_TEXT}</article>")
    assert found.authors == expected


def test_unlabelled_byline_block_is_the_printed_byline() -> None:
    # it wins over a field that names someone else (the JSON-LD names the account that posted)...
    body = f"<article><h1>Sleep training</h1><div>Everfit Team</div><div>Nov 08, 2020</div>{_TEXT}</article>"
    found = read("<title>Sleep training</title>" + meta("author", "Thao Dinh"), body)
    assert found.authors == ("Everfit Team",)
    # ...not over one that names the same people; its role after a comma is no part of the name
    body = (
        "<article><h1>Movers</h1><div>Mike Marshall, Shipping Expert</div><span>•</span>"
        f"<div>Friday, December 18, 2020</div><span>•</span><a>Advertiser Disclosure</a>{_TEXT}</article>"
    )
    assert read("<title>Movers</title>" + meta("author", "Mike J. Marshall"), body).authors == ("Mike J. Marshall",)
    assert read("<title>Movers</title>", body).authors == ("Mike Marshall",)


def test_a_byline_deep_in_the_story_is_no_printed_byline() -> None:
    # "… written by Joe Mandese" in the first paragraph names the author of a quoted story
    body = (
        "<article><h1>Personas</h1><p><a>Douglas Burdett</a> points us to a fascinating story in the "
        "<em>Media Post</em>, <a>NBC News Kills The Demographic</a>, <em>Personifies Its Viewers</em> "
        "and <a>more</a>, <em>all</em> <a>of it</a> <em>worth</em> reading <em>written by</em> <a>Joe Mandese</a>.</p>"
        f"{_TEXT}</article>"
    )
    assert read("<title>Personas</title>" + meta("author", "David Meerman Scott"), body).authors == (
        "David Meerman Scott",
    )


def test_words_of_the_headline_under_a_blog_name_are_no_author() -> None:
    # the blog's name is the <h1>; under it the post's title and its date
    body = f"<h1>Joy the Baker</h1><h2>Chai-Spiced Cinnamon Rolls</h2><div>October 23, 2012</div>{_TEXT}"
    assert read("<title>Joy the Baker – Chai-Spiced Cinnamon Rolls</title>", body).authors == ()


def test_unlabelled_name_needs_the_confirmed_headline() -> None:
    # the only <h1> is a login box's; under it a widget's link beside the day's date
    body = f"<div class='modal'><h1>Log In</h1><a>Reset Password</a><span>Tuesday, April 26, 2022</span></div>{_TEXT}"
    assert read("<title>Woman attacks inspector – Observer</title>", body).authors == ()


def test_field_printed_in_the_byline_block_stands() -> None:
    # "The Guardian" · date · "Anna Fazackerley": the field's person is printed there too
    body = (
        "<article><h1>Student halls too full</h1><span>The Guardian</span><span>02/10/2020</span>"
        f"<span>Anna Fazackerley</span>{_TEXT}</article>"
    )
    found = read("<title>Student halls too full</title>" + meta("author", "Anna Fazackerley"), body)
    assert found.authors == ("Anna Fazackerley",)
