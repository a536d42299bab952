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

from newsclean.phrases import LANGUAGES, SOURCES, guess_languages, prompt_pattern
from newsclean.prefilter import prompt_matcher

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
