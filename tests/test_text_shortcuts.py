"""Session 12's shortcuts of text input's per-line work (issue #15) give the pattern's own answer.

Each replaces a search by a cheaper test that is exact by construction; these tests compare it
with the pattern it spares on every line of the text fixtures and on every character where the
answer could differ.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newsclean.blocks import text as text_blocks
from newsclean.meta import tags
from newsclean.phrases import _SCRIPT_LANGUAGES, LATIN_LANGUAGES, guess_languages
from newsclean.rules import captions, features, metadata

FIXTURES = Path(__file__).parent / "fixtures"
#: every code point of the first two planes but the surrogates, and the top of the range
CHARS = [chr(c) for c in (*range(0xD800), *range(0xE000, 0x20000), 0x10FFFF)]


def _fixture_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("input.txt"))]


def _fixture_lines() -> list[str]:
    return [line for text in _fixture_texts() for line in text.splitlines()]


def _ends(text: str) -> list[str]:
    """Strings whose answer turns on their last characters, around each character."""
    return [text, text + "\n", text + "\n\n", text + " ", "x" + text, "x" + text + "\n", text + "\r"]


@pytest.mark.parametrize(
    ("shortcut", "pattern"),
    [(tags._ends_sentence, tags._SENTENCE_END), (text_blocks._ends_open, text_blocks._OPENS)],
    ids=["tag-sentence-end", "opening-bracket"],
)
def test_a_line_end_read_is_the_search_of_it(shortcut: object, pattern: regex.Pattern[str]) -> None:
    cases = ["", "\n", "\n\n", *_fixture_lines()]
    cases += [case for char in [*CHARS[:0x3100], *map(chr, range(0xFF00, 0xFF70))] for case in _ends(char)]
    for case in cases:
        assert shortcut(case) is (pattern.search(case) is not None), repr(case)  # type: ignore[operator]


def test_a_line_end_read_answers_what_it_replaced() -> None:
    assert tags._ends_sentence("Read the full story.")
    assert tags._ends_sentence("Why?\n")
    assert not tags._ends_sentence("Politics, Economy, Europe")
    assert not tags._ends_sentence("Europe.\n\n")  # ("$" is only the end or a final newline)
    assert text_blocks._ends_open("the council (")
    assert not text_blocks._ends_open("the council ( said")


def test_every_space_the_blank_pattern_knows_is_stripped() -> None:
    # so a stripped line opening with no zero-width character cannot be blank
    spaces = regex.compile(r"\s")
    for char in CHARS:
        if spaces.fullmatch(char):
            assert not ("x" + char + "x").strip("x").strip(), repr(char)
        if text_blocks._BLANK.fullmatch(char) and not char.isspace():
            assert char in text_blocks._ZERO_WIDTH, repr(char)


def test_the_blank_test_is_the_pattern_on_every_stripped_line() -> None:
    lines = _fixture_lines() + ["\u200b", "\u200b \ufeff", "\u200bword", "\ufeff\u2060", "\u00a0\u200b", "a\u200b"]
    for line in filter(None, (line.strip() for line in lines)):
        assert text_blocks._is_blank(line) is (text_blocks._BLANK.fullmatch(line) is not None), repr(line)


def test_blank_lines_of_zero_width_characters_are_still_dropped() -> None:
    blocks = text_blocks.build_blocks("First line here.\n\u200b\u200c\n\ufeff \u2060\nLast line here.")
    assert [block.text for block in blocks] == ["First line here.", "Last line here."]


def _guess_by_scans(sample: str) -> frozenset[str]:
    """guess_languages without a declared language, as it was before the byte count."""
    sample = sample[:5000]
    for pattern, languages in _SCRIPT_LANGUAGES:
        if len(pattern.findall(sample)) > 0.2 * len(sample.replace(" ", "")):
            return frozenset({*languages, "en"})
    return frozenset(LATIN_LANGUAGES)


def test_no_script_the_languages_are_guessed_by_has_an_ascii_character() -> None:
    for pattern, _ in _SCRIPT_LANGUAGES:
        assert not any(pattern.search(chr(c)) for c in range(128))


def test_the_byte_count_guesses_as_the_scans_did() -> None:
    samples = [*_fixture_texts(), ""]
    # around the bound: a fifth of the characters in the script, a few more, a few less
    for script in ("Привет", "東京で", "مرحبا", "Ελλάδα", "“”–…"):
        for count in range(15, 26):
            samples.append(script[0] * count + "a" * (100 - count))
            samples.append(script * count + " plain words " * 10)
    samples.append("\ud800" * 30 + "a" * 70)  # (a lone surrogate: its own three bytes)
    for sample in samples:
        assert guess_languages(sample) == _guess_by_scans(sample), sample[:60]
    assert guess_languages("Привет " * 20) == frozenset({"ru", "en"})
    assert guess_languages("東京で会議が開かれた。" * 5) == frozenset({"zh", "ja", "en"})
    assert guess_languages("The council met on Tuesday. " * 5) == frozenset(LATIN_LANGUAGES)



def test_a_bullet_and_a_web_address_open_with_their_first_characters() -> None:
    case_blind_h_or_w = regex.compile(r"[hw]", regex.IGNORECASE)
    for char in CHARS:
        if text_blocks._BULLET.match(char + " item"):
            assert char in text_blocks._BULLET_FIRST, repr(char)
        assert (char in features._URL_FIRST) is (case_blind_h_or_w.fullmatch(char) is not None), repr(char)
    for line in _fixture_lines():
        line = line.strip()
        assert features.is_url_line(line) is (
            len(line) <= features.URL_LINE_MAX_CHARS and features._URL_LINE.match(line) is not None
        )
    assert features.is_url_line("HTTPS://example.com/story") and features.is_url_line("www.example.com")
    assert [block.kind for block in text_blocks.build_blocks("• First item\n► Second\nPlain")] == ["li", "li", "line"]


def _split_glued_by_patterns(line: str) -> tuple[str, ...]:
    """split_glued as it was: the sentence search first, on every line."""
    if len(line) > text_blocks.GLUED_MAX_CHARS or text_blocks._HAS_SPACE_SENTENCE.search(line):
        return (line,)
    parts = tuple(part.strip() for part in text_blocks._GLUE.split(line) if part.strip())
    return parts if len(parts) > 1 else (line,)


def test_glued_labels_split_as_by_the_patterns() -> None:
    lines = [line.strip() for line in _fixture_lines()]
    lines += ["HomeNewsSport", "Home. NewsSport", "Home!\u00a0NewsSport", "ÜberUnsKontakt", "Dr. WhoMeets", "Ok?Yes", "Why? NoWay"]
    for line in lines:
        assert text_blocks.split_glued(line) == _split_glued_by_patterns(line), repr(line)
    assert text_blocks.split_glued("HomeNewsSport") == ("Home", "News", "Sport")
    assert text_blocks.split_glued("Home. NewsSport") == ("Home. NewsSport",)


def test_a_line_with_too_few_commas_is_no_unlabelled_tag_line() -> None:
    for line in [*_fixture_lines(), "a, b, c", "a, b, c, d", "a，b；c、d"]:
        line = " ".join(line.split())
        if sum(map(line.count, tags._COMMA_CHARS)) < tags._MIN_UNLABELLED_ITEMS - 1:
            assert len([i for i in tags._COMMAS.split(line) if i]) < tags._MIN_UNLABELLED_ITEMS, line
    assert tags.parse_tag_line("Politics, Economy, Europe") is None
    assert tags.parse_tag_line("Politics, Economy, Europe, World") == ("Politics", "Economy", "Europe", "World")


def test_a_caption_opening_is_matched_only_where_it_may_start() -> None:
    case_blind_i_or_t = regex.compile(r"[it]", regex.IGNORECASE)
    capital_or_digit = regex.compile(r"\p{Lu}|\d")
    for char in CHARS:
        assert (char in captions._POINTS_FIRST) is (case_blind_i_or_t.fullmatch(char) is not None), repr(char)
        if capital_or_digit.fullmatch(char):
            assert captions._may_open_caption_head(char), repr(char)
    assert not captions._may_open_caption_head("") and not captions._may_open_caption_head("w")
    for line in [*_fixture_lines(), "In this Monday, Oct. 28, 2019, file photo, a man walks", "FILE - A man walks"]:
        head = line[: captions.OPENING_HEAD_CHARS]
        if captions._POINTS_AT_PICTURE.match(head):
            assert head[:1] in captions._POINTS_FIRST
        if captions._CAPTION_HEAD.match(head):
            assert captions._may_open_caption_head(head[:1])
    assert captions.is_caption("In this Monday, Oct. 28, 2019, file photo, a man walks past the court.")
    assert captions.is_caption("WASHINGTON, DC - NOVEMBER 19: The president speaks.")
    assert not captions.is_caption("in this house we walk past the court every day.")


def test_a_dateline_candidate_holds_a_digit_as_the_pattern_finds_it() -> None:
    for line in [*_fixture_lines(), "May 5", "五月", "May", "٣ مايو", "June ５", "Vol 0"]:
        assert metadata._has_digit(line) is (metadata._HAS_DIGIT.search(line) is not None), repr(line)
