"""HTML or plain text? A cheap look at the start of the input decides.

Scraped text can mention markup ("use the <b> tag", "a < b > c"), and HTML fragments can lack
``<html>`` and ``<body>``, so the decision weighs evidence instead of looking for one ``<``:

- a document frame (doctype, ``<html>``, ``<head>``, ``<body>``, ``<meta>``, ``<title>``)
  anywhere in the first :data:`PREFIX_CHARS` characters means HTML;
- so does input that starts with a known tag or a comment and has markup after it;
- otherwise count well-formed tags of known HTML elements: HTML when there are at least
  :data:`MIN_TAGS` of them and they are dense (about one per two lines or more), as markup is
  and prose that mentions a tag is not.

Only a bounded prefix is read, with patterns whose every match attempt stops at the next
``<``, so the cost is linear and small even for a 50 MB input.
"""

from __future__ import annotations

from typing import Literal

import regex

from newsclean.lazyre import compile_pattern, lazy

__all__ = ["detect_format", "PREFIX_CHARS"]

#: Characters looked at from the start of the (left-stripped) input.
PREFIX_CHARS = 100_000
#: Known tags needed before tag density counts as evidence of HTML.
MIN_TAGS = 3
#: Tags counted at most; past this the answer cannot change.
MAX_TAGS = 1_000
_TIMEOUT = 1.0

# Elements common in pages and fragments. Unknown names ("<b > c", "<tag>" in prose about XML)
# do not count.
_ELEMENTS = (
    "a|abbr|article|aside|audio|b|blockquote|body|br|button|canvas|caption|center|cite|code|"
    "dd|del|details|dfn|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|"
    "html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|ol|option|p|"
    "picture|pre|q|s|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|"
    "table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|u|ul|video"
)
# A tag: "<name", then attributes without "<" or ">" (bounded), then ">" or "/>".
_TAG = lazy(rf"</?(?:{_ELEMENTS})(?:\s[^<>]{{0,2000}})?/?>", regex.IGNORECASE)
_NON_SPACE = compile_pattern(r"\S")
_FRAME = compile_pattern(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>",
    regex.IGNORECASE,
)
_STARTS_LIKE_MARKUP = lazy(rf"<!--|<!doctype|<\?xml|</?(?:{_ELEMENTS})[\s/>]", regex.I)


def detect_format(text: str) -> Literal["html", "text"]:
    """``"html"`` when ``text`` is markup (a page or a fragment), ``"text"`` otherwise."""
    first = _NON_SPACE.search(text)
    if first is None:
        return "text"
    prefix = text[first.start() : first.start() + PREFIX_CHARS]
    if "<" not in prefix:
        return "text"
    try:
        if _FRAME.search(prefix, timeout=_TIMEOUT):
            return "html"
        tags = 0
        for _ in _TAG.finditer(prefix, timeout=_TIMEOUT):
            tags += 1
            if tags >= MAX_TAGS:
                break
        if tags >= 2 and _STARTS_LIKE_MARKUP.match(prefix, timeout=_TIMEOUT):
            return "html"
    except TimeoutError:
        # Cannot happen with these bounded patterns; if it does, text is the safe reading
        # (nothing is parsed away).
        return "text"
    lines = prefix.count("\n") + 1
    return "html" if tags >= MIN_TAGS and tags * 2 >= lines else "text"
