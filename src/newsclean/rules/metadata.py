"""Rules that move lines into metadata: datelines, bylines, tag lines, the title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from newsclean.lazyre import KEEP_GIL, compile_pattern
from newsclean.meta.datelines import Dateline
from newsclean.meta.tags import parse_tag_line
from newsclean.rules.features import is_headline_shaped, is_prose
from newsclean.rules.pipeline import Context, Mark, Rule

_HAS_DIGIT = compile_pattern(r"\d|[一二三四五六七八九十]")
#: :data:`_HAS_DIGIT` in ASCII text, whose only ``\d`` are these (the numerals are not ASCII): the
#: standard library's scan costs less than the ``regex`` search, on most lines of a page
_ASCII_DIGIT = re.compile(r"[0-9]")
#: A timestamp or byline line is short; a longer block that holds a date or a name is prose
#: about it, and stays in the body.
DATELINE_MAX_CHARS = 120
BYLINE_MAX_CHARS = 120
#: A label alone on the line before a date ("Last updated:") is at most this long.
DATE_LABEL_MAX_CHARS = 40
#: A heading that contains the page title (or is contained in it) repeats it when it is longer
#: than this; a short heading ("News") inside a long title is a section name.
TITLE_HEADING_MIN_CHARS = 15


def _has_digit(text: str) -> bool:
    """``_HAS_DIGIT.search(text)``, by the stdlib's scan in ASCII text."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return _HAS_DIGIT.search(text, 0, None, KEEP_GIL) is not None


def apply_dateline(ctx: Context) -> Iterator[Mark]:
    """Timestamp lines; a label alone on the line before ("Last updated:") names the kind of
    the unlabelled date after it and goes with it. A labelled month without its day ("Last
    updated: June 2022") is a dateline too, marked after every whole day of the page so that
    it never stands before one (the first date moved of a kind is the one kept)."""
    months: list[Mark] = []
    for i, block in enumerate(ctx.blocks):
        text = block.text
        if (
            ctx.decided[i] is not None
            or len(text) > DATELINE_MAX_CHARS
            or not _has_digit(text)
            or is_prose(text)
        ):
            continue
        # (a page repeats its date lines: teasers)
        found = ctx.datelines.datelines(text, now=ctx.now, months=True)
        if not found:
            continue
        if found[0].precision == "month":
            months.append(Mark(i, action="dates", value=found))
            continue
        label = _label_before(ctx, i) if any(line.label is None for line in found) else None
        if label is not None:
            found = tuple(
                line if line.label else Dateline(line.value, label, line.label, line.precision)
                for line in found
            )
            yield Mark(i - 1, action="dates", value=())
        yield Mark(i, action="dates", value=found)
    yield from months


def _label_before(ctx: Context, i: int) -> Literal["published", "modified"] | None:
    """The kind named by a timestamp label alone in the block before ``i``, if there is one."""
    if i == 0 or ctx.decided[i - 1] is not None or len(ctx.blocks[i - 1].text) > DATE_LABEL_MAX_CHARS:
        return None
    label = ctx.datelines.label(ctx.blocks[i - 1].text)
    return label[0] if label else None


def apply_byline(ctx: Context) -> Iterator[Mark]:
    from newsclean.meta.authors import parse_byline

    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is not None or len(block.text) > BYLINE_MAX_CHARS:
            continue
        names = parse_byline(block.text)
        if names:
            yield Mark(i, action="authors", value=names)


def apply_tag_line(ctx: Context) -> Iterator[Mark]:
    """A labelled tag line ("Tags: a, b, c"), wherever it is."""
    for i, block in enumerate(ctx.blocks):
        # (a labelled tag line has a colon after its label: the other lines need no parse)
        if ctx.decided[i] is None and (":" in block.text or "：" in block.text):
            tags = parse_tag_line(block.text, labelled_only=True)
            if tags:
                yield Mark(i, action="tags", value=list(tags))


def apply_tag_list(ctx: Context) -> Iterator[Mark]:
    """Text input: an unlabelled list of short keywords after the article's prose."""
    span = ctx.region.span if ctx.region else None
    if span is None:
        return
    for i in range(span[1] + 1, len(ctx.blocks)):
        if ctx.decided[i] is None:
            tags = parse_tag_line(ctx.blocks[i].text)
            if tags:
                yield Mark(i, action="tags", value=list(tags))


def apply_title_line(ctx: Context) -> Iterator[Mark]:
    """Text input: the headline-shaped line just before the article is its title."""
    region = ctx.region
    if region is None or region.span is None or ctx.title is not None:
        return
    start = region.span[0]
    standfirst = region.standfirst
    for i in range(start - 1, max(-1, start - 6), -1):
        if ctx.decided[i] is not None:
            continue
        if i in standfirst and not is_headline_shaped(ctx.blocks[i].text):
            continue  # a standfirst or caption printed between the title and the byline
        if is_headline_shaped(ctx.blocks[i].text):
            yield Mark(i, action="title", value=ctx.blocks[i].text)
        return


def apply_title_heading(ctx: Context) -> Iterator[Mark]:
    """HTML: a heading that repeats the page title is the headline, not body text."""
    title = (ctx.title or "").casefold().strip()
    if not title:
        return
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is None and block.heading_level and repeats_title(block.text, title):
            yield Mark(i, action="title", value=block.text)


def repeats_title(text: str, title: str) -> bool:
    """Whether a heading's ``text`` repeats the page ``title`` (already casefolded and stripped)."""
    text = text.casefold()
    return text == title or (len(text) > TITLE_HEADING_MIN_CHARS and (text in title or title in text))


_HTML, _TEXT, _BOTH = frozenset({"html"}), frozenset({"text"}), frozenset({"html", "text"})

DATELINE = Rule("dateline", "metadata", "a line that is only a timestamp goes to published/modified",
                apply_dateline, _BOTH, to_metadata=True, credit_line=True)
BYLINE = Rule("byline", "metadata", "a byline goes to authors", apply_byline, _BOTH,
              to_metadata=True, credit_line=True)
TAG_LINE = Rule("tag-line", "metadata", "a labelled tag or keyword line goes to tags", apply_tag_line,
                _BOTH, to_metadata=True)
TAG_LIST = Rule("tag-list", "metadata", "a list of short keywords after the article goes to tags",
                apply_tag_list, _TEXT, to_metadata=True)
TITLE_LINE = Rule("title-line", "metadata", "the headline above the article goes to title",
                  apply_title_line, _TEXT, to_metadata=True)
TITLE_HEADING = Rule("title-heading", "metadata", "the heading that repeats the page title goes to title",
                     apply_title_heading, _HTML, to_metadata=True)
