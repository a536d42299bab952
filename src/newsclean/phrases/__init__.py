"""Phrase packs: boilerplate vocabulary as data, by concept and language.

Each language module (``en.py``, ``de.py`` …) defines two dicts keyed by *concept*:

``LABELS``
    whole-block labels, lower case: a block that is nothing but one of these (after stripping
    punctuation, symbols and counts) is that kind of boilerplate ("Listen Live", "Teilen").
``PATTERNS``
    regular-expression sources searched in *short* blocks: calls to action and label shapes
    ("sign up to our … channel", "12 comments", "© 2024 …").

Concepts map to rule *families* through :data:`CONCEPT_FAMILY`. The labels are read into
:data:`LABEL_FAMILY` from :mod:`newsclean.phrase_table`, literal data written by ``python
scripts/gen_phrase_table.py`` (run it after changing a pack's labels; ``tests/test_meta.py``
fails while the table is stale): a fresh process loads it instead of normalising the packs'
1,242 labels (~3 ms). Patterns are compiled when a page first needs them. Adding a language is
adding a module and its name to :data:`LANGUAGES` (see ``docs/phrases.md``).
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, lazy
from newsclean.phrase_table import LABELS

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
_EDGES = compile_pattern(r"^[\p{P}\p{S}\p{N}\s]+|[\p{P}\p{S}\p{N}\s]+$")
_SPACES = compile_pattern(r"\s+")


#: A block longer than this is never a label: the longest label of the packs ("do not sell or
#: share my personal information") has 44 characters; a label with a count or arrows around it
#: still fits.
LABEL_MAX_CHARS = 80


def normalize_label(text: str) -> str:
    """The form labels are compared in: case-folded, edges stripped, spaces single."""
    if len(text) > LABEL_MAX_CHARS:
        return ""
    return _normalize_short(text)


#: Rules ask for the same short lines and words several times per page (every label rule, menu
#: and share-run checks), and menus repeat across pages: a cache shared by all pages, bounded
#: (and only short strings reach it).
#: The printable ASCII characters :data:`_EDGES` strips (``tests/test_phrases.py`` checks them
#: against the pattern, character by character).
_ASCII_EDGES = string.punctuation + string.digits + " "


@lru_cache(maxsize=65536)
def _normalize_short(text: str) -> str:
    if text.isascii() and text.isprintable():
        # the same result without the two substitutions, whose property tests on every character
        # cost a fresh page ~2 M instructions: the only printable ASCII space is " ", which
        # ``split`` takes as ``\s`` does, and ASCII case-folds as it lower-cases
        return " ".join(text.strip(_ASCII_EDGES).split()).lower()
    # "İ".casefold() is "i̇" (i + combining dot): fold Turkish capital I the way its lower case is
    edges = _EDGES.sub("", text, 0, None, None, KEEP_GIL)
    folded: str = _SPACES.sub(" ", edges, 0, None, None, KEEP_GIL).replace("İ", "i").casefold()
    return folded


def _pack(lang: str) -> Any:
    return importlib.import_module(f"newsclean.phrases.{lang}")


def read_labels() -> dict[str, str]:
    """Every pack's labels, each as :func:`normalize_label` makes it, and its family (the earlier
    one in :data:`FAMILY_PRIORITY` when it is in several): what :mod:`newsclean.phrase_table`
    holds, by family."""
    labels: dict[str, str] = {}
    rank = {family: i for i, family in enumerate(FAMILY_PRIORITY)}
    for lang in LANGUAGES:
        for concept, words in _pack(lang).LABELS.items():
            family = CONCEPT_FAMILY[concept]
            for word in words:
                key = normalize_label(word)
                if key and (key not in labels or rank[family] < rank[labels[key]]):
                    labels[key] = family
    return labels


#: label (as :func:`normalize_label` makes it) -> its family
LABEL_FAMILY = {label: family for family, labels in LABELS.items() for label in labels}


def _read_sources() -> dict[str, dict[str, list[str]]]:
    sources: dict[str, dict[str, list[str]]] = {}
    for lang in LANGUAGES:
        by_family = sources.setdefault(lang, {})
        for concept, patterns in _pack(lang).PATTERNS.items():
            by_family.setdefault(CONCEPT_FAMILY[concept], []).extend(patterns)
    return sources


#: language -> family -> regex sources, as written in the packs
SOURCES = _read_sources()


@lru_cache(maxsize=64)
def family_pattern(family: str) -> regex.Pattern[str] | None:
    """One family's patterns of every language as one alternation (``None`` when it has none).

    Compiled on first use, not at import: the rules search pages with :mod:`newsclean.prefilter`'s
    matchers, which compile only the alternatives a line could match.
    """
    sources = [p for lang in LANGUAGES for p in SOURCES[lang].get(family, ())]
    if not sources:
        return None
    return compile_pattern("|".join(f"(?:{p})" for p in sources), regex.IGNORECASE | regex.V0)


def _read_legal() -> dict[str, dict[str, tuple[str, ...]]]:
    return {lang: dict(getattr(_pack(lang), "LEGAL", {})) for lang in LANGUAGES}


#: language -> kind of small-print mark -> regex sources (a pack's optional ``LEGAL``)
LEGAL_SOURCES = _read_legal()


@lru_cache(maxsize=64)
def legal_pattern(languages: frozenset[str]) -> re.Pattern[str] | None:
    """The small-print marks of the given languages as one alternation with a group per kind
    (``None`` when no pack among them has any): what :func:`legal_kinds` counts.

    The standard library's engine, searched in the lower-cased text (the sources are written in
    lower case): several times faster here than the ``regex`` module's case-insensitive search,
    and these patterns meet most paragraphs of an article's region.
    """
    kinds: dict[str, list[str]] = {}
    for lang in sorted(languages):
        for kind, sources in LEGAL_SOURCES.get(lang, {}).items():
            kinds.setdefault(kind, []).extend(sources)
    if not kinds:
        return None
    parts = [
        f"(?P<{kind.replace('-', '_')}>" + "|".join(f"(?:{p})" for p in sources) + ")"
        for kind, sources in sorted(kinds.items())
    ]
    return re.compile("|".join(parts))


_SCRIPT_LANGUAGES = (
    (lazy(r"\p{Cyrillic}"), ("ru",)),
    (lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}]"), ("zh", "ja")),
    (lazy(r"\p{Arabic}"), ("ar",)),
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
    needed = 0.2 * len(sample.replace(" ", ""))
    # (every character of those scripts is non-ASCII, and each non-ASCII character adds at least
    # one byte to the text's UTF-8 form: a text with fewer extra bytes than a script needs holds
    # too few of any script's characters, and the three property scans of 5,000 characters, ~2 M
    # instructions a page, are spared)
    if len(sample.encode("utf-8", "surrogatepass")) - len(sample) <= needed:
        return frozenset(LATIN_LANGUAGES)
    for pattern, languages in _SCRIPT_LANGUAGES:
        if len(pattern.findall(sample)) > needed:
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
    return compile_pattern("|".join(parts) or "(?!)", regex.IGNORECASE)


def label_family(text: str) -> str | None:
    """The family whose label ``text`` is, or ``None``."""
    return LABEL_FAMILY.get(normalize_label(text))


def phrase_patterns() -> Iterator[tuple[str, regex.Pattern[str] | re.Pattern[str]]]:
    """The packs' compiled patterns that meet page text, by name (for the backtracking tests;
    :func:`newsclean.rules.all_patterns` adds the rules' own)."""
    for family in FAMILY_PRIORITY:
        pattern = family_pattern(family)
        if pattern is not None:
            yield f"phrases.{family}", pattern
    yield "phrases.edges", _EDGES
    yield "phrases.prompts", prompt_pattern(frozenset(LANGUAGES))
    legal = legal_pattern(frozenset(LANGUAGES))
    if legal is not None:
        yield "phrases.legal", legal
