"""The per-line tests remembered by line (``rules.features.LINE_MEMO_SIZE``) answer as the
functions they wrap: asked twice about every line of the text fixtures (the second answer comes
from the memo), and about lines that differ only where the answer does."""

from __future__ import annotations

from pathlib import Path

import regex

from newsclean.rules import features
from newsclean.rules.features import (
    _FIELD_LINE,
    _KEY_DROP,
    FIELD_LINE_MAX_CHARS,
    LINE_MEMO_MAX_CHARS,
    LINE_MEMO_SIZE,
    LINE_MEMOS,
    cjk_chars,
    is_field_line,
    is_prose,
    is_table_row,
    line_key,
)

FIXTURES = Path(__file__).parent / "fixtures"
MEMOISED = (cjk_chars, is_prose, line_key)


def _fixture_lines() -> list[str]:
    lines = []
    for path in sorted(FIXTURES.rglob("input.txt")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


def test_memoised_answers_are_the_functions_own_on_every_fixture_line() -> None:
    lines = _fixture_lines()
    assert len(lines) > 200
    for function in MEMOISED:
        for line in lines:
            fresh = function.__wrapped__(line)  # type: ignore[attr-defined]
            assert function(line) == fresh
            assert function(line) == fresh  # (from the memo)


def test_lines_that_differ_are_answered_apart() -> None:
    prose = "The council will vote on the new budget in May, the mayor said on Tuesday."
    assert is_prose(prose)
    assert not is_prose(prose.rstrip("."))  # fifteen words without a closing stop: not prose
    assert is_prose(prose)
    assert line_key("Read  more!") == line_key("read more") == "read more"
    assert line_key("Read more 2") == "read more 2"
    assert cjk_chars("東京で会議") == 5
    assert cjk_chars("Tokyo meeting") == 0


def test_the_memos_are_bounded_and_keep_no_long_line() -> None:
    assert len(LINE_MEMOS) == len(MEMOISED)
    for memo in LINE_MEMOS:
        assert memo.cache_info().maxsize == LINE_MEMO_SIZE
    long_line = "A sentence that runs on and on, " * (LINE_MEMO_MAX_CHARS // 20)
    assert len(long_line) > LINE_MEMO_MAX_CHARS
    for function in MEMOISED:
        function(long_line)
    for memo in LINE_MEMOS:
        before = memo.cache_info()
        memo.cache_clear()
        assert memo.cache_info().currsize == 0 < before.maxsize
    for function, fresh in ((is_prose, True), (cjk_chars, 0)):
        assert function(long_line) == fresh  # type: ignore[operator]
    assert all(memo.cache_info().currsize == 0 for memo in LINE_MEMOS)  # (answered afresh)
    short = "The council will vote on the new budget in May, the mayor said on Tuesday."
    is_prose(short)
    assert sum(memo.cache_info().currsize for memo in LINE_MEMOS) == 1


def _key_by_substitution(text: str) -> str:
    """``line_key`` as the substitution makes it (what every line took before the ASCII path)."""
    return str(_KEY_DROP.sub(" ", text)).strip().casefold()


def test_the_ascii_line_key_is_the_substitutions_own() -> None:
    every_ascii = "".join(map(chr, range(128)))
    assert line_key.__wrapped__(every_ascii) == _key_by_substitution(every_ascii)  # type: ignore[attr-defined]
    for char in every_ascii:
        assert line_key.__wrapped__(f"a{char}b") == _key_by_substitution(f"a{char}b"), repr(char)  # type: ignore[attr-defined]
    for line in _fixture_lines():
        assert line_key.__wrapped__(line) == _key_by_substitution(line)  # type: ignore[attr-defined]
    # by hand: words only, single spaces, lower case (an underscore parts words too)
    assert line_key("  Share_this -- NOW!! (3)") == "share this now 3"


def test_the_field_line_colon_shortcut_answers_as_the_pattern() -> None:
    for line in [*_fixture_lines(), "Price: $49", "Where to watch： Netflix", "Price $49"]:
        by_pattern = len(line) <= FIELD_LINE_MAX_CHARS and _FIELD_LINE.match(line) is not None
        assert is_field_line(line) == by_pattern, repr(line)
    assert is_field_line("Price: $49") and not is_field_line("Price $49")  # (by hand)


def test_a_table_row_needs_a_digit_as_the_pattern_does() -> None:
    for char in map(chr, range(128)):
        assert (features._ASCII_DIGIT.match(char) is not None) == (regex.match(r"\d", char) is not None)
    for line in [*_fixture_lines(), "Cherry tomatoes 88g 175g 350g", "60%", "Antiques", "eighty two"]:
        n, words = len(features._NUMBER.findall(line)), len(line.split())
        shaped = n == 1 if words == 1 else n >= features.TABLE_ROW_MIN_NUMBERS and n >= features.TABLE_ROW_MIN_SHARE * words
        by_pattern = len(line) <= features.TABLE_ROW_MAX_CHARS and shaped
        assert is_table_row(line) == by_pattern, repr(line)
    assert is_table_row("Cherry tomatoes 88g 175g 350g") and not is_table_row("Top ten things to do")
