"""Instructions per warm page under callgrind, and where they go (issue #15).

Counts instructions rather than time, so the figure holds on a loaded machine: the first N
pages of a set by name are read, newsclean imported and a warm-up pass run over them, then
either no pass or one pass more; (one pass - no pass) / N is a warm page's instructions, with
imports, reading and the warm-up cancelled out. Run once per build to compare, e.g. a
Cython-compiled copy made by ``bench/cython_build.py``:

    python bench/callgrind_pages.py --src src --name pure
    python bench/callgrind_pages.py --src /tmp/cy --name cython

Needs valgrind. ``PYTHONHASHSEED=0``; bytecode and compiled patterns are cached in OUT first.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

# a callgrind_annotate line's object or file: the group its instructions are counted in
GROUPS = [
    ("bytecode loop", "_PyEval_EvalFrameDefault"),
    ("compiled newsclean", "/newsclean/"),
    ("regex", "_regex"),
    ("lxml + libxml2", "lxml"),
    ("lxml + libxml2", "libxml2"),
    ("allocation, freeing, gc", "obmalloc"),
    ("allocation, freeing, gc", "malloc"),
    ("allocation, freeing, gc", "gcmodule"),
    ("stdlib re", "_sre"),
    ("libc, other", "libc.so"),
    ("CPython, other", "Python-3"),
    ("CPython, other", "libpython"),
]


def run_pages(root: str, count: int, passes: int) -> None:
    names = sorted(os.listdir(root))[:count]
    pages = [gzip.decompress(Path(root, name).read_bytes()) for name in names]
    import newsclean

    print("newsclean imported from", newsclean.__file__, file=sys.stderr)
    for _ in range(1 + passes):
        for page in pages:
            newsclean.clean(page)


def grouped(path: Path) -> collections.Counter[str]:
    text = subprocess.run(
        ["callgrind_annotate", "--threshold=100", "--auto=no", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout
    groups: collections.Counter[str] = collections.Counter()
    for line in text.splitlines():
        found = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S.*)$", line)
        if not found or "PROGRAM TOTALS" in line:
            continue
        where = found.group(2)
        name = next((group for group, key in GROUPS if key in where), "other")
        groups[name] += int(found.group(1).replace(",", ""))
    return groups


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", required=True, help="the directory holding the newsclean package")
    parser.add_argument("--name", required=True)
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsclean-callgrind"))
    parser.add_argument("--set", default="../shared/bench/scrapinghub")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--run", nargs=2, type=int, metavar=("PAGES", "PASSES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    root = str(Path(args.set, "html"))
    if args.run:
        run_pages(root, *args.run)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(Path(args.src).resolve()),
               PYTHONPYCACHEPREFIX=str(args.out / "pyc"), NEWSCLEAN_CACHE_DIR=str(args.out / "patterns"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    me = [sys.executable, __file__, "--src", args.src, "--name", args.name, "--set", args.set]
    totals, groups = [], []
    for passes in (0, 1):
        command = [*me, "--run", str(args.pages), str(passes)]
        subprocess.run(command, env=env, check=True)  # bytecode and patterns cached
        cg = args.out / f"{args.name}_{passes}.cg"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", *command],
                              env=env, capture_output=True, text=True, check=True)
        print(*[line for line in done.stderr.splitlines() if "imported from" in line], file=sys.stderr)
        totals.append(int(re.findall(r"Collected : (\d+)", done.stderr)[-1]))
        groups.append(grouped(cg))
    per_page = (totals[1] - totals[0]) / args.pages / 1e6
    print(f"{args.name}: {per_page:.2f} M instructions per warm page ({args.pages} pages of {args.set})")
    for name in sorted(groups[1], key=lambda n: groups[0][n] - groups[1][n]):
        print(f"  {name:26s} {(groups[1][name] - groups[0][name]) / args.pages / 1e6:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
