"""Which legacy encoding undeclared, non-UTF-8 bytes are in.

Each candidate encoding (:data:`_CANDIDATES`, most common first) decodes a sample, and the text
is scored by how much it looks like real writing: control and replacement characters,
punctuation between two letters ("Wroc³aw"), scripts mixed inside a word ("Ð¿Ñ€Ð¸"), capitals
mid-word, letters of two Central European languages at once, and CJK characters outside the
common level-1 block of their national set all count against it. How this detector was chosen
over charset-normalizer and chardet is in ``docs/robustness.md``.
"""

from __future__ import annotations

import codecs
import unicodedata

from newsclean.charsets import codec
from newsclean.lazyre import lazy

#: Bytes used to detect an undeclared encoding; decoding the whole page happens only once.
DETECT_BYTES = 65_536
#: Non-ASCII characters scored per candidate encoding; enough to tell scripts apart.
DETECT_CHARS = 4_000

# Candidates in order of preference: earlier ones win ties, so the most common come first.
_CANDIDATES: tuple[str, ...] = (
    "windows-1252",
    "windows-1250",
    "iso-8859-2",
    "windows-1251",
    "koi8-r",
    "windows-1256",
    "windows-1253",
    "windows-1255",
    "windows-1254",
    "windows-874",
    "shift_jis",
    "euc-jp",
    "gbk",
    "big5",
    "euc-kr",
)
_NON_ASCII = lazy(r"[^\x00-\x7f]")
_CJK_PUNCT = lazy(r"[\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7]")


def _script(ch: str) -> str:
    """A coarse script group: the detector only needs to see scripts that should not mix."""
    cp = ord(ch)
    if cp < 0x250 or 0x1E00 <= cp < 0x1F00:
        return "latin"
    if 0x370 <= cp < 0x400:
        return "greek"
    if 0x400 <= cp < 0x530:
        return "cyrillic"
    if 0x590 <= cp < 0x600:
        return "hebrew"
    if 0x600 <= cp < 0x700 or 0xFB50 <= cp < 0xFF00:
        return "arabic"
    if 0xE00 <= cp < 0xE80:
        return "thai"
    if 0xAC00 <= cp < 0xD7B0 or 0x1100 <= cp < 0x1200 or 0x3130 <= cp < 0x3190:
        return "hangul"
    if 0x3040 <= cp < 0x3100 or 0xFF66 <= cp < 0xFFA0:
        return "kana"
    if 0x3400 <= cp < 0xA000 or 0xF900 <= cp < 0xFB00 or 0x20000 <= cp < 0x30000:
        return "han"
    return "other"


_CJK = frozenset({"hangul", "kana", "han"})
_GRAVE_IOU = frozenset("ìòùÌÒÙ")
# Letters only one Central European language uses. Real text sticks to one group; the wrong
# one of ISO-8859-2 and windows-1250 mixes them (Czech "š ž" read as Polish "ą", Slovak "ľ").
_EXCLUSIVE_LETTERS: dict[str, str] = {
    **dict.fromkeys("ąęłśźż", "pl"),
    **dict.fromkeys("řěů", "cs"),
    **dict.fromkeys("ľĺŕ", "sk"),
    **dict.fromkeys("őű", "hu"),
}


def _level1(ch: str, codec_name: str, low: int, high: int) -> bool:
    """Whether a Han/Hangul character is in the common (level 1) block of a national set.

    Real text draws almost all its characters from there; another encoding's bytes read as
    this one land all over the table.
    """
    try:
        lead = ch.encode(codec_name)[0]
    except UnicodeEncodeError:
        return False
    return low <= lead <= high


_LEVEL1: dict[str, tuple[str, int, int]] = {
    "gbk": ("gb2312", 0xB0, 0xD7),
    "big5": ("big5", 0xA4, 0xC6),
    "euc-kr": ("euc_kr", 0xB0, 0xC8),  # the 2,350 Hangul syllables of KS X 1001
    "shift_jis": ("shift_jis", 0x88, 0x98),  # JIS X 0208 level 1 kanji
    "euc-jp": ("euc_jp", 0xB0, 0xCF),
}


def _score(text: str, name: str) -> float:
    """How much ``text`` looks like real writing; roughly -5 (mojibake) to 1 (clean)."""
    total = 0.0
    count = 0
    cjk_chars = kana = hangul = spaced_han = 0
    level1 = _LEVEL1.get(name)
    languages: dict[str, int] = {}
    cased = upper = 0
    for match in _NON_ASCII.finditer(text):
        if count >= DETECT_CHARS:
            break
        i = match.start()
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        count += 1
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd":
            total -= 5
            continue
        script = _script(ch)
        if cat[0] != "L":
            # Punctuation or a symbol between two letters is a sign of a wrong decoding
            # ("Wroc³aw"), except the apostrophes, hyphens and CJK punctuation text uses.
            if prev.isalpha() and nxt.isalpha() and not _CJK_PUNCT.match(ch):
                total -= 3
            else:
                # As plausible as a letter: otherwise encodings that map every byte to a
                # letter (Thai, Cyrillic) would beat windows-1252's "°" and "»".
                total += 1
            continue
        total += 1
        if ch.isupper():
            upper += 1
            cased += 1
        elif ch.islower():
            cased += 1
        language = _EXCLUSIVE_LETTERS.get(ch.lower())
        if language is not None:
            languages[language] = languages.get(language, 0) + 1
        if script in _CJK:
            cjk_chars += 1
            kana += script == "kana"
            hangul += script == "hangul"
            if 0xFF61 <= ord(ch) <= 0xFF9F:
                total -= 1.5  # half-width katakana: rare in real pages, common in mojibake
            if level1 and script in ("han", "hangul") and not _level1(ch, *level1):
                total -= 1.5
            if script == "han" and (prev == " " or nxt == " "):
                spaced_han += 1
        for other in (prev, nxt):
            if (
                other.isalpha()
                and _script(other) != script
                and not (script in _CJK and _script(other) in _CJK)
            ):
                total -= 1.5  # scripts mixed inside a word ("Ð¿Ñ€Ð¸")
        if ch in _GRAVE_IOU and prev.isalpha() and nxt.isalpha():
            # Italian and French put ì ò ù only at the end of a word ("più", "où"); inside
            # one they are Czech ě ů ň read as windows-1252.
            total -= 1.5
        if ch.isupper() and prev.isalpha() and prev.islower():
            total -= 1.5  # "rÉcit": wrong case tables put capitals mid-word
    if count == 0:
        return 0.0
    if len(languages) > 1:
        total -= 3 * (sum(languages.values()) - max(languages.values()))
    score = total / count
    if cased >= 20 and upper > 0.6 * cased:
        score -= 1.0  # KOI8-R read as windows-1251 (and back) swaps cases: mostly capitals
    if name in ("shift_jis", "euc-jp") and cjk_chars and kana < 0.05 * cjk_chars:
        score -= 1.0  # Japanese is written with kana; Han alone is Chinese read wrongly
    if name in ("gbk", "big5", "shift_jis", "euc-jp") and spaced_han > 0.2 * max(cjk_chars, 1):
        score -= 1.0  # Chinese and Japanese do not put spaces between words; Korean does
    if name == "euc-kr" and cjk_chars and hangul < 0.5 * cjk_chars:
        score -= 1.0
    return score


def is_iso2022jp(sample: bytes) -> bool:
    """Whether ``sample`` holds ISO-2022-JP's escapes to JIS X 0208 (never seen in other text)."""
    return b"\x1b$B" in sample or b"\x1b$@" in sample


def detect_legacy(data: bytes) -> tuple[str, float] | None:
    """The most plausible legacy encoding of ``data`` and its score, or ``None``."""
    sample = data[:DETECT_BYTES]
    if is_iso2022jp(sample):
        return "iso-2022-jp", 1.0
    best: tuple[str, float] | None = None
    for name in _CANDIDATES:
        decoder = codecs.getincrementaldecoder(codec(name))("strict")
        try:
            # final=False: the sample may end in the middle of a multi-byte character.
            text = decoder.decode(sample, final=len(sample) == len(data))
        except UnicodeDecodeError:
            continue
        score = _score(text, name)
        if best is None or score > best[1]:
            best = (name, score)
    return best
