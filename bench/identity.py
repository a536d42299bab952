"""Byte-identity check: dump every page's Document as JSON, or compare two dumps.

A change that should not move any extraction result (a refactor, a new output field) is checked
by dumping before and after and comparing::

    PYTHONPATH=src python bench/identity.py dump before.jsonl ../shared/bench/scrapinghub ...
    PYTHONPATH=src python bench/identity.py dump after.jsonl --drop structure ../shared/bench/scrapinghub ...
    python bench/identity.py compare before.jsonl after.jsonl

``--drop FIELD`` leaves a (new) Document field out of the dump, so a dump taken before the
field existed compares equal when nothing else changed.
"""

from __future__ import annotations

import argparse
import json
import sys

from datasets import load_dataset


def dump(out: str, folders: list[str], drop: list[str]) -> int:
    import newsclean

    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for folder in folders:
            dataset = load_dataset(folder)
            for page in dataset.pages:
                data = newsclean.clean(page.html, url=page.url).to_dict()
                for name in drop:
                    data.pop(name, None)
                line = json.dumps({"id": f"{dataset.name}/{page.id}", **data}, ensure_ascii=False)
                handle.write(line + "\n")
                count += 1
    print(f"{count} documents written to {out}")
    return 0


def compare(before: str, after: str) -> int:
    with open(before, encoding="utf-8") as a, open(after, encoding="utf-8") as b:
        old, new = a.read().splitlines(), b.read().splitlines()
    if len(old) != len(new):
        print(f"different page counts: {len(old)} vs {len(new)}")
        return 1
    differ = [json.loads(x)["id"] for x, y in zip(old, new, strict=True) if x != y]
    for page in differ[:20]:
        print(f"differs: {page}")
    print(f"{len(old) - len(differ)} of {len(old)} documents byte-identical")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write one JSON document per page")
    d.add_argument("out")
    d.add_argument("folders", nargs="+")
    d.add_argument("--drop", action="append", default=[], metavar="FIELD")
    c = sub.add_parser("compare", help="compare two dumps line by line")
    c.add_argument("before")
    c.add_argument("after")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.folders, args.drop)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
