"""Run a tool over a dataset's pages: timing, error capture, caching, parallelism.

Peer results are deterministic, so they are cached in ``bench/.cache/`` keyed by
dataset, tool, tool version, page id and a hash of the page bytes: reruns
while tuning newsclean take seconds.  newsclean itself is never cached.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType
from typing import NoReturn

from datasets import Dataset, Page
from tools import TOOLS_BY_KEY, Tool, version

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
DEFAULT_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class PageRun:
    """What one tool produced for one page."""

    text: str
    ms: float
    error: str | None = None
    cached: bool = False


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _no_network(*args: object, **kwargs: object) -> NoReturn:
    raise OSError("network access is disabled in the benchmark harness")


def quiet_peers() -> None:
    """Silence the peers' per-page logging and cut them off from the network.

    Peers log and warn per page (e.g. newspaper4k's date notes), which would
    bury the tables.  Some also reach out while parsing (newspaper4k fetches
    images unless told not to, tldextract fetches the suffix list): a benchmark
    must not depend on the network, so any attempt fails at once and shows up
    as an error on that page instead of a stall.
    """
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.getaddrinfo = _no_network
    socket.create_connection = _no_network


def run_page(tool: Tool, page: Page, text: str, timeout_s: float) -> PageRun:
    """Call the tool once on a page, timed; errors and timeouts become a record."""
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout_s)
    start = time.perf_counter()
    try:
        output = tool.extract(text, page.html, page.url)
        ms = (time.perf_counter() - start) * 1000
        return PageRun(text=output, ms=ms)
    except _Timeout:
        return PageRun(text="", ms=timeout_s * 1000, error=f"timeout after {timeout_s:.0f}s")
    except Exception as exc:  # a peer failing on one page must not stop the run
        ms = (time.perf_counter() - start) * 1000
        return PageRun(text="", ms=ms, error=f"{type(exc).__name__}: {exc}"[:300])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


# Worker state for the fork pool: the pages are inherited, not pickled per task.
_WORKER_PAGES: Sequence[Page] = ()


def _work(args: tuple[str, int, float]) -> tuple[int, PageRun]:
    key, index, timeout_s = args
    page = _WORKER_PAGES[index]
    return index, run_page(TOOLS_BY_KEY[key], page, page.text(), timeout_s)


def _cache_file(dataset: Dataset, tool: Tool) -> Path:
    return CACHE_DIR / dataset.name / f"{tool.key}@{version(tool)}.json"


def _load_cache(path: Path) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_cache(path: Path, entries: dict[str, dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def run_tool(
    tool: Tool,
    dataset: Dataset,
    *,
    jobs: int = 1,
    use_cache: bool = True,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    pages: Sequence[Page] | None = None,
) -> list[PageRun]:
    """Results of ``tool`` on every page, in page order (from cache where possible)."""
    global _WORKER_PAGES
    pages = dataset.pages if pages is None else pages
    caching = use_cache and tool.cacheable
    cache_path = _cache_file(dataset, tool)
    cached = _load_cache(cache_path) if caching else {}
    results: list[PageRun | None] = [None] * len(pages)
    todo = []
    for i, page in enumerate(pages):
        entry = cached.get(page.id)
        if entry and entry.get("digest") == page.digest:
            results[i] = PageRun(
                text=str(entry["text"]),
                ms=float(entry["ms"]),  # type: ignore[arg-type]
                error=entry.get("error"),  # type: ignore[arg-type]
                cached=True,
            )
        else:
            todo.append(i)
    if todo:
        print(
            f"  {tool.key}: running {len(todo)} pages ({len(pages) - len(todo)} cached)",
            file=sys.stderr,
            flush=True,
        )
    if todo and jobs > 1:
        _WORKER_PAGES = pages
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs, initializer=quiet_peers) as pool:
            tasks = [(tool.key, i, timeout_s) for i in todo]
            for i, run in pool.imap_unordered(_work, tasks, chunksize=1):
                results[i] = run
        _WORKER_PAGES = ()
    else:
        for i in todo:
            results[i] = run_page(tool, pages[i], pages[i].text(), timeout_s)
    final = [r for r in results if r is not None]
    if caching and todo:
        for i in todo:
            run = final[i]
            entry = asdict(run) | {"digest": pages[i].digest}
            entry.pop("cached")
            cached[pages[i].id] = entry
        _save_cache(cache_path, cached)
    return final
