"""bench/peer_losses.py: the pages column counts a cause on a page when the cause's shingles on
that page, summed over its rules, reach the minimum (the review of session 14 found it tested
each rule alone); the peers' outputs are read from the set's resolved name's cache folder, only
when their digest is the page's, and a set with no cached peer output is an error. No newsclean
run and no benchmark data: the page's charges and the peers' cache are stubbed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))

import peer_losses  # noqa: E402

EDGE = peer_losses.BOUNDARY
PAGES = [SimpleNamespace(id="p1", truth="x", digest="d1"), SimpleNamespace(id="p2", truth="x", digest="d2")]
CHARGES = {
    # headline / credit lines: 3 + 3 + 2 + 2 shingles over four rules, none reaching 4 alone
    "p1": (0.5, 0.9, {EDGE + "title-heading": (3, "H"), EDGE + "dateline": (3, "D"), "byline": (2, "B"),
                      "title-heading": (2, "H")}),
    "p2": (0.8, 0.9, {"link-list": (5, "a b c")}),
}


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    monkeypatch.setattr(peer_losses, "load_dataset", lambda folder: SimpleNamespace(name="demo", pages=PAGES))
    monkeypatch.setattr(peer_losses, "_peer_texts", lambda dataset: {"trafilatura": {"p1": {"text": "x"}}})
    monkeypatch.setattr(peer_losses, "_page", lambda page, peers: CHARGES[page.id])
    assert peer_losses.main(["demo"]) == 0
    rows = [line.split(" | ") for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    return {row[0].lstrip("| "): row[1:] for row in rows}


def test_a_cause_counts_on_a_page_by_its_rules_together(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _run(monkeypatch, capsys)
    assert table["edge of a removed line: headline / credit lines"][:2] == ["6", "1"]
    assert table["convention: headline / credit lines"][:2] == ["4", "1"]
    assert table["rule: link-list"][:2] == ["5", "1"]
    assert table["all"][:2] == ["15", "2"]


def test_peers_come_from_the_sets_resolved_name_and_need_the_pages_digest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = tmp_path / "real-set"
    cache.mkdir()
    entries = {"p1": {"text": "kept", "digest": "d1"}, "p2": {"text": "stale", "digest": "old"}, "p3": {"text": "gone"}}
    (cache / "readability@0.9.json").write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(peer_losses.runner, "CACHE_DIR", tmp_path)
    found = peer_losses._peer_texts(SimpleNamespace(name="real-set", pages=PAGES))  # type: ignore[arg-type]
    assert found == {"readability": {"p1": {"text": "kept", "digest": "d1"}}}


def test_a_set_without_cached_peers_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(peer_losses, "load_dataset", lambda folder: SimpleNamespace(name="nowhere", pages=PAGES))
    monkeypatch.setattr(peer_losses.runner, "CACHE_DIR", tmp_path)
    assert peer_losses.main(["."]) == 2
    assert "no cached peer output for nowhere" in capsys.readouterr().err
