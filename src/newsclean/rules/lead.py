"""The story's lead (standfirst): the one paragraph between the headline and the story's body."""

from __future__ import annotations

from collections.abc import Callable

from newsclean.rules.features import word_count
from newsclean.rules.html_region import block_weights
from newsclean.rules.pipeline import Context

#: The family whose class words a story's lead (standfirst) wears inside the article: a
#: ``teaser``, ``article-teaser`` or ``teaser-text`` box is a ``related`` word. The lead in such
#: a box is spared by related-markup, and by navigation-markup too when the box sits in the
#: article's header. Measured (issue #13, against f2e3383, all six sets): trafilatura-eval-dev
#: 0.916 -> 0.917 (with-snippets kept 92.2 % -> 92.5 %), 4 pages better / 0 worse, every other
#: set 0 / 0. Sparing every lead from navigation words and outside the region too (a
#: ``subtitle``, ``summary`` or ``excerpt`` box beside the body's container) won
#: trafilatura-eval-dev 20 / 0 (0.923) but lost scrapinghub 0 / 7, wceb2026-dev 2 / 14 and
#: wcxb-dev 6 / 22: their truth leaves a dek, summary or excerpt under the headline out.
LEAD_FAMILIES = frozenset({"related"})


def story_lead(ctx: Context, span_of: Callable[[], tuple[int, int] | None], min_words: int) -> int:
    """The story's lead (standfirst), or -1: the one paragraph of link-free prose (``min_words``
    or more) between the page's headline (an ``h1``) and the article's first own paragraph
    (the first block of ``span_of()``, the article's prose span, asked only when the lead is
    first worked out: the answer is kept with the region), with nothing but short lines (a
    dateline, a byline, a caption, a share bar) on either side of it. Sites draw it in a box of
    its own named like a teaser (``article-teaser``, ``teaser-text``), which the
    markup rules spare inside the article region (:data:`LEAD_FAMILIES`). A box of two
    paragraphs, one under another heading, one with no headline above it or one beside a
    picture (a caption) is not a lead and still goes; so does a lead outside the region."""
    return ctx.region_memo("html_story_lead", lambda: _find_story_lead(ctx, span_of(), min_words))


def _find_story_lead(ctx: Context, span: tuple[int, int] | None, min_words: int) -> int:
    if span is None:
        return -1
    weights = block_weights(ctx)
    blocks = ctx.blocks

    def prose(j: int) -> bool:
        return weights[j] > 0 and not blocks[j].links and word_count(blocks[j].text) >= min_words

    lead = -1
    for j in range(span[0] - 1, -1, -1):
        block = blocks[j]
        if block.heading_level:
            if lead < 0 or block.heading_level != 1:
                return -1
            shared = set(block.containers) | set(blocks[span[0]].containers)
            return -1 if _in_photo_box(ctx, blocks[lead].containers, shared) else lead
        if prose(j):
            if lead >= 0:
                return -1  # two paragraphs above the story: not one lead
            lead = j
    return -1


_PICTURE_TAGS = ("img", "picture", "figure")


def _in_photo_box(ctx: Context, containers: tuple[int, ...], shared: set[int]) -> bool:
    """Whether an element around the lead that holds neither the headline nor the story holds a
    picture: the paragraph is the photo's caption (a news agency's long one), not the lead."""
    for cid in containers:
        element = ctx.containers[cid].element
        if cid not in shared and element is not None and next(element.iter(*_PICTURE_TAGS), None) is not None:
            return True
    return False
