"""A box named as a pitch that holds the page's own prose.

A newsletter form, a "follow us" box or a paywall's offer is a heading, a sentence or two and a
button. An element whose class names such a box but which holds several paragraphs of prose
inside the article region is the page's own content under an unlucky word: a service page's
customer testimonials in a ``follow-up`` slider, a section of the offer drawn as a
call-to-action component. The markup rule of the family spares its blocks.
"""

from __future__ import annotations

from newsclean.rules.pipeline import Context

#: A pitch-named element inside the region holding more than this many paragraphs of prose
#: (link-free, ``markup.DISCLOSED_PROSE_MIN_WORDS`` words or more) is content. Measured (issue
#: #13, session 10): see docs/benchmarks.md, "Session 10: the page types that are not articles".
PITCH_MAX_PARAGRAPHS = 2


def prose_under_pitch(ctx: Context, i: int, protected: set[int], paragraphs: list[int]) -> bool:
    """Whether block ``i``, inside the region, sits in a subscribe-named element (the outermost
    one not ``protected``) that holds more than :data:`PITCH_MAX_PARAGRAPHS` paragraphs of prose
    (``paragraphs``: each container's count)."""
    block = ctx.blocks[i]
    region = ctx.region.containers if ctx.region else frozenset()
    if region.isdisjoint(block.containers):
        return False
    containers = ctx.containers
    named = next(
        (c for c in block.containers if c not in protected and "subscribe" in containers[c].concepts), -1
    )
    return named >= 0 and paragraphs[named] > PITCH_MAX_PARAGRAPHS
