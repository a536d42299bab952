"""Throughput of newsclean beside its peers, measured the same way in one run.

    python bench/speed.py ../shared/bench/scrapinghub [--tools lxml-parse,newsclean,...]
        [--warmup 20] [--repeat 3] [--cpu] [--plots docs/] [--accuracy-json F1.json] [--json OUT]

One run reports: pages/s (median over passes) and peak memory of every tool, newsclean in
HTML and in text mode (``newsclean-text``, on html_text's text of the same pages, also in
MB/s), the lxml parse floor and the ratios; newsclean's per-stage breakdown (bench/stages.py);
time against input size with its growth exponent, and the first call in a fresh process
(bench/scaling.py); and, with ``--plots``, accuracy against speed and time against size.

Each tool runs in its own fresh subprocess (so peak memory is its own), single process, no
cache: a warm-up pass over the first ``--warmup`` pages is not timed, then every page is timed
with perf_counter around the extraction call only (peers get the page already decoded to str,
newsclean gets the bytes and decodes them itself, inside its timing). With ``--repeat N`` there
are N timed passes: pages/s is the median over passes, the per-page figures each page's
fastest. With ``--cpu`` the clock is the process's CPU time (``time.process_time``) instead of
wall time: on a shared, loaded machine wall time mostly measures the other processes, CPU time
what the tool itself spent. Peak memory is ru_maxrss of the subprocess minus its RSS once the
pages are loaded, i.e. what the extraction itself added.
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
from typing import Any

import report
import runner
import tools
from datasets import load_dataset

DEFAULT_TOOLS = (
    "lxml-parse",
    "newsclean",
    "newsclean-text",
    "trafilatura",
    "trafilatura-fast",
    "readability",
    "resiliparse",
)


def _rss_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _texts_for(key: str, dataset: Any) -> list[str]:
    """What each tool is given: the decoded page, or for text mode the page's text (html_text)."""
    texts = [page.text() for page in dataset.pages]
    if key == "newsclean-text":
        import html_text

        return [str(html_text.extract_text(text)) for text in texts]
    return texts


def _newsclean_text(text: str, raw: bytes, url: str | None) -> str:
    import newsclean

    return str(newsclean.clean(text, url=url, input_format="text").body or "")


def measure(dataset_path: str, key: str, warmup: int, repeat: int, cpu: bool = False) -> dict[str, object]:
    """Time one tool on every page of a dataset (run inside the worker subprocess).

    Each pass times every page; the pass's pages/s is pages over the pass's summed time, and the
    reported figure is the median over ``repeat`` passes (the per-page median/p90 are of each
    page's fastest time).  Text mode (``newsclean-text``) is given html_text's text of each page,
    made before timing, and is also reported in MB/s of that input text.
    """
    runner.quiet_peers()
    dataset = load_dataset(dataset_path)
    if key == "newsclean-text":
        label, version, extract = (
            "newsclean (text input)",
            tools.version(tools.TOOLS_BY_KEY["newsclean"]),
            _newsclean_text,
        )
    else:
        tool = tools.TOOLS_BY_KEY[key]
        label, version, extract = tool.label, tools.version(tool), tool.extract
    texts = _texts_for(key, dataset)
    input_bytes = sum(len(t.encode("utf-8")) for t in texts) if key == "newsclean-text" else 0
    baseline_mb = _rss_mb()
    for page, text in list(zip(dataset.pages, texts, strict=True))[:warmup]:
        extract(text, page.html, page.url)
    best = [float("inf")] * len(texts)
    pass_totals = []
    errors = 0
    clock = time.process_time if cpu else time.perf_counter
    for _ in range(max(1, repeat)):
        pass_total = 0.0
        for i, (page, text) in enumerate(zip(dataset.pages, texts, strict=True)):
            start = clock()
            try:
                extract(text, page.html, page.url)
            except Exception:  # counted, not fatal: speed of the pages that work
                errors += 1
            elapsed = clock() - start
            pass_total += elapsed
            best[i] = min(best[i], elapsed * 1000)
        pass_totals.append(pass_total)
    median_pass = statistics.median(pass_totals)
    return {
        "key": key,
        "label": label,
        "version": version,
        "pages": len(best),
        "errors": errors // max(1, repeat),
        "median_ms": statistics.median(best),
        "p90_ms": report.percentile(best, 90),
        "total_s": median_pass,
        "pages_per_s": len(best) / median_pass if median_pass else 0.0,
        "mb_per_s": input_bytes / 1e6 / median_pass if median_pass and input_bytes else None,
        "peak_extra_mb": _rss_mb() - baseline_mb,
    }


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def _run_tool(args: argparse.Namespace, key: str) -> dict[str, Any] | None:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        args.dataset,
        "--worker",
        key,
        "--warmup",
        str(args.warmup),
        "--repeat",
        str(args.repeat),
        *(["--cpu"] if args.cpu else []),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"{key}: failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def throughput_table(results: list[dict[str, Any]], name: str, clock: str) -> str:
    speed = {r["key"]: r["pages_per_s"] for r in results}
    header = ["tool", "version", "pages/s", "MB/s", "median ms", "p90 ms", "errors"]
    header += ["peak MB over data", "vs trafilatura fast", "vs trafilatura", "vs lxml parse"]
    rows = [
        [
            str(r["label"]),
            str(r["version"]),
            f"{r['pages_per_s']:.1f}",
            f"{r['mb_per_s']:.1f}" if r.get("mb_per_s") else "",
            f"{r['median_ms']:.2f}",
            f"{r['p90_ms']:.2f}",
            str(r["errors"]),
            f"{r['peak_extra_mb']:.0f}",
            _ratio(r["pages_per_s"], speed.get("trafilatura-fast")),
            _ratio(r["pages_per_s"], speed.get("trafilatura")),
            _ratio(r["pages_per_s"], speed.get("lxml-parse")),
        ]
        for r in results
    ]
    pages = results[0]["pages"] if results else 0
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"### Throughput on {name} ({pages} pages, one process, warm-up excluded, {clock}, "
        "pages/s = median over passes)",
        "",
        f"Load average at the end (1/5/15 min): {load} on {os.cpu_count()} CPUs.",
        "",
        report.markdown_table(header, rows),
    ]
    return "\n".join(lines)


def stages_table(result: dict[str, Any]) -> str:
    stages = result["stages"]
    total = result["total_ms"]
    rows = [
        [label, f"{ms:.3f}", f"{100 * ms / total:.1f}%" if total else "-"]
        for label, ms in sorted(stages.items(), key=lambda item: -item[1])
    ]
    rows.append(["total", f"{total:.3f}", "100%"])
    lines = [
        f"### Where newsclean's time goes ({result['pages']} pages, CPU ms/page, best of passes)",
        "",
        report.markdown_table(["stage", "ms/page", "share"], rows),
    ]
    if result["missing"]:
        lines += ["", "Not found (the code moved; not timed separately): " + ", ".join(result["missing"])]
    return "\n".join(lines)


def scaling_table(result: dict[str, Any]) -> str:
    rows = []
    for family, data in result.items():
        points = ", ".join(f"{size / 1e6:.2f} MB: {seconds:.3f} s" for size, seconds in data["points"])
        rows.append([family, points, f"{data['exponent']:.2f}"])
    return "\n".join(
        [
            "### Time against input size (CPU seconds; growth exponent 1.0 = linear)",
            "",
            report.markdown_table(["input", "size: time", "exponent"], rows),
        ]
    )


def _plots(
    out_dir: Path, results: list[dict[str, Any]], scaling: dict[str, Any] | None, accuracy: str | None
) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    if accuracy:
        f1 = json.loads(Path(accuracy).read_text(encoding="utf-8"))
        points = [
            (r["label"], r["pages_per_s"], f1.get(r["key"])) for r in results if f1.get(r["key"]) is not None
        ]
        if points:
            fig, ax = plt.subplots(figsize=(6, 4))
            for label, pages_per_s, score in points:
                ax.scatter(pages_per_s, score)
                ax.annotate(
                    label, (pages_per_s, score), fontsize=8, xytext=(4, 4), textcoords="offset points"
                )
            ax.set_xscale("log")
            ax.set_xlabel("pages/s (one core, log scale)")
            ax.set_ylabel("F1")
            ax.set_title("Accuracy against speed")
            fig.tight_layout()
            path = out_dir / "speed-accuracy.png"
            fig.savefig(path, dpi=110)
            written.append(str(path))
    if scaling:
        fig, ax = plt.subplots(figsize=(6, 4))
        for family, data in scaling.items():
            xs = [size / 1e6 for size, _ in data["points"]]
            ys = [seconds for _, seconds in data["points"]]
            ax.plot(xs, ys, marker="o", label=f"{family} (exponent {data['exponent']:.2f})")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("input size (MB)")
        ax.set_ylabel("CPU seconds")
        ax.set_title("Time against input size")
        ax.legend(fontsize=8)
        fig.tight_layout()
        path = out_dir / "speed-scaling.png"
        fig.savefig(path, dpi=110)
        written.append(str(path))
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", metavar="DATASET", help="benchmark folder")
    parser.add_argument(
        "--tools", help=f"comma-separated (default: {','.join(DEFAULT_TOOLS)}; newsclean-text is text mode)"
    )
    parser.add_argument("--warmup", type=int, default=20, help="untimed pages first")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; pages/s is their median")
    parser.add_argument("--cpu", action="store_true", help="time CPU use, not wall time (loaded machines)")
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    parser.add_argument("--no-scaling", action="store_true", help="skip time against input size")
    parser.add_argument("--max-mb", type=int, default=50, help="largest grown page for --scaling")
    parser.add_argument("--no-first-call", action="store_true", help="skip the fresh-process first call")
    parser.add_argument("--plots", metavar="DIR", help="draw the plots (matplotlib) into DIR")
    parser.add_argument("--accuracy-json", metavar="FILE", help="{tool key: F1} for the accuracy plot")
    parser.add_argument("--json", metavar="FILE", help="write every figure as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(measure(args.dataset, args.worker, args.warmup, args.repeat, args.cpu)))
        return 0

    keys = [k.strip() for k in (args.tools or ",".join(DEFAULT_TOOLS)).split(",") if k.strip()]
    results = []
    for key in keys:
        if key != "newsclean-text":
            tool = tools.select(key)[0]
            if tools.version(tool) == "missing":
                print(f"{key}: not installed, skipped", file=sys.stderr)
                continue
        print(f"{key}: timing...", file=sys.stderr, flush=True)
        result = _run_tool(args, key)
        if result is not None:
            results.append(result)

    name = Path(args.dataset).resolve().name
    clock = "CPU time" if args.cpu else "wall time"
    out: dict[str, Any] = {"dataset": name, "clock": clock, "throughput": results}
    print()
    print(throughput_table(results, name, clock))
    speed = {r["key"]: r["pages_per_s"] for r in results}
    if "newsclean" in speed:
        print(f"\nnewsclean: {tools.newsclean_origin()}")
        print(
            f"\nnewsclean / trafilatura fast: {_ratio(speed['newsclean'], speed.get('trafilatura-fast'))}"
            f"; / trafilatura: {_ratio(speed['newsclean'], speed.get('trafilatura'))}"
            f"; / lxml parse: {_ratio(speed['newsclean'], speed.get('lxml-parse'))}"
        )

    dataset = load_dataset(args.dataset)
    if not args.no_stages:
        import stages

        print("stages: timing...", file=sys.stderr, flush=True)
        out["stages"] = stages.breakdown([(p.html, p.url) for p in dataset.pages], repeat=args.repeat)
        print()
        print(stages_table(out["stages"]))
    if not args.no_scaling:
        import scaling

        print("scaling: timing...", file=sys.stderr, flush=True)
        # a page of typical size (the median), so that its body is mostly article and markup
        typical = sorted(dataset.pages, key=lambda p: len(p.html))[len(dataset.pages) // 2]
        out["scaling"] = scaling.measure_scaling(typical.html, max_mb=args.max_mb)
        print()
        print(scaling_table(out["scaling"]))
    if not args.no_first_call:
        import tempfile

        import scaling

        with tempfile.NamedTemporaryFile(suffix=".html") as handle:
            handle.write(dataset.pages[0].html)
            handle.flush()
            out["first_call"] = scaling.first_call_cost(handle.name, cpu=args.cpu)
        fc = out["first_call"]
        print(
            f"\n### First call in a fresh process ({clock}, best of 5, bytecode cached)\n\n"
            f"import {fc['import_ms']:.0f} ms"
            f" + first clean() {fc['first_clean_ms']:.0f} ms, against a warm clean() of"
            f" {fc['warm_clean_ms']:.1f} ms: the first call costs {fc['first_call_extra_ms']:.0f} ms more"
            " (the package's compiled patterns in the cache folder, as every process after a"
            f" machine's first has them). With an empty cache folder (a machine's first process):"
            f" import {fc['cold_import_ms']:.0f} ms + first clean() {fc['cold_first_clean_ms']:.0f} ms,"
            f" {fc['cold_first_call_extra_ms']:.0f} ms more than a warm clean()."
        )
    if args.plots:
        out_dir = Path(args.plots)
        out_dir.mkdir(parents=True, exist_ok=True)
        for path in _plots(out_dir, results, out.get("scaling"), args.accuracy_json):
            print(f"\nplot: {path}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
