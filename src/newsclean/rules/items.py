"""A listing page's run of item cards: the page's content when the region found no story.

A listing page (a shop's category, a chart, a search result, a list of papers) draws its content
as many sibling boxes of one template: the same tag and class string, each with a link (the
item's name) and a little text (a price, a rating, a year). Its prose is spread one short line
per card, so the region finder settles on whatever prose the page has elsewhere (a footer's legal
text, a category blurb), and the cards' class words often sound like furniture (``search-result``,
``nav-item``), so the markup rules would take them too.

The run is named by the region step (:func:`newsclean.rules.html_region.locate`) only when the
region it found holds less prose than a short story, and its cards are then spared by the
navigation and related markup rules and by ``link-list``. Where the run lies decides the region:

* outside the region (a footer's legal text, a blurb beside the cards): the run replaces it;
* inside it (the region is the page's content area, a blurb and the cards together): the region
  stays, blurb included, and only the cards are named;
* on a page with no prose at all, which has no region (so nothing is taken for lying outside
  one): the cards are named all the same;
* on a page whose comment sections hold its prose (it reads as a discussion thread), a run that
  lies outside them and holds none of them is a list its readers discuss (a chart, a reading
  list): the run is the region (:func:`listing_under_comments`). Measured (issue #13, session 9):
  wcxb-dev 2908 +0.537 and wceb2026-dev 2908 +0.535 (one site, a reading list under its
  comments), no page worse on the six sets.

A news story's related box has the same shape, but it sits beside or under the story (a region
with a story's prose) and holds a small share of the page's text: it still goes. Sparing the
cards of a run inside a region that does hold a story (when the cards hold most of its prose:
a feed of teasers, a gear guide's picks) was tried and rejected (issue #13, session 7): at half
of the region's prose wcxb-dev 13 pages better / 15 worse (articles whose sections are drawn
alike lose their link lists' removal), at 0.8 8 / 13.
"""

from __future__ import annotations

import itertools

from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context, Region, ancestors_and_self

#: Elements that are not one item: text (a story's paragraphs with a link each are not cards)
#: and lists, which group items (a run of lists of links is a site map's or a menu's columns:
#: eight ``ul`` of category links, just under half a dragnet-dev news page's text, R103, took its
#: region with ITEMS_PAGE_SHARE at 0.45).
NOT_ITEM_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "menu",
})
#: A run inside one of these elements is the page's menu or its header's, sidebar's or footer's
#: links, as the page's own markup says (a shop's mega-menu of categories is a run of boxes drawn
#: alike: it made a page with no content of its own, wcxb-dev 4829, come out as its menu).
FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})
#: At least this many sibling boxes of one template make a run of items (a related box or a
#: teaser row beside a story holds three to five).
MIN_ITEMS = 6
#: The run is the page's content when its cards hold at least this share of the page's text
#: characters (on the wcxb-dev listing pages whose cards are the truth, 0.52 to 0.71).
ITEMS_PAGE_SHARE = 0.5


#: A region that holds this many paragraphs of prose, or this many characters of it, is a story
#: (a news item of a few short paragraphs, or one long one): a run of item cards elsewhere on its
#: page (a related grid, a sidebar's list of products, a shop's teasers under a review) does not
#: replace it. Measured (issue #13): where the run would have replaced the region, the region
#: held 5 to 18 prose paragraphs and 1,870 to 6,856 characters on the pages that lost their
#: story (scrapinghub 1 page -0.97, dragnet-dev 2 -0.99 / -0.98, wcxb-dev 3), 2 paragraphs and
#: 3,095 characters on one more (trafilatura-eval-dev, one paragraph of 2,525), and 1 or 2
#: paragraphs of 126 to 533 characters where the cards were the content (wcxb-dev 8 pages,
#: wceb2026-dev 6). A story of four short paragraphs (650 characters) beside eight teasers with
#: prose snippets keeps its region (``tests/test_page_kind.py``).
STORY_MIN_PARAGRAPHS = 3
STORY_MIN_PROSE = 1000.0


def listing_run(
    ctx: Context,
    core: int,
    chosen: frozenset[int],
    weights: list[float],
    posts: frozenset[int] | None = None,
    thread_comments: list[bool] | None = None,
) -> tuple[int, frozenset[int], frozenset[int]] | None:
    """The region to take on a listing page, as ``(main, containers, cards)``, or ``None`` to
    keep the region found (``core``, ``chosen``) as it is.

    On a thread-shaped page (``thread_comments``: whether each container is in a comment
    section) only a list its readers discuss is taken (:func:`listing_under_comments`); where
    the region's ``posts`` are content (a thread), nothing.

    When ``chosen`` holds no story's prose (:data:`STORY_MIN_PARAGRAPHS` paragraphs or
    :data:`STORY_MIN_PROSE` characters of it, by the blocks' region ``weights``) and the page has
    a run of item cards (:func:`item_run`): a run outside the region replaces it; a run inside
    it (the region is the page's content area, cards and blurb together) leaves the region as it
    is, and only its cards are named, so that the markup rules spare them.
    """
    if thread_comments is not None:
        return listing_under_comments(ctx, thread_comments)
    if posts is not None:
        return None
    count, prose = 0, 0.0
    for w, block in zip(weights, ctx.blocks, strict=True):
        if w > 0 and not chosen.isdisjoint(block.containers):
            count += 1
            prose += w
    if count >= STORY_MIN_PARAGRAPHS or prose >= STORY_MIN_PROSE:
        return None
    run = item_run(ctx)
    if run is None:
        return None
    parent, cards = run
    if chosen.isdisjoint(ancestors_and_self(ctx, parent)):
        return parent, frozenset({parent}), cards
    return core, chosen, cards


def listing_under_comments(
    ctx: Context, in_comments: list[bool]
) -> tuple[int, frozenset[int], frozenset[int]] | None:
    """The region of a list its readers discuss, as ``(main, containers, cards)``, or ``None``.

    A page whose comment sections hold most of its prose reads as a discussion thread, but a
    chart or a reading list with its readers' comments under it is a listing page: its run of
    item cards (:func:`item_run`, at least half the page's text) lies outside the comment
    sections and holds none of them. The run is then the region, as on a listing page with no
    story; a forum's posts, drawn alike, are the comments themselves and are no such run.
    """
    run = item_run(ctx)
    if run is None:
        return None
    parent, cards = run
    first, last = spans(ctx)
    if any(in_comments[c] for c in ancestors_and_self(ctx, parent)):
        return None
    for i in range(first[parent], last[parent] + 1):
        chain = ctx.blocks[i].containers
        if chain and in_comments[chain[-1]]:
            return None  # the posts themselves, or a list holding them
    return parent, frozenset({parent}), cards


def item_run(ctx: Context) -> tuple[int, frozenset[int]] | None:
    """The parent of the page's largest run of item cards and the cards, or ``None`` when no
    run of :data:`MIN_ITEMS` holds :data:`ITEMS_PAGE_SHARE` of the page's text."""
    containers = ctx.containers
    first, last = spans(ctx)
    chars_before = [0, *itertools.accumulate(len(b.text) for b in ctx.blocks)]
    links_before = [0, *itertools.accumulate(len(b.links) for b in ctx.blocks)]
    total = chars_before[-1]
    if not total:
        return None
    groups: dict[tuple[int, str, str], list[int]] = {}
    for c, container in enumerate(containers):
        start = first[c]
        if start < 0 or container.parent < 0 or container.tag in NOT_ITEM_TAGS:
            continue
        if links_before[last[c] + 1] == links_before[start]:
            continue  # an item has a link: its name
        groups.setdefault((container.parent, container.tag, container.marker), []).append(c)
    best: tuple[int, int, list[int]] | None = None
    for (parent, _tag, _marker), items in groups.items():
        if len(items) < MIN_ITEMS or _in_furniture(ctx, parent):
            continue
        chars = sum(chars_before[last[c] + 1] - chars_before[first[c]] for c in items)
        if best is None or chars > best[0]:
            best = (chars, parent, items)
    if best is None or best[0] < ITEMS_PAGE_SHARE * total:
        return None
    return best[1], frozenset(best[2])


def _in_furniture(ctx: Context, cid: int) -> bool:
    """Whether ``cid`` or an ancestor is one of :data:`FURNITURE_TAGS`."""
    return any(ctx.containers[c].tag in FURNITURE_TAGS for c in ancestors_and_self(ctx, cid))


def no_prose_region(ctx: Context, mass: tuple[float, ...]) -> Region:
    """The region of a page with no prose at all: none, as before, but a run of item cards the
    page has is named (:func:`item_run`), so that the markup rules spare the cards. With no
    region nothing is taken for lying outside it; naming the run its region instead (everything
    else removed) measured the same on the listing pages and emptied one collection page's
    output (wcxb-dev 4850) whose cards the truth leaves out.
    """
    run = item_run(ctx)
    return Region(mass=mass) if run is None else Region(mass=mass, items=run[1])
