"""HTML rules: boilerplate regions named by their markup, link lists, and blocks outside the article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsclean.blocks.model import Block
from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS
from newsclean.document import Link
from newsclean.rules.cards import card_headlines
from newsclean.rules.features import word_count
from newsclean.rules.html_region import block_weights
from newsclean.rules.lead import LEAD_FAMILIES, story_lead
from newsclean.rules.pipeline import Context, Mark, Region, Rule, ancestors_and_self
from newsclean.rules.pitch import prose_under_pitch
from newsclean.rules.story_lists import story_list_entry

#: (rule name, concept/family, reason, guard may undo). The guard may undo the rules that read
#: the broadest class words (header, sidebar, content lists, "more" boxes): on a page that
#: misuses them they wrap the article itself; a share bar or a cookie banner does not.
MARKUP_RULES: tuple[tuple[str, str, str, bool], ...] = (
    ("share-markup", "share", "inside a share/social bar", False),
    ("related-markup", "related", "inside a related/recommended/most-read box", True),
    ("subscribe-markup", "subscribe", "inside a newsletter, subscribe, paywall or follow box", False),
    ("comments-markup", "comments", "inside the comment section", False),
    ("ads-markup", "ads", "inside an ad slot or sponsored box", False),
    ("cookie-markup", "cookie", "inside a cookie or consent banner", False),
    ("navigation-markup", "navigation",
     "inside navigation, header, footer, sidebar, breadcrumbs, bylines, captions or other page furniture",
     True),
)

#: A block this link-heavy, and this short, is a menu or a list of links. Robustness (issue #13,
#: both at -10 % / +10 % together: 0.675 and 27 words / 0.825 and 33 words): every set's F1 moves
#: <= 0.001 (scrapinghub 0.977 / 0.978, wceb2026-dev 0.803 / 0.804, wcxb-dev 0.842 / 0.843,
#: dragnet-dev 0.889 / 0.889).
LINK_LIST_DENSITY = 0.75
LINK_LIST_MAX_WORDS = 30


def _marked_concepts(ctx: Context, block_containers: tuple[int, ...], protected: set[int]) -> frozenset[str]:
    found: set[str] = set()
    for cid in block_containers:
        if cid not in protected:
            found |= ctx.containers[cid].concepts
    return frozenset(found)


#: A container named as boilerplate that holds this share of the article's prose mass is the
#: article itself under an unlucky class name (``left-side``, ``paywall-content``, ``meta-wrap``).
#: Comment sections are exempt: comments are prose too.
MISNAMED_SHARE = 0.5


def protected_containers(ctx: Context) -> set[int]:
    """Containers whose class/id concepts are not trusted: those around or holding the article."""
    return ctx.region_memo("html_protected", lambda: _protected(ctx))


def _protected(ctx: Context) -> set[int]:
    region = ctx.region or Region()
    main = region.main
    protected: set[int] = set()
    if main is not None:
        protected = ancestors_and_self(ctx, main) | set(region.containers)
        mass = region.mass
        floor = MISNAMED_SHARE * mass[main]
        if floor > 0:
            protected |= {
                c for c, container in enumerate(ctx.containers)
                if mass[c] >= floor and "comments" not in container.concepts
            }
    return protected


def _prose_span(ctx: Context) -> tuple[int, int] | None:
    """First and last block of the article's own prose: kept prose inside the region that no
    boilerplate-named container holds (worked out once, when the first markup rule asks)."""
    return ctx.region_memo("html_prose_span", lambda: _find_prose_span(ctx))


def _find_prose_span(ctx: Context) -> tuple[int, int] | None:
    region = ctx.region.containers if ctx.region else frozenset()
    protected = protected_containers(ctx)
    weights = block_weights(ctx)
    span: tuple[int, int] | None = None
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None or weights[i] <= 0 or region.isdisjoint(block.containers):
            continue
        if _marked_concepts(ctx, block.containers, protected) & BOILERPLATE_CONCEPTS:
            continue
        span = (i, i) if span is None else (span[0], i)
    return span


def _in_flow(ctx: Context, i: int) -> bool:
    """Whether block ``i`` sits inside the region, between the article's first and last own
    paragraphs (not before the story starts, not after it ends)."""
    span = _prose_span(ctx)
    region = ctx.region.containers if ctx.region else frozenset()
    return span is not None and span[0] < i < span[1] and not region.isdisjoint(ctx.blocks[i].containers)


def _per_container(ctx: Context, blocks: Iterable[Block]) -> list[int]:
    """How many of ``blocks`` each container holds."""
    counts = [0] * len(ctx.containers)
    for block in blocks:
        for cid in block.containers:
            counts[cid] += 1
    return counts


def _block_counts(ctx: Context) -> list[int]:
    """How many blocks each container holds."""
    return ctx.region_memo("html_block_counts", lambda: _per_container(ctx, ctx.blocks))


def subhead_in_flow(ctx: Context, i: int, family: str, protected: set[int]) -> bool:
    """A heading between the article's own paragraphs whose family-named element holds that
    heading alone: the story's subhead under a class that sounds like furniture
    (``header-anchor``, ``section-header``), not a box of page furniture.

    A sidebar's or a footer's heading sits after the article's last paragraph (or outside the
    region) and still goes; so does a heading inside a named box that holds more than it.
    """
    block = ctx.blocks[i]
    if not block.heading_level or not _in_flow(ctx, i):
        return False
    counts = _block_counts(ctx)
    containers = ctx.containers
    return all(
        counts[cid] == 1
        for cid in block.containers
        if cid not in protected and family in containers[cid].concepts
    )


#: A link-free paragraph at least this long is prose, not a menu entry or a tab's label. At 20
#: (issue #13): wcxb-dev 4 pages better / 0 worse, wceb2026-dev 3 / 0, scrapinghub, dragnet-dev
#: and trafilatura-eval-dev 0 / 0; at 10 a short note in a collapsed box joins: wcxb-dev 5 / 1,
#: wceb2026-dev 3 / 1.
DISCLOSED_PROSE_MIN_WORDS = 20


def _plain_paragraph(block: Block) -> bool:
    """A link-free paragraph of at least ``DISCLOSED_PROSE_MIN_WORDS`` words (what the spares
    below count as prose)."""
    return not block.links and word_count(block.text) >= DISCLOSED_PROSE_MIN_WORDS


def disclosed_prose(ctx: Context, i: int, protected: set[int]) -> bool:
    """Long link-free prose between the article's own paragraphs whose every navigation-named
    element also names a widget that hides content (an accordion, a tab panel, a collapsible:
    ``accordion-item__dropdown``, ``accordion_drawer``, ``tab-pane hidden``): a closed panel of
    the story (a FAQ's answer, a guide's step), not a menu. Anywhere in the region, a link-free
    line of such a widget that holds more than ``FURNITURE_MAX_PARAGRAPHS`` paragraphs of prose
    (a service page's FAQ after its last paragraph: the questions, the answers, their short
    lines). A dropdown menu, a drawer, a footer or a one-paragraph box after the article's last
    paragraph still goes, panel words or not. Measured for the widget (issue #13, session 9):
    wcxb-dev 8 pages better / 2 worse (0717, 0615: truths without a FAQ's questions), wceb2026-dev
    2 / 2, the other sets 0 / 0."""
    block = ctx.blocks[i]
    region = ctx.region.containers if ctx.region else frozenset()
    if block.links or region.isdisjoint(block.containers):
        return False
    containers = ctx.containers
    named = [c for c in block.containers if c not in protected and "navigation" in containers[c].concepts]
    if not all("disclosure" in containers[cid].concepts for cid in named):
        return False
    if _plain_paragraph(block) and _in_flow(ctx, i):
        return True
    # anywhere else: a widget of panels with several paragraphs of prose (a FAQ's answers)
    widget = next((cid for cid in block.containers if "disclosure" in containers[cid].concepts), -1)
    return bool(named) and widget >= 0 and _paragraph_counts(ctx)[widget] > FURNITURE_MAX_PARAGRAPHS


#: A navigation-named element inside the article that holds at least this many paragraphs of
#: prose is a part of the story drawn as a box (an ``aside`` of the text, a ``listicle-header``
#: with the intro), not furniture: an author's bio, a disclaimer, a teaser's blurb or a caption
#: is one paragraph. At 1 (issue #13): wcxb-dev 5 pages better / 3 worse, wceb2026-dev 4 / 3,
#: the other sets 0 / 0; at 2 the intro boxes and asides of two paragraphs go again (wcxb-dev
#: 2 / 3 against 1, wceb2026-dev 2 / 2); with no such bound at all (every in-flow paragraph
#: spared) bios, disclaimers, teaser blurbs and captions come back: wcxb-dev 14 / 17.
FURNITURE_MAX_PARAGRAPHS = 1


def _paragraph_counts(ctx: Context) -> list[int]:
    """How many paragraphs of prose (link-free, at least ``DISCLOSED_PROSE_MIN_WORDS`` words) each
    container holds."""

    def count() -> list[int]:
        weights = block_weights(ctx)
        paragraphs = (b for i, b in enumerate(ctx.blocks) if weights[i] > 0 and _plain_paragraph(b))
        return _per_container(ctx, paragraphs)

    return ctx.region_memo("html_paragraph_counts", count)


def boxed_story_part(ctx: Context, i: int, protected: set[int], family: str = "navigation") -> bool:
    """Long link-free prose between the article's own paragraphs whose every element named for
    ``family`` holds more than ``FURNITURE_MAX_PARAGRAPHS`` such paragraphs: the story's own part
    under a class that sounds like furniture. A one-paragraph box (a bio, a disclaimer, a
    caption, a teaser's blurb) still goes, and so does any box after the article's last paragraph.

    Asked for the navigation family and, since session 12, the related one: a "related" wrapper
    that holds a box of links and, beside it, paragraphs that go on with the story (a guide's
    section printed inside the wrapper of the links box next to it). Its headlines are links and
    still go; only link-free paragraphs are spared, and only when the box that holds them holds
    no link (two teaser cards, each a linked headline over its blurb, go). Measured (issue #13,
    session 12): wceb2026-dev 3 pages better / 0 worse, wcxb-dev 3 / 0, scrapinghub, dragnet-dev
    and trafilatura-eval-dev (left out) 0 / 0."""
    if not (_plain_paragraph(ctx.blocks[i]) and _in_flow(ctx, i)):
        return False
    counts = _paragraph_counts(ctx)
    containers = ctx.containers
    if not all(
        counts[cid] > FURNITURE_MAX_PARAGRAPHS
        for cid in ctx.blocks[i].containers
        if cid not in protected and family in containers[cid].concepts
    ):
        return False
    if family != "related":
        return True
    # the paragraphs' own box (the innermost element holding several) holds no link: a run of
    # the story's text, not teaser cards (a linked headline over each blurb)
    own = next((c for c in reversed(ctx.blocks[i].containers) if counts[c] > FURNITURE_MAX_PARAGRAPHS), None)
    return own is None or _linked_counts(ctx)[own] == 0


def _linked_counts(ctx: Context) -> list[int]:
    """How many blocks with a link each container holds."""

    def count() -> list[int]:
        return _per_container(ctx, (block for block in ctx.blocks if block.links))

    return ctx.region_memo("html_linked_counts", count)


#: The families whose class words a listing page's cards wear without being furniture.
_ITEM_FAMILIES = frozenset({"navigation", "related"})


def _concepts_by_family(
    ctx: Context, protected: set[int]
) -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """The concepts around each block (its containers' but the protected ones'), and for each
    concept the blocks it is around, in order."""
    marked = [_marked_concepts(ctx, block.containers, protected) for block in ctx.blocks]
    by_family: dict[str, list[int]] = {}
    for i, concepts in enumerate(marked):
        for concept in concepts:
            by_family.setdefault(concept, []).append(i)
    return marked, by_family


def make_markup_rule(name: str, family: str, reason: str, guard_may_undo: bool = False) -> Rule:
    def apply(ctx: Context) -> Iterator[Mark]:
        protected = protected_containers(ctx)
        thread = ctx.region.thread if family == "comments" and ctx.region else frozenset()
        items = ctx.region.items if family in _ITEM_FAMILIES and ctx.region else frozenset()
        lead: int | None = None  # the story's lead, found when a block of a lead family first asks
        # The concepts around a block are the same for all seven markup rules (``protected`` is
        # derived from the region): worked out once and kept with the region, with the blocks
        # each family's word is around, so a rule visits only its own family's blocks.
        marked, by_family = ctx.region_memo("html_marked", lambda: _concepts_by_family(ctx, protected))
        blocks, decided = ctx.blocks, ctx.decided
        for i in by_family.get(family, ()):
            if decided[i] is not None:
                continue
            block = blocks[i]
            if thread and not thread.isdisjoint(block.containers):
                continue  # the posts of a thread page are its content
            if items and not items.isdisjoint(block.containers):
                continue  # the cards of a listing page are its content
            concepts = marked[i]
            if family == "navigation" and (
                subhead_in_flow(ctx, i, family, protected)
                or disclosed_prose(ctx, i, protected)
                or boxed_story_part(ctx, i, protected)
            ):
                continue  # the story's own subhead or closed panel (issue #13)
            if family == "related" and boxed_story_part(ctx, i, protected, family):
                continue  # the story's paragraphs inside a related box's wrapper (session 12)
            if family == "ads" and subhead_in_flow(ctx, i, family, protected):
                continue  # a subhead whose class reads as an ad ("adv-heading", session 7)
            if family == "subscribe" and prose_under_pitch(ctx, i, protected, _paragraph_counts(ctx)):
                continue  # the page's own sections under a pitch's class word (session 10)
            if family in LEAD_FAMILIES or (family == "navigation" and LEAD_FAMILIES & concepts):
                if lead is None:  # the span as it stands now: the navigation rules' is kept apart
                    lead = story_lead(ctx, lambda: _find_prose_span(ctx), DISCLOSED_PROSE_MIN_WORDS)
                if i == lead:
                    continue  # the story's lead in a teaser-named box (issue #13)
            if family == "related" and block.links:
                text, href = max(block.links, key=lambda link: len(link[0]))
                yield Mark(i, action="related", value=Link(text, href))
            else:
                yield Mark(i)

    apply.__name__ = f"apply_{name.replace('-', '_')}"
    return Rule(
        name=name,
        family=family,
        reason=reason,
        apply=apply,
        formats=frozenset({"html"}),
        guard_may_undo=guard_may_undo,
    )


#: A block that is one written-out address: the writer put the URL in the text for the reader.
_BARE_URL = ("http://", "https://", "www.")


#: A list the article's own sentence announces ("Many patches were sent for review:") is the
#: story's content, links or not. The sentence has at least this many words: "Related:",
#: "See also:", "Read more on this:" are a box's labels, not the writer's sentence. Measured with
#: the in-flow subhead rule (issue #13): wcxb-dev 52 pages better / 9 worse, wceb2026-dev 31 / 8,
#: dragnet-dev 3 / 4; at 3 and 5 words every set moves <= 0.001.
LIST_INTRO_MIN_WORDS = 4
_LIST_TAGS = frozenset({"ul", "ol"})
_LIST_ITEM_TAGS = frozenset({"ul", "ol", "li"})


def introduced_list_item(ctx: Context, i: int) -> bool:
    """A list item between the article's own paragraphs whose list is announced by the kept
    sentence just before it, ending in a colon (a changelog, the tools of a how-to, the picks of
    a roundup). A list of links after the article's last paragraph still goes, and so does one
    under a label ("Related:") or under nothing."""
    if not _in_flow(ctx, i):
        return False
    containers = ctx.containers
    lists = [cid for cid in ctx.blocks[i].containers if containers[cid].tag in _LIST_TAGS]
    if not lists:
        return False
    outer = lists[0]  # a nested list belongs to the outermost list's announcement
    j = i - 1
    while j >= 0 and outer in ctx.blocks[j].containers:
        j -= 1
    if j < 0 or ctx.decided[j] is not None:
        return False
    intro = ctx.blocks[j].text
    return intro.endswith((":", "：")) and word_count(intro) >= LIST_INTRO_MIN_WORDS


def linked_subhead(ctx: Context, i: int) -> bool:
    """A linked heading between the article's own paragraphs that a paragraph of prose follows:
    the name of a roundup's pick or of a how-to's tool, linked to it, over the story's text about
    it. A heading inside a list is one entry of a list of links ("More:" and its headlines), a
    run of linked headings with no text under them is a box of teasers, and a headline with its
    own dateline or byline under it is another story's card; all still go, as does every linked
    heading after the article's last paragraph."""
    block = ctx.blocks[i]
    if not block.heading_level or not _in_flow(ctx, i):
        return False
    containers = ctx.containers
    if any(containers[cid].tag in _LIST_ITEM_TAGS for cid in block.containers):
        return False
    weights = block_weights(ctx)
    for j in range(i + 1, len(ctx.blocks)):
        rule = ctx.decided[j]
        if rule is None:
            return not ctx.blocks[j].heading_level and weights[j] > 0
        if rule.credit_line:
            return False  # a headline with its own date or byline under it: another story's teaser
    return False


def apply_link_list(ctx: Context) -> Iterator[Mark]:
    items = ctx.region.items if ctx.region else frozenset()
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None or not block.link_chars:
            continue
        if items and not items.isdisjoint(block.containers):
            continue  # an item's name, price or tags on a listing page
        if block.link_density >= LINK_LIST_DENSITY and word_count(block.text) <= LINK_LIST_MAX_WORDS:
            if " " not in block.text and block.text.startswith(_BARE_URL):
                continue
            if introduced_list_item(ctx, i) or linked_subhead(ctx, i) or i in card_headlines(ctx):
                continue  # the story's own list or linked subhead (issue #13), a card's headline (session 10)
            if _in_flow(ctx, i) and story_list_entry(ctx, i, LINK_LIST_DENSITY, LINK_LIST_MAX_WORDS):
                continue  # a list of the story's own, or an entry's linked name (sessions 8, 10)
            yield Mark(i)


def apply_outside_article(ctx: Context) -> Iterator[Mark]:
    """Everything outside the article region (HTML: the main container; text: the prose run)."""
    region = ctx.region
    if region is None:
        return
    if ctx.source_format == "html":
        containers = region.containers
        if not containers:
            return
        for i, block in enumerate(ctx.blocks):
            if ctx.decided[i] is None and containers.isdisjoint(block.containers):
                yield Mark(i)
        return
    if region.span is None:
        return
    first, last = region.span
    for i in range(len(ctx.blocks)):
        if ctx.decided[i] is None and not first <= i <= last:
            yield Mark(i)


#: The seven rules of :data:`MARKUP_RULES`, in its order.
CONCEPT_RULES: tuple[Rule, ...] = tuple(make_markup_rule(*spec) for spec in MARKUP_RULES)
LINK_LIST = Rule("link-list", "navigation", "a block made almost only of links is a menu or a link list",
                 apply_link_list, frozenset({"html"}), guard_may_undo=True)
OUTSIDE_ARTICLE = Rule("outside-article", "structure", "outside the article region chosen for this page",
                       apply_outside_article, guard_may_undo=True)
