"""The fields stage: each metadata field of the :class:`~newsclean.Document` from its sources.

A field's sources are tried in the order of :data:`FIELD_SOURCES`, most trusted first; the first
that gives a value (not ``None``, not empty) wins. A source is named and carries the reason for
its place, as a rule does: what used to be a special case of ``api._fields`` (a page that shows
only an update date takes no moved date as its publication date) is now the condition of one
source, :data:`MOVED_PUBLISHED`. Sources read the page's own metadata (:class:`PageMeta`, HTML
only: ``None`` on text input) and what the rules moved out of the body (the :class:`Context`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from newsclean.rules import Context
from newsclean.values import FrozenValue

if TYPE_CHECKING:
    from newsclean.meta.html import PageMeta
    from newsclean.meta.page_dates import FoundDate


class Source(FrozenValue):
    """One source of a field: ``read(ctx, meta, url)`` gives its value, or ``None`` / empty."""

    __slots__ = ("name", "reason", "read")
    name: str
    reason: str
    read: Callable[[Context, PageMeta | None, str | None], Any]

    def __init__(
        self,
        name: str,
        reason: str,
        read: Callable[[Context, PageMeta | None, str | None], Any],
    ) -> None:
        self._set(name, reason, read)


def _pair(found: FoundDate | None) -> tuple[date, str] | None:
    return (found.value, found.source) if found is not None else None


def _page(attr: str) -> Callable[[Context, PageMeta | None, str | None], Any]:
    """The page's own value of ``attr`` (``None`` on text input)."""
    return lambda ctx, meta, url: getattr(meta, attr) if meta is not None else None


def _page_date(attr: str) -> Callable[[Context, PageMeta | None, str | None], Any]:
    return lambda ctx, meta, url: _pair(getattr(meta, attr)) if meta is not None else None


def shows_only_an_update(meta: PageMeta | None) -> bool:
    """Whether the markup reader, having read the dates beside the headline and the byline,
    found an update date ("Last updated: Dec 12, 2025") and no publication date."""
    return meta is not None and meta.published is None and meta.modified is not None


def _moved_published(ctx: Context, meta: PageMeta | None, url: str | None) -> tuple[date, str] | None:
    if not ctx.published or shows_only_an_update(meta):
        return None
    return ctx.published[0]


PAGE = "the page's own markup (meta tags, JSON-LD, microdata, <time>, the lines by the headline)"
MOVED = "a line the rules moved out of the body"

#: The rules' first dateline, unless the page shows only an update date: the text rules see a
#: date block alone, without the label the element before it gives, and dates of related-story
#: lists; on such a page neither is the publication date.
MOVED_PUBLISHED = Source(
    "moved-line",
    f"{MOVED}; not on a page whose markup shows only an update date (then no line is the"
    " publication date: a label-less date block, a related story's date)",
    _moved_published,
)

#: Field -> its sources, most trusted first.
FIELD_SOURCES: dict[str, tuple[Source, ...]] = {
    "url": (
        Source("page", "the canonical URL the page names", _page("url")),
        Source("given", "the address the caller gave", lambda ctx, meta, url: url),
    ),
    "title": (
        Source("page", PAGE, _page("title")),
        Source("moved-line", MOVED, lambda ctx, meta, url: ctx.titles[0] if ctx.titles else None),
    ),
    "authors": (
        Source("page", PAGE, _page("authors")),
        Source("moved-line", MOVED, lambda ctx, meta, url: tuple(ctx.authors)),
    ),
    "tags": (
        Source("page", PAGE, _page("tags")),
        Source("moved-line", MOVED, lambda ctx, meta, url: tuple(ctx.tags)),
    ),
    "published": (
        Source("page", PAGE, _page_date("published")),
        MOVED_PUBLISHED,
        Source(
            "guess",
            "an image's path or a copyright year: a guess, after the datelines the rules moved",
            _page_date("published_guess"),
        ),
    ),
    "modified": (
        Source("page", PAGE, _page_date("modified")),
        Source("moved-line", MOVED, lambda ctx, meta, url: ctx.modified[0] if ctx.modified else None),
    ),
    "site_name": (Source("page", PAGE, _page("site_name")),),
    "language": (Source("page", PAGE, _page("language")),),
    "description": (Source("page", PAGE, _page("description")),),
    "categories": (Source("page", PAGE, _page("categories")),),
}

#: What a list field is on text input, which has no page metadata.
_EMPTY: dict[str, Any] = {"authors": (), "tags": (), "categories": ()}


class Fields(FrozenValue):
    """The document's metadata, each field chosen from its sources."""

    __slots__ = (
        "url", "title", "authors", "tags", "published", "modified", "site_name", "language", "description",
        "categories",
    )
    url: str | None
    title: str | None
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    published: tuple[date, str] | None
    modified: tuple[date, str] | None
    site_name: str | None
    language: str | None
    description: str | None
    categories: tuple[str, ...]

    def __init__(
        self,
        url: str | None,
        title: str | None,
        authors: tuple[str, ...],
        tags: tuple[str, ...],
        published: tuple[date, str] | None,
        modified: tuple[date, str] | None,
        site_name: str | None,
        language: str | None,
        description: str | None,
        categories: tuple[str, ...],
    ) -> None:
        self._set(
            url, title, authors, tags, published, modified, site_name, language, description, categories,
        )


def choose_fields(ctx: Context, meta: PageMeta | None, url: str | None) -> Fields:
    """Each field from the first of its :data:`FIELD_SOURCES` that gives a value (else what
    the last one gives: ``a or b or c``)."""
    values: dict[str, Any] = {}
    for name, sources in FIELD_SOURCES.items():
        value = None
        for source in sources:
            value = source.read(ctx, meta, url)
            if value:
                break
        values[name] = _EMPTY.get(name) if value is None else value
    return Fields(**values)
