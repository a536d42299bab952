"""Checks of bench/sweep.py and the --set override it drives (run: pytest bench/test_sweep.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

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


def test_text_mode_runs_the_text_bench_with_its_converter() -> None:
    assert sweep.bench_command(None)[1].endswith("accuracy.py")
    command = sweep.bench_command("inscriptis")
    assert command[1].endswith("text_accuracy.py") and command[2:] == ["--converter", "inscriptis"]
    assert set(sweep.CONSTANTS) & set(sweep.TEXT_CONSTANTS)  # the line features serve both


def test_every_listed_constant_is_a_number_read_from_its_module() -> None:
    names = list(sweep.CONSTANTS) + list(sweep.TEXT_CONSTANTS)
    assert len(set(sweep.CONSTANTS)) == len(sweep.CONSTANTS)
    assert len(set(sweep.TEXT_CONSTANTS)) == len(sweep.TEXT_CONSTANTS)
    for name in names:
        overrides.numeric_constant(name)  # raises SystemExit on anything else


def test_screen_splits_a_group_down_to_the_constant_that_moves_a_page(monkeypatch: Any) -> None:
    import sweep_screen

    base = {(0, 0): "a", (0, 1): "b", (1, 0): "c"}
    moves = {"m.A": {(0, 1)}, "m.C": {(0, 1), (1, 0)}}  # which pages each constant changes
    calls: list[tuple[list[str], list[Any]]] = []

    def fake_clean(settings: list[str], keys: list[Any]) -> dict[Any, str]:
        calls.append((settings, keys))
        names = {s.partition("=")[0] for s in settings}
        return {k: base[k] + ("!" if any(k in moves.get(n, ()) for n in names) else "") for k in keys}

    monkeypatch.setattr(sweep_screen, "clean", fake_clean)
    monkeypatch.setattr(overrides, "numeric_constant", lambda name: (None, name, 10))
    found = sweep_screen.screen(["m.A", "m.B", "m.C", "m.D"], 1.1, base, lambda line: None)
    assert {n: sorted(pages) for n, pages in found.items()} == {
        "m.A": [(0, 1)], "m.B": [], "m.C": [(0, 1), (1, 0)], "m.D": [],
    }
    assert calls[0][1] == list(base)  # the whole group on every page first ...
    assert all(len(keys) <= 2 for _, keys in calls[1:])  # ... then only on the pages it changed
