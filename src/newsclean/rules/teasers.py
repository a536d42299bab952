"""Teasers for other stories on an HTML page: a snippet the site cut short, and a list of them.

A snippet cut short with an ellipsis weighs nothing in the HTML region (:mod:`newsclean.rules.
html_region`), so a ticker of headline + snippet items cannot outweigh the story beside it. A
list of such items (:func:`teaser_snippets`) also stops the region's climb from the story to a
wrapper that holds the list beside it, and its snippets are no content the region widens to
(:func:`newsclean.rules.page_kind.content_area`).
"""

from __future__ import annotations

from newsclean.rules.features import word_count
from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context

#: How a teaser's snippet ends: the site cut the story's first sentences short.
TRUNCATION_MARKS = ("...", "…", "[…]", "[...]", "(...)")
#: A snippet is short (WordPress cuts its excerpts at 55 words): a longer paragraph that trails
#: off in an ellipsis is the writer's own ("… other weddings you could pair this cake with…").
#: At 60 (issue #13): dragnet-dev 1 page better / 0 worse, wcxb-dev 0 / 1, other sets 0 / 0; at
#: 54 and 66 (-/+10 %) every set moves by at most 0.001 (1 / 1 and 1 / 0 pages on wcxb-dev).
TEASER_MAX_WORDS = 60

#: A snippet is the item's text, not its link: one that is more than half link is a headline or
#: a link list (the region's :data:`~newsclean.rules.html_region.LINK_BLOCK_SHARE`).
SNIPPET_MAX_LINK_SHARE = 0.5


def cut_short(text: str) -> bool:
    """Whether ``text`` is a snippet the site cut short: an ellipsis ends it, and it is short."""
    return text.endswith(TRUNCATION_MARKS) and word_count(text) <= TEASER_MAX_WORDS


#: An item of a teaser list holds at most this many blocks (headline, snippet, date, "Read
#: more") …
TEASER_ITEM_MAX_BLOCKS = 5
#: … and a list holds at least this many items whose snippet is cut short (:func:`cut_short`):
#: a story's own paragraphs that trail off in an ellipsis sit together in one container, not
#: one per item. Measured (issue #13, session 7): dragnet-dev 5 pages better / 0 worse (one
#: site's "What's New" box), every other set 0 / 0; at 2 or 4 items, and at 4 or 6 blocks an
#: item, no page of any set moves.
TEASER_LIST_MIN_ITEMS = 3


def teaser_snippets(ctx: Context) -> frozenset[int]:
    """The blocks that are snippets of a teaser list: cut short (:func:`cut_short`), each
    in a small item of its own, at least :data:`TEASER_LIST_MIN_ITEMS` items in one list."""
    cached: frozenset[int] | None = ctx.cache.get("teaser_snippets")
    if cached is not None:
        return cached
    first, last = spans(ctx)
    per_list: dict[int, dict[int, list[int]]] = {}  # list -> item -> its snippets
    for i, block in enumerate(ctx.blocks):
        text = block.text
        linked = block.link_chars > SNIPPET_MAX_LINK_SHARE * len(text)
        if block.heading_level or linked or not cut_short(text):
            continue
        chain = block.containers
        k = len(chain) - 1  # the item: the outermost container of few blocks around the snippet
        while k > 0 and last[chain[k - 1]] - first[chain[k - 1]] < TEASER_ITEM_MAX_BLOCKS:
            k -= 1
        if k > 0 and last[chain[k]] - first[chain[k]] < TEASER_ITEM_MAX_BLOCKS:
            per_list.setdefault(chain[k - 1], {}).setdefault(chain[k], []).append(i)
    found = frozenset(
        i
        for items in per_list.values()
        if len(items) >= TEASER_LIST_MIN_ITEMS
        for snippets in items.values()
        for i in snippets
    )
    ctx.cache["teaser_snippets"] = found
    return found
