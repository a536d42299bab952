"""Where newsclean's time goes: per-stage CPU time of ``clean()``, measured from outside.

The stages are the functions ``newsclean.api`` calls on its one way through (decode, parse,
blocks, each rule of the pipeline, the region step, metadata, assemble).  They are wrapped with a timer at run
time, without touching the package: a stage whose function is not found (the code moved) is
reported as missing rather than guessed, and the time no wrapper saw is "other".

Each rule's ``apply`` is run to completion inside its timer (its marks are materialised), so
a rule that returns a generator is charged for its own work, not the runner that consumes it.
The wrappers cost a few microseconds per call; with ~20 rules that is well under 1 % of a page.
"""

from __future__ import annotations

import dataclasses
import importlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: (stage label, module, attribute): the functions api.clean() calls, in the order it calls them.
#: Where api imported a function by name, the name inside ``newsclean.api`` is the one to patch.
STAGE_TARGETS: tuple[tuple[str, str, str], ...] = (
    ("decode", "newsclean.api", "_read"),
    ("parse", "newsclean.api", "parse_page"),
    ("metadata", "newsclean.meta.html", "extract_html_metadata"),
    ("blocks", "newsclean.blocks.html", "build_blocks"),
    ("languages", "newsclean.api", "guess_languages"),
    ("assemble", "newsclean.api", "_assemble"),
)

#: Where the ordered pipeline is read from by ``clean()`` (``Config.pipeline()`` reads it there).
PIPELINE_HOLDERS: tuple[str, ...] = ("newsclean.rules",)


def _replaced(step: Any, **changes: Any) -> Any:
    """A copy of a pipeline step with some fields changed: a ``Rule`` is a dataclass, the region
    step a slotted value class (``newsclean.values``) whose fields are its ``__slots__``."""
    if dataclasses.is_dataclass(step):
        return dataclasses.replace(step, **changes)
    fields = {name: getattr(step, name) for name in type(step).__slots__}
    return type(step)(**(fields | changes))


class StageClock:
    """Accumulates CPU seconds per stage label while installed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.missing: list[str] = []
        self._depth = 0  # nested stages (assemble calls the guard) are charged to the outer one

    def wrap(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return func(*args, **kwargs)
            self._depth += 1
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - start
                self._depth -= 1

        return timed

    def wrap_rule(self, rule: Any) -> Any:
        if not hasattr(rule, "apply"):  # the region step: its locate() is timed as the region
            locate = rule.locate
            region_label = f"region:{rule.name}"

            def timed_locate(ctx: Any) -> Any:
                start = time.process_time()
                try:
                    return locate(ctx)
                finally:
                    self.seconds[region_label] += time.process_time() - start

            return _replaced(rule, locate=timed_locate)
        apply = rule.apply
        label = f"rule:{rule.name}"

        def timed_apply(ctx: Any) -> list[Any]:
            start = time.process_time()
            try:
                return list(apply(ctx))
            finally:
                self.seconds[label] += time.process_time() - start

        return _replaced(rule, apply=timed_apply)


@contextmanager
def installed(clock: StageClock) -> Iterator[StageClock]:
    """Wrap the stage functions and the pipeline's rules for the duration of the block."""
    saved: list[tuple[Any, str, Any]] = []
    for label, module_name, attr in STAGE_TARGETS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            clock.missing.append(f"{label} ({module_name})")
            continue
        func = getattr(module, attr, None)
        if func is None:
            clock.missing.append(f"{label} ({module_name}.{attr})")
            continue
        saved.append((module, attr, func))
        setattr(module, attr, clock.wrap(label, func))
    for holder_name in PIPELINE_HOLDERS:
        holder = importlib.import_module(holder_name)
        pipeline = getattr(holder, "PIPELINE", None)
        if pipeline is None:
            clock.missing.append(f"rules ({holder_name}.PIPELINE)")
            continue
        saved.append((holder, "PIPELINE", pipeline))
        holder.PIPELINE = tuple(clock.wrap_rule(rule) for rule in pipeline)
    try:
        yield clock
    finally:
        for module, attr, func in reversed(saved):
            setattr(module, attr, func)


def breakdown(pages: list[tuple[bytes, str | None]], repeat: int = 1) -> dict[str, Any]:
    """ms/page per stage over ``pages`` (best of ``repeat`` passes, stage by stage totals)."""
    import newsclean

    for raw, url in pages[:10]:  # warm caches and lazy compiles outside the measurement
        newsclean.clean(raw, url=url)
    best: dict[str, float] = {}
    best_total = float("inf")
    missing: list[str] = []
    for _ in range(max(1, repeat)):
        clock = StageClock()
        with installed(clock):
            start = time.process_time()
            for raw, url in pages:
                newsclean.clean(raw, url=url)
            total = time.process_time() - start
        missing = clock.missing
        if total < best_total:
            best_total = total
            best = dict(clock.seconds)
    n = max(1, len(pages))
    stages = {label: seconds * 1000 / n for label, seconds in best.items()}
    stages["other"] = max(0.0, best_total * 1000 / n - sum(stages.values()))
    return {"pages": len(pages), "total_ms": best_total * 1000 / n, "stages": stages, "missing": missing}
