"""``phrases.normalize_label`` takes printable ASCII text apart without its two substitutions
(``_ASCII_EDGES``): the answer must stay the substitutions' own, character by character and on
every short line of the fixtures."""

from __future__ import annotations

import string
from pathlib import Path

from newsclean.lazyre import KEEP_GIL
from newsclean.phrases import _ASCII_EDGES, _EDGES, _SPACES, LABEL_MAX_CHARS, normalize_label

FIXTURES = Path(__file__).parent / "fixtures"


def _by_substitution(text: str) -> str:
    """The substitutions every text took before the ASCII shortcut (still taken by the rest)."""
    edges = _EDGES.sub("", text, 0, None, None, KEEP_GIL)
    return _SPACES.sub(" ", edges, 0, None, None, KEEP_GIL).replace("İ", "i").casefold()


def test_the_ascii_edges_are_what_the_pattern_strips() -> None:
    for char in string.printable:
        if char.isprintable():
            assert (char in _ASCII_EDGES) == (_EDGES.fullmatch(char) is not None), repr(char)


def test_labels_by_hand() -> None:
    assert normalize_label("  Share this!  ") == "share this"
    assert normalize_label("(3) COMMENTS") == "comments"
    assert normalize_label("Read   more >>") == "read more"
    assert normalize_label("1. Read more »") == "read more"  # (not ASCII: the substitutions)
    assert normalize_label("Tab\tbed") == "tab bed"  # (a tab is not printable: the substitutions)
    assert normalize_label("!!! 42 ???") == ""
    assert normalize_label("x" * (LABEL_MAX_CHARS + 1)) == ""


def test_every_short_fixture_line_as_the_substitutions_make_it() -> None:
    lines = [
        line
        for path in sorted(FIXTURES.rglob("input.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line) <= LABEL_MAX_CHARS
    ]
    assert sum(line.isascii() for line in lines) > 200
    # control characters Python splits on although ``\s`` does not (file and group separators)
    lines += ["a\x1cb", "\x1f", "a \x0b b", "x\x7f", " \u00a0Share\u2009this\u00a0 "]
    for line in lines:
        assert normalize_label(line) == _by_substitution(line), repr(line)
