"""Time clean() on hostile inputs at size n and 4n; the table goes in docs/robustness.md.

    /work/venv/bin/python fuzz/measure_scaling.py

Linear time shows as a ratio near 4 (a bit less when fixed costs matter, more when the
machine is busy); quadratic as a ratio near 16.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "hostile"))

import generate  # noqa: E402

import newsclean  # noqa: E402
from newsclean.decode import decode  # noqa: E402
from newsclean.sniff import detect_format  # noqa: E402

ART = generate.ARTICLE


def _page(body: str) -> bytes:
    return f"<html><body>{body}</body></html>".encode()


CASES: dict[str, tuple[Callable[[int], bytes | str], int]] = {
    "nested <div> (count)": (lambda n: _page("<div>" * n + ART[0] + "</div>" * n), 25_000),
    "<br> (count)": (lambda n: _page("<p>" + ART[0] + "<br>" * n + ART[1] + "</p>"), 45_000),
    "single-line text (bytes)": (
        lambda n: (" ".join(ART) + " ") * (n // 500),
        250_000,
    ),
    "links (count)": (
        lambda n: _page("".join(f'<a href="/s/{i}">Story {i}</a> ' for i in range(n))),
        5_000,
    ),
    "attributes on one element (count)": (
        lambda n: _page("<p " + " ".join(f'a{i}="{i}"' for i in range(n)) + ">x</p>"),
        5_000,
    ),
    "article paragraphs (bytes)": (
        lambda n: generate.page_50mb(n, text_bytes=n).data,
        250_000,
    ),
    "page mostly inline JSON (bytes)": (lambda n: generate.page_50mb(n).data, 12_500_000),
    "comments between words (count)": (
        lambda n: _page("<p>" + "".join(f"word{i}<!-- c -->" for i in range(n)) + "</p>"),
        25_000,
    ),
}
STAGES: dict[str, tuple[Callable[[int], object], int]] = {
    "decode: undeclared windows-1251 (bytes)": (
        lambda n: decode((generate._lang("ru") * (n // 1000 + 1)).encode("cp1251")[:n] + b"\xe0"),
        1_000_000,
    ),
    "decode: invalid UTF-8 (bytes)": (
        lambda n: decode(("é" * (n // 2)).encode() + b"\xff"),
        4_000_000,
    ),
    "sniff: '<p ' repeated (chars)": (lambda n: detect_format("<p " * (n // 3)), 4_000_000),
}


def timed(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    print("| input | n | time at n (s) | time at 4n (s) | ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, (build, n) in CASES.items():
        small, large = build(n), build(4 * n)
        t1 = timed(lambda s=small: newsclean.clean(s))
        t4 = timed(lambda s=large: newsclean.clean(s))
        print(f"| {name} | {n:,} | {t1:.3f} | {t4:.3f} | {t4 / t1:.1f} |", flush=True)
    for name, (run, n) in STAGES.items():
        t1 = timed(lambda n=n, run=run: run(n))
        t4 = timed(lambda n=n, run=run: run(4 * n))
        print(f"| {name} | {n:,} | {t1:.3f} | {t4:.3f} | {t4 / t1:.1f} |", flush=True)


if __name__ == "__main__":
    main()
