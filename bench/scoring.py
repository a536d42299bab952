"""The article-body benchmark's scoring, reimplemented faithfully.

This mirrors ``evaluate.py`` of the ScrapingHub article-extraction-benchmark
(the method the 2026 web content extraction benchmark reuses):

* tokens are ``re.findall(r"\\w+", text)`` (Unicode, case-sensitive);
* each text is a multiset of 4-token shingles.  A text with 1-3 tokens yields
  exactly one shingle, the whole token tuple; a text with no token yields
  none.  (This is what the original ``_ngrams`` does: ``range(max(1, n - 3))``
  with empty tuples dropped.)
* per page, tp / fp / fn are shingle counts shared / only predicted / only in
  the truth, normalised to sum to 1 so that long pages weigh no more than
  short ones;
* precision is the mean of per-page precision over pages with tp + fp > 0,
  recall the mean of per-page recall over pages with tp + fn > 0 (an empty
  prediction therefore has no precision and recall 0);
* F1 is the harmonic mean of those two means (not a mean of per-page F1);
* the spread is the standard deviation over 1000 bootstrap resamples of pages
  (the original draws them unseeded; here the seed is fixed so reruns agree).

Where the original would crash (no page has any prediction, or P + R == 0)
these functions return 0.0 instead, so a broken tool shows up as a zero row.

The snippet score (``with`` / ``without`` lists of the 2026 benchmark) is a
whitespace-normalised, case-sensitive substring test.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

NGRAM_N = 4
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20240601

_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class PageCounts:
    """Normalised shingle counts of one page (tp + fp + fn is 1, or all 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def has_prediction(self) -> bool:
        """True when the prediction had at least one shingle."""
        return self.tp + self.fp > 0

    @property
    def has_truth(self) -> bool:
        """True when the truth had at least one shingle."""
        return self.tp + self.fn > 0

    @property
    def precision(self) -> float:
        """Per-page precision; only meaningful when ``has_prediction``."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Per-page recall; only meaningful when ``has_truth``."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-page F1, 0 for an empty prediction (used for sorting and mean_page_f1)."""
        if not self.has_prediction:
            return 1.0 if not self.has_truth else 0.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


@dataclass(frozen=True)
class Scores:
    """Aggregate scores of one tool over a set of pages."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    mean_page_f1: float
    pages: int
    f1_std: float = 0.0
    precision_std: float = 0.0
    recall_std: float = 0.0


def tokenize(text: str | None) -> list[str]:
    """Split text into the benchmark's tokens (runs of Unicode word characters)."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a shorter non-empty text is one shingle."""
    return _shingles_of(tokenize(text), n)


def _shingles_of(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    # zip over shifted views: the same shingles as slicing, several times faster
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


@lru_cache(maxsize=4096)
def _truth_tokens(text: str) -> tuple[str, ...]:
    return tuple(tokenize(text))


@lru_cache(maxsize=4096)
def _truth_shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    # Each truth is compared with every tool's output: shingle it once.
    # Callers must not mutate the returned Counter.
    return _shingles_of(_truth_tokens(text), n)


def _counts(true_sh: Counter[tuple[str, ...]], pred_sh: Counter[tuple[str, ...]]) -> PageCounts:
    small, large = (pred_sh, true_sh) if len(pred_sh) < len(true_sh) else (true_sh, pred_sh)
    tp = sum(min(c, large.get(k, 0)) for k, c in small.items())
    fp = pred_sh.total() - tp
    fn = true_sh.total() - tp
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


def match(truth: str | None, prediction: str | None, n: int = NGRAM_N) -> PageCounts:
    """Compare one page's prediction to its truth: normalised tp / fp / fn."""
    return _counts(_truth_shingles(truth or "", n), shingles(prediction, n))


def exact_match(truth: str | None, prediction: str | None) -> bool:
    """The benchmark's 'accuracy': identical token lists."""
    return _truth_tokens(truth or "") == tuple(tokenize(prediction))


def compare(truth: str | None, prediction: str | None, n: int = NGRAM_N) -> tuple[PageCounts, bool]:
    """``match`` and ``exact_match`` at once, tokenizing the prediction only once."""
    tokens = tokenize(prediction)
    counts = _counts(_truth_shingles(truth or "", n), _shingles_of(tokens, n))
    return counts, _truth_tokens(truth or "") == tuple(tokens)


def _mean_or_zero(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def precision_recall_f1(pages: Sequence[PageCounts]) -> tuple[float, float, float]:
    """Mean precision, mean recall and their harmonic mean over pages."""
    precision = _mean_or_zero([c.precision for c in pages if c.has_prediction])
    recall = _mean_or_zero([c.recall for c in pages if c.has_truth])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


def score(
    pages: Sequence[PageCounts],
    exact: Sequence[bool] | None = None,
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> Scores:
    """Aggregate per-page counts into P, R, F1 with bootstrap standard deviations.

    ``exact`` holds the per-page exact-match flags (for accuracy); pass
    ``resamples=0`` to skip the bootstrap.
    """
    precision, recall, f1 = precision_recall_f1(pages)
    accuracy = _mean_or_zero([float(e) for e in exact]) if exact else 0.0
    mean_page_f1 = _mean_or_zero([c.f1 for c in pages])
    stds = {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    if resamples > 1 and len(pages) > 1:
        # Per-page values once; a resample then only picks and averages them.
        precisions = [c.precision if c.has_prediction else None for c in pages]
        recalls = [c.recall if c.has_truth else None for c in pages]
        rng = random.Random(seed)
        indices = range(len(pages))
        samples: dict[str, list[float]] = {key: [] for key in stds}
        for _ in range(resamples):
            picked = rng.choices(indices, k=len(pages))
            p = _mean_or_zero([v for i in picked if (v := precisions[i]) is not None])
            r = _mean_or_zero([v for i in picked if (v := recalls[i]) is not None])
            samples["precision"].append(p)
            samples["recall"].append(r)
            samples["f1"].append(2 * p * r / (p + r) if p + r > 0 else 0.0)
        stds = {key: statistics.stdev(values) for key, values in samples.items()}
    return Scores(
        precision=precision,
        recall=recall,
        f1=f1,
        accuracy=accuracy,
        mean_page_f1=mean_page_f1,
        pages=len(pages),
        f1_std=stds["f1"],
        precision_std=stds["precision"],
        recall_std=stds["recall"],
    )


def score_texts(
    truths: Sequence[str | None],
    predictions: Sequence[str | None],
    *,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> Scores:
    """Score aligned lists of truth and predicted texts."""
    if len(truths) != len(predictions):
        raise ValueError("truths and predictions must be aligned, page for page")
    counts, exact = page_counts(truths, predictions)
    return score(counts, exact, resamples=resamples, seed=seed)


def page_counts(
    truths: Sequence[str | None], predictions: Sequence[str | None]
) -> tuple[list[PageCounts], list[bool]]:
    """Per-page shingle counts and exact-match flags of aligned texts."""
    if len(truths) != len(predictions):
        raise ValueError("truths and predictions must be aligned, page for page")
    pairs = [compare(t, p) for t, p in zip(truths, predictions, strict=True)]
    return [c for c, _ in pairs], [e for _, e in pairs]


def normalize_space(text: str | None) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text or "").strip()


def snippets_found(text: str | None, snippets: Sequence[str]) -> int:
    """How many snippets occur in text, both whitespace-normalised (case-sensitive)."""
    haystack = normalize_space(text)
    return sum(1 for s in snippets if normalize_space(s) and normalize_space(s) in haystack)


@dataclass(frozen=True)
class SnippetScores:
    """Snippet coverage over pages: share of `with` kept, share of `without` leaked."""

    with_found: int
    with_total: int
    without_found: int
    without_total: int

    @property
    def with_rate(self) -> float:
        """Share of must-keep snippets found (higher is better)."""
        return self.with_found / self.with_total if self.with_total else 0.0

    @property
    def without_rate(self) -> float:
        """Share of must-drop snippets found (lower is better)."""
        return self.without_found / self.without_total if self.without_total else 0.0


def score_snippets(
    predictions: Sequence[str | None],
    with_lists: Sequence[Sequence[str]],
    without_lists: Sequence[Sequence[str]],
) -> SnippetScores:
    """Pool snippet hits over all pages (micro average: every snippet counts once)."""
    wf = wt = of = ot = 0
    for text, keep, drop in zip(predictions, with_lists, without_lists, strict=True):
        keep = [s for s in keep if normalize_space(s)]
        drop = [s for s in drop if normalize_space(s)]
        wf += snippets_found(text, keep)
        wt += len(keep)
        of += snippets_found(text, drop)
        ot += len(drop)
    return SnippetScores(wf, wt, of, ot)


# --- WCXB's own metric ------------------------------------------------------------------
# WCXB v1.0's evaluate.py scores each page by word-level F1: lower-cased ``\w+`` tokens as a
# bag (multiset), overlap counted with multiplicity; precision = overlap / predicted words,
# recall = overlap / truth words. Its headline figure is the *mean over pages* of that F1
# (not a harmonic mean of means). An empty truth scores 1 against an empty prediction, else 0;
# an empty prediction scores 0.


def word_prf(truth: str | None, prediction: str | None) -> tuple[float, float, float]:
    """WCXB's per-page word-level precision, recall and F1."""
    pred = Counter(_TOKEN_RE.findall((prediction or "").lower()))
    ref = Counter(_TOKEN_RE.findall((truth or "").lower()))
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    precision = overlap / pred.total()
    recall = overlap / ref.total()
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


def word_f1_mean(truths: Sequence[str | None], predictions: Sequence[str | None]) -> float:
    """WCXB's headline score: the mean over pages of :func:`word_prf`'s F1."""
    scores = [word_prf(t, p)[2] for t, p in zip(truths, predictions, strict=True)]
    return _mean_or_zero(scores)


# --- snippet F1 (trafilatura's evaluation) ------------------------------------------------
# trafilatura's own evaluation scores each snippet as one decision: a `with` snippet found is a
# true positive, one missed a false negative; a `without` snippet found is a false positive.
# Pooled over all pages, precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their
# harmonic mean.


def snippet_prf(snippets: SnippetScores) -> tuple[float, float, float]:
    """Precision, recall and F1 of pooled snippet decisions."""
    tp, fn, fp = snippets.with_found, snippets.with_total - snippets.with_found, snippets.without_found
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


def page_snippet_score(text: str | None, keep: Sequence[str], drop: Sequence[str]) -> float:
    """One page's share of right snippet decisions (kept `with` + left-out `without`), for
    counting pages better or worse between two runs on a snippet-only set."""
    keep = [s for s in keep if normalize_space(s)]
    drop = [s for s in drop if normalize_space(s)]
    total = len(keep) + len(drop)
    if not total:
        return 1.0
    return (snippets_found(text, keep) + len(drop) - snippets_found(text, drop)) / total
