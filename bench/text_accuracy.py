"""Accuracy on text already scraped out of a page (issue #5): no markup to lean on.

    python bench/text_accuracy.py            # every shared set (see bench/accuracy.py)
    python bench/text_accuracy.py ../shared/bench/scrapinghub ../shared/bench/wceb2026-dev \
        [--converter html_text|inscriptis|resiliparse|bs4] [--page-type article] \
        [--tools newsclean,full-text,c4,justext] [--json FILE] [--compare REF_JSON] \
        [--set newsclean.rules.region.SHORT_LINE_COST=44]

Each page is first turned into plain text by a converter (default ``html_text.extract_text``;
``--converter`` picks inscriptis, Resiliparse's plain text or BeautifulSoup's
``get_text("\\n")``), one block per line, as a scraper would hand it over; converted texts are
cached in bench/.cache/.  That text is then cleaned by
newsclean in text mode and scored with the benchmark's F1, beside three
references on the very same text: the unconverted full text, a C4-style line
filter and jusText (each line wrapped as a paragraph).  The conversion time is
not part of any row's timing.
"""

from __future__ import annotations

import argparse
import html
import importlib.metadata
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import accuracy
import overrides
import runner
import scoring
from datasets import Dataset, load_dataset
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


def _html_text(page_html: str) -> str:
    import html_text

    return str(html_text.extract_text(page_html))


def _inscriptis(page_html: str) -> str:
    import inscriptis

    return str(inscriptis.get_text(page_html))


def _resiliparse_text(page_html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(page_html, main_content=False))


def _bs4(page_html: str) -> str:
    from bs4 import BeautifulSoup

    return str(BeautifulSoup(page_html, "lxml").get_text("\n"))


#: How a user's scraper may have turned the page into text (issue #13 item 6): converter name ->
#: (distribution whose version keys the cache, function). Blank lines are then squeezed, as a
#: scraper's one-block-per-line output has them.
CONVERTERS: dict[str, tuple[str, Callable[[str], str]]] = {
    "html_text": ("html-text", _html_text),
    "inscriptis": ("inscriptis", _inscriptis),
    "resiliparse": ("resiliparse", _resiliparse_text),
    "bs4": ("beautifulsoup4", _bs4),
}


def to_text(page_html: str, converter: str = "html_text") -> str:
    """The scraped text of a page as ``converter`` lays it out, blank lines squeezed."""
    return _BLANK_LINES.sub("\n", CONVERTERS[converter][1](page_html))


def converted_texts(dataset: Dataset, converter: str) -> list[str]:
    """Every page of the set as text, cached in bench/.cache/ like the peers' outputs."""
    dist, _ = CONVERTERS[converter]
    path = runner.CACHE_DIR / dataset.name / f"text-{converter}@{importlib.metadata.version(dist)}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    texts = []
    changed = False
    for page in dataset.pages:
        entry = cached.get(page.id)
        if not entry or entry.get("digest") != page.digest:
            entry = cached[page.id] = {"digest": page.digest, "text": to_text(page.text(), converter)}
            changed = True
        texts.append(str(entry["text"]))
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
    return texts


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


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    accuracy.add_common_arguments(parser)
    parser.add_argument("--tools", help=f"comma-separated, from: {','.join(_BY_KEY)}")
    parser.add_argument(
        "--converter",
        choices=sorted(CONVERTERS),
        default="html_text",
        help="what turns each page into the scraped text (default html_text)",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        metavar="DIR",
        help="write newsclean's per-page input/output/truth and an index.tsv sorted worst-first",
    )
    args = parser.parse_args(argv)
    for setting in args.set:
        overrides.set_constant(setting)
    runner.quiet_peers()
    keys = args.tools.split(",") if args.tools else list(_BY_KEY)
    unknown = [k for k in keys if k not in _BY_KEY]
    if unknown:
        raise SystemExit(f"unknown tool(s) {unknown}; known: {', '.join(_BY_KEY)}")
    chosen = [_BY_KEY[k] for k in keys]
    # the harness's own flags that the text bench does not offer
    args.jobs, args.no_cache = 1, True

    summaries = []
    for path in accuracy.dataset_paths(args.datasets, args.bench_root):
        dataset = load_dataset(path, page_type=args.page_type)
        if not dataset.pages:
            continue
        texts = converted_texts(dataset, args.converter)

        def dumper(
            target: Path, dataset: Dataset, runs: list[PageRun], reference: object, texts: list[str] = texts
        ) -> None:
            index = dump_pages(target.parent, dataset.name, dataset.pages, texts, runs)
            print(f"  per-page dump: {index}", file=sys.stderr)

        mode = f", text input ({args.converter})"
        summaries.append(accuracy.evaluate(dataset, chosen, args, inputs=texts, mode=mode, dumper=dumper))
    accuracy.finish(
        summaries, args, f"All sets, text input from {args.converter} (F1 ± bootstrap std, P and R)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
