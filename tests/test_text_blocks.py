"""Text input to blocks: pieces of a paragraph cut at every tag are joined back, and only those.

The cases are written the way ``BeautifulSoup.get_text("\\n")`` lays out a paragraph with links
and emphasis (a piece per text node, white space kept at the cut edges); the QUIET cases are
lines a block-by-block scrape gives, which must come out one block each as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.blocks import text as text_blocks
from newsclean.blocks.text import build_blocks, rejoin_fragments

JOINED = [
    # a link in mid-sentence: the text before keeps its trailing space, the text after its leading one
    (["The ", "company shelved its plans", " for an initial public offering."],
     "The company shelved its plans for an initial public offering."),
    # a link followed by a comma: the comma cannot open a line of its own
    (["said ", "Adam Neumann", ", the founder."], "said Adam Neumann, the founder."),
    # an agency credit in brackets: "(" / "Reuters" / ") — …"
    (["(", "Reuters", ") — The inquiry began on Monday."], "(Reuters) — The inquiry began on Monday."),
    # an emphasised word opening a lower-case continuation
    (["Il a ", "démissionné", " la semaine dernière."], "Il a démissionné la semaine dernière."),
    # a bold label, its colon as a piece of its own, then the item's text in capitals
    (["Content creation", ": ", "After the strategy, the agency posts the photos"],
     "Content creation: After the strategy, the agency posts the photos"),
]


@pytest.mark.parametrize(("pieces", "paragraph"), JOINED)
def test_pieces_of_one_paragraph_are_joined(pieces: list[str], paragraph: str) -> None:
    assert [b.text for b in build_blocks("\n".join(pieces))] == [paragraph]


QUIET = [
    # block-by-block scrape: no white space at any edge
    ["Son of former German president stabbed to death in Berlin", "By JERUSALEM POST STAFF",
     "NOVEMBER 20, 2019 10:43", "The son of the former president was stabbed to death."],
    # a sloppy trailing space after a byline: the capitalised name may end the line, and the
    # next line opens in capitals
    ["By Marcus Hill ", "Published: 3/4/2021 9:05 AM EST"],
    # a layout's indentation (two spaces or more) is not a cut edge
    ["Menu", "  home", "  sports"],
    # a German closing quote is no opening bracket: the label under the quote stays its own line
    ["„Wir müssen bei der Digitalisierung der Energiewende jetzt Tempo aufzunehmen.“", "Zurück zur Übersicht"],
    # a blank line always ends a block
    ["The minister said ", "", "after the vote the chamber emptied."],
    # a comment's header whose colon sits inside its piece: the comment is a line of its own
    ["Meg B says: ", "Thank goodness the tumour was benign."],
]


@pytest.mark.parametrize("lines", QUIET)
def test_lines_of_a_block_by_block_scrape_stay_apart(lines: list[str]) -> None:
    expected = [line.strip() for line in lines if line.strip()]
    assert [b.text for b in build_blocks("\n".join(lines))] == expected


def test_rejoin_keeps_blank_lines_and_joins_only_across_cut_edges() -> None:
    assert rejoin_fragments(["a ", "b", "", "C"]) == ["a b", "", "C"]


def test_the_ascii_glue_cuts_where_the_pattern_does() -> None:
    for first in map(chr, range(128)):
        for second in map(chr, range(128)):
            pair = first + second
            cut = text_blocks._GLUE.search(pair, 1) is not None
            assert cut == (text_blocks._ASCII_GLUE.search(pair) is not None), repr(pair)


def _split_by_pattern(line: str) -> tuple[str, ...]:
    """``split_glued`` without its ASCII shortcut."""
    if len(line) > text_blocks.GLUED_MAX_CHARS or text_blocks._HAS_SPACE_SENTENCE.search(line):
        return (line,)
    parts = tuple(part.strip() for part in text_blocks._GLUE.split(line) if part.strip())
    return parts if len(parts) > 1 else (line,)


def test_glued_labels_on_every_fixture_line_as_the_pattern_splits_them() -> None:
    lines = [
        line
        for path in sorted((Path(__file__).parent / "fixtures").rglob("input.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines += ["ShareTweetEmail", "Community standardsDiscussion", "McDonald", "iPhone", "  "]
    assert sum(len(_split_by_pattern(line)) > 1 for line in lines) > 2
    for line in lines:
        assert text_blocks.split_glued(line) == _split_by_pattern(line), repr(line)
    assert text_blocks.split_glued("ShareTweetEmail") == ("Share", "Tweet", "Email")  # (by hand)
