"""The headline of an HTML page: the ``<h1>`` its title fields confirm, else the first title field
without the site's name, else (no title fields) the first ``<h1>`` or ``<h2>``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

from newsclean.meta.fields import ANY_HINT, TITLE_META
from newsclean.meta.jsonld import first_nonempty, jsonld_text
from newsclean.meta.title import clean_title
from newsclean.meta.tree import chunks, class_tokens, content, squash, visible

# Share of an <h1>'s words found in a title field for it to count as the headline.
_H1_MATCH = 0.5
_MAX_TITLE_CHARS = 300

_WORD = regex.compile(r"\w+")


def main_h1(h1s: list[Any], titles: Iterable[str]) -> tuple[Any | None, bool]:
    """The <h1> that holds the headline, and whether the title fields confirm it.

    It is the one sharing most words with the page's title fields (a page may have an <h1>
    for its logo or a "Related articles" box); when none shares half the words, the first
    non-empty one, unconfirmed."""
    title_words = [set(_WORD.findall(t.casefold())) for t in titles if t]
    best, best_score, first = None, 0.0, None
    for h1 in h1s[:6]:
        words = set(_WORD.findall(squash(content(h1)).casefold()))
        if not words:
            continue
        first = first if first is not None else h1
        for title in title_words:
            # Dice overlap: a one-word <h1> ("Discord") inside a long title is no match.
            score = 2 * len(words & title) / (len(words) + len(title)) if title else 0.0
            if score > best_score:
                best, best_score = h1, score
    return (best, True) if best_score >= _H1_MATCH else (first, False)


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
    """
    h1_text = squash(" ".join(_headline_chunks(h1))) if h1 is not None else ""
    if h1_text and len(h1_text) <= _MAX_TITLE_CHARS and confirmed:
        return h1_text
    field = first_nonempty([*fields, microdata or ""])
    if field:
        return clean_title(field, site_name=site_name)
    if h1_text and len(h1_text) <= _MAX_TITLE_CHARS:
        return h1_text
    for h2 in h2s:
        text = squash(content(h2))
        if text and len(text) <= _MAX_TITLE_CHARS:
            return text
    return None


_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "time"})


def _headline_chunks(h1: Any) -> Iterator[str]:
    """The text pieces of the headline element without what pages nest inside it: a ``<time>``
    ("Dec 18 2025 Preparing a transition"), a sub-heading or an element classed as a date or
    byline ("Posted on July 1, 2024 by …")."""
    return chunks(h1, descend=_inside_headline)


def _inside_headline(child: Any) -> bool:
    nested = child.tag in _HEADING_TAGS or ANY_HINT.search(class_tokens(child).lower())
    return visible(child) and not nested
