"""Plain text to blocks: one block per non-empty line, text kept exactly as written.

Short lines of labels glued together by a scraper (``Community standardsDiscussion``,
``ShareTweetEmail``) get their parts in ``Block.segments``; rules decide whether the parts
really are labels, so a name like "McDonald" is never cut in two.
"""

from __future__ import annotations

import regex

from newsclean.blocks.model import Block

#: Lines longer than this are never treated as glued labels.
GLUED_MAX_CHARS = 80
_GLUE = regex.compile(r"(?<=[\p{Ll}\p{N}.!?)])(?=[\p{Lu}])")
_HAS_SPACE_SENTENCE = regex.compile(r"[.!?]\s")


def split_glued(line: str) -> tuple[str, ...]:
    """The parts of a run of glued labels, or ``(line,)`` when it is not one."""
    if len(line) > GLUED_MAX_CHARS or _HAS_SPACE_SENTENCE.search(line):
        return (line,)
    parts = tuple(part.strip() for part in _GLUE.split(line) if part.strip())
    return parts if len(parts) > 1 else (line,)


#: Characters that take no space on screen: a line of nothing else is an empty line (editors
#: leave zero-width spaces and stray byte-order marks between paragraphs).
_BLANK = regex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")


#: A line the scraper broke inside a sentence, at an inline element (BeautifulSoup's
#: ``get_text("\n")`` puts every link on a line of its own: ``The `` / ``company shelved its
#: plans`` / `` for an initial public offering``): the space between the words stays at the
#: end of one piece or the start of the next, or the next piece starts with punctuation that
#: never opens a line. Such pieces are joined back into one line (a piece after a trailing
#: space only when it starts in lower case: "Title " above a paragraph is no broken sentence),
#: unless the first one ends a sentence.
_BROKEN_END = regex.compile(r"\S[ \t]+$")  # ... with the next piece in lower case
_LOWER_START = regex.compile(r"^\p{Ll}")
_BROKEN_START = regex.compile(r"^(?:[ \t]\S|[,;:.!?)\]])")
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", ":")


def _lines(text: str) -> list[str]:
    """The text's lines, with the pieces of a sentence broken at inline markup joined again."""
    lines: list[str] = []
    for raw in text.splitlines():
        if (
            lines
            and raw.strip()
            and lines[-1].strip()
            and not lines[-1].rstrip().endswith(_SENTENCE_END)
            and (_BROKEN_START.match(raw) or (_BROKEN_END.search(lines[-1]) and _LOWER_START.match(raw)))
        ):
            spaced = lines[-1][-1:].isspace() or raw[:1].isspace()
            lines[-1] = lines[-1].rstrip() + (" " if spaced else "") + raw.lstrip()
        else:
            lines.append(raw)
    return lines


def build_blocks(text: str) -> list[Block]:
    """One :class:`Block` per line that shows something (a sentence broken at inline markup
    counts as one line, see ``_BROKEN_END``)."""
    blocks: list[Block] = []
    for raw in _lines(text):
        line = raw.strip()
        if line and not _BLANK.fullmatch(line):
            blocks.append(Block(text=line, index=len(blocks), segments=split_glued(line)))
    return blocks
