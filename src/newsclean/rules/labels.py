"""Phrase rules: a block that *is* a boilerplate label, or a short call to action.

One rule per family, generated from :data:`LABEL_RULES`; the vocabulary itself lives in
:mod:`newsclean.phrases`. Glued labels (``Community standardsDiscussion``) are matched part by
part and reported as separate pieces.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.phrases import PATTERN_FAMILY, label_family
from newsclean.rules.features import word_count
from newsclean.rules.pipeline import Context, Mark, Rule
from newsclean.rules.textsearch import find, inside_quotes

#: Longest block (characters) a call-to-action pattern may remove: article paragraphs that
#: merely *mention* newsletters or cookies are longer than the prompts themselves.
PROMPT_MAX_CHARS = 260
PROMPT_MAX_WORDS = 45

#: (rule name, family, reason)
LABEL_RULES: tuple[tuple[str, str, str], ...] = (
    ("widget-label", "widget",
     "audio/video players, short links, print, font-size, reading-time and photo-credit controls are page furniture"),
    ("share-label", "share", "share buttons and share counters are not article text"),
    ("subscribe-prompt", "subscribe",
     "subscribe, sign-up, follow-us, newsletter and app prompts address the reader, not the story"),
    ("comments-label", "comments", "comment counters, discussion links and community rules belong to the comment section"),
    ("ad-label", "ads", "advertisement and sponsored-content labels"),
    ("cookie-notice", "cookie", "cookie and consent notices"),
    ("navigation-label", "navigation", "menu items, section names, legal links and copyright lines"),
)


def _glued_family(segments: tuple[str, ...]) -> str | None:
    """The family of a glued run of labels, when every part is a label."""
    families = [label_family(part) for part in segments]
    if all(families):
        return families[0]
    return None


def make_label_rule(name: str, family: str, reason: str) -> Rule:
    pattern = PATTERN_FAMILY.get(family)

    def apply(ctx: Context) -> Iterator[Mark]:
        timeout = ctx.regex_timeout
        for i, block in enumerate(ctx.blocks):
            if ctx.decided[i] is not None:
                continue
            text = block.text
            if len(text) <= 80:
                if label_family(text) == family:
                    yield Mark(i)
                    continue
                if len(block.segments) > 1 and _glued_family(block.segments) == family:
                    yield Mark(i, pieces=block.segments)
                    continue
            if pattern is not None and len(text) <= PROMPT_MAX_CHARS and word_count(text) <= PROMPT_MAX_WORDS:
                match = find(pattern, text, timeout)
                if match is not None and not inside_quotes(text, match.start()):
                    yield Mark(i)

    apply.__name__ = f"apply_{name.replace('-', '_')}"
    return Rule(name=name, family=family, reason=reason, apply=apply)


#: A line of menu items: "Terms of Use | Privacy Policy | Contact", "Home · News · Sport".
MENU_SEPARATORS = regex.compile(r"\s+[|·•/]\s+|\s*[|·•]\s*")
MENU_LABEL_SHARE = 0.6


def menu_items(text: str) -> list[str] | None:
    """The items of a separator-joined menu line, or ``None`` when it is not one."""
    if len(text) > 300:
        return None
    items = [item.strip() for item in MENU_SEPARATORS.split(text) if item.strip()]
    if len(items) < 2:
        return None
    labelled = sum(1 for item in items if label_family(item) is not None)
    return items if labelled >= MENU_LABEL_SHARE * len(items) else None


def apply_menu_line(ctx: Context) -> Iterator[Mark]:
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is None and menu_items(block.text):
            yield Mark(i)


LABEL_RULE_OBJECTS: tuple[Rule, ...] = tuple(make_label_rule(*spec) for spec in LABEL_RULES) + (
    Rule("menu-line", "navigation", "a line of menu items joined by separators (| · •)", apply_menu_line),
)

