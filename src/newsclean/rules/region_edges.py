"""Where the text region's run of lines ends: grown over the lists and table rows beside it, and
started after a byline that follows its first kept line (:func:`newsclean.rules.region.locate`).
"""

from __future__ import annotations

from itertools import islice

from newsclean.blocks.model import Block
from newsclean.lazyre import lazy
from newsclean.rules.features import is_field_line, is_list_item
from newsclean.rules.pipeline import Context


def next_kind(kinds: list[str], i: int, step: int = 1) -> str:
    """The kind of the nearest line after ``i`` (before it, with ``step=-1``) that is not neutral."""
    j = i + step
    while 0 <= j < len(kinds) and kinds[j] == "gone":
        j += step
    return kinds[j] if 0 <= j < len(kinds) else "edge"


def _in_table(kinds: list[str], i: int) -> bool:
    """A table row with another row beside it: one row alone above the article is more often a
    timestamp line ("Nov 19, 2019 at 9:08 GMT") than a table."""
    return "row" in (next_kind(kinds, i, -1), next_kind(kinds, i, 1))


#: Short kept lines that may stand between the first kept line and the byline or timestamp the
#: region starts after: converters that end a line at every link print a byline's label and its
#: names apart ("By" / "Randy Maniloff"), wire stories a section and an agency. Measured
#: (bench/text_accuracy.py --set, html_text, scrapinghub, wceb2026-dev, wcxb-dev, dragnet-dev):
#: 2 gives 23 pages better, 1 worse against 0 (the old rule; the pages wceb2026-dev and wcxb-dev
#: share counted in both); 1 keeps 12 of them; 3 adds one page (+0.014) and loses one
#: (wceb2026-dev 2934 -0.086).
BYLINE_NAME_LINES = 2


def after_byline(
    ctx: Context, span: tuple[int, int], kinds: list[str]
) -> tuple[tuple[int, int], frozenset[int]]:
    """Start the region after a byline or timestamp that follows its first kept line.

    Pages print the standfirst or the lead picture's caption above the byline and the date, and
    the article below them; the article's own paragraphs are never split by a byline. The lines
    left out are returned with the span (the title search looks past them).
    """
    start, end = span
    skipped: list[int] = []
    while True:
        # the next few kept lines only (a list of every kept line to the span's end, rebuilt at
        # each credit, made a page of a thousand dated posts quadratic)
        kept = list(islice((i for i in range(start, end + 1) if ctx.kept(i)), 2 + BYLINE_NAME_LINES))
        if len(kept) < 2:
            return (start, end), frozenset(skipped)
        # the credit's words may stay as short lines of their own ("By" / "Randy Maniloff", a
        # section and an agency over the date)
        credit = next(
            (
                n
                for n in range(1, len(kept))
                if any(_credit_line(ctx, j) for j in range(kept[n - 1] + 1, kept[n]))
                and (n == 1 or _split_byline(ctx, kept[0], kept[1:n], kinds))
            ),
            None,
        )
        if credit is None:
            return (start, end), frozenset(skipped)
        skipped.extend(kept[:credit])
        start = kept[credit]
        # the article opens with prose: a headline or label under the byline (a video's title,
        # "Listen to this article") is left out too
        while start < end and kinds[start] in ("short", "item") and ctx.kept(start):
            skipped.append(start)
            start += 1


def _split_byline(ctx: Context, first: int, lines: list[int], kinds: list[str]) -> bool:
    """Whether kept ``lines`` under the first kept line ``first`` are a credit printed apart: short
    lines (a byline's label and name, a section and an agency) under a standfirst. A post's
    body under its own header is no standfirst: in a forum the poster's name and rank over the
    next post's date follow it (a credit line right above ``first`` tells)."""
    if kinds[first] != "prose" or any(kinds[k] not in ("short", "item") for k in lines):
        return False
    return not any(_credit_line(ctx, j) for j in range(max(0, first - POST_HEADER_LINES), first))


#: How far above the region's first kept line a credit line makes it a post under its header (a
#: forum post's header is its poster's name, rank and date, one to three lines). Measured
#: (s11-text, html_text over four sets): 2 and 4 move no page; without the test a forum fixture
#: lost its first post, and wceb2026-dev 0461 -0.028 and 0147 -0.011.
POST_HEADER_LINES = 3


def _credit_line(ctx: Context, i: int) -> bool:
    """Whether block ``i`` was taken as a byline or a timestamp."""
    rule = ctx.decided[i]
    return rule is not None and rule.credit_line


def _strong_list_line(block: Block, forward: bool) -> bool:
    # above the article a "Label: value" line is a byline, source or breadcrumb; below it, a
    # spec sheet or fact box
    text = block.text
    return block.kind == "li" or is_list_item(text) or (forward and is_field_line(text))


def extend_over_lists(ctx: Context, span: tuple[int, int], kinds: list[str]) -> tuple[int, int]:
    """Grow the region over bulleted, numbered or ``Label: value`` lines right next to it, and
    over the rows of a table (above it only over two rows or more).

    A listicle's items cost a little each in the sum, so a long list would otherwise be cut
    from the prose that introduces it; menus are not shaped like this, so they still stop it.
    """
    blocks = ctx.blocks

    def walk(start: int, step: int) -> int:
        edge = start
        j = start + step
        while 0 <= j < len(blocks):
            if kinds[j] == "gone" and ctx.decided[j] is None:
                pass  # a bare link under an item
            elif kinds[j] == "gone":
                j += step
                continue  # a removed label: neither joins nor stops
            elif kinds[j] == "row" and (step > 0 or _in_table(kinds, j)):
                edge = j
            elif kinds[j] == "list" and _strong_list_line(blocks[j], step > 0):
                edge = j
            else:
                break
            j += step
        return edge

    start, end = walk(span[0], -1), walk(span[1], 1)
    numbered = _numbered_list_after(ctx, end, kinds)
    if numbered is not None:
        end = walk(numbered, 1)
    return start, end


#: A numbered list the story introduces under its last paragraph ("From left to right:" over
#: "1. Owls Of The British Isles", "2. Blue Floral" …) may sit this many kept lines below it
#: (the line that introduces it, a picture's credit) …
NUMBERED_INTRO_MAX_LINES = 2
#: The line right above the list introduces it in words ("From left to right:", "The Full Top
#: 10 List (Quick Reference)") when it has at least this many; a shorter one is a section's label
#: ("Sources", "Notes:", "On this page:") over the story's sources, notes or a page's contents,
#: which the truths leave out. Measured with inscriptis and Resiliparse text, which print an
#: ordered list's numbers: without it wcxb-dev 0020 -0.066, 2878 -0.035, 1708 -0.014, 0686
#: -0.002 (the same pages in wceb2026-dev).
NUMBERED_INTRO_MIN_WORDS = 4
#: … and counts as the story's when it numbers at least this many items from 1 in order.
#: Measured (bench/text_accuracy.py, html_text, dragnet-dev and wcxb-dev): dragnet-dev 3 pages
#: better (a playlist, a collage's papers, +0.05 to +0.17), none worse; NUMBERED_INTRO_MAX_LINES
#: 1 keeps only the playlist, 4 the same pages; NUMBERED_MIN_ITEMS 2 adds one page (+0.04), 5 the
#: same pages. Tried with any list after a line ending in a colon: 14 pages better, 14 worse
#: (dragnet-dev), the colon also opens lists of other stories ("you may also like:").
NUMBERED_MIN_ITEMS = 3

_ITEM_NUMBER = lazy(r"^\s*(\d{1,2})[.)]\s+\S")


def _numbered_list_after(ctx: Context, end: int, kinds: list[str]) -> int | None:
    """The last line of a list numbered from 1 that starts at most NUMBERED_INTRO_MAX_LINES kept
    lines under line ``end`` (removed lines skipped; a line that ends an article stops the search),
    or ``None``. A list of other stories under a story comes under a header that the related
    rules removed; a list the story numbers item by item, with its own line introducing it, is
    the story's (a playlist, a tour's dates, the pictures of a collage)."""
    blocks = ctx.blocks
    j = end + 1
    intro: list[int] = []
    while j < len(blocks):
        if kinds[j] in ("end", "comments"):
            return None
        if ctx.decided[j] is None:
            found = _ITEM_NUMBER.match(blocks[j].text)
            if found is not None and found.group(1) == "1":
                break
            intro.append(j)
            if len(intro) > NUMBERED_INTRO_MAX_LINES:
                return None
        j += 1
    else:
        return None
    if intro and len(blocks[intro[-1]].text.split()) < NUMBERED_INTRO_MIN_WORDS:
        return None  # a section's label: sources, notes, a page's contents
    expected, last = 1, j
    while j < len(blocks) and expected <= 99:
        if ctx.decided[j] is None:
            found = _ITEM_NUMBER.match(blocks[j].text)
            if found is None or int(found.group(1)) != expected:
                break
            last, expected = j, expected + 1
        j += 1
    return last if expected - 1 >= NUMBERED_MIN_ITEMS else None
