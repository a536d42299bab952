"""Where the article is on a text page: the best run of prose lines.

Derived once per page from the blocks the phrase rules left, and cached on the context.
"""

from __future__ import annotations

from newsclean.rules.features import is_prose
from newsclean.rules.pipeline import Context

#: How much a kept line that is not prose costs the text region (in characters of prose): a
#: subheading between two paragraphs is bridged, a run of headlines is not.
SHORT_LINE_COST = 40
#: Removed blocks that end an article (a subscribe prompt, a "Related" header, comments) cost
#: this much, so prose after them is not joined to the article.
END_MARKER_COST = 400
END_FAMILIES = frozenset({"related", "comments", "subscribe"})

#: rule name -> family, filled by :mod:`newsclean.rules` once the pipeline is assembled.
RULE_FAMILY: dict[str, str] = {}


def family_of(ctx: Context, i: int) -> str | None:
    name = ctx.decided[i]
    return None if name is None else RULE_FAMILY.get(name)


def text_region(ctx: Context) -> tuple[int, int] | None:
    """The best-scoring contiguous run of lines (maximum-sum subarray over line weights)."""
    if ctx.region is not None:
        return ctx.region
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is None:
            weight = float(len(block.text)) if is_prose(block.text) else -SHORT_LINE_COST
        elif family_of(ctx, i) in END_FAMILIES:
            weight = -END_MARKER_COST
        else:
            weight = 0.0
        if run <= 0:
            run, run_start = weight, i
        else:
            run += weight
        if run > best:
            best, best_span = run, (run_start, i)
    ctx.region = best_span
    return best_span
