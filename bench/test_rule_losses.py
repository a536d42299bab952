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
