"""Plain text to blocks: one block per non-empty line, text kept as written.

A bullet that a converter drew in front of a list item ("• ", "* ", "- ", as inscriptis,
Resiliparse and Markdown converters do) is layout, not text: it is taken off and the block's kind
is ``li``, so a bulleted byline or date line reads like the same line without its bullet, and
the output does not depend on which converter scraped the page. Numbers ("1. ") are kept: they
are part of what the list says.

Some scrapers put a line break at every tag (BeautifulSoup's ``get_text("\\n")``, lxml's
``itertext``), so a paragraph with a link or an emphasis comes out in pieces: ``"The "``,
``"company shelved its plans"``, ``" for an initial public offering …"``. The single space such
a piece keeps at its cut edge, a piece that opens with a comma or a closing bracket, or one that
ends with an opening bracket, says the text runs on; the pieces are joined back into one line
(:func:`rejoin_fragments`). A scrape that ends lines at blocks only has none of these, so text
from html_text-like converters reads much as before (on the five shared sets 14 of html_text's
2,495 pages change score, 3 better by 0.02 or more, none worse by more than 0.001).

Short lines of labels glued together by a scraper (``Community standardsDiscussion``,
``ShareTweetEmail``) get their parts in ``Block.segments``; rules decide whether the parts
really are labels, so a name like "McDonald" is never cut in two.
"""

from __future__ import annotations

import re

from newsclean.blocks.model import Block
from newsclean.lazyre import KEEP_GIL, end_char, lazy

#: Lines longer than this are never treated as glued labels.
GLUED_MAX_CHARS = 80
_GLUE = lazy(r"(?<=[\p{Ll}\p{N}.!?)])(?=[\p{Lu}])")
#: :data:`_GLUE`'s cut in ASCII text, where the lower-case letters, digits and capitals are
#: these (``tests/test_text_blocks.py`` checks every pair of ASCII characters): an ASCII line
#: without one has no cut, and the standard library's scan for it costs less than the split
_ASCII_GLUE = re.compile(r"[a-z0-9.!?)][A-Z]")
_HAS_SPACE_SENTENCE = lazy(r"[.!?]\s")
#: what a :data:`_HAS_SPACE_SENTENCE` match opens with: a line holding none is not searched
_SENTENCE_STOPS = (".", "!", "?")


def split_glued(line: str) -> tuple[str, ...]:
    """The parts of a run of glued labels, or ``(line,)`` when it is not one."""
    if len(line) > GLUED_MAX_CHARS:
        return (line,)
    # (both tests below leave the line whole: the stdlib's scan of ASCII text first, and the
    # sentence search only on a line holding a stop)
    if line.isascii() and _ASCII_GLUE.search(line) is None:
        return (line,)
    if any(stop in line for stop in _SENTENCE_STOPS) and _HAS_SPACE_SENTENCE.search(line, 0, None, KEEP_GIL):
        return (line,)
    parts = tuple(part.strip() for part in _GLUE.split(line, 0, KEEP_GIL) if part.strip())
    return parts if len(parts) > 1 else (line,)


#: Characters that take no space on screen: a line of nothing else is an empty line (editors
#: leave zero-width spaces and stray byte-order marks between paragraphs).
_BLANK = lazy(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")
#: The characters of :data:`_BLANK` that ``str.strip`` leaves: a stripped line that does not open
#: with one is not blank (every ``\s`` is a space to ``str.strip``; ``tests/test_text_shortcuts.py``
#: checks every character), so the pattern is tried only on a line that does.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


#: A drawn bullet: a bullet symbol, or ``*``/``-`` as Markdown and plain-text converters write
#: them, then white space and the item. En and em dashes are not bullets: they open dialogue.
#: Nor is ``+``: inscriptis draws it before second-level items, on news pages mostly teaser and
#: menu lists (taking it off cost two scrapinghub pages their region, 0.937 -> 0.933).
_BULLET = lazy(r"[-*•·▪◦‣∙●○■□►▸✓]\s+(?=\S)")
#: the characters a :data:`_BULLET` match opens with: a line opening with none is not matched
_BULLET_FIRST = frozenset("-*•·▪◦‣∙●○■□►▸✓")


#: A piece that opens with closing punctuation was cut off the text before it: no line of a
#: block-by-block scrape starts with a comma or a closing bracket.
_CLOSES = lazy(r"[,;:)\]}]|[.!?](?:\s|$)")
#: The next piece continues a sentence: it opens in lower case or with closing punctuation
#: (no quotes, for the reason given at :data:`_OPENS`).
_CONTINUES = lazy(r"\p{Ll}|" + _CLOSES.pattern)
#: The piece before ends mid-phrase: an opening bracket, a dash, or a lower-case word
#: ("said ", "the "); a capitalised last word ("By Marcus Hill ") may end a byline or a label.
#: Only a piece that is itself a fragment counts (see :data:`FRAGMENT_MAX_WORDS`): a headline
#: ends in a lower-case word as often as not ("… over founder's deals ").
_RUNS_ON = lazy(r"(?:[(\[{—–-]|\b\p{Ll}[\p{Ll}'’-]*)$")
#: A piece that ends with an opening bracket was cut from the text after it. Quotes are left
#: out: which mark opens and which closes differs by language (German „…“, »…«).
_OPENS = lazy(r"[(\[{]$")
#: what :data:`_OPENS` looks for: only the last character (or the one before a final newline)
#: is read, where the search tried every position (``tests/test_text_shortcuts.py``)
_OPENS_CHARS = frozenset("([{")
_SPACES = lazy(r" {2,}")
#: A piece of at most this many words, or one that opens in lower case or with punctuation, is
#: a fragment of a sentence ("The ", "said ", "by "); a longer piece that opens in capitals may
#: be a line of its own (a headline) even when its last word is in lower case.
FRAGMENT_MAX_WORDS = 3
#: ... and then only a short capitalised piece after it joins it: a link's or a name's text
#: ("Adam Neumann", "Reuters"), not a whole paragraph under a headline.
LINK_TEXT_MAX_WORDS = 6


def _ends_open(text: str) -> bool:
    """``_OPENS.search(text)``, by the one character its ``$`` reads (:func:`lazyre.end_char`)."""
    return end_char(text) in _OPENS_CHARS


def _is_blank(line: str) -> bool:
    """``_BLANK.fullmatch(line)`` of a stripped line (see :data:`_ZERO_WIDTH`)."""
    return line[:1] in _ZERO_WIDTH and _BLANK.fullmatch(line, 0, None, KEEP_GIL) is not None


def _cut_edge(tail: str, raw: str) -> bool:
    """Whether white space is left at the cut between two lines (``tail``: the last two
    characters of the first): one trailing space, or one leading space. Two or more are a
    layout's indentation or a table cell's padding."""
    return (tail[-1:] == " " and tail[-2:-1] not in (" ", "\t")) or (
        raw[:1] == " " and raw[1:2] not in (" ", "\t")
    )


def _is_fragment(piece: str, joined: bool) -> bool:
    """A piece of a sentence rather than a line of its own (see :data:`FRAGMENT_MAX_WORDS`)."""
    return joined or not piece[:1].isupper() or len(piece.split()) <= FRAGMENT_MAX_WORDS


def _joins(tail: str, last: str, raw: str, joined: bool) -> bool:
    """Whether a tag boundary, not a block boundary, split the line being built from ``raw``.

    ``tail`` is that line's last two characters and ``last`` its last piece (the whole line
    while ``joined`` is false): everything the test reads of it lies there, since pieces are
    only ever glued without a space where one side is punctuation.
    """
    after = raw.lstrip()
    if raw[:1] not in (" ", "\t") and _CLOSES.match(after, 0, None, KEEP_GIL):
        return True
    before = last.strip()
    if _ends_open(before):
        return True
    if not _cut_edge(tail, raw):
        return False
    if _CONTINUES.match(after, 0, None, KEEP_GIL) or before == ":":
        # (a colon that came as a piece of its own ends a bold label, "<b>Pricing</b>: From
        # $5,000": the value after it is that line's; a colon inside a piece, "Meg B says: ",
        # may end a comment's or a field's header, whose text is a line of its own)
        return True
    if _RUNS_ON.search(before, 0, None, KEEP_GIL) is None:
        return False
    return _is_fragment(before, joined) or len(after.split()) <= LINK_TEXT_MAX_WORDS


def rejoin_fragments(lines: list[str]) -> list[str]:
    """Join the pieces of paragraphs that a scraper cut at every tag (see the module doc).

    Two non-empty neighbours join when the next opens with closing punctuation, or when white
    space marks their cut edge and the text runs on across it (:data:`_CONTINUES` after,
    :data:`_RUNS_ON` before, or a colon that came as a piece of its own before). A blank line
    always ends a block. A joined line has its runs of spaces squeezed to one. Linear: each
    line's pieces are collected and joined once.
    """
    out: list[list[str]] = []  # each output line as its pieces
    tail = ""  # the last two characters of out[-1], '' at the start and after a blank line
    last = ""  # the last piece of out[-1]
    joined = False  # whether out[-1] is made of pieces already
    for raw in lines:
        if not raw.strip():
            out.append([raw])
            tail, last, joined = "", "", False
        elif tail and _joins(tail, last, raw, joined):
            line = out[-1]
            if not joined:
                line[0] = _SPACES.sub(" ", line[0], 0, None, None, KEEP_GIL)
            piece = _SPACES.sub(" ", raw, 0, None, None, KEEP_GIL)
            if piece[:1] == " " and line[-1][-1:] == " ":
                piece = piece[1:]  # the space the two pieces share, squeezed to one
            tail = (line[-1][-2:] + piece)[-2:]
            line.append(piece)
            last, joined = piece, True
        else:
            out.append([raw])
            tail, last, joined = raw[-2:], raw, False
    return ["".join(pieces) for pieces in out]


def build_blocks(text: str) -> list[Block]:
    """One :class:`Block` per line that shows something; bulleted lines lose the bullet."""
    blocks: list[Block] = []
    for raw in rejoin_fragments(text.splitlines()):
        line = raw.strip()
        if not line or _is_blank(line):
            continue
        kind = "line"
        bullet = _BULLET.match(line, 0, None, KEEP_GIL) if line[0] in _BULLET_FIRST else None
        if bullet is not None:
            line, kind = line[bullet.end() :], "li"
        blocks.append(Block(text=line, index=len(blocks), kind=kind, segments=split_glued(line)))
    return blocks
