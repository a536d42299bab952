"""Bytes to text: the first stage of the pipeline.

The order follows what browsers do (the WHATWG Encoding standard), because the pages were
written to look right in a browser, not to be correct:

1. a byte order mark (UTF-8, UTF-16, UTF-32);
2. the encoding the caller passes (typically from an HTTP ``Content-Type`` header);
3. UTF-16/UTF-32 without a BOM, recognised by where the NUL bytes fall;
4. the charset the page declares (``<meta charset>``, ``http-equiv`` content type, XML
   declaration) in its first bytes;
5. strict UTF-8;
6. detection among the common legacy encodings (:func:`detect_legacy`);
7. windows-1252, the browsers' own fallback, with a warning.

Labels are resolved as browsers resolve them: ``iso-8859-1`` and ``ascii`` mean windows-1252,
``gb2312`` means GBK (decoded with the gb18030 superset), ``shift_jis`` means windows-31j and so
on. Two departures from browsers, both because a mislabel is far likelier than the alternative:
bytes that are valid UTF-8 with non-ASCII text are read as UTF-8 whatever the label says, and a
page declared UTF-8 whose bytes are mostly not UTF-8 goes to detection instead of turning into
replacement characters. Every choice is reported in ``Decoded.warnings``.

Binary files (PDF, images, archives, executables…) are refused with an :class:`InputError`
that says what the input looks like.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from newsclean.charsets import UTF16_32, codec, decode_with, resolve
from newsclean.detect import DETECT_BYTES, detect_legacy, is_iso2022jp
from newsclean.errors import InputError
from newsclean.lazyre import lazy
from newsclean.marks import unmarked
from newsclean.mojibake import REPAIRED, repaired

__all__ = ["Decoded", "decode", "sanitize_text"]

#: Bytes of the input searched for a declared charset: browsers look at 1 KB, but real pages
#: often put ``<meta charset>`` after a long run of scripts and styles.
PRESCAN_BYTES = 16_384
#: Fraction of control bytes (other than whitespace and ESC) above which input is binary.
#: Text has none; random or compressed data has about 11%.
BINARY_CONTROL_RATIO = 0.08
#: Regex time limit in seconds for the bounded patterns below (they cannot backtrack far;
#: the limit is a second line of defence).
REGEX_TIMEOUT = 1.0


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the encoding used and how it was chosen."""

    text: str
    encoding: str
    warnings: tuple[str, ...]
    unmarked: bool = False  #: no combining mark in ``text``, proven on its bytes (see newsclean.marks)


# --- binary input ----------------------------------------------------------------------------

# (magic bytes at offset 0, what the input looks like). Only signatures long or specific
# enough that no text or HTML page begins with them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"BZh91AY&SY", "bzip2-compressed data (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"(\xb5/\xfd", "zstd-compressed data (decompress it first)"),
    (b"PK\x03\x04", "a zip archive (or an Office/EPUB file)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf'\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", "a Java class file or Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")


def _binary_bytes(sample: bytes) -> bool:
    return len(sample.translate(None, _CONTROL_BYTES)) != len(sample)


def _binary_kind(data: bytes) -> str | None:
    """What a binary input looks like, or ``None`` when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic) and (
            # A text may begin with "GIF89a" or "ID3"; the real header has binary bytes.
            magic == b"%PDF-" or not magic.isascii() or _binary_bytes(data[:32])
        ):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime/HEIF media file"
    if data.startswith(b"MZ") and len(data) >= 64:
        pe = int.from_bytes(data[60:64], "little")
        if data[pe : pe + 4] == b"PE\x00\x00":
            return "a Windows executable"
    return None


def _mostly_control(sample: bytes) -> bool:
    # bytes.translate with a delete table keeps only the non-control bytes: O(n) in C.
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > BINARY_CONTROL_RATIO * len(sample)


# --- BOM and NUL patterns --------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32be"),
    (codecs.BOM_UTF16_LE, "utf-16le"),
    (codecs.BOM_UTF16_BE, "utf-16be"),
)


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _nul_pattern(data: bytes) -> str | None:
    """UTF-16/32 without a BOM: ASCII markup leaves NULs in fixed byte positions."""
    sample = data[:4096]
    n = len(sample) // 4 * 4
    if n < 8:
        return None
    zeros = [sample[i:n:4].count(0) / (n // 4) for i in range(4)]
    # The high bytes of a BMP character in UTF-32 are always zero; the low byte rarely is.
    if zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5:
        return "utf-32le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[3] < 0.5:
        return "utf-32be"
    # In UTF-16 the high byte is zero for ASCII (markup, spaces, digits), the low byte only
    # for the rare U+xx00. Text in one script still has a tenth or more of ASCII.
    even = (zeros[0] + zeros[2]) / 2
    odd = (zeros[1] + zeros[3]) / 2
    if odd > 0.1 and even < odd / 10:
        return "utf-16le"
    if even > 0.1 and odd < even / 10:
        return "utf-16be"
    return None


# --- declared charset ------------------------------------------------------------------------

# Bounded quantifiers only: each match attempt reads at most ~1 KB, so the scan is linear.
_META_CHARSET = regex.compile(
    rb"<meta\b[^>]{0,1024}?\bcharset\s{0,16}=\s{0,16}[\"']?\s{0,16}([A-Za-z0-9._:\-]{1,40})",
    regex.IGNORECASE,
)
_XML_ENCODING = regex.compile(
    rb"^\s{0,64}<\?xml\b[^>]{0,200}?\bencoding\s{0,16}=\s{0,16}[\"']([A-Za-z0-9._:\-]{1,40})",
    regex.IGNORECASE,
)


def _declared(data: bytes) -> tuple[str, str] | None:
    """(label, where) of the charset the page declares near its start."""
    head = data[:PRESCAN_BYTES]
    for pattern, where in ((_META_CHARSET, "<meta>"), (_XML_ENCODING, "XML declaration")):
        try:
            match = pattern.search(head, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            match = None
        if match:
            return match.group(1).decode("ascii"), where
    return None


# --- UTF-8 -----------------------------------------------------------------------------------


def _utf8_health(data: bytes) -> tuple[int, int]:
    """(valid non-ASCII characters, invalid bytes) in the first MB read as UTF-8."""
    # final=False: a character cut at the end (a truncated download, or our 1 MB cut) is
    # left in the decoder's buffer instead of counting as invalid.
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    text = decoder.decode(data[:1_048_576], final=False)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    invalid = len(text.encode("utf-8", "surrogatepass")) - len(text.encode("utf-8", "ignore"))
    # A surrogate escape takes 3 bytes in "surrogatepass" and 0 with "ignore".
    invalid //= 3
    return non_ascii - invalid, invalid


def _mostly_utf8(data: bytes) -> bool:
    """Invalid UTF-8 that is still UTF-8 with some damage (a cut character, a stray byte)."""
    valid, invalid = _utf8_health(data)
    # Legacy text almost never forms valid multi-byte UTF-8 by chance (French windows-1252
    # never; GBK pairs about one time in ten), so two valid sequences per invalid one is UTF-8.
    return valid >= 2 * invalid


# --- putting it together ---------------------------------------------------------------------


def _finish(text: str, name: str, how: str, notes: list[str], utf8: bytes | None = None) -> Decoded:
    """``utf8``: the UTF-8 form of ``text`` when the caller has it (the bytes it decoded)."""
    clean, sanitized = sanitize_text(text, utf8=utf8)
    marks_ruled_out = utf8 is not None and unmarked(utf8) and not any(map(REPAIRED.match, sanitized))
    return Decoded(clean, name, (f"encoding: {name} ({how})", *notes, *sanitized), marks_ruled_out)


def _lenient(data: bytes, name: str, how: str) -> Decoded:
    """Decode as ``name``, replacing invalid bytes, and say how many were replaced."""
    try:
        return _finish(decode_with(data, name, strict=True), name, how, [])
    except UnicodeDecodeError:
        text = decode_with(data, name, strict=False)
        # Each invalid sequence becomes one U+FFFD with "replace" and nothing with "ignore".
        bad = len(text) - len(data.decode(codec(name), "ignore"))
        note = f"encoding: {bad} invalid {name} byte sequences replaced with U+FFFD"
        return _finish(text, name, how, [note])


def _utf8_text(data: bytes) -> str | None:
    """``data`` decoded as strict UTF-8, or ``None`` when it is not valid UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _from_declared(data: bytes, name: str, how: str) -> Decoded:
    """Decode bytes whose encoding was declared, guarding against the common mislabels."""
    if name == "utf-8":
        # (one strict decode serves as the test and as the text; the bytes are its UTF-8 form)
        text = _utf8_text(data)
        if text is not None:
            return _finish(text, "utf-8", how, [], utf8=data)
        if _mostly_utf8(data):
            return _lenient(data, "utf-8", how)
        return _detect_or_fallback(data, f"{how}, but the bytes are not UTF-8")
    if name not in UTF16_32 and not data.isascii() and (text := _utf8_text(data)) is not None:
        return _finish(text, "utf-8", f"{how} as {name}, but valid UTF-8", [], utf8=data)
    try:
        return _finish(decode_with(data, name, strict=True), name, how, [])
    except UnicodeDecodeError:
        pass
    detected = detect_legacy(data)
    if detected and detected[0] != name:
        try:
            text = decode_with(data, detected[0], strict=True)
        except UnicodeDecodeError:
            pass
        else:
            return _finish(text, detected[0], f"detected; {how} as {name}, but invalid", [])
    return _lenient(data, name, how)


def _detect_or_fallback(data: bytes, why: str) -> Decoded:
    detected = detect_legacy(data)
    if detected is not None and detected[1] > 0:
        return _lenient(data, detected[0], f"detected; {why}")
    return _finish(
        decode_with(data, "windows-1252", strict=False),
        "windows-1252",
        f"fallback; {why}, and no legacy encoding fits",
        [],
    )


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode a page's bytes to text, the way a browser would, and say how.

    ``encoding`` is a charset label the caller knows, e.g. from an HTTP header; a byte order
    mark still wins over it, as in browsers. Raises :class:`~newsclean.errors.InputError` for
    binary input (PDF, images, archives, executables, mostly control bytes).
    """
    kind = _binary_kind(data)
    if kind is not None:
        raise InputError(f"input looks like {kind}, not HTML or text")
    bom = _bom(data)
    if bom is not None:
        name, size = bom
        return _lenient(data[size:], name, "byte order mark")
    notes: list[str] = []
    given = None if encoding is None else resolve(encoding)
    if encoding is not None and given is None:
        notes.append(f"encoding: unknown label {encoding!r} from the caller ignored")
    if given in UTF16_32:
        decoded = _lenient(data, given, "given by the caller")
    elif (wide := _nul_pattern(data)) is not None:
        # NULs in these positions are conclusive, whatever a header said.
        decoded = _lenient(data, wide, "detected from NUL byte pattern")
    elif _mostly_control(data[:8192]):
        raise InputError("input looks like binary data (many control bytes), not HTML or text")
    elif given is not None:
        decoded = _from_declared(data, given, "given by the caller")
    else:
        decoded = _from_page(data, notes)
    return Decoded(decoded.text, decoded.encoding, (*notes, *decoded.warnings), decoded.unmarked)


def _from_page(data: bytes, notes: list[str]) -> Decoded:
    """Decode bytes the caller said nothing about: the page's own declaration, then guesses."""
    declared = _declared(data)
    if declared is not None:
        label, where = declared
        name = resolve(label)
        if name in UTF16_32:
            # An ASCII <meta> could not have been read if the page really were UTF-16.
            name = "utf-8"
        if name is not None:
            return _from_declared(data, name, f"declared in {where}")
        notes.append(f"encoding: unknown charset {label!r} declared in {where} ignored")
    if data.isascii() and is_iso2022jp(data[:DETECT_BYTES]):
        return _lenient(data, "iso-2022-jp", "detected; no declaration")
    text = _utf8_text(data)
    if text is not None:
        return _finish(text, "utf-8", "valid UTF-8, no declaration", [], utf8=data)
    if _mostly_utf8(data):
        return _lenient(data, "utf-8", "mostly valid UTF-8, no declaration")
    return _detect_or_fallback(data, "no declaration")


# --- text clean-up ---------------------------------------------------------------------------

# Bytes whose presence in the UTF-8 form means sanitize_text has work to do. Multi-byte UTF-8
# sequences never contain bytes below 0x80, so one `in` (a memchr, many bytes per instruction)
# per byte finds them at C speed: a regex scan is several times slower, and deleting them with
# bytes.translate to compare lengths copied the page (~2 M instructions a page; issue #15).
_SUSPECT_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c") + b"\x7f"
_CONTROL_BYTES_TO_DROP = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
# one byte each; CR first, the one most pages hold (the search stops at the first found)
_SUSPECT = tuple(sorted((bytes((b,)) for b in _SUSPECT_BYTES), key=lambda one: one != b"\r"))
_CONTROLS_TO_DROP = tuple(bytes((b,)) for b in _CONTROL_BYTES_TO_DROP)


def _utf8_or_none(text: str) -> bytes | None:
    """The UTF-8 bytes of ``text``, or ``None`` when it holds lone surrogates."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _has(data: bytes | None, text: str, chars: tuple[bytes, ...]) -> bool:
    """Whether ``data`` (``text`` as UTF-8) holds one of ``chars`` (single bytes)."""
    if data is None:
        # Lone surrogates: encode them as they are so the byte test below still works.
        data = text.encode("utf-8", "surrogatepass")
    return any(one in data for one in chars)


def _needs_sanitizing(text: str, utf8: bytes | None) -> bool:  # utf8: None for lone surrogates
    return utf8 is None or text.startswith("\ufeff") or _has(utf8, text, _SUSPECT)


_CONTROLS = lazy(r"[\x00-\x08\x0e-\x1f\x7f]+")
_SURROGATE_PAIR = lazy(r"[\ud800-\udbff][\udc00-\udfff]")
#: a lone surrogate (what has no UTF-8 form; ``blocks/parse.py`` replaces it too)
LONE_SURROGATE = lazy(r"[\ud800-\udfff]")


def _join_pair(match: regex.Match[str]) -> str:
    high, low = match.group()
    return chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))


def sanitize_text(text: str, *, utf8: bytes | None = None) -> tuple[str, tuple[str, ...]]:
    """Make text safe for the parser: no NULs or other control characters, no lone surrogates.

    Keeps ``\\t \\n \\f``; turns ``\\r\\n``, ``\\r`` and ``\\v`` into ``\\n``; joins surrogate pairs
    (text decoded with ``surrogatepass``) into the character they stand for and replaces the lone ones
    with U+FFFD; drops leading byte order marks; repairs UTF-8 encoded twice (:mod:`newsclean.mojibake`).
    Returns the text and a warning for each kind of change that loses something (line endings are not
    reported). Linear time. ``utf8``, when given, is ``text`` encoded as UTF-8 (the bytes it was decoded
    from), which spares encoding it again to look for what needs fixing.
    """
    if not _needs_sanitizing(text, utf8):
        return repaired(text, utf8, [])
    warnings: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0b" in text:
        text = text.replace("\x0b", "\n")
    data = _utf8_or_none(text)
    # (the regex scans, several times slower than these byte tests, run only when there is work)
    if _has(data, text, _CONTROLS_TO_DROP):
        cleaned = _CONTROLS.sub("", text)
        warnings.append(f"text: removed {len(text) - len(cleaned)} control characters (NUL and the like)")
        text = cleaned
    if data is None:
        text = _SURROGATE_PAIR.sub(_join_pair, text)
        text, lone = LONE_SURROGATE.subn("\ufffd", text)
        if lone:
            warnings.append(f"text: replaced {lone} lone surrogates with U+FFFD")
    return repaired(text, None, warnings)
