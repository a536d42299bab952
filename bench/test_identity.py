"""Checks of bench/identity.py on a two-page set made here (run: pytest bench/test_identity.py).

Not part of the main suite (tests/ is its path). HTML mode only: text mode needs html_text,
a benchmark-only dependency.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import identity  # noqa: E402

_STORY = (
    "<html><head><title>Harbour wall approved</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Harbour wall approved</h1><p>The harbour council approved a new sea wall on "
    "Tuesday after two winters of flooding along the quay, and work starts in the spring.</p>"
    "<p>Engineers said the wall would be built in sections so that the boats can keep using "
    "the inner harbour while the work goes on.</p></article></body></html>"
)


def _make_set(folder: Path) -> Path:
    (folder / "html").mkdir(parents=True)
    truth = {}
    for page_id, title in (("a", "Harbour wall approved"), ("b", "Second page")):
        page = _STORY.replace("Harbour wall approved", title)
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(page.encode()))
        truth[page_id] = {"articleBody": "The harbour council approved a new sea wall", "url": None}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_snapshot_then_compare_is_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench_set = _make_set(tmp_path / "tiny")
    out = tmp_path / "snap"
    assert identity.main(["snapshot", str(out), str(bench_set), "--modes", "html"]) == 0
    rows = list(identity._read_jsonl(out / "tiny" / "html.jsonl.gz"))
    assert [row["id"] for row in rows] == ["a", "b"]
    assert json.loads(rows[0]["json"])["title"] == "Harbour wall approved"
    assert identity.main(["compare", str(out), str(bench_set), "--modes", "html"]) == 0
    assert "total: 2 documents, 0 differ" in capsys.readouterr().out


def test_compare_names_the_page_and_field_that_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench_set = _make_set(tmp_path / "tiny")
    out = tmp_path / "snap"
    identity.main(["snapshot", str(out), str(bench_set), "--modes", "html"])
    path = out / "tiny" / "html.jsonl.gz"
    rows = list(identity._read_jsonl(path))
    doc = json.loads(rows[1]["json"])
    doc["body"] = "an older body"
    rows[1]["json"] = json.dumps(doc, ensure_ascii=False, indent=2)
    identity._write_jsonl(path, rows)
    capsys.readouterr()
    assert identity.main(["compare", str(out), str(bench_set), "--modes", "html"]) == 1
    printed = capsys.readouterr().out
    assert "  b: body; body F1 " in printed
    assert "total: 2 documents, 1 differ" in printed
