"""The prefiltered prompt search finds exactly what the full prompt pattern finds.

``PromptMatcher.search`` skips alternatives whose literal text a line lacks; these tests run the
full alternation beside it on every line of the fixtures and on generated lines built from the
packs' own words (with case changes and the characters that lower-case oddly) and demand the
same family at the same position, or no match from both.
"""

from __future__ import annotations

import random
from pathlib import Path

import lxml.html
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.phrases import LANGUAGES, SOURCES, family_pattern, guess_languages, prompt_pattern
from newsclean.prefilter import (
    _PROPERTY,
    _as_category,
    _case_mismatches,
    _shape,
    family_matcher,
    prompt_matcher,
)

FIXTURES = Path(__file__).parent / "fixtures"
LANGUAGE_SETS = [frozenset(LANGUAGES), frozenset({"en"}), frozenset({"tr", "en"}),
                 frozenset({"ru", "en"}), frozenset({"zh", "ja", "en"}), guess_languages("")]
TIMEOUT = 1.0


def _outcome(match: regex.Match[str] | None) -> tuple[str | None, int] | None:
    return None if match is None else (match.lastgroup, match.start())


def _assert_same(languages: frozenset[str], line: str) -> None:
    full = _outcome(prompt_pattern(languages).search(line, timeout=TIMEOUT))
    fast = _outcome(prompt_matcher(languages).search(line, TIMEOUT))
    assert fast == full, (sorted(languages), line)


def _fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
        elif path.suffix == ".html":
            text = lxml.html.fromstring(path.read_bytes()).text_content()
        else:
            continue
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
    return lines


def _pack_words() -> list[str]:
    """Words and short phrases of the packs' pattern sources (letters, spaces and apostrophes)."""
    words: set[str] = set()
    for by_family in SOURCES.values():
        for sources in by_family.values():
            for source in sources:
                words.update(regex.findall(r"[\p{L}' ]{2,}", source))
    return sorted(words)


PACK_WORDS = _pack_words()
ODD_CASE = ["İ", "ı", "ſ", "\u212a", "ᲀ", "ß", "ẞ", "Σ", "ς", "I", "K", "S"]


def test_fixture_lines_match_alike() -> None:
    lines = _fixture_lines()
    assert len(lines) > 500  # the fixtures are there and were read
    for languages in LANGUAGE_SETS:
        for line in lines:
            if len(line) <= 260:
                _assert_same(languages, line)


def test_generated_lines_match_alike() -> None:
    """Lines glued from pack words, digits, punctuation and odd-case letters, in mixed case."""
    rng = random.Random(20261129)
    pieces = PACK_WORDS + ODD_CASE + [" ", ": ", "12 ", "© ", "|", ".", "/", "(", ")", "+", "»"]
    hits = 0
    for _ in range(2000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        line = rng.choice([str, str.upper, str.title, str.swapcase])(line)
        for languages in LANGUAGE_SETS[:3]:
            _assert_same(languages, line)
        hits += prompt_pattern(LANGUAGE_SETS[0]).search(line) is not None
    assert hits > 50  # the generated lines do exercise the patterns


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PACK_WORDS + ODD_CASE), st.text(max_size=6)), max_size=6))
def test_arbitrary_lines_match_alike(parts: list[str]) -> None:
    _assert_same(frozenset(LANGUAGES), "".join(parts))


@pytest.mark.parametrize("line", ["HAKLARI saklıdır: TÜM HAKLARI SAKLIDIR", "ſubſcribe to our newsletter",
                                  "\u212aommentare (3)", "Read more: x", "İLGİLİ HABERLER:"])
def test_odd_case_lines(line: str) -> None:
    for languages in LANGUAGE_SETS:
        _assert_same(languages, line)


# --- one family in every language (the long cookie notice's opening) ------------------------


@pytest.mark.parametrize("family", ["cookie", "related", "subscribe"])
def test_family_matcher_finds_the_family_pattern_start(family: str) -> None:
    """``family_matcher(f).search`` matches where the family's whole alternation does, at the
    same start, on the fixtures' lines and on generated ones."""
    pattern = family_pattern(family)
    assert pattern is not None
    matcher = family_matcher(family)
    rng = random.Random(20261207)
    generated = ["".join(rng.choice(PACK_WORDS + ODD_CASE + [" ", ": "]) for _ in range(4)) for _ in range(500)]
    found = 0
    for line in _fixture_lines() + generated:
        full = pattern.search(line, timeout=TIMEOUT)
        fast = matcher.search(line, TIMEOUT)
        assert (None if fast is None else fast.start()) == (None if full is None else full.start()), line
        found += full is not None
    assert found > 3  # some lines do hold the family's phrases


def test_cookie_notice_opening_is_found_in_any_case() -> None:
    # "We use cookies" opens en's consent notices; the Kelvin sign and long s match k and s
    # case-insensitively in the regex engine, so the prefilter must not rule them out
    assert family_matcher("cookie").search("WE USE COOKIES to improve", TIMEOUT) is not None
    assert family_matcher("cookie").search("We use coo\u212aie\u017f to improve", TIMEOUT) is not None
    assert family_matcher("cookie").search("We use cakes to improve", TIMEOUT) is None


def test_unicode_properties_read_as_classes_for_the_literals() -> None:
    # the stdlib parser knows no \p{..}: read as \w / \W it leaves the literals around it
    assert _PROPERTY.sub(_as_category, r"^more (?-i:\p{Lu})[\p{L} -]\P{N}") == r"^more (?-i:\w)[\w -]\W"
    # an escaped backslash before "p{" is no property
    assert _PROPERTY.sub(_as_category, r"a\\p{L}") == r"a\\p{L}"
    assert _shape(r"^more (?:in|from) (?-i:\p{Lu})") == (True, frozenset({"more "}))


def test_case_mismatches_come_from_the_engine() -> None:
    # hand-checked: ignoring case, regex matches the long s to s and the dotted capital I to i,
    # though "ſ" lower-cases to itself and "İ" to "i" plus a combining dot; the Kelvin sign also
    # matches k but lower-cases to k, so it needs no care
    assert _case_mismatches("s") == frozenset({"\u017f"})
    assert _case_mismatches("i") == frozenset({"\u0130"})
    assert _case_mismatches("k") == frozenset()
    assert _case_mismatches("b") == frozenset()
