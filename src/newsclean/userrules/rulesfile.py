"""The rules file: its keys, one :class:`Entry` per value, and the checks that name the line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import regex

from newsclean.errors import ConfigError
from newsclean.lazyre import lazy
from newsclean.records import frozen_dataclass, record, set_field
from newsclean.userrules.selectors import compile_selector

#: Keys of ``[rules]`` and of each ``[site."host"]`` table, and what each holds.
KEYS: dict[str, str] = {
    "disable": "built-in rules to skip, by name",
    "drop": "selectors whose elements' text goes (family 'user'; 'site' in a site profile)",
    "keep": "selectors whose elements' text stays, whatever any rule or the guard says",
    "body": "selectors of the article's element, tried in order: when one matches, the blocks outside it go",
    "title": "selectors of the title, tried in order; the first that holds text sets Document.title "
    "(a site profile's only when the page gives none)",
    "author": "selectors of the authors, tried in order; every element the first finds gives a name",
    "date": "selectors of the publication date, tried in order; the first that reads as a date wins",
    "phrases": "[...phrases.<concept>] <language> = [phrases]: blocks that are one, or short blocks "
    "holding one, go",
}
SELECTOR_KEYS = frozenset({"drop", "keep", "body", "title", "author", "date"})


_HOST = lazy(r"\.?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_LANGUAGE = lazy(r"[a-z]{2,3}")
#: Longest user phrase: a phrase names a label or a call to action, not a paragraph.
PHRASE_MAX_CHARS = 200


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Entry:
    """One value of a rules file: a selector, a rule name to disable, or a phrase.

    ``where`` is ``"file:line"`` when the entry was read from a file, ``site`` the host pattern
    of its ``[site."…"]`` table (``None`` for ``[rules]``).
    """

    key: str
    value: str
    site: str | None = None
    where: str | None = None
    concept: str | None = None
    language: str | None = None
    #: read from a site profile (built in, or a ``profile_dirs`` folder) rather than the user's
    #: own rules: its removals report family ``site``, and the over-pruning guard may undo them
    #: (a profile is written for one version of a site, and sites change)
    profile: bool = False

    def __init__(
        self,
        key: str,
        value: str,
        site: str | None = None,
        where: str | None = None,
        concept: str | None = None,
        language: str | None = None,
        profile: bool = False,
    ) -> None:
        set_field(self, "key", key)
        set_field(self, "value", value)
        set_field(self, "site", site)
        set_field(self, "where", where)
        set_field(self, "concept", concept)
        set_field(self, "language", language)
        set_field(self, "profile", profile)

    @property
    def name(self) -> str:
        """The rule name removals report: the key and value, then the file and line (or site)."""
        label = f"phrase:{self.concept}:{self.value}" if self.key == "phrases" else f"{self.key}:{self.value}"
        origin = self.where or self.site
        return f"{label}@{origin}" if origin else label

    @property
    def family(self) -> str:
        """The family its removals report (``user`` for drops; keeps and the others remove nothing)."""
        if self.key == "phrases":
            from newsclean.phrases import CONCEPT_FAMILY

            return CONCEPT_FAMILY[self.concept or ""]
        if self.key == "body":
            return "structure"
        return "site" if self.profile else "user"

    @property
    def guard_may_undo(self) -> bool:
        """Whether the over-pruning guard may put back what its rule removed: a ``body``
        selector's (it judges by position, as the region does) and a site profile's selectors'
        (a profile is written for one version of a site, and sites change); never a user's own
        ``drop`` (the user asked for it) or a phrase."""
        return self.family in ("structure", "site")

    @property
    def reason(self) -> str:
        scope = f" on {self.site}" if self.site else ""
        origin = f" ({self.where})" if self.where else ""
        if self.key == "phrases":
            return f"user phrase for {self.concept} ({self.language}){scope}: {self.value!r}{origin}"
        if self.key == "body":
            return f"outside the article element {self.value!r}{scope}{origin}"
        if self.key == "keep":
            return f"user rule: keep {self.value!r}{scope}, whatever any other rule says{origin}"
        if self.key == "disable":
            return f"user rule: skip the built-in rule {self.value!r}{scope}{origin}"
        if self.key in ("title", "author", "date"):
            return f"user rule: {self.key} from {self.value!r}{scope}{origin}"
        who = "site profile" if self.profile else "user rule"
        return f"{who}: {self.key} {self.value!r}{scope}{origin}"


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class UserRules:
    """Every entry of one or more rules files (or of the same data given in code)."""

    entries: tuple[Entry, ...] = ()

    def __init__(self, entries: tuple[Entry, ...] = ()) -> None:
        set_field(self, "entries", entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __add__(self, other: UserRules) -> UserRules:
        return UserRules(self.entries + other.entries)

    def for_host(self, host: str | None) -> tuple[Entry, ...]:
        """The entries of ``[rules]`` and of the ``[site]`` tables that match ``host``."""
        return tuple(
            e for e in self.entries if e.site is None or (host is not None and host_matches(e.site, host))
        )

    @classmethod
    def from_file(cls, path: str | Path, *, builtin: bool = False, profile: bool = False) -> UserRules:
        """Read a TOML rules file; a bad one raises :class:`ConfigError` naming the line.

        ``profile``: the file is a site profile (see :attr:`Entry.profile`); ``builtin``: a
        built-in one, whose entries are named by site and selector rather than file and line.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read the rules file: {error}") from None
        rules = cls.from_toml(text, source=path.name if not builtin else None, display=str(path))
        if profile or builtin:
            rules = cls(tuple(replace(entry, profile=True) for entry in rules.entries))
        return rules

    @classmethod
    def from_toml(cls, text: str, *, source: str | None = "<rules>", display: str | None = None) -> UserRules:
        """Read rules from TOML text; ``source`` is the file name entries report (``None``: none)."""
        # (imported here, not at import: only a rules file or a site profile is read with it)
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on Python 3.10 only
            import tomli as tomllib

        shown = display or source or "<rules>"
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{shown}: not valid TOML: {error}") from None
        return cls.from_dict(data, _lines=_Lines(text, source, shown))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, _lines: _Lines | None = None) -> UserRules:
        """Rules from the data a rules file holds: ``{"rules": {...}, "site": {"host": {...}}}``."""
        lines = _lines or _Lines("", None, "<config>")
        if not isinstance(data, Mapping):
            raise ConfigError("rules data must be a mapping with 'rules' and/or 'site' keys")
        entries: list[Entry] = []
        for key, value in data.items():
            if key == "rules":
                entries.extend(_read_table(value, (key,), None, lines))
            elif key == "site":
                if not isinstance(value, Mapping):
                    raise lines.error(
                        (), key, None, '[site] must hold tables named by host: [site."example.com"]'
                    )
                for host, table in value.items():
                    if not isinstance(host, str) or not _HOST.fullmatch(host):
                        raise lines.error(("site",), host, None, f"{host!r} is not a host name (example.com)")
                    entries.extend(_read_table(table, ("site", host), host, lines))
            else:
                raise lines.error(
                    (), key, None, f'unknown key {key!r}; a rules file has [rules] and [site."host"] tables'
                )
        return cls(tuple(dict.fromkeys(entries)))


def host_matches(pattern: str, host: str) -> bool:
    """``example.com`` matches the host and its subdomains; ``.example.com`` only subdomains."""
    if pattern.startswith("."):
        return host.endswith(pattern)
    return host == pattern or host.endswith("." + pattern)


def host_of(url: str | None) -> str | None:
    """The lower-case host of a URL, or ``None``."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.rstrip(".") or None if host else None


# --- Reading and checking a rules file ----------------------------------------------------


def _read_table(table: object, path: tuple[str, ...], site: str | None, lines: _Lines) -> Iterator[Entry]:
    if not isinstance(table, Mapping):
        raise lines.error(path[:-1], path[-1], None, f"[{_dotted(path)}] must be a table")
    for key, value in table.items():
        if key not in KEYS:
            raise lines.error(
                path, key, None, f"unknown key {key!r} in [{_dotted(path)}]; known keys: {', '.join(KEYS)}"
            )
        if key == "phrases":
            yield from _read_phrases(value, (*path, key), site, lines)
            continue
        for item in _strings(value, path, key, lines):
            where = lines.where(path, key, item)
            if key == "disable":
                _check_rule_name(item, lines, path, key)
            else:
                try:
                    compile_selector(item)
                except ValueError as error:
                    raise lines.error(path, key, item, f"invalid selector {item!r}: {error}") from None
            yield Entry(key, item, site, where)


def _read_phrases(value: object, path: tuple[str, ...], site: str | None, lines: _Lines) -> Iterator[Entry]:
    from newsclean.phrases import CONCEPT_FAMILY

    if not isinstance(value, Mapping):
        raise lines.error(path[:-1], path[-1], None, "phrases must be tables: [rules.phrases.<concept>]")
    for concept, by_language in value.items():
        if concept not in CONCEPT_FAMILY:
            raise lines.error(
                path,
                concept,
                None,
                f"unknown phrase concept {concept!r}; known concepts: {', '.join(CONCEPT_FAMILY)}",
            )
        here = (*path, concept)
        if not isinstance(by_language, Mapping):
            raise lines.error(
                path, concept, None, f"[{_dotted(here)}] must map languages to lists of phrases"
            )
        for language, phrases in by_language.items():
            if not _LANGUAGE.fullmatch(language):
                raise lines.error(here, language, None, f"{language!r} is not a language code (en, de, pt…)")
            for phrase in _strings(phrases, here, language, lines):
                if not phrase.strip() or len(phrase) > PHRASE_MAX_CHARS:
                    raise lines.error(
                        here,
                        language,
                        phrase,
                        f"a phrase must have 1 to {PHRASE_MAX_CHARS} characters: {phrase[:40]!r}",
                    )
                yield Entry("phrases", phrase, site, lines.where(here, language, phrase), concept, language)


def _strings(value: object, path: tuple[str, ...], key: str, lines: _Lines) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise lines.error(path, key, None, f'{key} must be a list of strings, e.g. {key} = ["..."]')
    return value


def _check_rule_name(name: str, lines: _Lines, path: tuple[str, ...], key: str) -> None:
    from newsclean.rules import RULE_NAMES

    if name not in RULE_NAMES:
        raise lines.error(path, key, name, f"unknown rule name {name!r}; `newsclean rules` lists them")


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(part if regex.fullmatch(r"[A-Za-z0-9_-]+", part) else json.dumps(part) for part in path)


class _Lines:
    """Finds the line of a key or value in the TOML text, for messages and rule names.

    ``tomllib`` gives values, not positions; the tables and keys are simple enough in a rules
    file to find again by reading the lines (a value not found falls back to its key's line).
    """

    _HEADER = lazy(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?")
    _KEY = lazy(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
    _PART = lazy(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|$)""")

    def __init__(self, text: str, source: str | None, display: str) -> None:
        self.source = source
        self.display = display
        self.rows = text.splitlines()
        self.keys: dict[tuple[tuple[str, ...], str], int] = {}
        self.tables: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        for number, row in enumerate(self.rows, 1):
            header = self._HEADER.fullmatch(row)
            if header:
                table = tuple(self._unquote(m.group(1)) for m in self._PART.finditer(header.group(1)))
                self.tables.setdefault(table, number)
                continue
            key = self._KEY.match(row)
            if key:
                self.keys.setdefault((table, self._unquote(key.group(1))), number)

    @staticmethod
    def _unquote(token: str) -> str:
        if token.startswith('"'):
            try:
                return str(json.loads(token))
            except ValueError:
                return token[1:-1]
        if token.startswith("'"):
            return token[1:-1]
        return token

    def line(self, path: tuple[str, ...], key: str, value: str | None) -> int | None:
        start = self.keys.get((path, key)) or self.tables.get((*path, key))
        if start is None:
            return self.tables.get(path)
        if value is None:
            return start
        quoted = (json.dumps(value, ensure_ascii=False), f"'{value}'")
        for number in range(start, len(self.rows) + 1):
            row = self.rows[number - 1]
            if any(q in row for q in quoted):
                return number
            if number > start and self._HEADER.fullmatch(row):
                break
        return start

    def where(self, path: tuple[str, ...], key: str, value: str) -> str | None:
        if self.source is None:
            return None
        number = self.line(path, key, value)
        return f"{self.source}:{number}" if number else self.source

    def error(self, path: tuple[str, ...], key: str, value: str | None, problem: str) -> ConfigError:
        number = self.line(path, key, value) if self.rows else None
        place = f"{self.display}:{number}" if number else self.display
        return ConfigError(f"{place}: {problem}")
