"""The story starts at its headline: the HTML region's core is not a box beside it.

The HTML region (:mod:`newsclean.rules.html_region`) takes as its core the container where the
prose concentrates. Beside a story of a few short paragraphs, that is often a sidebar's "about
this blog" text, a footer's legal note or a comment form's notice. The headline (the heading
that repeats the page title) says where the story is: a core held apart from it by page
furniture (named so, or shaped so: more links and labels than a story holds) gives way to the
best container around the first prose under the headline. A story with no prose of its own (a
picture with its credits, a post written in headings or in short lines) gives way to a box a
class names furniture too: the box that holds the headline and the lines under it is the core.
A box that ends the page's prose after a longer story spread under the headline (a shipping
box shown over the story, a category's text at the page foot) gives way to the story's best
container (:func:`story_above_box`).
"""

from __future__ import annotations

from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS
from newsclean.rules.metadata import repeats_title
from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context, ancestors_and_self

#: The core is taken from the prose under the headline when the prose around it weighs at least
#: this share of the best container's elsewhere on the page (a container that page furniture
#: holds apart from the headline). At 0.3 (session 5, set on the dragnet-dev pages it fixed,
#: where the story weighed 0.34-0.78 of the sidebar or footer box) shorter stories still lost to
#: the box: a blog post that is a list of links with a few words each, a page's one-paragraph
#: notice, weighing 0.13-0.27 of a profile box or a menu's blurbs. At 0.1
#: (session 7, all six sets in one run against 0.3): 6 pages better, 0 worse (dragnet-dev 3,
#: wceb2026-dev 2, trafilatura-eval-dev 1; scrapinghub and wcxb-dev unchanged); 0.08-0.12 give
#: the same pages. At 0.05 the prose under a headline at 5-8 % of the box is a hero blurb
#: or a teaser over the article that a furniture-named box holds: 8 better, 6 worse.
ANCHOR_SHARE = 0.1
#: The best container is "detached" from the headline when this much prose (characters of
#: weight) lies between the headline and its first block, outside it: more than a standfirst's
#: few words, less than the shortest story fixed (two short paragraphs, about 125 characters of
#: weight). At 90 and 110 every set gives the same figures as at 100.
DETACHED_PROSE = 100.0
#: A container no class names as furniture is furniture by its shape when its link lists, menus
#: and labels (the negative block weights inside it) weigh at least this share of its prose: an
#: unnamed sidebar column around a blog's disclaimer, a page-foot box of links around a browser
#: notice (session 8, dragnet-dev R399 and 268, both wholly lost before). Measured on all six
#: sets: 0.3-0.5 give the same pages (dragnet-dev 2 better, wcxb-dev 4584 -0.027 worse); at
#: 0.15 a story's own wrapper with its tabs and tools (about 20 % of its prose) reads as
#: furniture (dragnet-dev 453 -0.19, 509 -0.19, wcxb-dev 4290 -0.24); at 0.7 the page-foot box
#: of 268 (links at about 0.67 of its notice) is no longer furniture.
FURNITURE_SHAPE = 0.5


def headline(ctx: Context) -> int | None:
    """The first heading that repeats the page title: where the story starts (worked out once
    per page: the blocks and the title do not change)."""
    if "headline" not in ctx.cache:
        ctx.cache["headline"] = _find_headline(ctx)
    found: int | None = ctx.cache["headline"]
    return found


def _find_headline(ctx: Context) -> int | None:
    title = (ctx.title or "").casefold().strip()
    if not title:
        return None
    for i, block in enumerate(ctx.blocks):
        if block.heading_level and repeats_title(block.text, title):
            return i
    return None


def in_furniture(
    ctx: Context,
    core: int,
    headline_chain: tuple[int, ...],
    mass: tuple[float, ...],
    positive: list[float],
) -> bool:
    """Whether page furniture lies between the core and the nearest container it shares with
    the headline: a container named so (sidebar, footer, comments…) or, by the containers'
    ``mass`` and ``positive`` weights (:class:`newsclean.rules.html_region.Scores`), one whose
    menus, link lists and labels weigh at least :data:`FURNITURE_SHAPE` of its prose (an
    unnamed sidebar column: a blog's "about" note among its category and archive lists)."""
    shared = set(headline_chain)
    c = core
    while c >= 0 and c not in shared:
        if ctx.containers[c].concepts & BOILERPLATE_CONCEPTS:
            return True
        # (positive - mass: the weight of everything in it that is not prose)
        if positive[c] - mass[c] >= FURNITURE_SHAPE * positive[c]:
            return True
        c = ctx.containers[c].parent
    return False


def anchor_to_headline(
    ctx: Context,
    core: int,
    adjusted: list[float],
    weights: list[float],
    mass: tuple[float, ...],
    positive: list[float],
) -> int:
    """The story starts at its headline: a core away from it in the page's furniture is a box
    beside a short story.

    When the best concentrated container lies before the headline, or after prose that follows
    the headline outside it, and a container named furniture (a sidebar, a footer, comments) or
    shaped like it (:func:`in_furniture`)
    holds it apart from the headline, it is a sidebar's "about" text, a footer's legal note or
    a comment form's notice beside a story of a few short paragraphs: the best container around
    the first prose under the headline is the core instead, unless it weighs far less. (Without
    the furniture condition a service page's hero blurb took the place of its sections.)
    A core after the headline that no furniture holds apart, or that the anchor keeps, may
    still be a box that ends the page after a longer story (:func:`story_above_box`).
    """
    h = headline(ctx)
    blocks = ctx.blocks
    if h is None or core in blocks[h].containers:
        return core
    inside = [i for i, b in enumerate(blocks) if core in b.containers]
    if not inside or inside[0] <= h <= inside[-1]:
        return core
    first = inside[0]
    if first > h and sum(w for w in weights[h + 1 : first] if w > 0) < DETACHED_PROSE:
        # the body under the headline, after a standfirst at most; or, past a comment section,
        # a box beside a story that has no prose of its own
        return story_without_prose(ctx, h, core, weights, past_comments_only=True)
    anchored = _anchor(ctx, h, core, adjusted, weights, mass, positive)
    if anchored == core and first > h:
        return story_above_box(ctx, h, core, adjusted, weights, positive)
    return anchored


def _anchor(
    ctx: Context,
    h: int,
    core: int,
    adjusted: list[float],
    weights: list[float],
    mass: tuple[float, ...],
    positive: list[float],
) -> int:
    """The core under the headline ``h`` when furniture holds the core apart from it (see
    :func:`anchor_to_headline`), else the core."""
    blocks = ctx.blocks
    if not in_furniture(ctx, core, blocks[h].containers, mass, positive):
        return core  # a story's second part, or one section of a service page
    lead = next((i for i in range(h + 1, len(blocks)) if weights[i] > 0), None)
    if lead is not None:
        around_core = ancestors_and_self(ctx, core)
        candidates = [c for c in blocks[lead].containers if c not in around_core]
        best = _best_of(ctx, candidates, adjusted, core)
        if best is not None:
            return best
    return story_without_prose(ctx, h, core, weights, past_comments_only=False)


def _best_of(ctx: Context, candidates: list[int], adjusted: list[float], core: int) -> int | None:
    """The best concentrated of ``candidates`` (``adjusted``; the shallowest of equals), when it
    weighs at least :data:`ANCHOR_SHARE` of the core's; ``None`` otherwise or without any."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (adjusted[c], -ctx.containers[c].depth))
    return best if adjusted[best] >= ANCHOR_SHARE * adjusted[core] else None


#: A story with no prose of its own (a picture with its credits, a post written in headings or in
#: short lines of dialogue) is at least this many kept lines under its headline, before a comment
#: section or the core: more than a stray line or two (a share button's label, a date). The
#: stories it was measured on hold 8 to 10 kept lines with their share labels (three lines of
#: dialogue on trafilatura-eval-dev gnaur.wordpress.com). Session 9, all six sets: any value from
#: 1 to 6 gives the same pages (dragnet-dev R865, trafilatura-eval-dev gnaur.wordpress.com and
#: seglerblog whole, no page worse): nothing sits near the edge.
STORY_MIN_LINES = 3
#: The box that holds the headline and those lines starts at most this many blocks before the
#: headline (a kicker, a date, a breadcrumb); one that starts earlier is the page's wrapper, with
#: its menus and search box, and the lines' own ``<article>`` is taken instead, if the page drew
#: one (trafilatura-eval-dev seglerblog, whose headline sits in a banner apart from the post).
#: Session 9: 0 to 8 give the same pages on all six sets (the wrappers start far earlier).
STORY_MAX_BLOCKS_BEFORE = 3


def story_without_prose(
    ctx: Context, h: int, core: int, weights: list[float], *, past_comments_only: bool
) -> int:
    """The box of a story that has no prose of its own, in place of a core that a box named
    page furniture (a sidebar's "about" text, a licence notice, a cookie box) holds apart from
    the headline; the core itself when there is no such story.

    The story is the kept lines under the headline, up to a comment section or the core: at
    least :data:`STORY_MIN_LINES` of them, with less than :data:`DETACHED_PROSE` of prose (the
    anchor weighs a story with prose), in the box that holds the headline and its first line
    (:data:`STORY_MAX_BLOCKS_BEFORE`), which is no furniture itself. ``past_comments_only``:
    the core follows the headline with no prose between (it is the body under the headline),
    unless a comment section lies between them: a box beside the comments is no story's body.
    """
    containers = ctx.containers
    blocks = ctx.blocks
    shared = set(blocks[h].containers)
    c = core
    while c >= 0 and c not in shared and not containers[c].concepts & BOILERPLATE_CONCEPTS:
        c = containers[c].parent
    if c < 0 or c in shared:
        return core  # no box named furniture between the core and the headline
    lines: list[int] = []
    comments = False
    for i in range(h + 1, len(blocks)):
        chain = blocks[i].containers
        if core in chain:
            break
        if any("comments" in containers[k].concepts for k in chain):
            comments = True
            break
        if ctx.decided[i] is None:
            lines.append(i)
    if past_comments_only and not comments:
        return core
    if len(lines) < STORY_MIN_LINES or sum(w for i in lines if (w := weights[i]) > 0) >= DETACHED_PROSE:
        return core
    post = -1  # the innermost box that holds the headline and the first line under it
    for a, b in zip(blocks[h].containers, blocks[lines[0]].containers, strict=False):
        if a != b:
            break
        post = a
    starts = next((i for i, b in enumerate(blocks) if post in b.containers), h) if post >= 0 else h
    if starts < h - STORY_MAX_BLOCKS_BEFORE:
        # the page's wrapper: the lines' own <article>, if the page drew one
        hinted = (c for c in blocks[lines[0]].containers if containers[c].article_hint and c not in shared)
        post = next(hinted, -1)
    if post < 0 or post in ancestors_and_self(ctx, core):
        return core
    if any(containers[c].concepts & BOILERPLATE_CONCEPTS for c in ancestors_and_self(ctx, post)):
        return core
    if sum(1 for i in lines if post in blocks[i].containers) < STORY_MIN_LINES:
        return core
    ctx.cache["story_without_prose"] = True  # (the over-pruning guard reads it: story_has_no_prose)
    return post


def story_has_no_prose(ctx: Context) -> bool:
    """Whether the region is a story with no prose of its own (:func:`story_without_prose`): the
    over-pruning guard does not bring back the prose of the furniture it was chosen over."""
    return bool(ctx.cache.get("story_without_prose"))


#: The core gives way to the story under the headline when the prose between the headline and
#: the core's box weighs more than this multiple of the core's own prose: the story is the
#: larger part, spread over boxes of a paragraph or two (a recipe's steps, a wine region's
#: description in tabs), and the core is one concentrated text after it (a shipping-cost box the
#: page shows over the story, a category's text at the page foot). Session 14, measured on all
#: six sets: the pages fixed sit at 1.28 (trafilatura-eval-dev przepisy.pl) and 1.02
#: (vinosytapas.de), the nearest page below at 0.89 (gdp.de, a teaser there: not taken); at 0.9
#: the same 4 pages better / 0 worse, at 1.1 vinosytapas.de is not fixed (3 / 0).
STORY_OVER_BOX = 1.0
#: ... and only when the core's box ends the page's prose: less than this follows it (less than
#: two short paragraphs, as :data:`DETACHED_PROSE`). Without it (session 14, all six sets) the
#: boxes of a page of sections with more sections after them (an FAQ of a service page, a
#: guide's step) gave way too: 8 better / 6 worse (wcxb-dev 4282 -0.296, 0704 -0.261, 4092
#: -0.054, wceb2026-dev 0704 -0.248, 2985 -0.173). The boxes that fire have 0, 43 (wcxb-dev 4477,
#: better) or 61-63 (unchanged) after them, the nearest above 130: at 90 and 110 the same pages.
FOOT_MAX_PROSE_AFTER = 100.0


def story_above_box(
    ctx: Context, h: int, core: int, adjusted: list[float], weights: list[float], positive: list[float]
) -> int:
    """The best container of the story between the headline ``h`` and the core's box, when the
    prose there outweighs the core's (:data:`STORY_OVER_BOX`); the core otherwise.

    The core's box is its outermost container apart from the headline (below the innermost one
    they share). The story's container is the best concentrated one (``adjusted``) wholly
    between the headline and that box, when it weighs at least :data:`ANCHOR_SHARE` of the
    core's (as the anchor above).
    """
    containers = ctx.containers
    shared = set(ctx.blocks[h].containers)
    box = core
    while (parent := containers[box].parent) >= 0 and parent not in shared:
        box = parent
    first, last = spans(ctx)
    start = first[box]
    if start <= h:
        return core
    if sum(w for w in weights[last[box] + 1 :] if w > 0) >= FOOT_MAX_PROSE_AFTER:
        return core  # prose after the box: one section of a page of sections (a service page's FAQ)
    prose = sum(w for w in weights[h + 1 : start] if w > 0)
    if prose <= STORY_OVER_BOX * positive[core]:
        return core
    between = [c for c in range(len(containers)) if first[c] > h and 0 <= last[c] < start]
    best = _best_of(ctx, between, adjusted, core)
    return core if best is None else best
