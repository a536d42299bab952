"""An image's text alternative printed beside its caption in scraped text.

Converters that print ``alt`` attributes (Resiliparse's plain text does; html_text and
inscriptis do not) put a picture's alt text on its own line and the caption the page shows
under it on the next. Often the caption is the alt text again, alone or glued to a neighbour
with no space: the credit run on ("… a big win.Credit...Doug Mills") or a gallery counter in
front ("2of4A shopper looks at …"). A line that the next line repeats so is a picture's alt
text, and the line repeating it is that picture's caption: both go, as a caption is the
photo's description, not the story's text (the benchmarks' truths leave captions out; html_text
and inscriptis print a caption once, with no alt text to give it away, and there it stays).
Line shape only: a headline followed by a paragraph that opens with the same words has a space
after them, and a table's label a tab.

Taking the caption too, measured against 8b50721 (text bench, every set; pages better /
worse): Resiliparse 67 / 30 (scrapinghub 0.921 -> 0.923, 11 / 1; wceb2026-dev 14 / 13,
wcxb-dev 25 / 15, dragnet-dev 14 / 1; left out while building, trafilatura-eval-dev 3 / 0,
snippet F1 0.849 -> 0.851); html_text 13 / 6, inscriptis 13 / 6 (no set F1 moves).

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
    """The alt text of a picture and its caption: a line the next line repeats, alone or glued
    to a credit or a gallery counter."""
    blocks = ctx.blocks
    last = -1  # the caption marked last
    for i in range(len(blocks) - 1):
        if not ((ctx.kept(i) or i == last) and ctx.kept(i + 1)):
            continue
        alt, caption = blocks[i].text.strip(), blocks[i + 1].text.strip()
        if len(alt) < MIN_ALT_CHARS or len(caption) < len(alt):
            continue
        if caption == alt or _glued_after(alt, caption) or _counter_before(alt, caption):
            if i != last:  # (three copies in a row: the middle one is marked once)
                yield Mark(i)
            yield Mark(i + 1)
            last = i + 1


ALT_TEXT = Rule("alt-text", "widget",
                "a picture's alt text and the caption line repeating it describe a photo, not the story",
                apply_alt_text, frozenset({"text"}))
