"""Block features a person would use to tell prose from page furniture. Pure functions of text."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

import regex

from newsclean.lazyre import KEEP_GIL, compile_pattern, lazy

_CJK = compile_pattern(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_SENTENCE_END = compile_pattern(r"[.!?…。！？:;][\"'”’»)\]）」』]*\s*$")
_WORD = lazy(r"\w+")
_CLAUSE_END = lazy(r"[,、，；][\"'”’»)\]）」』]*\s*$")
_LIST_MARKER = lazy(r"^\s*(?:[-–—•·*▪►✓]|\d{1,2}[.)])\s+\S")
_STARTS_LIKE_TITLE = lazy(r"^[\p{Lu}\p{Lt}\p{N}\"'“‘«„(\[\p{Lo}]")
# (?<!\s) keeps the scan linear on long runs of spaces (see MENU_SEPARATORS)
_LIST_SEPARATORS = lazy(r"(?<!\s)\s*[,;•·|、，；]\s*")


#: How many lines the memos of the per-line tests below keep. A page asks about the same line
#: several times (the prose test, its word count and its weight, the repetition key: each from
#: several rules and both region searches), and a site repeats its menus on every page; a page
#: has a few hundred lines.
LINE_MEMO_SIZE = 4096
#: Longer lines are answered afresh each time, so that a memo never keeps a huge text (a page
#: of one line) alive after its page; nearly every paragraph is shorter.
LINE_MEMO_MAX_CHARS = 2000

_Answer = TypeVar("_Answer")
#: the memos :func:`_by_line` made (read by the tests)
LINE_MEMOS: list[Any] = []


def _by_line(function: Callable[[str], _Answer]) -> Callable[[str], _Answer]:
    """``function``, a pure test of a line's text, remembered by line (see LINE_MEMO_SIZE)."""
    remembered = lru_cache(maxsize=LINE_MEMO_SIZE)(function)
    LINE_MEMOS.append(remembered)

    @wraps(function)
    def by_line(text: str) -> _Answer:
        return function(text) if len(text) > LINE_MEMO_MAX_CHARS else remembered(text)

    return by_line


@_by_line
def cjk_chars(text: str) -> int:
    """How many Chinese/Japanese/Korean characters ``text`` has (remembered: a property scan of
    every character, asked of the same paragraph by the word count and the prose weight)."""
    return len(_CJK.findall(text, 0, None, False, KEEP_GIL))


def word_count(text: str, words: list[str] | None = None) -> int:
    """Words, counting two CJK characters as one word (CJK text has no spaces).

    ``words``: ``text.split()``, when the caller has split the text already.
    """
    cjk = cjk_chars(text) if not text.isascii() else 0
    if cjk:
        return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2
    return len(text.split() if words is None else words)


def ends_sentence(text: str) -> bool:
    """Ends like a sentence (Latin or full-width punctuation, closing quotes allowed)."""
    return _SENTENCE_END.search(text[-8:], 0, None, KEEP_GIL) is not None


def ends_clause(text: str) -> bool:
    """Ends like a sentence or a clause (``,`` ``;`` ``、`` too): a list item or a short line of text."""
    return ends_sentence(text) or _CLAUSE_END.search(text[-8:], 0, None, KEEP_GIL) is not None


def is_list_item(text: str) -> bool:
    """Starts with a bullet, dash or item number ("- ", "• ", "1. ", "2)")."""
    return _LIST_MARKER.match(text, 0, None, KEEP_GIL) is not None


#: What counts as prose, the one test every stage shares (the HTML region's block weight, the
#: text region's line kinds, the guard): a line this many words long is running text whatever
#: its last character (a paragraph cut by the scraper, a caption-less quote) …
PROSE_MIN_WORDS = 25
#: … and a shorter one is when it ends like a sentence and has at least this many words: a
#: menu entry or a headline is shorter, a one-line paragraph ("The council will vote in May.")
#: is not. (Both set with the first rules and kept since: every tuned cost of the regions is
#: measured on top of them, so they are not tuned alone.)
PROSE_SENTENCE_MIN_WORDS = 8


@_by_line
def is_prose(text: str) -> bool:
    """A line of running text: long enough and shaped like sentences (remembered by line)."""
    # (split once: the word count and the word-list test both read the words)
    split = text.split()
    words = word_count(text, split)
    if words >= PROSE_MIN_WORDS:
        return not is_word_list(text, split)
    return words >= PROSE_SENTENCE_MIN_WORDS and ends_sentence(text) and not is_word_list(text, split)


_INNER_PUNCT = compile_pattern(r"[.,;:!?…。，、；：！？]")
#: a capital (or title-case) letter; matched against a string of words' first letters
_TITLE_CHAR = compile_pattern(r"[\p{Lu}\p{Lt}]")
#: A line of this many words without any inner punctuation is a run of words (a tag cloud), not
#: prose: sentences of that length have a comma or a full stop.
WORD_LIST_MIN_WORDS = 25
#: A line of this many words or more with more than this share of capitalised words is a
#: flattened menu ("Selecione Administração Agricultura Campanha …"); German prose, with its
#: capitalised nouns, stays below.
WORD_LIST_TITLE_MIN_WORDS = 20
WORD_LIST_TITLE_SHARE = 0.6
#: ... or more than this share of digits among its word characters: a month archive
#: ("2019年11月 2019年4月 …"), a table of figures.
WORD_LIST_DIGIT_SHARE = 0.5
#: ... or, when this long, capitalised and with fewer sentence ends than one per this many
#: characters: a block of headlines glued together ("… rivaling Housemaid Goa Liberation Day: How India's …").
GLUED_HEADLINES_MIN_CHARS = 600
GLUED_HEADLINES_CHARS_PER_END = 400
#: Headlines capitalise; a flattened code listing, also without full stops, does not.
GLUED_HEADLINES_TITLE_SHARE = 0.3
_SENTENCE_BREAK = lazy(r"[.!?…。！？](?=[\s\"'”’»)]|$)")


def is_word_list(text: str, words: list[str] | None = None) -> bool:
    """A long line that is a run of words, not sentences: a tag cloud, a flattened menu, an
    archive drop-down. Prose of this length has punctuation, lower-case words and few digits.

    ``words``: ``text.split()``, when the caller has split the text already.
    """
    if words is None:
        words = text.split()
    if len(words) >= WORD_LIST_MIN_WORDS and _INNER_PUNCT.search(text, 0, None, KEEP_GIL) is None:
        return True
    # (the capitals are counted only for the lines long enough for the two tests that read them)
    if len(words) >= WORD_LIST_TITLE_MIN_WORDS or len(text) >= GLUED_HEADLINES_MIN_CHARS:
        # one regex pass over the words' first letters instead of one match call per word
        initials = "".join([word[0] for word in words])
        titled = len(_TITLE_CHAR.findall(initials, 0, None, False, KEEP_GIL))
        if len(words) >= WORD_LIST_TITLE_MIN_WORDS and titled > WORD_LIST_TITLE_SHARE * len(words):
            return True
        if (
            len(text) >= GLUED_HEADLINES_MIN_CHARS
            and titled > GLUED_HEADLINES_TITLE_SHARE * len(words)
            and len(_SENTENCE_BREAK.findall(text)) * GLUED_HEADLINES_CHARS_PER_END < len(text)
        ):
            return True
    digits, alnum = _digits_and_alnum(text)
    return alnum > 0 and digits > WORD_LIST_DIGIT_SHARE * alnum


#: ASCII bytes that are not letters or digits (``str.isalnum`` on ASCII is ``[0-9A-Za-z]``)
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())
_ASCII_DIGITS = b"0123456789"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _digits_and_alnum(text: str) -> tuple[int, int]:
    """How many characters of ``text`` are digits and how many letters or digits, as
    ``str.isdigit`` and ``str.isalnum`` count them (the letters only when there are digits).

    The ASCII characters are counted by deleting bytes, in C; only the others are asked one by
    one (most lines of Latin-script pages have a few: quotes, dashes, accented letters).
    """
    if text.isascii():
        data = text.encode("ascii")
        others = ""
    else:
        data = text.encode("ascii", "ignore")
        others = "".join(_NON_ASCII.findall(text))
    digits = len(data) - len(data.translate(None, _ASCII_DIGITS))
    if others:
        digits += sum(map(str.isdigit, others))
    if not digits:
        return 0, 0
    alnum = len(data.translate(None, _ASCII_NOT_ALNUM))
    if others:
        alnum += sum(map(str.isalnum, others))
    return digits, alnum


def prose_weight(text: str) -> int:
    """How much running text a line holds, in Latin characters: a Chinese or Japanese character
    carries about as much as a short word, so it counts three."""
    cjk = cjk_chars(text) if not text.isascii() else 0
    return len(text) + 2 * cjk


#: A headline or a link title has this many words (fewer is a label: "Sport", "Read more";
#: more is a sentence) …
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
#: … and at most this many characters (25 words of about 9 characters with their spaces).
HEADLINE_MAX_CHARS = 220


def is_headline_shaped(text: str) -> bool:
    """Shaped like a headline or a link title: a handful of words, no closing full stop."""
    words = word_count(text)
    if not HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return False
    stripped = text.rstrip("\"'”’»")
    if stripped.endswith((".", "。", ":", "：", ",", ";")) and not stripped.endswith("..."):
        return False
    return _STARTS_LIKE_TITLE.match(text, 0, None, KEEP_GIL) is not None


_URL_LINE = lazy(r"^(?:https?://|www\.)\S+$", regex.IGNORECASE)
#: the characters a :data:`_URL_LINE` match opens with (case-blind "h" or "w": no other character
#: matches them, ``tests/test_text_shortcuts.py``): a line opening with none is not matched
_URL_FIRST = frozenset("hHwW")
_FIELD_LINE = lazy(r"^\p{L}[\w'’&-]*(?: [\w'’&-]+){0,3}[:：] ?\S")


#: A number as a table cell shows it: "88g", "55.41%", "1,465", "$35", "1/1/2013", "+13.1%".
_NUMBER = lazy(r"(?<![\w.,/-])[-+$€£¥]?\d[\d.,/:]*(?:%|[a-zA-Zµ]{1,3})?(?![\w])")
#: ``\d`` in ASCII text (``tests/test_line_memo.py`` checks every ASCII character)
_ASCII_DIGIT = re.compile(r"[0-9]")
#: How many numbers make a short line a table row, what share of its words they must be, and
#: how long such a row may be.
TABLE_ROW_MIN_NUMBERS = 2
TABLE_ROW_MIN_SHARE = 0.4
TABLE_ROW_MAX_CHARS = 120


#: A line of this many words or more, at least this share of them starting in lower case, is
#: written in sentence case.
SENTENCE_CASE_MIN_WORDS = 5
SENTENCE_CASE_LOWER_SHARE = 0.5


def is_sentence_case(text: str) -> bool:
    """Written in sentence case, as a list item is ("Careful handling of fragile items"): five
    words or more, half of them lower-case. Menu entries and section names are a word or two in
    title case ("Trucker Resources"); headlines of teasers can be either, so callers decide by
    position."""
    words = text.split()
    if len(words) < SENTENCE_CASE_MIN_WORDS:
        return False
    lower = sum(word[:1].islower() for word in words)
    return lower >= SENTENCE_CASE_LOWER_SHARE * len(words)


def is_table_row(text: str) -> bool:
    """A row of a table flattened to one line: a short line mostly of numbers ("Cherry tomatoes
    88g 175g 350g", "Antiques 82 55.41% 1,465 46.07%"). Menus have at most a count, and a
    headline's numbers ("Top 10 Things to Do in 2024") are a small share of its words. A line
    that is one number ("60%", "$24,500") is a table cell on a line of its own."""
    if len(text) > TABLE_ROW_MAX_CHARS:
        return False
    if text.isascii() and _ASCII_DIGIT.search(text) is None:
        return False  # (no number without a digit, and ASCII's digits are these; most lines)
    numbers = len(_NUMBER.findall(text, 0, None, False, KEEP_GIL))
    words = len(text.split())
    if words == 1:
        return numbers == 1
    return numbers >= TABLE_ROW_MIN_NUMBERS and numbers >= TABLE_ROW_MIN_SHARE * words


#: A bare web address longer than this is a tracking link or a data URL, not one a writer typed.
URL_LINE_MAX_CHARS = 300
#: A ``Label: value`` line longer than this is a sentence that happens to open with a colon.
FIELD_LINE_MAX_CHARS = 120


def is_url_line(text: str) -> bool:
    """The line is a bare web address (a product link under a roundup item, a source)."""
    return (
        len(text) <= URL_LINE_MAX_CHARS
        and text[:1] in _URL_FIRST
        and _URL_LINE.match(text, 0, None, KEEP_GIL) is not None
    )


def is_field_line(text: str) -> bool:
    """A short ``Label: value`` line ("Price: $49", "Where to watch: Netflix"): a spec sheet or
    a fact box of the article, not a menu item."""
    return (
        len(text) <= FIELD_LINE_MAX_CHARS
        # (every match holds a colon, which no other character matches: most lines need no search)
        and (":" in text or "：" in text)
        and _FIELD_LINE.match(text, 0, None, KEEP_GIL) is not None
    )


def split_list(text: str) -> list[str]:
    """Items of a comma/bullet separated line, trimmed, empties dropped."""
    return [item.strip() for item in _LIST_SEPARATORS.split(text, 0, KEEP_GIL) if item.strip()]


_KEY_DROP = lazy(r"[\W_]+")
#: bytes -> bytes: an ASCII letter or digit stays, every other byte becomes a space (what
#: ``_KEY_DROP`` keeps of ASCII text; ``tests/test_line_memo.py`` checks every ASCII character)
_ASCII_KEY_TABLE = bytes(b if b < 128 and chr(b).isalnum() else 0x20 for b in range(256))


@_by_line
def line_key(text: str) -> str:
    """The form lines are compared in when looking for repetition: words only, case-folded
    (remembered by line)."""
    if text.isascii():
        # the substitution's answer without its property test on every character (~0.5 M
        # instructions a fresh page): bytes.translate, then the runs of spaces made single
        spaced = text.encode("ascii").translate(_ASCII_KEY_TABLE).decode("ascii")
        return " ".join(spaced.split()).lower()
    key: str = _KEY_DROP.sub(" ", text, 0, None, None, KEEP_GIL)
    return key.strip().casefold()


#: Nouns of the jobs an author box names in English ("Jane Doe is a senior editor at …").
_BIO_ROLES = (
    r"writer|editor|journalist|reporter|correspondent|author|contributor|columnist|blogger|"
    r"founder|co-?founder|ceo|director|professor|attorney|lawyer|coach|trainer|strategist|"
    r"marketer|consultant|analyst|researcher|expert|specialist|nutritionist|dietitian|photographer"
)
# a capitalised name of one to four words, then (case-blind) the verb, the article and the job,
# or a job title in capitals ("is a Community Manager", "is MASV's Head of Editorial"; a lower-case
# "password manager" is a product)
_AUTHOR_BIO = lazy(
    r"^(?:\p{Lu}[\p{L}.'’-]*,?\s){1,4}(?i:is|was|has been|serves as)\s"
    r"(?:(?i:a|an|the|our)\s(?:[\w&/-]+,?\s){0,4}?(?i:" + _BIO_ROLES + r")s?\b"
    r"|(?:(?i:a|an|the|our)\s|\p{Lu}[\w&.-]*['’]s\s)(?:\p{Lu}[\w&/-]*\s){0,3}(?:Manager|Head|Lead|Officer|Editor|Writer|Director|Chief|Partner|President)\b)"
)


# The same shape in the other Latin-script packs and Russian: the name, the verb ("ist", "est",
# "es", "è", "é", "jest", a dash) and up to two words before the writer's job. Turkish puts the
# verb last ("… muhabiridir") and an appositive ("Ahmet Yılmaz, gazeteci, …") opens news prose
# too, so it is left out. A name does not open with an article ("Der Minister ist Autor …").
_AUTHOR_BIO_OTHER = lazy(
    r"^(?!(?:Der|Die|Das|Ein|Eine|Le|La|Les|Un|Une|El|Los|Las|Una|Il|Lo|Gli|O|A|Os|As|Um|Uma)\s)"
    r"(?:\p{Lu}[\p{L}.'’-]*,?\s){1,4}(?:"
    r"ist\s(?:[\w-]+\s){0,2}?(?:Chef)?(?:Redakteur|Journalist|Autor|Korrespondent|Reporter|"
    r"Volontär|Ressortleiter|Kolumnist|Fotograf)(?:in)?\b"
    r"|est\s(?:[\w'’-]+\s){0,2}?(?:journaliste|rédact(?:eur|rice)|correspondante?|reporter|"
    r"chroniqueu(?:r|se)|éditorialiste|photographe)\b"
    r"|es\s(?:[\w-]+\s){0,2}?(?:periodista|redactora?|corresponsal|editora?|columnista|"
    r"reporter[oa]?|fotógraf[oa])\b"
    r"|è\s(?:[\w'’-]+\s){0,2}?(?:giornalista|redat(?:tore|trice)|corrispondente|"
    r"caporedat(?:tore|trice)|editorialista|fotograf[oa]|inviat[oa])\b"
    r"|é\s(?:[\w-]+\s){0,2}?(?:jornalista|repórter|redatora?|editora?|colunista|"
    r"correspondente|fotógraf[oa])\b"
    r"|jest\s(?:[\w-]+\s){0,2}?(?:dziennikar(?:zem|ką)|redaktor(?:em|ką)|reporter(?:em|ką)|"
    r"publicyst(?:ą|ką)|korespondent(?:em|ką)|felietonist(?:ą|ką))\b"
    r"|[—–]\s(?:[\w-]+\s){0,2}?(?:журналист(?:ка)?|корреспондент|редактор|обозреватель|"
    r"колумнист|фотограф)"
    r")"
)


#: An author box names the writer and the job in its first sentence; only this much is read.
AUTHOR_BIO_OPENING_CHARS = 200


def is_author_bio(text: str) -> bool:
    """Opens like an author box: a name and the writer's job ("Jane Doe is a senior editor at
    …", "Max Muster ist Redakteur bei …", "Marie Dupont est journaliste au …"). A first-person
    "I'm a …" is left alone: posts and columns open that way too."""
    head = text[:AUTHOR_BIO_OPENING_CHARS]
    if _AUTHOR_BIO.match(head, 0, None, KEEP_GIL) is not None:
        return True
    return _AUTHOR_BIO_OTHER.match(head, 0, None, KEEP_GIL) is not None


#: A name's word this short ("of", "de", "&") names nothing by itself: an "About <name>" box's
#: prose must repeat a longer one. Two letters would let "de" or "la" match any French or Spanish
#: text; the s11-text measurement (html_text, scrapinghub and wceb2026-dev articles) was made with 3.
NAME_WORD_MIN_CHARS = 3


def names_again(name: str, text: str) -> bool:
    """Whether the opening of ``text`` (its first AUTHOR_BIO_OPENING_CHARS characters) names
    ``name`` again: a whole word of it of NAME_WORD_MIN_CHARS letters or more ("The" of "About The
    Post" is not found in "There")."""
    head = set(_WORD.findall(text[:AUTHOR_BIO_OPENING_CHARS]))
    return any(len(word) >= NAME_WORD_MIN_CHARS and word in head for word in _WORD.findall(name))


#: A line of HTML source (a page template the scraper printed as text, an ad's markup) has at
#: least this many tags, covering at least MARKUP_TAG_SHARE of its characters. An article about
#: HTML quotes a tag or two inside its sentences; its own code lines stay in the region around
#: them (the text region counts such a line as neither prose nor a cost). Measured on four
#: converters' text: dragnet-dev html_text +0.004 (8 pages better, whose only "prose" was a
#: search widget's template), 13 pages better and none worse over all sets; the wceb/wcxb story
#: about HTML (lines of tags in its truth) keeps them.
MARKUP_MIN_TAGS = 3
MARKUP_TAG_SHARE = 0.5
_TAG = lazy(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")


def is_markup_source(text: str) -> bool:
    """Whether the line is mostly HTML tags (see :data:`MARKUP_MIN_TAGS`)."""
    if "<" not in text:
        return False
    tags = _TAG.findall(text, 0, None, False, KEEP_GIL)
    return len(tags) >= MARKUP_MIN_TAGS and sum(map(len, tags)) >= MARKUP_TAG_SHARE * len(text)
