"""The story's headline printed again under the page's title: where a text page's story is.

Converters that print the whole document (html_text, BeautifulSoup's ``get_text``) put the
page's ``<title>`` on the first line, and the story's headline repeats it, or the part of it
that is not the site's name ("The Weekly Digest | Lightbox: Five Years of Print" over the
menus, "Lightbox: Five Years of Print" over the story). When the best run of prose ends above
every copy of that headline (an issue's blurb in the menu, a profile's paragraph in a blog's
sidebar outweigh a short post), the story is the run right under a copy, if it weighs something
(:func:`after_headline`, called by :func:`newsclean.rules.region.locate`). Other converters
leave the ``<title>`` out; their first line is then a menu's or a site's name, which seldom
has three words and repeats as a line of its own.
"""

from __future__ import annotations

from newsclean.lazyre import lazy
from newsclean.rules.features import HEADLINE_MAX_CHARS, HEADLINE_MIN_WORDS, line_key
from newsclean.rules.metadata import TITLE_HEADING_MIN_CHARS
from newsclean.rules.pipeline import Context

#: What divides a page title into the site's name and the headline: a bar, a dash or a
#: guillemet between spaces ...
_TITLE_SEPARATOR = lazy(r"\s+[|\-–—»·:]+\s+|\s*[|»]\s*")
#: ... or a colon after a word ("adwatcher: Five print ads that …", a blog's name), which also
#: opens a headline's own label ("Lightbox: Five Years …"): the parts on both sides are asked for.
_TITLE_COLON = lazy(r"(?<=\w):\s+")
#: A part of the title of at most this many characters (in its key) or of fewer words than a
#: headline's (features.HEADLINE_MIN_WORDS) is a section's or a site's name ("News",
#: "Brightwall Solutions"), printed again in the menu or the footer, not the headline: the HTML
#: title rule's bound, the same value (13 and 17 move no page of text input, session 12).
HEADLINE_MIN_CHARS = TITLE_HEADING_MIN_CHARS
#: A first line longer than a headline and a site's name together (features.HEADLINE_MAX_CHARS
#: twice) is no page title: the search is not made.
TITLE_MAX_CHARS = 2 * HEADLINE_MAX_CHARS
#: The run under the headline must weigh this much (the region's weights: about the characters
#: of its prose, less its short lines) to be taken over a better run above the headline.
HEADLINE_RUN_MIN = 100.0
#: ... and start at most this many lines under the headline (a credit, a date, a share bar and
#: a standfirst between them): a run further down is another part of the page, a forum's
#: thread under the headline printed again over its comments.
HEADLINE_RUN_GAP = 6


def headline_lines(ctx: Context) -> list[tuple[int, bool]]:
    """The lines after the first one that repeat the first line (the page's title) or a part of
    it long enough to be a headline, in order (a blog's list of its posts prints them too), each
    with whether it repeats a part only.

    The first line printed again whole is the headline when the title is only the headline, but
    converters that leave the ``<title>`` out start with the site's banner ("Example Weekly |
    News About Tech and Money"), which the footer prints again: such a copy tells that the
    region is under the headline, but no run under it is taken for the story.
    """
    if len(ctx.blocks) < 2 or len(ctx.blocks[0].text) > TITLE_MAX_CHARS:
        return []
    title = ctx.blocks[0].text
    parts = [title, *_TITLE_SEPARATOR.split(title)]
    parts += [half for part in parts for half in _TITLE_COLON.split(part)]
    whole = line_key(title)
    keys = {
        key
        for key in map(line_key, parts)
        if len(key) > HEADLINE_MIN_CHARS and len(key.split()) >= HEADLINE_MIN_WORDS
    }
    if not keys:
        return []
    found = []
    for i in range(1, len(ctx.blocks)):
        key = line_key(ctx.blocks[i].text)
        if key in keys:
            found.append((i, key != whole))
    return found


def _runs_from(weights: list[float]) -> list[tuple[float, int]]:
    """For every line, the best sum of a run that starts there, and where that run ends (one
    pass from the end: a run from ``i`` is line ``i`` alone or with the best run from ``i + 1``)."""
    runs: list[tuple[float, int]] = [(0.0, 0)] * len(weights)
    following = (0.0, -1)
    for i in range(len(weights) - 1, -1, -1):
        total, end = following
        following = (weights[i] + total, end) if total > 0 else (weights[i], i)
        runs[i] = following
    return runs


def after_headline(ctx: Context, span: tuple[int, int], weights: list[float]) -> tuple[int, int]:
    """The region: ``span``, or, when ``span`` is one line (a sidebar's profile or a menu's blurb
    outweighing a short post) and ends above every copy of the story's headline,
    the run that starts right under a copy of a part of the title (the first such copy that has
    one) and weighs at least HEADLINE_RUN_MIN."""
    if span[0] != span[1]:
        return span  # a run of several lines is taken as the story: only a lone blurb is moved from
    heads = headline_lines(ctx)
    if not heads or heads[0][0] <= span[1]:
        return span  # the region holds the headline or runs under it
    runs = _runs_from(weights)
    for head, part in heads:
        if not part:
            continue  # the first line printed again whole: a site's banner in the footer
        starts = range(head + 1, min(head + 1 + HEADLINE_RUN_GAP, len(weights)))
        best = max(starts, key=lambda i: runs[i][0], default=None)
        if best is not None and runs[best][0] >= HEADLINE_RUN_MIN:
            return best, runs[best][1]
    return span
