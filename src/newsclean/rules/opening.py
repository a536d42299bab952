"""The story's opening paragraph drawn apart from its body: taken into the HTML region.

News pages print the headline, the byline and the dateline, then the story. Some draw its first
paragraph in a box of its own (beside the lead picture) and the rest in another box drawn the
same way, with a related list, a promotion or a photo caption between the two. The HTML region
(:mod:`newsclean.rules.html_region`) finds the long part; this module finds its opening.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS
from newsclean.rules.headline import headline
from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context, ancestors_and_self

#: At most this many paragraphs are an opening; more between the credit line and the body are
#: another part of the page. The openings the dev sets lose are one paragraph (dragnet-dev: six
#: news pages whose first paragraph is its own ``articleBody`` box; wcxb-dev: a blog's key points,
#: a health page's first paragraph under the headline); two allows a dateline paragraph split
#: from its first sentence.
OPENING_MAX_PARAGRAPHS = 2
#: A paragraph of the story may link a name or two; one whose text is more links than this is a
#: teaser or a promotion. The share the HTML region allows a sibling part of the story
#: (``html_region.SIBLING_MAX_LINK_DENSITY``).
OPENING_MAX_LINK_SHARE = 0.35


#: Paragraph elements: the story's text in one piece, not a box of the page.
PARAGRAPH_TAGS = frozenset({"p", "blockquote", "pre"})


def opening_paragraphs(
    ctx: Context, siblings: Sequence[int], core: int, prose: Sequence[float]
) -> frozenset[int]:
    """The paragraphs among the core's ``siblings`` that come before it, hold prose (``prose``:
    each container's positive weight) and carry no class, id or role: the story's opening, which
    the element around the core holds itself while the core is a box inside the story (a press
    release, a section of its own). A summary drawn under a class of its own is no such
    paragraph, nor is a note after the core (a blog's "follow the responses" line)."""
    first, last = spans(ctx)
    containers = ctx.containers
    return frozenset(
        c for c in siblings
        if containers[c].tag in PARAGRAPH_TAGS and not containers[c].marker
        and prose[c] > 0 and 0 <= last[c] < first[core]
    )


def look(ctx: Context, cid: int) -> tuple[str, str] | None:
    """How the page draws a box: its tag and class string (``None`` without a class)."""
    element = ctx.containers[cid].element
    cls = " ".join((element.get("class") or "").split()) if element is not None else ""
    return (ctx.containers[cid].tag, cls) if cls else None


def story_opening(
    ctx: Context,
    core: int,
    chosen: frozenset[int],
    weights: Sequence[float],
) -> frozenset[int]:
    """The boxes of the story's opening when it sits outside the region (``chosen``, around
    ``core``); ``weights`` are the region's block weights.

    The opening is the prose between the last credit line (a byline or a dateline) before the
    region, or the headline on a page that prints neither, and the region's first block, in a
    box that holds nothing else of the page and is drawn like the core's own (the same tag and
    class: the page's sign that both hold the story's text). A summary (dek) under the byline
    or the headline in a box of its own kind is not taken (the benchmarks' truth leaves it out),
    nor is prose under a heading of its own, a paragraph that is mostly links (a promotion, a
    teaser) or one in a furniture-named box (a caption, a related list), more than
    :data:`OPENING_MAX_PARAGRAPHS` paragraphs, or as much prose as the region holds.
    """
    blocks = ctx.blocks
    first, last = spans(ctx)
    start = min((first[c] for c in chosen if first[c] >= 0), default=-1)
    if start <= 0:
        return frozenset()
    credit = next(
        (j for j in range(start - 1, -1, -1) if (rule := ctx.decided[j]) is not None and rule.credit_line), -1
    )
    if credit < 0:
        h = headline(ctx)
        credit = h if h is not None and h < start else -1
    drawn = look(ctx, core)
    if credit < 0 or drawn is None:
        return frozenset()
    around_core = ancestors_and_self(ctx, core)
    added: set[int] = set()
    prose = 0.0
    for j in range(credit + 1, start):
        block = blocks[j]
        if ctx.decided[j] is not None or weights[j] <= 0:
            if block.heading_level and not added:
                return frozenset()  # prose under a heading of its own
            continue
        own_boxes = (ctx.containers[c] for c in block.containers if c not in around_core)
        if block.link_chars > OPENING_MAX_LINK_SHARE * len(block.text) or any(
            box.concepts & BOILERPLATE_CONCEPTS for box in own_boxes
        ):
            continue  # a promotion, a teaser or a caption between the opening and the body
        # the paragraph's boxes that hold nothing else of the page, outermost first
        boxes = [c for c in block.containers if credit < first[c] and last[c] < start]
        if boxes and any(look(ctx, c) == drawn for c in boxes):
            added.add(boxes[0])
            prose += weights[j]
            if len(added) > OPENING_MAX_PARAGRAPHS:
                return frozenset()
    if not added:
        return frozenset()
    end = max(last[c] for c in chosen) + 1
    inside = (i for i in range(start, end) if not chosen.isdisjoint(blocks[i].containers))
    if prose >= sum(weights[i] for i in inside if weights[i] > 0):
        return frozenset()
    return frozenset(added)
