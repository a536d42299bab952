"""Batch throughput: the ScrapingHub pages packed as WARC, cleaned with -j 1, -j 2 and on a local
Dask cluster; WARC reading speed of FastWARC and warcio; memory over a long run.

    python bench/batch_speed.py ../shared/bench/scrapinghub [--repeat 5] [--rss 10000]

Needs the warc and dask extras, and warcio for the reader comparison (pip install warcio).
``--repeat`` packs the pages that many times (more pages, less weight on the workers' start).
``--rss N`` runs ``newsclean batch`` over a WARC of N pages (the pages repeated) with -j 2 and
samples the resident memory of the command and its workers every two seconds.
Run it on a quiet machine: the figures are wall-clock.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import warcfile  # noqa: E402


def pages(folder: Path) -> list[tuple[str, bytes]]:
    out = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        out.append((f"https://bench.example/{path.name[:-8]}", gzip.decompress(path.read_bytes())))
    return out


def build_warc(path: Path, items: list[tuple[str, bytes]], repeat: int) -> int:
    """Pack ``items`` ``repeat`` times; HTML without a charset in the header (as many sites)."""
    with open(path, "wb") as out:
        warcfile.write(out, [warcfile.warcinfo()])
        for round_ in range(repeat):
            warcfile.write(out, [
                warcfile.response(f"{uri}?r={round_}", body, content_type="text/html") for uri, body in items
            ])
    return len(items) * repeat


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            record.http_headers.get("Content-Type")
            count += len(record.reader.read()) > 0
    return count


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "response":
                continue
            record.http_headers.get_header("Content-Type")
            count += len(record.content_stream().read()) > 0
    return count


def best_of(runs: int, function, *args) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    times, result = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
    return min(times), result


def clean_with(paths: list[Path], processes: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the workers (joined at the end, so counted) and documents."""
    from newsclean.batch import clean_all, records

    before = os.times()
    start = time.perf_counter()
    count = sum(1 for result in clean_all(records(paths), processes=processes) if result.document is not None)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.perf_counter() - start, cpu, count


def clean_with_dask(paths: list[Path], out: Path) -> tuple[float, float, int]:
    from distributed import Client, LocalCluster

    import newsclean.dask as ndask

    start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            ready = time.perf_counter()
            written = ndask.write_jsonl([str(p) for p in paths], str(out))
            done = time.perf_counter()
    rows = sum(len(Path(p).read_text("utf-8").splitlines()) for p in written)
    return done - start, done - ready, rows


def rss_run(warc: Path, pages_count: int) -> None:
    """``newsclean batch`` over ``warc`` with -j 2; resident memory of it and its workers."""
    command = [sys.executable, "-m", "newsclean", "batch", str(warc), "-j", "2", "-o", os.devnull]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[float, int, int]] = []
    start = time.perf_counter()
    while proc.poll() is None:
        samples.append((time.perf_counter() - start, *_tree_rss(proc.pid)))
        time.sleep(2)
    summary = proc.stderr.read().strip() if proc.stderr else ""
    elapsed = time.perf_counter() - start
    print(f"rss run: {pages_count} pages in {elapsed:.0f} s ({pages_count / elapsed:.1f} pages/s); {summary}")
    print("  seconds  parent MB  workers MB (sum)")
    step = max(1, len(samples) // 12)
    for t, parent, workers in samples[::step]:
        print(f"  {t:7.0f}  {parent / 1024:9.1f}  {workers / 1024:10.1f}")
    print(f"  max      {max(s[1] for s in samples) / 1024:9.1f}  {max(s[2] for s in samples) / 1024:10.1f}")


def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident KB of ``pid`` and of all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))

    def rss(p: int) -> int:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    stack, total = list(children.get(pid, [])), 0
    while stack:
        child = stack.pop()
        total += rss(child)
        stack.extend(children.get(child, []))
    return rss(pid), total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path, help="the scrapinghub benchmark folder")
    parser.add_argument("--repeat", type=int, default=5, help="pack the pages this many times (default 5)")
    parser.add_argument("--rss", type=int, default=0, metavar="N", help="also the memory run over N pages")
    parser.add_argument("--skip-speed", action="store_true", help="only the memory run")
    args = parser.parse_args()
    items = pages(args.folder)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_speed:
            warc = work / "scrapinghub.warc.gz"
            count = build_warc(warc, items, args.repeat)
            print(f"WARC: {count} pages, {warc.stat().st_size / 1e6:.1f} MB gzipped")
            # the two readers in turns, best of 5 each
            fast, n_fast = best_of(5, read_fastwarc, warc)
            slow, n_slow = best_of(5, read_warcio, warc)
            assert n_fast == n_slow == count, (n_fast, n_slow, count)
            print(f"read: FastWARC {count / fast:,.0f} records/s, warcio {count / slow:,.0f} records/s "
                  f"(FastWARC {slow / fast:.1f}x)")
            for processes in (1, 2):
                elapsed, cpu, docs = clean_with([warc], processes)
                print(f"newsclean batch -j {processes}: {docs} documents in {elapsed:.1f} s = "
                      f"{docs / elapsed:.1f} pages/s (worker start included); workers' CPU {cpu:.1f} s = "
                      f"{docs / cpu:.1f} pages per CPU second")
            parts = []
            for index in range(4):  # Dask runs one task per file: four files for two workers
                part = work / f"part-{index}.warc.gz"
                chunk = items[index::4]
                build_warc(part, chunk, args.repeat)
                parts.append(part)
            total, working, rows = clean_with_dask(parts, work / "dask-out")
            print(f"dask LocalCluster (2 worker processes, 4 WARC files): {rows} rows in {working:.1f} s = "
                  f"{rows / working:.1f} pages/s ({total:.1f} s with the cluster's start)")
        if args.rss:
            big = work / "rss.warc.gz"
            count = build_warc(big, items, -(-args.rss // len(items)))
            rss_run(big, count)


if __name__ == "__main__":
    main()
