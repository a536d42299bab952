"""Tags: splitting keyword values, and recognising a tag line in text input.

A tag line is either labelled ("Tags: a, b", "Schlagwörter: …", "Теги: …", "标签：…") or an
unlabelled comma-separated run of at least four short items, none of which looks like part of a
sentence, an address or a price. A sentence that happens to hold commas is not a tag line, and
neither is a menu ("A | B | C"). The text rules (``rules/metadata.py``) use this one parser.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, end_char, lazy
from newsclean.meta.dates import TIMEOUT

# Labels of tag lines, by language (matched case-blind at the start of the line).
TAG_LABELS: tuple[str, ...] = (
    "tags",
    "tagged",
    "tagged with",
    "tagged as",
    "topic",
    "topics",
    "related topics",
    "keyword",
    "keywords",
    "filed under",
    "categories",
    "category",
    "schlagwörter",
    "schlagworte",
    "stichwörter",
    "themen",
    "thema",
    "mots-clés",
    "mots clés",
    "étiquettes",
    "sujets",
    "thèmes",
    "etiquetas",
    "temas",
    "palabras clave",
    "tag",
    "argomenti",
    "parole chiave",
    "tópicos",
    "palavras-chave",
    "trefwoorden",
    "onderwerpen",
    "теги",
    "тэги",
    "метки",
    "ключевые слова",
    "темы",
    "мітки",
    "ключові слова",
    "теми",
    "tagi",
    "tematy",
    "słowa kluczowe",
    "etiketler",
    "anahtar kelimeler",
    "konular",
    "الوسوم",
    "كلمات مفتاحية",
    "标签",
    "標籤",
    "关键词",
    "關鍵詞",
    "タグ",
    "キーワード",
    "关键字",
)
# Small words that show a piece of text is prose rather than a tag (a tag is a name or a
# noun phrase). Two items holding one make an unlabelled line a sentence.
PROSE_WORDS: frozenset[str] = frozenset(
    """
    the a an is are was were be been has have had will would that which who this these those
    it its he she they we you i said says but not and or to for with from into than then as if so
    der die das ist sind war wurde ein eine einer und dass nicht mit sich auch
    le la les est sont était un une des et que qui pas avec pour dans
    el los las es son fue una y que no con para por en
    il lo gli è sono era uno una e che non con per
    o os as é são foi um uma e que não com para
    de het een is zijn was en dat niet met voor
    это был была были что не и в на с по как
    це був була були що не і в на з
    jest był była są że nie i w na z
    bir ve bu da de ile için
    """.split()
)
_COMMAS = lazy(r"(?<!\s)\s*[,;、，；]\s*")  # (?<!\s): linear
#: every :data:`_COMMAS` match holds one of these, so a line holding fewer than
#: ``_MIN_UNLABELLED_ITEMS - 1`` of them splits into too few items and is not split
_COMMA_CHARS = (",", ";", "、", "，", "；")
_SEPARATORS = lazy(r"(?<!\s)\s*(?:[,;|•·、，；]|\s[/–—]\s)\s*")  # (?<!\s): linear
#: A tag line's label at its start ("Tags:", "Теги:", "标签：").
LABEL = compile_pattern(
    r"^\s*(?:"
    + "|".join(regex.escape(w) for w in sorted(TAG_LABELS, key=len, reverse=True))
    + r")\s*[:：]\s*",
    regex.IGNORECASE,
)
_SENTENCE_END = lazy(r"[.!?…。！？]$")
#: what :data:`_SENTENCE_END` looks for (``tests/test_text_shortcuts.py`` checks the two agree)
_SENTENCE_END_CHARS = frozenset(".!?…。！？")
_MAX_LINE_CHARS = 400
_MAX_ITEM_WORDS = 5
_MAX_ITEM_CHARS = 50
_MIN_UNLABELLED_ITEMS = 4
_MAX_UNLABELLED_MEAN_WORDS = 3.0
_LIST_JOINERS = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "&"})
_DIGIT = lazy(r"\d")


def split_tags(value: str) -> tuple[str, ...]:
    """Split a keyword value on ``, ; | • ·``; trim, drop empties, dedupe case-blind, keep order."""
    return dedupe_tags(_SEPARATORS.split(value))


def dedupe_tags(values: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, non-empty values, first spelling of each (case-blind) kept, order kept."""
    seen: set[str] = set()
    out = []
    for raw in values:
        tag = " ".join(raw.split()).strip(" #\"'")
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out)


def _ends_sentence(text: str) -> bool:
    """``_SENTENCE_END.search(text)``, by the one character its ``$`` reads
    (:func:`lazyre.end_char`; the search tried every position of the line, about 0.3 M
    instructions a fresh text page)."""
    return end_char(text) in _SENTENCE_END_CHARS


def _looks_like_tag(item: str) -> bool:
    words = item.split()
    return (
        0 < len(words) <= _MAX_ITEM_WORDS
        and len(item) <= _MAX_ITEM_CHARS
        and not _ends_sentence(item)
        and ": " not in item
    )


def parse_tag_line(line: str, *, labelled_only: bool = False) -> tuple[str, ...] | None:
    """The tags of a tag line, or ``None`` when ``line`` is not one (see the module doc).

    ``labelled_only`` accepts only a labelled line ("Tags: …"): one that is a tag line
    wherever it stands on the page.
    """
    line = " ".join(line.split())
    if not line or len(line) > _MAX_LINE_CHARS:
        return None
    try:
        label = LABEL.match(line, 0, None, KEEP_GIL, False, TIMEOUT)  # (see clock.TIMEOUT_ARGS)
    except TimeoutError:
        return None
    if label is not None:
        items = [i for i in _SEPARATORS.split(line[label.end() :], 0, KEEP_GIL) if i]
        if items and all(_looks_like_tag(i) for i in items):
            return dedupe_tags(items)
        return None
    if labelled_only or _ends_sentence(line):
        return None
    # Unlabelled, only commas separate tags: "A | B | C" and "A / B / C" are menus.
    if sum(map(line.count, _COMMA_CHARS)) < _MIN_UNLABELLED_ITEMS - 1:
        return None
    items = [i for i in _COMMAS.split(line, 0, KEEP_GIL) if i]
    if len(items) < _MIN_UNLABELLED_ITEMS or not all(_looks_like_tag(i) for i in items):
        return None
    if sum(len(i.split()) for i in items) > _MAX_UNLABELLED_MEAN_WORDS * len(items):
        return None  # "Top 11 Consultants, Companies, Services, and Consulting Firms": a title
    # "apples, pears and plums": the last item of a list inside a sentence starts with "and".
    if any(i.split()[0].lower() in _LIST_JOINERS for i in items[1:]):
        return None
    # Pieces of a sentence hold its small words; a tag seldom does ("How to retire early").
    prose = sum(1 for i in items if any(w.lower() in PROSE_WORDS for w in i.split()))
    if 2 * prose > len(items):
        return None
    # "300 Broadway, San Francisco, CA 94133", "22,91 € 26,95 €": addresses, prices and
    # numbers split at their commas, not keywords.
    if sum(1 for i in items if _DIGIT.search(i)) >= 2:
        return None
    return dedupe_tags(items)
