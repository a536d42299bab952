"""The prompt prefilter: the phrase packs' prompt search, skipping alternatives a line cannot match.

The engine behind :func:`prompt_matcher`, kept apart from the phrase data in
:mod:`newsclean.phrases` (which it reads): it parses each pattern source with the standard
library's regular-expression parser to find the literal text every match must contain (once,
by ``scripts/gen_prefilter_shapes.py``, into :mod:`newsclean.prefilter_shapes`).
"""

from __future__ import annotations

import importlib
import re
import time
from functools import lru_cache
from typing import Any

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern
from newsclean.phrases import FAMILY_PRIORITY, LANGUAGES, LEGAL_SOURCES, SOURCES, legal_pattern
from newsclean.prefilter_shapes import SHAPES

# The stdlib regular-expression parser, read for the literals a prompt pattern needs (``re._parser``
# since Python 3.11, ``sre_parse`` before).
try:
    _sre_parser: Any = importlib.import_module("re._parser")
    _sre_constants: Any = importlib.import_module("re._constants")
except ImportError:  # Python 3.10
    _sre_parser = importlib.import_module("sre_parse")
    _sre_constants = importlib.import_module("sre_constants")

#: How many sets of found strings a matcher keeps the candidate alternatives of.
_FOUND_CACHE_SIZE = 4096


@lru_cache(maxsize=4096)
def _alternative_pattern(family: str, source: str) -> regex.Pattern[str]:
    """One alternative of :func:`prompt_pattern` on its own, in its family's group.

    Shared by every language set and compiled on first use: compiling a sub-alternation per set
    of found strings cost more than all the searches (hundreds of distinct sets on one bench).
    """
    return compile_pattern(f"(?P<{family}>(?:{source}))", regex.IGNORECASE)


#: (anchored, pattern) per candidate alternative, in the alternation's order
_Candidates = tuple[tuple[bool, regex.Pattern[str]], ...]


class PromptMatcher:
    """``prompt_pattern(languages).search`` with a literal-word prefilter, for speed.

    Searching the whole alternation tries every alternative at every position of a line, while
    almost every alternative needs some literal text ("newsletter", "cookie", "share") that most
    lines lack. So each alternative declares, derived from its source, a set of lower-case
    strings one of which any match contains; ``in`` on the lower-cased line (a C-level scan) then
    tells which alternatives could match, and only those are searched, each on its own. The
    alternation's match starts where the earliest of its alternatives' matches starts and takes
    the first alternative (in order, hence by family priority) matching there, so the leftmost
    match, ties to the earlier alternative, has the full pattern's family and start. Alternatives
    anchored with ``^`` are tried with ``.match``. Lines holding a character the regex engine
    matches case-insensitively to a literal although it lower-cases differently (``ſ``, Kelvin
    ``K``, ``İ``) try every alternative, so the shortcut is exact.
    """

    def __init__(self, languages: frozenset[str], families: tuple[str, ...] = FAMILY_PRIORITY) -> None:
        #: (family, source, anchored): strings and a bool only, so the garbage collector stops
        #: tracking these long-lived tuples (the required strings are needed here only)
        self._alternatives: list[tuple[str, str, bool]] = []
        #: required string -> indices of the alternatives it unlocks
        unlocks: dict[str, list[int]] = {}
        always: list[int] = []
        for family in families:
            for lang in sorted(languages):
                for source in SOURCES.get(lang, {}).get(family, ()):
                    anchored, required = _shape(source)
                    index = len(self._alternatives)
                    self._alternatives.append((family, source, anchored))
                    if required is None:
                        always.append(index)
                    for literal in required or ():
                        unlocks.setdefault(literal, []).append(index)
        self._unlocks = {literal: tuple(indices) for literal, indices in unlocks.items()}
        #: the strings by their rarest character: a line lacking it cannot hold them, and one
        #: intersection (in C) of the line's characters with the buckets' rules out most strings
        #: without scanning for them
        buckets: dict[str, list[str]] = {}
        for literal in unlocks:
            buckets.setdefault(max(literal, key=_rarity), []).append(literal)
        self._buckets = {char: tuple(strings) for char, strings in buckets.items()}
        self._bucket_chars = frozenset(buckets)
        self._always = tuple(always)
        # (the strings are lower-cased: 'ICP' is written upper case, and 'ı' matches its 'I'; so
        # the pattern's letter is any character lower-casing to a letter of the strings)
        used = {ch for literal in unlocks for ch in literal}
        letters = {case for ch in used for case in _all_cases(ch) if case.lower() == ch}
        exotic = sorted({c for ch in letters for c in _case_mismatches(ch) if not c.isascii()})
        #: lines with one of these try every alternative (see the class docstring)
        self._exotic = re.compile("[" + "".join(map(re.escape, exotic)) + "]") if exotic else None
        #: the strings found in a line -> its candidate alternatives, in order (cleared when it
        #: grows past a bound)
        self._by_found: dict[tuple[str, ...], _Candidates] = {}
        self._all: _Candidates | None = None

    def _candidates(self, indices: list[int]) -> _Candidates:
        """(anchored, pattern) of the given alternatives, in the alternation's order."""
        found = []
        for i in sorted(set(indices)):
            family, source, anchored = self._alternatives[i]
            found.append((anchored, _alternative_pattern(family, source)))
        return tuple(found)

    def search(self, text: str, timeout: float) -> regex.Match[str] | None:
        """A match with the full prompt pattern's family (``lastgroup``) and start in ``text``, or
        ``None``; a search that runs out of time counts as no match."""
        if self._exotic is not None and self._exotic.search(text) is not None:
            if self._all is None:
                self._all = self._candidates(list(range(len(self._alternatives))))
            candidates = self._all
        else:
            lowered = text.lower()
            buckets = self._buckets
            # (comprehensions: the cheapest loops here; sorted, so a set of strings found always
            # makes the same key)
            found_list = [
                literal
                for char in self._bucket_chars.intersection(lowered)
                for literal in buckets[char]
                if literal in lowered
            ]
            found = tuple(sorted(found_list)) if len(found_list) > 1 else tuple(found_list)
            cached = self._by_found.get(found)
            if cached is None:
                unlocks = self._unlocks
                cached = self._candidates([*self._always, *(i for lit in found for i in unlocks[lit])])
                if len(self._by_found) >= _FOUND_CACHE_SIZE:
                    self._by_found.clear()
                self._by_found[found] = cached
            candidates = cached
        if not candidates:
            return None  # (most lines: no required string found)
        best: regex.Match[str] | None = None
        # one time budget for the whole line, as the single alternation had
        deadline = time.monotonic() + timeout
        try:
            for anchored, pattern in candidates:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                # (the time budget passed positionally: see meta.clock.TIMEOUT_ARGS)
                if anchored:
                    match = pattern.match(text, 0, None, KEEP_GIL, False, left)
                else:
                    match = pattern.search(text, 0, None, KEEP_GIL, False, left)
                # an earlier alternative keeps a tie: only a strictly earlier start wins
                if match is not None and (best is None or match.start() < best.start()):
                    best = match
                    if best.start() == 0:
                        break  # nothing later can start earlier
        except TimeoutError:
            return None
        return best


#: Letters from the most to the least common in the packs' languages' text (roughly): the
#: rarest character of a string decides which bucket it is looked for under.
_COMMON_CHARS = " etaoinsrhldcumfpgwybvkxjqz"


def _rarity(char: str) -> int:
    """How rare ``char`` is in page text (any character not in the list counts as rarest)."""
    rank = _COMMON_CHARS.find(char)
    return len(_COMMON_CHARS) if rank < 0 else rank


#: (the packs' sources are fixed and most language sets share the English ones: each source is
#: read once per process, not once per language set met)
@lru_cache(maxsize=4096)
def _shape(source: str) -> tuple[bool, frozenset[str] | None]:
    """:func:`parse_shape`, read from the table ``scripts/gen_prefilter_shapes.py`` writes when
    the source is in it (parsing every source cost a fresh process ~55 M instructions)."""
    known = SHAPES.get(source)
    if known is None:
        return parse_shape(source)
    anchored, literals = known
    return anchored, None if literals is None else frozenset(literals)


def parse_shape(source: str) -> tuple[bool, frozenset[str] | None]:
    """Whether a pattern source is ``^``-anchored, and strings (lower case) one of which every
    match contains (``None`` when no literal is certain, or the source is beyond the stdlib parser)."""
    items = _parsed(source)
    if items is None:
        return False, None
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
            if _keeps_run(char):
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


@lru_cache(maxsize=4096)
def _keeps_run(char: str) -> bool:
    """Whether a literal ``char`` may stay in a run of required text: no ASCII character matches
    it case-insensitively while lower-casing differently (cached: asked for every literal)."""
    return not any(m.isascii() for m in _case_mismatches(char))


@lru_cache(maxsize=4096)
def _case_mismatches(char: str) -> frozenset[str]:
    """The characters the regex engine matches to ``char`` case-insensitively although their
    lower case differs from its lower case (``ſ`` and ``s``, Kelvin ``K`` and ``k``)."""
    return frozenset(cand for cand in _all_cases(char) if cand.lower() != char.lower())


#: the case-insensitive flags the prompt patterns are compiled with
_CASE_FLAGS = regex.IGNORECASE | regex.V0
_get_all_cases: Any = getattr(importlib.import_module("regex._regex"), "get_all_cases", None)


@lru_cache(maxsize=4096)
def _all_cases(char: str) -> frozenset[str]:
    """The characters a case-insensitive pattern ``char`` matches (itself included), read from
    the regex engine's own case tables; cased letters all lie in the first two Unicode planes."""
    if _get_all_cases is not None:
        return frozenset(
            chr(code)
            for code in _get_all_cases(_CASE_FLAGS, ord(char))
            if code < 0xD800 or 0xE000 <= code < 0x20000
        )
    # (a regex without that helper: ask the engine about every character of those planes)
    pattern = regex.compile(regex.escape(char), _CASE_FLAGS)
    return frozenset(pattern.findall("".join(map(chr, [*range(0xD800), *range(0xE000, 0x20000)]))))


#: A Unicode property (``\p{Lu}``, ``\P{L}``), which the stdlib parser does not read, after an
#: even number of backslashes (so it is an escape, not an escaped backslash and a "p").
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\([pP])\{[^}]*\}")


def _as_category(match: re.Match[str]) -> str:
    r"""``\w`` or ``\W`` in place of a property: like it, a class of characters, never a literal,
    so the strings required of the rest of the pattern stay those every match contains."""
    return match.group(1) + ("\\w" if match.group(2) == "p" else "\\W")


def _parsed(source: str) -> list[tuple[object, object]] | None:
    """A pattern source as the stdlib parser reads it, or ``None`` when it is beyond that parser.

    Not cached: only :func:`parse_shape` reads it, once per source (through the cached
    :func:`_shape` for a source the table lacks, or in the table's generator), and a cached parse
    would keep its small tuples (the parser's opcodes are objects the garbage collector tracks;
    ~8,000 when every source was parsed at run time) alive for good.
    """
    try:
        return list(_sre_parser.parse(_PROPERTY.sub(_as_category, source)))
    except Exception:  # noqa: BLE001 - any source the stdlib cannot read simply runs unfiltered
        return None


@lru_cache(maxsize=64)
def prompt_matcher(languages: frozenset[str]) -> PromptMatcher:
    """The prefiltered prompt search for the given languages (built once per language set)."""
    return PromptMatcher(languages)


@lru_cache(maxsize=64)
def family_matcher(family: str) -> PromptMatcher:
    """One family's patterns of every language, prefiltered: its ``search`` finds a match where
    :func:`newsclean.phrases.family_pattern` does and at the same start (the alternation's
    leftmost match), without compiling the alternatives no line needed."""
    return PromptMatcher(frozenset(LANGUAGES), (family,))


@lru_cache(maxsize=64)
def _legal_needles(languages: frozenset[str]) -> tuple[tuple[str, ...] | None, ...]:
    """Per kind of small-print mark (the packs' ``LEGAL``), the strings one of which each of its
    matches contains (``None``: a kind with a source no string is certain for)."""
    kinds: dict[str, set[str] | None] = {}
    for lang in sorted(languages):
        for kind, sources in LEGAL_SOURCES.get(lang, {}).items():
            for source in sources:
                literals = _shape(source)[1]
                if literals is None:
                    kinds[kind] = None
                else:
                    known = kinds.setdefault(kind, set())
                    if known is not None:
                        known.update(literals)
    return tuple(None if needles is None else tuple(sorted(needles)) for needles in kinds.values())


def legal_kinds(text: str, languages: frozenset[str], at_least: int = 1) -> int:
    """How many kinds of a site's small print ``text`` holds (a trademark notice, "all rights
    reserved", "not affiliated with", "the opinions expressed here" …; the packs' ``LEGAL``),
    or 0 when it cannot hold ``at_least`` kinds.

    A text without the strings of ``at_least`` kinds is settled by substring tests, which is
    most paragraphs: the patterns themselves are searched only when that many kinds may match.
    """
    pattern = legal_pattern(languages)
    if pattern is None:
        return 0
    lowered = text.lower()
    candidates = 0
    for needles in _legal_needles(languages):
        if needles is not None:
            for needle in needles:  # (a plain loop: ~27 blocks a page, a generator each was dearer)
                if needle in lowered:
                    break
            else:
                continue
        candidates += 1
        if candidates >= at_least:
            return len({match.lastgroup for match in pattern.finditer(lowered)})
    return 0
