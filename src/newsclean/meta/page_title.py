"""The headline of an HTML page: the ``<h1>`` its title fields confirm, else the first title field
without the site's name, else (no title fields) the first ``<h1>`` or ``<h2>``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsclean.lazyre import compile_pattern, lazy
from newsclean.meta.fields import ANY_HINT, TITLE_META
from newsclean.meta.jsonld import jsonld_text
from newsclean.meta.title import clean_title, piece_breaks
from newsclean.meta.tree import chunks, class_tokens, content, squash, visible

# Share of an <h1>'s words found in a title field for it to count as the headline.
_H1_MATCH = 0.5
_MAX_TITLE_CHARS = 300
# Words a confirmed <h1> may hold beyond a title field at its start or end and still be that
# title with a label or count nested in it ("Title: …", "… (latimes.com) 87"): the pieces pages
# nest in a headline are one to three words (wceb2026-dev: arXiv's "Title:", Slashdot's source
# and comment count).
_MAX_H1_EXTRA_WORDS = 3

_WORD = compile_pattern(r"\w+")


def main_h1(h1s: list[Any], titles: Iterable[str]) -> tuple[Any | None, bool]:
    """The <h1> that holds the headline, and whether the title fields confirm it.

    It is the one sharing most words with the page's title fields (a page may have an <h1>
    for its logo or a "Related articles" box); when none shares half the words, the first
    non-empty one, unconfirmed. An <h1> that is only the piece a title field holds beside
    another field's whole text is the site's or blog's name, never the headline."""
    fields = [t for t in titles if t]
    title_words = [set(_words(t)) for t in fields]
    site_pieces = _site_pieces(fields)
    best, best_score, first = None, 0.0, None
    for h1 in h1s[:6]:
        listed = _words(squash(content(h1)))
        words = set(listed)
        if not words or tuple(listed) in site_pieces:
            continue
        first = first if first is not None else h1
        for title in title_words:
            # Dice overlap: a one-word <h1> ("Discord") inside a long title is no match.
            score = 2 * len(words & title) / (len(words) + len(title)) if title else 0.0
            if score > best_score:
                best, best_score = h1, score
    return (best, True) if best_score >= _H1_MATCH else (first, False)


def _words(text: str) -> list[str]:
    return [str(w) for w in _WORD.findall(text.casefold())]


def _site_pieces(titles: list[str]) -> set[tuple[str, ...]]:
    """The words of the pieces title fields hold beside another field's whole text: with
    ``og:title`` "Small adventures" and ``<title>`` "Engora Data Blog: Small adventures", the
    piece before the colon, the blog's name."""
    whole = {tuple(_words(t)) for t in titles}
    pieces = set()
    for title in titles:
        for start, end in piece_breaks(title):
            head, tail = tuple(_words(title[:start])), tuple(_words(title[end:]))
            if head and tail and head in whole:
                pieces.add(tail)
            elif head and tail and tail in whole:
                pieces.add(head)
    return pieces


def read_title_fields(titles: list[Any], meta: dict[str, list[str]], article: dict[str, Any]) -> list[str]:
    """Title candidates in order of trust: og/twitter and other title metas, the JSON-LD
    headline, then the <title> element (each still with its site suffix)."""
    return [
        *(v for key in TITLE_META for v in meta.get(key, [])),
        jsonld_text(article.get("headline")),
        *(squash(content(t)) for t in titles[:1]),
    ]


def page_title(
    fields: list[str],
    microdata: str | None,
    h1: Any | None,
    confirmed: bool,
    h2s: list[Any],
    site_name: str | None,
) -> str | None:
    """The headline: the <h1> the title fields confirm, else the first field without its
    site name, else (a page with no title fields) the first <h1>, else the first <h2>.

    The page's visible headline wins over the (often search-engine-tuned) title fields once
    it shares half its words with one of them: it is what readers see above the article.
    A confirmed <h1> that is a title field plus a few words at one end ("Title: …", "… 87
    comments") gives the field: those words are a label or count nested in the heading.
    """
    h1_text = squash(" ".join(_headline_chunks(h1))) if h1 is not None else ""
    cleaned = [clean_title(f, site_name=site_name) for f in [*fields, microdata or ""] if f]
    if h1_text and len(h1_text) <= _MAX_TITLE_CHARS and confirmed:
        return _with_count(_without_nested_extras(h1_text, cleaned), cleaned)
    if cleaned:
        return cleaned[0]
    if h1_text and len(h1_text) <= _MAX_TITLE_CHARS:
        return h1_text
    for h2 in h2s:
        text = squash(content(h2))
        if text and len(text) <= _MAX_TITLE_CHARS:
            return text
    return None


def _without_nested_extras(h1_text: str, fields: list[str]) -> str:
    """``h1_text``, or the title field it holds whole at its start or end with at most
    ``_MAX_H1_EXTRA_WORDS`` more words set apart by a bar or a bracket ("… (latimes.com) 87",
    "… | Opinion"), or one word and a colon before it ("Title: …"). Words that simply go on
    ("Networking in Compose"), a kicker ("Зірвана операція НАБУ: …") and a piece after a dash
    ("… – der Film") are the heading's."""
    spans = [m.span() for m in _WORD.finditer(h1_text.casefold())]
    h1_words = _words(h1_text)
    if len(spans) != len(h1_words):
        return h1_text  # (casefolding changed the text's length: compare nothing)
    for field in fields:
        words = _words(field)
        extra = len(h1_words) - len(words)
        if not words or not 0 < extra <= _MAX_H1_EXTRA_WORDS:
            continue
        if words == h1_words[: len(words)]:
            if _SET_APART.search(h1_text[spans[len(words) - 1][1] : spans[len(words)][0]]):
                return field
        elif words == h1_words[extra:]:
            gap = h1_text[spans[extra - 1][1] : spans[extra][0]]
            if _SET_APART.search(gap) or (extra == 1 and ":" in gap):
                return field
    return h1_text


def _with_count(h1_text: str, fields: list[str]) -> str:
    """The title field that is ``h1_text`` with the list's count before it ("8 Recent Trends in
    Photography" beside the ``<h1>`` "Recent Trends in Photography"), else ``h1_text``: the
    count is part of a list article's headline, and themes set it apart from the heading.

    A year the field adds after the heading ("… for Seniors in 2025") is not taken: tried in
    issue 14, the truths keep it on 2 pages and drop it on 2 others (the latter on wcxb-dev
    pages never looked at while building), so it is a search-engine suffix as often as not."""
    h1_words = _words(h1_text)
    for field in fields:
        words = _words(field)
        if h1_words and len(words) == len(h1_words) + 1 and words[1:] == h1_words and _COUNT.match(words[0]):
            return field
    return h1_text


#: A list article's count: "8", "15", "101".
_COUNT = compile_pattern(r"^\d{1,3}$")


# What sets a label or count apart from the headline inside the heading.
_SET_APART = lazy(r"[|(\[]")


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "time"})


def _headline_chunks(h1: Any) -> Iterator[str]:
    """The text pieces of the headline element without what pages nest inside it: a ``<time>``
    ("Dec 18 2025 Preparing a transition"), a sub-heading or an element classed as a date or
    byline ("Posted on July 1, 2024 by …")."""
    return chunks(h1, descend=_inside_headline)


def _inside_headline(child: Any) -> bool:
    nested = child.tag in _HEADING_TAGS or ANY_HINT.search(class_tokens(child).lower())
    return visible(child) and not nested
