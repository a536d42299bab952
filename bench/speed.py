"""Throughput of newsclean beside its peers, measured the same way in one run.

    python bench/speed.py ../shared/bench/scrapinghub [--tools lxml-parse,newsclean,...]
        [--warmup 20] [--repeat 1] [--cpu]

Each tool runs in its own fresh subprocess (so peak memory is its own), single
process, no cache: a warm-up pass over the first ``--warmup`` pages is not
timed, then every page is timed with perf_counter around the extraction call
only (peers get the page already decoded to str, newsclean gets the bytes and
decodes them itself, inside its timing).  With ``--repeat N`` each page's time
is the fastest of N passes.  With ``--cpu`` the clock is the process's CPU time
(``time.process_time``) instead of wall time: on a shared, loaded machine wall time
mostly measures the other processes, CPU time what the tool itself spent.  Peak
memory is ru_maxrss of the subprocess minus its RSS once the pages are loaded, i.e.
what the extraction itself added.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import report
import runner
import tools
from datasets import load_dataset

DEFAULT_TOOLS = (
    "lxml-parse",
    "newsclean",
    "trafilatura",
    "trafilatura-fast",
    "readability",
    "resiliparse",
)


def _rss_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(dataset_path: str, key: str, warmup: int, repeat: int, cpu: bool = False) -> dict[str, object]:
    """Time one tool on every page of a dataset (run inside the worker subprocess)."""
    runner.quiet_peers()
    tool = tools.TOOLS_BY_KEY[key]
    dataset = load_dataset(dataset_path)
    texts = [page.text() for page in dataset.pages]
    baseline_mb = _rss_mb()
    for page, text in list(zip(dataset.pages, texts, strict=True))[:warmup]:
        tool.extract(text, page.html, page.url)
    best = [float("inf")] * len(texts)
    errors = 0
    clock = time.process_time if cpu else time.perf_counter
    for _ in range(max(1, repeat)):
        for i, (page, text) in enumerate(zip(dataset.pages, texts, strict=True)):
            start = clock()
            try:
                tool.extract(text, page.html, page.url)
            except Exception:  # counted, not fatal: speed of the pages that work
                errors += 1
            best[i] = min(best[i], (clock() - start) * 1000)
    total_s = sum(best) / 1000
    return {
        "key": key,
        "label": tool.label,
        "version": tools.version(tool),
        "pages": len(best),
        "errors": errors // max(1, repeat),
        "median_ms": statistics.median(best),
        "p90_ms": report.percentile(best, 90),
        "total_s": total_s,
        "pages_per_s": len(best) / total_s if total_s else 0.0,
        "peak_extra_mb": _rss_mb() - baseline_mb,
    }


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", metavar="DATASET", help="benchmark folder")
    parser.add_argument("--tools", help=f"comma-separated (default: {','.join(DEFAULT_TOOLS)})")
    parser.add_argument("--warmup", type=int, default=20, help="untimed pages first")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; fastest counts")
    parser.add_argument("--cpu", action="store_true", help="time CPU use, not wall time (loaded machines)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(measure(args.dataset, args.worker, args.warmup, args.repeat, args.cpu)))
        return 0

    chosen = tools.select(args.tools, DEFAULT_TOOLS)
    results = []
    for tool in chosen:
        if tools.version(tool) == "missing":
            print(f"{tool.key}: not installed, skipped", file=sys.stderr)
            continue
        print(f"{tool.key}: timing...", file=sys.stderr, flush=True)
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            args.dataset,
            "--worker",
            tool.key,
            "--warmup",
            str(args.warmup),
            "--repeat",
            str(args.repeat),
            *(["--cpu"] if args.cpu else []),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{tool.key}: failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
            continue
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))

    speed = {r["key"]: r["pages_per_s"] for r in results}
    header = ["tool", "version", "pages/s", "median ms", "p90 ms", "total s", "errors"]
    header += ["peak MB over data", "vs trafilatura", "vs lxml parse"]
    rows = [
        [
            str(r["label"]),
            str(r["version"]),
            f"{r['pages_per_s']:.1f}",
            f"{r['median_ms']:.1f}",
            f"{r['p90_ms']:.1f}",
            f"{r['total_s']:.1f}",
            str(r["errors"]),
            f"{r['peak_extra_mb']:.0f}",
            _ratio(r["pages_per_s"], speed.get("trafilatura")),
            _ratio(r["pages_per_s"], speed.get("lxml-parse")),
        ]
        for r in results
    ]
    name = Path(args.dataset).resolve().name
    pages = results[0]["pages"] if results else 0
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    clock = "CPU time" if args.cpu else "wall time"
    print(f"\n### Speed on {name} ({pages} pages, one process, warm-up excluded, {clock})\n")
    print(f"Load average at the end (1/5/15 min): {load} on {os.cpu_count()} CPUs.\n")
    print(report.markdown_table(header, rows))
    if "newsclean" in speed:
        print(f"\nnewsclean: {tools.newsclean_origin()}")
        print(
            f"\nnewsclean / trafilatura: {_ratio(speed['newsclean'], speed.get('trafilatura'))}"
            f"; newsclean / lxml parse: {_ratio(speed['newsclean'], speed.get('lxml-parse'))}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
