"""Where the article is on an HTML page: the container whose blocks add up to the most prose.

Derived once per page and cached on the context.
"""

from __future__ import annotations

from newsclean.rules.features import is_prose, word_count
from newsclean.rules.pipeline import Context
from newsclean.rules.region import family_of

#: Containers whose class/id concepts say "not the article".
BOILERPLATE_CONCEPTS = frozenset({"share", "related", "subscribe", "comments", "ads", "cookie", "navigation"})


def block_weight(text: str, link_chars: int, kind: str) -> float:
    """How much a block says "article here": prose counts its length, link lists count against."""
    length = len(text)
    if link_chars > 0.5 * length:
        return -float(link_chars) * 0.5 - 10
    if kind.startswith("h") and len(kind) == 2:
        return 0.0
    if is_prose(text):
        return float(length - link_chars)
    if word_count(text) <= 3:
        return -10.0
    return -0.2 * length


def main_container(ctx: Context) -> int | None:
    """The container holding the article: the one whose blocks add up to the most prose.

    A hinted container (``<article>``, ``itemprop=articleBody``, an "article body" class) wins
    when it holds most of the best score, since markup saying "this is the article" is strong
    evidence when the prose agrees.
    """
    if ctx.main is not None or not ctx.containers:
        return ctx.main
    containers = ctx.containers
    score = [0.0] * len(containers)
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None:
            w = 0.0 if family_of(ctx, i) in ("metadata",) else -5.0
        else:
            w = block_weight(block.text, block.link_chars, block.kind)
        for cid in block.containers:
            score[cid] += w
    best = max(range(len(containers)), key=lambda c: (score[c], -containers[c].depth))
    if score[best] <= 0:
        return None
    top = score[best]
    hinted = [c for c in range(len(containers)) if containers[c].article_hint and score[c] >= 0.8 * top]
    if hinted:
        best = max(hinted, key=lambda c: (score[c], -containers[c].depth))
    ctx.main = best
    return best


def ancestors_and_self(ctx: Context, cid: int) -> set[int]:
    """``cid`` and every container above it."""
    out = set()
    while cid >= 0:
        out.add(cid)
        cid = ctx.containers[cid].parent
    return out
