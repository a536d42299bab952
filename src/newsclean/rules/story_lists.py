"""Links that are the story's own text: the entries of its lists and the names over its entries.

``link-list`` (:mod:`newsclean.rules.markup`) removes a short block made almost only of links.
Between the article's own paragraphs (the caller checks that the block is in the story's flow)
three shapes of such blocks are the story's text, not a menu:

* an entry of a list whose entries are linked only here and there (:func:`mixed_list_item`);
* a linked name on the first line of a paragraph element whose later lines are the text about
  it (:func:`linked_lead_line`);
* an entry of a list whose other entries link and say something of their own
  (:func:`commented_list_item`).
"""

from __future__ import annotations

from newsclean.blocks.model import Block
from newsclean.rules.features import is_prose, word_count
from newsclean.rules.html_region import block_weights
from newsclean.rules.pipeline import Context

#: A run of short lines drawn alike (the same tag in the same element, none of them prose) that
#: holds at least this many unlinked lines the rules keep and this many linked ones is a list of
#: the story's own whose entries are linked here and there (the places of a tour, a reading
#: list). A menu links every entry (its current page's at most goes unlinked), and a card's
#: "Know more" button or web address is one linked line beside its unlinked facts. At 3
#: (session 8, all six sets against 5a35a85): dragnet-dev R84 +0.08, wcxb-dev 4398, 4698 and
#: wceb2026-dev/wcxb-dev 0313 better, no page worse; with two kept unlinked lines and no count
#: of linked ones, cards' "Know more" buttons, web addresses and a forum's "Click to expand..."
#: came back: wceb2026-dev 6 better / 4 worse, wcxb-dev 11 / 5, dragnet-dev 6 / 5.
MIXED_RUN_MIN_LINES = 3
_LABEL_ENDS = (":", "：")


def _list_line(block: Block, like: Block, max_words: int) -> bool:
    """Whether ``block`` is drawn like ``like``: the same tag in the same element, short, no prose."""
    return (
        block.kind == like.kind
        and not block.heading_level
        and block.containers[:-1] == like.containers[:-1]
        and word_count(block.text) <= max_words
        and not is_prose(block.text)
    )


def _web_address(text: str) -> bool:
    """A written-out web address ("wein-rust.at"): a card's contact line, not a list's entry."""
    return " " not in text and "." in text.strip(".")


def mixed_list_item(ctx: Context, i: int, link_density: float, max_words: int) -> bool:
    """Whether the linked block ``i`` is one entry of a list of the story's own: the run of short
    lines drawn alike around it (none prose, at most ``max_words`` words) holds at least
    ``MIXED_RUN_MIN_LINES`` lines this link-dense (``link_density``) and as many unlinked lines
    the rules keep. A line ending in a colon is a label of the link after it, not an entry, and
    a written-out web address is a card's contact line (a run of cards, each with its address
    and its site, is no list of the story's)."""
    blocks = ctx.blocks
    block = blocks[i]
    if _web_address(block.text):
        return False
    plain = 0
    linked = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and _list_line(blocks[j], block, max_words):
            line = blocks[j]
            if ctx.decided[j] is not None:
                pass
            elif not line.link_chars and not line.text.endswith(_LABEL_ENDS):
                plain += 1
            elif line.link_density >= link_density and not _web_address(line.text):
                linked += 1
            if plain >= MIXED_RUN_MIN_LINES and linked >= MIXED_RUN_MIN_LINES:
                return True
            j += step
    return False


def linked_lead_line(ctx: Context, i: int) -> bool:
    """Whether block ``i`` is a linked line that opens a paragraph element whose later lines hold
    prose (``<p><a>Name: title</a><br>where<br>text about it</p>``): the name of a roundup's
    entry over its text, as ``linked_subhead`` spares it in a heading. Another link before the
    prose (a run of links over a remark) and a teaser's cut-short snippet (it weighs nothing)
    are no such text, so a teaser card still goes."""
    blocks = ctx.blocks
    own = blocks[i].containers
    if not own or (i > 0 and blocks[i - 1].containers == own):
        return False  # not the element's first line
    weights = block_weights(ctx)
    j = i + 1
    while j < len(blocks) and blocks[j].containers == own and not blocks[j].link_chars:
        if ctx.decided[j] is None and weights[j] > 0:
            return True
        j += 1
    return False


#: A list between the story's paragraphs that holds at least this many entries with a link and
#: enough words of their own to stay under the link-list density (``Title – 15.7%``, ``Name
#: (review)``) is the story's list of linked things with a word on each: its entries whose linked
#: part happens to be longer are the same list's. A menu or a box of headlines links its entries
#: whole, so none of its entries counts. At 3 (session 10, all six sets against b4f5b51): 18
#: pages better, 6 worse (the worst -0.010), every set's F1 the same or higher; at 2, 19 / 6; at
#: 4, 16 / 4 (dragnet-dev R780 +0.157 at every value); no set's F1 moves by 0.001 at 2 or 4.
COMMENTED_LIST_MIN_ENTRIES = 3
_LIST_TAGS = frozenset({"ul", "ol"})


def commented_list_item(ctx: Context, i: int, link_density: float) -> bool:
    """Whether the linked block ``i`` is an entry of a list (``ul``/``ol``) whose other entries
    the rules keep while they carry a link too: at least ``COMMENTED_LIST_MIN_ENTRIES`` entries
    of the same outermost list below ``link_density`` and holding a link."""
    blocks = ctx.blocks
    containers = ctx.containers
    outer = next((cid for cid in blocks[i].containers if containers[cid].tag in _LIST_TAGS), None)
    if outer is None:
        return False
    kept = 0
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and outer in blocks[j].containers:
            line = blocks[j]
            if (ctx.decided[j] is None and line.link_chars and not line.heading_level
                    and line.link_density < link_density):
                kept += 1
                if kept >= COMMENTED_LIST_MIN_ENTRIES:
                    return True
            j += step
    return False


def story_list_entry(ctx: Context, i: int, link_density: float, max_words: int) -> bool:
    """Whether the link-dense block ``i``, which the caller found between the story's own
    paragraphs, is the story's text by one of the three shapes above."""
    return (
        mixed_list_item(ctx, i, link_density, max_words)
        or linked_lead_line(ctx, i)
        or commented_list_item(ctx, i, link_density)
    )
