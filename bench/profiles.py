"""What site profiles imported from Full-Text RSS do to the bench pages of their sites.

For every page whose URL host has a profile in PROFILES (written by ``newsclean import-ftr``),
newsclean's body is scored without and with the profile, with the benchmark's own shingle F1.
Trafilatura is scored on the same pages for reference.

Usage: python bench/profiles.py PROFILES DATASET [DATASET ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import load_dataset  # noqa: E402
from scoring import match, precision_recall_f1  # noqa: E402

import newsclean  # noqa: E402
from newsclean.userrules import find_profile, host_of  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    profiles, folders = argv[0], argv[1:]
    plain = newsclean.Config(site_profiles=False)
    with_profiles = newsclean.Config(site_profiles=False, profile_dirs=(profiles,))
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    for folder in folders:
        dataset = load_dataset(folder)
        rows = []
        for page in dataset.pages:
            host = host_of(page.url)
            if host is None or find_profile(profiles, host) is None:
                continue
            before = newsclean.clean(page.html, url=page.url, config=plain).body
            after = newsclean.clean(page.html, url=page.url, config=with_profiles).body
            peer = trafilatura.extract(page.text(), url=page.url) if trafilatura else None
            rows.append((page.id, host, match(page.truth, before), match(page.truth, after),
                         match(page.truth, peer or "")))
        print(f"## {dataset.name}: {len(rows)} of {len(dataset.pages)} pages have a profile")
        if not rows:
            continue
        for label, column in (("newsclean", 2), ("newsclean + profile", 3), ("trafilatura", 4)):
            p, r, f1 = precision_recall_f1([row[column] for row in rows])
            print(f"{label:22s} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
        changed = [row for row in rows if abs(row[2].f1 - row[3].f1) > 1e-9]
        print(f"pages changed by their profile: {len(changed)}")
        for page_id, host, before_counts, after_counts, _ in changed:
            print(f"  {page_id} {host}: F1 {before_counts.f1:.3f} -> {after_counts.f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
