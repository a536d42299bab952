"""Article-body accuracy of newsclean and its peers on benchmark folders.

    python bench/accuracy.py ../shared/bench/scrapinghub ../shared/bench/wceb2026-dev \
        [--tools newsclean,trafilatura,...] [--page-type article] [--jobs N] \
        [--no-cache] [--dump DIR] [--json FILE]

Every tool runs on the same pages in one process (``--jobs`` forks workers per
tool).  Peer outputs are cached in bench/.cache/ so that reruns while tuning
newsclean take seconds; timings of cached pages come from the run that filled
the cache.  Progress goes to stderr, the markdown tables to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

import report
import runner
import scoring
import tools
from datasets import Dataset, load_dataset
from runner import PageRun

# Order the 2026 set's page types so the headline type comes first.
_TYPE_ORDER = ("article", "blog", "forum", "product", "service", "documentation", "listing")


def _type_key(page_type: str) -> tuple[int, str]:
    return (_TYPE_ORDER.index(page_type) if page_type in _TYPE_ORDER else 99, page_type)


Counts = tuple[list[scoring.PageCounts], list[bool]]


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


def dump(directory: Path, dataset: Dataset, runs: list[PageRun], reference: list[PageRun] | None) -> None:
    """newsclean's output per page beside the truth, and a worst-first score list."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = []
    for i, (page, run) in enumerate(zip(dataset.pages, runs, strict=True)):
        (directory / f"{page.id}.txt").write_text(run.text, encoding="utf-8")
        (directory / f"{page.id}.truth.txt").write_text(page.truth, encoding="utf-8")
        counts = scoring.match(page.truth, run.text)
        ref = f"{scoring.match(page.truth, reference[i].text).f1:.3f}" if reference else "-"
        precision = f"{counts.precision:.3f}" if counts.has_prediction else "-"
        lines.append(
            (
                counts.f1,
                f"{page.id}\t{counts.f1:.3f}\t{precision}\t{counts.recall:.3f}\t{ref}\t"
                f"{page.page_type or '-'}\t{run.error or ''}\t{page.url or ''}",
            )
        )
    lines.sort(key=lambda item: item[0])
    header = "id\tf1\tprecision\trecall\ttrafilatura_f1\tpage_type\terror\turl"
    (directory / "scores.tsv").write_text(
        header + "\n" + "\n".join(line for _, line in lines) + "\n", encoding="utf-8"
    )


def evaluate(dataset: Dataset, chosen: list[tools.Tool], args: argparse.Namespace) -> dict[str, object]:
    """Run the tools on one dataset, print its tables, and return the numbers."""
    print(f"{dataset.name}: {len(dataset.pages)} pages", file=sys.stderr, flush=True)
    results: dict[str, tuple[tools.Tool, Counts | None]] = {}
    outputs: dict[str, list[PageRun]] = {}
    rows = []
    for tool in chosen:
        version = tools.version(tool)
        if version == "missing":
            print(f"  {tool.key}: not installed, skipped", file=sys.stderr)
            continue
        runs = runner.run_tool(
            tool, dataset, jobs=args.jobs, use_cache=not args.no_cache, timeout_s=args.timeout
        )
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
    where = f", page_type={args.page_type}" if args.page_type else ""
    print(f"\n### {dataset.name} ({len(dataset.pages)} pages{where})\n")
    if "newsclean" in results:
        print(f"newsclean: {tools.newsclean_origin()}\n")
    print(report.accuracy_table(rows, snippets=dataset.has_snippets))
    cached = [f"{r.label} ({r.cached})" for r in rows if r.cached]
    if cached:
        print(f"\nTimings from the cache-filling run for: {', '.join(cached)}.")
    if dataset.has_page_types and not args.page_type:
        print(f"\nF1 by page type ({dataset.name}):\n")
        print(page_type_table(dataset, results))
    if args.dump and "newsclean" in outputs:
        target = Path(args.dump) / dataset.name
        dump(target, dataset, outputs["newsclean"], outputs.get("trafilatura"))
        print(f"  newsclean outputs and scores.tsv written to {target}", file=sys.stderr)
    return {
        "dataset": dataset.name,
        "pages": len(dataset.pages),
        "page_type": args.page_type,
        "rows": [asdict(row) for row in rows],
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="+", metavar="DATASET", help="benchmark folder")
    parser.add_argument(
        "--tools", help=f"comma-separated, from: {','.join(tools.TOOLS_BY_KEY)} (default: all)"
    )
    parser.add_argument("--page-type", help="keep only pages of this page_type (e.g. article)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes per tool")
    parser.add_argument("--no-cache", action="store_true", help="rerun peers, ignore the cache")
    parser.add_argument("--timeout", type=float, default=runner.DEFAULT_TIMEOUT_S, help="seconds per page")
    parser.add_argument("--dump", metavar="DIR", help="write newsclean outputs + scores.tsv")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = parser.parse_args(argv)

    runner.quiet_peers()
    chosen = tools.select(args.tools)
    summaries = []
    for path in args.datasets:
        dataset = load_dataset(path, page_type=args.page_type)
        if not dataset.pages:
            print(f"{path}: no pages (page_type={args.page_type})", file=sys.stderr)
            continue
        summaries.append(evaluate(dataset, chosen, args))
    if args.json:
        Path(args.json).write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
