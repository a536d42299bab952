"""The HTML rule for images' captions and credit lines (a figure's text that is no article prose)."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.rules.pipeline import Context, Mark, Rule

#: Elements that hold an image's caption or credit line.
FIGURE_TAGS = frozenset({"figure", "figcaption"})
#: Inside a figure, these hold quoted or embedded text (a tweet, a code listing, a data table),
#: which is article text, not a caption.
FIGURE_CONTENT_TAGS = frozenset({"blockquote", "pre", "table"})
#: A "figure" holding more text than this is a wrapper around the article, not an image.
FIGURE_MAX_CHARS = 1200


def apply_figure_caption(ctx: Context) -> Iterator[Mark]:
    """Captions and credit lines of images: the reader sees them under a picture, not in the story."""
    containers = ctx.containers
    figure_chars: dict[int, int] = {}
    for block in ctx.blocks:
        for cid in block.containers:
            if containers[cid].tag in FIGURE_TAGS:
                figure_chars[cid] = figure_chars.get(cid, 0) + len(block.text)
    if not figure_chars:
        return
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None:
            continue
        for cid in reversed(block.containers):
            tag = containers[cid].tag
            if tag in FIGURE_CONTENT_TAGS:
                break
            if tag in FIGURE_TAGS:
                if figure_chars[cid] <= FIGURE_MAX_CHARS:
                    yield Mark(i)
                break


FIGURE_CAPTION = Rule("figure-caption", "widget", "an image caption or photo credit is not article text",
                      apply_figure_caption, frozenset({"html"}))
