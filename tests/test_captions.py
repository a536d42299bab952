"""The caption-line rule judges a line's shape: an agency's caption, whatever its length."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean.rules import captions
from newsclean.rules.captions import is_caption

FIXTURES = Path(__file__).parent / "fixtures"

PARAGRAPH = (
    "The council approved the budget on Tuesday after a long debate about the cost of the new "
    "swimming pool, which will open in the spring of next year if the builders keep to the plan."
)
LONG = (
    " The pool, the city's first new one in forty years, will have eight lanes and a "
    "learners' basin, and the council expects it to draw visitors from the whole county."
)


@pytest.mark.parametrize(
    "line",
    [
        "Builders work on the roof of the new pool in Riverton, Tuesday, May 7, 2024." + LONG + " (AP Photo/Lee Morgan)",
        "Builders work on the roof of the new pool." + LONG + " (Photo by Ann Lee/Getty Images)",
        "Builders work on the roof of the new pool." + LONG + " (Riverton Times via AP, File)",
        "Builders work on the roof of the new pool." + LONG + " (Official City Photo)",
        "Builders work on the roof of the new pool." + LONG + " Credit: Riverton City Council",
        "Builders work on the roof of the new pool." + LONG
        + " Photo: Lee J. Morgan / Copyright 2024 The Riverton Times. All rights reserved",
        "Bauarbeiter auf dem Dach des neuen Hallenbads am Dienstag. Foto: Anna Lehmann/dpa",
        "Des ouvriers sur le toit de la nouvelle piscine, mardi. (Photo : Anne Leroy)",
        "Obreros en el techo de la nueva piscina, el martes. (Foto: Ana López/EFE)",
        "In this Tuesday, May 7, 2024, file photo, builders work on the roof of the new pool",
        "In this photo provided by the city, builders work on the roof of the new pool",
        "This undated photo shows the old pool before it closed",
        "FILE - Builders work on the roof of the new pool in Riverton",
        "ARCHIV - Bauarbeiter auf dem Dach des neuen Hallenbads",
        "ARCHIVO - Obreros en el techo de la nueva piscina",
        "RIVERTON, OHIO - MAY 07: Builders work on the roof of the new pool",
        "07.05.2024, Nordrhein-Westfalen, Köln: Bauarbeiter auf dem Dach des neuen Hallenbads",
        # a gallery's caption cut short with its "more" toggle, or whole with "less"
        "Builders work on the roof of the new pool in Riverton, Tuesday. The pool ... more",
        "Builders work on the roof of the new pool in Riverton, Tuesday. (AP Photo/Lee Morgan) less",
        "Bauarbeiter auf dem Dach des neuen Hallenbads am Dienstag … mehr",
        # a picture's file name printed as its alt text
        "riverton-new-pool-roof-works-2024-03",
        "IMG_2041.jpg",
        # a figure's caption under its label and number (session 14)
        "Figure 1. Enrollment flow diagram.",
        "Image 3: A simple AI agent",
        "Fig. 2: The new pool's roof, seen from the east",
        "Abb. 4: Bauarbeiter auf dem Dach des neuen Hallenbads",
        # ... up to NUMBERED_FIGURE_MAX_WORDS words (the longest measured has 15)
        "Image 7: The operational loop of coding agents such as the Gemini CLI coding assistant.",
        "Figure 5. " + " ".join(["word"] * (captions.NUMBERED_FIGURE_MAX_WORDS - 2)),
    ],
)
def test_caption_shapes(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        "In this article, a photo of the pool shows how far the work has come.",
        "In this photo, you can still see the old diving board at the far end.",
        "This image of the mayor at the opening was shared thousands of times.",
        "The builders finished early (you can see the new roof in the photo).",
        "The site has new features (and it downsizes your photos).",
        "Shares rose after the deal was announced (Credit Suisse).",
        "WASHINGTON (AP) — The House voted on Tuesday to fund the new program.",
        "BERLIN, 7. Mai (Reuters) - Die Regierung hat am Dienstag beschlossen",
        "Source: Riverton City Council",
        "The mayor spoke. Photo: the best. And then she left the room.",
        "Prices rose by more or less",
        "The Read more button",
        "strict-origin-when-cross-origin",
        "ESPHome-Seeed-Xiao-ESP32-C6-Config",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        # a figure named in the story's prose, a step, a table (session 14)
        "Figure 2 shows how far the work on the roof has come since May.",
        "Step 1: Measure the length of the pool.",
        "Table 1: Opening hours of the city's pools",
        "Images from the opening were shared by the mayor's office.",
        # a numbered step told in prose, or a question to the reader, under a figure's label
        # (review of session 14)
        "Fig. 1: the first step is to grow the electrode on a thin sheet of copper, which the "
        "researchers do in an oven at six hundred degrees for about three hours.",
        "Figure 5. " + " ".join(["word"] * (captions.NUMBERED_FIGURE_MAX_WORDS - 1)),
        "Picture 3: Who is the man on the left?",
        "Bild 2: Der zweite Schritt dauert am längsten, weil die Forscher die Salzlösung für jede "
        "neue Elektrode von Hand mischen müssen.",
    ],
)
def test_prose_and_datelines_are_no_captions(line: str) -> None:
    assert not is_caption(line)


def test_a_long_caption_between_paragraphs_goes_and_the_paragraphs_stay() -> None:
    # (longer than the widget phrases look: a short one ending in its credit is theirs)
    caption = "Builders work on the roof of the new pool." + LONG * 2 + " (AP Photo/Lee Morgan)"
    assert len(caption) > 260
    text = "\n".join([PARAGRAPH, caption, PARAGRAPH.replace("Tuesday", "Wednesday")])
    doc = newsclean.clean(text, input_format="text")
    assert [r.text for r in doc.removed if r.rule == "caption-line"] == [caption]
    assert len(doc.paragraphs) == 2


def test_html_input_is_not_touched() -> None:
    caption = "Builders work on the roof of the new pool." + LONG + " (AP Photo/Lee Morgan)"
    page = f"<html><body><article><p>{PARAGRAPH}</p><p>{caption}</p></article></body></html>"
    doc = newsclean.clean(page, input_format="html")
    assert all(r.rule != "caption-line" for r in doc.removed)


def _caption_by_full_tail(text: str) -> bool:
    """``is_caption`` as it searched before its shortcuts: every tail search over the whole tail."""
    tail = text[-captions.CREDIT_TAIL_CHARS :]
    head = text[: captions.OPENING_HEAD_CHARS]
    return bool(
        captions._CREDIT_END.search(tail)
        or captions._POINTS_AT_PICTURE.match(head)
        or captions._CAPTION_HEAD.match(head)
        or captions._is_numbered_figure(text, head)
        or captions._TOGGLE_END.search(tail)
        or (" " not in text and captions._FILE_NAME.fullmatch(text))
    )


@pytest.mark.parametrize(
    "line",
    [
        "The minister spoke to reporters in the capital ... altro",  # (the longest toggle ends)
        "The minister spoke to reporters in the capital. weniger\n",
        "The minister spoke to reporters in the capital.  weniger",  # (two spaces: no toggle)
        "The minister spoke to reporters in the capital … MEHR",
        "Crowds gather outside the court on Monday. Photo: Hau Dinh, AP",
        "Crowds gather outside the court on Monday (Getty Images)",
        "Crowds gather outside the court on Monday. Credit： Jane Doe",
        "Crowds gather outside the court on Monday, the police said",  # (no bracket, no colon)
    ],
)
def test_the_tail_shortcuts_answer_as_the_full_tail(line: str) -> None:
    assert is_caption(line) == _caption_by_full_tail(line)


def test_the_tail_shortcuts_on_every_fixture_line() -> None:
    lines = [
        line
        for path in sorted(FIXTURES.rglob("input.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert sum(map(_caption_by_full_tail, lines)) > 0
    for line in lines:
        assert is_caption(line) == _caption_by_full_tail(line), repr(line)
