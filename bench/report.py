"""Turn per-page runs into score rows and markdown tables."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import scoring
from datasets import Page
from runner import PageRun


@dataclass(frozen=True)
class Row:
    """One tool's line in a results table."""

    label: str
    version: str
    scores: scoring.Scores | None  # None for speed-only references
    snippets: scoring.SnippetScores | None
    empty: int
    errors: int
    median_ms: float
    p90_ms: float
    pages_per_s: float
    cached: int  # pages whose timing came from the cache (an earlier run)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def make_row(
    label: str,
    version: str,
    pages: Sequence[Page],
    runs: Sequence[PageRun],
    *,
    scored: bool = True,
    with_snippets: bool = False,
    counts: tuple[list[scoring.PageCounts], list[bool]] | None = None,
) -> Row:
    """Score one tool's runs against the pages' truth (``counts``: precomputed page_counts)."""
    texts = [r.text for r in runs]
    scores = None
    if scored and pages:
        counts = counts or scoring.page_counts([p.truth for p in pages], texts)
        scores = scoring.score(*counts)
    snippets = (
        scoring.score_snippets(texts, [p.with_snippets for p in pages], [p.without_snippets for p in pages])
        if scored and with_snippets
        else None
    )
    times = [r.ms for r in runs]
    total_s = sum(times) / 1000
    return Row(
        label=label,
        version=version,
        scores=scores,
        snippets=snippets,
        empty=sum(1 for r in runs if r.error is None and not scoring.tokenize(r.text)),
        errors=sum(1 for r in runs if r.error is not None),
        median_ms=statistics.median(times) if times else 0.0,
        p90_ms=percentile(times, 90),
        pages_per_s=len(runs) / total_s if total_s > 0 else 0.0,
        cached=sum(1 for r in runs if r.cached),
    )


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _f(value: float) -> str:
    return f"{value:.3f}"


def accuracy_table(rows: Sequence[Row], *, snippets: bool = False) -> str:
    """The main table: quality, failures and speed, one line per tool."""
    header = ["tool", "version", "P", "R", "F1 ± std", "exact", "mean page F1"]
    if snippets:
        header += ["with kept", "without leaked"]
    header += ["empty", "errors", "median ms", "pages/s"]
    body = []
    for row in rows:
        s = row.scores
        cells = [row.label, row.version]
        if s is None:
            cells += ["-"] * 5
        else:
            cells += [
                _f(s.precision),
                _f(s.recall),
                f"{s.f1:.3f} ± {s.f1_std:.3f}",
                _f(s.accuracy),
                _f(s.mean_page_f1),
            ]
        if snippets:
            sn = row.snippets
            cells += [f"{sn.with_rate:.1%}", f"{sn.without_rate:.1%}"] if sn else ["-", "-"]
        cells += [
            str(row.empty) if s is not None else "-",
            str(row.errors),
            f"{row.median_ms:.1f}",
            f"{row.pages_per_s:.1f}",
        ]
        body.append(cells)
    return markdown_table(header, body)
