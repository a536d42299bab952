"""The story's headline printed again under the page's title: where a text page's story is.

Converters that print the whole document (html_text, BeautifulSoup's ``get_text``) put the
page's ``<title>`` on the first line, and the story's headline repeats it, or the part of it
that is not the site's name ("Dazed Digital | Lightbox: Balenciaga by Nicolas Ghesquière" over
the menus, "Lightbox: Balenciaga by Nicolas Ghesquière" over the story). When the best run of
prose ends above that headline (an issue's blurb in the menu, a profile's paragraph in a
blog's sidebar outweigh a short post), the story is the run under the headline, if it weighs
something (:func:`after_headline`, called by :func:`newsclean.rules.region.locate`).
"""

from __future__ import annotations

from collections.abc import Callable

from newsclean.lazyre import lazy
from newsclean.rules.features import HEADLINE_MIN_WORDS, line_key
from newsclean.rules.pipeline import Context

#: What divides a page title into the site's name and the headline: a bar, a dash or a
#: guillemet between spaces ...
_TITLE_SEPARATOR = lazy(r"\s+[|\-–—»·:]+\s+|\s*[|»]\s*")
#: ... or a colon after a word ("copyranter: The top 6 BuzzFeed Posts"), which also opens a
#: headline's own label ("Lightbox: Balenciaga by …"): the parts on both sides are asked for.
_TITLE_COLON = lazy(r"(?<=\w):\s+")
#: A part of the title shorter than this (in the characters of its key) or of fewer words
#: than a headline's (features.HEADLINE_MIN_WORDS) is a section's or a site's name ("News",
#: "Flatworld Solutions"), printed again in the menu or the footer, not the headline: the HTML
#: rule's TITLE_HEADING_MIN_CHARS.
HEADLINE_MIN_CHARS = 15
#: The run under the headline must weigh this much (the region's weights: about the characters
#: of its prose, less its short lines) to be taken over a better run above the headline.
HEADLINE_RUN_MIN = 100.0

BestRun = Callable[[list[float]], tuple[float, "tuple[int, int] | None"]]


def headline_line(ctx: Context) -> int | None:
    """The first line after the first one that repeats the first line (the page's title) or a
    part of it long enough to be a headline, if any."""
    if len(ctx.blocks) < 2:
        return None
    title = ctx.blocks[0].text
    parts = [title, *_TITLE_SEPARATOR.split(title)]
    parts += [half for part in parts for half in _TITLE_COLON.split(part)]
    keys = {
        key
        for key in map(line_key, parts)
        if len(key) > HEADLINE_MIN_CHARS and len(key.split()) >= HEADLINE_MIN_WORDS
    }
    if not keys:
        return None
    for i in range(1, len(ctx.blocks)):
        if line_key(ctx.blocks[i].text) in keys:
            return i
    return None


def after_headline(
    ctx: Context, span: tuple[int, int], weights: list[float], best_run: BestRun
) -> tuple[int, int]:
    """The region: ``span``, or the best run under the story's headline when ``span`` ends
    above it and that run weighs at least HEADLINE_RUN_MIN."""
    head = headline_line(ctx)
    if head is None or span[1] >= head:
        return span
    best, under = best_run(weights[head + 1 :])
    if under is None or best < HEADLINE_RUN_MIN:
        return span
    return under[0] + head + 1, under[1] + head + 1
