"""Thread pages: when a page's posts are its content, and where its thread is.

A page whose comment-named containers hold most of its prose is a discussion thread (a forum
topic, a Q&A page; :func:`is_thread_page`) unless a story comes before its posts. What tells the
two apart is how the page draws them:

* A story, however short, is drawn apart from its comments: its text sits before the first
  comment in a container the page marks as the article (an ``<article>`` element, or a class or
  ``itemprop`` naming the article body) that holds none of the comments
  (:func:`story_drawn_apart`). A ``<main>`` or page-wide wrapper around the posts holds them too.
* A forum's opening post is drawn like the replies, even where it sits apart from them (a card
  of its own above a list named as comments): the same post-body container and the same
  elements down to its text (:func:`drawn_like_posts`). It is no story, and the thread's region
  holds it (:func:`thread_area`).
"""

from __future__ import annotations

from newsclean.rules.page_kind import THREAD_POSTS_SHARE, spans
from newsclean.rules.pipeline import Context

#: A page whose prose outside comment sections is below this share of the prose inside them is
#: a discussion thread (a forum topic): its posts are what the page is for.
THREAD_OUTSIDE_SHARE = 0.25


#: ... unless a story comes first: this much prose outside the comment sections before the first
#: post, not drawn like the posts (or any prose drawn apart: :func:`story_drawn_apart`). The
#: same measure as ``page_kind.STORY_BEFORE_CHARS``; a forum's opening post drawn apart from its
#: replies is taken up by :func:`newsclean.rules.page_kind.opening_post_thread` or, drawn like
#: them, here. Measured (issue #13): dragnet-dev 15 pages better, 0 worse (blog posts whose
#: comments were kept as a thread); no other set moves. At 450 / 550 (+-10 %, with the other two
#: constants of that change) every set moves <= 0.001.
STORY_FIRST_CHARS = 500


def is_thread_page(ctx: Context, weights: list[float], in_comments: list[bool]) -> bool:
    """Whether the page is a discussion thread: its posts (comment-named containers) hold most of
    its prose and no story comes before them (see the constants above)."""
    if not any(block.containers and in_comments[block.containers[-1]] for block in ctx.blocks):
        return False  # no comment section (most pages): the posts' shape is not worked out
    inside = outside = story = 0.0
    story_first: bool | None = None  # decided by the first prose block
    like_posts = drawn_like_posts(ctx, weights, in_comments)
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None or not block.containers:
            continue
        weight = weights[i]
        if weight <= 0:
            continue
        if in_comments[block.containers[-1]]:
            inside += weight
            if story_first is None:
                story_first = False
        else:
            outside += weight
            if like_posts[i]:  # an opening post drawn like the replies: no story
                continue
            story += weight
            if story_first is None and story >= STORY_FIRST_CHARS:
                story_first = True
    if story_first or story_drawn_apart(ctx, weights, in_comments, like_posts):
        # A blog post with its comments: a short post under many comments has little prose
        # beside them, but it comes first and the page's own markup draws it apart, in an
        # ``<article>`` or a container it calls the article body (``entry-content``,
        # ``itemprop=articleBody``) that holds no comment. A forum's posts are the
        # comment-named containers themselves, and the first post is one of them or is drawn
        # like them.
        return False
    return inside > 0 and outside < THREAD_OUTSIDE_SHARE * inside


def thread_area(ctx: Context, weights: list[float], in_comments: list[bool]) -> int | None:
    """The container around the posts of a thread page (a forum topic), or ``None``.

    The core there is the longest post, or a notice beside the thread; the page's content is
    every post, so the region is the smallest container that holds most of their prose.
    """
    inside: dict[int, float] = {}
    total = 0.0
    for i, block in enumerate(ctx.blocks):
        weight = weights[i]
        if weight <= 0 or ctx.decided[i] is not None or not block.containers:
            continue
        if not in_comments[block.containers[-1]]:
            continue
        total += weight
        for cid in block.containers:
            inside[cid] = inside.get(cid, 0.0) + weight
    if total <= 0:
        return None
    containers = ctx.containers
    first, last = spans(ctx)
    opening = opening_post(ctx, weights, in_comments)  # held too, when it sits apart
    held = [
        cid
        for cid, value in inside.items()
        if value >= THREAD_POSTS_SHARE * total and (opening < 0 or first[cid] <= opening <= last[cid])
    ]
    return max(held, key=lambda cid: containers[cid].depth) if held else None


def story_drawn_apart(
    ctx: Context, weights: list[float], in_comments: list[bool], like_posts: list[bool]
) -> bool:
    """Whether prose before the first post (a comment-named block with prose) sits in an
    article-marked container that holds no post, and is not drawn like the posts
    (``like_posts``, :func:`drawn_like_posts`): the page's own story, however short. (Prose:
    a forum may draw its topic's header, the title and tags, as an ``<article>`` of its own.)"""
    first_post, apart = article_apart(ctx, weights, in_comments)
    return any(
        weights[i] > 0 and ctx.decided[i] is None and not like_posts[i] and apart[block.containers[-1]]
        for i, block in enumerate(ctx.blocks[:first_post])
        if block.containers
    )


def article_apart(ctx: Context, weights: list[float], in_comments: list[bool]) -> tuple[int, list[bool]]:
    """The first post's block index (``-1``: none) and, for each container, whether it or an
    ancestor is marked as the article (an ``<article>`` or ``<main>`` element, a class or
    ``itemprop`` naming the article body) and holds no post."""
    first_post = -1
    for i, block in enumerate(ctx.blocks):
        chain = block.containers
        if weights[i] > 0 and ctx.decided[i] is None and chain and in_comments[chain[-1]]:
            first_post = i
            break
    if first_post < 0:
        return -1, [False] * len(ctx.containers)
    containers = ctx.containers
    last = spans(ctx)[1]
    # apart[c]: c or an ancestor is article-marked and ends before the first post (a container's
    # blocks are one run, and c's parent comes before it)
    apart = [False] * len(containers)
    for c, container in enumerate(containers):
        parent = container.parent
        own = container.article_hint and not in_comments[c] and 0 <= last[c] < first_post
        apart[c] = (parent >= 0 and apart[parent]) or own
    return first_post, apart


def drawn_like_posts(ctx: Context, weights: list[float], in_comments: list[bool]) -> list[bool]:
    """For each block: whether it sits outside the comment sections but is drawn like the posts.

    A forum names the body of every post with an article-body word (``post-body``,
    ``itemprop=articleBody``…) and draws it the same way, the opening post too when it sits
    apart from the replies (which are named as comments). A block is drawn like the posts when
    the elements from its innermost article-body container down to its text are those of most
    of the posts' prose. A story's body and its readers' comments are not drawn alike: the
    comments' text sits in no article-body container, or in one of another shape.
    """
    # Each container's shape, as a number: the tags from its innermost article-body container
    # (itself or an ancestor) down to it, each new (shape above, tag) pair numbered once, so a
    # shape is one lookup per container rather than a walk up each block's chain. -1: none.
    numbers: dict[tuple[int, str], int] = {}
    shape = [-1] * len(ctx.containers)
    for c, container in enumerate(ctx.containers):
        above = -2 if container.strong_hint else (shape[container.parent] if container.parent >= 0 else -1)
        if above != -1:
            shape[c] = numbers.setdefault((above, container.tag), len(numbers))
    posts: dict[int, float] = {}
    for i, block in enumerate(ctx.blocks):
        if weights[i] > 0 and ctx.decided[i] is None and block.containers:
            inner = block.containers[-1]
            if in_comments[inner] and shape[inner] >= 0:
                posts[shape[inner]] = posts.get(shape[inner], 0.0) + weights[i]
    if not posts:
        return [False] * len(ctx.blocks)
    post_shape = max(posts, key=posts.__getitem__)
    like = [shape[c] == post_shape and not in_comments[c] for c in range(len(ctx.containers))]
    return [bool(block.containers) and like[block.containers[-1]] for block in ctx.blocks]


def opening_post(ctx: Context, weights: list[float], in_comments: list[bool]) -> int:
    """The index of the first prose block before the first post that is drawn like the posts
    (:func:`drawn_like_posts`): an opening post drawn apart from the replies, which a thread's
    region must hold (else its text, taken for a post, would be lost). ``-1``: none."""
    like = drawn_like_posts(ctx, weights, in_comments)
    for i, block in enumerate(ctx.blocks):
        if weights[i] <= 0 or ctx.decided[i] is not None or not block.containers:
            continue
        if in_comments[block.containers[-1]]:
            break
        if like[i]:
            return i
    return -1
