"""Decoding bytes to text: BOM, declared charsets, mislabels, detection, binary input."""

from __future__ import annotations

import codecs
import re
import time
from pathlib import Path

import pytest

from newsclean.decode import decode, sanitize_text
from newsclean.errors import InputError

TEXTS = Path(__file__).parent / "fixtures" / "hostile" / "texts"

# (language file, Python codec used to write the bytes, name decode() should report)
LEGACY = [
    ("ja", "shift_jis", "shift_jis"),
    ("ja", "euc_jp", "euc-jp"),
    ("ja", "iso2022_jp", "iso-2022-jp"),
    ("ko", "euc_kr", "euc-kr"),
    ("zh-hans", "gb2312", "gbk"),
    ("zh-hans", "gb18030", "gbk"),
    ("zh-hant", "big5", "big5"),
    ("ru", "cp1251", "windows-1251"),
    ("ru", "koi8_r", "koi8-r"),
    ("ar", "cp1256", "windows-1256"),
    ("pl", "iso8859_2", "iso-8859-2"),
    ("pl", "cp1250", "windows-1250"),
    ("cs", "cp1250", "windows-1250"),
    ("cs", "iso8859_2", "iso-8859-2"),
    ("fr", "cp1252", "windows-1252"),
    ("de", "cp1252", "windows-1252"),
    ("el", "cp1253", "windows-1253"),
]
UNDETECTABLE: set[tuple[str, str]] = set()
# Names decode() may report for the same bytes: the legacy sets are subsets of these.
SAME_BYTES = {"gbk": {"gbk", "gb18030"}, "iso-8859-2": {"iso-8859-2", "windows-1250"}}


def _text(lang: str) -> str:
    return (TEXTS / f"{lang}.txt").read_text("utf-8")


def _page(body: bytes, head: bytes = b"") -> bytes:
    return (
        b"<!DOCTYPE html><html><head>"
        + head
        + b"<title>t</title></head><body><p>"
        + body.replace(b"\n", b"</p>\n<p>")
        + b"</p></body></html>"
    )


def _body(text: str) -> str:
    return text.replace("\n", "</p>\n<p>")


# --- byte order marks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16le"),  # Python writes the BOM in native (little-endian) order
        ("utf-32", "utf-32le"),
    ],
)
def test_bom_is_used_and_removed(codec: str, name: str) -> None:
    text = _text("ru")
    result = decode(text.encode(codec))
    assert result.text == text
    assert result.encoding == name
    assert result.warnings[0] == f"encoding: {name} (byte order mark)"


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16be"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32be"),
    ],
)
def test_big_endian_boms(bom: bytes, codec: str, name: str) -> None:
    text = _text("ja")
    result = decode(bom + text.encode(codec))
    assert (result.text, result.encoding) == (text, name)


def test_bom_wins_over_the_callers_encoding() -> None:
    text = "Zoë’s café"
    result = decode(codecs.BOM_UTF8 + text.encode("utf-8"), encoding="iso-8859-1")
    assert result.text == text
    assert result.encoding == "utf-8"


# --- UTF-16/32 without BOM -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16-le", "utf-16le"),
        ("utf-16-be", "utf-16be"),
        ("utf-32-le", "utf-32le"),
        ("utf-32-be", "utf-32be"),
    ],
)
def test_utf16_and_utf32_without_bom_from_nul_pattern(codec: str, name: str) -> None:
    page = "<html><body><p>" + _text("de") + " — 東京</p></body></html>"
    result = decode(page.encode(codec))
    assert result.text == page
    assert result.encoding == name
    assert "NUL byte pattern" in result.warnings[0]


def test_callers_utf16_label_is_honoured() -> None:
    text = "Привет, мир"
    assert decode(text.encode("utf-16-be"), encoding="UTF-16BE").text == text


# --- declared charsets -----------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "codec", "name"), LEGACY)
def test_meta_charset_is_used(lang: str, codec: str, name: str) -> None:
    text = _text(lang)
    head = b'<meta charset="' + name.encode() + b'">'
    result = decode(_page(text.encode(codec), head))
    assert _body(text) in result.text
    assert result.warnings[0].endswith("(declared in <meta>)")


@pytest.mark.parametrize(
    "head",
    [
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        b"<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=cp1251'>",
        b"<meta charset=x-cp1251>",
    ],
)
def test_meta_variants(head: bytes) -> None:
    text = _text("ru")
    result = decode(_page(text.encode("cp1251"), head))
    assert result.encoding == "windows-1251"
    assert _body(text) in result.text


def test_xml_declaration() -> None:
    text = _text("ru")
    data = b"<?xml version='1.0' encoding='KOI8-R'?>\n<html><body><p>" + text.encode("koi8_r")
    result = decode(data + b"</p></body></html>")
    assert result.encoding == "koi8-r"
    assert "(declared in XML declaration)" in result.warnings[0]
    assert text in result.text


def test_callers_encoding_beats_the_meta() -> None:
    text = _text("ru")
    data = _page(text.encode("koi8_r"), b'<meta charset="windows-1251">')
    result = decode(data, encoding="koi8-r")
    assert result.encoding == "koi8-r"
    assert result.warnings[0] == "encoding: koi8-r (given by the caller)"
    assert _body(text) in result.text


def test_unknown_caller_label_is_reported_and_ignored() -> None:
    result = decode("Grüße".encode(), encoding="no-such-charset")
    assert result.text == "Grüße"
    assert result.warnings[0] == "encoding: unknown label 'no-such-charset' from the caller ignored"


def test_unknown_meta_label_is_reported_and_ignored() -> None:
    result = decode(_page("Grüße".encode(), b"<meta charset=klingon>"))
    assert "Grüße" in result.text
    assert "unknown charset 'klingon'" in result.warnings[0]
    assert result.encoding == "utf-8"


# --- mislabels, handled as browsers do (or better) --------------------------------------------


def test_iso_8859_1_means_windows_1252() -> None:
    # 0x93/0x94 are curly quotes in windows-1252 and C1 controls in real ISO-8859-1.
    result = decode(_page(b"\x93Quoted\x94 \x96 caf\xe9", b"<meta charset=iso-8859-1>"))
    assert "“Quoted” – café" in result.text
    assert result.encoding == "windows-1252"


def test_windows_1252_never_fails_on_its_undefined_bytes() -> None:
    # 0x81 0x8D 0x8F 0x90 0x9D have no character; browsers map them to C1 controls.
    result = decode(b"a\x81b\x8dc", encoding="windows-1252")
    assert result.text == "a\x81b\x8dc"


def test_gb2312_label_decodes_gbk_characters() -> None:
    text = "朱镕基说"  # 镕 is in GBK but not in GB2312
    result = decode(_page(text.encode("gbk"), b"<meta charset=gb2312>"))
    assert text in result.text
    assert result.encoding == "gbk"


def test_shift_jis_label_decodes_windows_31j_extensions() -> None:
    result = decode("①番".encode("cp932"), encoding="Shift_JIS")  # ① is an NEC extension
    assert result.text == "①番"


def test_meta_utf16_means_utf8() -> None:
    # A page whose ASCII <meta> we could read is not UTF-16 (WHATWG rule).
    result = decode(_page("Grüße".encode(), b"<meta charset=utf-16>"))
    assert result.encoding == "utf-8"
    assert "Grüße" in result.text


def test_declared_legacy_but_valid_utf8_is_utf8() -> None:
    text = _text("fr")
    result = decode(_page(text.encode("utf-8"), b"<meta charset=iso-8859-1>"))
    assert result.encoding == "utf-8"
    assert _body(text) in result.text
    assert "declared in <meta> as windows-1252, but valid UTF-8" in result.warnings[0]


def test_declared_utf8_but_legacy_is_detected() -> None:
    text = _text("ru")
    result = decode(_page(text.encode("cp1251"), b"<meta charset=utf-8>"))
    assert result.encoding == "windows-1251"
    assert _body(text) in result.text
    assert "but the bytes are not UTF-8" in result.warnings[0]


def test_declared_multibyte_but_other_multibyte_is_detected() -> None:
    text = _text("ja")
    result = decode(_page(text.encode("euc_jp"), b"<meta charset=shift_jis>"))
    assert _body(text) in result.text
    assert result.encoding == "euc-jp"


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    text = _text("de")
    data = text.encode() + b" \xe9 " + text.encode()
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.text == text + " \ufffd " + text
    assert "encoding: 1 invalid utf-8 byte sequences replaced with U+FFFD" in result.warnings


def test_utf8_cut_in_the_middle_of_a_character() -> None:
    data = "Überfall auf das Café".encode()[:-1]  # cuts é in half
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.text == "Überfall auf das Caf\ufffd"


# --- detection of undeclared legacy encodings ------------------------------------------------


@pytest.mark.parametrize(("lang", "codec", "name"), [case for case in LEGACY if case[:2] not in UNDETECTABLE])
def test_undeclared_legacy_text_is_detected(lang: str, codec: str, name: str) -> None:
    text = _text(lang)
    for data, expected in ((text.encode(codec), text), (_page(text.encode(codec)), _body(text))):
        result = decode(data)
        assert expected in result.text
        assert result.encoding in SAME_BYTES.get(name, {name})
        assert "detected" in result.warnings[0]


def test_plain_ascii_is_utf8() -> None:
    result = decode(b"<p>Hello</p>")
    assert (result.text, result.encoding) == ("<p>Hello</p>", "utf-8")
    assert result.warnings == ("encoding: utf-8 (valid UTF-8, no declaration)",)


def test_empty_and_whitespace() -> None:
    assert decode(b"").text == ""
    assert decode(b" \n\t ").text == " \n\t "


# --- binary input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip-compressed data"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
        (b"\x7fELF\x02\x01\x01\x00", "an executable (ELF)"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
    ],
)
def test_binary_files_are_refused_with_a_clear_message(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=re.escape(f"input looks like {kind}")) as info:
        decode(data + bytes(range(256)))
    assert str(info.value).endswith("not HTML or text")


@pytest.mark.parametrize("text", ["GIF89a is an image format.", "ID3 tags explained", "OggS"])
def test_text_that_starts_like_a_magic_number_is_text(text: str) -> None:
    assert decode(text.encode()).text == text


def test_mostly_control_bytes_is_binary() -> None:
    data = bytes((i * 7919) % 256 for i in range(5000))  # spread over all byte values
    with pytest.raises(InputError, match="many control bytes"):
        decode(data)


def test_a_few_nul_bytes_are_removed_not_refused() -> None:
    page = ("<p>" + "word " * 40 + "</p>\x00") * 20
    result = decode(page.encode())
    assert "\x00" not in result.text
    assert result.text == page.replace("\x00", "")
    assert "text: removed 20 control characters (NUL and the like)" in result.warnings


# --- sanitize_text ---------------------------------------------------------------------------


def test_sanitize_leaves_clean_text_alone() -> None:
    text = "Line one\n\tLine two\fPage"
    assert sanitize_text(text) == (text, ())


def test_sanitize_removes_controls_and_normalises_lines() -> None:
    text, warnings = sanitize_text("\ufeffa\x00b\x1fc\r\nd\re\x0bf\x7f")
    assert text == "abc\nd\ne\nf"
    assert warnings == ("text: removed 3 control characters (NUL and the like)",)


def test_sanitize_joins_surrogate_pairs_and_replaces_lone_ones() -> None:
    text, warnings = sanitize_text("a\ud83d\ude00b\ud800c\udfffd")
    assert text == "a😀b\ufffdc\ufffdd"
    assert warnings == ("text: replaced 2 lone surrogates with U+FFFD",)


def test_sanitize_is_linear() -> None:
    # Generous bound: 4 MB of worst-case input (every other character to fix) in well under
    # the time a quadratic algorithm would need (hours).
    text = "a\x00\ud800\r\n" * 1_000_000
    # this thread's CPU time: a machine busy with other work slows the wall clock, not the work
    start = time.thread_time()
    cleaned, _ = sanitize_text(text)
    assert time.thread_time() - start < 10
    assert cleaned == "a\ufffd\n" * 1_000_000


# --- combining marks, tested on the bytes (issue #15) ----------------------------------------


def test_the_mark_table_covers_every_combining_mark_regex_knows() -> None:
    """`unmarked` is sound only if every mark's UTF-8 form begins as the table says: checked
    code point by code point against `regex`'s \\p{M} (the pattern `api.composed` composes)."""
    import regex

    from newsclean.marks import _MARK_LEADS_ANY, _MARK_LEADS_PAIRED

    mark = regex.compile(r"\p{M}")
    missing = []
    for cp in (*range(0x80, 0xD800), *range(0xE000, 0x110000)):
        char = chr(cp)
        if mark.match(char):
            lead, second, *rest = char.encode("utf-8")
            if lead in _MARK_LEADS_ANY:
                continue
            seconds = _MARK_LEADS_PAIRED.get(lead, {})
            if second not in seconds:
                missing.append(f"U+{cp:04X}")
                continue
            thirds = seconds[second]
            if thirds is not None and (len(rest) != 1 or rest[0] not in thirds):
                missing.append(f"U+{cp:04X}")  # (a set of third bytes only for three-byte marks)
    assert missing == []
    assert not set(_MARK_LEADS_ANY) & set(_MARK_LEADS_PAIRED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain ASCII", True),
        ("Für die Prüfung – „zwölf“ Sitze’", True),  # composed letters, quotes, dashes
        ("Sitz\u00a0fu\u0308r", False),  # u + combining diaeresis (CC 88)
        ("a heart \u2764\ufe0f", False),  # variation selector 16 (EF B8 8F) is a mark
        ("a heart \u2764 and \U0001f600", True),  # emoji without a selector: no mark
        ("\u05e9\u05b8\u05dc\u05d5\u05b9\u05dd", False),  # Hebrew points (D6 B8, D6 B9)
        ("\u0939\u093f\u0928\u094d\u0926\u0940", False),  # Devanagari vowel signs (E0 ...)
        ("\u0491 and \u0483", False),  # Cyrillic titlo U+0483 (D2 83) after a plain D2 letter
        ("\u0491\u0492", True),  # Cyrillic letters sharing the lead byte D2, no mark
        ("x\u20d7", False),  # combining arrow above (E2 83 97) among E2 characters
        ("\u3042\u3099", False),  # kana voiced sound mark (E3 82 99)
        ("\u3042\u3044", True),  # hiragana (E3 81): no mark
        ("\u3001\u3002", True),  # the CJK comma and full stop share E3 80 with marks, not E3 80 81/82
        ("\u3042\u302a", False),  # ideographic level tone mark U+302A (E3 80 AA)
        ("\u20c0 and \u20ac", True),  # currency signs: E2 83 80, E2 82 AC
        ("\ufe10\ufe19", True),  # vertical forms (EF B8 90, EF B8 99) beside the selectors
        ("\ud55c\uad6d\uc5b4", True),  # Hangul syllables (ED 95 9C, EA B5 AD …)
        ("\ua66f", False),  # combining Cyrillic vzmet U+A66F (EA 99 AF)
        ("x\u2cef", False),  # Coptic combining mark U+2CEF (E2 B3 AF) beside Coptic letters
    ],
)
def test_unmarked_says_true_only_without_a_mark(text: str, expected: bool) -> None:
    from newsclean.marks import unmarked

    assert unmarked(text.encode("utf-8")) is expected


def test_unmarked_gives_up_on_many_shared_lead_bytes() -> None:
    """Past UNMARKED_MAX_LEADS occurrences it says "maybe" (the text is then tested itself)."""
    from newsclean.marks import UNMARKED_MAX_LEADS, unmarked

    assert unmarked(("\u2019" * UNMARKED_MAX_LEADS).encode("utf-8")) is True
    assert unmarked(("\u2019" * (UNMARKED_MAX_LEADS + 1)).encode("utf-8")) is False


def test_decoded_says_unmarked_only_for_strict_utf8() -> None:
    page = "<meta charset='utf-8'><p>Für „zwölf“</p>"
    assert decode(page.encode("utf-8")).unmarked is True
    assert decode("<meta charset='utf-8'><p>fu\u0308r</p>".encode()).unmarked is False
    # windows-1252 bytes: nothing proven, the caller tests the text
    assert decode(page.replace("utf-8", "windows-1252").encode("cp1252")).unmarked is False
