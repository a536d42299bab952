"""JSON-LD in a page: the article-like node, the page node and the publisher, read once.

``@graph``, arrays and ``mainEntity`` are searched; JSON that does not parse (comments, CDATA
wrappers, trailing commas) is repaired where cheap, else its ``datePublished``/``dateModified``
are read from the text as a last resort.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from newsclean.meta.dates import TIMEOUT

# JSON-LD types whose dates are the article's own, and the page-level types used as fallback.
ARTICLE_TYPES: frozenset[str] = frozenset(
    """
    article newsarticle blogposting reportagenewsarticle analysisnewsarticle
    opinionnewsarticle reviewnewsarticle backgroundnewsarticle askpublicnewsarticle
    satiricalarticle liveblogposting techarticle scholarlyarticle report socialmediaposting
    discussionforumposting posting review medicalwebpage recipe howto
    """.split()
)
PAGE_TYPES: frozenset[str] = frozenset(
    "webpage itempage collectionpage aboutpage faqpage qapage videoobject creativework".split()
)

_JSON_TRAILING_COMMA = regex.compile(r",\s*([}\]])")
_JSON_DATE = {
    "datePublished": regex.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"'),
    "dateModified": regex.compile(r'"dateModified"\s*:\s*"([^"]{6,40})"'),
}
_MAX_JSONLD_CHARS = 2_000_000


# --- Reading ------------------------------------------------------------------------------


def _load_json(text: str) -> Any:
    text = text.strip()
    for prefix, suffix in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            if text.rstrip().endswith(suffix):
                text = text.rstrip()[: -len(suffix)]
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    try:
        return json.loads(_JSON_TRAILING_COMMA.sub(r"\1", text, timeout=TIMEOUT), strict=False)
    except (ValueError, TimeoutError):
        return None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    items = value if isinstance(value, list) else [value]
    return {str(t).rsplit("/", 1)[-1].lower() for t in items if t}


def _nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object that stands for a thing, top-level first (``@graph``, arrays,
    ``mainEntity``), without descending into lists of other things (``itemListElement``)."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in data:
                yield from _nodes(data[key], depth + 1)


def person_names(value: Any, *, people: bool = False) -> list[str]:
    """Names from a JSON-LD person/organisation value: str, dict with ``name``, or a list.

    ``people`` leaves out values typed as an organisation (a brand signing as the author
    while a byline names the writer)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        kind = value.get("@type")
        if people and isinstance(kind, str) and kind.lower() in _ORGANISATION_TYPES:
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):
            return [str(n) for n in name]
        return []
    if isinstance(value, list):
        return [n for item in value for n in person_names(item, people=people)]
    return []


_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "brand"})


@dataclass
class JsonLd:
    """What the page's JSON-LD says: its article-like node, its page node, the publisher's
    name, and dates read from JSON too broken to parse."""

    article: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    publisher: str | None = None
    raw_dates: dict[str, str] | None = None


def read_jsonld(scripts: Iterable[Any]) -> JsonLd:
    """The first article-like and page-level nodes of the ``<script type="application/ld+json">``
    elements ``scripts`` (``@graph``, arrays and ``mainEntity`` included)."""
    found = JsonLd()
    for script in scripts:
        text = script.text or ""
        if not text.strip() or len(text) > _MAX_JSONLD_CHARS:
            continue
        data = _load_json(text)
        if data is None:
            # Broken JSON still names its dates; read them from the text as a last resort.
            raw = found.raw_dates or {}
            for key, pattern in _JSON_DATE.items():
                try:
                    m = pattern.search(text, timeout=TIMEOUT)
                except TimeoutError:
                    m = None
                if m and key not in raw:
                    raw[key] = m.group(1)
            found.raw_dates = raw or None
            continue
        for node in _nodes(data):
            types = _types(node)
            if found.article is None and types & ARTICLE_TYPES:
                found.article = node
            elif found.page is None and types & PAGE_TYPES:
                found.page = node
            if found.publisher is None and "publisher" in node:
                found.publisher = first_nonempty(person_names(node["publisher"]))
            if found.publisher is None and types & {"newsmediaorganization", "organization"}:
                found.publisher = first_nonempty(person_names(node))
    return found


def first_nonempty(values: Iterable[str]) -> str | None:
    """The first value that is not empty, else ``None``."""
    for value in values:
        if value:
            return value
    return None
