"""Related-story rules: "Read more" headers and the headline lists that follow or end a page."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Link
from newsclean.phrases import family_pattern, label_family
from newsclean.rules.author_box import story_end
from newsclean.rules.features import is_headline_shaped, is_prose
from newsclean.rules.labels import menu_items
from newsclean.rules.page_kind import spans
from newsclean.rules.pipeline import Context, Mark, Rule
from newsclean.rules.region import END_FAMILIES
from newsclean.rules.textsearch import search

#: How many items after a header may be taken as its list.
MAX_LIST_ITEMS = 40


#: A related header is a short label; "Read more: <headline>" on one line may run this long.
RELATED_HEADER_MAX_CHARS = 160


def is_related_header(text: str, timeout: float) -> bool:
    if len(text) > RELATED_HEADER_MAX_CHARS:
        return False
    if label_family(text) == "related":
        return True
    # (one alternation of the family's patterns in every language, compiled on first use: mostly
    # anchored at the line's start, they fail faster in one search than through the prefilter)
    pattern = family_pattern("related")
    return pattern is not None and search(pattern, text, timeout)


#: A list item's longest link is the story it points to when it holds this share of the item's
#: text (a headline link beside a date or a section name).
ITEM_LINK_SHARE = 0.6
#: An item whose text is more than this share links is a list entry whatever its shape.
ITEM_LINKED_SHARE = 0.5


def _link_of(ctx: Context, i: int) -> Link:
    block = ctx.blocks[i]
    if block.links:
        text, href = max(block.links, key=lambda link: len(link[0]))
        if len(text) >= ITEM_LINK_SHARE * len(block.text):
            return Link(text=block.text if len(block.links) == 1 else text, url=href)
    return Link(text=block.text, url=None)


def _list_item(ctx: Context, i: int) -> bool:
    block = ctx.blocks[i]
    if menu_items(block.text) or label_family(block.text) is not None:
        return False
    if block.link_chars > ITEM_LINKED_SHARE * len(block.text):
        return True
    return is_headline_shaped(block.text) and not is_prose(block.text)


def _list_scope(containers: tuple[int, ...]) -> int | None:
    """HTML: the container a header's list must stay in, the one around the header's own element.

    A "Read also" box ends where its container ends; the article's next subheading is not part
    of it. Text input has no containers, so no scope.
    """
    if len(containers) >= 2:
        return containers[-2]
    return containers[-1] if containers else None


def apply_related_header(ctx: Context) -> Iterator[Mark]:
    """A "Related"/"Read more" header, and the headline or link list right after it."""
    timeout = ctx.regex_timeout
    blocks = ctx.blocks
    headers: dict[str, bool] = {}  # each distinct line asked once (pages repeat their labels)
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        if ctx.decided[i] is None and (
            headers[text] if text in headers else headers.setdefault(text, is_related_header(text, timeout))
        ):
            # "Read more: <headline>" on one line is a single related link
            head, sep, tail = blocks[i].text.partition(":")
            if sep and is_headline_shaped(tail.strip()):
                yield Mark(i, action="related", value=Link(tail.strip(), _link_of(ctx, i).url))
                i += 1
                continue
            yield Mark(i)
            scope = _list_scope(blocks[i].containers)
            j = i + 1
            while j < len(blocks) and j - i <= MAX_LIST_ITEMS:
                if ctx.decided[j] is None:
                    block = blocks[j]
                    if (
                        block.heading_level
                        or (scope is not None and scope not in block.containers)
                        or not _list_item(ctx, j)
                    ):
                        break
                    yield Mark(j, action="related", value=_link_of(ctx, j))
                j += 1
            i = j
            continue
        i += 1


def apply_related_headlines(ctx: Context) -> Iterator[Mark]:
    """Text input: headline-shaped lines after the article's prose are related stories.

    They must come as a run of two or more, or right after something that ends an article (a
    subscribe prompt, a related header), so a lone closing line is not taken.
    """
    span = ctx.region.span if ctx.region else None
    if span is None:
        return
    blocks = ctx.blocks
    run: list[int] = []
    after_marker = False  # the run started right after an end-of-article marker
    previous_marker = False
    for i in range(span[1] + 1, len(blocks) + 1):
        if i < len(blocks) and ctx.decided[i] is None and _headline(blocks[i].text):
            if not run:
                after_marker = previous_marker
            run.append(i)
            continue
        if len(run) >= 2 or (run and after_marker):
            yield from (Mark(j, action="related", value=Link(blocks[j].text)) for j in run)
        run = []
        if i < len(blocks):
            rule = ctx.decided[i]
            previous_marker = rule is not None and rule.family in END_FAMILIES


def _headline(text: str) -> bool:
    return is_headline_shaped(text) and not is_prose(text) and not menu_items(text)


RELATED_HEADER = Rule("related-header", "related",
                      "a related/read-more header and the list after it are other stories",
                      apply_related_header)


def _box_after(ctx: Context, header: int, first: int) -> int | None:
    """The outermost container that holds block ``first`` and starts after the header: the box
    the header introduces (``None`` when every container of ``first`` also holds the header,
    as a list that continues the header's own paragraph does)."""
    starts, _ends = spans(ctx)
    for cid in ctx.blocks[first].containers:  # outermost first
        if starts[cid] > header:
            return cid
    return None


#: The box after a related header is a list of other stories when its kept blocks sit in at
#: least this many list items (``li``) and none of its prose stands outside them: a slideshow's
#: slides, teasers. A story that goes on in a sibling container after such a line holds its own
#: paragraphs (a list of figures among them, perhaps), not only items.
RELATED_BOX_MIN_ITEMS = 3


def _holds_list(ctx: Context, first: int, last: int) -> bool:
    """Whether the kept blocks from ``first`` to ``last`` are the entries of a list: at least
    ``RELATED_BOX_MIN_ITEMS`` items, and no prose outside an item."""
    containers = ctx.containers
    items: set[int] = set()
    for k in range(first, last + 1):
        if ctx.decided[k] is None:
            block = ctx.blocks[k]
            item = next((cid for cid in reversed(block.containers) if containers[cid].tag == "li"), None)
            if item is not None:
                items.add(item)
            elif is_prose(block.text):
                return False
    return len(items) >= RELATED_BOX_MIN_ITEMS


def apply_related_box(ctx: Context) -> Iterator[Mark]:
    """HTML: the box right after a related header, when the box ends the story.

    A "Related on <site>:" or "Also on <site>:" paragraph at the end of the story's body
    introduces a box of other stories (a slideshow's captions, teasers with their blurbs) that the
    header's own list rule leaves alone: its entries are prose. Only a header that ends in a colon
    counts (a line that introduces what follows; a "More Electronics Posts" heading over teasers
    is a section a truth may keep), and not a link (a teaser's own "Read More »"). The box is the
    container the first kept block after the header opens; it goes when no kept prose of the
    region follows it (the story ended at the header) and when its entries are list items
    (``RELATED_BOX_MIN_ITEMS``).
    """
    region = ctx.region
    if region is None or not region.containers or ctx.source_format != "html":
        return
    containers = region.containers
    blocks = ctx.blocks
    _starts, ends = spans(ctx)
    for i, block in enumerate(blocks):
        if (
            ctx.decided[i] is not RELATED_HEADER
            or containers.isdisjoint(block.containers)
            or not block.text.rstrip().endswith((":", "："))
            or block.link_chars * 2 > len(block.text)  # a teaser's own "Read more »" link
            or not is_related_header(block.text, ctx.regex_timeout)
        ):
            continue
        first = next((k for k in range(i + 1, len(blocks)) if ctx.decided[k] is None), None)
        if first is None:
            return
        box = _box_after(ctx, i, first)
        if box is None or box in containers:
            continue
        last = ends[box]
        if story_end(ctx) > last or not _holds_list(ctx, first, last):
            continue
        yield from (Mark(k) for k in range(first, last + 1) if ctx.decided[k] is None)
        return


RELATED_BOX = Rule("related-box", "related",
                   "the box a related header introduces at the end of the story holds other stories",
                   apply_related_box, frozenset({"html"}), guard_may_undo=True)
RELATED_HEADLINES = Rule("related-headlines", "related",
                         "a run of headlines after the article's end links to other stories",
                         apply_related_headlines, frozenset({"text"}))
