"""Author names from bylines ("By A and B", "Von A und B", "Автор: A") and from metadata values.

A byline only counts when it carries a byline label; an unlabelled line of capitalised words
could be anything. What comes back is names only: no "By", no dates, no roles such as "Staff
Writer", no "|" pieces, no URLs, e-mail addresses or handles.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newsclean.meta.dates import TIMEOUT
from newsclean.meta.datewords import FILLER_WORDS, month_table

# Byline labels, by language. "Photo"/"Foto" labels are deliberately absent: a photographer is
# not the article's author.
BYLINE_LABELS: tuple[str, ...] = (
    "written by",
    "reported by",
    "words by",
    "posted by",
    "by",
    "author",
    "authors",
    "text",
    "von",
    "autor",
    "autorin",
    "autoren",
    "texte",
    "par",
    "por",
    "escrito por",
    "di",
    "a cura di",
    "door",
    "av",
    "af",
    "автор",
    "авторы",
    "текст",
    "автори",
    "przez",
    "yazar",
    "yazan",
    "作者",
    "文",
    "記者",
    "撰文",
)
# Words that name a role or a desk, not a person; a name piece holding one is dropped.
ROLE_WORDS: frozenset[str] = frozenset(
    """
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist senior chief associate deputy managing news desk team
    editorial newsroom journalist photographer contributing special guest freelance
    redaktion redakteur redakteurin korrespondent korrespondentin autor autorin
    rédaction rédacteur journaliste envoyé envoyée spécial spéciale
    redacción redactor redactora corresponsal periodista
    redazione giornalista inviato corrispondente
    redactie verslaggever correspondent
    редакция корреспондент журналист редакція кореспондент журналіст
    redakcja dziennikarz dziennikarka
    muhabir editörü
    updated published min read
    """.split()
)
# Words joining the last two names of a list, by language.
NAME_JOINERS: tuple[str, ...] = (
    "and",
    "und",
    "et",
    "y",
    "e",
    "en",
    "и",
    "і",
    "та",
    "i",
    "oraz",
    "ve",
    "och",
    "og",
    "&",
)

_LABEL = regex.compile(
    r"^\s*(?:"
    + "|".join(regex.escape(w) for w in sorted(BYLINE_LABELS, key=len, reverse=True))
    + r")(?:\s*[:：/]\s*|\s+)",
    regex.IGNORECASE,
)
_CJK_LABEL = regex.compile(r"^\s*(?:作者|文|記者|撰文)\s*[:：/｜|]?\s*")
_PIECES = regex.compile(r"\s*(?:[|•·]|\s[-–—]\s|\s/\s)\s*")
_SPLIT = regex.compile(
    r"\s*(?:,|;|、|，|\s(?:" + "|".join(regex.escape(w) for w in NAME_JOINERS) + r")\s|和|与)\s*",
    regex.IGNORECASE,
)
_URLISH = regex.compile(r"(?:https?:|www\.|@|/|\.com\b|\.\w{2,4}/)", regex.IGNORECASE)
_NAME_CHARS = regex.compile(r"^[\p{L}\p{M}][\p{L}\p{M}.'’\- ]*$")
_MAX_BYLINE_CHARS = 160
_MAX_NAME_WORDS = 5


def _is_name(piece: str) -> bool:
    """A plausible person (or agency) name: 1-5 words of letters, no role word, no digits."""
    if not piece or len(piece) > 60 or _URLISH.search(piece):
        return False
    if not _NAME_CHARS.match(piece):
        return False
    words = piece.split()
    if len(words) > _MAX_NAME_WORDS:
        return False
    if any(w.lower().strip(".") in ROLE_WORDS for w in words):
        return False
    if all(w.lower().strip(".") in _DATE_TAIL_WORDS for w in words):
        return False  # "By Monday": a weekday or month is not a name
    # Latin and Cyrillic names start with a capital; CJK names have no case at all.
    return all(not w[0].isalpha() or not w[0].islower() or w.lower() in _PARTICLES for w in words)


# Lower-case particles inside names ("Ursula von der Leyen", "Luis de la Cruz").
_PARTICLES = frozenset("von van der den de del della di da du la le bin al el ten ter".split())


def _tidy(name: str) -> str:
    name = " ".join(name.split()).strip(" .,:;-–—'\"")
    # ALL-CAPS bylines are a style, not the name's spelling.
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def _names(text: str) -> list[str]:
    """Split a names-only string ("A, B and C") into tidy, plausible names."""
    names = []
    for raw in _SPLIT.split(text):
        name = _tidy(raw)
        if _is_name(name):
            names.append(name)
    return names


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


_DATE_TAIL_WORDS = (
    frozenset(month_table())
    | FILLER_WORDS
    | frozenset("updated published posted last modified aktualisiert veröffentlicht".split())
)


def _cut_date(piece: str) -> str:
    """``piece`` without the date that follows the names ("Jane Doe on July 8" -> "Jane Doe")."""
    digit = regex.search(r"\d", piece)
    if digit is None:
        return piece
    words = piece[: digit.start()].split()
    while words and words[-1].lower().strip(".,:") in _DATE_TAIL_WORDS:
        words.pop()
    return " ".join(words)


def parse_byline(line: str) -> tuple[str, ...] | None:
    """The names in a byline line, or ``None`` when the line is not a byline.

    "By Jane Doe and John Roe | July 8, 2020" gives ``("Jane Doe", "John Roe")``.
    """
    line = " ".join(line.split())
    if not line or len(line) > _MAX_BYLINE_CHARS:
        return None
    try:
        label = _LABEL.match(line, timeout=TIMEOUT) or _CJK_LABEL.match(line, timeout=TIMEOUT)
    except TimeoutError:
        return None
    if label is None:
        return None
    rest = line[label.end() :]
    first = _PIECES.split(rest, maxsplit=1)[0]
    names: list[str] = []
    # Commas separate names, a role ("Jane Doe, Staff Writer") or a date; keep the names.
    for piece in regex.split(r"\s*,\s*", first):
        cut = _cut_date(piece)
        found = _names(cut)
        if found:
            names.extend(found)
        elif cut and not any(w.lower().strip(".") in ROLE_WORDS for w in cut.split()):
            return None  # a piece that is neither names, role nor date: a sentence ("By then, …")
    return _dedupe(names) or None


def clean_authors(values: Iterable[str]) -> tuple[str, ...]:
    """Names from metadata values: split lists, drop labels, URLs, e-mails, handles, roles."""
    names: list[str] = []
    for value in values:
        value = " ".join(str(value).split())
        if not value or value.startswith(("http:", "https:", "www.")):
            continue
        byline = parse_byline(value)
        if byline is not None:
            names.extend(byline)
            continue
        names.extend(_names(_PIECES.split(value, maxsplit=1)[0]))
    return _dedupe(names)
