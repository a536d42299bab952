"""HTML rules: boilerplate regions named by their markup, link lists, and blocks outside the article."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Link
from newsclean.rules.features import word_count
from newsclean.rules.pipeline import Context, Mark, Rule
from newsclean.rules.html_region import ancestors_and_self, main_container
from newsclean.rules.region import text_region

#: (rule name, concept/family, reason)
MARKUP_RULES: tuple[tuple[str, str, str], ...] = (
    ("share-markup", "share", "inside a share/social bar"),
    ("related-markup", "related", "inside a related/recommended/most-read box"),
    ("subscribe-markup", "subscribe", "inside a newsletter, subscribe, paywall or follow box"),
    ("comments-markup", "comments", "inside the comment section"),
    ("ads-markup", "ads", "inside an ad slot or sponsored box"),
    ("cookie-markup", "cookie", "inside a cookie or consent banner"),
    ("navigation-markup", "navigation",
     "inside navigation, header, footer, sidebar, breadcrumbs, bylines, captions or other page furniture"),
)

#: A block this link-heavy, and this short, is a menu or a list of links.
LINK_LIST_DENSITY = 0.75
LINK_LIST_MAX_WORDS = 30


def _marked_concepts(ctx: Context, block_containers: tuple[int, ...], protected: set[int]) -> set[str]:
    found: set[str] = set()
    for cid in block_containers:
        if cid not in protected:
            found |= ctx.containers[cid].concepts
    return found


def make_markup_rule(name: str, family: str, reason: str) -> Rule:
    def apply(ctx: Context) -> Iterator[Mark]:
        main = main_container(ctx)
        protected = ancestors_and_self(ctx, main) if main is not None else set()
        for i, block in enumerate(ctx.blocks):
            if ctx.decided[i] is not None:
                continue
            if family in _marked_concepts(ctx, block.containers, protected):
                if family == "related" and block.links:
                    text, href = max(block.links, key=lambda link: len(link[0]))
                    yield Mark(i, action="related", value=Link(text, href))
                else:
                    yield Mark(i)

    apply.__name__ = f"apply_{name.replace('-', '_')}"
    return Rule(name=name, family=family, reason=reason, apply=apply, formats=frozenset({"html"}))


def apply_link_list(ctx: Context) -> Iterator[Mark]:
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None or not block.link_chars:
            continue
        if block.link_density >= LINK_LIST_DENSITY and word_count(block.text) <= LINK_LIST_MAX_WORDS:
            yield Mark(i)


def apply_outside_article(ctx: Context) -> Iterator[Mark]:
    """Everything outside the article region (HTML: the main container; text: the prose run)."""
    if ctx.source_format == "html":
        main = main_container(ctx)
        if main is None:
            return
        for i, block in enumerate(ctx.blocks):
            if ctx.decided[i] is None and main not in block.containers:
                yield Mark(i)
        return
    region = text_region(ctx)
    if region is None:
        return
    first, last = region
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is None and not first <= i <= last:
            yield Mark(i)


RULES = tuple(make_markup_rule(*spec) for spec in MARKUP_RULES) + (
    Rule("link-list", "navigation", "a block made almost only of links is a menu or a link list",
         apply_link_list, frozenset({"html"})),
    Rule("outside-article", "structure", "outside the article region chosen for this page",
         apply_outside_article),
)
