"""The one configuration object: frozen, typed, with documented defaults."""

from __future__ import annotations

import numbers
import operator
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from newsclean.errors import ConfigError, RuleError
from newsclean.records import frozen_dataclass, record, set_field
from newsclean.userrules import UserRules

if TYPE_CHECKING:
    from newsclean.rules.pipeline import Context, Mark, Rule, Step


#: the defaults of ``disabled_rules`` and ``rules``: one object each, the field's default and
#: ``__init__``'s (as the generated ``__init__`` had it)
_NONE_DISABLED: frozenset[str] = frozenset()
_NO_RULES = UserRules()


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Config:
    """Options for :func:`newsclean.clean`. Every field has a default; build variants with
    :meth:`replace`.

    Attributes:
        disabled_rules: names of pipeline rules to skip (see ``newsclean.rules.PIPELINE`` or
            ``docs/rules.md``). An unknown name raises :class:`~newsclean.errors.ConfigError`.
        max_input_bytes: inputs larger than this (bytes, or UTF-8 length of a ``str``) raise
            :class:`~newsclean.errors.InputTooLargeError`. Default 50 MiB.
        regex_timeout: seconds any single pattern may spend on page text before it is treated as
            "no match" (guards against pathological inputs). Default 0.5.
        guard_ratio: when the rules would keep less than this share of the candidate article text,
            the over-pruning guard restores it and says so in ``warnings``. Default 0.1.
        min_body_chars: an article body shorter than this is reported with a warning (it is still
            returned). Default 80.
        now: the reference time for relative dates ("2 hours ago") and for rejecting dates in the
            future. ``None`` means relative dates are ignored and "the future" is the real clock.
        rules: the user's own rules (:class:`~newsclean.userrules.UserRules`), usually from
            :meth:`from_file`; see ``docs/user-rules.md``. Default: none.
        site_profiles: look up the built-in site profile of the page's host (from ``url``, or
            the page's canonical URL). Default ``True``.
        profile_dirs: folders of site profiles (``<host>.toml``, e.g. written by
            ``newsclean import-ftr``), searched before the built-in ones; the first profile
            found for a host is the one used. Default: none.
        extra_rules: :class:`~newsclean.rules.pipeline.Rule` objects made outside the built-in
            pipeline (a user's own rules); they run first, before the built-in rules, and take
            part like them (their names can be disabled; the guard and the region read their
            declared properties). A name that repeats a built-in rule's raises ``ConfigError``.
    """

    disabled_rules: frozenset[str] = field(default=_NONE_DISABLED)
    max_input_bytes: int = 50 * 1024 * 1024
    regex_timeout: float = 0.5
    guard_ratio: float = 0.1
    min_body_chars: int = 80
    now: datetime | None = None
    rules: UserRules = field(default=_NO_RULES)
    site_profiles: bool = True
    profile_dirs: tuple[str, ...] = ()
    extra_rules: tuple[Rule, ...] = ()

    def __init__(
        self,
        disabled_rules: frozenset[str] = _NONE_DISABLED,
        max_input_bytes: int = 50 * 1024 * 1024,
        regex_timeout: float = 0.5,
        guard_ratio: float = 0.1,
        min_body_chars: int = 80,
        now: datetime | None = None,
        rules: UserRules = _NO_RULES,
        site_profiles: bool = True,
        profile_dirs: tuple[str, ...] = (),
        extra_rules: tuple[Rule, ...] = (),
    ) -> None:
        set_field(self, "disabled_rules", disabled_rules)
        set_field(self, "max_input_bytes", max_input_bytes)
        set_field(self, "regex_timeout", regex_timeout)
        set_field(self, "guard_ratio", guard_ratio)
        set_field(self, "min_body_chars", min_body_chars)
        set_field(self, "now", now)
        set_field(self, "rules", rules)
        set_field(self, "site_profiles", site_profiles)
        set_field(self, "profile_dirs", profile_dirs)
        set_field(self, "extra_rules", extra_rules)
        self.__post_init__()  # (the checks, as the generated ``__init__`` called them)

    @classmethod
    def from_file(cls, path: str | Path, **options: Any) -> Config:
        """A config with the rules of a TOML rules file (other fields as keywords).

        Raises :class:`~newsclean.errors.ConfigError` naming the file, line and problem when
        the file is not valid TOML, has an unknown key or rule name, or an invalid selector.
        """
        return cls(rules=UserRules.from_file(path), **options)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], **options: Any) -> Config:
        """A config with rules given as data, in the rules file's shape:
        ``{"rules": {"drop": [...]}, "site": {"example.com": {"keep": [...]}}}``."""
        return cls(rules=UserRules.from_dict(data), **options)

    def __post_init__(self) -> None:
        if isinstance(self.disabled_rules, str):
            raise ConfigError("disabled_rules must be a collection of rule names, not one string")
        object.__setattr__(self, "disabled_rules", frozenset(self.disabled_rules))
        object.__setattr__(self, "extra_rules", tuple(self.extra_rules))
        from newsclean.rules import RULE_NAMES
        from newsclean.rules.pipeline import Rule

        extra = [rule.name for rule in self.extra_rules if isinstance(rule, Rule)]
        if len(extra) != len(self.extra_rules):
            raise ConfigError("extra_rules must hold newsclean.rules.pipeline.Rule objects")
        clashes = sorted(set(extra) & RULE_NAMES) + sorted({n for n in extra if extra.count(n) > 1})
        if clashes:
            raise ConfigError(
                f"extra rule name(s) {', '.join(clashes)} already taken; give each rule its own"
            )
        known = RULE_NAMES | set(extra)
        unknown = sorted(self.disabled_rules - known)
        if unknown:
            raise ConfigError(
                f"unknown rule name(s) {', '.join(unknown)}; known rules: {', '.join(sorted(known))}"
            )
        for name, whole in (("max_input_bytes", True), ("regex_timeout", False), ("guard_ratio", False),
                            ("min_body_chars", True)):
            object.__setattr__(self, name, _number(name, getattr(self, name), whole=whole))
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive")
        if self.min_body_chars < 0:
            raise ConfigError("min_body_chars cannot be negative")
        if not 0 < self.regex_timeout <= 60:
            raise ConfigError("regex_timeout must be between 0 and 60 seconds")
        if not 0 <= self.guard_ratio < 1:
            raise ConfigError("guard_ratio must be in [0, 1)")
        if not isinstance(self.rules, UserRules):
            raise ConfigError("rules must be UserRules (use Config.from_file or Config.from_dict)")
        if isinstance(self.profile_dirs, (str, Path)):
            raise ConfigError("profile_dirs must be a collection of folders, not one path")
        object.__setattr__(self, "profile_dirs", tuple(str(folder) for folder in self.profile_dirs))
        if self.now is not None and not isinstance(self.now, datetime):
            raise ConfigError(f"now must be a datetime, not {type(self.now).__name__}")
        if self.now is not None and self.now.tzinfo is None:
            raise ConfigError("now must be a timezone-aware datetime")

    def pipeline(self) -> tuple[Step, ...]:
        """The steps :func:`newsclean.clean` runs: the extra rules (each made to name itself in
        a :class:`~newsclean.errors.RuleError` when it fails), then the built-in pipeline."""
        from newsclean.rules import PIPELINE

        if not self.extra_rules:
            return PIPELINE
        return (*(replace(rule, apply=partial(_checked_marks, rule)) for rule in self.extra_rules), *PIPELINE)

    def replace(self, **changes: object) -> Config:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _checked_marks(rule: Rule, ctx: Context) -> Iterator[Mark]:
    """The marks of a rule of ``extra_rules`` on one page, as it yields them, or a ``RuleError``
    naming it when it raises or gives what is no mark of a block of the page (the caller's code:
    not reported as a bug of newsclean's, and not applied to a block it did not mean)."""
    try:
        for mark in rule.apply(ctx):
            checked, problem = _checked_mark(mark, len(ctx.blocks))
            if checked is None:
                raise RuleError(rule.name, f"it gave {mark!r}, {problem}")
            yield checked
    except RuleError:
        raise
    except Exception as error:  # noqa: BLE001 - whatever the caller's code raises, named as theirs
        raise RuleError(rule.name, f"{type(error).__name__}: {error}") from error


def _checked_mark(mark: object, count: int) -> tuple[Mark | None, str]:
    """``mark`` as the pipeline reads it (its index an ``int``, its value and pieces tuples), or
    ``None`` and what is wrong: an index that is no whole number in range, an unknown action, a
    value that is not what its action moves (strings for ``tags`` and ``authors``, a string for
    ``title``, a ``Link`` for ``related``, ``Dateline`` objects for ``dates``; anything for
    ``remove``), pieces that are not strings."""
    from newsclean.document import Link
    from newsclean.meta.datelines import Dateline
    from newsclean.rules.pipeline import ACTIONS, Mark

    if not isinstance(mark, Mark):
        return None, f"not a Mark of one of the {count} blocks"
    try:  # (a numpy integer too; not True or False)
        index = -1 if isinstance(mark.index, bool) else operator.index(mark.index)
    except TypeError:
        index = -1
    if not 0 <= index < count:
        return None, f"not a Mark of one of the {count} blocks"
    if mark.action not in ACTIONS:
        return None, f"an action that is not one of {', '.join(sorted(ACTIONS))}"
    pieces = _collection(mark.pieces, str)
    if pieces is None:
        return None, "pieces that are not a collection of strings"
    value: object = mark.value
    if mark.action in ("tags", "authors", "dates"):
        value = _collection(value, Dateline if mark.action == "dates" else str)
    elif mark.action != "remove" and not isinstance(value, Link if mark.action == "related" else str):
        value = None
    if value is None and mark.action != "remove":
        return None, f"a value that is not what the action {mark.action!r} moves"
    return Mark(index, mark.action, value, cast("tuple[str, ...]", pieces)), ""


def _collection(items: object, kind: type) -> tuple[object, ...] | None:
    """``items`` as a tuple when it is a collection (not one string) of ``kind``, else ``None``."""
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        return None
    found = tuple(items)
    return found if all(isinstance(item, kind) for item in found) else None


def _number(name: str, value: object, *, whole: bool = False) -> int | float:
    """``value`` as an ``int`` (with ``whole``) or a number, or a ``ConfigError`` naming the
    field when it is not one: any ``numbers.Integral`` or, with ``whole``, a float with nothing
    after the point (``10e6``); any ``numbers.Real`` (a ``Fraction``, a numpy number) without.
    ``True`` and ``False`` are not numbers here."""
    if not isinstance(value, bool):
        if isinstance(value, numbers.Integral):
            return operator.index(value)
        if whole and isinstance(value, float) and value.is_integer():
            return int(value)
        if not whole and isinstance(value, numbers.Real):
            return float(value)
    what = "a whole number" if whole else "a number"
    raise ConfigError(f"{name} must be {what}, not {type(value).__name__} {value!r}")


def check_arguments(url: object, config: object, encoding: object) -> Config:
    """``config``, after a ``ConfigError`` naming the argument of :func:`newsclean.clean` that
    has the wrong type, if one has (rather than an ``InternalError`` from deep inside)."""
    if not isinstance(config, Config):
        raise ConfigError(f"config must be a newsclean.Config, not {type(config).__name__}")
    for name, value in (("url", url), ("encoding", encoding)):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{name} must be a str or None, not {type(value).__name__}")
    return config
