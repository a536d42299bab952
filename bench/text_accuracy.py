"""Accuracy on text already scraped out of a page (issue #5): no markup to lean on.

    python bench/text_accuracy.py ../shared/bench/scrapinghub ../shared/bench/wceb2026-dev \
        [--page-type article] [--tools newsclean,full-text,c4,justext] \
        [--set newsclean.rules.region.SHORT_LINE_COST=44]

Each page is first turned into plain text with ``html_text.extract_text`` (one
block per line, as a scraper would hand it over).  That text is then cleaned by
newsclean in text mode and scored with the benchmark's F1, beside three
references on the very same text: the unconverted full text, a C4-style line
filter and jusText (each line wrapped as a paragraph).  The conversion time is
not part of any row's timing.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import report
import runner
import scoring
import tools
from accuracy import Counts, page_type_table
from datasets import load_dataset
from runner import PageRun
from tools import Tool

# C4 (Raffel et al. 2020) keeps lines ending in terminal punctuation with at
# least 3 words and drops lines that look like code or site furniture.  Quotes
# count as terminal because quoted speech often ends a paragraph.
_TERMINAL = (".", "!", "?", '"', "”", "。", "！", "？")
_C4_BAD_PHRASES = ("javascript", "cookie", "privacy policy", "terms of use", "lorem ipsum")
_C4_MIN_WORDS = 3


def c4_line_filter(text: str) -> str:
    """Keep the lines a C4-style filter would keep (a cheap, markup-free baseline)."""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        lowered = stripped.lower()
        if not stripped.endswith(_TERMINAL) or len(stripped.split()) < _C4_MIN_WORDS:
            continue
        if "{" in stripped or "}" in stripped:
            continue
        if any(phrase in lowered for phrase in _C4_BAD_PHRASES):
            continue
        kept.append(stripped)
    return "\n".join(kept)


def _newsclean_text(text: str, raw: bytes, url: str | None) -> str:
    import newsclean

    return str(newsclean.clean(text, input_format="text").body or "")


def _full_text(text: str, raw: bytes, url: str | None) -> str:
    return text


def _c4(text: str, raw: bytes, url: str | None) -> str:
    return c4_line_filter(text)


def _justext_text(text: str, raw: bytes, url: str | None) -> str:
    import justext

    markup = "<html><body>" + "".join(
        f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()
    )
    paragraphs = justext.justext(markup + "</body></html>", justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


TEXT_TOOLS: tuple[Tool, ...] = (
    Tool("newsclean", "newsclean (text mode)", "newsclean", _newsclean_text, cacheable=False),
    Tool("full-text", "full text, unconverted", "html-text", _full_text, cacheable=False),
    Tool("c4", "C4-style line filter", "html-text", _c4, cacheable=False),
    Tool("justext", "jusText on lines", "justext", _justext_text, cacheable=False),
)
_BY_KEY = {tool.key: tool for tool in TEXT_TOOLS}

_BLANK_LINES = re.compile(r"\n\s*\n+")


def to_text(page_html: str) -> str:
    """The scraped text of a page: html_text's layout, one block per line."""
    import html_text

    return _BLANK_LINES.sub("\n", str(html_text.extract_text(page_html)))


def dump_pages(
    folder: Path, dataset_name: str, pages: Sequence[object], texts: Sequence[str], runs: Sequence[PageRun]
) -> Path:
    """Write each page's scraped text, cleaned output and truth, plus an index worst-first.

    ``<folder>/<dataset>/index.tsv`` lists ``f1 precision recall id`` sorted by F1 so the pages
    that cost the most come first; ``<id>.in.txt``, ``<id>.out.txt`` and ``<id>.truth.txt``
    sit beside it for reading the misses by eye.
    """
    out = folder / dataset_name
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for page, text, run in zip(pages, texts, runs, strict=True):
        counts = scoring.match(page.truth, run.text)  # type: ignore[attr-defined]
        precision = counts.precision if counts.has_prediction else 0.0
        rows.append((counts.f1, precision, counts.recall, page.id))  # type: ignore[attr-defined]
        safe = re.sub(r"[^\w.-]", "_", page.id)  # type: ignore[attr-defined]
        (out / f"{safe}.in.txt").write_text(text, encoding="utf-8")
        (out / f"{safe}.out.txt").write_text(run.text, encoding="utf-8")
        (out / f"{safe}.truth.txt").write_text(page.truth, encoding="utf-8")  # type: ignore[attr-defined]
    rows.sort()
    index = out / "index.tsv"
    index.write_text(
        "f1\tprecision\trecall\tid\n"
        + "".join(f"{f:.3f}\t{p:.3f}\t{r:.3f}\t{pid}\n" for f, p, r, pid in rows),
        encoding="utf-8",
    )
    return index


def _set_constant(setting: str) -> None:
    """Apply one ``module.NAME=value`` override, keeping the constant's type (int or float)."""
    import importlib

    target, _, value = setting.partition("=")
    module_name, _, name = target.rpartition(".")
    if not value or not module_name:
        raise SystemExit(f"--set wants MODULE.NAME=VALUE, got {setting!r}")
    module = importlib.import_module(module_name)
    old = getattr(module, name)  # an unknown name is an error, not a silent no-op
    if isinstance(old, bool) or not isinstance(old, (int, float)):
        raise SystemExit(f"--set: {target} is not a number")
    setattr(module, name, type(old)(float(value)))
    print(f"--set {target} = {getattr(module, name)} (was {old})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="+", metavar="DATASET", help="benchmark folder")
    parser.add_argument("--page-type", help="keep only pages of this page_type (e.g. article)")
    parser.add_argument("--tools", help=f"comma-separated, from: {','.join(_BY_KEY)}")
    parser.add_argument("--timeout", type=float, default=runner.DEFAULT_TIMEOUT_S, help="seconds per page")
    parser.add_argument(
        "--dump",
        type=Path,
        metavar="DIR",
        help="write newsclean's per-page input/output/truth and an index.tsv sorted worst-first",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MODULE.NAME=VALUE",
        help="run with a numeric tuning constant changed (repeatable), e.g. "
        "newsclean.rules.region.SHORT_LINE_COST=44: the robustness check runs each cost at "
        "+-10%% and prefers changes whose F1 stays stable",
    )
    args = parser.parse_args(argv)
    for setting in args.set:
        _set_constant(setting)
    runner.quiet_peers()
    keys = args.tools.split(",") if args.tools else list(_BY_KEY)
    unknown = [k for k in keys if k not in _BY_KEY]
    if unknown:
        raise SystemExit(f"unknown tool(s) {unknown}; known: {', '.join(_BY_KEY)}")

    for path in args.datasets:
        dataset = load_dataset(path, page_type=args.page_type)
        if not dataset.pages:
            continue
        start = time.perf_counter()
        texts = [to_text(page.text()) for page in dataset.pages]
        convert_s = time.perf_counter() - start
        print(
            f"{dataset.name}: {len(texts)} pages to text in {convert_s:.1f}s",
            file=sys.stderr,
            flush=True,
        )
        results: dict[str, tuple[Tool, Counts | None]] = {}
        rows = []
        for key in keys:
            tool = _BY_KEY[key]
            version = tools.version(tool)
            if version == "missing":
                print(f"  {key}: {tool.dist} not installed, skipped", file=sys.stderr)
                continue
            runs = [
                runner.run_page(tool, page, text, args.timeout)
                for page, text in zip(dataset.pages, texts, strict=True)
            ]
            errors = [r.error for r in runs if r.error]
            if errors:
                print(f"  {key}: {len(errors)} errors, first: {errors[0]}", file=sys.stderr)
            counts = scoring.page_counts([p.truth for p in dataset.pages], [r.text for r in runs])
            results[key] = (tool, counts)
            if args.dump and key == "newsclean":
                index = dump_pages(args.dump, dataset.name, dataset.pages, texts, runs)
                print(f"  per-page dump: {index}", file=sys.stderr)
            rows.append(
                report.make_row(
                    tool.label,
                    version,
                    dataset.pages,
                    runs,
                    with_snippets=dataset.has_snippets,
                    counts=counts,
                )
            )
        where = f", page_type={args.page_type}" if args.page_type else ""
        print(f"\n### {dataset.name}, text input ({len(dataset.pages)} pages{where})\n")
        if "newsclean" in results:
            print(f"newsclean: {tools.newsclean_origin()}\n")
        print(report.accuracy_table(rows, snippets=dataset.has_snippets))
        if dataset.has_page_types and not args.page_type:
            print(f"\nF1 by page type ({dataset.name}, text input):\n")
            print(page_type_table(dataset, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
