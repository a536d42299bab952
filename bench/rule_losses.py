"""Which rule removes the article's own words: per rule and set, the truth words in ``Document.removed``.

    PYTHONPATH=src python bench/rule_losses.py ../shared/bench/wcxb-dev [--page-type article] \
        [--details DIR] [--min-share 0.5]

For every page newsclean runs (HTML mode, the same configuration as ``accuracy.py``), each
removed block's words are matched against the page's truth: a word counts as the truth's when a
4-word shingle holding it is a truth shingle (a block shorter than four words counts when its
whole word sequence occurs in the truth), unless a block of eight words or more is in the
output anyway (a teaser repeated in the story; a short name recurs anyway). Per rule the table
shows the truth words it removed as a share of all truth words (recall it costs, roughly: the
guard and the shingle edges make it approximate) and the other words it removed (the
boilerplate it is there for). On a snippet-only set a rule is charged with each ``with``
snippet that is missing from the output and found in a block it removed.

``--by-size`` adds a table per rule and block length (words): the share of the removed words
that are the truth's (on a snippet set, of the snippets found in the removed blocks, the share
that are ``with`` snippets missing from the output rather than ``without`` ones), which tells a
rule that is right on the whole from one that is wrong on its long blocks (a rule that takes
more truth than other words on some length is a recall leak on pages nobody tuned for).

``--details DIR`` writes, per set, one line per removed block that is mostly truth (share of
its words at least ``--min-share``): rule, page id, page type, words, the block's text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import scoring
from datasets import Dataset, Page, load_dataset

import newsclean


def _truth_words(tokens: list[str], truth_shingles: set[tuple[str, ...]], truth_joined: str) -> int:
    n = scoring.NGRAM_N
    if len(tokens) < n:
        return len(tokens) if tokens and f" {' '.join(tokens)} " in truth_joined else 0
    covered = [False] * len(tokens)
    for k in range(len(tokens) - n + 1):
        if tuple(tokens[k : k + n]) in truth_shingles:
            for m in range(k, k + n):
                covered[m] = True
    return sum(covered)


def _clean(page: Page) -> newsclean.Document:
    return newsclean.clean(page.html, url=page.url, config=newsclean.Config(site_profiles=False))


#: Block lengths (words) ``--by-size`` splits each rule's removals at: a bucket holds the blocks
#: from its bound up to the next one's.
SIZE_BOUNDS = (1, 4, 8, 15, 30, 60)


def size_bucket(words: int) -> int:
    """The largest of :data:`SIZE_BOUNDS` that is at most ``words`` (0 for an empty block)."""
    return max((bound for bound in SIZE_BOUNDS if bound <= words), default=0)


def text_set(
    dataset: Dataset,
    details: list[str],
    min_share: float,
    sizes: Counter[tuple[str, int, bool]] | None = None,
) -> tuple[Counter[str], Counter[str], int]:
    """(truth words removed per rule, other words removed per rule, truth words in all); with
    ``sizes``, also the words per (rule, :func:`size_bucket`, truth or not)."""
    lost: Counter[str] = Counter()
    other: Counter[str] = Counter()
    total = 0
    for page in dataset.pages:
        truth_tokens = scoring.tokenize(page.truth)
        total += len(truth_tokens)
        shingles = set(scoring.shingles(page.truth))
        joined = f" {' '.join(truth_tokens)} "
        doc = _clean(page)
        body = f" {' '.join(scoring.tokenize(doc.body))} "
        for removal in doc.removed:
            tokens = scoring.tokenize(removal.text)
            hit = _truth_words(tokens, shingles, joined)
            if hit and len(tokens) >= 8 and f" {' '.join(tokens)} " in body:
                hit = 0  # the same words are kept elsewhere on the page: nothing lost
            lost[removal.rule] += hit
            other[removal.rule] += len(tokens) - hit
            if sizes is not None:
                sizes[removal.rule, size_bucket(len(tokens)), True] += hit
                sizes[removal.rule, size_bucket(len(tokens)), False] += len(tokens) - hit
            if tokens and hit / len(tokens) >= min_share:
                text = " ".join(removal.text.split())[:300]
                details.append(f"{removal.rule}\t{page.id}\t{page.page_type or '-'}\t{len(tokens)}\t{text}")
    return lost, other, total


def snippet_set(
    dataset: Dataset, details: list[str], sizes: Counter[tuple[str, int, bool]] | None = None
) -> tuple[Counter[str], int]:
    """(``with`` snippets lost per rule, ``with`` snippets in all); with ``sizes``, also the
    snippets per (rule, :func:`size_bucket` of the removed block's words, ``with`` or not): a
    ``with`` snippet missing from the output and found in the block, or a ``without`` snippet
    found in it (the boilerplate the rule is there for)."""
    lost: Counter[str] = Counter()
    total = 0
    for page in dataset.pages:
        total += len(page.with_snippets)
        doc = _clean(page)
        body = scoring.normalize_space(doc.body)
        removed = [(removal, scoring.normalize_space(removal.text)) for removal in doc.removed]
        for snippet in page.with_snippets:
            wanted = scoring.normalize_space(snippet)
            if not wanted or wanted in body:
                continue
            for removal, text in removed:
                if wanted in text:
                    lost[removal.rule] += 1
                    if sizes is not None:
                        sizes[removal.rule, size_bucket(len(scoring.tokenize(removal.text))), True] += 1
                    details.append(f"{removal.rule}\t{page.id}\t-\t-\t{wanted[:300]}")
                    break
        if sizes is None:
            continue
        for snippet in page.without_snippets:
            unwanted = scoring.normalize_space(snippet)
            for removal, text in removed:
                if unwanted and unwanted in text:
                    sizes[removal.rule, size_bucket(len(scoring.tokenize(removal.text))), False] += 1
                    break
    return lost, total


def _size_table(sizes: Counter[tuple[str, int, bool]], unit: str = "words") -> str:
    """Per rule and block length: truth words, other words, and the truth's share of them (on
    a snippet set, ``unit="snippets"``: ``with`` snippets lost against ``without`` ones taken)."""
    head = (
        "| rule | block words | truth words | other words | truth's share |"
        if unit == "words"
        else "| rule | block words | with-snippets lost | without-snippets taken | with share |"
    )
    lines = [head, "|---|---|---|---|---|"]
    for rule, bucket in sorted({(rule, bucket) for rule, bucket, _ in sizes}):
        truth, rest = sizes[rule, bucket, True], sizes[rule, bucket, False]
        if truth + rest:
            lines.append(f"| {rule} | {bucket}+ | {truth} | {rest} | {truth / (truth + rest):.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--page-type")
    parser.add_argument("--details", metavar="DIR")
    parser.add_argument("--min-share", type=float, default=0.5)
    parser.add_argument("--by-size", action="store_true", help="also split each rule by block length")
    args = parser.parse_args(argv)
    for folder in args.folders:
        dataset = load_dataset(folder, page_type=args.page_type)
        details: list[str] = []
        print(f"## {dataset.name} ({len(dataset.pages)} pages)")
        if any(p.truth for p in dataset.pages):
            sizes: Counter[tuple[str, int, bool]] = Counter()
            lost, other, total = text_set(dataset, details, args.min_share, sizes if args.by_size else None)
            print("| rule | truth words removed | share of truth | other words removed |")
            print("|---|---|---|---|")
            for rule, words in sorted(lost.items(), key=lambda item: -item[1]):
                print(f"| {rule} | {words} | {words / max(total, 1):.4f} | {other[rule]} |")
            if args.by_size:
                print()
                print(_size_table(sizes))
        else:
            snippet_sizes: Counter[tuple[str, int, bool]] = Counter()
            snippets, total = snippet_set(dataset, details, snippet_sizes if args.by_size else None)
            print("| rule | with-snippets lost | share |")
            print("|---|---|---|")
            for rule, count in snippets.most_common():
                print(f"| {rule} | {count} | {count / max(total, 1):.4f} |")
            if args.by_size:
                print()
                print(_size_table(snippet_sizes, unit="snippets"))
        print(flush=True)
        if args.details:
            out = Path(args.details)
            out.mkdir(parents=True, exist_ok=True)
            by_rule: dict[str, list[str]] = defaultdict(list)
            for line in details:
                by_rule[line.split("\t", 1)[0]].append(line)
            (out / f"{dataset.name}.tsv").write_text(
                "\n".join(line for rule in sorted(by_rule) for line in by_rule[rule]) + "\n", encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
