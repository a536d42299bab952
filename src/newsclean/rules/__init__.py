"""The rule pipeline: one ordered tuple of named rules, run over the blocks of every page.

Order matters and reads like the algorithm:

1. metadata lines that look like nothing else (datelines, bylines);
2. phrase rules: blocks that *are* widget, share, subscribe, comment, ad, cookie or menu text;
3. related-story headers and the lists under them;
4. markup rules (HTML): blocks inside regions whose class/id/role name them as boilerplate,
   link lists, and image captions;
5. structure: the article region is located from what is left; tag lines, the title and
   headline runs around it are moved to metadata; everything else outside it is removed.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.rules import labels, markup, metadata, region, related
from newsclean.rules.pipeline import Context, Mark, Rule, run

_META = {rule.name: rule for rule in metadata.RULES}
_RELATED = {rule.name: rule for rule in related.RULES}
_MARKUP = {rule.name: rule for rule in markup.RULES}

PIPELINE: tuple[Rule, ...] = (
    _META["dateline"],
    _META["byline"],
    _META["tag-line"],
    *labels.LABEL_RULE_OBJECTS,
    _RELATED["related-header"],
    _MARKUP["share-markup"],
    _MARKUP["related-markup"],
    _MARKUP["subscribe-markup"],
    _MARKUP["comments-markup"],
    _MARKUP["ads-markup"],
    _MARKUP["cookie-markup"],
    _MARKUP["navigation-markup"],
    _MARKUP["link-list"],
    _MARKUP["figure-caption"],
    _META["title-heading"],
    _META["tag-list"],
    _META["title-line"],
    _RELATED["related-headlines"],
    _MARKUP["outside-article"],
)

RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in PIPELINE}
RULE_NAMES: frozenset[str] = frozenset(RULES_BY_NAME)
region.RULE_FAMILY.update({rule.name: rule.family for rule in PIPELINE})
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(rule.family for rule in PIPELINE))


def iter_rule_patterns() -> Iterator[tuple[str, regex.Pattern[str]]]:
    """Compiled patterns the rules apply to page text (for the backtracking tests)."""
    from newsclean.meta import tags
    from newsclean.rules import features

    yield "meta.tags.LABEL", tags.LABEL
    yield "labels.MENU_SEPARATORS", labels.MENU_SEPARATORS
    for name in dir(features):
        value = getattr(features, name)
        if isinstance(value, regex.Pattern):
            yield f"features.{name}", value


__all__ = ["PIPELINE", "RULES_BY_NAME", "RULE_NAMES", "FAMILIES", "Context", "Mark", "Rule", "run"]
