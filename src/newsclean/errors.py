"""The library's own errors: a small hierarchy, each message something a user can act on.

"No article found" is not an error: it is an empty :class:`~newsclean.Document` with a reason
in ``warnings``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class ConfigError(NewscleanError, ValueError):
    """The configuration is wrong (an unknown rule name, a value out of range)."""


class InputError(NewscleanError, ValueError):
    """The input cannot be read as a web page or as text (binary, wrong type, undecodable)."""


class InputTooLargeError(InputError):
    """The input is larger than ``Config.max_input_bytes``."""


class InternalError(NewscleanError, RuntimeError):
    """An unexpected failure inside :func:`newsclean.clean` on one page: a bug, or a resource
    running out (memory). ``stage`` names the step it happened in (``decode``, ``sniff``,
    ``parse``, ``blocks``, ``rules``, ``metadata``, ``document`` or ``clean``); the original
    exception is ``__cause__``. Other pages are not affected: catch it per page.
    """

    def __init__(self, stage: str, detail: str) -> None:
        super().__init__(stage, detail)
        self.stage = stage
        self.detail = detail

    def __str__(self) -> str:
        return f"internal error in the {self.stage} stage: {self.detail} (please report it with the page)"


class RuleError(NewscleanError, RuntimeError):
    """A rule of ``Config.extra_rules`` (the caller's own code, not newsclean's) failed on one
    page: it raised, or gave something that is not a :class:`~newsclean.rules.Mark` of one of
    the page's blocks. ``rule`` names it; what it raised is ``__cause__``."""

    def __init__(self, rule: str, detail: str) -> None:
        super().__init__(rule, detail)
        self.rule = rule
        self.detail = detail

    def __str__(self) -> str:
        return f"the rule {self.rule!r} from Config.extra_rules failed on this page: {self.detail}"


class WorkerStartError(NewscleanError, RuntimeError):
    """The worker processes of :func:`newsclean.batch.clean_all` could not start: the first
    one ended before it was ready, so no record could be cleaned. The commonest cause is a
    script that calls ``clean_all`` with worker processes at its top level: each worker imports
    the script again (Python's ``spawn``), so the call belongs under
    ``if __name__ == "__main__":``."""


#: The stage of :func:`newsclean.clean` each module belongs to, by its name under ``newsclean.``;
#: the longest prefix wins.
_STAGES = (
    ("decode", "decode"),
    ("charsets", "decode"),
    ("detect", "decode"),
    ("sniff", "sniff"),
    ("blocks.parse", "parse"),
    ("blocks", "blocks"),
    ("rules", "rules"),
    ("phrases", "rules"),
    ("meta", "metadata"),
    ("document", "document"),
    ("markdown", "document"),
)


def stage_of(error: BaseException) -> str:
    """The stage whose code was running when ``error`` was raised: the innermost frame of the
    traceback that belongs to newsclean (a failure inside lxml counts for the module that
    called it)."""
    stage = "clean"
    tb = error.__traceback__
    while tb is not None:
        module = str(tb.tb_frame.f_globals.get("__name__", ""))
        if module.startswith("newsclean."):
            name = module[len("newsclean."):]
            stage = next(
                (s for prefix, s in _STAGES if name == prefix or name.startswith(prefix + ".")), "clean"
            )
        tb = tb.tb_next
    return stage


def internal_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate the library's entry point: any exception that is not a :class:`NewscleanError`
    becomes an :class:`InternalError` naming the stage, never a bare traceback."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except NewscleanError:
            raise
        except Exception as error:  # noqa: BLE001 - the whole point: one typed error per page
            if isinstance(error, TypeError) and _raised_by_the_call(error):
                raise  # the call itself was wrong (a second positional argument): Python's own error
            raise InternalError(stage_of(error), f"{type(error).__name__}: {error}") from error

    return wrapper


def _raised_by_the_call(error: BaseException) -> bool:
    """Whether ``error`` came from calling the decorated function with arguments it does not
    take: raised in the wrapper's own frame, before the function ran."""
    tb = error.__traceback__
    return tb is not None and tb.tb_next is None
