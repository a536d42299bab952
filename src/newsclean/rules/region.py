"""Where the article is on a text page: the best run of prose lines.

Located once per page by the text region step of the pipeline (:func:`locate`), after the
phrase and related-header rules, from the blocks they left.

Every line gets a weight and the region is the run with the largest sum (maximum-sum
subarray). The weights encode what a person sees when scanning a page dump:

* a line of prose adds its length, but a prose line standing alone between short lines (a
  teaser under a headline) adds only part of it, and a line the page repeats adds nothing;
* a short kept line costs a little when it stands alone (a subheading between paragraphs) and
  the same for every title-like short line of a run (SHORT_RUN_CAP), so a long menu walls
  the article off while a subheading barely dents it; list items and short lines that end like a
  clause (``,`` ``;`` ``.`` …) cost a flat amount, since they are how articles list things;
* a short line in sentence case ("Careful handling of fragile items": five words or more, half
  of them lower-case) is a list item whose bullet the scraper dropped and costs like one, unless
  it comes after a related or subscribe header, where such lines are the teasers' headlines;
* an author box ("Jane Doe is a senior editor at …", the line under "About <name>" that names
  the name again or under "About the author") counts as a short line, not as prose;
* the rows of a flattened table (short lines mostly of figures) cost nothing: a table is
  article content, and page furniture is seldom numbers; so do the names and labels between
  the figures of a table printed one cell per line (:mod:`newsclean.rules.cells`);
* a removed block that ends an article (a subscribe prompt, a "Related" header, a comment
  counter) costs a lot, so the comments or teasers after it are not joined to the article; a
  label printed again apart from itself ("Reply" under every comment) costs nothing, but the
  last copy of a count printed twice ("2 comments" in the post's footer and over the thread)
  is the thread's heading;
* so does the first header of a reader thread (a chain of name-and-time lines with prose
  between them), which pages from before comment widgets print with no "Comments" label;
* the first comment marker (or thread header) under the story's prose ends the region even when
  the thread below it, long enough, would outweigh its cost (``threads.before_comments``), and
  a comment section that starts right under the region is handed to the guard as not the
  story's (``Region.comments_from``, ``threads.comments_under``);
* a one-word comment label in capitals ("DISCUSSION") under the story's own subheadings in
  capitals is one more subheading of a paper, not the comment section (``_section_heading``);
* a list numbered from 1 right under the story's last paragraph is the story's
  (``region_edges.extend_over_lists``);
* a run that ends above every copy of the story's headline (the page's title on the first line,
  printed again) gives way to the run right under a copy (``region_title.after_headline``).
"""

from __future__ import annotations

from collections import Counter

from newsclean.rules.author_box import in_about_box
from newsclean.rules.cells import table_cells
from newsclean.rules.features import (
    ends_clause,
    ends_sentence,
    is_author_bio,
    is_field_line,
    is_list_item,
    is_markup_source,
    is_prose,
    is_sentence_case,
    is_table_row,
    is_url_line,
    is_word_list,
    line_key,
    prose_weight,
)
from newsclean.rules.pipeline import Context, Region
from newsclean.rules.region_edges import after_byline, extend_over_lists, next_kind
from newsclean.rules.region_title import after_headline
from newsclean.rules.threads import before_comments, comments_under, last_count, thread_headers

#: Cost of a short kept line that is not list-like (in characters of prose); the n-th such line
#: in a row costs min(n, SHORT_RUN_CAP) times this. Measured at +-10% (bench/text_accuracy.py
#: --set): 36 / 40 / 44 give wceb-dev article text F1 0.931 / 0.933 / 0.933 and scrapinghub
#: 0.938 / 0.939 / 0.940 (before sentence-case items cost half, 44 dropped wceb to 0.925).
SHORT_LINE_COST = 40
#: Cost of a table row (a short line of figures): a table inside an article is content, and a
#: page's furniture is seldom numbers.
TABLE_ROW_COST = 0.0
#: How far the cost escalates along a run of short lines. Measured: escalating (2+) walls off
#: menus better but cuts articles made of many short lines (listicles, Q&A), so it stays flat.
SHORT_RUN_CAP = 1
#: Removed blocks that end an article (a subscribe prompt, a "Related" header, comments) cost
#: this much, so prose after them is not joined to the article.
END_MARKER_COST = 400
END_FAMILIES = frozenset({"related", "comments", "subscribe"})
#: Share of its length an isolated prose line (short lines on both sides) adds: teaser lists
#: alternate headline, teaser, headline, teaser.
ISOLATED_PROSE_SHARE = 0.35

#: Isolated prose longer than this is an article paragraph between product names or subheads
#: (a roundup), not a teaser.
ISOLATED_MAX_CHARS = 300
#: Prose after the page's first comment-section marker counts this share of its length: reader
#: comments are prose too, and a long thread must not outweigh the article above it. A marker
#: above every line of prose is a comment counter in the story's head ("1 Comments" under the
#: byline, a "Comment" section in the menu) and starts nothing: measured on four converters'
#: text, dragnet-dev +0.002 to +0.004, the other sets unchanged (when the same test asked for
#: AFTER_RELATED_MIN_PROSE of prose above, short posts under their comments lost: dragnet -0.005).
AFTER_COMMENTS_SHARE = 0.1
#: Prose after a related or subscribe header (not an inline "Read more") counts this share: the
#: teasers of other stories under it must not outweigh the article above.
AFTER_RELATED_SHARE = 0.5
#: ... but only once this much prose came before it: a "Latest" box in the page header ends nothing.
AFTER_RELATED_MIN_PROSE = 400
#: Families of the buttons around a comment counter in a toolbar ("Share · Comments · Print"):
#: such a counter does not start the comment section.
TOOLBAR_FAMILIES = frozenset({"share", "widget"})


def family_of(ctx: Context, i: int) -> str | None:
    """The family of the rule that took block ``i`` (``None`` while it is kept)."""
    rule = ctx.decided[i]
    return None if rule is None else rule.family


def repeated_lines(ctx: Context, *, first_copies: bool = False) -> frozenset[int]:
    """Indices of lines whose text occurs more than once on the page (menus, widgets, teasers).

    With ``first_copies`` the first occurrence of each repeated prose line is left out: on a
    page that carries its article twice (a print copy, a hidden duplicate) every paragraph
    repeats, and one copy is the article.
    """
    cache_key = "repeated-first" if first_copies else "repeated"
    cached = ctx.cache.get(cache_key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    keys = [line_key(block.text) for block in ctx.blocks]
    counts = Counter(key for key in keys if key)
    seen: set[str] = set()
    found = set()
    for i, key in enumerate(keys):
        if key and counts[key] > 1:
            if first_copies and key not in seen and is_prose(ctx.blocks[i].text):
                seen.add(key)
                continue
            found.add(i)
    result = frozenset(found)
    ctx.cache[cache_key] = result
    return result


def _repeated_apart(ctx: Context) -> dict[int, list[int]]:
    """Lines whose text occurs again elsewhere on the page, not only right beside them, each
    with where its text occurs, in order: a label printed twice in a row (a heading and its
    button, a scraper's doubled line) is one label, while "Reply" under every comment is a
    repeated one."""
    cached = ctx.cache.get("repeated-apart")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    positions: dict[str, list[int]] = {}
    for i in sorted(repeated_lines(ctx)):
        positions.setdefault(line_key(ctx.blocks[i].text), []).append(i)
    found = {
        i: places
        for places in positions.values()
        if places[-1] - places[0] != len(places) - 1  # not one run of neighbouring lines
        for i in places
    }
    ctx.cache["repeated-apart"] = found
    return found


def _line_kinds(ctx: Context, first_copies: bool = False) -> list[str]:
    """Each line as ``prose``, ``row`` (a table row), ``list`` (a short line shaped like a list
    item or clause), ``item`` (a short line in sentence case), ``short`` (any other kept line),
    ``comments`` (a comment-section marker), ``end`` (another article-ending marker) or ``gone``
    (removed by a phrase rule; neutral)."""
    repeated = repeated_lines(ctx, first_copies=first_copies)
    kinds = []
    for i, block in enumerate(ctx.blocks):
        family = family_of(ctx, i)
        if ctx.decided[i] is None:
            if is_url_line(block.text) or is_markup_source(block.text):
                # a product or source link under an item, or a line of HTML source (a template
                # printed as text; a code line in a story about HTML): costs nothing, adds nothing
                kinds.append("gone")
            elif i in repeated:
                kinds.append("short")
            elif is_table_row(block.text):
                kinds.append("row")
            elif is_prose(block.text) or (_wrapped(ctx, i) and not is_word_list(block.text)):
                # (prose is never a word list: is_prose has asked is_word_list already)
                # an author box under the article is prose about the writer (also the line under
                # an "About <name>" label that names the name again): it weighs like a short
                # line, so it joins the region only with article text after it
                bio = in_about_box(ctx, i) or is_author_bio(block.text)
                kinds.append("short" if bio else "prose")
            elif block.kind == "li" or _list_like(block.text):
                kinds.append("list")
            elif is_sentence_case(block.text):
                # a list item whose bullet the scraper dropped; kept apart from "list" since under
                # a related header the same shape is a teaser's headline
                kinds.append("item")
            else:
                kinds.append("short")
        elif family in END_FAMILIES and (at := _repeated_apart(ctx).get(i)) and not last_count(ctx, i, at):
            # "Reply", "Report" under every embedded post: a repeated label marks no section end
            # (but the last copy of a count printed twice, "2 comments" in the post's head and
            # over the readers' thread, heads the thread)
            kinds.append("gone")
        elif family == "comments" and (_in_toolbar(ctx, i) or _section_heading(ctx, i, kinds)):
            kinds.append("gone")
        elif family == "comments":
            kinds.append("comments")
        elif family in END_FAMILIES:
            kinds.append("end")
        else:
            kinds.append("gone")
    # (a table's figures repeat down its columns: a repeated one is a figure too)
    figures = [
        kind in ("row", "short") and len(block.text.split()) == 1 and is_table_row(block.text)
        for kind, block in zip(kinds, ctx.blocks, strict=True)
    ]
    for i in table_cells(kinds, figures, [block.text for block in ctx.blocks]):
        kinds[i] = "row"  # a name or label between a table's figures, one cell per line
    return kinds


#: A one-word comment label written in capitals ("DISCUSSION") under at least this many
#: subheadings of the story in capitals (a short kept line in capitals with the story's prose
#: above it and prose right under it: "INTRODUCTION", "RECENT STUDIES") is one more of those
#: subheadings, a section of a paper, not the readers' comment section. Measured
#: (bench/text_accuracy.py, every set, html_text / inscriptis / Resiliparse text): one page moves,
#: wcxb-dev 4063 +0.17 (a paper's "DISCUSSION", one site's evidence), none worse; 1 and 4 give the
#: same pages. A blog whose subheadings and "COMMENTS" label are both in capitals would lose its
#: comment cut (none in the sets).
SECTION_HEADINGS_MIN = 2


def _capitals(text: str) -> bool:
    """Written in capitals: two letters or more, none of them lower-case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _section_heading(ctx: Context, i: int, kinds: list[str]) -> bool:
    """Whether comment label ``i`` is a section heading of the story (see SECTION_HEADINGS_MIN);
    ``kinds`` holds the kinds of the lines above it."""
    text = ctx.blocks[i].text
    if len(text.split()) != 1 or not _capitals(text):
        return False
    found = 0
    prose_above = False
    for j, kind in enumerate(kinds):
        if kind == "prose":
            prose_above = True
        elif (
            prose_above
            and kind in ("short", "item", "list")
            and _capitals(ctx.blocks[j].text)
            and next_kind(kinds, j) == "prose"
        ):
            found += 1
            if found >= SECTION_HEADINGS_MIN:
                return True
    return False


#: A comment counter or button in a toolbar is a word or three ("Comments", "12 Comments",
#: "Leave a comment"); a longer label beside the share buttons heads the comment section under
#: them ("Discussion about this post"). Measured (bench/text_accuracy.py --set, html_text, four
#: sets): 2 moves no page, 4 loses the two wceb2026-dev pages the label gained (0420, 0474).
TOOLBAR_LABEL_MAX_WORDS = 3


def _in_toolbar(ctx: Context, i: int) -> bool:
    """A block between share or widget buttons (a comment counter in the share bar)."""
    if len(ctx.blocks[i].text.split()) > TOOLBAR_LABEL_MAX_WORDS:
        return False
    return any(
        0 <= j < len(ctx.blocks) and family_of(ctx, j) in TOOLBAR_FAMILIES for j in (i - 1, i + 1)
    )


#: A hard-wrapped paragraph (a scraper kept the page's line breaks) has lines at least this long.
WRAPPED_MIN_CHARS = 40


def _wrapped(ctx: Context, i: int) -> bool:
    """Part of a hard-wrapped paragraph: a long line that runs on into a lower-case next line,
    or a lower-case line that continues a long unfinished one."""
    text = ctx.blocks[i].text
    if len(text) < WRAPPED_MIN_CHARS or ctx.blocks[i].kind == "li":
        return False  # a bulleted line is an item of its own, never the middle of a paragraph
    if i + 1 < len(ctx.blocks) and not ends_sentence(text) and ctx.blocks[i + 1].kind != "li":
        following = ctx.blocks[i + 1].text
        continues = following[:1].islower() and not is_url_line(following)
        if continues and len(following) >= WRAPPED_MIN_CHARS // 2:
            return True
    if i > 0 and text[:1].islower():
        previous = ctx.blocks[i - 1].text
        return len(previous) >= WRAPPED_MIN_CHARS and not ends_sentence(previous)
    return False


def _isolated(kinds: list[str], i: int) -> bool:
    """Prose with a title-like short line right before and after it (skipping neutral lines); a
    sentence-case line counts as one, since teasers' headlines are often written that way."""

    def neighbour(step: int) -> str:
        j = i + step
        while 0 <= j < len(kinds) and kinds[j] == "gone":
            j += step
        return kinds[j] if 0 <= j < len(kinds) else "edge"

    return neighbour(-1) in ("short", "item") and neighbour(1) in ("short", "item")


def _list_like(text: str) -> bool:
    """A short line shaped like a list item: a bullet, clause punctuation at the end, or a
    lower-case start (scrapers drop the bullets; menus and headlines start in capitals), or a
    ``Label: value`` fact line."""
    return is_list_item(text) or ends_clause(text) or text[:1].islower() or is_field_line(text)


def line_weights(ctx: Context, first_copies: bool = False) -> list[float]:
    """The weight of every line in the search for the article region (see the module doc)."""
    return _weights(ctx, _line_kinds(ctx, first_copies))


def _weights(ctx: Context, kinds: list[str]) -> list[float]:
    return _weights_and_thread(ctx, kinds)[0]


def _weights_and_thread(ctx: Context, kinds: list[str]) -> tuple[list[float], int | None]:
    """The line weights, and the line where the readers' comment section starts (the first
    comment-section marker or reader-thread header after the story's prose), if any."""
    weights: list[float] = []
    thread: int | None = None
    short_run = 0
    share = 1.0  # drops once the comment section has started
    prose_seen = 0.0
    thread_start = thread_headers(ctx, kinds, AFTER_RELATED_MIN_PROSE)
    for i, kind in enumerate(kinds):
        if kind == "prose":
            short_run = 0
            length = prose_weight(ctx.blocks[i].text)
            prose_seen += length
            isolated = length < ISOLATED_MAX_CHARS and _isolated(kinds, i)
            weights.append(share * length * (ISOLATED_PROSE_SHARE if isolated else 1.0))
        elif kind == "list" or (kind == "item" and share == 1.0):
            weights.append(-SHORT_LINE_COST / 2)
        elif kind == "item":
            # past a related header or the comments, a sentence-case line is a teaser's headline
            short_run += 1
            weights.append(-SHORT_LINE_COST * min(short_run, SHORT_RUN_CAP))
        elif kind == "row":
            weights.append(-TABLE_ROW_COST)
        elif kind == "short":
            short_run += 1
            weights.append(-SHORT_LINE_COST * min(short_run, SHORT_RUN_CAP))
        elif kind in ("end", "comments") and i > 0 and ctx.decided[i - 1] is ctx.decided[i]:
            # the items of a related list or a run of comment labels: the header already paid
            short_run += 1
            weights.append(0.0)
        elif kind in ("end", "comments"):
            short_run += 1
            # a "Read more" label with prose right under it is an inline link, not a list header
            inline = kind == "end" and next_kind(kinds, i) == "prose"
            weights.append(-SHORT_LINE_COST if inline else -END_MARKER_COST)
            if kind == "comments" and prose_seen > 0:
                # (a comment counter above every line of prose sits in the story's head)
                share = AFTER_COMMENTS_SHARE
                if thread is None and not inline:
                    thread = i
            elif not inline and prose_seen >= AFTER_RELATED_MIN_PROSE:
                share = min(share, AFTER_RELATED_SHARE)
        elif i in thread_start and share > AFTER_COMMENTS_SHARE and prose_seen >= AFTER_RELATED_MIN_PROSE:
            # the first of the repeated name-and-time lines after the article heads a reader thread
            weights.append(-END_MARKER_COST)
            share = AFTER_COMMENTS_SHARE
            if thread is None:
                thread = i
        else:
            weights.append(0.0)
    return weights, thread


def _best_run(weights: list[float]) -> tuple[float, tuple[int, int] | None]:
    """The contiguous run with the largest sum (Kadane), and that sum."""
    best = 0.0
    best_span: tuple[int, int] | None = None
    run = 0.0
    run_start = 0
    for i, weight in enumerate(weights):
        if run <= 0:
            run, run_start = weight, i
        else:
            run += weight
        if run > best:
            best, best_span = run, (run_start, i)
    return best, best_span


#: When no run of unrepeated lines weighs this much, the page may carry its article twice:
#: the search is run again with the first copy of each repeated prose line counted as prose.
#: (A real article outweighs this by far; a ticker of teasers repeated for scrolling does not
#: take over then, since the article under it still wins the first search.)
DUPLICATE_FALLBACK_MAX = 400


def locate(ctx: Context) -> Region:
    """The article region of a text page: the best-scoring contiguous run of lines (maximum-sum
    subarray over line weights), and the standfirst lines above a byline it starts after."""
    kinds = _line_kinds(ctx)
    weights, thread = _weights_and_thread(ctx, kinds)
    best, best_span = _best_run(weights)
    if best < DUPLICATE_FALLBACK_MAX:
        kinds_again = _line_kinds(ctx, first_copies=True)
        weights_again, thread_again = _weights_and_thread(ctx, kinds_again)
        again, again_span = _best_run(weights_again)
        if again > best:
            best, best_span, kinds = again, again_span, kinds_again
            weights, thread = weights_again, thread_again
    if best_span is None:
        return Region()
    best_span = after_headline(ctx, best_span, weights)
    best_span = before_comments(ctx, best_span, kinds, weights, thread)
    best_span = extend_over_lists(ctx, best_span, kinds)
    span, standfirst = after_byline(ctx, best_span, kinds)
    return Region(span=span, standfirst=standfirst, comments_from=comments_under(ctx, span, kinds, thread))
