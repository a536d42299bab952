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


def build_blocks(text: str) -> list[Block]:
    """One :class:`Block` per line that shows something."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not _BLANK.fullmatch(line):
            blocks.append(Block(text=line, index=len(blocks), segments=split_glued(line)))
    return blocks
