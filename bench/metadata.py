"""Metadata accuracy of newsclean, htmldate and trafilatura on benchmark folders, in one run.

    /work/benchvenv/bin/python bench/metadata.py [FOLDER ...] \
        [--tools newsclean,htmldate,trafilatura] [--no-cache] \
        [--save FILE.json] [--compare FILE.json] [--misses FILE]

Without folders it reads the three dated sets in ``../shared/bench/`` (wceb2026-dev,
wcxb-dev, htmldate-eval-dev). Per set it reports the pages of type ``article`` and all pages
(a set without page types has one row group, "all"). Columns:

- **shown day**: the day a reader sees as the story's date, exact match with the truth's
  ``publish_date`` (``date`` in htmldate's set): newsclean's ``Document.date`` (``published``,
  else ``modified``); for the peers their one date.
- **strict published**: newsclean's ``published`` alone (the peers give one date, so for
  them it equals the shown day).
- **title / author exact** (after normalising case, spaces, punctuation and list joiners) and
  **overlap** (mean F1 of the word sets), on pages whose truth has one; htmldate gives none.
  Both compare the words only: runs of ``\\w`` after NFKC and case folding, so punctuation of
  any kind never decides, typographic or typed ("We’ve" == "We've", "2024 — and" == "2024 - and",
  “Calm” == "Calm"); the truths are typed by hand and a tool must not rewrite the page's text
  to match them. "&" is not a word and "and" is, so "Homeowners & Investors" differs from
  "Homeowners and Investors".
- **site name** exact, on pages whose truth has one (none of the shipped sets has).

Every tool gets the same decoded text; newsclean runs as users call it,
``newsclean.clean(text, url=url, input_format="html")``. htmldate runs as
``find_date(html, url=url, original_date=True)`` (its recommended setting for the publication
date) and trafilatura as ``extract_metadata(html, default_url=url)``. Peers' answers are
deterministic and cached in ``bench/.cache/<set>/meta-<tool>@<version>.json`` (keyed by page
id and a hash of its bytes), so reruns while tuning take newsclean's time only.

``--save`` writes newsclean's answers per page; ``--compare`` reads such a file from an
earlier run and counts, over all dated pages of the sets together, the pages whose shown or
strict day got better or worse (a change is judged on every set at once, not one).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import Dataset, Page, load_dataset  # noqa: E402
from runner import CACHE_DIR  # noqa: E402

import newsclean  # noqa: E402

DEFAULT_SETS = ("wceb2026-dev", "wcxb-dev", "htmldate-eval-dev")
# ../shared/bench beside the checkout (a worktree may sit one folder deeper)
_BENCH_ROOT = next(
    (p / "shared" / "bench" for p in Path(__file__).resolve().parents if (p / "shared" / "bench").is_dir()),
    Path("../shared/bench"),
)


@dataclass
class Guess:
    """One tool's answer for one page."""

    shown: str | None = None  # the story's date: published, else modified (peers: their date)
    published: str | None = None  # the strict publication date (peers: their date)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    source: str | None = None


@dataclass
class Tally:
    """Scores of one tool on one group of pages."""

    pages: int = 0
    shown_hits: int = 0
    published_hits: int = 0
    day_total: int = 0
    title_exact: int = 0
    title_overlap: float = 0.0
    title_total: int = 0
    author_exact: int = 0
    author_overlap: float = 0.0
    author_total: int = 0
    site_exact: int = 0
    site_total: int = 0


def _words(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return regex.findall(r"\w+", text)


def _name_words(text: str | None) -> list[str]:
    """Words of an author list without the joiners ("A, B, and C" == "A B C")."""
    return [w for w in _words(text) if w not in _JOINERS]


_JOINERS = frozenset({"and", "und", "et", "y", "e"})


def _overlap(a: str | None, b: str | None) -> float:
    """F1 of the two word sets (1.0 when equal, 0.0 when disjoint or one is empty)."""
    wa, wb = set(_words(a)), set(_words(b))
    common = len(wa & wb)
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def _day(value: object) -> str | None:
    return None if value is None else str(value.isoformat())[:10]  # type: ignore[attr-defined]


def run_newsclean(text: str, url: str | None) -> Guess:
    try:
        doc = newsclean.clean(text, url=url, input_format="html")
    except newsclean.NewscleanError:  # a page newsclean refuses is a miss, not a crash
        return Guess()
    return Guess(
        # (Document.date; an older checkout, measured as a baseline, lacks the property)
        shown=_day(doc.date if hasattr(doc, "date") else doc.published or doc.modified),
        published=_day(doc.published),
        title=doc.title,
        authors=list(doc.authors),
        site_name=doc.site_name,
        source=doc.published_source or doc.modified_source,
    )


def run_htmldate(text: str, url: str | None) -> Guess:
    from htmldate import find_date

    try:
        day = find_date(text, url=url, original_date=True)
    except Exception:  # noqa: BLE001 - peers' own failures count as misses
        day = None
    return Guess(shown=day, published=day)


def run_trafilatura(text: str, url: str | None) -> Guess:
    from trafilatura import extract_metadata

    try:
        doc = extract_metadata(text, default_url=url)
    except Exception:  # noqa: BLE001
        doc = None
    if doc is None:
        return Guess()
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Guess(doc.date, doc.date, doc.title, authors, doc.sitename)


TOOLS: dict[str, tuple[str, Callable[[str, str | None], Guess]]] = {
    "newsclean": ("newsclean", run_newsclean),
    "htmldate": ("htmldate", run_htmldate),
    "trafilatura": ("trafilatura", run_trafilatura),
}


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def guesses(dataset: Dataset, name: str, *, use_cache: bool) -> dict[str, Guess]:
    """``name``'s answer per page id; peers' answers come from the cache where possible."""
    dist, run = TOOLS[name]
    cacheable = use_cache and name != "newsclean"
    path = CACHE_DIR / dataset.name / f"meta-{name}@{_version(dist)}.json"
    cached: dict[str, dict[str, object]] = {}
    if cacheable and path.is_file():
        cached = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, Guess] = {}
    todo = 0
    for page in dataset.pages:
        entry = cached.get(page.id)
        if entry is not None and entry.get("digest") == page.digest:
            out[page.id] = Guess(**{k: v for k, v in entry.items() if k != "digest"})  # type: ignore[arg-type]
            continue
        todo += 1
        out[page.id] = run(page.text(), page.url)
        if cacheable:
            cached[page.id] = asdict(out[page.id]) | {"digest": page.digest}
    if todo:
        print(f"  {dataset.name}: {name} ran {todo} pages", file=sys.stderr, flush=True)
    if cacheable and todo:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
    return out


def tally(pages: list[Page], answers: dict[str, Guess], *, dates_only: bool, fields: bool = True) -> Tally:
    """Scores over ``pages``; ``fields`` False for a tool that gives a date only."""
    t = Tally(pages=len(pages))
    for page in pages:
        guess = answers[page.id]
        if page.publish_date:
            truth = page.publish_date[:10]
            t.day_total += 1
            t.shown_hits += guess.shown is not None and guess.shown[:10] == truth
            t.published_hits += guess.published is not None and guess.published[:10] == truth
        if dates_only or not fields:
            continue
        if page.title:
            t.title_total += 1
            t.title_exact += _words(guess.title) == _words(page.title)
            t.title_overlap += _overlap(guess.title, page.title)
        if page.author:
            got = " ".join(guess.authors)
            t.author_total += 1
            t.author_exact += _name_words(got) == _name_words(page.author)
            t.author_overlap += _overlap(got, page.author)
        site = getattr(page, "site_name", None)
        if site:
            t.site_total += 1
            t.site_exact += _words(guess.site_name) == _words(site)
    return t


def _ratio(hits: float, total: int) -> str:
    return f"{hits / total:.3f}" if total else "-"


def table(groups: list[tuple[str, str, Tally]]) -> str:
    lines = [
        "| pages | tool | shown day | strict published | title exact | title overlap"
        " | author exact | author overlap | site name |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for group, name, t in groups:
        lines.append(
            f"| {group} | {name} | {_ratio(t.shown_hits, t.day_total)} ({t.shown_hits}/{t.day_total}) "
            f"| {_ratio(t.published_hits, t.day_total)} "
            f"| {_ratio(t.title_exact, t.title_total)} | {_ratio(t.title_overlap, t.title_total)} "
            f"| {_ratio(t.author_exact, t.author_total)} | {_ratio(t.author_overlap, t.author_total)} "
            f"| {_ratio(t.site_exact, t.site_total)} |"
        )
    return "\n".join(lines)


def _exact(page: Page, key: str, value: object) -> bool | None:
    """Whether ``value`` is right for ``key`` on ``page``; ``None`` when the truth has none."""
    if key in ("shown", "published"):
        return None if not page.publish_date else (str(value or ""))[:10] == page.publish_date[:10]
    if key == "title":
        return None if not page.title else _words(str(value or "")) == _words(page.title)
    if not page.author:
        return None
    got = " ".join(value) if isinstance(value, list) else ""
    return _name_words(got) == _name_words(page.author)


def compare(
    before: dict[str, dict[str, dict[str, object]]], now: dict[str, dict[str, Guess]], datasets: list[Dataset]
) -> str:
    """Pages whose answers got better or worse since the saved run, all sets together."""
    counts = {key: [0, 0] for key in ("shown", "published", "title", "authors")}
    lines = []
    for dataset in datasets:
        old = before.get(dataset.name, {})
        for page in dataset.pages:
            if page.id not in old:
                continue
            for key in counts:
                was_value, is_value = old[page.id].get(key), getattr(now[dataset.name][page.id], key)
                was, is_ = _exact(page, key, was_value), _exact(page, key, is_value)
                if was is None or was == is_:
                    continue
                counts[key][0 if is_ else 1] += 1
                if key != "published":
                    truth = {"shown": page.publish_date, "title": page.title, "authors": page.author}[key]
                    lines.append(
                        f"  {'better' if is_ else 'WORSE '} {key} {dataset.name}/{page.id} "
                        f"truth={truth!r} was={was_value!r} now={is_value!r}"
                    )
    head = ", ".join(f"{k}: {b} better, {w} worse" for k, (b, w) in counts.items())
    return "\n".join([f"Against the saved run: {head}", *lines])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="*", help="benchmark folders (default: the three dated sets)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tool names")
    parser.add_argument("--no-cache", action="store_true", help="rerun peers, ignore the cache")
    parser.add_argument("--dates-only", action="store_true", help="score dates only")
    parser.add_argument("--save", type=Path, help="write newsclean's answers per page here (JSON)")
    parser.add_argument("--compare", type=Path, help="count pages better/worse than this saved run")
    parser.add_argument("--misses", type=Path, help="write newsclean's shown-date misses here")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # peers log every failed heuristic
    names = [n for n in args.tools.split(",") if n]
    unknown = set(names) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    folders = args.datasets or [str(_BENCH_ROOT / name) for name in DEFAULT_SETS]
    datasets = [load_dataset(folder) for folder in folders]
    print(f"newsclean at {newsclean.__file__}")
    answers: dict[str, dict[str, dict[str, Guess]]] = {}
    misses: list[str] = []
    for dataset in datasets:
        answers[dataset.name] = {name: guesses(dataset, name, use_cache=not args.no_cache) for name in names}
        groups = []
        subsets = [("all", list(dataset.pages))]
        if dataset.has_page_types:
            subsets.insert(0, ("article", [p for p in dataset.pages if p.page_type == "article"]))
        for label, pages in subsets:
            for name in names:
                t = tally(
                    pages, answers[dataset.name][name], dates_only=args.dates_only, fields=name != "htmldate"
                )
                groups.append((f"{label} ({t.day_total} dated / {t.pages})", name, t))
        print(f"\n{dataset.name}\n")
        print(table(groups))
        if "newsclean" in names:
            for page in dataset.pages:
                got = answers[dataset.name]["newsclean"][page.id]
                if page.publish_date and (got.shown or "")[:10] != page.publish_date[:10]:
                    misses.append(
                        f"{dataset.name}/{page.id}\t{page.page_type or '-'}\ttruth={page.publish_date}"
                        f"\tshown={got.shown}\tpublished={got.published}\tsource={got.source}\t{page.url}"
                    )
    if "newsclean" in names:
        mine = {d: {pid: g for pid, g in a["newsclean"].items()} for d, a in answers.items()}
        if args.compare:
            print()
            print(compare(json.loads(args.compare.read_text(encoding="utf-8")), mine, datasets))
        if args.save:
            args.save.write_text(
                json.dumps({d: {pid: asdict(g) for pid, g in a.items()} for d, a in mine.items()}),
                encoding="utf-8",
            )
        if args.misses:
            args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
