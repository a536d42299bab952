"""Run every compiled pattern in the package (not only the rule patterns the test suite checks)
over the adversarial 100 KB strings of tests/test_hostile.py and list the slow ones.

    /work/venv/bin/python fuzz/sweep_patterns.py

A pattern listed here is quadratic on that input; whether page text can reach it in that shape
(most callers collapse whitespace first) is for the pattern's owner to judge.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

import regex

import newsclean
from newsclean.lazyre import LazyPattern

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_hostile import PATTERN_BOUND, _adversarial  # noqa: E402


def patterns() -> dict[int, tuple[str, regex.Pattern[str] | re.Pattern[str]]]:
    found: dict[int, tuple[str, regex.Pattern[str] | re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError as error:  # a module of an extra that is not installed (dask, warc)
            print(f"skipped {info.name}: {error}")
            continue
        for attr, value in vars(module).items():
            if isinstance(value, LazyPattern):  # compiled on first use (newsclean.lazyre.lazy)
                value = value.compiled()
            if isinstance(value, (regex.Pattern, re.Pattern)):
                found.setdefault(id(value), (f"{info.name}.{attr}", value))
            elif attr.endswith("_patterns") and callable(value) and hasattr(value, "cache_info"):
                # patterns compiled on first use (a cached builder with no arguments, e.g.
                # meta.dates._relative_patterns): build them and sweep them too
                try:
                    built = value()
                except TypeError:  # it takes arguments: not a lazy pattern builder
                    continue
                for k, item in enumerate(built if isinstance(built, tuple) else (built,)):
                    if isinstance(item, (regex.Pattern, re.Pattern)):
                        found.setdefault(id(item), (f"{info.name}.{attr}()[{k}]", item))
    return found


def main() -> None:
    found = patterns()
    print(f"{len(found)} patterns")
    for name, pattern in sorted(found.values(), key=lambda item: item[0]):
        source = pattern.pattern
        text_source = source if isinstance(source, str) else source.decode("latin-1")
        for text in _adversarial(text_source):
            subject = text if isinstance(source, str) else text.encode("utf-8")
            start = time.perf_counter()
            try:
                if isinstance(pattern, regex.Pattern):
                    for _ in pattern.finditer(subject, timeout=PATTERN_BOUND):
                        pass
                else:
                    for _ in pattern.finditer(subject):
                        pass
            except TimeoutError:
                print(f"SLOW {name}: over {PATTERN_BOUND} s on {text[:12]!r}…")
                break
            if time.perf_counter() - start > PATTERN_BOUND:
                print(f"SLOW {name}: {time.perf_counter() - start:.1f} s on {text[:12]!r}…")
                break


if __name__ == "__main__":
    main()
