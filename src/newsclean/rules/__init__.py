"""The rule pipeline: one ordered tuple of rules and region steps, run over the blocks of every page.

Order matters and reads like the algorithm:

1. metadata lines that look like nothing else (datelines, bylines, tag lines);
2. HTML: the article region is located (the container where the prose concentrates), once;
3. phrase rules: blocks that *are* widget, share, subscribe, comment, ad, cookie or menu text;
4. related-story headers and the lists under them;
5. markup rules (HTML): blocks inside regions whose class/id/role name them as boilerplate
   (except around the article region), link lists, and image captions;
6. text: the article region is located (the best run of prose lines) from what is left, once;
7. structure: tag lines, the title and headline runs around the region are moved to metadata;
   everything else outside it is removed.

Each region step sits at the one point whose state it needs: the HTML region weighs prose before
any boilerplate rule has run (the phrase prefilter and the markup rules read it), the text region
weighs lines after the phrase rules have named the comment, related and subscribe markers that
end an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from newsclean.rules import (
    alt_text,
    author_box,
    captions,
    figure_caption,
    html_region,
    labels,
    markup,
    metadata,
    quotes,
    region,
    related,
    trailing,
)
from newsclean.rules.pipeline import Context, Mark, Region, RegionStep, Rule, Step, run

HTML_REGION = RegionStep(
    "html-region",
    "the container where the article's prose concentrates, widened to the content area of a page "
    "that is not one story, to the posts of a thread, or to a listing page's run of item cards",
    html_region.locate,
    frozenset({"html"}),
)
TEXT_REGION = RegionStep(
    "text-region",
    "the best run of prose lines, ended by comment, related and subscribe markers",
    region.locate,
    frozenset({"text"}),
)

PIPELINE: tuple[Step, ...] = (
    metadata.DATELINE,
    metadata.BYLINE,
    metadata.TAG_LINE,
    HTML_REGION,
    *labels.LABEL_RULE_OBJECTS,
    related.RELATED_HEADER,
    *markup.CONCEPT_RULES,
    markup.LINK_LIST,
    figure_caption.FIGURE_CAPTION,
    related.RELATED_BOX,
    author_box.AUTHOR_BOX,
    TEXT_REGION,
    alt_text.ALT_TEXT,
    captions.CAPTION_LINE,
    metadata.TITLE_HEADING,
    metadata.TAG_LIST,
    metadata.TITLE_LINE,
    related.RELATED_HEADLINES,
    markup.OUTSIDE_ARTICLE,
    quotes.QUOTED_COPY,
    trailing.TRAILING_HEADING,
)

#: The rules of the pipeline, in order (its region steps left out).
RULES: tuple[Rule, ...] = tuple(step for step in PIPELINE if isinstance(step, Rule))
RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}
RULE_NAMES: frozenset[str] = frozenset(RULES_BY_NAME)
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(rule.family for rule in RULES))


def all_patterns() -> Iterator[tuple[str, regex.Pattern[str] | re.Pattern[str]]]:
    """Every compiled pattern that meets page text, by name: the phrase packs' and the rules'
    own (for the backtracking tests)."""
    from newsclean.lazyre import compiled
    from newsclean.meta import tags
    from newsclean.phrases import phrase_patterns
    from newsclean.rules import features

    yield from phrase_patterns()
    yield "meta.tags.LABEL", compiled(tags.LABEL)
    yield "labels.MENU_SEPARATORS", compiled(labels.MENU_SEPARATORS)
    for module in (features, captions):
        short = module.__name__.rsplit(".", 1)[-1]
        for name in dir(module):
            value = compiled(getattr(module, name))
            if isinstance(value, regex.Pattern):
                yield f"{short}.{name}", value


__all__ = [
    "PIPELINE", "RULES", "RULES_BY_NAME", "RULE_NAMES", "FAMILIES", "HTML_REGION", "TEXT_REGION",
    "Context", "Mark", "Region", "RegionStep", "Rule", "Step", "run",
]
