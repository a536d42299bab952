"""Article-body accuracy of newsclean and its peers on every benchmark set, in one table.

    python bench/accuracy.py                       # every shared set, the default peers
    python bench/accuracy.py ../shared/bench/scrapinghub ../shared/bench/wcxb-dev \
        [--tools newsclean,trafilatura,...] [--page-type article] [--jobs N] [--quick] \
        [--no-cache] [--dump DIR] [--json FILE] [--compare REF_JSON] \
        [--set newsclean.rules.markup.LINK_LIST_DENSITY=0.8]

With no folder it runs every set of the shared bench root (``--bench-root``, else
``$NEWSCLEAN_BENCH``, else the first ``shared/bench`` found above the repository):
scrapinghub, wceb2026-dev, wcxb-dev, dragnet-dev, trafilatura-eval-dev. Every tool runs on the
same pages in one process (``--jobs`` forks workers per tool). Peer outputs are cached in
bench/.cache/ so that reruns while tuning newsclean take seconds. Progress goes to stderr;
per-set tables and then the one summary table (every set, every tool) to stdout.

``--json FILE`` also stores newsclean's per-page scores; ``--compare REF_JSON`` then counts, per
set, the pages a later run made better and worse (the check every change gets on all sets).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import overrides
import report
import runner
import scoring
import tools
from datasets import Dataset, load_dataset
from runner import PageRun

#: The shared sets, in the order the summary lists them.
ALL_SETS = ("scrapinghub", "wceb2026-dev", "wcxb-dev", "dragnet-dev", "trafilatura-eval-dev")
#: The peers of issue #13's table (the others stay available through ``--tools``).
DEFAULT_TOOLS = ("newsclean", "trafilatura", "trafilatura-fast", "readability", "resiliparse", "justext")
#: Sets scored with WCXB's own word-level metric beside the shingle F1 (name prefix).
WORD_METRIC_SETS = ("wcxb",)
#: A page's score must move by more than this to count as better or worse in ``--compare``
#: (smaller moves are float noise of the normalised shingle counts).
COMPARE_EPS = 0.001

# Order the page types so the headline type comes first.
_TYPE_ORDER = ("article", "blog", "forum", "product", "service", "documentation", "listing", "collection")


def _type_key(page_type: str) -> tuple[int, str]:
    return (_TYPE_ORDER.index(page_type) if page_type in _TYPE_ORDER else 99, page_type)


Counts = tuple[list[scoring.PageCounts], list[bool]]


def bench_root(explicit: str | None) -> Path:
    """Where the shared sets live (see the module docstring)."""
    candidates = [explicit, os.environ.get("NEWSCLEAN_BENCH")]
    here = Path(__file__).resolve().parent
    candidates += [str(p / "shared" / "bench") for p in here.parents]
    for candidate in candidates:
        if candidate and (Path(candidate) / ALL_SETS[0]).is_dir():
            return Path(candidate)
    raise SystemExit("no bench root found: pass folders, --bench-root or set NEWSCLEAN_BENCH")


def dataset_paths(folders: Sequence[str], root: str | None) -> list[Path]:
    """The folders given, or every shared set under the bench root."""
    if folders:
        return [Path(f) for f in folders]
    base = bench_root(root)
    return [base / name for name in ALL_SETS if (base / name).is_dir()]


def has_text_truth(dataset: Dataset) -> bool:
    """False for a snippet-only set (trafilatura-eval-dev): its shingle scores mean nothing."""
    return any(p.truth.strip() for p in dataset.pages)


def page_type_table(dataset: Dataset, results: dict[str, tuple[tools.Tool, Counts | None]]) -> str:
    """F1 per page type (and article vs. all other types) for each scored tool."""
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, page in enumerate(dataset.pages):
        by_type[page.page_type or "?"].append(i)
    types = sorted(by_type, key=_type_key)
    others = [i for t in types if t != "article" for i in by_type[t]]
    header = ["tool", f"article ({len(by_type.get('article', []))})", f"others ({len(others)})"]
    header += [f"{t} ({len(by_type[t])})" for t in types if t != "article"]
    rows = []
    for tool, counts in results.values():
        if counts is None:
            continue

        def f1_of(indices: list[int], counts: Counts = counts) -> str:
            if not indices:
                return "-"
            picked = [counts[0][i] for i in indices]
            return f"{scoring.score(picked, resamples=0).f1:.3f}"

        cells = [tool.label, f1_of(by_type.get("article", [])), f1_of(others)]
        cells += [f1_of(by_type[t]) for t in types if t != "article"]
        rows.append(cells)
    return report.markdown_table(header, rows)


def page_scores(dataset: Dataset, texts: Sequence[str]) -> dict[str, float]:
    """One comparable number per page: shingle F1, or the share of right snippet decisions on a
    snippet-only set."""
    if has_text_truth(dataset):
        return {
            p.id: round(scoring.match(p.truth, t).f1, 6) for p, t in zip(dataset.pages, texts, strict=True)
        }
    return {
        p.id: round(scoring.page_snippet_score(t, p.with_snippets, p.without_snippets), 6)
        for p, t in zip(dataset.pages, texts, strict=True)
    }


def dump(directory: Path, dataset: Dataset, runs: list[PageRun], reference: list[PageRun] | None) -> None:
    """newsclean's output per page beside the truth, and a worst-first score list."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = []
    text_truth = has_text_truth(dataset)
    for i, (page, run) in enumerate(zip(dataset.pages, runs, strict=True)):
        (directory / f"{page.id}.txt").write_text(run.text, encoding="utf-8")
        truth = page.truth
        if not text_truth:
            truth = (
                "WITH:\n" + "\n".join(page.with_snippets) + "\nWITHOUT:\n" + "\n".join(page.without_snippets)
            )
        (directory / f"{page.id}.truth.txt").write_text(truth, encoding="utf-8")
        if text_truth:
            counts = scoring.match(page.truth, run.text)
            score, precision, recall = (
                counts.f1,
                counts.precision if counts.has_prediction else -1,
                counts.recall,
            )
            ref = f"{scoring.match(page.truth, reference[i].text).f1:.3f}" if reference else "-"
        else:
            score = scoring.page_snippet_score(run.text, page.with_snippets, page.without_snippets)
            precision = recall = -1
            keep, drop = page.with_snippets, page.without_snippets
            ref = f"{scoring.page_snippet_score(reference[i].text, keep, drop):.3f}" if reference else "-"
        lines.append(
            (
                score,
                f"{page.id}\t{score:.3f}\t{precision:.3f}\t{recall:.3f}\t{ref}\t"
                f"{page.page_type or '-'}\t{run.error or ''}\t{page.url or ''}",
            )
        )
    lines.sort(key=lambda item: item[0])
    header = "id\tf1\tprecision\trecall\ttrafilatura_f1\tpage_type\terror\turl"
    (directory / "scores.tsv").write_text(
        header + "\n" + "\n".join(line for _, line in lines) + "\n", encoding="utf-8"
    )


def _subset_score(counts: Counts, indices: list[int], resamples: int) -> dict[str, float]:
    picked = [counts[0][i] for i in indices]
    s = scoring.score(picked, [counts[1][i] for i in indices], resamples=resamples)
    return {"p": s.precision, "r": s.recall, "f1": s.f1, "std": s.f1_std, "pages": len(indices)}


def tool_figures(dataset: Dataset, texts: Sequence[str], counts: Counts, resamples: int) -> dict[str, Any]:
    """Every number the summary shows for one tool on one set."""
    pages = dataset.pages
    out: dict[str, Any] = {}
    everything = list(range(len(pages)))
    if has_text_truth(dataset):
        out["all"] = _subset_score(counts, everything, resamples)
        by_type: dict[str, list[int]] = defaultdict(list)
        for i, page in enumerate(pages):
            if page.page_type:
                by_type[page.page_type].append(i)
        if by_type:
            out["types"] = {
                t: _subset_score(counts, idx, resamples if t == "article" else 0)
                for t, idx in sorted(by_type.items(), key=lambda item: _type_key(item[0]))
            }
        if dataset.name.startswith(WORD_METRIC_SETS):
            words = [scoring.word_prf(p.truth, t)[2] for p, t in zip(pages, texts, strict=True)]
            out["word_f1"] = {"all": sum(words) / len(words)}
            for t, idx in by_type.items():
                out["word_f1"][t] = sum(words[i] for i in idx) / len(idx)
    if dataset.has_snippets:
        sn = scoring.score_snippets(
            texts, [p.with_snippets for p in pages], [p.without_snippets for p in pages]
        )
        p, r, f1 = scoring.snippet_prf(sn)
        out["snippets"] = {
            "p": p,
            "r": r,
            "f1": f1,
            "with_rate": sn.with_rate,
            "without_rate": sn.without_rate,
        }
    return out


def run_tools(
    dataset: Dataset,
    chosen: Sequence[tools.Tool],
    args: argparse.Namespace,
    inputs: Sequence[str] | None = None,
) -> tuple[dict[str, tuple[tools.Tool, Counts | None]], dict[str, list[PageRun]], list[report.Row]]:
    """Run each tool on the set (``inputs``: the text each tool gets instead of the page)."""
    results: dict[str, tuple[tools.Tool, Counts | None]] = {}
    outputs: dict[str, list[PageRun]] = {}
    rows = []
    for tool in chosen:
        version = tools.version(tool)
        if version == "missing":
            print(f"  {tool.key}: {tool.dist} not installed, skipped", file=sys.stderr)
            continue
        if inputs is None:
            runs = runner.run_tool(
                tool, dataset, jobs=args.jobs, use_cache=not args.no_cache, timeout_s=args.timeout
            )
        else:
            runs = [
                runner.run_page(tool, page, text, args.timeout)
                for page, text in zip(dataset.pages, inputs, strict=True)
            ]
        counts = (
            scoring.page_counts([p.truth for p in dataset.pages], [r.text for r in runs])
            if tool.scored
            else None
        )
        results[tool.key] = (tool, counts)
        outputs[tool.key] = runs
        rows.append(
            report.make_row(
                tool.label,
                version,
                dataset.pages,
                runs,
                scored=tool.scored,
                with_snippets=dataset.has_snippets,
                counts=counts,
            )
        )
        errors = [r.error for r in runs if r.error]
        if errors:
            print(f"  {tool.key}: {len(errors)} errors, first: {errors[0]}", file=sys.stderr)
    return results, outputs, rows


def evaluate(
    dataset: Dataset,
    chosen: Sequence[tools.Tool],
    args: argparse.Namespace,
    *,
    inputs: Sequence[str] | None = None,
    mode: str = "",
    dumper: Callable[[Path, Dataset, list[PageRun], list[PageRun] | None], None] | None = None,
) -> dict[str, Any]:
    """Run the tools on one dataset, print its tables, and return the numbers."""
    print(f"{dataset.name}: {len(dataset.pages)} pages", file=sys.stderr, flush=True)
    results, outputs, rows = run_tools(dataset, chosen, args, inputs)
    where = f", page_type={args.page_type}" if args.page_type else ""
    if not args.summary_only:
        print(f"\n### {dataset.name}{mode} ({len(dataset.pages)} pages{where})\n")
        if "newsclean" in results:
            print(f"newsclean: {tools.newsclean_origin()}\n")
        if has_text_truth(dataset):
            print(report.accuracy_table(rows, snippets=dataset.has_snippets))
        else:
            print("(snippets only: the shingle columns are empty by construction)\n")
            print(report.accuracy_table(rows, snippets=True))
        if dataset.has_page_types and not args.page_type:
            print(f"\nF1 by page type ({dataset.name}{mode}):\n")
            print(page_type_table(dataset, results))
    if args.dump and "newsclean" in outputs:
        target = Path(args.dump) / dataset.name
        (dumper or dump)(target, dataset, outputs["newsclean"], outputs.get("trafilatura"))
        print(f"  newsclean outputs and scores.tsv written to {target}", file=sys.stderr)
    resamples = 0 if args.quick else scoring.BOOTSTRAP_RESAMPLES
    figures = {}
    for key, (tool, counts) in results.items():
        if counts is not None:
            figures[key] = {"label": tool.label} | tool_figures(
                dataset, [r.text for r in outputs[key]], counts, resamples
            )
    summary: dict[str, Any] = {
        "dataset": dataset.name,
        "pages": len(dataset.pages),
        "page_type": args.page_type,
        "figures": figures,
        "rows": [asdict(row) for row in rows],
    }
    if "newsclean" in outputs:
        summary["newsclean_pages"] = page_scores(dataset, [r.text for r in outputs["newsclean"]])
    return summary


def _cell(fig: dict[str, float] | None, *, with_pr: bool = True) -> str:
    if not fig:
        return "-"
    text = f"{fig['f1']:.3f}"
    if fig.get("std"):
        text += f" ± {fig['std']:.3f}"
    if with_pr and "p" in fig:
        text += f" (P {fig['p']:.3f} R {fig['r']:.3f})"
    return text


def summary_lines(summary: dict[str, Any]) -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    """(row label, cell of one tool's figures) for one set, in the summary's order."""
    name = summary["dataset"]
    figures = summary["figures"]
    first = next(iter(figures.values()), {})
    lines: list[tuple[str, Callable[[dict[str, Any]], str]]] = []
    if "all" in first:
        label = f"{name}, {summary['pages']} pages" + (", all types" if "types" in first else "")
        lines.append((label, lambda f: _cell(f.get("all"))))
    types = first.get("types", {})
    if "article" in types:
        lines.append(
            (
                f"{name}, articles ({types['article']['pages']})",
                lambda f: _cell(f.get("types", {}).get("article")),
            )
        )
    for t, fig in types.items():
        if t == "article":
            continue
        lines.append(
            (
                f"{name}, {t} ({fig['pages']})",
                lambda f, t=t: _cell(f.get("types", {}).get(t), with_pr=False),
            )
        )
    if "word_f1" in first:
        lines.append((f"{name}, WCXB word F1, all", lambda f: f"{f['word_f1']['all']:.3f}"))
        if "article" in first["word_f1"]:
            lines.append((f"{name}, WCXB word F1, articles", lambda f: f"{f['word_f1']['article']:.3f}"))
    if "snippets" in first:
        lines.append(
            (
                f"{name}, snippet F1 (with kept / without leaked)",
                lambda f: (
                    f"{f['snippets']['f1']:.3f} ({f['snippets']['with_rate']:.1%} / "
                    f"{f['snippets']['without_rate']:.1%})"
                ),
            )
        )
    return lines


def summary_table(summaries: Sequence[dict[str, Any]]) -> str:
    """One table: a line per set (and per page type, snippet and word score), a column per tool."""
    keys: list[str] = []
    labels: dict[str, str] = {}
    for summary in summaries:
        for key, fig in summary["figures"].items():
            if key not in labels:
                keys.append(key)
                labels[key] = fig["label"]
    header = ["set", *(labels[k] for k in keys)]
    rows = []
    for summary in summaries:
        for label, cell in summary_lines(summary):
            rows.append(
                [label] + [cell(summary["figures"][k]) if k in summary["figures"] else "-" for k in keys]
            )
    return report.markdown_table(header, rows)


def compare(summaries: Sequence[dict[str, Any]], reference_file: str) -> str:
    """Pages better and worse per set against an earlier run's ``--json`` (newsclean only)."""
    reference = {s["dataset"]: s for s in json.loads(Path(reference_file).read_text(encoding="utf-8"))}
    rows = []
    moved: list[tuple[float, str, str]] = []
    for summary in summaries:
        ref = reference.get(summary["dataset"])
        new_pages = summary.get("newsclean_pages")
        if not ref or not new_pages or "newsclean_pages" not in ref:
            continue
        old_pages = ref["newsclean_pages"]
        better = worse = 0
        for page_id, new in new_pages.items():
            old = old_pages.get(page_id)
            if old is None:
                continue
            if new - old > COMPARE_EPS:
                better += 1
            elif old - new > COMPARE_EPS:
                worse += 1
            if abs(new - old) > COMPARE_EPS:
                moved.append((new - old, summary["dataset"], page_id))
        old_fig = ref.get("figures", {}).get("newsclean")
        new_fig = summary["figures"].get("newsclean")
        if not old_fig or not new_fig:
            continue
        for n, (label, cell) in enumerate(summary_lines(summary)):
            counted = [str(better), str(worse)] if n == 0 else ["", ""]
            rows.append([label, cell(old_fig), cell(new_fig), *counted])
    moved.sort()
    for delta, name, page_id in moved[:12]:
        if delta < 0:
            print(f"  worse: {name} {page_id} {delta:+.3f}", file=sys.stderr)
    for delta, name, page_id in moved[-8:]:
        if delta > 0:
            print(f"  better: {name} {page_id} {delta:+.3f}", file=sys.stderr)
    return report.markdown_table(["set", "reference", "this run", "pages better", "pages worse"], rows)


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by the HTML and the text bench."""
    parser.add_argument(
        "datasets", nargs="*", metavar="DATASET", help="benchmark folder (default: every set)"
    )
    parser.add_argument("--bench-root", help="folder holding the shared sets (default: see above)")
    parser.add_argument("--page-type", help="keep only pages of this page_type (e.g. article)")
    parser.add_argument("--timeout", type=float, default=runner.DEFAULT_TIMEOUT_S, help="seconds per page")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers (and per-page scores) as JSON")
    parser.add_argument(
        "--compare", metavar="REF_JSON", help="count pages better/worse against an earlier --json"
    )
    parser.add_argument("--quick", action="store_true", help="no bootstrap (no ± std): for tuning runs")
    parser.add_argument("--summary-only", action="store_true", help="print only the summary table")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MODULE.NAME=VALUE",
        help="run with a numeric tuning constant changed (repeatable), e.g. "
        "newsclean.rules.markup.LINK_LIST_DENSITY=0.825 for the +-10%% robustness check",
    )


def finish(summaries: list[dict[str, Any]], args: argparse.Namespace, title: str) -> None:
    """Print the summary (and the comparison), write the JSON."""
    print(f"\n## {title}\n")
    print(f"newsclean: {tools.newsclean_origin()}" + "".join(f"; {s}" for s in args.set) + "\n")
    print(summary_table(summaries))
    if args.compare:
        print(f"\n### newsclean against {args.compare}\n")
        print(compare(summaries, args.compare))
    if args.json:
        Path(args.json).write_text(json.dumps(summaries, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_arguments(parser)
    parser.add_argument(
        "--tools",
        help=f"comma-separated, from: {','.join(tools.TOOLS_BY_KEY)} (default: {','.join(DEFAULT_TOOLS)})",
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes per tool")
    parser.add_argument("--no-cache", action="store_true", help="rerun peers, ignore the cache")
    parser.add_argument("--dump", metavar="DIR", help="write newsclean outputs + scores.tsv")
    args = parser.parse_args(argv)
    for setting in args.set:
        overrides.set_constant(setting)

    runner.quiet_peers()
    chosen = tools.select(args.tools, DEFAULT_TOOLS)
    summaries = []
    for path in dataset_paths(args.datasets, args.bench_root):
        dataset = load_dataset(path, page_type=args.page_type)
        if not dataset.pages:
            print(f"{path}: no pages (page_type={args.page_type})", file=sys.stderr)
            continue
        summaries.append(evaluate(dataset, chosen, args))
    finish(summaries, args, "All sets, HTML input (F1 ± bootstrap std, P and R)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
