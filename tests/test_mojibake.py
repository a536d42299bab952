"""Double-encoded UTF-8 (mojibake), repaired while the page is read (newsclean.mojibake)."""

from __future__ import annotations

import pytest

from newsclean.decode import decode, sanitize_text
from newsclean.mojibake import TELLTALE_PROBES, _shows_telltale, repair_mojibake


@pytest.mark.parametrize(
    ("text", "expected", "count"),
    [
        ("cafÃ© au lait", "café au lait", 1),  # é = C3 A9, read as windows-1252
        ("Itâ€™s here", "It’s here", 1),  # ’ = E2 80 99
        ("itâ\x80\x99s", "it’s", 1),  # the same bytes read as Latin-1 (C1 controls)
        ("â€œquotedâ€\x9d", "“quoted”", 2),  # ” = E2 80 9D: 0x9D is undefined in windows-1252
        ("8Â\xa0am", "8\xa0am", 1),  # a no-break space
        ("Â© 2024", "© 2024", 1),
        ("Ã\xa0 Paris", "à Paris", 1),  # à = C3 A0: "Ã" + no-break space, set apart
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", 6),  # a run of two-character units
        ("ðŸ˜€ ok", "😀 ok", 1),  # a four-byte character
        ("EspaÃƒÂ±ol", "Español", 3),  # encoded three times: "Ãƒ" + "Â±" first, then "Ã±"
        ("wÅ‚asny itâ€™s", "własny it’s", 2),  # Å‚ (ł) is repaired on a page with a sure unit
    ],
)
def test_double_encoded_text_is_repaired(text: str, expected: str, count: int) -> None:
    assert repair_mojibake(text) == (expected, count)


@pytest.mark.parametrize(
    "text",
    [
        "NÃO SÃO PAULO",  # Portuguese capitals: "Ã" before a letter
        "l’Âge d’or",  # French
        "the ‘ß’ mask",  # a capital-range letter before a quote, alone on the page
        'I saw "Ã¤" instead of "ä"',  # a page quoting mojibake, set apart
        "accusé pour «\xa0vol aggravé\xa0» et",  # é + no-break space + » reads as E9 A0 BB (頻)
        "et voilà…» dit-il",  # à + … + » is not even UTF-8 (E0 85 BB)
        "»SCHÖN« rief sie",  # Ö + « reads as D6 AB, a Hebrew accent
        "wÅ‚asny",  # Å‚ alone: no sure unit on the page
        "plain ASCII text",
        "",
    ],
)
def test_real_latin1_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)


def test_the_byte_telltale_finds_every_lead_and_continuation() -> None:
    """The byte search is sound: every lead character U+00C2–U+00F4 followed by every character
    windows-1252 or Latin-1 shows for 0x80–0xBF is found in the UTF-8 bytes."""
    conts = {bytes((b,)).decode("latin-1") for b in range(0x80, 0xC0)}
    conts |= {c for b in range(0x80, 0xA0) if (c := bytes((b,)).decode("cp1252", "ignore"))}
    missed = [
        (chr(lead), cont)
        for lead in range(0xC2, 0xF5)
        for cont in sorted(conts)
        if not _shows_telltale(f"x{chr(lead)}{cont}y".encode())
    ]
    assert missed == []
    # a lead before a letter or a space, and a continuation alone, are not the telltale
    assert not _shows_telltale("NÃO Âge café « » ’".encode())


def test_the_telltale_after_many_accented_letters_is_found() -> None:
    """Past the first TELLTALE_PROBES C3 bytes the rest of the page is searched in one go."""
    french = "été déjà " * (TELLTALE_PROBES + 5)
    assert not _shows_telltale(french.encode())
    assert _shows_telltale((french + "cafÃ©").encode())
    assert repair_mojibake(french + "cafÃ©") == (french + "café", 1)


def test_decode_repairs_and_says_so() -> None:
    page = "<p>Itâ€™s the cafÃ©’s day</p>".encode()
    decoded = decode(page)
    assert decoded.text == "<p>It’s the café’s day</p>"
    assert "text: repaired 2 characters of UTF-8 that had been encoded twice (mojibake)" in decoded.warnings


def test_a_repair_that_brings_in_combining_marks_does_not_claim_there_are_none() -> None:
    # Hebrew עִב (D7 A2 D6 B4 D7 91) double-encoded: the repair brings in the point U+05B4
    decoded = decode("<p>×¢Ö´×\x91</p>".encode())
    assert decoded.text == "<p>עִב</p>"
    assert decoded.unmarked is False
    assert decode(b"<p>plain</p>").unmarked is True


def test_text_input_is_repaired_too() -> None:
    text, warnings = sanitize_text("cafÃ©\r\nnext")
    assert text == "café\nnext"
    assert warnings == ("text: repaired 1 characters of UTF-8 that had been encoded twice (mojibake)",)


def test_the_repair_runs_after_control_characters_go() -> None:
    """Found by tests/test_properties.py: "Â", a control character, then "\\x80" were left as
    "Â\\x80" by sanitising and repaired only when those bytes were decoded again. The repair now
    comes last, so sanitising gives its final text in one go."""
    text, warnings = sanitize_text("a\x00Ã\x1f©b")
    assert text == "aéb"
    assert warnings == (
        "text: removed 2 control characters (NUL and the like)",
        "text: repaired 1 characters of UTF-8 that had been encoded twice (mojibake)",
    )
    assert sanitize_text(text) == (text, ())
    assert decode(text.encode()).text == text


def test_byte_order_marks_left_in_front_go() -> None:
    """A fuzz run over mojibake's characters found '\\x1f\\ufeff': the control character went
    and left a byte order mark in front, which a second decode of the bytes then dropped."""
    for text in ("\x1f\ufeffbody", "\ufeff\ufeffbody", "\ufeffbody", "ï»¿body"):
        clean, _ = sanitize_text(text)
        assert sanitize_text(clean)[0] == clean
        assert decode(clean.encode()).text == clean
    assert sanitize_text("\x1f\ufeffbody")[0] == "body"
    assert sanitize_text("\ufeff\ufeffbody")[0] == "body"
