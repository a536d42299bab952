"""Tables a scraper printed one cell per line, in scraped text.

Converters that end a line at every element (BeautifulSoup's ``get_text("\\n")``, lxml's
``itertext``) print a table's cells on lines of their own: ``1`` / ``Kyle Busch`` / ``5040`` /
``5`` / ``2`` … The figures are table rows to the text region (they cost nothing), but the names
and labels between them are short lines, and a short line costs: a table of twenty rows walled
the article off from its own standings or statistics. A run of short lines whose cells are mostly
figures, with figures side by side, is such a table, and its words are cells too
(:func:`table_cells`).

A numbered teaser list (``1`` / headline / ``2`` / headline) alternates figures with text and has
no two figures side by side, so it stays a run of short lines.
"""

from __future__ import annotations

#: Line kinds of the text region that a flattened table is made of (see region._line_kinds).
RUN_KINDS = frozenset({"row", "short", "list", "item"})
#: A run of short lines is a table printed one cell per line when at least this share of its
#: lines are figures alone ("5040", "85%"; a line of several figures is a whole row, which
#: converters that end lines at blocks print, and product or listing cards are made of:
#: "$524,900" / "4 beds 2.5 baths 1,972 sq ft" / an address) …
TABLE_CELL_MIN_SHARE = 0.6
#: … and at least this share of its figures stand beside another figure (a row's number
#: cells), which a numbered list of headlines (``1`` / headline / ``2`` / headline), a
#: menu with counts (``Politics`` / ``(15)`` / ``Sports`` / ``(47)``), teaser cards with a like
#: and a comment count (headline / ``432`` / ``11``) have less of. (Figures that are all one
#: value or a count are never a table: see :func:`_counters`.)
TABLE_CELL_MIN_PAIR_SHARE = 0.6
#: A run shorter than this is not yet a table: two rows of three cells. A story's head has
#: runs of a few counters ("589" / "149" / "94": likes, comments, shares) under its byline.
#: Measured (bench/text_accuracy.py, BeautifulSoup's text, against the text region without
#: tables): scrapinghub 0.927 -> 0.931 (a standings table, 0.07 -> 0.79), wceb2026-dev articles
#: 4 pages better, dragnet-dev 1, none worse; html_text's text unchanged on the four dev sets.
#: Looser values each took a page: share 0.4, any pair and 3 lines turned product grids, listing
#: cards, a story head's counters and teaser cards with two counts into tables (html_text's
#: wceb2026-dev 5 pages worse). All three at +-10 % move no page.
TABLE_CELL_MIN_LINES = 6


def _counters(values: list[str]) -> bool:
    """Figures that are no table's cells: one value over and over (a row of reaction counters
    that all read ``0``) or a count (``1`` / ``2`` / ``3``: a pager, a rating scale)."""
    if len(set(values)) == 1:
        return True
    return all(v.isdigit() for v in values) and all(
        int(b) == int(a) + 1 for a, b in zip(values, values[1:], strict=False)
    )


def table_cells(kinds: list[str], figures: list[bool], texts: list[str]) -> list[int]:
    """Indices of the lines of ``kinds`` that are cells of a table printed one cell per line:
    the lines of a run of :data:`RUN_KINDS` (neutral ``gone`` lines skipped) that meets the
    three tests above; ``figures[i]`` says whether line ``i`` is one
    figure alone, ``texts[i]`` is its text. Linear: each run is read once."""
    found: list[int] = []
    run: list[int] = []
    for i in [*range(len(kinds)), -1]:  # (-1: a sentinel that closes the last run)
        kind = kinds[i] if i >= 0 else "edge"
        if kind == "gone":
            continue
        if kind in RUN_KINDS:
            run.append(i)
            continue
        if len(run) >= TABLE_CELL_MIN_LINES:
            values = [texts[j] for j in run if figures[j]]
            pairs = sum(1 for j, k in zip(run, run[1:], strict=False) if figures[j] and figures[k])
            if (
                len(values) >= TABLE_CELL_MIN_SHARE * len(run)
                and pairs >= max(1, TABLE_CELL_MIN_PAIR_SHARE * len(values))
                and not _counters(values)
            ):
                found.extend(run)
        run = []
    return found
