"""Phrase packs: boilerplate vocabulary as data, by concept and language.

Each language module (``en.py``, ``de.py`` …) defines two dicts keyed by *concept*:

``LABELS``
    whole-block labels, lower case: a block that is nothing but one of these (after stripping
    punctuation, symbols and counts) is that kind of boilerplate ("Listen Live", "Teilen").
``PATTERNS``
    regular-expression sources searched in *short* blocks: calls to action and label shapes
    ("sign up to our … channel", "12 comments", "© 2024 …").

Concepts map to rule *families* through :data:`CONCEPT_FAMILY`. Everything is compiled once, at
import. Adding a language is adding a module and its name to :data:`LANGUAGES`
(see ``docs/phrases.md``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

# The stdlib regular-expression parser, read for the literals a prompt pattern needs (``re._parser``
# since Python 3.11, ``sre_parse`` before).
try:
    _sre_parser: Any = importlib.import_module("re._parser")
    _sre_constants: Any = importlib.import_module("re._constants")
except ImportError:  # Python 3.10
    _sre_parser = importlib.import_module("sre_parse")
    _sre_constants = importlib.import_module("sre_constants")

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ru", "pl", "tr", "ar", "zh", "ja")

#: concept -> rule family. Families are what rules and ``Removal.family`` report.
CONCEPT_FAMILY = {
    "live": "widget",
    "short-link": "widget",
    "print": "widget",
    "tools": "widget",
    "widget": "widget",
    "share": "share",
    "subscribe": "subscribe",
    "related": "related",
    "comments": "comments",
    "ads": "ads",
    "cookie": "cookie",
    "navigation": "navigation",
}

#: When one label belongs to several concepts, the earlier family wins.
FAMILY_PRIORITY = ("related", "comments", "subscribe", "share", "widget", "ads", "cookie", "navigation")

# Strip what surrounds a label: punctuation, symbols, counts, arrows, emoji.
_EDGES = regex.compile(r"^[\p{P}\p{S}\p{N}\s]+|[\p{P}\p{S}\p{N}\s]+$")
_SPACES = regex.compile(r"\s+")


def normalize_label(text: str) -> str:
    """The form labels are compared in: case-folded, edges stripped, spaces single."""
    if len(text) > 80:
        return ""
    # "İ".casefold() is "i̇" (i + combining dot): fold Turkish capital I the way its lower case is
    folded: str = _SPACES.sub(" ", _EDGES.sub("", text)).replace("İ", "i").casefold()
    return folded


#: language -> family -> regex sources, as written in the packs
SOURCES: dict[str, dict[str, list[str]]] = {}


def _load() -> tuple[dict[str, str], dict[str, regex.Pattern[str]]]:
    labels: dict[str, str] = {}
    sources: dict[str, list[str]] = {family: [] for family in FAMILY_PRIORITY}
    rank = {family: i for i, family in enumerate(FAMILY_PRIORITY)}
    for lang in LANGUAGES:
        module = importlib.import_module(f"newsclean.phrases.{lang}")
        for concept, words in module.LABELS.items():
            family = CONCEPT_FAMILY[concept]
            for word in words:
                key = normalize_label(word)
                if key and (key not in labels or rank[family] < rank[labels[key]]):
                    labels[key] = family
        by_family = SOURCES.setdefault(lang, {})
        for concept, patterns in module.PATTERNS.items():
            family = CONCEPT_FAMILY[concept]
            sources[family].extend(patterns)
            by_family.setdefault(family, []).extend(patterns)
    compiled = {
        family: regex.compile("|".join(f"(?:{p})" for p in pats), regex.IGNORECASE | regex.V0)
        for family, pats in sources.items()
        if pats
    }
    return labels, compiled


LABEL_FAMILY, PATTERN_FAMILY = _load()


_SCRIPT_LANGUAGES = (
    (regex.compile(r"\p{Cyrillic}"), ("ru",)),
    (regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]"), ("zh", "ja")),
    (regex.compile(r"\p{Arabic}"), ("ar",)),
)
LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "pl", "tr")


def guess_languages(sample: str, declared: str | None = None) -> frozenset[str]:
    """The packs worth trying on a page: its declared language, else those of its script.

    English is always included: English widget text turns up on pages in every language.
    """
    if declared:
        code = declared.strip().lower()[:2]
        if code in LANGUAGES:
            return frozenset({code, "en"})
    sample = sample[:5000]
    for pattern, languages in _SCRIPT_LANGUAGES:
        if len(pattern.findall(sample)) > 0.2 * len(sample.replace(" ", "")):
            return frozenset({*languages, "en"})
    return frozenset(LATIN_LANGUAGES)


@lru_cache(maxsize=64)
def prompt_pattern(languages: frozenset[str]) -> regex.Pattern[str]:
    """All families' patterns of the given languages as one alternation with a group per family."""
    parts = []
    for family in FAMILY_PRIORITY:
        sources = [p for lang in sorted(languages) for p in SOURCES.get(lang, {}).get(family, ())]
        if sources:
            parts.append(f"(?P<{family}>" + "|".join(f"(?:{p})" for p in sources) + ")")
    return regex.compile("|".join(parts) or "(?!)", regex.IGNORECASE)


#: (anchored, unanchored) sub-patterns; ``None`` where no alternative of that kind is left
_PatternPair = tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]


#: How many sets of found strings (and of alternatives) a matcher keeps compiled patterns for.
_FOUND_CACHE_SIZE = 4096


class PromptMatcher:
    """``prompt_pattern(languages).search`` with a literal-word prefilter, for speed.

    Searching the whole alternation tries every alternative at every position of a line, while
    almost every alternative needs some literal text ("newsletter", "cookie", "share") that most
    lines lack. So each alternative declares, derived from its source, a set of lower-case
    strings one of which any match contains; ``in`` on the lower-cased line (a C-level scan) then
    tells which alternatives could match, and only those are searched, in their original order and
    family groups: the leftmost match and its family are those of the full pattern. Alternatives
    anchored with ``^`` are searched apart with ``.match``; at position 0 the earlier family wins,
    as in the alternation. Lines holding a character the regex engine matches case-insensitively
    to a literal although it lower-cases differently (``ſ``, Kelvin ``K``, ``İ``) take the full
    pattern, so the shortcut is exact.
    """

    def __init__(self, languages: frozenset[str]) -> None:
        self.full = prompt_pattern(languages)
        #: (index, family, source, anchored, required strings or None when nothing is required)
        self._alternatives: list[tuple[int, str, str, bool, frozenset[str] | None]] = []
        for family in FAMILY_PRIORITY:
            for lang in sorted(languages):
                for source in SOURCES.get(lang, {}).get(family, ()):
                    anchored, required = _shape(source)
                    self._alternatives.append(
                        (len(self._alternatives), family, source, anchored, required)
                    )
        #: required string -> indices of the alternatives it unlocks
        unlocks: dict[str, list[int]] = {}
        for index, _, _, _, required in self._alternatives:
            for literal in required or ():
                unlocks.setdefault(literal, []).append(index)
        self._unlocks = unlocks
        self._literals = tuple(unlocks)
        self._always = tuple(i for i, *_, required in self._alternatives if required is None)
        mismatches = _case_mismatches()
        # (the strings are lower-cased: 'ICP' is written upper case, and 'ı' matches its 'I')
        used = {ch for literal in unlocks for ch in literal}
        exotic = sorted(
            {c for ch, found in mismatches.items() if ch.lower() in used for c in found if not c.isascii()}
        )
        #: lines with one of these take the full pattern (see the class docstring)
        self._exotic = re.compile("[" + "".join(map(re.escape, exotic)) + "]") if exotic else None
        self._compiled: dict[tuple[int, ...], _PatternPair] = {}
        #: the strings found in a line -> its sub-patterns (cleared when it grows past a bound)
        self._by_found: dict[tuple[str, ...], _PatternPair] = {}

    def _patterns(
        self, indices: tuple[int, ...]
    ) -> _PatternPair:
        """(anchored, unanchored) sub-patterns of the given alternatives, compiled once per set."""
        cached = self._compiled.get(indices)
        if cached is not None:
            return cached
        if len(self._compiled) >= _FOUND_CACHE_SIZE:
            self._compiled.clear()
        pair = []
        for want_anchored in (True, False):
            groups: dict[str, list[str]] = {}
            for i in indices:
                _, family, source, anchored, _ = self._alternatives[i]
                if anchored == want_anchored:
                    groups.setdefault(family, []).append(source)
            parts = [
                f"(?P<{family}>" + "|".join(f"(?:{p})" for p in sources) + ")"
                for family, sources in groups.items()
            ]
            pair.append(regex.compile("|".join(parts), regex.IGNORECASE) if parts else None)
        result = (pair[0], pair[1])
        self._compiled[indices] = result
        return result

    def search(self, text: str, timeout: float) -> regex.Match[str] | None:
        """The match of the full prompt pattern in ``text`` (its family and start, exactly), or
        ``None``; a search that runs out of time counts as no match."""
        try:
            if self._exotic is not None and self._exotic.search(text) is not None:
                return self.full.search(text, timeout=timeout)
            lowered = text.lower()
            # (a list comprehension: the cheapest loop over the strings, most lines hold few)
            found = tuple([literal for literal in self._literals if literal in lowered])
            pair = self._by_found.get(found)
            if pair is None:
                indices = {*self._always, *(i for literal in found for i in self._unlocks[literal])}
                pair = self._patterns(tuple(sorted(indices)))
                if len(self._by_found) >= _FOUND_CACHE_SIZE:
                    self._by_found.clear()
                self._by_found[found] = pair
            anchored, unanchored = pair
            first = anchored.match(text, timeout=timeout) if anchored is not None else None
            if unanchored is None:
                return first
            other = unanchored.search(text, timeout=timeout)
        except TimeoutError:
            return None
        if first is None or other is None:
            return first or other
        if other.start() > 0:
            return first
        # both at position 0: the alternation takes the earlier alternative, and families come
        # in FAMILY_PRIORITY order (within one family either gives the same family and start)
        rank = FAMILY_PRIORITY.index
        return first if rank(first.lastgroup or "") <= rank(other.lastgroup or "") else other


def _shape(source: str) -> tuple[bool, frozenset[str] | None]:
    """Whether a pattern source is ``^``-anchored, and strings (lower case) one of which every
    match contains (``None`` when no literal is certain, or the source is beyond the stdlib parser)."""
    try:
        parsed = _sre_parser.parse(source)
    except Exception:  # noqa: BLE001 - any source the stdlib cannot read simply runs unfiltered
        return False, None
    items = list(parsed)
    anchored = bool(items) and items[0] == (_sre_constants.AT, _sre_constants.AT_BEGINNING)
    return anchored, _required(items)


def _required(items: list[tuple[object, object]]) -> frozenset[str] | None:
    """The most selective requirement of a parsed sequence: a run of literal characters, or a
    group/alternation every branch of which has a requirement."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append(frozenset({"".join(run).lower()}))
            run.clear()

    c = _sre_constants
    for op, arg in items:
        if op is c.LITERAL:
            char = chr(arg)  # type: ignore[arg-type]
            if not any(m.isascii() for m in _case_mismatches().get(char, ())):
                run.append(char)
                continue
            # ('ı' matches 'I', which lower-cases to 'i'): the character ends the run, so the
            # literals never need it; other such pairs are rare characters, handled as exotic
        if op is c.AT:
            continue  # zero-width: the literals either side stay adjacent in the text
        close_run()
        sub: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            sub = _required(list(arg[-1]))  # type: ignore[index]
        elif op is c.BRANCH:
            branches = [_required(list(b)) for b in arg[1]]  # type: ignore[index]
            if all(b is not None for b in branches):
                sub = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:  # type: ignore[index]
            sub = _required(list(arg[2]))  # type: ignore[index]
        if sub:
            options.append(sub)
    close_run()
    if not options:
        return None
    # most selective: the option whose shortest string is longest
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings)))


@lru_cache(maxsize=1)
def _case_mismatches() -> dict[str, frozenset[str]]:
    """For each literal character of the packs' patterns, the characters the regex engine matches
    to it case-insensitively although their lower case differs from its lower case."""
    chars: set[str] = set()
    for by_family in SOURCES.values():
        for sources in by_family.values():
            for source in sources:
                try:
                    chars.update(_literal_chars(list(_sre_parser.parse(source))))
                except Exception:  # noqa: BLE001 - unparsed sources run unfiltered anyway
                    continue
    if not chars:
        return {}
    literal_chars = "".join(sorted(chars))
    # cased letters all lie in the first two Unicode planes (the rest are ideographs, symbols)
    planes = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x20000)]))
    candidates = set(regex.findall("[" + regex.escape(literal_chars) + "]", planes, regex.IGNORECASE))
    mismatches: dict[str, set[str]] = {}
    for cand in candidates:
        for char in regex.findall(regex.escape(cand), literal_chars, regex.IGNORECASE):
            if cand.lower() != char.lower():
                mismatches.setdefault(char, set()).add(cand)
    return {char: frozenset(found) for char, found in mismatches.items()}


def _literal_chars(items: list[tuple[object, object]]) -> set[str]:
    """Every literal character of a parsed pattern, at any depth."""
    found: set[str] = set()
    for op, arg in items:
        if op is _sre_constants.LITERAL:
            found.add(chr(arg))  # type: ignore[arg-type]
        elif isinstance(arg, (list, tuple)):
            for part in arg:
                if isinstance(part, _sre_parser.SubPattern):
                    found |= _literal_chars(list(part))
                elif isinstance(part, list):
                    for sub in part:
                        if isinstance(sub, _sre_parser.SubPattern):
                            found |= _literal_chars(list(sub))
    return found


@lru_cache(maxsize=64)
def prompt_matcher(languages: frozenset[str]) -> PromptMatcher:
    """The prefiltered prompt search for the given languages (built once per language set)."""
    return PromptMatcher(languages)


def label_family(text: str) -> str | None:
    """The family whose label ``text`` is, or ``None``."""
    return LABEL_FAMILY.get(normalize_label(text))


def all_patterns() -> Iterator[tuple[str, regex.Pattern[str]]]:
    """Every compiled pattern that meets page text, by name (for the backtracking tests)."""
    for family, pattern in PATTERN_FAMILY.items():
        yield f"phrases.{family}", pattern
    yield "phrases.edges", _EDGES
    yield "phrases.prompts", prompt_pattern(frozenset(LANGUAGES))
    from newsclean.rules import iter_rule_patterns

    yield from iter_rule_patterns()
