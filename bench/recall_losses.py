"""Where a set's recall goes: per page, the truth's missing shingles charged to the rule that removed them.

    PYTHONPATH=src python bench/recall_losses.py ../shared/bench/dragnet-dev [--pages FILE]

For every page with a truth, newsclean runs as in ``accuracy.py`` (HTML mode, built-in site
profiles off). Each truth shingle the output misses is charged to the first removed block
(``Document.removed``, in order) that holds it, or to "never a block / boundary": text the walk
never made a block, and the shingles that span a kept and a removed block (a removed headline's
last words with the story's first). The page's missing recall (1 - recall) is split in those
shares and the shares are averaged over the pages, so the column sums to the set's recall gap
as ``scoring.py`` computes it. ``--pages FILE`` writes one JSON line per page: id, precision,
recall, the peers' recall from ``bench/.cache`` (read as ``peer_losses.py`` reads it) and the
page's shares.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import scoring
from datasets import load_dataset
from peer_losses import peer_text, peer_texts

import newsclean

NEVER = "(never a block / boundary)"

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder")
    parser.add_argument("--pages", metavar="FILE")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    dataset = load_dataset(folder)
    peers = peer_texts(dataset)
    shares: Counter[str] = Counter()
    lines = []
    pages = 0
    for page in dataset.pages:
        if not page.truth:
            continue
        pages += 1
        doc = newsclean.clean(page.html, url=page.url, config=newsclean.Config(site_profiles=False))
        counts = scoring.match(page.truth, doc.body)
        recall = counts.recall if counts.has_truth else 0.0
        missing = scoring.shingles(page.truth) - scoring.shingles(doc.body)
        left = Counter(missing)
        charged: Counter[str] = Counter()
        for removal in doc.removed:
            hit = left & scoring.shingles(removal.text)
            if hit:
                charged[removal.rule] += hit.total()
                left -= hit
        charged[NEVER] += left.total()
        total = max(missing.total(), 1)
        page_shares = {rule: (1.0 - recall) * n / total for rule, n in charged.items() if n}
        shares.update(page_shares)
        if args.pages:
            peer_recall = {}
            for name, texts in peers.items():
                peer_recall[name] = round(scoring.match(page.truth, peer_text(texts, page.id)).recall, 3)
            lines.append(json.dumps({
                "id": page.id, "precision": round(counts.precision, 3), "recall": round(recall, 3),
                "peers": peer_recall, "lost": {k: round(v, 3) for k, v in page_shares.items()},
            }))
    print(f"## {dataset.name}: {pages} pages with a truth")
    print("| charged to | mean recall lost |")
    print("|---|---|")
    for rule, value in shares.most_common():
        print(f"| {rule} | {value / max(pages, 1):.4f} |")
    if args.pages:
        Path(args.pages).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
