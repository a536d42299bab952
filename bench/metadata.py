"""Metadata accuracy of newsclean, htmldate and trafilatura on a benchmark folder, in one run.

    /work/benchvenv/bin/python bench/metadata.py ../shared/bench/wceb2026-dev \
        [--page-type article] [--misses FILE]

On the dated pages of the chosen type (ground-truth ``publish_date``) it reports the share
whose publication **day** each tool gets exactly, and, for newsclean, the share it gets when
its modification date stands in for a missing publication date (the truth here is the date a
reader sees on the page, which on refreshed pages is the "Updated" one). On pages with a
ground-truth ``title`` / ``author`` it reports exact agreement (after normalising case,
spaces, punctuation and list joiners) and the mean token overlap (F1 of word sets). Every
tool gets the same decoded text; newsclean runs as users call it,
``newsclean.clean(text, url=url, input_format="html")`` (so its time per page includes the
whole extraction, not only the metadata).

htmldate runs as ``find_date(html, original_date=True)`` (its recommended setting for the
publication date) and trafilatura as ``extract_metadata(html)``; neither is a newsclean
dependency, they are installed only in the benchmark environment.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import Page, load_dataset  # noqa: E402

import newsclean  # noqa: E402


@dataclass
class Guess:
    """One tool's answer for one page."""

    day: str | None = None
    # newsclean keeps the modification date apart; this is its date when it has no
    # publication date (peers give one date only, so for them it equals ``day``).
    day_or_modified: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None


@dataclass
class Tally:
    """Scores of one tool."""

    day_hits: int = 0
    day_or_modified_hits: int = 0
    day_total: int = 0
    title_exact: int = 0
    title_overlap: float = 0.0
    title_total: int = 0
    author_exact: int = 0
    author_overlap: float = 0.0
    author_total: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


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
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def run_newsclean(text: str, url: str | None) -> Guess:
    try:
        doc = newsclean.clean(text, url=url, input_format="html")
    except newsclean.NewscleanError:  # a page newsclean refuses is a miss, not a crash
        return Guess()
    published = doc.published
    either = published or doc.modified
    return Guess(
        None if published is None else published.isoformat()[:10],
        None if either is None else either.isoformat()[:10],
        doc.title,
        doc.authors,
        doc.published_source,
    )


def run_htmldate(text: str, url: str | None) -> Guess:
    from htmldate import find_date

    try:
        day = find_date(text, url=url, original_date=True)
    except Exception:  # noqa: BLE001 - peers' own failures count as misses
        day = None
    return Guess(day=day, day_or_modified=day)


def run_trafilatura(text: str, url: str | None) -> Guess:
    from trafilatura import extract_metadata

    try:
        doc = extract_metadata(text, default_url=url)
    except Exception:  # noqa: BLE001
        doc = None
    if doc is None:
        return Guess()
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Guess(day=doc.date, day_or_modified=doc.date, title=doc.title, authors=authors)


TOOLS: dict[str, Callable[[str, str | None], Guess]] = {
    "newsclean": run_newsclean,
    "htmldate": run_htmldate,
    "trafilatura": run_trafilatura,
}


def score(pages: list[Page], names: list[str]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in names}
    for page in pages:
        text = page.text()
        for name in names:
            start = time.perf_counter()
            guess = TOOLS[name](text, page.url)
            tally = tallies[name]
            tally.seconds += time.perf_counter() - start
            if page.publish_date:
                tally.day_total += 1
                tally.day_or_modified_hits += guess.day_or_modified == page.publish_date[:10]
                if guess.day == page.publish_date[:10]:
                    tally.day_hits += 1
                else:
                    tally.misses.append(
                        f"{page.id}\ttruth={page.publish_date}\tgot={guess.day}"
                        f"\tsource={guess.source}\t{page.url}"
                    )
            if page.title and name != "htmldate":
                tally.title_total += 1
                tally.title_exact += _words(guess.title) == _words(page.title)
                tally.title_overlap += _overlap(guess.title, page.title)
            if page.author and name != "htmldate":
                tally.author_total += 1
                got = " ".join(guess.authors)
                tally.author_exact += _name_words(got) == _name_words(page.author)
                tally.author_overlap += _overlap(got, page.author)
    return tallies


def _ratio(hits: float, total: int) -> str:
    return f"{hits / total:.3f}" if total else "-"


def report(tallies: dict[str, Tally], pages: int) -> str:
    lines = [
        "| tool | publication day | day, else modified | title exact | title overlap |"
        " author exact | author overlap | ms/page |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, t in tallies.items():
        lines.append(
            f"| {name} | {_ratio(t.day_hits, t.day_total)} ({t.day_hits}/{t.day_total}) "
            f"| {_ratio(t.day_or_modified_hits, t.day_total)} "
            f"| {_ratio(t.title_exact, t.title_total)} | {_ratio(t.title_overlap, t.title_total)} "
            f"| {_ratio(t.author_exact, t.author_total)} "
            f"| {_ratio(t.author_overlap, t.author_total)} "
            f"| {1000 * t.seconds / max(pages, 1):.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", help="benchmark folder (html/*.html.gz + ground-truth.json)")
    parser.add_argument("--page-type", default="article", help="page type to score ('' = all)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tool names")
    parser.add_argument("--misses", type=Path, help="write newsclean's date misses here")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # peers log every failed heuristic
    names = [n for n in args.tools.split(",") if n]
    unknown = set(names) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    dataset = load_dataset(args.dataset, page_type=args.page_type or None)
    pages = list(dataset.pages)
    tallies = score(pages, names)
    print(f"{dataset.name}: {len(pages)} {args.page_type or 'all'} pages\n")
    print(report(tallies, len(pages)))
    if args.misses and "newsclean" in tallies:
        args.misses.write_text("\n".join(tallies["newsclean"].misses) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
