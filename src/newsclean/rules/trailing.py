"""Headings left at the end of the article with nothing of theirs after them.

A heading introduces what follows it. When the rules removed everything after the article's last
kept heading (the "Related articles" list, the "More from us" teasers, the tag cloud under a
"Tags" heading, a shop's carousel), the heading is what is left of a section that is not the
story's: it goes too. The rules before it decide what the section was; this one only tidies the
end of what they kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.lazyre import lazy
from newsclean.rules.features import HEADLINE_MAX_CHARS
from newsclean.rules.pipeline import Context, Mark, Rule

#: A full stop at the end of a text (before closing quotes or brackets): a statement, not a title.
#: A "heading" that ends with one (a source line, a sentence set in a heading tag) is the page's
#: text, and stays (wcxb-dev: a health page's "Sources: …, Android." in an ``h6``).
_STATEMENT_END = lazy(r"[.。][\"'”’»)\]）」』]*\s*$")


def is_title(text: str) -> bool:
    """Whether a heading's text reads as a title: no longer than a headline
    (:data:`~newsclean.rules.features.HEADLINE_MAX_CHARS`), not ending with a full stop."""
    return len(text) <= HEADLINE_MAX_CHARS and _STATEMENT_END.search(text) is None


def apply_trailing_heading(ctx: Context) -> Iterator[Mark]:
    """The kept headings (``h1``–``h6``) after the article's last kept block that is not a
    heading, when they read as titles. Nothing is taken when the article kept only headings."""
    decided = ctx.decided
    blocks = ctx.blocks
    trailing: list[int] = []
    for i in range(len(blocks) - 1, -1, -1):
        if decided[i] is not None:
            continue
        block = blocks[i]
        if not block.heading_level or not is_title(block.text):
            break
        trailing.append(i)
    else:
        return  # nothing but headings is kept: they are all the article there is
    for i in reversed(trailing):
        yield Mark(i)


TRAILING_HEADING = Rule(
    "trailing-heading",
    "structure",
    "a heading left at the end of the article with everything after it removed",
    apply_trailing_heading,
    frozenset({"html"}),
    guard_may_undo=True,
)
