"""A reply's quote of another post: a second copy of text the page already shows.

Forum software quotes the post a reply answers inside the reply, word for word, in a
``<blockquote>`` (XenForo's ``bbCodeBlock``, Invision's ``ipsQuote``, FluxBB's ``quotebox``,
NodeBB's "@name said in …"). The thread shows that post already, so the quote is the page's
text a second time; the reply's own words follow it. A quoted paragraph is removed when its text
is part of a paragraph kept before it in the region that lies outside the quoting element's
parent (another post), so a quote of something the page does not show (a law, a source, a
reader's letter) stays, and so does a story's pull quote set inside the body whose paragraph it
repeats.

Whether the benchmarks' truths keep such quotes depends on the page, not on the forum software
(issue #13, session 11): on wcxb-dev's forum pages the truth leaves the quotes out on ten pages
(XenForo, Invision, FluxBB, NodeBB, vBulletin…) and keeps them on five (the same software among
them), and wceb2026-dev's older truth of one page (0579) keeps what wcxb-dev's leaves out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from newsclean.rules.pipeline import Context, Mark, Rule

#: A quoted paragraph of at least this many words is taken for a copy of the post it repeats; a
#: shorter one ("Thanks!", "Same here.") may repeat by chance. Measured (issue #13, session 11):
#: at 3 and at 8 words the same pages move on wcxb-dev's forum and article pages; at 4 and 6 no
#: set's F1 moves by 0.001 (at most 3 pages move, by up to 0.012).
QUOTE_MIN_WORDS = 5


def quote_holders(ctx: Context) -> list[int]:
    """For each container, its outermost ``<blockquote>`` (itself or an ancestor), ``-1`` when
    it is not inside one (a container's parent comes before it)."""
    holders = [-1] * len(ctx.containers)
    for c, container in enumerate(ctx.containers):
        parent = container.parent
        if parent >= 0 and holders[parent] >= 0:
            holders[c] = holders[parent]
        elif container.tag == "blockquote":
            holders[c] = c
    return holders


def apply_quoted_copy(ctx: Context) -> Iterator[Mark]:
    """The region's quoted paragraphs (inside a ``<blockquote>``) of :data:`QUOTE_MIN_WORDS`
    words or more whose text is part of a kept paragraph before them that is not inside a quote
    and lies outside the quoting post: the nearest element around the quote that holds kept text
    of its own (a reply's body; for a story's pull quote in a ``<figure>``, the story)."""
    region = ctx.region
    if region is None or not region.containers:
        return
    containers = ctx.containers
    if not any(c.tag == "blockquote" for c in containers):
        return  # (most pages)
    quote_of = quote_holders(ctx)
    # The region's kept paragraphs outside quotes, joined into one text so that a quote is looked
    # up with one search in C rather than one per paragraph; ``starts`` maps an offset back.
    shown: list[str] = []
    starts: list[int] = []
    owners: list[int] = []
    quotes: list[int] = []
    holds_shown: set[int] = set()  # the containers that hold a shown paragraph
    offset = 0
    for i, block in enumerate(ctx.blocks):
        chain = block.containers
        if ctx.decided[i] is not None or not chain or region.containers.isdisjoint(chain):
            continue
        if quote_of[chain[-1]] >= 0:
            if len(block.text.split()) >= QUOTE_MIN_WORDS:
                quotes.append(i)
            continue
        shown.append(block.text)
        starts.append(offset)
        owners.append(i)
        holds_shown.update(chain)
        offset += len(block.text) + 1
    if not quotes or not shown:
        return
    joined = "\n".join(shown)
    # A post's shown paragraphs are one run of ``owners`` (a subtree's blocks are contiguous in
    # document order): where the quote's text recurs inside the quoting post, the search goes on
    # after that run (each post's run end found once), so a post that repeats a line a thousand
    # times is not searched a thousand times per quote.
    run_end: dict[int, int] = {}
    for i in quotes:
        text = ctx.blocks[i].text
        quoting = containers[quote_of[ctx.blocks[i].containers[-1]]].parent
        while quoting >= 0 and quoting not in holds_shown:  # (a pull quote's bare <figure>)
            quoting = containers[quoting].parent
        at = joined.find(text)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            owner = owners[k]
            if owner > i:
                break  # only what the page showed before the quote
            if quoting not in ctx.blocks[owner].containers:
                yield Mark(i)
                break
            end = run_end.get(quoting)
            if end is None:
                last = k
                while last + 1 < len(owners) and quoting in ctx.blocks[owners[last + 1]].containers:
                    last += 1
                end = starts[last] + len(shown[last]) + 1
                run_end[quoting] = end
            at = joined.find(text, max(end, at + 1))


QUOTED_COPY = Rule(
    "quoted-copy",
    "structure",
    "a reply's quote of another post the page already shows is a second copy of it",
    apply_quoted_copy,
    frozenset({"html"}),
    guard_may_undo=True,
)
