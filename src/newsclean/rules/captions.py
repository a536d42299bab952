"""A photo's caption printed as a line of scraped text, whatever its length.

In HTML the figure's markup gives a caption away (``figure-caption``); in scraped text only the
line's shape does. The phrase rules take a short line ending in its picture credit ("… (Image:
Getty)"), but news agencies' captions are paragraphs of their own, two to five sentences long
(the ``widget`` phrases stop at ``PROMPT_MAX_CHARS``, where an article paragraph that merely
mentions a photo is more likely). Those long captions still have a shape no article paragraph
has:

* they end in the picture's credit in brackets, naming the photo or the agency that sent it
  ("… (AP Photo/Patrick Semansky, File)", "(Photo by Matt Sullivan/Getty Images)",
  "(ITV via AP)"), or after the last sentence ("… on Dec. 12. Photo: Hau Dinh, AP",
  "… Credit: SpaceX", "… Foto: Michael Kappeler/dpa");
* or they open the way agencies write captions: pointing at the picture ("In this Monday,
  Oct. 28, 2019, file photo, …", "FILE - In this …", "Sur cette photo …", "Auf diesem Foto …"),
  or with the photo's place and day in capitals and a colon ("WASHINGTON, DC - NOVEMBER 19:
  …", the picture agencies' caption head; a story's dateline has no colon after its day);
* a figure's caption opens with the figure's label and number and a colon or a full stop
  ("Figure 1. Enrollment flow diagram.", "Image 3: A simple AI agent", "Abb. 4: …"), is short
  (:data:`NUMBERED_FIGURE_MAX_WORDS`) and asks nothing: a longer line so opened is a numbered
  step told in prose, the story's;
* a gallery prints its caption cut short with a "… more" toggle, or whole with "less" after
  its last sentence; and a picture with no description may get its file name as alt text
  ("milano-design-week-2018-arrangements-01").

Converters that print ``alt`` text (Resiliparse) print these even where the page shows no
caption; html_text, inscriptis and BeautifulSoup print the ones under a picture. The benchmarks'
truths leave captions out, as :mod:`newsclean.rules.alt_text` says.

Only a line's last :data:`CREDIT_TAIL_CHARS` characters are searched for the credit and its
first :data:`OPENING_HEAD_CHARS` for the opening, so the rule costs the same on any line.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.lazyre import KEEP_GIL, lazy
from newsclean.rules.pipeline import Context, Mark, Rule

#: How far from a line's end its credit may start: "(Photo credit should read BRENDAN
#: SMIALOWSKI/AFP/Getty Images)" is 70 characters, and two credits may follow each other.
CREDIT_TAIL_CHARS = 160
#: How far into a line the words pointing at the picture may come ("FILE - In this Monday,
#: Oct. 28, 2019, file photo," ends at 48).
OPENING_HEAD_CHARS = 80

#: Words that name a picture in its credit ("AP Photo", "Foto", "Bild", "Imagen" …).
_PHOTO_WORD = (
    r"(?:photo(?:graph)?s?|fotos?|images?|imagen|imagem|bild(?:er)?|immagine|pictures?|pics?"
    r"|photographer|fotograf(?:ía|ia)?)"
)
#: ... and a label that may head a credit after the last sentence ("… Credit: SpaceX"; in
#: brackets "credit" alone may be a bank's name, "(Credit Suisse)").
_CREDIT_LABEL = r"(?:" + _PHOTO_WORD[3:-1] + r"|credits?|crédits?|crédito)"
_AGENCY = r"(?:AP|AFP|Reuters|Getty Images|EPA|dpa|EFE|ANSA|Xinhua|Shutterstock|Alamy)"

#: The credit at a caption's end: in brackets, the photo named and its taker or owner after it
#: ("(AP Photo/…)", "(Photo by …/Getty Images)", "(Foto: dpa)"), a name in capitals and the
#: photo ("(Official White House Photo)"; "(… downsize your photos)" is a remark),
#: or an agency it came through ("(ITV via AP)", "(Elias Funez/The Union via AP)"); or a labelled
#: credit after the last sentence ("… Dec. 12. Photo: Hau Dinh, AP", with initials and the
#: owner's copyright: "… Photo: Gene J. Puskar / Copyright 2019 The Associated Press. All rights
#: reserved"). A bracket that merely
#: mentions a photo ("(you can see her arm in the photo)", "(check out this shot …)") is prose.
_CREDIT_END = lazy(
    r"(?:\([^()]{0,40}?\b" + _PHOTO_WORD + r"(?:\s?/|\s+by\b|\s?[:：]|\s+credit\b|\s+courtesy\b)"
    r"[^()]{0,80}\)"
    r"|\((?:(?-i:\p{Lu})[\p{L}.&-]*\s){0,4}" + _PHOTO_WORD + r"\)"
    r"|\([^()]{0,80}?(?:\bvia\s|/\s?)" + _AGENCY + r"\b[^()]{0,20}\)"
    r"|[.!?)”\"]\s+" + _CREDIT_LABEL + r"\s?[:：]\s?(?:[^.:()]|(?<=\b\p{Lu})\.){2,60}"
    r"(?:\s?/\s?(?:copyright|©)[^()/]{0,80})?)"
    r"\W{0,3}$",
    regex.IGNORECASE,
)

#: Words that may stand between "In this" and the picture in an agency's caption: a date
#: (capitalised words, numbers) and the kind of picture ("file", "undated", "handout").
_DATE_OR_KIND = r"(?:(?-i:\p{Lu})\p{L}{0,9}\.?|\d{1,4}|file|undated|handout|aerial|archive)"
_PICTURE = r"(?:photo(?:graph)?|image|picture|frame grab|video grab)"

#: A caption's opening that points at the picture the way agencies write it: "In this Monday,
#: Oct. 28, 2019, file photo, …", "In this photo provided by …", "This undated photo …".
#: "In this photo, you can still see …" (a how-to's text about its own pictures) is not one:
#: the picture is dated, or said to be provided, issued or released by someone.
_POINTS_AT_PICTURE = lazy(
    r"^(?:in\sthis(?:[\s,]+" + _DATE_OR_KIND + r"){1,6}[\s,]+" + _PICTURE + r"\b"
    r"|in\sthis\s" + _PICTURE + r"\s(?:provided|issued|released|made|taken|distributed|obtained"
    r"|posted|shared|courtesy|from)\b"
    r"|this\s(?:undated|handout|file|\d{4})(?:[\s,]+" + _DATE_OR_KIND + r"){0,4}[\s,]+" + _PICTURE + r"\b)",
    regex.IGNORECASE,
)

#: The agencies' caption heads: an archive picture's label in capitals ("FILE - …", German
#: "ARCHIV - …", Spanish "ARCHIVO - …"), the place and the day in capitals and a colon
#: ("WASHINGTON, DC - NOVEMBER 19: …"; a story's dateline has no colon after its day), or the
#: day and the place and a colon ("12.03.2019, Berlin: …").
_CAPTION_HEAD = lazy(
    r"^(?:(?:FILE|ARCHIVE?S?|ARCHIVO|ARQUIVO)\s?[-–—]\s"
    r"|\p{Lu}[\p{Lu} .,'’-]{1,60}\s[-–—]\s"
    r"(?:\p{Lu}{3,10}\.?\s\d{1,2}|\d{1,2}\.?\s\p{Lu}{3,10})(?:,?\s\d{4})?\s?:"
    r"|\d{1,2}\.\d{1,2}\.\d{4},\s\p{Lu}[^:\d]{1,60}:\s)"
)


#: A figure's caption that opens with the figure's label and number ("Figure 1. Enrollment flow
#: diagram.", "Image 3: A simple AI agent", "Fig. 2:", "Abb. 4:"): the text under a picture the
#: story points to by its number. A story's own line never opens so ("Figure 2 shows …" has no
#: colon or full stop after the number; "Step 1:" and "Table 1:" name no picture, and a table
#: is the story's). Measured on wcxb-dev, html_text (session 14): 26 such lines on 5 pages,
#: none in a truth.
_NUMBERED_FIGURE = lazy(
    r"^(?:figure|fig\.|image|img\.|photo|picture|illustration|abbildung|abb\.|bild|figura|imagen"
    r"|imagem|immagine|illustrazione)\s?\d{1,3}[a-z]?\s?[:：.]\s",
    regex.IGNORECASE,
)
#: The most words a line opening like :data:`_NUMBERED_FIGURE` may have and still be a figure's
#: caption. The 26 wcxb-dev lines the pattern was built on (html_text, session 14) have 4 to 15
#: words (median 8.5; "Image 7: The operational loop of coding agents such as the Gemini CLI
#: coding assistant." is the longest); a numbered step told in prose ("Fig. 1: the first step is
#: to grow the electrode on a thin sheet of copper, which …", 40 words) is the story's. A third
#: over the longest measured.
NUMBERED_FIGURE_MAX_WORDS = 20


def _is_numbered_figure(text: str, head: str) -> bool:
    """Whether a line is a figure's numbered caption: it opens like :data:`_NUMBERED_FIGURE`, has
    at most :data:`NUMBERED_FIGURE_MAX_WORDS` words and asks nothing (a quiz's "Picture 3: Who is
    the man on the left?" is a question to the reader; no measured caption ends in "?")."""
    return bool(
        _NUMBERED_FIGURE.match(head, 0, None, KEEP_GIL)
        and len(text.split(None, NUMBERED_FIGURE_MAX_WORDS)) <= NUMBERED_FIGURE_MAX_WORDS
        and not text.rstrip().endswith(("?", "？"))
    )


#: A gallery's caption with its toggle: cut short behind an ellipsis and "more" ("… to
#: strengthen the military relations ... more"), or whole and ending in "less" after its last
#: sentence ("… with the Southeast Asian nation. less"). No sentence ends so.
_TOGGLE_END = lazy(
    r"(?:(?:\.\.\.|…)\s?(?:more|mehr|plus|más|mais|altro|meer)"
    r"|[.!?)”\"]\s(?:less|weniger|moins|menos|meno|minder))$",
    regex.IGNORECASE,
)
#: A picture's file name printed as its alt text ("milano-design-week-2018-flos-arrangements-01",
#: "IMG_2041.jpg"): one word of at least FILE_NAME_MIN_PARTS parts joined by hyphens or
#: underscores whose last part is the picture's number, or a word ending in an image file's
#: extension. Prose has spaces; a name in a how-to's code ("ESPHome-Seeed-Xiao-ESP32-C6-Config",
#: "SECURE_CROSS_ORIGIN_OPENER_POLICY") ends in a word (measured: taking those too cost two
#: wcxb-dev pages 0.003 each with every converter).
FILE_NAME_MIN_PARTS = 5
_FILE_NAME = lazy(
    r"^(?:[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){" + str(FILE_NAME_MIN_PARTS - 2) + r",}[-_]\d{1,4}"
    r"(?:\.(?:jpe?g|png|gif|webp|tiff?|heic))?"
    r"|[\p{L}\p{N}_-]+\.(?:jpe?g|png|gif|webp|tiff?|heic))$",
    regex.IGNORECASE,
)


#: The longest text a :data:`_TOGGLE_END` match can span, with the newline ``$`` may stand
#: before: an ellipsis of three dots, a space and "altro" (9 characters), or a sentence's end,
#: a space and "weniger" (9), and the newline. Only that much of a line's end is searched (a
#: search of the whole tail tried every position of it on every line; a speed bound, not a rule).
TOGGLE_TAIL_CHARS = 10


def _may_end_in_credit(tail: str) -> bool:
    """Whether ``tail`` holds what every :data:`_CREDIT_END` match holds: a closing bracket (the
    bracketed credits) or a colon (a credit after the last sentence). No other character matches
    them case-blind, so a tail without one needs no search."""
    return ")" in tail or ":" in tail or "：" in tail


#: The characters a :data:`_POINTS_AT_PICTURE` match opens with: "in" or "this" case-blind (the
#: engine's cases of "i" and "t", ``tests/test_text_shortcuts.py``); a line opening with none
#: is not matched.
_POINTS_FIRST = frozenset("iItT\u0130")


def _may_open_caption_head(first: str) -> bool:
    """Whether a line opening with ``first`` may match :data:`_CAPTION_HEAD`, which opens with a
    capital or a digit: of ASCII, only ``A``-``Z`` and ``0``-``9`` are (any other character is
    searched)."""
    return not first.isascii() or first.isupper() or first.isdigit()


def is_caption(text: str) -> bool:
    """Whether a line is a photo's caption by its shape (see the module doc)."""
    tail = text[-CREDIT_TAIL_CHARS:]
    head = text[:OPENING_HEAD_CHARS]
    first = head[:1]
    return bool(
        (_may_end_in_credit(tail) and _CREDIT_END.search(tail, 0, None, KEEP_GIL))
        or (first in _POINTS_FIRST and _POINTS_AT_PICTURE.match(head, 0, None, KEEP_GIL))
        or (_may_open_caption_head(first) and _CAPTION_HEAD.match(head, 0, None, KEEP_GIL))
        or _is_numbered_figure(text, head)
        or _TOGGLE_END.search(text[-TOGGLE_TAIL_CHARS:], 0, None, KEEP_GIL)
        or (" " not in text and _FILE_NAME.fullmatch(text, 0, None, KEEP_GIL))
    )


def apply_caption_line(ctx: Context) -> Iterator[Mark]:
    """Lines shaped like a photo's caption (see :func:`is_caption`)."""
    for i, block in enumerate(ctx.blocks):
        if ctx.kept(i) and is_caption(block.text):
            yield Mark(i)


CAPTION_LINE = Rule("caption-line", "widget",
                    "a line that ends in a picture's credit, opens like an agency's caption, is a short "
                    "line opening with a figure's label and number (\"Figure 1.\", \"Image 3:\"), "
                    "carries a gallery's more/less toggle or is a picture's file name describes a photo, "
                    "not the story",
                    apply_caption_line, frozenset({"text"}))
