"""Checks of bench/peer_losses.py's charging and causes (run: pytest bench/test_peer_losses.py)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

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
