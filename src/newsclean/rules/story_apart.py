"""A story drawn apart from its comments: the page is an article with comments, not a thread.

A page whose comment-named containers hold most of its prose reads as a discussion thread (a
forum topic, :func:`newsclean.rules.page_kind.is_thread_page`). A short post under a long
comment section reads the same by its prose, but the page draws it apart: its text sits before
the first comment in a container the page marks as the article (an ``<article>`` element, or a
class or ``itemprop`` naming the article body) that holds none of the comments. A forum draws
its opening post with the replies' template, in the same list, so no article-marked container
holds it apart from them; a ``<main>`` or page-wide wrapper around the posts holds them too.
"""

from __future__ import annotations

from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context


def story_drawn_apart(ctx: Context, weights: list[float], in_comments: list[bool]) -> bool:
    """Whether text before the first post (a comment-named block with prose) sits in an
    article-marked container that holds no post: the page's own story, however short."""
    first_post = -1
    for i, block in enumerate(ctx.blocks):
        if weights[i] > 0 and ctx.decided[i] is None and block.containers and in_comments[block.containers[-1]]:
            first_post = i
            break
    if first_post < 0:
        return False
    _, last = spans(ctx)
    containers = ctx.containers
    # apart[c]: c or an ancestor is article-marked and ends before the first post (a container's
    # blocks are one run, and c's parent comes before it)
    apart = [False] * len(containers)
    for c, container in enumerate(containers):
        parent = container.parent
        apart[c] = (parent >= 0 and apart[parent]) or (
            container.article_hint and not in_comments[c] and 0 <= last[c] < first_post
        )
    return any(
        ctx.decided[i] is None and block.containers and apart[block.containers[-1]]
        for i, block in enumerate(ctx.blocks[:first_post])
    )
