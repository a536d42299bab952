"""Reader threads in scraped text that carry no "Comments" label: a chain of name-and-time lines.

Blogs from before comment widgets print each comment with a line naming its writer and its time
("Posted by: Ellen at September 10, 2012 11:40 AM", "Shirley July 31, 2012 at 9:39 pm"), and
the metadata rules take those lines as bylines or datelines. One such line under a story is its
byline; a chain of them with prose between each is a thread. The text region (:mod:`region`)
ends the article at the chain's first header after the story's prose.
"""

from __future__ import annotations

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
#: lost 0.01. Known loss: a list of books each under an "Author: name" line reads as a thread.
THREAD_MIN_HEADERS = 3
THREAD_MAX_GAP = 30


def thread_headers(ctx: Context, kinds: list[str]) -> frozenset[int]:
    """Credit lines (a byline, a timestamp) that head a reader thread: each is followed by at
    least THREAD_MIN_HEADERS - 1 more, every one with prose between it and the one before and at
    most THREAD_MAX_GAP lines after it. ``kinds`` are the text region's line kinds (a credit
    line, moved to metadata, is ``gone``)."""
    headers = [
        i
        for i, kind in enumerate(kinds)
        if kind == "gone" and (rule := ctx.decided[i]) is not None and rule.credit_line
    ]
    found: set[int] = set()
    chain: list[int] = []
    for i in [*headers, len(kinds) + THREAD_MAX_GAP + 1]:  # (a sentinel closes the last chain)
        if chain and (i - chain[-1] > THREAD_MAX_GAP or "prose" not in kinds[chain[-1] + 1 : i]):
            found.update(chain[: len(chain) - THREAD_MIN_HEADERS + 1])
            chain = []
        chain.append(i)
    return frozenset(found)
