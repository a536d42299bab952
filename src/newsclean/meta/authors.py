"""Author names from bylines ("By A and B", "Von A und B", "Автор: A") and from metadata values.

A byline in text only counts when it carries a byline label; an unlabelled line of capitalised
words could be anything. What comes back is names only: no "By", no dates, no roles such as
"Staff Writer", no "|" pieces, no URLs, e-mail addresses or handles. A desk or team that signs
the article ("Podium Staff", "TOI Lifestyle Desk") is kept: it is the byline the page gives.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, lazy
from newsclean.meta.clock import alternation
from newsclean.meta.dates import TIMEOUT
from newsclean.meta.datewords import FILLER_WORDS, month_table


def _phrases(block: str) -> tuple[str, ...]:
    return tuple(p.strip() for line in block.splitlines() for p in line.split(" / ") if p.strip())


# Byline labels, one language a line. "Photo"/"Foto" labels are deliberately absent: a
# photographer is not the article's author.
BYLINE_LABELS: tuple[str, ...] = _phrases(
    """
    written by / reported by / words by / posted by / submitted by / by / author / authors / text
    von / autor / autorin / autoren / text und fotos
    par / texte / auteur
    por / escrito por / autora
    di / a cura di / autore
    door / auteur
    av / af
    автор / авторы / текст / автори
    przez / autor
    yazar / yazan
    作者 / 文 / 記者 / 撰文
    """
)
# Words that name a role, not a person: a comma piece made only of these (and lower-case
# words) is a role after a name ("Jane Doe, Staff Writer") and is dropped.
ROLE_WORDS: frozenset[str] = frozenset(
    """
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist senior chief associate deputy managing news desk team
    editorial newsroom journalist photographer contributing special guest freelance expert
    ceo cto cfo coo founder co-founder president director manager head analyst professor
    lecturer researcher scientist consultant specialist strategist dietitian md phd
    redaktion redakteur redakteurin korrespondent korrespondentin autor autorin
    rédaction rédacteur journaliste envoyé envoyée spécial spéciale
    redacción redactor redactora corresponsal periodista
    redazione giornalista inviato corrispondente
    redactie verslaggever
    редакция корреспондент журналист редакція кореспондент журналіст
    redakcja dziennikarz dziennikarka
    muhabir editörü
    fact checked fact-checked reviewed edited faktencheck geprüft vérifié relu revisado verificado
    """.split()
)
# Values CMSs put in author fields when nobody filled them in.
PLACEHOLDER_NAMES: frozenset[str] = frozenset(
    "name author admin administrator user guest unknown anonymous none null n/a".split()
) | frozenset({"the author", "an author", "the editor", "your name"})
# Words joining the last two names of a list, by language.
NAME_JOINERS: tuple[str, ...] = tuple("and und et y e en и і та i oraz ve och og &".split())
# Lower-case particles inside names ("Ursula von der Leyen", "Luis de la Cruz").
PARTICLES: frozenset[str] = frozenset(
    "von van der den de del della di da du la le bin al el ten ter dos das".split()
)

# Labels that are also everyday words ("Text Link", "Door Hinge") count with a colon or
# slash after them ("Text: Jane Doe"), or written in lower case ("door Jan de Vries").
COLON_LABELS: frozenset[str] = frozenset("text texte door".split())
_LABEL = compile_pattern(
    r"^\s*(?:(?i:"
    + alternation(set(BYLINE_LABELS) - COLON_LABELS)
    + r")(?:\s*[:：/]\s*|\s+)|(?i:"
    + alternation(COLON_LABELS)
    + r")\s*[:：/]\s*|(?:"
    + alternation(COLON_LABELS)
    + r")\s+)",
)
_LABEL_ONLY = lazy(
    r"^\s*(?:"
    + "|".join(regex.escape(w) for w in sorted(BYLINE_LABELS, key=len, reverse=True))
    + r")\s*[:：/]?\s*$",
    regex.IGNORECASE,
)
# "By The Currency editors" in an author field: a label the strict byline reader refused to
# read (lower-case "editors"). Only the English labels: "Di"/"Von"/"Da" begin surnames.
_EN_LABEL = compile_pattern(r"^(?:(?:written|posted|reported)\s+)?by\s+(?=\S)", regex.IGNORECASE)
# Every byline opens with one of its labels (in any case): a plain prefix test rules out
# most lines before the regular expressions run.
_LABEL_STARTS = tuple(sorted({w.lower() for w in BYLINE_LABELS}))  # the CJK labels included
_LABEL_CHARS = max(len(w) for w in _LABEL_STARTS)
_CJK_LABEL = compile_pattern(r"^\s*(?:作者|文|記者|撰文)\s*[:：/｜|]?\s*")
# (?<!\s): a split point starts only where a run of spaces starts, which keeps these linear
_PIECES = compile_pattern(r"(?<!\s)\s*(?:[|•·]|\s[-–—]\s|\s/\s)\s*")
_SPLIT_JOINERS = compile_pattern(
    r"(?<!\s)\s*(?:;|、|，|\s(?:" + "|".join(regex.escape(w) for w in NAME_JOINERS) + r")\s|和|与)\s*",
    regex.IGNORECASE,
)
_COMMA = compile_pattern(r"\s*,\s*")
_URLISH = compile_pattern(r"(?:https?:|www\.|@|/|\.com\b|\.\w{2,4}/)", regex.IGNORECASE)
_NAME_CHARS = compile_pattern(r"^[\p{L}\p{M}][\p{L}\p{M}\p{N}.'’\-_ ®()]*$")
_DIGIT = compile_pattern(r"\d")
# A brand written as its bare domain: one word, one dot, a top-level domain of letters.
_DOMAIN_NAME = lazy(r"^\p{L}[\p{L}\p{N}\-]*\.\p{Ll}{2,6}$")
_MAX_BYLINE_CHARS = 160
_MAX_NAME_WORDS = 6
_MAX_NAME_CHARS = 60
# A date before a name ends with its year and a capital follows ("2025 Julian K. Arni"; "2024 10
# Min Read" and "2021 training", a category after the date, are none).
_YEAR = lazy(r"^(?:19|20)\d\d\W*$")
_DATE_TAIL_WORDS = (
    frozenset(month_table())
    | FILLER_WORDS
    | frozenset("updated published posted last modified aktualisiert veröffentlicht".split())
)


def _words(piece: str) -> list[str]:
    return [w.lower().strip(".,:()") for w in piece.split()]


def is_role(piece: str) -> bool:
    """Whether ``piece`` is a short role ("Staff Writer", "Co-Founder & Marketing Director")."""
    return _is_role(piece)


def _is_role(piece: str) -> bool:
    """ "Staff Writer", "Europe correspondent", "Senior Political Reporter": a short piece
    holding a role word. After a name's comma it is that person's role."""
    words = _words(piece)
    return 0 < len(words) <= _MAX_NAME_WORDS and any(w in ROLE_WORDS for w in words)


def _only_roles(piece: str) -> bool:
    """ "Staff Writer": nothing but role words (a desk name such as "Podium Staff" is more)."""
    words = _words(piece)
    return bool(words) and all(w in ROLE_WORDS for w in words)


def _is_name(piece: str, *, strict: bool) -> bool:
    """A plausible person, desk or agency name.

    ``strict`` (text bylines) also wants every word capitalised (or a particle such as "von"),
    since the text around a byline is prose; metadata fields are names by declaration, so
    "kirstin boatto" or "whova" pass there.
    """
    if not piece or len(piece) > _MAX_NAME_CHARS:
        return False
    if _URLISH.search(piece):
        # a publisher named by its domain ("AccountingDepartment.com") signs in a field
        return not strict and _DOMAIN_NAME.match(piece) is not None
    if not _NAME_CHARS.match(piece) or piece.lower() in PLACEHOLDER_NAMES:
        return False
    words = piece.split()
    if len(words) > _MAX_NAME_WORDS or _only_roles(piece):
        return False
    if all(w in _DATE_TAIL_WORDS for w in _words(piece)):
        return False  # "By Monday": a weekday or month is not a name
    if all(w in SPONSOR_WORDS for w in _words(piece)):
        return False  # "Sponsored" alone labels the post, it does not sign it
    if strict:
        return all(not w[0].isalpha() or not w[0].islower() or w.lower() in PARTICLES for w in words)
    return True


# Roles a person signs with after the name, without a comma ("Jenny Smith Editor"); desk words
# ("news", "desk", "team", "staff") are not here: "TOI Lifestyle Desk" is the byline itself.
PERSON_ROLE_WORDS: frozenset[str] = frozenset(
    """
    editor reporter correspondent writer contributor columnist journalist photographer
    senior chief deputy managing associate contributing staff
    redakteur redakteurin korrespondent korrespondentin rédacteur journaliste redactor periodista
    """.split()
)
# Labels that mark a paid post, which pages print beside the signing name ("Help Net Security
# Sponsored"): never part of a name.
SPONSOR_WORDS: frozenset[str] = frozenset(
    """
    sponsored advertorial promoted
    gesponsert anzeige werbung
    sponsorisé sponsorisée publireportage
    patrocinado patrocinada publirreportaje
    sponsorizzato sponsorizzata
    gesponsord advertentie
    реклама
    """.split()
)
# "Jane Doe For Daily Mail Australia", "Jane Doe for The Times": the outlet a name writes for.
_FOR_OUTLET = compile_pattern(r"(?<=\S)\s+(?:for|für|pour|para|per)\s+(?:the\s+)?\p{Lu}.*$", regex.IGNORECASE)
# Pictographs, their modifiers and joiners: decoration in a display name, never a letter of it.
# (™ ® © are marks of a brand's name, which pages sign with, not decoration: they stay)
_EMOJI = compile_pattern(r"(?:(?![™®©])[\p{Extended_Pictographic}\p{So}\p{Sk}\u200d\ufe0f\ufe0e])+")


def _strip_role_tail(name: str) -> str:
    """``name`` without capitalised role words after it ("Jenny Smith Editor" -> "Jenny
    Smith") when what is left is a person's name: two or more words, each capitalised and
    none an acronym ("AAA Travel Editor" is a desk and stays whole; "writer" in lower case
    is prose, not a name's title)."""
    words = name.split()
    end = len(words)
    while end > 2 and words[end - 1].istitle() and words[end - 1].lower().strip(".,") in PERSON_ROLE_WORDS:
        end -= 1
    if end == len(words) or not all(_PLAIN_NAME_WORD.match(w) for w in words[:end]):
        return name
    return " ".join(words[:end])


_PLAIN_NAME_WORD = lazy(r"^\p{Lu}\p{Ll}[\p{L}'’\-.]*$")


def _without_sponsor_label(name: str) -> str:
    """``name`` without a paid-post label before or after it ("Sponsored", "Anzeige")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip("()[]") in SPONSOR_WORDS:
        words.pop()
    while len(words) > 1 and words[0].lower().strip("()[]:") in SPONSOR_WORDS:
        words.pop(0)
    return " ".join(words)


def _tidy(name: str) -> str:
    name = " ".join(_EMOJI.sub(" ", name).split()).strip(" .,:;-–—'\"")
    name = _without_sponsor_label(name)
    name = _strip_role_tail(_FOR_OUTLET.sub("", name))
    # ALL-CAPS bylines are a style, not the name's spelling.
    if name.isupper() and len(name) > 4 and " " in name:
        name = name.title()
    return name


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    """Names in order, each once; a name whose words all occur in an earlier, longer one
    ("Tina Huffman" after "Tina Flint Huffman") is the same person."""
    out: list[str] = []
    for name in names:
        words = set(_words(name))
        if any(words <= set(_words(kept)) for kept in out):
            continue
        out.append(name)
    return tuple(out)


def _is_date_word(word: str) -> bool:
    return word.lower().strip(".,:") in _DATE_TAIL_WORDS


def _cut_date(piece: str) -> str:
    """``piece`` without the date that follows the names ("Jane Doe on July 8" -> "Jane Doe")
    or comes before them ("Dec 17, 2025 Julian K. Arni" is cut at its comma first: "2025
    Julian K. Arni" -> "Julian K. Arni")."""
    digit = _DIGIT.search(piece)
    if digit is None:
        return piece
    lead = piece.split()
    start = 0
    while start < len(lead) and (_DIGIT.search(lead[start]) or _is_date_word(lead[start])):
        start += 1
    if 0 < start < len(lead) and _YEAR.match(lead[start - 1]) and lead[start][:1].isupper():
        piece = " ".join(lead[start:])
        digit = _DIGIT.search(piece)
        if digit is None:
            return piece
    words = piece[: digit.start()].split()
    while words and words[-1].lower().strip(".,:") in _DATE_TAIL_WORDS:
        words.pop()
    return " ".join(words)


def _split_names(text: str, *, strict: bool) -> list[str] | None:
    """Names in "A, B and C" (roles and dates dropped); ``None`` if a piece is prose."""
    names: list[str] = []
    for part in _SPLIT_JOINERS.split(text):
        for index, piece in enumerate(_COMMA.split(part)):
            piece = _tidy(_cut_date(piece))
            if not piece or (index > 0 and _is_role(piece)):
                continue  # "Jane Doe, Europe correspondent": the role goes
            if _is_name(piece, strict=strict):
                names.append(piece)
            elif not _is_role(piece):
                return None
    return names


def is_byline_label(text: str) -> bool:
    """Whether ``text`` is a byline label alone ("By", "Written by", "Autor:"): pages often
    put the label and the names in separate elements."""
    try:
        # (see clock.TIMEOUT_ARGS)
        return _LABEL_ONLY.match(text, 0, None, KEEP_GIL, False, TIMEOUT) is not None
    except TimeoutError:
        return False


def parse_byline(line: str) -> tuple[str, ...] | None:
    """The names in a byline line, or ``None`` when the line is not a byline.

    "By Jane Doe and John Roe | July 8, 2020" gives ``("Jane Doe", "John Roe")``.
    """
    line = " ".join(line.split())
    if not line or len(line) > _MAX_BYLINE_CHARS or not line[:_LABEL_CHARS].lower().startswith(_LABEL_STARTS):
        return None  # (the cheap test first: most short blocks open with no label at all)
    try:
        # (the time budget passed positionally: see clock.TIMEOUT_ARGS)
        label = _LABEL.match(line, 0, None, KEEP_GIL, False, TIMEOUT) or _CJK_LABEL.match(
            line, 0, None, KEEP_GIL, False, TIMEOUT
        )
    except TimeoutError:
        return None
    if label is None:
        return None
    first = _PIECES.split(line[label.end() :], maxsplit=1)[0]
    names = _split_names(first, strict=True)
    return _dedupe(names) or None if names else None


def _person(value: str) -> str:
    """One author's value: "Roy, Aniruddha" is written surname first; in "Jane Doe, MD, PhD"
    what follows the comma is credentials."""
    pieces: list[str] = _COMMA.split(value)
    if len(pieces) == 2 and all(len(p.split()) == 1 for p in pieces):
        return f"{pieces[1]} {pieces[0]}"
    if len(pieces) > 1 and all(_FULL_NAME.match(p) for p in pieces):
        return value  # "Jane Doe, John Roe": several people in one value, read as a list
    return pieces[0]


# A full name: two to four capitalised words (credentials such as "MD" or "PhD" are one word).
_FULL_NAME = lazy(r"^\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3}$")


def clean_authors(values: Iterable[str], *, one_each: bool = False) -> tuple[str, ...]:
    """Names from metadata values: split lists, drop labels, URLs, e-mails, handles, roles.

    ``one_each`` says each value names one author (a JSON-LD ``author`` list), so a comma in
    it is "Surname, Given name" rather than a list.
    """
    names: list[str] = []
    for raw in values:
        value = " ".join(_EMOJI.sub(" ", str(raw)).split())
        if not value or value.startswith(("http:", "https:", "www.")):
            continue
        byline = parse_byline(value)
        if byline is not None:
            names.extend(byline)
            continue
        value = _EN_LABEL.sub("", _PIECES.split(value, maxsplit=1)[0], count=1)
        names.extend(_split_names(_person(value) if one_each else value, strict=False) or [])
    return _dedupe(names)
