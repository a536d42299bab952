"""Checks of bench/peer_losses.py's charging and causes (run: pytest bench/test_peer_losses.py).

The review of session 14 found the pages column tested each rule alone (a cause counts on a page
when its shingles there, summed over its rules, reach the minimum), the cache folder named by the
argument's last part, and no check of the entries' digest: the last three tests."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import peer_losses  # noqa: E402
import scoring  # noqa: E402

import newsclean  # noqa: E402


def test_rules_fall_in_their_causes() -> None:
    assert peer_losses._cause("title-heading") == "convention: headline / credit lines"
    assert peer_losses._cause("comments-markup") == peer_losses.COMMENTS
    assert peer_losses._cause("link-list") == "rule: link-list"
    edge = peer_losses.BOUNDARY
    assert peer_losses._cause(edge + "dateline") == "edge of a removed line: headline / credit lines"
    assert peer_losses._cause(edge + "link-list") == "edge of a removed block: other rules"


def test_a_lost_shingle_goes_to_the_removed_block_that_holds_it_or_to_its_edge() -> None:
    story = "".join(
        f"<p>Paragraph {n} of the story tells the council's long budget debate in plain words.</p>"
        for n in range(6)
    )
    html = (
        "<html><body><nav><ul><li><a href='/a'>Home page of the paper</a></li>"
        "<li><a href='/b'>Sport news of the day</a></li></ul></nav><article>"
        f"<h1>Budget debate</h1>{story}</article></body></html>"
    )
    doc = newsclean.clean(html, config=newsclean.Config(site_profiles=False))
    truth = "Home page of the paper Sport news of the day " + " ".join(
        f"Paragraph {n} of the story tells the council's long budget debate in plain words." for n in range(6)
    )
    lost = scoring.shingles(truth) - scoring.shingles(doc.body)
    charged = {rule: count for rule, (count, _) in peer_losses._charge(doc, Counter(lost)).items()}
    # inside the two menu lines: "home page of the", "page of the paper", "sport news of the",
    # "news of the day"; across their edges, two words of a menu line at either end: "of the paper
    # sport", "the paper sport news", "paper sport news of", "of the day paragraph", "the day
    # paragraph 0"; "day paragraph 0 of" has one word of the menu only
    edge = peer_losses.BOUNDARY + "navigation-markup"
    assert charged == {"navigation-markup": 4, edge: 5, peer_losses.NEVER: 1}


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
    monkeypatch.setattr(peer_losses, "peer_texts", lambda dataset: {"trafilatura": {"p1": {"text": "x"}}})
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
    entries = {
        "p1": {"text": "kept", "digest": "d1"},
        "p2": {"text": "stale", "digest": "old"},
        "p3": {"text": "gone"},
    }
    (cache / "readability@0.9.json").write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(peer_losses.runner, "CACHE_DIR", tmp_path)
    found = peer_losses.peer_texts(SimpleNamespace(name="real-set", pages=PAGES))  # type: ignore[arg-type]
    assert found == {"readability": {"p1": {"text": "kept", "digest": "d1"}}}


def test_a_set_without_cached_peers_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = SimpleNamespace(name="nowhere", pages=PAGES)
    monkeypatch.setattr(peer_losses, "load_dataset", lambda folder: nowhere)
    monkeypatch.setattr(peer_losses.runner, "CACHE_DIR", tmp_path)
    assert peer_losses.main(["."]) == 2
    assert "no cached peer output for nowhere" in capsys.readouterr().err
