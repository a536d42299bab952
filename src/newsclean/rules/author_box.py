"""An author box after the story: "About the author" (or "About <the author's name>") and the
writer's bio under it.

Blog and news themes close a post with a box about its writer: a heading, a picture, and a
paragraph or two of biography ("Jane Doe is a senior editor at …", "I founded this blog …"). The
paragraphs are prose, so the region keeps them with the story when the box sits inside the
post's container. The heading names the box; it is either the label in one of the packs'
languages or "About" with the writer's name as a link (to the author's page). The box is the
element around the heading; it goes only when it ends the story (no prose of the region follows
it) and holds no prose before its heading (a subhead "About the author" inside a review's own
container is the review's).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.lazyre import lazy
from newsclean.rules.features import is_author_bio, is_prose, names_again
from newsclean.rules.html_region import block_weights
from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context, Mark, Rule

#: The heading of an author box, in the packs' languages.
_ABOUT_AUTHOR = lazy(
    r"^\W{0,3}(?:"
    r"about (?:the |this )?(?:author|authors|writer|blogger|contributor|columnist)s?"
    r"|über (?:den autor|die autorin|die autoren|den verfasser|die verfasserin)|zum autor|zur autorin"
    r"|à propos de l['’]auteur(?:e)?|sur l['’]auteur(?:e)?|l['’]auteur(?:e)?"
    r"|sobre (?:el autor|la autora|o autor|a autora)|acerca (?:del autor|de la autora)"
    r"|sull['’]autore|l['’]autore|informazioni sull['’]autore"
    r"|o autorze|об авторе"
    r")\W{0,3}$",
    regex.IGNORECASE,
)
#: "About <name>" where the name is a link: "About" and a capitalised name of one to four words.
_ABOUT_NAME = lazy(r"^(?i:about|über|à propos de|sobre|acerca de)\s+((?:\p{Lu}[\p{L}.'’-]*\s?){1,4})\W{0,3}$")
#: An author box is a heading and at most this many paragraphs of prose: a bio, not a section.
AUTHOR_BOX_MAX_PROSE = 3


def is_author_label(text: str) -> bool:
    """Whether the line is an author box's label alone ("About the author", "Sobre o autor")."""
    return _ABOUT_AUTHOR.match(text) is not None


def about_name(text: str) -> str | None:
    """The name in an "About <name>" label ("About Carlos Nadalim", "Über Moritz Bachmann"), or
    ``None``."""
    match = _ABOUT_NAME.match(text)
    return match.group(1).strip() if match is not None else None


def is_author_box_heading(text: str, linked: str) -> bool:
    """Whether a heading names an author box: the label, or "About" and a name that is the
    heading's link text (``linked``)."""
    if is_author_label(text):
        return True
    name = about_name(text)
    return name is not None and bool(linked) and name == linked.strip()


def story_end(ctx: Context) -> int:
    """The last block of the region's story as the rules have left it: kept, weighing as content,
    inside the region, prose (-1 if none). It moves as rules decide blocks, so it is not cached;
    the rules that read it (this one, ``related-box``) work it out only once they have a
    candidate box, which few pages have."""
    region = ctx.region
    if region is None:
        return -1
    containers = region.containers
    weights = block_weights(ctx)
    return max(
        (
            k for k, block in enumerate(ctx.blocks)
            if ctx.decided[k] is None and weights[k] > 0 and not containers.isdisjoint(block.containers)
            and is_prose(block.text)
        ),
        default=-1,
    )


def _ends_story(ctx: Context, box: int, opening: int, end: list[int]) -> bool:
    """Whether ``box``, opened by block ``opening`` (its heading or its bio), is an author box
    that ends the story: no kept prose in it before the opening (the box is not the story's own
    container), at most ``AUTHOR_BOX_MAX_PROSE`` paragraphs of prose in it, none of the story
    after it."""
    starts, ends = spans(ctx)
    first, last = starts[box], ends[box]
    if not end:
        end.append(story_end(ctx))
    if end[0] > last:
        return False
    kept_prose = [
        k for k in range(first, last + 1) if ctx.decided[k] is None and is_prose(ctx.blocks[k].text)
    ]
    if any(k < opening for k in kept_prose):
        return False
    return len([k for k in kept_prose if k > opening]) <= AUTHOR_BOX_MAX_PROSE


def apply_author_box(ctx: Context) -> Iterator[Mark]:
    """HTML: an author box's heading and the bio under it, when the box ends the story."""
    region = ctx.region
    if region is None or not region.containers or ctx.source_format != "html":
        return
    containers = region.containers
    blocks = ctx.blocks
    starts, ends = spans(ctx)
    end: list[int] = []  # story_end(ctx), worked out for the first candidate box
    for i, block in enumerate(blocks):
        if (
            ctx.decided[i] is None
            and not block.heading_level
            and len(block.containers) >= 2
            and block.containers[-2] not in containers
            and not containers.isdisjoint(block.containers)
            and is_author_bio(block.text)
        ):
            # a box whose first paragraph opens like a bio ("Jane Doe is a senior editor at …")
            box = block.containers[-2]
            first, last = starts[box], ends[box]
            if _ends_story(ctx, box, i, end):
                yield from (Mark(k) for k in range(first, last + 1) if ctx.decided[k] is None)
                return
            continue
        if (
            ctx.decided[i] is not None
            or not block.heading_level
            or len(block.containers) < 2
            or containers.isdisjoint(block.containers)
        ):
            continue
        linked = block.links[0][0] if len(block.links) == 1 else ""
        if not is_author_box_heading(block.text, linked):
            continue
        box = block.containers[-2]  # the element around the heading's own
        last = ends[box]
        if not _ends_story(ctx, box, i, end):
            continue
        yield Mark(i)
        yield from (Mark(k) for k in range(i + 1, last + 1) if ctx.decided[k] is None)
        return


AUTHOR_BOX = Rule("author-box", "navigation",
                  "an 'About the author' heading and the writer's bio under it, after the story",
                  apply_author_box, frozenset({"html"}), guard_may_undo=True)


def in_about_box(ctx: Context, i: int) -> bool:
    """Whether prose line ``i`` opens an author's or publisher's box: under "About <name>" naming
    the name again, right under "About the author", or under that label and a name line it names
    again ("About the Author" / "Method Architecture" / "Method Architecture is an …")."""
    text = ctx.blocks[i].text
    above = ctx.blocks[i - 1].text if i > 0 else ""
    if is_author_label(above):
        return True
    name = about_name(above)
    if name is not None:
        return names_again(name, text)
    return i > 1 and is_author_label(ctx.blocks[i - 2].text) and names_again(above, text)
