"""Where the article is on an HTML page: the container that concentrates the most prose.

Located once per page by the region step of the pipeline (:func:`locate`), right after the
lines that move into metadata (datelines, bylines, tag lines) and before every rule that reads
the region. Two scores per container:

* the *mass*: the weights of every block inside it (prose counts its length, link lists and
  short labels count against), so an outer wrapper always has at least its article's mass;
* the *concentration* (readability-style): a block's weight goes to its *holder* (the nearest
  ancestor that is not a paragraph, heading or list element), half to the holder's parent and a
  quarter to the grandparent. Article paragraphs sit side by side in one holder; the prose of a
  teaser list is spread one snippet per item, so its concentration stays low however long the
  list is.

The best concentrated container is the article's core. Markup that says "this is the article"
(``itemprop=articleBody``, an "article body" class, the page's only ``<article>``) then widens or
narrows it when the prose agrees, and siblings of the core that hold concentrated prose of their
own (an article split across several ``<div>`` s) are taken in with it; a sibling holding a
teaser list (three or more small items, each with a snippet cut short: :func:`teaser_snippets`)
stops the climb, and its snippets are no content to widen to. Comment sections and a site's
small print count against a container (the comments not on a thread page, a forum topic, where
the posts are the content). A page that is not one article (sections of a product or service
page, the posts of a thread, an opening post with the replies drawn like it) then has its region
widened to its content area (:mod:`newsclean.rules.page_kind`; a thread's,
:mod:`newsclean.rules.thread_shape`); a region with less prose than a short story, on a page
whose text is mostly a run of item cards elsewhere (a listing page), gives way to that run
(:mod:`newsclean.rules.items`).
"""

from __future__ import annotations

import itertools
from functools import reduce
from operator import add
from typing import NamedTuple

from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS, names_small_print
from newsclean.rules.features import is_prose, word_count
from newsclean.rules.headline import anchor_to_headline
from newsclean.rules.items import listing_run, no_prose_region
from newsclean.rules.opening import opening_paragraphs, story_opening
from newsclean.rules.page_kind import (
    content_area,
    opening_post_thread,
    posts_are_content,
    spans,
    thread_posts,
)
from newsclean.rules.pipeline import Context, Region, ancestors_and_self
from newsclean.rules.teasers import cut_short, teaser_snippets
from newsclean.rules.thread_shape import is_thread_page, thread_area

#: Elements that hold text rather than group blocks: a block's weight goes to the first ancestor
#: that is not one of these.
LEAF_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "figure", "figcaption", "caption", "hgroup", "address", "center", "label", "legend",
    "summary", "details", "picture", "br", "hr", "menu",
})

#: Share of the core's concentration a sibling needs to join the article.
SIBLING_SHARE = 0.25
#: A sibling this link-heavy is a link list, however much text it has.
SIBLING_MAX_LINK_DENSITY = 0.35
#: Concentration kept by a container that names itself boilerplate (nav, footer, sidebar…) or is
#: inside small print (``tokens.SMALL_PRINT_WORDS``), and by one inside a comment section.
OWN_BOILERPLATE_FACTOR = 0.5
IN_COMMENTS_FACTOR = 0.2
#: Climbing to the parent may cost this share of the core's mass (a byline, a share label) …
NEGATIVE_TOLERANCE = 0.1
#: … and a sibling whose prose is spread thin (a teaser list) stops it past this share.
SPREAD_TOLERANCE = 0.1
#: A parent that adds no article part is still taken when the prose it adds is below this share
#: of the core's (a wrapper around the article and its byline).
WRAPPER_PROSE = 0.03
#: Prose "sits together" when one holder inside has this share of it.
CONCENTRATED_SHARE = 0.4
#: A strong article hint replaces the core holding this share of its mass (inside it: nearly all).
HINT_OUTER_SHARE = 0.6
HINT_INNER_SHARE = 0.85


#: The weights of :func:`block_weight`, in characters of prose. They were set by hand with the
#: first region finder and every share above was tuned on top of them, so they are a set: do
#: not tune one alone (run bench/identity.py and bench/accuracy.py on every set after a change).
#: A block whose text is more than this share links is a link list …
LINK_BLOCK_SHARE = 0.5
#: … and costs this much per linked character, plus a fixed cost (a menu of many short links
#: weighs against the container that holds it even when each item is tiny);
LINK_BLOCK_COST_PER_CHAR = 0.5
LINK_BLOCK_COST = 10
#: a label of at most this many words (a button, "Share", "Advertisement") costs this much;
LABEL_MAX_WORDS = 3
LABEL_COST = 10.0
#: any other short text that is not prose (a caption, a date line) costs this share of its length;
NON_PROSE_COST_PER_CHAR = 0.2
#: and a block an earlier rule removed (a share label, a comment counter) costs this much, as
#: a sign of furniture around it, unless the rule moved it into metadata (a byline, a date).
REMOVED_BLOCK_COST = 5.0
#: A container's concentration is discounted by its link density, capped here: a container
#: whose text is all links keeps a tenth of its concentration rather than none, so a page that
#: is only a list of links still has a region.
LINK_DENSITY_CAP = 0.9


def block_weight(text: str, link_chars: int, kind: str) -> float:
    """How much a block says "article here": prose counts its length, link lists count against.

    A snippet cut short with an ellipsis is a teaser for another story: it weighs nothing, so
    a ticker of headline + snippet items cannot outweigh the story beside it.
    """
    length = len(text)
    if link_chars > LINK_BLOCK_SHARE * length:
        return -float(link_chars) * LINK_BLOCK_COST_PER_CHAR - LINK_BLOCK_COST
    if kind.startswith("h") and len(kind) == 2:
        return 0.0
    if cut_short(text):
        return 0.0
    if is_prose(text):
        return float(length - link_chars)
    if word_count(text) <= LABEL_MAX_WORDS:
        return -LABEL_COST
    return -NON_PROSE_COST_PER_CHAR * length


def block_weights(ctx: Context) -> list[float]:
    """:func:`block_weight` of every block, computed once per page."""
    cached = ctx.cache.get("html_block_weights")
    if cached is None:
        cached = [block_weight(b.text, b.link_chars, b.kind) for b in ctx.blocks]
        ctx.cache["html_block_weights"] = cached
    return cached


def _weights(ctx: Context) -> list[float]:
    """Block weights as the region sees them: what earlier rules took weighs a little against,
    except a line moved into metadata (a byline, a dateline), which belongs with the story."""
    pure = block_weights(ctx)
    return [
        pure[i] if rule is None else (0.0 if rule.to_metadata else -REMOVED_BLOCK_COST)
        for i, rule in enumerate(ctx.decided)
    ]


class Scores(NamedTuple):
    """Per-container figures the region choice reads (lists indexed by container id)."""

    mass: list[float]  # summed block weights inside
    positive: list[float]  # summed positive (prose) weights inside
    conc: list[float]  # readability-style concentration
    own: list[float]  # prose whose holder is this very container
    density: list[float]  # link characters / characters


def _score(ctx: Context, weights: list[float]) -> Scores:  # (weights: _weights(ctx))
    containers = ctx.containers
    n = len(containers)
    conc = [0.0] * n
    own = [0.0] * n
    # Each container's blocks are one slice of the blocks (see container_spans). The float sums
    # run over the slice left to right from 0.0, as one addition per block in document order
    # did (reduce, not sum(): Python 3.12's sum() of floats compensates, which rounds apart).
    # Containers whose slices start at the same block (wrappers around wrappers) share one
    # running sum: the sum up to a shorter slice's end is where the longer one's goes on from.
    first, last = spans(ctx)
    positive_weights = [w if w > 0 else 0.0 for w in weights]  # (x + 0.0 is x)
    chars_before = [0, *itertools.accumulate(len(b.text) for b in ctx.blocks)]
    links_before = [0, *itertools.accumulate(b.link_chars for b in ctx.blocks)]
    mass = [0.0] * n
    positive = [0.0] * n
    count = [0] * n
    density = [0.0] * n
    starting: dict[int, list[tuple[int, int]]] = {}  # first block -> (end, container)
    for c in range(n):
        start = first[c]
        if start < 0:
            continue
        end = last[c] + 1
        starting.setdefault(start, []).append((end, c))
        count[c] = end - start
        chars = chars_before[end] - chars_before[start]
        if chars:
            density[c] = (links_before[end] - links_before[start]) / chars
    for start, ends in starting.items():
        ends.sort()
        at, mass_sum, positive_sum = start, 0.0, 0.0
        for end, c in ends:
            if end > at:
                mass_sum = reduce(add, weights[at:end], mass_sum)
                positive_sum = reduce(add, positive_weights[at:end], positive_sum)
                at = end
            mass[c] = mass_sum
            positive[c] = positive_sum
    for block, w in zip(ctx.blocks, weights, strict=True):
        chain = block.containers
        if not chain:
            continue
        # the holder: past paragraph-level tags and wrappers around this one block
        k = len(chain) - 1
        while k > 0 and (containers[chain[k]].tag in LEAF_TAGS or count[chain[k]] == 1):
            k -= 1
        if w <= 0:
            conc[chain[k]] += w
            continue
        own[chain[k]] += w
        share = w
        for level in range(k, max(-1, k - 3), -1):
            conc[chain[level]] += share
            share /= 2
    return Scores(mass, positive, conc, own, density)


def locate(ctx: Context) -> Region:
    """The article region of an HTML page (see the module docstring) from the state at the
    region step; its ``main`` is ``None`` when the page has no prose."""
    if not ctx.containers:
        return Region()
    containers = ctx.containers
    scores = _score(ctx, weights := _weights(ctx))
    mass = tuple(scores.mass)
    n = len(containers)
    adjusted = [0.0] * n
    in_comments, in_small_print = [False] * n, [False] * n
    for c, container in enumerate(containers):
        parent = container.parent
        in_comments[c] = "comments" in container.concepts or (parent >= 0 and in_comments[parent])
        in_small_print[c] = names_small_print(container.marker) or (parent >= 0 and in_small_print[parent])
    thread = is_thread_page(ctx, block_weights(ctx), in_comments)
    ignored = BOILERPLATE_CONCEPTS - {"comments"} if thread else BOILERPLATE_CONCEPTS
    for c, container in enumerate(containers):
        value = scores.conc[c] * (1.0 - min(scores.density[c], LINK_DENSITY_CAP))
        if in_small_print[c] or not container.concepts.isdisjoint(ignored):  # (no set built per container)
            value *= OWN_BOILERPLATE_FACTOR
        if in_comments[c] and not thread:
            value *= IN_COMMENTS_FACTOR
        adjusted[c] = value
    keys = [(value, -container.depth) for value, container in zip(adjusted, containers, strict=True)]
    core = max(range(n), key=keys.__getitem__)  # (the first best, shallowest; no call per key)
    if adjusted[core] <= 0:  # no prose: a listing page's cards are its content, if it has them
        return no_prose_region(ctx, mass)
    core = anchor_to_headline(ctx, core, adjusted, weights, mass, scores.positive)
    best_own = _best_inside(ctx, scores.own)
    floor = SIBLING_SHARE * best_own[core]
    core = _climb(ctx, core, scores, best_own, floor, thread)
    core = _widen_to_article(ctx, core, scores)
    core = _apply_hints(ctx, core, scores.mass)
    chosen = _with_siblings(ctx, core, scores, best_own, floor)
    posts: frozenset[int] | None = None  # the containers whose posts are the content
    if thread:  # the posts are the page's content, wherever the longest one is
        area = thread_area(ctx, block_weights(ctx), in_comments)
        if area is not None:
            chosen = frozenset({area})
            if posts_are_content(ctx, area, block_weights(ctx), in_comments):
                posts = chosen
    elif (area := opening_post_thread(ctx, chosen, block_weights(ctx), in_comments)) is not None:
        chosen = frozenset({area})
        posts = chosen  # the replies are content, as above
    else:  # a page of spread sections, not one article: its content area
        area = content_area(ctx, core, chosen, teaser_snippets(ctx))
        if area is not None:
            chosen = chosen | {area} if area in ancestors_and_self(ctx, core) else frozenset({area})
        chosen |= story_opening(ctx, core, chosen, block_weights(ctx)) if area is None else set()
    core = core if area is None else area
    items: frozenset[int] = frozenset()  # a listing page's item cards, when they are its content
    run = listing_run(ctx, core, chosen, block_weights(ctx), posts, in_comments if thread else None)
    if run is not None:
        core, chosen, items = run  # the region holds no story: the run of cards is the content
    if posts is None or items:  # (a list its readers discuss is no thread: the posts are read anew)
        posts = thread_posts(ctx, chosen, block_weights(ctx))
    return Region(main=core, containers=chosen, thread=posts, mass=mass, items=items)


#: The page's one ``<article>`` is taken whole when it keeps this share of the core's mass and adds
#: this share of prose to it (when it adds none, it only adds a header: kicker, byline).
ARTICLE_TAG_SHARE = 0.5
ARTICLE_TAG_PROSE = 0.1


def _widen_to_article(ctx: Context, core: int, scores: Scores) -> int:
    """The page's only ``<article>`` with prose, around the core, is the article region.

    The climb stops at link lists and thinly spread sections, but an article element the page
    drew around the core is a better line when it holds more of the story's prose, unless it is
    one teaser of many (listing pages wrap every card in an ``<article>``).
    """
    containers = ctx.containers
    around = -1
    c = containers[core].parent
    while c >= 0:
        if containers[c].tag == "article":
            around = c
        c = containers[c].parent
    if around < 0 or in_boilerplate(ctx, around):
        return core
    for c, container in enumerate(containers):
        if container.tag != "article" or c == around or scores.positive[c] <= 0 or in_boilerplate(ctx, c):
            continue  # (a reader's comment drawn as an <article> is no other story)
        if around not in ancestors_and_self(ctx, c):  # another story's article: a listing
            return core
    if scores.mass[around] < ARTICLE_TAG_SHARE * scores.mass[core]:
        return core
    if scores.positive[around] - scores.positive[core] < ARTICLE_TAG_PROSE * scores.positive[core]:
        return core
    return around


def _concentrated(c: int, scores: Scores, best_own: list[float]) -> bool:
    """Whether the prose inside ``c`` sits together (an article part), not spread thin (teasers)."""
    return scores.positive[c] > 0 and best_own[c] >= CONCENTRATED_SHARE * scores.positive[c]


def _apply_hints(ctx: Context, core: int, mass: list[float]) -> int:
    """A strong "article body" box not named furniture replaces the core when the prose agrees."""
    containers = ctx.containers
    core_chain = ancestors_and_self(ctx, core)
    best = core
    for c, box in enumerate(containers):
        if not box.strong_hint or c == core or in_boilerplate(ctx, c) or box.concepts & BOILERPLATE_CONCEPTS:
            continue
        if c in core_chain:
            # a core the page itself calls the article body is not traded for a wrapper
            # around it (a body inside "article-content" beside a ticker of teasers)
            ok = not containers[core].strong_hint and mass[c] >= HINT_OUTER_SHARE * mass[core]
        else:
            inside = core in ancestors_and_self(ctx, c)
            ok = mass[c] >= (HINT_INNER_SHARE if inside else HINT_OUTER_SHARE) * mass[core] and (
                inside or mass[c] >= mass[core]
            )
        if ok and (best == core or mass[c] > mass[best]):
            best = c
    return best


def in_boilerplate(ctx: Context, cid: int) -> bool:
    """Whether ``cid`` or an ancestor names itself a comment section."""
    while cid >= 0:
        container = ctx.containers[cid]
        if "comments" in container.concepts:
            return True
        cid = container.parent
    return False


def _best_inside(ctx: Context, values: list[float]) -> list[float]:
    """The largest value anywhere inside each container (children come after parents)."""
    best = values[:]
    containers = ctx.containers
    for c in range(len(containers) - 1, 0, -1):
        p = containers[c].parent
        if p >= 0 and best[c] > best[p]:
            best[p] = best[c]
    return best


def _climb(
    ctx: Context, core: int, scores: Scores, best_own: list[float], floor: float, thread: bool
) -> int:
    """Widen the core to its parent while the parent adds article and nothing else.

    Articles written as sections (``<div class=sect><h2/><div class=body>…``) put each section
    in its own container. The parent is taken when what it adds weighs nothing against the core
    (headings, wrappers), is prose that is itself concentrated or the story's opening paragraphs
    before the core (``opening_paragraphs``); teasers, link lists and boilerplate stop it.
    """
    containers = ctx.containers
    mass = scores.mass
    children: dict[int, list[int]] = {}
    for c, container in enumerate(containers):
        children.setdefault(container.parent, []).append(c)
    stops = BOILERPLATE_CONCEPTS - {"comments"} if thread else BOILERPLATE_CONCEPTS
    first, last = spans(ctx)
    snippets = teaser_snippets(ctx)
    before = [0, *itertools.accumulate(i in snippets for i in range(len(ctx.blocks)))]
    teasers_in = [
        before[end + 1] - before[start] if start >= 0 else 0 for start, end in zip(first, last, strict=True)
    ]
    current = core
    while thread or not containers[current].article_hint:  # <article>, <main>: the page drew the line
        parent = containers[current].parent
        if parent < 0 or containers[parent].concepts & stops or (not thread and in_boilerplate(ctx, parent)):
            return current
        if mass[parent] - mass[current] < -NEGATIVE_TOLERANCE * max(mass[current], 1.0):
            return current
        gains = bool(opening := opening_paragraphs(ctx, children.get(parent, ()), current, scores.positive))
        for sibling in (c for c in children.get(parent, ()) if c not in opening):  # opening: a part
            if sibling != current and teasers_in[sibling]:
                return current  # a list of teasers beside the story: the parent is no wrapper of it
            if sibling == current or scores.positive[sibling] <= SPREAD_TOLERANCE * max(mass[current], 1.0):
                continue
            if not _concentrated(sibling, scores, best_own):
                return current
            gains = gains or best_own[sibling] >= floor
        # take the parent for an article part it adds, or when it is a bare wrapper
        added_prose = scores.positive[parent] - scores.positive[current]
        if not gains and added_prose > WRAPPER_PROSE * max(mass[current], 1.0):
            return current
        current = parent
    return current


def _with_siblings(
    ctx: Context, core: int, scores: Scores, best_own: list[float], floor: float
) -> frozenset[int]:
    """The core plus the siblings that hold concentrated prose of their own."""
    containers = ctx.containers
    parent = containers[core].parent
    if parent < 0:
        return frozenset({core})
    chosen = {core}
    for c, container in enumerate(containers):
        if (
            container.parent == parent
            and c != core
            and best_own[c] >= floor
            and _concentrated(c, scores, best_own)
            and not container.concepts & BOILERPLATE_CONCEPTS
            and scores.density[c] < SIBLING_MAX_LINK_DENSITY
        ):
            chosen.add(c)
    return frozenset(chosen)
