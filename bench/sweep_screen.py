"""Every constant at -10 % and +10 %, screened in groups, each set's F1 as ``sweep.py`` reads it.

    /work/benchvenv/bin/python bench/sweep_screen.py [--bench-root ../shared/bench] \
        [--text html_text] [--constant MODULE.NAME ...] [--json FILE]

``sweep.py`` runs the whole bench twice per constant; with 150 constants that is 300 runs of
3,000 pages. Most constants move a handful of pages or none, so this screens them instead:
the pages are read once, every constant in the group is changed at once (all down, then all
up) and all pages are cleaned in a fresh forked process; a group that leaves every page's
output as it was is done (no page moves for any constant in it), a group that changes some
pages is split in two and each half is run again on those pages only, down to one constant
and the pages it changes. A set's F1 is then recomputed with those pages' new scores, as
``accuracy.py --quick`` computes it (all pages, articles where a set has page types, snippets
where it has snippets only).

The one assumption: a page whose output a group leaves as it was, each constant of the group
alone leaves as it was too (two changes that cancel to the byte are not looked for). A
constant this flags is confirmed with ``sweep.py --constant NAME``, which assumes nothing.
Every child process starts from a parent that never cleaned a page, so no memo holds a line
feature computed under another value.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import accuracy  # noqa: E402
import overrides  # noqa: E402
import runner  # noqa: E402
import scoring  # noqa: E402
import sweep  # noqa: E402
import tools  # noqa: E402
from datasets import Dataset, load_dataset  # noqa: E402

Key = tuple[int, int]  # (set, page)

_SETS: list[tuple[Dataset, list[str] | None]] = []  # inherited by the forked children
_TOOL: tools.Tool | None = None


def _clean(settings: Sequence[str], keys: Sequence[Key]) -> dict[Key, str]:
    """In a fresh child: the constants changed, then newsclean's body of every page in ``keys``."""
    assert _TOOL is not None
    for setting in settings:
        overrides.set_constant(setting)
    out = {}
    for s, p in keys:
        dataset, inputs = _SETS[s]
        page = dataset.pages[p]
        text = inputs[p] if inputs is not None else page.text()
        run = runner.run_page(_TOOL, page, text, runner.DEFAULT_TIMEOUT_S)
        if run.error:  # (scored as an empty output, as accuracy.py scores it; named here)
            print(f"  error on {dataset.name}/{page.id} at {settings}: {run.error}", file=sys.stderr)
        out[(s, p)] = run.text
    return out


def clean(settings: Sequence[str], keys: Sequence[Key]) -> dict[Key, str]:
    context = multiprocessing.get_context("fork")
    with context.Pool(1, initializer=runner.quiet_peers, maxtasksperchild=1) as pool:
        return pool.apply(_clean, (list(settings), list(keys)))


def set_rows(dataset: Dataset, counts: list[scoring.PageCounts], texts: Sequence[str]) -> dict[str, float]:
    """The rows ``sweep._rows`` reads off one set's figures."""
    name = dataset.name
    out: dict[str, float] = {}
    if accuracy.has_text_truth(dataset):
        out[name] = scoring.precision_recall_f1(counts)[2]
    elif dataset.has_snippets:
        pages = dataset.pages
        keep, drop = [p.with_snippets for p in pages], [p.without_snippets for p in pages]
        sn = scoring.score_snippets(texts, keep, drop)
        out[f"{name} snippets"] = scoring.snippet_prf(sn)[2]
    articles = [c for c, page in zip(counts, dataset.pages, strict=True) if page.page_type == "article"]
    if articles and accuracy.has_text_truth(dataset):
        out[f"{name} articles"] = scoring.precision_recall_f1(articles)[2]
    return out


class Scorer:
    """Set-level figures of the base outputs with some pages' outputs replaced."""

    def __init__(self, base: dict[Key, str]) -> None:
        self.base = base
        self.rows: dict[str, float] = {}
        self.counts: list[list[scoring.PageCounts]] = []
        self.texts: list[list[str]] = []
        for s, (dataset, _) in enumerate(_SETS):
            texts = [base[(s, p)] for p in range(len(dataset.pages))]
            self.texts.append(texts)
            self.counts.append(scoring.page_counts([p.truth for p in dataset.pages], texts)[0])
        self.rows = self.figures({})

    def page_score(self, key: Key, text: str) -> float:
        dataset = _SETS[key[0]][0]
        page = dataset.pages[key[1]]
        if accuracy.has_text_truth(dataset):
            return scoring.match(page.truth, text).f1
        return scoring.page_snippet_score(text, page.with_snippets, page.without_snippets)

    def figures(self, changed: dict[Key, str]) -> dict[str, float]:
        rows: dict[str, float] = {}
        for s, (dataset, _) in enumerate(_SETS):
            mine = {p: text for (t, p), text in changed.items() if t == s}
            if self.rows and not mine:
                rows.update({k: v for k, v in self.rows.items() if k.split(" ")[0] == dataset.name})
                continue
            counts, texts = list(self.counts[s]), list(self.texts[s])
            for p, text in mine.items():
                texts[p] = text
                counts[p] = scoring.match(dataset.pages[p].truth, text)
            rows.update(set_rows(dataset, counts, texts))
        return rows


def screen(
    names: Sequence[str], factor: float, base: dict[Key, str], log: Callable[[str], None]
) -> dict[str, dict[Key, str]]:
    """Per constant, the pages whose output it changes at ``factor`` and their new outputs."""
    found: dict[str, dict[Key, str]] = {}
    todo: list[tuple[list[str], list[Key]]] = [(list(names), list(base))]
    while todo:
        group, keys = todo.pop()
        settings = [f"{n}={sweep.moved(overrides.numeric_constant(n)[2], factor)}" for n in group]
        start = time.monotonic()
        out = clean(settings, keys)
        changed = {k: t for k, t in out.items() if t != base[k]}
        log(f"  x{factor}: {len(group)} constants on {len(keys)} pages: {len(changed)} change "
            f"({time.monotonic() - start:.0f} s)")
        if len(group) == 1 or not changed:
            for name in group:
                found[name] = changed if len(group) == 1 else {}
            continue
        half = len(group) // 2
        todo += [(group[half:], sorted(changed)), (group[:half], sorted(changed))]
    return found


def main(argv: list[str] | None = None) -> int:
    global _TOOL
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="*", help="set folders (default: every set of the bench root)")
    parser.add_argument("--bench-root", help="folder holding the shared sets (default: accuracy.py's)")
    parser.add_argument("--constant", action="append", help="MODULE.NAME (repeatable; default: both lists)")
    parser.add_argument("--text", metavar="CONVERTER", help="text input, as text_accuracy.py --converter")
    parser.add_argument("--json", metavar="FILE", help="also write the moves and moved pages as JSON")
    parser.add_argument(
        "--factors", default="0.9,1.1", help="LOW,HIGH (default 0.9,1.1; far ones, e.g. 0.5,2, show a "
        "constant that moves no page at all is still read after --set)"
    )
    args = parser.parse_args(argv)
    # both lists in either mode: a constant that moves no page costs nothing here
    names = args.constant or list(dict.fromkeys(sweep.CONSTANTS + sweep.TEXT_CONSTANTS))

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    for path in accuracy.dataset_paths(args.datasets, args.bench_root):
        dataset = load_dataset(path)
        if dataset.pages:
            inputs = None
            if args.text:
                import text_accuracy

                inputs = text_accuracy.converted_texts(dataset, args.text)
            _SETS.append((dataset, inputs))
    if args.text:
        import text_accuracy

        _TOOL = text_accuracy._BY_KEY["newsclean"]
    else:
        _TOOL = tools.select("newsclean")[0]
    log(f"newsclean imported from: {tools.newsclean_origin()}")
    everything = [(s, p) for s, (dataset, _) in enumerate(_SETS) for p in range(len(dataset.pages))]
    base = clean([], everything)
    scorer = Scorer(base)
    low, high = (float(f) for f in args.factors.split(","))
    moves = {factor: screen(names, factor, base, log) for factor in (low, high)}
    results: list[dict[str, Any]] = []
    print(f"| constant | value | x{low} | largest move | x{high} | largest move |")
    print("|---|---|---|---|---|---|")
    for name in names:
        value = overrides.numeric_constant(name)[2]
        entry: dict[str, Any] = {"constant": name, "value": value}
        cells = []
        for factor, key in ((low, "down"), (high, "up")):
            changed = moves[factor][name]
            size, label = sweep.largest_move(scorer.rows, scorer.figures(changed))
            pages = {
                f"{_SETS[s][0].name}/{_SETS[s][0].pages[p].id}": round(
                    scorer.page_score((s, p), text) - scorer.page_score((s, p), base[(s, p)]), 4
                )
                for (s, p), text in sorted(changed.items())
            }
            new = sweep.moved(value, factor)
            entry[key] = {"value": new, "move": round(size, 4), "row": label, "pages": pages}
            flag = " **over**" if size > sweep.MAX_MOVE else ""
            cells.append(f"{new} | {size:.3f} ({label}; {len(pages)} pages){flag}")
        results.append(entry)
        print(f"| `{name.rpartition('.')[2]}` | {value} | {' | '.join(cells)} |", flush=True)
    if args.json:
        written = {"base": scorer.rows, "constants": results}
        Path(args.json).write_text(json.dumps(written, indent=1), encoding="utf-8")
    over = [r["constant"] for r in results if max(r["down"]["move"], r["up"]["move"]) > sweep.MAX_MOVE]
    print(f"\n{len(results) - len(over)} of {len(results)} constants move every row by at most "
          f"{sweep.MAX_MOVE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
