"""Unit tests of the text-mode region search and the line features it uses, on tiny pages."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.blocks.text import build_blocks
from newsclean.phrases import prompt_pattern
from newsclean.rules import RULES_BY_NAME
from newsclean.rules.features import (
    ends_clause,
    is_author_bio,
    is_field_line,
    is_list_item,
    is_sentence_case,
    is_table_row,
    is_url_line,
    is_word_list,
    line_key,
    prose_weight,
)
from newsclean.rules.pipeline import Context
from newsclean.rules.region import SHORT_LINE_COST, _weights

P1 = ("The council approved the new budget on Tuesday after a long debate about school funding "
      "and the cost of repairs to three older buildings in the north of the town.")
P2 = ("Opponents said the plan leaves too little for maintenance, while supporters argued that "
      "the extra teachers were needed before the next school year begins in September.")
P3 = ("The mayor said the vote was close but fair, and that the city would publish the full "
      "figures online later this week so that residents could read them for themselves.")


def body(text: str) -> str:
    return newsclean.clean(text, input_format="text").body


def test_line_key_ignores_case_and_punctuation() -> None:
    assert line_key("Latest  News!") == line_key("latest news")
    assert line_key("Latest news") != line_key("Latest views")


def test_list_shapes() -> None:
    assert is_list_item("- cut journey times by 20 minutes")
    assert is_list_item("2) second item")
    assert not is_list_item("2019 was a good year")
    assert ends_clause("cut journey times,")
    assert not ends_clause("Sports and Weather")


def test_teasers_after_the_article_are_not_body() -> None:
    teaser = "A short teaser that sums up another story in one sentence for readers."
    page = "\n".join(
        [P1, P2, P3, "Other stories"]
        + [line for n in range(4) for line in (f"Headline Number {n} About Something", teaser + f" {n}")]
    )
    out = body(page)
    assert P3 in out
    assert "teaser" not in out


def test_lines_repeated_on_the_page_do_not_form_the_region() -> None:
    menu = ["Home", "Politics", "Sport", "Weather"]
    page = "\n".join(menu + [P1, P2, P3] + menu)
    out = body(page)
    assert P1 in out and P3 in out
    assert "Weather" not in out


def test_bulleted_list_inside_the_article_is_kept() -> None:
    page = "\n".join([P1, "The plan will:", "- hire twelve teachers,", "- repair two roofs,",
                      "- extend the library hours.", P2, P3])
    out = body(page)
    assert "repair two roofs," in out.split("\n\n")
    assert "- repair" not in out  # the drawn bullet is layout: the block's kind says li
    assert P3 in out


def test_drawn_bullets_are_layout_and_make_list_items() -> None:
    lines = ["• By JANE ROE", "* extend the library hours.", "- repair two roofs,", "1. hire twelve teachers,",
             "— Bonjour, dit-elle."]
    blocks = build_blocks("\n".join(lines))
    assert [(b.text, b.kind) for b in blocks] == [
        ("By JANE ROE", "li"),
        ("extend the library hours.", "li"),
        ("repair two roofs,", "li"),
        ("1. hire twelve teachers,", "line"),  # a number is what the list says: kept
        ("— Bonjour, dit-elle.", "line"),  # a dash that opens dialogue is no bullet
    ]


def test_unbulleted_lower_case_list_is_kept() -> None:
    page = "\n".join([P1, "Allowed foods:", "fresh fish", "eggs of any kind", "green vegetables",
                      "hard cheese", P2, P3])
    assert "eggs of any kind" in body(page)


def test_hard_wrapped_paragraphs_are_prose() -> None:
    wrapped = [
        "Gym equipment refers to the various machines and tools used in a",
        "fitness facility to help people reach their goals. These machines are",
        "designed to target different muscle groups and improve overall health.",
    ]
    page = "\n".join(["Menu", "Home", "Classes"] + wrapped + ["Contact us"])
    out = body(page)
    assert all(line in out for line in wrapped)


def test_comment_thread_does_not_outweigh_the_article() -> None:
    comment = ("I have read this twice and I still think the council got the numbers wrong, "
               "because the repairs were promised years ago and never happened at all.")
    thread = [line for n in range(4) for line in (f"reader{n} says:", "November 19, 2019 at 6:34 am",
                                                   comment + f" ({n})")]
    page = "\n".join([P1, P2, P3, "12 responses to “Council approves budget”"] + thread)
    out = body(page)
    assert P1 in out and P2 in out
    assert "reader3" not in out and "(3)" not in out


def test_inline_read_more_does_not_cut_the_article() -> None:
    page = "\n".join([P1, "Read More", P2, P3])
    out = body(page)
    assert P1 in out and P3 in out


def test_comment_section_patterns() -> None:
    pattern = prompt_pattern(frozenset({"en"}))
    for line in ("34 responses to “A headline”", "Leave a Reply Cancel reply", "[ Read All Comments ]",
                 "Top Rated Comments", "You must be logged in to post a comment."):
        match = pattern.search(line)
        assert match is not None and match.lastgroup == "comments", line


def test_comment_patterns_leave_article_sentences_alone() -> None:
    pattern = prompt_pattern(frozenset({"en"}))
    for line in ("He left a reply on the council website.",
                 "Comments on the plan were mixed, officials said.",
                 "Twelve responses to the survey came from teachers."):
        match = pattern.search(line)
        assert match is None or match.lastgroup != "comments", line


def test_word_lists_are_not_prose() -> None:
    cloud = " ".join(["adote", "um", "amigo", "agua", "alerta", "ambiente", "amizade"] * 5)
    menu = " ".join(["Administração", "Agricultura", "Campanha", "Concurso", "Cultura"] * 5)
    archive = "Archive " + " ".join(f"2019年{m}月" for m in range(1, 13))
    assert is_word_list(cloud) and is_word_list(menu) and is_word_list(archive)
    for prose in (P1, P2, "Der Bundestag hat am Dienstag über den Haushalt beraten, und die Opposition "
                  "kritisierte die Pläne der Regierung für die Schulen und Straßen im Land scharf."):
        assert not is_word_list(prose)


def test_word_list_digit_share_counts_every_script() -> None:
    """The digit share counts digits as str.isdigit does, in any script: ASCII ones, and the
    others (Arabic-Indic, superscripts) around them. Counted by hand: "١٢٣ ٤٥ ab" has 5 digits
    of 7 letters and digits (more than half); "Page² of ten" has 1 of 10."""
    assert is_word_list("Tables 2019, 2020, 2021: 1 2 3")  # 15 digits of 21
    assert not is_word_list("Tables for 2019, and more")  # 4 of 20
    assert is_word_list("١٢٣ ٤٥ ab")
    assert is_word_list("²³ x")  # superscripts are digits: 2 of 3
    assert not is_word_list("Page² of ten")


def test_tag_cloud_does_not_outweigh_a_short_article() -> None:
    cloud = " ".join(f"keyword{n} topic{n}" for n in range(150))
    page = "\n".join(["Home", "Tags", cloud, "News", P1, "Contact"])
    out = body(page)
    assert P1 in out
    assert "keyword1 " not in out


def test_cjk_prose_weighs_like_latin_prose() -> None:
    # nine Han characters count three each, the full stop one: 9 * 3 + 1
    assert prose_weight("记者从铁路部门获悉。") == 28
    assert prose_weight("abc") == 3


def test_url_and_field_lines() -> None:
    assert is_url_line("http://amzn.to/2hXWcSP") and is_url_line("www.example.com/shop")
    assert not is_url_line("Visit http://example.com for more")
    assert is_field_line("Price: $49") and is_field_line("Where to watch: Netflix")
    assert not is_field_line("The mayor said: we will publish the figures online later this week, "
                             "so that residents can read them for themselves and judge.")


def test_numbered_list_after_the_intro_stays_with_the_article() -> None:
    items = [line for n in range(1, 16) for line in (f"{n}) Product Number {n} Deluxe Edition",
                                                     f"http://shop.example/{n}")]
    page = "\n".join(["Home", "Deals", P1, P2] + items + ["Leave a comment", "Search"])
    out = body(page)
    assert "15) Product Number 15 Deluxe Edition" in out
    assert "1) Product Number 1 Deluxe Edition" in out
    assert "Search" not in out


def test_label_lines_above_the_article_are_not_pulled_in() -> None:
    page = "\n".join(["Home", "News", "Source: Wire Agency", "Location: Home > News", P1, P2, P3])
    out = body(page)
    assert P1 in out and "Source: Wire Agency" not in out


TEASER = ("The regional airline confirmed on Wednesday that it would close two of its smaller "
          "bases next spring, moving about forty crew members to the main hub and cutting "
          "several winter routes that had been losing money for years, a spokeswoman said. "
          "Unions said they were not consulted and would ask for talks within the month.")


def test_teasers_under_a_related_header_do_not_join_the_article() -> None:
    # long teasers (headline, author, summary) under "Related stories" after the article: the
    # header costs a lot, and the prose after it counts half, so they stay out
    teasers: list[str] = []
    for n in range(3):
        teasers += [f"Airline Closes Two Bases In Cost Cuts {n}", f"Jane Doe {n}", f"{TEASER} ({n})"]
    text = body("\n".join([P1, P2, P3, "Related stories"] + teasers))
    assert P3 in text
    assert "regional airline" not in text


def test_a_related_box_above_the_article_does_not_discount_it() -> None:
    # a "Latest" box before any prose ends nothing: the article under it is weighed in full, so
    # the lone lead paragraph between short lines still outweighs them
    lead = ("The town council has approved next year's budget after a debate that ran late into "
            "the night, with the final vote taken shortly before midnight.")
    page = ["Home", "Latest", "Council Approves Budget", "Springfield, Illinois", lead, "Town Hall",
            P1, P2, P3]
    text = body("\n".join(page))
    assert lead in text and P3 in text


def test_an_article_printed_twice_is_kept_once() -> None:
    # every paragraph repeats (a hidden print copy under the page): no unrepeated run weighs
    # anything, so the first copy counts as the article and the second stays out
    menu = ["Home", "Pricing", "Blog", "Get a demo"]
    page = menu + ["How To Price Your Classes", P1, P2, P3, "Start free trial"] + menu
    page += ["How To Price Your Classes", P1, P2, P3, "Terms", "Privacy"]
    out = body("\n".join(page))
    assert out.count(P1) == 1 and out.count(P3) == 1
    assert "Start free trial" not in out


def test_a_repeated_ticker_does_not_take_over_the_page() -> None:
    # the same teaser lines twice (a scrolling ticker) above an article that is not repeated:
    # the article wins the first search, so repeated prose is never counted
    ticker = [f"{TEASER} ({n})" for n in range(3)]
    page = ["Home", "World"] + ticker + ticker + ["Breaking", "Council Approves Budget", P1, P2, P3, "Polls"]
    out = body("\n".join(page))
    assert P1 in out and P3 in out
    assert "regional airline" not in out


def test_table_rows() -> None:
    assert is_table_row("Cherry tomatoes 88g 175g 350g")
    assert is_table_row("Antiques 82 55.41% 1,465 46.07%")
    assert is_table_row("1/1/2013 +13.1%")
    assert is_table_row("60%")  # a cell on a line of its own
    assert not is_table_row("Next")
    assert not is_table_row("Top 10 Things to Do in 2024")  # a headline's numbers are few
    assert not is_table_row("COVID-19 cases rise 20% in 3 weeks")
    assert not is_table_row("Community Post (4824)")  # a menu's count
    assert not is_table_row("Sales: 1-801-438-4425 Sign in Get a demo")  # one phone number
    assert not is_table_row("Results 2020 2021 " + "x" * 120)  # too long for a row


def test_a_table_does_not_cut_the_article_in_two() -> None:
    # the rows of a flattened table cost nothing, so the prose after the table stays joined
    rows = [f"Week {n} {n * 12}g {n * 24}g {n * 48}g" for n in range(1, 25)]
    page = ["Home", "Recipes", P1, "Shopping list", *rows, P2, P3, "Privacy", "Terms"]
    out = body("\n".join(page))
    assert P1 in out and P3 in out
    assert "Week 12 144g 288g 576g" in out
    assert "Privacy" not in out


def test_author_bio_shape() -> None:
    assert is_author_bio("Jane Doe is a senior editor at Example News, where she covers city hall.")
    assert is_author_bio("Rebecca Lake has been a journalist and blogger for over 30 years.")
    assert is_author_bio("Mirel Zaman is the health and fitness director at PS.")
    assert is_author_bio("Mariusz is a Community Manager at Spacelift. He is passionate about DevOps.")
    assert is_author_bio("Jim Donnelly is MASV's Head of Editorial and a senior writer.")
    assert not is_author_bio("Passwork is an enterprise-grade self-hosted password manager.")  # no writer's job
    assert not is_author_bio("I am the founder of a small company, and this post is about why.")  # first person
    assert not is_author_bio("the mayor is a former journalist who ran the local paper.")  # no name first


# (author box, language): the shape in the other packs' languages
AUTHOR_BIOS_FIRE = [
    ("Max Mustermann ist Redakteur bei der Süddeutschen Zeitung und schreibt über Politik.", "de"),
    ("Anna Schmidt ist seit 2019 Redakteurin im Ressort Wirtschaft.", "de"),
    ("Marie Dupont est journaliste au service politique du Monde.", "fr"),
    ("Marie Dupont est une journaliste indépendante basée à Lyon.", "fr"),
    ("Carlos Pérez es periodista y editor de la sección de economía.", "es"),
    ("Giulia Rossi è una giornalista del Corriere e scrive di esteri.", "it"),
    ("João Silva é jornalista e repórter da editoria de política.", "pt"),
    ("Jan Kowalski jest dziennikarzem działu krajowego.", "pl"),
    ("Иван Петров — журналист, обозреватель отдела политики.", "ru"),
]
# article sentences of the same languages that must stay prose
AUTHOR_BIOS_QUIET = [
    "Der Minister ist Autor mehrerer Bücher über die Geschichte der Stadt.",  # an article, no name
    "Merkel ist die erste Kanzlerin, die das Amt freiwillig abgab.",  # no writer's job
    "Le président est journaliste de formation.",  # no capitalised name first
    "Paris est une ville qui attire les journalistes du monde entier.",
    "Madrid es la capital de España desde el siglo XVI.",
    "Roma è una città con molti giornalisti stranieri.",
    "Иван Петров — министр экономики России.",  # a minister, not a writer
]


@pytest.mark.parametrize(("text", "lang"), AUTHOR_BIOS_FIRE)
def test_author_bio_shape_in_other_languages(text: str, lang: str) -> None:
    assert is_author_bio(text), lang


@pytest.mark.parametrize("text", AUTHOR_BIOS_QUIET)
def test_author_bio_shape_stays_quiet_on_article_sentences(text: str) -> None:
    assert not is_author_bio(text)


BIO = ("Jane Doe is a senior reporter at the Springfield Gazette, where she has covered city hall "
       "and the school board since 2015. She lives in the north of the town with her family.")


def test_an_author_box_under_the_article_is_not_body() -> None:
    out = body("\n".join(["Home", "News", P1, P2, P3, "Jane Doe", BIO, "Privacy", "Terms"]))
    assert P3 in out
    assert "senior reporter" not in out


def test_a_profile_sentence_inside_the_article_stays() -> None:
    # the same shape between paragraphs costs only a short line's worth: the region runs on
    out = body("\n".join(["Home", P1, BIO, P2, P3, "Privacy"]))
    assert BIO in out and P3 in out


def test_a_table_right_above_the_article_joins_it() -> None:
    # a results table opens the report: two or more rows above the prose join the region
    rows = ["Palm Bay 18 22 13 17 70", "Melbourne 15 12 20 16 63", "Viera 12 14 11 19 56"]
    out = body("\n".join(["Home", "Sports", *rows, P1, P2, P3, "Privacy"]))
    assert "Melbourne 15 12 20 16 63" in out and "Palm Bay 18 22 13 17 70" in out


def test_a_lone_timestamp_row_above_the_article_stays_out() -> None:
    # (a timestamp the dateline rule does not read, shaped like a row of figures)
    out = body("\n".join(["Home", "Sports", "Breaking", "Nov 19, 2019 at 9:08 GMT 1 day ago", P1, P2, P3]))
    assert P1 in out
    assert "9:08" not in out


def test_a_standfirst_above_the_byline_is_not_body() -> None:
    dek = "The council's vote ends a year of debate, and the first repairs will start in the spring."
    page = ["Home", "Council Approves Budget For Bridge Repairs", dek, "By Jane Doe", "5 March 2021", P1, P2, P3]
    doc = newsclean.clean("\n".join(page), input_format="text")
    assert P1 in doc.body and P3 in doc.body
    assert dek not in doc.body
    assert doc.title == "Council Approves Budget For Bridge Repairs"


def test_a_video_title_between_the_byline_and_the_article_is_not_body() -> None:
    # the player's title under the byline: the article starts with the first prose after it
    dek = "The council's vote ends a year of debate, and the first repairs will start in the spring."
    video = "Mayor explains why the vote on the bridge was so close"
    page = ["Home", "Council Approves Budget For Bridge Repairs", dek, "By Jane Doe", video, P1, P2, P3]
    text = body("\n".join(page))
    assert P1 in text and P3 in text
    assert dek not in text and video not in text


def test_a_first_paragraph_without_a_byline_after_it_stays() -> None:
    page = ["Home", "Council Approves Budget For Bridge Repairs", "By Jane Doe", "5 March 2021", P1, P2, P3]
    assert P1 in body("\n".join(page))


def test_lines_of_invisible_characters_are_empty_lines() -> None:
    from newsclean.blocks.text import build_blocks

    blocks = build_blocks("First line\n\u200b\n\ufeff \u200b\nSecond line\nA word\u200bglued")
    assert [b.text for b in blocks] == ["First line", "Second line", "A word\u200bglued"]
    assert [b.index for b in blocks] == [0, 1, 2]


def test_sentence_case_shape() -> None:
    # FIRES: list items whose bullets a scraper dropped
    assert is_sentence_case("Careful handling of fragile items")
    assert is_sentence_case("Revenue-focused SEO strategy for blockchain companies")
    assert is_sentence_case("Fees based on income and family size")
    # QUIET: menu entries, section names, title-case headlines, too few words
    assert not is_sentence_case("Trucker Resources")
    assert not is_sentence_case("Efficient service")
    assert not is_sentence_case("Best Moving Companies In New York This Year")
    assert not is_sentence_case("Home News Sport Weather Business Culture")


#: A service list printed without its bullets: sentence-case lines between two paragraphs.
SERVICES = ["Careful packing of fragile items by trained crews",
            "Storage for up to thirty days at no extra cost",
            "Free estimates given in person or by video call",
            "Insurance cover for the full value of the goods",
            "Disassembly and assembly of large pieces of furniture",
            "Moving of pianos and other heavy instruments",
            "Disposal of old furniture and packing material",
            "Weekend and evening moves on request at the same rate",
            "Tracking of the truck on the day of the move",
            "Cleaning of the old home after the move is done",
            "Packing supplies delivered a week before the move"]


P4 = ("Residents who want to comment on the plan can write to the council before the end of "
      "the month, and a public meeting on the repairs is planned for early in the new year.")


def test_an_unbulleted_sentence_case_list_stays_in_the_article() -> None:
    # a label and eleven items cost 40 + 11 x 20 = 260, less than the prose on either side
    # (about 330 characters each), so the region bridges the list; at 40 a line (480) it did not
    text = body("\n".join([P1, P2, "Services"] + SERVICES + [P3, P4]))
    assert P1 in text and P4 in text
    assert SERVICES[0] in text and SERVICES[-1] in text


def test_a_sentence_case_line_after_a_related_header_costs_as_a_headline() -> None:
    # before the header (400+ characters of prose above it) a sentence-case line is a list item
    # (half cost); after it, the same shape is a teaser's headline and costs as a short line
    headline = "Regional airline closes two of its bases in cost cuts"
    lines = [P1, P2, headline, P3, "Related stories", headline + " again", P4]
    ctx = Context(blocks=build_blocks("\n".join(lines)), source_format="text",
                  languages=frozenset({"en"}))
    ctx.decided[4] = RULES_BY_NAME["related-header"]
    assert ctx.decided[4].family == "related"
    weights = _weights(ctx, ["prose", "prose", "item", "prose", "end", "item", "prose"])
    assert weights[2] == -SHORT_LINE_COST / 2
    assert weights[5] == -SHORT_LINE_COST


def test_a_bulleted_listing_is_not_a_hard_wrapped_paragraph() -> None:
    # a "latest stories" box: each long item starts in lower case after its bullet, which in a
    # bulleted list marks a new item, not the rest of the line before
    listing = [f"• topic {n} 4:30 PM 0 Another Headline About Something That Happened Today" for n in range(12)]
    page = "\n".join([P1, P2, P3, "Latest Stories"] + listing)
    out = body(page)
    assert P3 in out
    assert "Another Headline" not in out


def test_comments_after_the_story_still_count_a_tenth() -> None:
    comment = ("I have read this twice and I still think the council got the numbers wrong, because the "
               "repairs were promised years ago and never happened at all, not even once.")
    page = "\n".join([P1, "14 comments", *(f"{comment} ({n})" for n in range(8))])
    out = body(page)
    assert P1 in out
    assert "read this twice" not in out


def test_a_section_end_printed_twice_in_a_row_still_ends_the_article() -> None:
    # a subscribe box whose heading and button say the same thing: one marker, so the footer's
    # long notice under it counts half, and the article above still outweighs it
    notice = ("The customer service centre can be contacted with any questions or requests by "
              "telephone or e-mail; it is staffed on weekdays between seven and two, and on "
              "Fridays it only handles distribution requests. International customers can call "
              "the toll-free number between seven and six. ") * 2
    page = "\n".join(["Home", "News", P1, P2, P3,
                      "Subscribe for our daily newsletter", "Subscribe for our daily newsletter",
                      "About Us", "Contact", notice.strip()])
    out = body(page)
    assert P1 in out and P2 in out
    assert "customer service" not in out


def test_a_label_under_every_comment_is_no_section_end() -> None:
    comment = "I think the council should have published the figures much earlier than it did."
    page = "\n".join([P1, P2, P3, *(line for n in range(3) for line in (comment + f" ({n})", "Reply"))])
    assert P3 in body(page)


def test_a_chain_of_two_credit_lines_is_weighed_without_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    # the constants' sweep sets THREAD_MIN_HEADERS to 2: a chain of two headers has one post to
    # weigh and none to weigh it against (it raised StatisticsError on 151 of 2,495 texts)
    from newsclean.rules import threads

    monkeypatch.setattr(threads, "THREAD_MIN_HEADERS", 2)
    page = "\n".join(["November 19, 2019 at 6:34 am", P1, "November 20, 2019 at 7:00 am", P2, P3])
    out = body(page)  # (at 2 the first line's prose reads as a post above the thread: P1 goes)
    assert P2 in out and P3 in out
