"""How newsclean's time grows with the size of its input, and what a first call costs.

Inputs (all built here, nothing fetched):

- ``page xN``: one real page whose ``<body>`` is repeated until the page is 1, 5, 10 and 50 MB
  (the article, its menus and its footers many times over: every stage sees more of everything);
- ``<br> xN``: a paragraph of text broken by 1,000 to 45,000 ``<br>`` (one long flat block);
- ``text lines``: plain text of 10,000 to 100,000 lines, cleaned as text input;
- ``text pieces``: the same number of lines as a scraper that breaks at every tag writes them
  (``" word"``, all one paragraph to rejoin: the join must not grow with the line it builds);
- ``text threads``: the same number of lines as many short reader threads apart from each other
  (three "Posted by … at <time>" lines with a comment under each, then a run of links): every
  chain is weighed against the prose above it, which must not be summed again for each chain;
- ``text posts``: the same number of lines as a blog's dated posts (a paragraph, "By …", a date,
  over and over): the region's start is moved past each credit in turn, which must not rescan
  the rest of the page each time;
- ``text counts``: the same number of lines as a listing's teasers, each with its "N comments"
  counter, the counters printed again further down: a count's last copy is found once a page;
- ``quotes``: an HTML post of 300 to 3,000 paragraphs, each quoted again in a ``<blockquote>``
  inside the same post: a quote is not looked up again at every place the post repeats it.

For each family the growth exponent is the slope of log(time) against log(size) by least
squares: 1.0 is linear, 2.0 quadratic.  Linear work with a fixed start-up cost gives slightly
under 1.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import textwrap
import time
from typing import Any

MB = 1_000_000
PAGE_SIZES_MB = (1, 5, 10, 50)
BR_COUNTS = (1_000, 5_000, 15_000, 45_000)
TEXT_LINES = (10_000, 30_000, 100_000)
QUOTE_PARAGRAPHS = (300, 1_000, 3_000)

_BODY = re.compile(rb"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)


def grown_page(page: bytes, size: int) -> bytes:
    """``page`` with its body repeated until the whole is at least ``size`` bytes."""
    match = _BODY.search(page)
    body = match.group(1) if match else page
    head = page[: match.start(1)] if match else b"<html><body>"
    tail = page[match.end(1) :] if match else b"</body></html>"
    copies = max(1, math.ceil((size - len(head) - len(tail)) / max(1, len(body))))
    return head + body * copies + tail


def br_page(count: int) -> bytes:
    line = "Officials said the vote would be held on Tuesday after a long debate.<br>"
    return f"<html><body><article><p>{line * count}</p></article></body></html>".encode()


def text_input(lines: int) -> str:
    rows = (
        "Officials said the vote would be held on Tuesday after a long debate in the chamber.",
        "Share this article",
        "The minister, who spoke to reporters outside, declined to say how she would vote.",
        "Read more: Markets fall as rates rise",
    )
    return "\n".join(rows[i % len(rows)] for i in range(lines))


def thread_input(lines: int) -> str:
    out: list[str] = []
    group = 0
    while len(out) < lines:
        for k in range(3):
            day = 1 + (group + k) % 28
            out.append(f"Posted by: Reader {group}-{k} at September {day}, 2012 11:{k:02d} AM")
            out.append(f"Thank you for this piece, comment {group}-{k}: it was a careful and useful read.")
        out += [f"Link {group} {j}" for j in range(32)]
        group += 1
    return "\n".join(out[:lines])


def posts_input(lines: int) -> str:
    out: list[str] = []
    k = 0
    while len(out) < lines:
        out += [
            f"The council voted on the budget for the parks and libraries on night {k}, officials said.",
            "By Jane Doe",
            f"May {1 + k % 28}, 2024",
        ]
        k += 1
    return "\n".join(out[:lines])


def counts_input(lines: int) -> str:
    teasers = lines // 4
    out: list[str] = []
    for part in ("Teaser headline", "Another entry"):
        for k in range(teasers):
            out += [f"{part} number {k} about the council's vote", f"{k} comments"]
    return "\n".join(out)


def quotes_page(paragraphs: int) -> str:
    line = "This sentence repeats itself in the same long post again and again."
    body = "".join(f"<p>{line}</p><blockquote><p>{line}</p></blockquote>" for _ in range(paragraphs))
    return f"<html><body><article><div class='post'>{body}</div></article></body></html>"


def _time_once(func: Any, *args: Any, **kwargs: Any) -> float:
    start = time.process_time()
    func(*args, **kwargs)
    return time.process_time() - start


def growth_exponent(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(size) for size, seconds in points if seconds > 0]
    ys = [math.log(seconds) for size, seconds in points if seconds > 0]
    if len(xs) < 2:
        return float("nan")
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    return (
        sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var if var else float("nan")
    )


def measure_scaling(page: bytes, max_mb: int = 50) -> dict[str, Any]:
    """Seconds per input for each family, and each family's growth exponent."""
    import newsclean
    from newsclean import Config

    config = Config(max_input_bytes=max(Config().max_input_bytes, (max_mb + 1) * MB))
    newsclean.clean(page, config=config)  # warm
    families: dict[str, list[tuple[float, float]]] = {
        name: [] for name in ("page", "br", "text", "pieces", "threads", "posts", "counts", "quotes")
    }
    for size_mb in (s for s in PAGE_SIZES_MB if s <= max_mb):
        data = grown_page(page, size_mb * MB)
        families["page"].append((len(data), _time_once(newsclean.clean, data, config=config)))
    for count in BR_COUNTS:
        data = br_page(count)
        families["br"].append((len(data), _time_once(newsclean.clean, data, config=config)))
    for lines in TEXT_LINES:
        text = text_input(lines)
        families["text"].append(
            (len(text.encode()), _time_once(newsclean.clean, text, input_format="text", config=config))
        )
        pieces = "\n".join([" word"] * lines)
        families["pieces"].append(
            (len(pieces.encode()), _time_once(newsclean.clean, pieces, input_format="text", config=config))
        )
        threads = thread_input(lines)
        families["threads"].append(
            (len(threads.encode()), _time_once(newsclean.clean, threads, input_format="text", config=config))
        )
        for family, build in (("posts", posts_input), ("counts", counts_input)):
            text = build(lines)
            families[family].append(
                (len(text.encode()), _time_once(newsclean.clean, text, input_format="text", config=config))
            )
    for paragraphs in QUOTE_PARAGRAPHS:
        data = quotes_page(paragraphs).encode()
        families["quotes"].append((len(data), _time_once(newsclean.clean, data, config=config)))
    return {
        name: {"points": points, "exponent": growth_exponent(points)} for name, points in families.items()
    }


_FIRST_CALL = textwrap.dedent(
    """
    import sys, time
    clock = time.process_time if sys.argv[2] == "cpu" else time.perf_counter
    raw = open(sys.argv[1], "rb").read()
    start = clock()
    import newsclean
    imported = clock()
    newsclean.clean(raw)
    first = clock()
    warm = []
    for _ in range(5):
        t = clock(); newsclean.clean(raw); warm.append(clock() - t)
    print(imported - start, first - imported, min(warm))
    """
)


def first_call_cost(page_path: str, runs: int = 5, cpu: bool = False) -> dict[str, float]:
    """Import + first clean() in a fresh interpreter, against a warm clean() of the same page.

    Wall time by default (a fresh process is what a one-page CLI call pays), the process's CPU
    time with ``cpu``; the best of ``runs`` fresh processes, since a loaded machine only ever
    adds time. The modules' bytecode is cached first (in a scratch directory), as an installed
    package has it: with ``PYTHONDONTWRITEBYTECODE`` set every fresh process would compile the
    package's source again and the first call would be charged for that.

    Twice, runs alternated: with the compiled patterns that run left in a scratch cache folder
    (``newsclean.patterncache``: what every process after a machine's first pays), and with an
    empty cache folder for every process (the first process on a fresh machine, which compiles
    the patterns and writes them); the ``cold_`` keys are the second.
    """
    import os
    import tempfile

    best: dict[str, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        unset = ("PYTHONDONTWRITEBYTECODE", "NEWSCLEAN_NO_CACHE")
        env = {k: v for k, v in os.environ.items() if k not in unset}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(scratch, "bytecode")
        env["NEWSCLEAN_CACHE_DIR"] = os.path.join(scratch, "patterns")
        command = [sys.executable, "-c", _FIRST_CALL, page_path, "cpu" if cpu else "wall"]
        subprocess.run(command, capture_output=True, check=True, env=env)  # bytecode and patterns
        for run in range(runs):
            cold = {**env, "NEWSCLEAN_CACHE_DIR": os.path.join(scratch, f"empty-{run}")}
            for name, environment in (("warm", env), ("cold", cold)):
                out = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
                sample = tuple(float(x) for x in out.stdout.split())
                if name not in best or sample[0] + sample[1] < best[name][0] + best[name][1]:
                    best[name] = (sample[0], sample[1], sample[2])
    result: dict[str, float] = {}
    for name, prefix in (("warm", ""), ("cold", "cold_")):
        import_s, first_s, warm_s = best[name]
        result[f"{prefix}import_ms"] = import_s * 1000
        result[f"{prefix}first_clean_ms"] = first_s * 1000
        result[f"{prefix}warm_clean_ms"] = warm_s * 1000
        result[f"{prefix}first_call_extra_ms"] = (import_s + first_s - warm_s) * 1000
    return result
