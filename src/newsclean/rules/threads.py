"""Reader threads in scraped text that carry no "Comments" label: a chain of name-and-time lines.

Blogs from before comment widgets print each comment with a line naming its writer and its time
("Posted by: Ellen at September 10, 2012 11:40 AM", "Shirley July 31, 2012 at 9:39 pm"), and
the metadata rules take those lines as bylines or datelines. One such line under a story is its
byline; a chain of them with prose between each is a thread. The text region (:mod:`region`)
ends the article at the chain's first header after the story's prose, and at a comment-section
marker under it (:func:`before_comments`, :func:`comments_under`; a chain whose first header, the
story's own credit line, has a comment label under it is the comment section too).
"""

from __future__ import annotations

from newsclean.rules.features import prose_weight
from newsclean.rules.pipeline import Context

#: A reader thread in scraped text: a chain of at least this many credit lines (each comment's
#: "Posted by: name at time" or "name July 31, 2012 at 9:39 pm", taken as a byline or dateline),
#: each with prose between it and the next and at most THREAD_MAX_GAP lines after the one before.
#: Its first header, after the article's prose, ends the article like a comment-section marker.
#: Measured with the comment-counter change in region.py (bench/text_accuracy.py, html_text /
#: inscriptis / Resiliparse / BeautifulSoup text): dragnet-dev +0.014 / +0.013 / +0.013 / +0.018
#: (2012 blogs whose threads carry no "Comments" label the phrase rules know; 195 pages better,
#: 37 worse), wcxb-dev articles +0.001 to +0.002, wceb2026-dev articles -0.0004 to +0.001,
#: scrapinghub 0 to +0.010. Headers on adjacent lines ("Updated on" / "April 19, 2025") or with
#: no prose between them are a story's head, not a thread: without that condition wceb articles
#: lost 0.01. Forum and review threads and listings are spared (see THREAD_CARD_MIN_LINES and
#: THREAD_STORY_RATIO, and _posts_from_top for a forum whose one-line replies broke the chain); a
#: log's bare dates head no comment (_introduces).
#: Known loss: a Q&A page whose answers end in "answered <time>" still reads as a comment thread.
THREAD_MIN_HEADERS = 3
THREAD_MAX_GAP = 30
#: A chain whose entries carry their writers' cards is a forum (or review) thread, the page's
#: content, and ends nothing: a forum post sits among short lines naming its writer, rank, post
#: count, join date, reputation, post number; a blog comment among a name and a "Reply" or
#: "Recommend" link. The test: the median count of short lines between two headers is at least
#: this. Measured (bench/text_accuracy.py, html_text): the chains that cost forum, review and
#: book-list pages have medians 7 to 11, the blog threads that gain 0 to 5 (4.5 for comments under
#: "Recommend / Responses / Report" rows), so any value in (5, 7] gives the same pages.
THREAD_CARD_MIN_LINES = 6.0
#: A chain whose first header sits above the story (less prose above it than the region's
#: AFTER_RELATED_MIN_PROSE, which the region hands to :func:`thread_headers` as ``story_min``)
#: holds the story itself only when its first entry is this many times the median of
#: the others: a story under its byline, then comments. Entries of like size from the top are
#: peer posts or a listing's items. Measured: listings, a collection and a forum's first chain
#: have ratios 0.2 to 1.3, blogs whose post heads the chain 1.8 to 14 (a short post of 617
#: characters over 236-character comments: 1.8), so 1.35 to 1.65 give the same pages.
#: With THREAD_CARD_MIN_LINES, against the rule without both gates: wceb2026-dev all types
#: 0.773 -> 0.776 (9 pages better, 0 worse; forum 0.622 -> 0.630, listing 0.514 -> 0.535),
#: wcxb-dev 0.800 -> 0.802 (9 / 0), dragnet-dev and scrapinghub unchanged (0 / 0).
THREAD_STORY_RATIO = 1.5


def thread_headers(ctx: Context, kinds: list[str], story_min: int) -> frozenset[int]:
    """Credit lines (a byline, a timestamp) that head a reader thread: each is followed by at
    least THREAD_MIN_HEADERS - 1 more, every one with prose between it and the one before and at
    most THREAD_MAX_GAP lines after it. ``kinds`` are the text region's line kinds (a credit
    line, moved to metadata, is ``gone``); less prose than ``story_min`` above a header is the
    page's head, not a story."""
    headers = [
        i
        for i, kind in enumerate(kinds)
        if kind == "gone"
        and (rule := ctx.decided[i]) is not None
        and rule.credit_line
        and not _introduces(ctx, i)
    ]
    if len(headers) < THREAD_MIN_HEADERS:
        return frozenset()
    prose_above = _prose_above(ctx, kinds)
    found: set[int] = set()
    chain: list[int] = []
    run_start = 0  # index in headers of the first header of the current run (gaps <= THREAD_MAX_GAP)
    for n, i in enumerate([*headers, len(kinds) + THREAD_MAX_GAP + 1]):  # (a sentinel closes the last chain)
        if chain and (i - chain[-1] > THREAD_MAX_GAP or "prose" not in kinds[chain[-1] + 1 : i]):
            # (the run, the chain with the headers of its run above it, is sliced only for a chain
            # long enough to weigh: slicing it at every closed chain was quadratic on a page of
            # many dated posts, whose byline and date each close a chain of two)
            if (
                len(chain) >= THREAD_MIN_HEADERS
                and not _peer_posts(kinds, chain, prose_above, story_min)
                and not _posts_from_top(headers[run_start:n], prose_above, story_min)
            ):
                found.update(chain[: len(chain) - THREAD_MIN_HEADERS + 1])
            chain = []
        if n and i - headers[n - 1] > THREAD_MAX_GAP:
            run_start = n
        chain.append(i)
    return frozenset(found)


#: A credit line of at most this many words that ends with a colon is a bare date ("2020-05-26:",
#: "May 26, 2020:"); a comment header that ends with one names its writer ("09. Jul, 2012 /
#: Courtney says:", six words). Measured: BeautifulSoup's text, wceb2026-dev articles 0.918 ->
#: 0.919 (a post quoting its to-do file, 0.54 -> 0.98), none worse; with no word limit three
#: dragnet-dev blogs whose comment headers end in "says:" lost their thread end (-0.2 to -0.4).
INTRO_DATE_MAX_WORDS = 3


def _introduces(ctx: Context, i: int) -> bool:
    """Whether credit line ``i`` is a bare date ending with a colon ("2020-05-26:"): it heads an
    entry of a diary, a changelog or a to-do file inside the story, introducing the lines under
    it, where a reader comment's header names its writer (see :data:`INTRO_DATE_MAX_WORDS`)."""
    text = ctx.blocks[i].text.rstrip()
    return text.endswith((":", "：")) and len(text.split()) <= INTRO_DATE_MAX_WORDS


def _prose_above(ctx: Context, kinds: list[str]) -> list[int]:
    """``prose_above[j]``: the prose weight of the lines above line ``j``, in one pass, so that
    every chain's sums are differences (summing from the top for each chain was quadratic on a
    text of many chains)."""
    totals = [0]
    for block, kind in zip(ctx.blocks, kinds, strict=True):
        totals.append(totals[-1] + (prose_weight(block.text) if kind == "prose" else 0))
    return totals


def _posts_from_top(run: list[int], prose_above: list[int], story_min: int) -> bool:
    """True when the chain's run of headers (each within THREAD_MAX_GAP lines of the one before)
    starts above the story and its first post is no longer than the others (THREAD_STORY_RATIO):
    a forum thread whose short posts (a line or two, not prose) broke the chain, so the chain
    starts at a later post with the first posts' prose above it. A blog's run starts at its
    byline, and its first entry, the story, outweighs the comments. A run of fewer than
    2 * THREAD_MIN_HEADERS headers is left to the chain's own tests. Measured (html_text's text):
    wceb2026-dev 2 pages better (a collection of dated posts 0.48 -> 0.57, a forum), wcxb-dev 3
    better (a service page 0.50 -> 0.88) and 1 worse (an events list typed as an article, whose
    dated entries the thread rule had cut after the first few, by accident its truth: 0.83 ->
    0.20), dragnet-dev 1 better (0.59 -> 0.83); BeautifulSoup's text: no page moves."""
    from statistics import median  # (here: few pages have a chain, and it imports random, decimal…)

    if len(run) < 2 * THREAD_MIN_HEADERS or prose_above[run[0]] >= story_min:
        return False
    entries = [e for a, b in zip(run, run[1:], strict=False) if (e := prose_above[b] - prose_above[a]) > 0]
    return len(entries) > 1 and entries[0] < THREAD_STORY_RATIO * median(entries[1:])


def _peer_posts(kinds: list[str], chain: list[int], prose_above: list[int], story_min: int) -> bool:
    """True when the chain is a thread of peer posts (a forum, reviews, a listing), not comments
    under a story (see THREAD_CARD_MIN_LINES, THREAD_STORY_RATIO)."""
    from statistics import median  # (here: few pages have a chain, and it imports random, decimal…)

    pairs = list(zip(chain, chain[1:], strict=False))
    cards = [sum(1 for k in kinds[a + 1 : b] if k in ("short", "list", "row")) for a, b in pairs]
    if median(cards) >= THREAD_CARD_MIN_LINES:
        return True
    if prose_above[chain[0]] < story_min:
        entries = [prose_above[b] - prose_above[a] for a, b in pairs]
        # (a chain has THREAD_MIN_HEADERS headers, so at least two entries at its value; one entry,
        # at THREAD_MIN_HEADERS = 2 in the constants' sweep, has no others to weigh it against)
        return len(entries) > 1 and entries[0] < THREAD_STORY_RATIO * median(entries[1:])
    return False


#: A comment-section marker (or a reader thread's first header) inside the text region ends it
#: when the region's prose above the marker weighs at least this much (characters, as the
#: region's AFTER_RELATED_MIN_PROSE): the readers' thread under a story is prose too, and at the
#: region's AFTER_COMMENTS_SHARE a long one (over ten times the marker's cost) still joined the
#: story. Measured (bench/text_accuracy.py, html_text, before comments_under): dragnet-dev
#: 0.858 -> 0.863, 15 pages better, 3 worse (437, 419: truths that keep the comments); 0 and 200
#: give the same pages, since under a shorter story the guard put the thread back.
COMMENTS_CUT_MIN_PROSE = 400


def before_comments(
    ctx: Context, span: tuple[int, int], kinds: list[str], weights: list[float], thread: int | None
) -> tuple[int, int]:
    """End the region above the readers' comment section (line ``thread``: a "Comments" /
    "125 Comments Add A Comment" header, or a reader thread's first name-and-time line) when
    the region holds enough of the story's prose above it."""
    start, end = span
    if thread is None or not start < thread <= end:
        return span
    prose = sum(weights[i] for i in range(start, thread) if kinds[i] == "prose")
    if prose < COMMENTS_CUT_MIN_PROSE:
        return span
    last = thread - 1
    while last > start and not ctx.kept(last):
        last -= 1
    return (start, last)


def comments_under(ctx: Context, span: tuple[int, int], kinds: list[str], thread: int | None) -> int | None:
    """``thread`` when the readers' comment section starts right under the region (only removed
    lines between them): the story above it is the region's, and the guard must not weigh the
    thread against it (a one-line post over a hundred comments: the guard found a tenth of the
    page's prose kept and put the whole thread back).

    Measured (bench/text_accuracy.py, dragnet-dev / wcxb-dev, against the cut alone): html_text
    dragnet-dev 0.863 -> 0.866. Only an explicit marker counts: a chain of dated lines also heads
    a blog's dated posts under its "about" box (dragnet-dev R90, -0.74). The marker may come right
    under the chain's first header (:func:`_labelled`: the post's own "Posted by … at …" line
    heads the chain, its "Comments" label under it; dragnet-dev R187 +0.90, no page worse with
    html_text, inscriptis and Resiliparse text). Only removed lines between:
    with kept short lines allowed, a "Comments: 8" counter in a post's head under a menu's blurbs
    (BeautifulSoup's text, dragnet-dev 54, -0.89) and the replies of forum threads under a
    widget's "Show 1 more comment" or "Reply" (wcxb-dev forum 0.643 -> 0.616) lost the rescue."""
    if thread is None or thread <= span[1]:
        return None
    if kinds[thread] != "comments" and not _labelled(ctx, thread):
        return None  # a thread of name-and-time lines only: a dated log's posts look the same
    if any(ctx.kept(j) for j in range(span[1] + 1, thread)):
        return None
    return thread


def _labelled(ctx: Context, header: int) -> bool:
    """Whether a reader thread's first name-and-time line (``header``) is followed, before the
    next kept line, by a line a comment rule removed (the section's "Comments" label, printed
    under the story's own credit line)."""
    for j in range(header + 1, len(ctx.blocks)):
        rule = ctx.decided[j]
        if rule is None:
            return False
        if rule.family == "comments":
            return True
    return False


def last_count(ctx: Context, i: int, places: list[int]) -> bool:
    """Whether repeated label ``i`` holds a count ("2 comments", "Comments (14)") and is its last
    copy on the page (``places``: where its text occurs, in order)."""
    return places[-1] == i and any(c.isdigit() for c in ctx.blocks[i].text)
