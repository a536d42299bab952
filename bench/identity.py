"""Byte-identity check: does a code change alter any document newsclean returns?

    python bench/identity.py snapshot OUT_DIR SET_DIR [SET_DIR ...]
    python bench/identity.py compare  OUT_DIR SET_DIR [SET_DIR ...] [--show 5] [--save NEW_DIR]

``snapshot`` cleans every page of each benchmark folder twice and stores the exact
``Document.to_json()`` of each run:

* HTML mode: ``newsclean.clean(page_bytes, url=page_url)``, as ``bench/accuracy.py`` does;
* text mode: ``newsclean.clean(text, input_format="text")`` on the page's scraped text from
  ``html_text`` (``text_accuracy.to_text``, as ``bench/text_accuracy.py`` does).

``compare`` cleans the same pages with the newsclean that is importable now and lists every
page whose JSON differs, with the fields that differ and the body F1 against the truth before
and after (so a deliberate change can be reported page by page). It exits 1 when any page
differs, 0 when all are byte-identical.

Layout of OUT_DIR: ``<set>/html.jsonl.gz`` and ``<set>/text.jsonl.gz`` (one ``{"id", "json"}``
line per page; a typed error is stored as ``{"id", "error"}``) and ``<set>/text-input.jsonl.gz``
(the scraped text of each page with the page's hash, reused by ``compare`` so it does not run
``html_text`` again). Run it with the code under test first on the path, e.g.
``PYTHONPATH=$PWD/src /work/benchvenv/bin/python bench/identity.py compare /tmp/base ...``;
to take a snapshot of an older commit, export that commit's ``src`` (``git archive``) and point
``PYTHONPATH`` there, so edits made while it runs cannot leak in.

Patterns are given ``--regex-timeout`` seconds (default 60, the most ``Config`` allows) instead
of the default 0.5 so that a busy machine cannot turn a slow match into a different output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import scoring
from datasets import Dataset, Page, load_dataset

MODES = ("html", "text")


def _clean(page: Page, mode: str, text: str | None, config: object) -> dict[str, str]:
    import newsclean

    try:
        if mode == "html":
            doc = newsclean.clean(page.html, url=page.url, config=config)  # type: ignore[arg-type]
        else:
            doc = newsclean.clean(text or "", input_format="text", config=config)  # type: ignore[arg-type]
    except newsclean.NewscleanError as exc:
        return {"id": page.id, "error": f"{type(exc).__name__}: {exc}"}
    return {"id": page.id, "json": doc.to_json()}


def _read_jsonl(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)


def _text_inputs(dataset: Dataset, folder: Path, *, write: bool) -> dict[str, str]:
    """The scraped text of each page: from the snapshot when its page hash matches, else html_text."""
    from text_accuracy import to_text

    stored: dict[str, tuple[str, str]] = {}
    path = folder / "text-input.jsonl.gz"
    if path.is_file():
        stored = {row["id"]: (row["digest"], row["text"]) for row in _read_jsonl(path)}
    texts: dict[str, str] = {}
    for page in dataset.pages:
        digest, text = stored.get(page.id, ("", ""))
        texts[page.id] = text if digest == page.digest else to_text(page.text())
    if write:
        _write_jsonl(
            path, [{"id": p.id, "digest": p.digest, "text": texts[p.id]} for p in dataset.pages]
        )
    return texts


def _run(dataset: Dataset, mode: str, texts: dict[str, str], config: object) -> list[dict[str, str]]:
    rows = []
    start = time.monotonic()
    for n, page in enumerate(dataset.pages, 1):
        rows.append(_clean(page, mode, texts.get(page.id), config))
        if n % 200 == 0:
            print(
                f"  {dataset.name} {mode}: {n}/{len(dataset.pages)} ({time.monotonic() - start:.0f}s)",
                file=sys.stderr,
                flush=True,
            )
    return rows


def _body(row: dict[str, str] | None) -> str:
    if row is None or "json" not in row:
        return ""
    return str(json.loads(row["json"]).get("body") or "")


def _differing_fields(old: dict[str, str], new: dict[str, str]) -> list[str]:
    if "json" not in old or "json" not in new:
        return ["error"]
    a, b = json.loads(old["json"]), json.loads(new["json"])
    fields = [key for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)]
    return fields or ["serialisation"]


def _same(old: dict[str, str] | None, new: dict[str, str], ignore: list[str]) -> bool:
    """Whether two stored documents are byte-identical, or equal but for the ``ignore`` fields (a
    field added since the snapshot, such as ``structure``)."""
    if old is None or not ignore:
        return old == new
    a, b = json.loads(old["json"]), json.loads(new["json"])
    for key in ignore:
        a.pop(key, None)
        b.pop(key, None)
    return bool(a == b)


def _config(args: argparse.Namespace) -> object:
    import newsclean

    return newsclean.Config(regex_timeout=args.regex_timeout)


def snapshot(args: argparse.Namespace) -> int:
    """Write every page's JSON for each mode under OUT_DIR."""
    config = _config(args)
    for set_dir in args.sets:
        dataset = load_dataset(set_dir)
        folder = args.out / dataset.name
        texts = _text_inputs(dataset, folder, write=True) if "text" in args.modes else {}
        for mode in args.modes:
            _write_jsonl(folder / f"{mode}.jsonl.gz", _run(dataset, mode, texts, config))
        print(f"{dataset.name}: {len(dataset.pages)} pages x {len(args.modes)} modes", file=sys.stderr)
    return 0


def compare(args: argparse.Namespace) -> int:
    """Clean again and list the pages whose JSON differs from the snapshot."""
    config = _config(args)
    total = changed = 0
    for set_dir in args.sets:
        dataset = load_dataset(set_dir)
        folder = args.out / dataset.name
        texts = _text_inputs(dataset, folder, write=False) if "text" in args.modes else {}
        truth = {page.id: page.truth for page in dataset.pages}
        for mode in args.modes:
            path = folder / f"{mode}.jsonl.gz"
            if not path.is_file():
                raise SystemExit(f"{path}: no snapshot for this set and mode (run snapshot first)")
            before = {row["id"]: row for row in _read_jsonl(path)}
            rows = _run(dataset, mode, texts, config)
            if args.save:
                _write_jsonl(args.save / dataset.name / f"{mode}.jsonl.gz", rows)
            differing = [row for row in rows if not _same(before.get(row["id"]), row, args.ignore)]
            total += len(rows)
            changed += len(differing)
            print(f"{dataset.name} {mode}: {len(rows)} pages, {len(differing)} differ")
            for row in differing:
                old = before.get(row["id"])
                fields = ["new page"]
                if old:
                    fields = [f for f in _differing_fields(old, row) if f not in args.ignore]
                line = f"  {row['id']}: {', '.join(fields)}"
                if truth[row["id"]] and "body" in fields:
                    f1_old = scoring.match(truth[row["id"]], _body(old)).f1
                    f1_new = scoring.match(truth[row["id"]], _body(row)).f1
                    line += f"; body F1 {f1_old:.3f} -> {f1_new:.3f}"
                print(line)
            for row in differing[: args.show]:
                _show(before.get(row["id"]), row)
    print(f"total: {total} documents, {changed} differ")
    return 1 if changed else 0


def _show(old: dict[str, str] | None, new: dict[str, str]) -> None:
    """A unified diff of the pretty-printed documents (for reading a change by eye)."""
    import difflib

    def lines(row: dict[str, str] | None) -> list[str]:
        if row is None:
            return []
        if "json" not in row:
            return [row.get("error", "") + "\n"]
        return (json.dumps(json.loads(row["json"]), indent=1, ensure_ascii=False) + "\n").splitlines(True)

    sys.stdout.writelines(difflib.unified_diff(lines(old), lines(new), "before", "after", n=1))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: returns the exit status (compare: 1 when any page differs)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("snapshot", "store every page's output"),
        ("compare", "diff against a snapshot"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("out", type=Path, metavar="OUT_DIR")
        sub.add_argument("sets", nargs="+", metavar="SET_DIR", help="benchmark folder")
        sub.add_argument("--modes", default=",".join(MODES), help="comma-separated: html,text")
        sub.add_argument("--regex-timeout", type=float, default=60.0, help="Config.regex_timeout")
        if name == "compare":
            sub.add_argument("--show", type=int, default=0, help="print a diff of the first N changed pages")
            sub.add_argument("--save", type=Path, metavar="NEW_DIR", help="also store the new outputs here")
            sub.add_argument("--ignore", action="append", default=[], metavar="FIELD",
                             help="leave this Document field out of the comparison (repeatable)")
    args = parser.parse_args(argv)
    args.modes = [m for m in args.modes.split(",") if m]
    unknown = [m for m in args.modes if m not in MODES]
    if unknown:
        raise SystemExit(f"unknown mode(s) {unknown}; known: {', '.join(MODES)}")
    return snapshot(args) if args.command == "snapshot" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
