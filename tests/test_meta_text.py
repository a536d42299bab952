"""parse_byline, clean_authors, split_tags, parse_tag_line, clean_title."""

from __future__ import annotations

import pytest

from newsclean.meta.authors import clean_authors, parse_byline
from newsclean.meta.tags import parse_tag_line, split_tags
from newsclean.meta.title import clean_title


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, John Roe and Max Mustermann", ("Jane Doe", "John Roe", "Max Mustermann")),
        ("By Jane Doe and John Roe | July 8, 2020", ("Jane Doe", "John Roe")),
        ("By Jane Doe on July 8, 2020", ("Jane Doe",)),
        ("By JANE DOE, Staff Writer", ("Jane Doe",)),
        ("Written by Ursula von der Leyen", ("Ursula von der Leyen",)),
        ("Von Anna Müller und Bernd Schulz", ("Anna Müller", "Bernd Schulz")),
        ("Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("Por Juan Pérez y Ana García", ("Juan Pérez", "Ana García")),
        ("Di Mario Rossi e Luigi Bianchi", ("Mario Rossi", "Luigi Bianchi")),
        ("Автор: Иван Петров", ("Иван Петров",)),
        ("Text: Anna Müller", ("Anna Müller",)),
        ("door Jan de Vries", ("Jan de Vries",)),
        ("作者：王小明", ("王小明",)),
        ("By Podium Staff", ("Podium Staff",)),
    ],
)
def test_parse_byline(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe",  # no label: could be anything
        "Photo: John Smith",  # a photographer is not the author
        "By Monday, officials said the plan had failed",
        "By contrast, the plan was cheap",
        "by the way this is a sentence that goes on and on",
        "Text Link",  # a button's text: "Text" is a label only with a colon (or in lower case)
        "Door Hinges",
        "",
    ],
)
def test_parse_byline_rejects(line: str) -> None:
    assert parse_byline(line) is None


def test_structured_author_values() -> None:
    # one author per value: surname-first order and credentials after the comma
    assert clean_authors(["Roy, Aniruddha", "Doris Munoz, MD, FOMA"], one_each=True) == (
        "Aniruddha Roy",
        "Doris Munoz",
    )
    # metadata fields are names by declaration: lower case and desks pass
    assert clean_authors(["kirstin boatto"]) == ("kirstin boatto",)
    assert clean_authors(["Podium Staff"]) == ("Podium Staff",)
    # placeholders and near-duplicates do not
    assert clean_authors(["Name", "Administrator"]) == ()
    assert clean_authors(["Tina Flint Huffman", "Tina Huffman"]) == ("Tina Flint Huffman",)


def test_clean_authors() -> None:
    values = [
        "https://facebook.com/jane",
        "Jane Doe",
        "jane@example.com",
        "By John Roe",
        "Jane Doe, John Roe",
        "@handle",
        "Staff",
    ]
    assert clean_authors(values) == ("Jane Doe", "John Roe")


def test_split_tags() -> None:
    assert split_tags(" Japan, Russia; japan | Kuril Islands • diplomacy ·  ") == (
        "Japan",
        "Russia",
        "Kuril Islands",
        "diplomacy",
    )


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Tags: Japan, Russia, Kuril Islands", ("Japan", "Russia", "Kuril Islands")),
        ("Schlagwörter: Japan, Russland", ("Japan", "Russland")),
        ("Теги: Япония, Россия", ("Япония", "Россия")),
        ("标签：日本、俄罗斯", ("日本", "俄罗斯")),
        (
            "Russo-Japanese relations, peace treaty, summit, meeting, territorial dispute, visit, "
            "talks, diplomacy, Vladimir Putin, Shinzo Abe, Japan, Russia, Kuril Islands",
            (
                "Russo-Japanese relations",
                "peace treaty",
                "summit",
                "meeting",
                "territorial dispute",
                "visit",
                "talks",
                "diplomacy",
                "Vladimir Putin",
                "Shinzo Abe",
                "Japan",
                "Russia",
                "Kuril Islands",
            ),
        ),
        ("Topics: Politics • Europe • Energy", ("Politics", "Europe", "Energy")),
        ("Filed Under: Eastern Equine Encephalitis, EEE, health", ("Eastern Equine Encephalitis", "EEE", "health")),
        # tags may hold a small word, as long as most items do not
        (
            "How to retire early, Early retirement, Retiring early, Personal finance",
            ("How to retire early", "Early retirement", "Retiring early", "Personal finance"),
        ),
    ],
)
def test_parse_tag_line(line: str, tags: tuple[str, ...]) -> None:
    assert parse_tag_line(line) == tags


@pytest.mark.parametrize(
    "line",
    [
        "He said, however, that the plan, which was new, had failed.",
        "We bought apples, pears, plums and cherries",
        "The minister, the mayor and the governor met on Monday, July 8, in Tokyo",
        "Japan, Russia",  # two items: too few to call a list
        "Japan, Russia, China",  # three unlabelled items: as likely a phrase as a tag line
        "Politics • Europe • Energy • Climate",  # unlabelled bullets or bars: a menu or breadcrumb
        "Editorial Standards / Ethics Statement / Privacy Policy / Terms of Use",
        "300 Broadway, Suite 12, San Francisco, CA 94133",  # an address: numbers in several items
        "Top 11 Culture Consultants, Companies, Services, and Consulting Firms",  # a title
        "Tags: this is a whole sentence that somebody wrote after a label.",
    ],
)
def test_parse_tag_line_rejects_sentences(line: str) -> None:
    assert parse_tag_line(line) is None


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Talks end in Tokyo | Example News", None, "Talks end in Tokyo"),
        ("Talks end in Tokyo - Example News", "Example News", "Talks end in Tokyo"),
        ("Example News — Talks end in Tokyo", "Example News", "Talks end in Tokyo"),
        ("Talks end in Tokyo | World | Example News", None, "Talks end in Tokyo"),
        (
            "Talks end in Tokyo after four long days of meetings - BBC News",
            None,
            "Talks end in Tokyo after four long days of meetings",
        ),
        ("Russia-Japan talks end", None, "Russia-Japan talks end"),
        ("Putin - the interview", None, "Putin - the interview"),
        ("Example News", "Example News", "Example News"),
    ],
)
def test_clean_title(title: str, site: str | None, expected: str) -> None:
    assert clean_title(title, site_name=site) == expected
