"""Pages that are not one article: their content area, and when the region takes it whole.

The region finder (:mod:`newsclean.rules.html_region`) looks for the container where the prose
concentrates, which on a story page is the story. A product, service, documentation or forum
page spreads its content over several sibling sections (a lead paragraph, a feature list, a
specs table, an FAQ, one post per reply) and the best concentrated container is only one of
them. Such a page is recognised by what lies around the core: content worth more than the core
itself. The region then becomes the page's *content area*, the ancestor of the core that holds
the most content net of page furniture; the rules that remove menus, share bars, cookie banners,
link lists and the rest still run inside it.

What does not count as content around the core: furniture (blocks in containers named as
navigation, related, share… and link lists), a second copy of a text the core already has (a
story laid out twice, for phones and for desktops), and the snippets of teasers (a small item
with a linked headline), which fill the space around a story on news pages.

A forum topic whose opening post sits apart from its replies is recognised by the shape of the
posts (:func:`opening_post_thread`): the replies are drawn with the opening post's template.
Whether a page is a thread at all, and its thread's container: :mod:`newsclean.rules.thread_shape`.
"""

from __future__ import annotations

from newsclean.blocks.model import container_spans
from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS
from newsclean.rules.pipeline import Context

#: A block this link-heavy is a menu or a link list, whatever its container says.
LINK_HEAVY = 0.5
#: The content area is taken when its content outweighs the core's this many times: a story
#: with a short box beside it, or a wrapper adding its headline, byline and copyright line, stays
#: a story (at 1.25 the wrapper of a short Chinese news story was taken); at 2 documentation and
#: service pages whose core is one long section of several lose their other sections.
WIDEN_RATIO = 1.5
#: … or this many times when what it adds has subheadings of its own (h2–h6): the other sections
#: of a product, service or documentation page. A story's wrapper adds no subheading.
SECTIONS_WIDEN_RATIO = 1.25
#: An item of a teaser list is a small group of blocks (headline, snippet, byline, date) …
TEASER_ITEM_BLOCKS = 5
#: … one of them a headline: a link of at least this many words, and almost nothing else.
HEADLINE_WORDS = 4
HEADLINE_LINK_DENSITY = 0.8


def spans(ctx: Context) -> tuple[list[int], list[int]]:
    """:func:`~newsclean.blocks.model.container_spans` of the page, computed once per page (the
    blocks and containers do not change after the walk)."""
    cached: tuple[list[int], list[int]] | None = ctx.cache.get("container_spans")
    if cached is None:
        cached = container_spans(ctx.blocks, [c.parent for c in ctx.containers])
        ctx.cache["container_spans"] = cached
    return cached


def content_area(
    ctx: Context, core: int, chosen: frozenset[int], snippets: frozenset[int] = frozenset()
) -> int | None:
    """The container to take as the region instead of the core, or ``None`` to keep the core.

    ``chosen`` is the region found so far (the core and the siblings taken with it). The
    ancestor of the core holding the most content net of furniture is taken when its content is
    worth :data:`WIDEN_RATIO` times the region's (:data:`SECTIONS_WIDEN_RATIO` when it adds
    subheadings); a container outside the core's chain, when it
    holds more content net of furniture than any ancestor and as much more than the region.
    The blocks in ``snippets`` (a teaser list's snippets cut short) are no content it adds.
    """
    containers = ctx.containers
    chain = []
    c = core
    while c >= 0:
        chain.append(c)
        c = containers[c].parent
    if any(containers[cid].tag == "footer" for cid in chain):
        # a core in the page's footer is its legal or about text: it holds none of the content
        values = block_values(ctx, set(), frozenset())
    else:
        values = block_values(ctx, set(chain), chosen)
    teasers = teaser_blocks(ctx)
    net = [0.0] * len(containers)
    content = [0.0] * len(containers)
    sections = [False] * len(containers)
    in_chosen = 0.0
    seen = {b.text for b in ctx.blocks if not chosen.isdisjoint(b.containers)}
    counted: set[str] = set()
    for i, (block, value) in enumerate(zip(ctx.blocks, values, strict=True)):
        subheading = False
        if not chosen.isdisjoint(block.containers):
            if block.text in counted:
                continue
            counted.add(block.text)
            in_chosen += max(value, 0.0)
        elif block.text in seen or (value > 0 and (i in teasers or i in snippets)):
            continue
        else:
            seen.add(block.text)
            subheading = value > 0 and block.heading_level >= 2
        # each block's figures go to its innermost container, then up the tree below
        path = block.containers
        if not path:
            continue
        cid = path[-1]
        net[cid] += value
        if value > 0:
            content[cid] += value
        if subheading:
            sections[cid] = True
    # A container's totals are its own blocks' and its children's (a parent's id is smaller than
    # its children's). The values are whole numbers of characters (see block_values), so the
    # float sums are exact, the same in this order as block by block down each chain.
    for cid in range(len(containers) - 1, -1, -1):
        parent = containers[cid].parent
        if parent >= 0:
            net[parent] += net[cid]
            content[parent] += content[cid]
            if sections[cid]:
                sections[parent] = True
    best = max(chain, key=lambda cid: (net[cid], containers[cid].depth))
    need = WIDEN_RATIO * max(in_chosen, 1.0)
    # the content may sit beside the core's chain (the core was a notice or a banner at the top):
    # there it holds more content net of furniture than any ancestor of the core
    on_chain = set(chain)
    # Inside the core: the ids after it that are deeper (ids follow document order, so the
    # core's subtree is one run of them). Its ancestors are all before it.
    end = core + 1
    depth = containers[core].depth
    while end < len(containers) and containers[end].depth > depth:
        end += 1
    beside = [cid for cid in range(core) if cid not in on_chain]
    beside.extend(range(end, len(containers)))
    if beside:
        # the first container with the most net content, the deepest of those
        top = max(map(net.__getitem__, beside))
        elsewhere = max((cid for cid in beside if net[cid] == top), key=lambda cid: containers[cid].depth)
        if net[elsewhere] > net[best] and content[elsewhere] >= need:
            return elsewhere
    if best == core:
        return None
    if sections[best] and content[best] >= SECTIONS_WIDEN_RATIO * max(in_chosen, 1.0):
        return best  # it adds sections of its own, under subheadings: a page of sections
    if content[best] < need:
        return None
    return best


def block_values(ctx: Context, trusted: set[int], region: frozenset[int]) -> list[float]:
    """Each block's length, negative for furniture, zero for a comment.

    Furniture: taken by an earlier rule, link-heavy, or inside a container named as boilerplate
    (but not one of ``trusted``, the core's own chain, and not inside the ``region`` found so far:
    the region finder has judged those by their prose, whatever their class says). A comment
    neither adds nor costs: on a question-and-answer page each answer's comments sit between the
    answers, and whether comments are content is the thread rules' call.
    """
    # The boilerplate concepts named on each container's chain (itself and its ancestors, the
    # trusted ones left out): a block's are its innermost container's (a block's containers are
    # that container's chain), one set per container rather than a loop up each block's chain.
    empty: frozenset[str] = frozenset()
    named_on: list[frozenset[str]] = []
    for c, container in enumerate(ctx.containers):
        parent = container.parent
        named_here = named_on[parent] if parent >= 0 else empty
        concepts = container.concepts
        if concepts and c not in trusted:  # (most containers name nothing)
            own = concepts & BOILERPLATE_CONCEPTS
            if own and not own <= named_here:
                named_here = named_here | own
        named_on.append(named_here)
    values: list[float] = []
    for i, block in enumerate(ctx.blocks):
        length = float(len(block.text))
        if ctx.decided[i] is not None or block.link_density >= LINK_HEAVY:
            values.append(-length)
            continue
        chain = block.containers
        named = named_on[chain[-1]] if chain and region.isdisjoint(chain) else empty
        if not named:
            values.append(length)
        elif named == {"comments"}:
            values.append(0.0)
        else:
            values.append(-length)
    return values


def teaser_blocks(ctx: Context) -> set[int]:
    """Indices of the text blocks of teasers: in a small item beside a linked headline, or
    opening with the linked headline themselves ("Title of the story NEW DELHI: The …")."""
    # how many blocks each container holds (its blocks are one run: see container_spans)
    first, last = spans(ctx)
    count = [end - start + 1 if start >= 0 else 0 for start, end in zip(first, last, strict=True)]
    with_headline: set[int] = set()
    for block in ctx.blocks:
        if block.link_density >= HEADLINE_LINK_DENSITY and len(block.text.split()) >= HEADLINE_WORDS:
            for cid in reversed(block.containers):
                if count[cid] > TEASER_ITEM_BLOCKS:
                    break
                with_headline.add(cid)
    found: set[int] = set()
    for i, block in enumerate(ctx.blocks):
        if block.link_density >= LINK_HEAVY:
            continue
        first_link = block.links[0][0] if block.links else ""
        if len(first_link.split()) >= HEADLINE_WORDS and block.text.startswith(first_link):
            found.add(i)
            continue
        for cid in reversed(block.containers):
            if count[cid] > TEASER_ITEM_BLOCKS:
                break
            if cid in with_headline:
                found.add(i)
                break
    return found


#: On a thread page the region is the smallest container holding this share of the posts' prose.
THREAD_POSTS_SHARE = 0.7


#: A post's place in the markup: the tags of the innermost containers around its text. Forum
#: software draws every post with one template, so the opening post and the replies share it.
POST_SHAPE_DEPTH = 6
#: A shape made of these tags alone tells nothing: every page, a story's body and its comment
#: list alike, is drawn with nested ``div`` s and ``p`` s.
PLAIN_TAGS = frozenset({"div", "p", "span"})
#: The replies drawn like the region's post must be at least this many …
THREAD_MIN_REPLIES = 2
#: … and hold at least this share of the region's prose: a thread, not a story with comments.
THREAD_REPLIES_SHARE = 0.5


def _shape(ctx: Context, block_containers: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(ctx.containers[c].tag for c in block_containers[-POST_SHAPE_DEPTH:])


def opening_post_thread(
    ctx: Context, chosen: frozenset[int], weights: list[float], in_comments: list[bool]
) -> int | None:
    """The container around a thread whose opening post sits outside its comment section.

    Forum software often draws the topic's first post apart and the replies in a container
    named for comments; the page then does not read as a thread (much of its prose is outside
    the comments), and the region is the first post alone. The replies are recognised by their
    shape: their text sits in the same nest of elements as the first post's (the same template),
    which a story's paragraphs and its readers' comments do not share. The region then becomes
    the smallest container holding the first post and most of those replies.
    """
    shapes: dict[tuple[str, ...], float] = {}
    region_prose = 0.0
    for i, block in enumerate(ctx.blocks):
        weight = weights[i]
        if weight <= 0 or ctx.decided[i] is not None or chosen.isdisjoint(block.containers):
            continue
        region_prose += weight
        if len(block.containers) >= POST_SHAPE_DEPTH:
            shape = _shape(ctx, block.containers)
            shapes[shape] = shapes.get(shape, 0.0) + weight
    if not shapes:
        return None
    post_shape = max(shapes, key=lambda s: shapes[s])
    if set(post_shape) <= PLAIN_TAGS:
        return None
    replies: dict[int, float] = {}  # the holder of each reply -> its prose
    inside: dict[int, float] = {}
    total = 0.0
    for i, block in enumerate(ctx.blocks):
        weight = weights[i]
        if weight <= 0 or ctx.decided[i] is not None or not block.containers:
            continue
        if not in_comments[block.containers[-1]] or not chosen.isdisjoint(block.containers):
            continue
        if _shape(ctx, block.containers) != post_shape:
            continue
        holder = block.containers[-1]
        replies[holder] = replies.get(holder, 0.0) + weight
        total += weight
        for cid in block.containers:
            inside[cid] = inside.get(cid, 0.0) + weight
    if len(replies) < THREAD_MIN_REPLIES or total < THREAD_REPLIES_SHARE * region_prose:
        return None
    # the smallest container around the first post that holds most of the replies
    around = set()
    for cid in chosen:
        while cid >= 0:
            around.add(cid)
            cid = ctx.containers[cid].parent
    held = [cid for cid in around if inside.get(cid, 0.0) >= THREAD_POSTS_SHARE * total]
    return max(held, key=lambda cid: ctx.containers[cid].depth) if held else None


#: A story before the thread: this much prose outside it ahead of the first post, or this share of
#: the posts' (:func:`posts_are_content` and :func:`thread_posts` measure it alike).
STORY_BEFORE_CHARS = 500
STORY_BEFORE_SHARE = 0.25


def posts_are_content(ctx: Context, area: int, weights: list[float], in_comments: list[bool]) -> bool:
    """Whether the posts of a thread page, in ``area``, are its content: no story precedes them.

    The story of a story-with-comments page stands before the comment section, outside it. An
    opening post, a notice or a sign-up prompt above the replies sits inside the thread's
    container (the comment rule's own test wants the region's first prose to be a post, and
    these failed it, losing every reply).
    """
    before = posts = 0.0
    for i, block in enumerate(ctx.blocks):
        weight = weights[i]
        if weight <= 0 or ctx.decided[i] is not None or not block.containers:
            continue
        if in_comments[block.containers[-1]]:
            posts += weight
        elif not posts and area not in block.containers:
            before += weight
    return posts > 0 and before < min(STORY_BEFORE_CHARS, STORY_BEFORE_SHARE * posts)


#: The article region is a discussion thread (a forum topic, a Q&A page) when its first prose is
#: a post (in a container named as a comment) and this share of its prose is in posts: there the
#: posts are the content. A story followed by its comments starts with the story, inside the
#: region or before it (a story's worth of prose before the region: ``STORY_BEFORE_CHARS``, or
#: ``STORY_BEFORE_SHARE`` of the region's).
THREAD_SHARE = 0.6


def thread_posts(ctx: Context, region: frozenset[int], weights: list[float]) -> frozenset[int]:
    """The region's containers when the region is a discussion thread, else nothing.

    The comment rule spares the blocks inside them: the posts of a thread page are its content.
    """
    if not region:
        return frozenset()
    containers = ctx.containers
    total = in_comments = before = 0.0
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None:
            continue
        weight = weights[i]
        if weight <= 0:
            continue
        if region.isdisjoint(block.containers):
            if not total:
                before += weight
            continue
        posted = any("comments" in containers[c].concepts for c in block.containers)
        if not total and not posted:
            break
        total += weight
        if posted:
            in_comments += weight
    story_before = before >= min(STORY_BEFORE_CHARS, STORY_BEFORE_SHARE * total)
    if total > 0 and in_comments >= THREAD_SHARE * total and not story_before:
        return region
    return frozenset()
