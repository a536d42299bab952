"""What the best peer keeps that newsclean drops: per page and cause, the truth's words.

    PYTHONPATH=src python bench/peer_losses.py ../shared/bench/dragnet-dev [--details FILE]

For every page with a truth, newsclean runs as in ``accuracy.py`` (HTML mode, built-in site
profiles off) and the page's best peer is the cached peer (``bench/.cache``: trafilatura, its
``fast`` mode, readability-lxml, Resiliparse) with the highest recall. Each truth shingle the
best peer's text holds and newsclean's body misses (about one word of the truth each) is charged
to the first removed block (``Document.removed``) that holds it; else, when it starts or ends
with two words of a removed block, to that block's edge (a shingle spanning a removed line and
the kept text beside it); else to "never a block". The rules are grouped in causes
(``CAUSES``). A page whose lost words are mostly a comment rule's goes whole to the comments
convention; a page whose newsclean recall is below ``WRONG_REGION_RECALL`` while the best
peer's is above ``1 - WRONG_REGION_RECALL`` goes whole to "region: wrong container". The table
gives per cause the shingles, the pages where the cause holds at least ``PAGE_MIN_SHINGLES`` of
them (summed over the cause's rules on the page), and the page's recall gap to its best peer split
over its causes by their shingles and averaged over the set's pages. Peer outputs are read from
``bench/.cache/<the set's name>/`` (as ``runner.py`` writes them), an entry only when its digest
is the page's; with none found the script exits with an error.

On a snippet set (no body truth) a ``with`` snippet that the best peer's text holds (the peer
that finds most of the page's ``with`` snippets) and newsclean's body misses is charged the
same way, one per snippet (a snippet in no removed block is "never a block").

``--details FILE`` writes one line per (page, rule) charge: set, page, cause, rule, count, the
recall of newsclean and the best peer, and the first charged removed block's text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import runner
import scoring
from datasets import Dataset, Page, load_dataset

import newsclean

PEERS = ("trafilatura@2.3.1", "trafilatura-fast@2.3.1", "readability@0.9", "resiliparse@2.0.1")
NEVER = "(never a block)"
#: A lost shingle that starts or ends with two words of a removed block: it spans the edge
#: between a removed line (a headline, a dateline) and the text beside it.
BOUNDARY = "(edge of) "
#: A page is charged whole to the region when newsclean keeps less than this share of the truth
#: and the best peer more than 1 minus it.
WRONG_REGION_RECALL = 0.3
#: A cause counts on a page when it holds at least this many of the page's lost shingles (a
#: short line's worth; a boundary costs up to three shingles a removed line).
PAGE_MIN_SHINGLES = 4
CAUSES = {
    "title-heading": "convention: headline / credit lines",
    "byline": "convention: headline / credit lines",
    "dateline": "convention: headline / credit lines",
    "tag-line": "convention: headline / credit lines",
    "comments-markup": "convention: reader comments",
    "comment-header": "convention: reader comments",
    "comments-label": "convention: reader comments",
    "outside-article": "region: too narrow (outside-article)",
    NEVER: "never a block",
}

#: A page whose lost words are mostly a comment rule's is charged whole to the comments.
COMMENTS = "convention: reader comments"


def _cause(rule: str) -> str:
    if rule.startswith(BOUNDARY):
        inner = rule[len(BOUNDARY) :]
        if CAUSES.get(inner, "").startswith("convention"):
            return "edge of a removed line: " + CAUSES[inner].removeprefix("convention: ")
        return "edge of a removed block: other rules"
    return CAUSES.get(rule, f"rule: {rule}")


def peer_texts(dataset: Dataset) -> dict[str, dict[str, object]]:
    """The cached peers' outputs of ``dataset``'s pages, from the folder ``runner.py`` writes
    (named by the dataset's resolved name), each entry kept only when its digest is the page's
    (an entry of an older copy of the page is no output of this one)."""
    cache = runner.CACHE_DIR / dataset.name
    digests = {page.id: page.digest for page in dataset.pages}
    found = {}
    for name in PEERS:
        path = cache / f"{name}.json"
        if path.exists():
            entries = json.loads(path.read_text(encoding="utf-8"))
            found[name.split("@")[0]] = {
                page_id: entry
                for page_id, entry in entries.items()
                if isinstance(entry, dict) and page_id in digests and entry.get("digest") == digests[page_id]
            }
    return found


def peer_text(texts: dict[str, object], page_id: str) -> str:
    """One page's text from a cached peer's entries ("" when it has none)."""
    value = texts.get(page_id)
    text = value.get("text") if isinstance(value, dict) else value
    return text if isinstance(text, str) else ""


def _charge(doc: newsclean.Document, lost: Counter[tuple[str, ...]]) -> dict[str, tuple[int, str]]:
    charged: dict[str, tuple[int, str]] = {}
    left = Counter(lost)
    for removal in doc.removed:
        hit = left & scoring.shingles(removal.text)
        if hit:
            count, text = charged.get(removal.rule, (0, removal.text))
            charged[removal.rule] = (count + hit.total(), text)
            left -= hit
    if left:
        pairs = [(removal, scoring.shingles(removal.text, 2)) for removal in doc.removed]
        for shingle, count in left.items():
            owner = next((r for r, two in pairs if shingle[:2] in two or shingle[-2:] in two), None)
            key = NEVER if owner is None else BOUNDARY + owner.rule
            had, text = charged.get(key, (0, owner.text if owner else ""))
            charged[key] = (had + count, text)
    return charged


def _snippet_charge(doc: newsclean.Document, lost: list[str]) -> dict[str, tuple[int, str]]:
    charged: dict[str, tuple[int, str]] = {}
    removed = [(r, scoring.normalize_space(r.text)) for r in doc.removed]
    for snippet in lost:
        rule, text = NEVER, snippet
        for removal, removed_text in removed:
            if snippet in removed_text:
                rule, text = removal.rule, removal.text
                break
        count, first = charged.get(rule, (0, text))
        charged[rule] = (count + 1, first)
    return charged


def _page(page: Page, peers: dict[str, dict[str, object]]) -> tuple[float, float, dict[str, tuple[int, str]]]:
    doc = newsclean.clean(page.html, url=page.url, config=newsclean.Config(site_profiles=False))
    if page.truth:
        ours = scoring.match(page.truth, doc.body).recall
        best, best_text = 0.0, ""
        for texts in peers.values():
            text = peer_text(texts, page.id)
            recall = scoring.match(page.truth, text).recall
            if recall > best:
                best, best_text = recall, text
        lost = (scoring.shingles(page.truth) & scoring.shingles(best_text)) - scoring.shingles(doc.body)
        return ours, best, _charge(doc, lost)
    wanted = [scoring.normalize_space(s) for s in page.with_snippets if scoring.normalize_space(s)]
    if not wanted:
        return 1.0, 1.0, {}
    body = scoring.normalize_space(doc.body)
    ours = sum(s in body for s in wanted) / len(wanted)
    best, best_text = 0.0, ""
    for texts in peers.values():
        text = scoring.normalize_space(peer_text(texts, page.id))
        share = sum(s in text for s in wanted) / len(wanted)
        if share > best:
            best, best_text = share, text
    lost = [s for s in wanted if s in best_text and s not in body]
    return ours, best, _snippet_charge(doc, lost)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder")
    parser.add_argument("--details", metavar="FILE")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    dataset = load_dataset(folder)
    peers = peer_texts(dataset)
    if not any(peers.values()):
        print(f"no cached peer output for {dataset.name} in {runner.CACHE_DIR / dataset.name} "
              "(run bench/accuracy.py on the set first)", file=sys.stderr)
        return 2
    snippets = not any(page.truth for page in dataset.pages)
    units: Counter[str] = Counter()
    recall_lost: Counter[str] = Counter()
    pages: defaultdict[str, set[str]] = defaultdict(set)
    minimum = 1 if snippets else PAGE_MIN_SHINGLES
    lines = []
    for page in dataset.pages:
        ours, best, charged = _page(page, peers)
        wrong = best > 1 - WRONG_REGION_RECALL and ours < WRONG_REGION_RECALL
        all_lost = sum(count for count, _ in charged.values())
        comments = sum(count for rule, (count, _) in charged.items() if _cause(rule) == COMMENTS)
        per_cause: Counter[str] = Counter()
        for rule, (count, text) in charged.items():
            cause = _cause(rule)
            if comments * 2 > all_lost:
                cause = COMMENTS
            elif wrong:
                cause = "region: wrong container"
            units[cause] += count
            recall_lost[cause] += max(best - ours, 0.0) * count / all_lost
            per_cause[cause] += count
            flat = " ".join(text.split())[:300]
            lines.append(f"{dataset.name}\t{page.id}\t{cause}\t{rule}\t{count}\t{ours:.3f}\t{best:.3f}\t{flat}")
        for cause, count in per_cause.items():
            if count >= minimum:
                pages[cause].add(page.id)
    unit = "with-snippets" if snippets else "truth shingles"
    print(f"## {dataset.name}: {unit} the best peer keeps and newsclean drops")
    n = max(len(dataset.pages), 1)
    print(f"| cause | {unit} | pages | mean (best peer - newsclean) charged |")
    print("|---|---|---|---|")
    for cause, count in units.most_common():
        print(f"| {cause} | {count} | {len(pages[cause])} | {recall_lost[cause] / n:.4f} |")
    every = len(set().union(*pages.values())) if pages else 0
    print(f"| all | {units.total()} | {every} | {recall_lost.total() / n:.4f} |")
    if args.details:
        Path(args.details).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
