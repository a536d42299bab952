"""Checks of bench/rule_losses.py's split by block length (run: pytest bench/test_rule_losses.py)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import rule_losses  # noqa: E402


def test_a_block_falls_in_the_bucket_of_the_largest_bound_it_reaches() -> None:
    assert [rule_losses.size_bucket(n) for n in (0, 1, 3, 4, 7, 8, 14, 15, 29, 30, 59, 60, 400)] == [
        0, 1, 1, 4, 4, 8, 8, 15, 15, 30, 30, 60, 60,
    ]


def test_the_size_table_gives_each_rule_and_length_the_truths_share() -> None:
    sizes: Counter[tuple[str, int, bool]] = Counter(
        {("subscribe-prompt", 15, True): 30, ("subscribe-prompt", 15, False): 10, ("link-list", 4, False): 8}
    )
    table = rule_losses._size_table(sizes).splitlines()
    assert table[2:] == ["| link-list | 4+ | 0 | 8 | 0.00 |", "| subscribe-prompt | 15+ | 30 | 10 | 0.75 |"]


def test_a_snippet_set_counts_lost_with_and_taken_without_snippets_by_block_length() -> None:
    story = " ".join(
        f"Paragraph {n} of the story tells the council's long budget debate in plain words." for n in range(6)
    )
    html = (
        "<html><body><nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>Sport</a></li>"
        "<li><a href='/c'>World</a></li></ul></nav><article><h1>Budget debate</h1>"
        + "".join(f"<p>{sentence}.</p>" for sentence in story.split(". "))
        + "</article></body></html>"
    ).encode()
    page = rule_losses.Page(
        id="p1", html=html, url=None, truth="", with_snippets=("Paragraph 0 of the story",),
        without_snippets=("Home Sport World", "Sport"),
    )
    dataset = rule_losses.Dataset(name="fake", path=Path("."), pages=(page,))
    sizes: Counter[tuple[str, int, bool]] = Counter()
    lost, total = rule_losses.snippet_set(dataset, [], sizes)
    assert (dict(lost), total) == ({}, 1)  # the story is kept: no with-snippet lost
    assert sum(count for (_, _, with_), count in sizes.items() if not with_) >= 1
    assert not any(with_ for (_, _, with_) in sizes)
