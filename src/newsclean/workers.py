"""The worker processes behind :func:`newsclean.batch.clean_all`: each fed over its own pipe,
so the parent knows which record a worker held when it died, replaced when it dies or hangs,
its record tried once more and then reported."""

from __future__ import annotations

import dataclasses
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from newsclean.api import clean
from newsclean.errors import NewscleanError, WorkerStartError
from newsclean.record import CleanFunction, Options, Record, Result, Stats

#: Records sent ahead to each worker: one it cleans and one waiting, so it never idles on the pipe.
IN_FLIGHT_PER_WORKER = 2
#: Results held for reordering, per worker: bounds memory when one page is slow.
REORDER_PER_WORKER = 32
#: Seconds one wait for results lasts at most (then it waits again): the system's wait takes no
#: more than about 24.8 days (2**31 ms; a longer one, ``--timeout 1e9``, is an OverflowError),
#: and waking once an hour to find nothing costs nothing.
LONGEST_WAIT = 3600.0
#: A small page every worker cleans once at start, so the first real page pays no warm-up.
_WARM_PAGE = (
    "<html><head><title>Warm up</title></head><body><h1>Warm up</h1><p>By A. Writer, May 5, 2024</p>"
    "<p>The council approved the budget on Tuesday after a long debate about the cost of the bridge.</p>"
    "<p>Share this article. Subscribe to our newsletter. Read more: other stories.</p></body></html>"
)



def _worker_main(conn: Connection, options: Options, function: CleanFunction) -> None:
    """A worker process: warm up once, then clean records until told to stop (``None``)."""
    # Ctrl-C reaches the whole process group: the parent alone handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        clean(_WARM_PAGE, config=options.config)
    except NewscleanError:
        pass
    conn.send((None, None))  # ready: the parent starts the timeout clock from here
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, record = message
        try:
            result = function(record, options)
        except Exception as error:  # noqa: BLE001 - a record must give a result whatever happens
            result = Result(record.id, record.source, record.url, error="internal",
                            reason=f"{type(error).__name__}: {error}")
        conn.send((seq, result))


@dataclass
class _Task:
    seq: int
    record: Record
    attempts: int = 0


@dataclass
class _Worker:
    process: Any
    conn: Connection
    tasks: deque[_Task] = field(default_factory=deque)
    ready: bool = False  # warmed up (until then its start-up does not count against the timeout)
    started: float = 0.0  # when the first task in ``tasks`` began


class Pool:
    """Worker processes each fed over its own pipe, so the parent knows which record each one
    holds when it dies."""

    def __init__(self, size: int, options: Options, function: CleanFunction, timeout: float | None,
                 stats: Stats) -> None:
        self.context = multiprocessing.get_context("spawn")  # no inherited threads or locks
        self.size, self.options, self.function = size, options, function
        self.timeout, self.stats = timeout, stats
        self.workers: list[_Worker] = []
        self.any_ready = False  # a worker has started: a later death is a record's, not the setup's

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child, self.options, self.function), daemon=True,
            name="newsclean-worker",
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def run(self, items: Iterator[Record], ordered: bool) -> Iterator[Result]:
        self.workers = [self._start() for _ in range(self.size)]
        try:
            yield from self._loop(items, ordered)
        finally:
            for worker in self.workers:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            for worker in self.workers:
                worker.process.join(timeout=5)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
                worker.conn.close()

    def _loop(self, items: Iterator[Record], ordered: bool) -> Iterator[Result]:
        retry: deque[_Task] = deque()
        done: dict[int, Result] = {}
        next_out = 0  # the next sequence number to yield (ordered)
        next_in = 0  # the next sequence number to read
        exhausted = False
        window = self.size * REORDER_PER_WORKER
        while True:
            # Feed every worker up to its share, retries first.
            for worker in self.workers:
                while len(worker.tasks) < IN_FLIGHT_PER_WORKER:
                    if retry:
                        task = retry.popleft()
                    elif exhausted or (ordered and next_in >= next_out + window):
                        break
                    else:
                        record = next(items, None)
                        if record is None:
                            exhausted = True
                            break
                        task = _Task(next_in, record)
                        next_in += 1
                        if record.problem is not None:  # nothing to clean: answer here
                            done[task.seq] = self.function(record, self.options)
                            continue
                    self._send(worker, task)
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                while done:
                    yield done.popitem()[1]
            busy = [w for w in self.workers if w.tasks]
            if not busy:
                if exhausted and not retry:
                    return
                continue
            self._collect(busy, done, retry)

    def _send(self, worker: _Worker, task: _Task) -> None:
        if not worker.tasks:  # an idle worker starts on it now
            worker.started = time.monotonic()
        worker.tasks.append(task)
        try:
            worker.conn.send((task.seq, task.record))
        except OSError:
            pass  # a dead worker: its sentinel reports it and the task is retried

    def _collect(self, busy: list[_Worker], done: dict[int, Result], retry: deque[_Task]) -> None:
        """Wait for results or deaths; take what arrived."""
        waits: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        remaining = None
        timed = [w for w in busy if w.ready]
        if self.timeout is not None and timed:
            now = time.monotonic()
            remaining = max(0.0, min(LONGEST_WAIT, *(w.started + self.timeout - now for w in timed)))
        ready = set(wait(waits, timeout=remaining))
        for worker in busy:
            if worker.conn in ready:
                try:
                    while worker.conn.poll():
                        seq, result = worker.conn.recv()
                        worker.started = time.monotonic()
                        if seq is None:
                            worker.ready = self.any_ready = True
                            continue
                        task = worker.tasks.popleft()
                        assert task.seq == seq, "a worker answers in order"
                        done[seq] = _with_attempts(result, task.attempts + 1)
                except (EOFError, OSError):
                    worker.process.join(timeout=5)
                    self._replace(worker, done, retry, "worker-died", _death(worker.process))
                    continue
            if worker.process.sentinel in ready and not worker.process.is_alive():
                self._replace(worker, done, retry, "worker-died", _death(worker.process))
            elif (self.timeout is not None and worker.ready and worker.tasks
                  and time.monotonic() - worker.started >= self.timeout):
                worker.process.kill()
                worker.process.join()
                self._replace(worker, done, retry, "timeout",
                              f"no result after {self.timeout:g} seconds; the worker was killed")

    def _replace(self, worker: _Worker, done: dict[int, Result], retry: deque[_Task], kind: str,
                 why: str) -> None:
        """Start a new worker in place of ``worker``; its first task (the one it was cleaning)
        is retried once, then reported; the tasks queued behind it are sent again as they were."""
        try:  # results it sent before it died still count
            while worker.tasks and worker.conn.poll():
                seq, result = worker.conn.recv()
                if seq is None:
                    worker.ready = self.any_ready = True
                    continue
                task = worker.tasks.popleft()
                done[seq] = _with_attempts(result, task.attempts + 1)
        except (EOFError, OSError):
            pass
        worker.conn.close()
        worker.process.join(timeout=5)
        if not worker.ready and not self.any_ready:  # no worker could ever start: no record's fault
            raise WorkerStartError(
                f"the worker processes could not start ({why} before it was ready; its own error, "
                "if any, is above on stderr). A script that calls clean_all with worker processes "
                "must do so under `if __name__ == \"__main__\":`, as each worker imports the script again")
        self.stats.restarts += 1
        tasks = list(worker.tasks)
        if tasks:
            first = tasks[0]
            first.attempts += 1
            if first.attempts > 1:
                record = first.record
                done[first.seq] = Result(record.id, record.source, record.url, error=kind,
                                         reason=f"{why}, twice", attempts=first.attempts)
                tasks = tasks[1:]
            else:
                self.stats.retried += 1
        retry.extend(tasks)
        new = self._start()
        index = self.workers.index(worker)
        self.workers[index] = new


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        return f"the worker process died (signal {-code})"
    return f"the worker process exited (status {code})"


def _with_attempts(result: Result, attempts: int) -> Result:
    if attempts == 1:
        return result
    return dataclasses.replace(result, attempts=attempts)


