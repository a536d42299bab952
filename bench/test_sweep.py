"""Checks of bench/sweep.py and the --set override it drives (run: pytest bench/test_sweep.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import overrides  # noqa: E402
import sweep  # noqa: E402


def test_an_integer_moves_by_at_least_one() -> None:
    assert (sweep.moved(3, 0.9), sweep.moved(3, 1.1)) == (2, 4)
    assert (sweep.moved(500, 0.9), sweep.moved(500, 1.1)) == (450, 550)
    assert (sweep.moved(60, 1.1), sweep.moved(10, 1.1), sweep.moved(25, 0.9)) == (66, 11, 22)
    assert sweep.moved(0.75, 1.1) == 0.825


def test_rows_are_the_set_level_figures(tmp_path: Path) -> None:
    summaries = [
        {"dataset": "a", "figures": {"newsclean": {"all": {"f1": 0.9}}}},
        {"dataset": "b", "figures": {"newsclean": {"all": {"f1": 0.8}, "types": {"article": {"f1": 0.95}}}}},
        {"dataset": "c", "figures": {"newsclean": {"snippets": {"f1": 0.7}}}},
    ]
    path = tmp_path / "run.json"
    path.write_text(json.dumps(summaries), encoding="utf-8")
    assert sweep._rows(path) == {"a": 0.9, "b": 0.8, "b articles": 0.95, "c snippets": 0.7}
    assert sweep.largest_move({"a": 0.9, "b": 0.8}, {"a": 0.9, "b": 0.81}) == (0.010000000000000009, "b")


def test_set_changes_every_module_that_imported_the_constant() -> None:
    from newsclean.rules import features

    module = type(sys)("newsclean._sweep_probe")
    module.PROSE_MIN_WORDS = features.PROSE_MIN_WORDS  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    before = features.PROSE_MIN_WORDS
    try:
        overrides.set_constant(f"newsclean.rules.features.PROSE_MIN_WORDS={before + 5}")
        assert features.PROSE_MIN_WORDS == before + 5
        assert module.PROSE_MIN_WORDS == before + 5  # type: ignore[attr-defined]
    finally:
        features.PROSE_MIN_WORDS = before
        del sys.modules[module.__name__]
