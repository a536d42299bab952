"""Robustness of the constants that decide what is article text: each at -10 % and +10 %.

    /work/benchvenv/bin/python bench/sweep.py [--bench-root ../shared/bench] \
        [--constant newsclean.rules.markup.LINK_LIST_DENSITY ...] [--json FILE] \
        [--text html_text] [--base FILE]

(Every constant of both lists in minutes rather than days: ``bench/sweep_screen.py``, which
screens them in groups; this script runs one constant on every page and assumes nothing.)

Issue #13 item 5: a constant whose 10 % change moves a set's F1 by more than
:data:`MAX_MOVE` is fitted to the pages rather than measured from them. For every constant
(by default :data:`CONSTANTS`: the prose thresholds, the HTML region's weights, the link
density caps and the thread shares) this runs ``bench/accuracy.py --tools newsclean --quick``
on every shared set three times (as it is, at -10 % and at +10 %, with ``--set``), each in a
fresh process, and prints per constant the largest move of any set's F1 (all pages, and the
articles where a set has page types; the snippet F1 where it has snippets only) with the set
that moved most. An integer moves by at least 1 (10 % of 3 words is no change).

A move of 0.000 both ways means that on these pages nothing sits near the constant's edge, or
that the constant is read before ``--set`` can change it (a default argument): the run cannot
tell the two apart, so such a row is checked by hand before it is counted as robust.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from overrides import numeric_constant  # noqa: E402

#: The largest move of a set's F1 that a 10 % change of one constant may cause (issue #13).
MAX_MOVE = 0.005

#: Constants both paths read (the line features, the phrase labels, the metadata and related
#: rules, the dateline parser): listed once, swept in HTML mode and in text mode.
BOTH_PATHS: tuple[str, ...] = (
    "newsclean.rules.features.PROSE_MIN_WORDS",
    "newsclean.rules.features.PROSE_SENTENCE_MIN_WORDS",
    "newsclean.rules.features.HEADLINE_MAX_WORDS",
    "newsclean.rules.labels.LEGAL_NOTICE_MIN_KINDS",
    "newsclean.rules.labels.LEGAL_NOTICE_MAX_CHARS",
    "newsclean.rules.related.RELATED_BOX_MIN_ITEMS",
    "newsclean.rules.features.WORD_LIST_MIN_WORDS",
    "newsclean.rules.features.WORD_LIST_TITLE_MIN_WORDS",
    "newsclean.rules.features.WORD_LIST_TITLE_SHARE",
    "newsclean.rules.features.WORD_LIST_DIGIT_SHARE",
    "newsclean.rules.features.GLUED_HEADLINES_MIN_CHARS",
    "newsclean.rules.features.GLUED_HEADLINES_CHARS_PER_END",
    "newsclean.rules.features.GLUED_HEADLINES_TITLE_SHARE",
    "newsclean.rules.features.HEADLINE_MIN_WORDS",
    "newsclean.rules.features.HEADLINE_MAX_CHARS",
    "newsclean.rules.features.TABLE_ROW_MIN_NUMBERS",
    "newsclean.rules.features.TABLE_ROW_MIN_SHARE",
    "newsclean.rules.features.TABLE_ROW_MAX_CHARS",
    "newsclean.rules.features.SENTENCE_CASE_MIN_WORDS",
    "newsclean.rules.features.SENTENCE_CASE_LOWER_SHARE",
    "newsclean.rules.features.URL_LINE_MAX_CHARS",
    "newsclean.rules.features.FIELD_LINE_MAX_CHARS",
    "newsclean.rules.features.AUTHOR_BIO_OPENING_CHARS",
    "newsclean.rules.features.NAME_WORD_MIN_CHARS",
    "newsclean.rules.features.MARKUP_MIN_TAGS",
    "newsclean.rules.features.MARKUP_TAG_SHARE",
    "newsclean.rules.labels.PROMPT_MAX_CHARS",
    "newsclean.rules.labels.PROMPT_MAX_WORDS",
    "newsclean.rules.labels.NOTICE_MAX_CHARS",
    "newsclean.rules.labels.NOTICE_OPENING_CHARS",
    "newsclean.rules.labels.SHARE_RUN_MAX_WORDS",
    "newsclean.rules.labels.SHARE_RUN_MIN_SHARE",
    "newsclean.rules.labels.SHARE_RUN_FILLER_CHARS",
    "newsclean.rules.labels.MENU_LABEL_SHARE",
    "newsclean.rules.labels.MENU_LINE_MAX_CHARS",
    "newsclean.rules.labels.COMMENT_HEADER_MAX_CHARS",
    "newsclean.rules.labels.COMMENT_HEADER_TAIL_CHARS",
    "newsclean.rules.labels.LAST_COMMENT_MAX_LINES",
    "newsclean.rules.labels.COMMENT_HEADER_MIN_REPEATS",
    "newsclean.rules.metadata.DATELINE_MAX_CHARS",
    "newsclean.rules.metadata.BYLINE_MAX_CHARS",
    "newsclean.rules.metadata.DATE_LABEL_MAX_CHARS",
    "newsclean.rules.metadata.TITLE_HEADING_MIN_CHARS",
    "newsclean.rules.related.MAX_LIST_ITEMS",
    "newsclean.rules.related.RELATED_HEADER_MAX_CHARS",
    "newsclean.rules.related.ITEM_LINK_SHARE",
    "newsclean.rules.related.ITEM_LINKED_SHARE",
    # the dateline rule reads these to tell a dateline from a line of the story
    "newsclean.meta.datelines.MAX_DATELINE_CHARS",
    "newsclean.meta.datelines.MAX_LABEL_CHARS",
    "newsclean.meta.datelines.MAX_OTHER_PIECE_WORDS",
    "newsclean.meta.datelines.POSTED_REACH",
    "newsclean.meta.dates.MAX_DATE_CHARS",
    "newsclean.meta.dates.MAX_LEFTOVER_WORDS",
)

#: The constants swept by default: those that decide what is article text in HTML mode, the
#: HTML path's own (the region's weights, the markup rules', the block builders') and
#: :data:`BOTH_PATHS` (37 were listed before session 13; all 124 were swept in session 13).
CONSTANTS: tuple[str, ...] = (
    "newsclean.rules.html_region.SIBLING_SHARE",
    "newsclean.rules.html_region.SIBLING_MAX_LINK_DENSITY",
    "newsclean.rules.html_region.OWN_BOILERPLATE_FACTOR",
    "newsclean.rules.html_region.IN_COMMENTS_FACTOR",
    "newsclean.rules.html_region.CONCENTRATED_SHARE",
    "newsclean.rules.teasers.TEASER_MAX_WORDS",
    "newsclean.rules.html_region.LINK_BLOCK_COST",
    "newsclean.rules.html_region.NON_PROSE_COST_PER_CHAR",
    "newsclean.rules.html_region.REMOVED_BLOCK_COST",
    "newsclean.rules.html_region.LINK_DENSITY_CAP",
    "newsclean.rules.headline.ANCHOR_SHARE",
    "newsclean.rules.headline.FURNITURE_SHAPE",
    "newsclean.rules.headline.STORY_MIN_LINES",
    "newsclean.rules.headline.STORY_MAX_BLOCKS_BEFORE",
    "newsclean.rules.opening.OPENING_MAX_PARAGRAPHS",
    "newsclean.rules.opening.OPENING_MAX_LINK_SHARE",
    "newsclean.rules.markup.LINK_LIST_DENSITY",
    "newsclean.rules.markup.DISCLOSED_PROSE_MIN_WORDS",
    "newsclean.rules.story_lists.MIXED_RUN_MIN_LINES",
    "newsclean.rules.story_lists.COMMENTED_LIST_MIN_ENTRIES",
    "newsclean.rules.page_kind.THREAD_SHARE",
    "newsclean.rules.page_kind.STORY_BEFORE_CHARS",
    "newsclean.rules.items.MIN_ITEMS",
    "newsclean.rules.items.ITEMS_PAGE_SHARE",
    "newsclean.rules.items.STORY_MIN_PARAGRAPHS",
    "newsclean.rules.items.STORY_MIN_PROSE",
    "newsclean.rules.author_box.AUTHOR_BOX_MAX_PROSE",
    "newsclean.rules.cards.HEADLINE_LINK_SHARE",
    "newsclean.rules.pitch.PITCH_MAX_PARAGRAPHS",
    "newsclean.rules.quotes.QUOTE_MIN_WORDS",
    "newsclean.blocks.noscript.NOSCRIPT_PROSE_CHARS",
    "newsclean.rules.figure_caption.FIGURE_MAX_CHARS",
    "newsclean.rules.headline.DETACHED_PROSE",
    "newsclean.rules.html_region.NEGATIVE_TOLERANCE",
    "newsclean.rules.html_region.SPREAD_TOLERANCE",
    "newsclean.rules.html_region.WRAPPER_PROSE",
    "newsclean.rules.html_region.HINT_OUTER_SHARE",
    "newsclean.rules.html_region.HINT_INNER_SHARE",
    "newsclean.rules.html_region.LINK_BLOCK_SHARE",
    "newsclean.rules.html_region.LINK_BLOCK_COST_PER_CHAR",
    "newsclean.rules.html_region.LABEL_MAX_WORDS",
    "newsclean.rules.html_region.LABEL_COST",
    "newsclean.rules.html_region.ARTICLE_TAG_SHARE",
    "newsclean.rules.html_region.ARTICLE_TAG_PROSE",
    "newsclean.rules.markup.LINK_LIST_MAX_WORDS",
    "newsclean.rules.markup.MISNAMED_SHARE",
    "newsclean.rules.markup.FURNITURE_MAX_PARAGRAPHS",
    "newsclean.rules.markup.LIST_INTRO_MIN_WORDS",
    "newsclean.rules.page_kind.LINK_HEAVY",
    "newsclean.rules.page_kind.WIDEN_RATIO",
    "newsclean.rules.page_kind.SECTIONS_WIDEN_RATIO",
    "newsclean.rules.page_kind.TEASER_ITEM_BLOCKS",
    "newsclean.rules.page_kind.HEADLINE_WORDS",
    "newsclean.rules.page_kind.HEADLINE_LINK_DENSITY",
    "newsclean.rules.page_kind.THREAD_POSTS_SHARE",
    "newsclean.rules.page_kind.POST_SHAPE_DEPTH",
    "newsclean.rules.page_kind.THREAD_MIN_REPLIES",
    "newsclean.rules.page_kind.THREAD_REPLIES_SHARE",
    "newsclean.rules.page_kind.STORY_BEFORE_SHARE",
    "newsclean.rules.teasers.SNIPPET_MAX_LINK_SHARE",
    "newsclean.rules.teasers.TEASER_ITEM_MAX_BLOCKS",
    "newsclean.rules.teasers.TEASER_LIST_MIN_ITEMS",
    "newsclean.rules.thread_shape.THREAD_OUTSIDE_SHARE",
    "newsclean.rules.thread_shape.STORY_FIRST_CHARS",
    "newsclean.blocks.figures.ICON_MAX_PX",
    "newsclean.blocks.html.SWALLOWED_BUTTON_CHARS",
    "newsclean.blocks.html.NOSCRIPT_FALLBACK_CHARS",
    "newsclean.blocks.structure.ITEM_PARAGRAPH_DEPTH",
    "newsclean.blocks.tables.CELL_DEPTH",
    "newsclean.blocks.tables.MAX_ROW_BLOCKS",
    "newsclean.blocks.tables.MAX_CELL_CHARS",
    *BOTH_PATHS,
)

#: The constants that decide what is article text in text mode (``--text CONVERTER``): the text
#: region's and the text-only rules', and :data:`BOTH_PATHS`.
TEXT_CONSTANTS: tuple[str, ...] = (
    "newsclean.rules.alt_text.MIN_ALT_CHARS",
    "newsclean.rules.alt_text.MAX_COUNTER_CHARS",
    "newsclean.rules.captions.CREDIT_TAIL_CHARS",
    "newsclean.rules.captions.OPENING_HEAD_CHARS",
    "newsclean.rules.captions.FILE_NAME_MIN_PARTS",
    "newsclean.rules.captions.TOGGLE_TAIL_CHARS",
    "newsclean.rules.cells.TABLE_CELL_MIN_SHARE",
    "newsclean.rules.cells.TABLE_CELL_MIN_PAIR_SHARE",
    "newsclean.rules.cells.TABLE_CELL_MIN_LINES",
    "newsclean.rules.region.SHORT_LINE_COST",
    "newsclean.rules.region.TABLE_ROW_COST",
    "newsclean.rules.region.SHORT_RUN_CAP",
    "newsclean.rules.region.END_MARKER_COST",
    "newsclean.rules.region.ISOLATED_PROSE_SHARE",
    "newsclean.rules.region.ISOLATED_MAX_CHARS",
    "newsclean.rules.region.AFTER_COMMENTS_SHARE",
    "newsclean.rules.region.AFTER_RELATED_SHARE",
    "newsclean.rules.region.AFTER_RELATED_MIN_PROSE",
    "newsclean.rules.region.SECTION_HEADINGS_MIN",
    "newsclean.rules.region.TOOLBAR_LABEL_MAX_WORDS",
    "newsclean.rules.region.WRAPPED_MIN_CHARS",
    "newsclean.rules.region.DUPLICATE_FALLBACK_MAX",
    "newsclean.rules.region_edges.BYLINE_NAME_LINES",
    "newsclean.rules.region_edges.POST_HEADER_LINES",
    "newsclean.rules.region_edges.NUMBERED_INTRO_MAX_LINES",
    "newsclean.rules.region_edges.NUMBERED_INTRO_MIN_WORDS",
    "newsclean.rules.region_edges.NUMBERED_MIN_ITEMS",
    "newsclean.rules.region_title.TITLE_MAX_CHARS",
    "newsclean.rules.region_title.HEADLINE_RUN_MIN",
    "newsclean.rules.region_title.HEADLINE_RUN_GAP",
    "newsclean.rules.threads.THREAD_MIN_HEADERS",
    "newsclean.rules.threads.THREAD_MAX_GAP",
    "newsclean.rules.threads.THREAD_CARD_MIN_LINES",
    "newsclean.rules.threads.THREAD_STORY_RATIO",
    "newsclean.rules.threads.INTRO_DATE_MAX_WORDS",
    "newsclean.rules.threads.COMMENTS_CUT_MIN_PROSE",
    "newsclean.blocks.text.GLUED_MAX_CHARS",
    "newsclean.blocks.text.FRAGMENT_MAX_WORDS",
    "newsclean.blocks.text.LINK_TEXT_MAX_WORDS",
    "newsclean.rules.region_title.HEADLINE_MIN_CHARS",
    *BOTH_PATHS,
)


def moved(value: int | float, factor: float) -> int | float:
    """``value`` times ``factor``; an integer rounded away from ``value`` by at least 1."""
    if isinstance(value, int):
        target = value * factor  # (60 * 1.1 is 66.00000000000001: the slack keeps it 66)
        return math.ceil(target - 1e-9) if factor > 1 else math.floor(target + 1e-9)
    return round(value * factor, 6)


def _rows(path: Path) -> dict[str, float]:
    """The set-level figures of an ``accuracy.py --json`` file: each set's F1 over all its pages
    (the snippet F1 on a set with snippets only), and its articles' F1 where it has page types."""
    out: dict[str, float] = {}
    for summary in json.loads(path.read_text(encoding="utf-8")):
        figures = summary["figures"]["newsclean"]
        name = summary["dataset"]
        if "all" in figures:
            out[name] = float(figures["all"]["f1"])
        elif figures.get("snippets"):
            out[f"{name} snippets"] = float(figures["snippets"]["f1"])
        article = figures.get("types", {}).get("article")
        if article:
            out[f"{name} articles"] = float(article["f1"])
    return out


def bench_command(text: str | None) -> list[str]:
    """The script (and its options) that scores newsclean: ``accuracy.py`` on the HTML pages, or
    ``text_accuracy.py --converter TEXT`` on the text that converter makes of them."""
    if text:
        return [sys.executable, str(HERE / "text_accuracy.py"), "--converter", text]
    return [sys.executable, str(HERE / "accuracy.py")]


def run(bench_root: str | None, setting: str | None, out: Path, text: str | None = None) -> dict[str, float]:
    """One ``accuracy.py`` (or, with ``text``, ``text_accuracy.py``) run of this checkout's
    newsclean (its ``src`` first on the path, so a worktree measures itself, not the copy
    installed in the bench venv)."""
    command = [*bench_command(text), "--tools", "newsclean", "--quick", "--summary-only", "--json", str(out)]
    if bench_root:
        command += ["--bench-root", bench_root]
    if setting:
        command += ["--set", setting]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent / "src"), env.get("PYTHONPATH")]))
    subprocess.run(command, check=True, capture_output=True, env=env)
    return _rows(out)


def largest_move(base: dict[str, float], other: dict[str, float]) -> tuple[float, str]:
    moves = [(abs(other.get(label, 0.0) - f1), label) for label, f1 in base.items()]
    return max(moves, default=(0.0, "-"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench-root", help="folder holding the shared sets (default: accuracy.py's)")
    parser.add_argument("--constant", action="append", help="MODULE.NAME (repeatable; default: CONSTANTS)")
    parser.add_argument("--json", metavar="FILE", help="also write the moves as JSON (after every constant)")
    parser.add_argument(
        "--text", metavar="CONVERTER", help="text input: score with text_accuracy.py --converter CONVERTER"
    )
    parser.add_argument("--base", metavar="FILE", help="the unchanged run's --json file (default: run it)")
    args = parser.parse_args(argv)
    names = args.constant or list(TEXT_CONSTANTS if args.text else CONSTANTS)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        if args.base:
            base = _rows(Path(args.base))
        else:
            base = run(args.bench_root, None, Path(scratch) / "base.json", args.text)
        print("| constant | value | -10 % | largest move | +10 % | largest move |")
        print("|---|---|---|---|---|---|")
        for name in names:
            value = numeric_constant(name)[2]
            entry: dict[str, Any] = {"constant": name, "value": value}
            cells = []
            for factor, key in ((0.9, "down"), (1.1, "up")):
                new = moved(value, factor)
                rows = run(args.bench_root, f"{name}={new}", Path(scratch) / f"{key}.json", args.text)
                size, label = largest_move(base, rows)
                entry[key] = {"value": new, "move": round(size, 4), "row": label}
                flag = " **over**" if size > MAX_MOVE else ""
                cells.append(f"{new} | {size:.3f} ({label}){flag}")
            results.append(entry)
            print(f"| `{name.rpartition('.')[2]}` | {value} | {' | '.join(cells)} |", flush=True)
            if args.json:
                Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    over = [r["constant"] for r in results if max(r["down"]["move"], r["up"]["move"]) > MAX_MOVE]
    print(f"\n{len(results) - len(over)} of {len(results)} constants move every row by at most {MAX_MOVE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
