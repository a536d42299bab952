"""An image's text alternative printed beside its caption in scraped text.

Converters that print ``alt`` attributes (Resiliparse's plain text does; html_text and
inscriptis do not) put a picture's alt text on its own line and the caption the page shows
under it on the next. Often the caption is the alt text again, alone or glued to a neighbour
with no space: the credit run on ("… a big win.Credit...Doug Mills") or a gallery counter in
front ("2of4A shopper looks at …"). A line that the next line repeats so is a picture's alt
text: it goes, and the caption stays for the rules that judge captions (what the page prints
is what the other converters give too). Line shape only: a headline followed by a paragraph
that opens with the same words has a space after them, and a table's label a tab.

The rule runs after the text region: the repeated line still weighs in the region search as
it did (a doubled line between the article and a page's furniture walls them apart; taken out
before, it let the furniture join: trafilatura-eval-dev lost 2 pages, scrapinghub 1).
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.rules.pipeline import Context, Mark, Rule

#: The repeated line is at least this long: a picture's description, not a word or a name
#: (a product name above "<name>S, the smaller model"). Measured on Resiliparse's text against
#: main acdda9b: scrapinghub 0.920 -> 0.921 (P 0.889 -> 0.892; 12 pages better, 0 worse),
#: wceb2026-dev 0.752 -> 0.754 (26 / 2), wcxb-dev 0.787 -> 0.788 (37 / 3), dragnet-dev 0.854 =
#: (15 / 1, whose truth holds the alt text twice), trafilatura-eval-dev = (0 / 0). The same set
#: F1s at 12 and at 30 (12 moves 14 more pages the right way, 30 moves 17 fewer); 20 keeps short
#: labels a page prints twice ("Reply", a button under its heading) out of the rule's reach.
MIN_ALT_CHARS = 20
#: A gallery counter glued in front of a caption ("1of4", "12 / 30") is at most this long.
MAX_COUNTER_CHARS = 8


def _glued_after(alt: str, caption: str) -> bool:
    """``caption`` is ``alt`` with more run on at once: a credit starting in capitals right
    after its last letter or stop ("…win.Credit..."), or only closing punctuation."""
    rest = caption[len(alt):]
    if not caption.startswith(alt) or not rest:
        return False
    if not any(ch.isalnum() for ch in rest):
        return True  # the caption adds only its full stop
    last = alt[-1]
    return rest[0].isupper() and (last.islower() or not last.isalnum())


def _counter_before(alt: str, caption: str) -> bool:
    """``caption`` is ``alt`` behind a glued gallery counter ("2of4A shopper …")."""
    head = caption[: len(caption) - len(alt)]
    return (
        caption.endswith(alt)
        and 0 < len(head) <= MAX_COUNTER_CHARS
        and head[-1].isdigit()
        and alt[0].isupper()
    )


def apply_alt_text(ctx: Context) -> Iterator[Mark]:
    """The alt text of a picture: a line the next line repeats, alone or glued to a credit or a
    gallery counter."""
    blocks = ctx.blocks
    for i in range(len(blocks) - 1):
        if not (ctx.kept(i) and ctx.kept(i + 1)):
            continue
        alt, caption = blocks[i].text.strip(), blocks[i + 1].text.strip()
        if len(alt) < MIN_ALT_CHARS or len(caption) < len(alt):
            continue
        if caption == alt or _glued_after(alt, caption) or _counter_before(alt, caption):
            yield Mark(i)


ALT_TEXT = Rule("alt-text", "widget",
                "a picture's alt text, repeated by the caption line under it, is not article text",
                apply_alt_text, frozenset({"text"}))
