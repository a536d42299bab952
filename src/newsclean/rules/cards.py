"""A listing page's cards inside its region: each card's linked headline goes with its blurb.

A page of cards (a section front, a buyer's guide index, a blog's home) draws each item as a
small group of blocks: a linked headline, a blurb of prose, a byline or a date. When the region
is such a page's list, its blurbs are kept as prose, but each headline, a heading made of one
link, reads as a link list and goes: the body becomes a run of blurbs without the names they
describe. A headline is the card's own when it opens a small group of blocks (an image's
credit line may come first) whose blurb is kept in the region, its link leads to another page
(an accordion's question is a heading made of one link too, to a panel of its own page), and the
region holds ``items.MIN_ITEMS`` such cards: a story's "read next" box of three teaser cards
does not make their headlines content. ``link-list`` spares them. Measured (issue #13, session
10): wcxb-dev 11 pages better / 2 worse, wceb2026-dev (not opened while building) 7 / 1, the
news sets 0 / 0 (docs/benchmarks.md, "Session 10: the page types that are not articles").
"""

from __future__ import annotations

import newsclean.rules.items as items
from newsclean.rules.html_region import block_weights
from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context
from newsclean.rules.teasers import TEASER_ITEM_MAX_BLOCKS

#: A card's headline is a heading whose text is at least this share links (a headline is one
#: link). At 0.72 wcxb-dev 4701 +0.011 (a card whose heading holds a label beside its link), at
#: 0.88 the same page -0.016; no other page of the six sets moves.
HEADLINE_LINK_SHARE = 0.8


def _to_page(href: str | None) -> bool:
    """A link to another page, not a toggle of this one (``#answer-3``, ``javascript:``): an
    accordion's question is a heading made of one link too."""
    return href is not None and href != "" and not href.startswith(("#", "javascript:"))


def card_headlines(ctx: Context) -> frozenset[int]:
    """The linked headlines of the region's cards, when the region holds ``items.MIN_ITEMS`` of
    them (computed once per region)."""
    return ctx.region_memo("card_headlines", lambda: _find(ctx))


def _find(ctx: Context) -> frozenset[int]:
    region = ctx.region.containers if ctx.region else frozenset()
    if not region:
        return frozenset()
    first, last = spans(ctx)
    weights = block_weights(ctx)
    blocks = ctx.blocks
    found: list[int] = []
    for i, block in enumerate(blocks):
        if not block.heading_level or block.link_chars < HEADLINE_LINK_SHARE * len(block.text):
            continue
        if region.isdisjoint(block.containers) or not any(_to_page(href) for _, href in block.links):
            continue
        chain = block.containers
        k = len(chain) - 1  # the card: the outermost container of few blocks around the headline
        while k > 0 and last[chain[k - 1]] - first[chain[k - 1]] < TEASER_ITEM_MAX_BLOCKS:
            k -= 1
        card = chain[k]
        if last[card] - first[card] >= TEASER_ITEM_MAX_BLOCKS or any(
            weights[j] > 0 or blocks[j].heading_level for j in range(first[card], i)
        ):
            continue  # not a small group the headline opens (an image's credit may come first)
        blurb = any(
            weights[j] > 0 and ctx.decided[j] is None and not blocks[j].heading_level
            for j in range(i + 1, last[card] + 1)
        )
        if blurb:
            found.append(i)
    return frozenset(found) if len(found) >= items.MIN_ITEMS else frozenset()
