"""The result of :func:`newsclean.clean`: a frozen, typed :class:`Document`."""

from __future__ import annotations

import json
from dataclasses import field, fields
from datetime import date
from typing import Any

from newsclean.records import frozen_dataclass, record, set_field
from newsclean.structure import StructureBlock

#: Kinds a body paragraph can have; they drive :meth:`Document.to_markdown`.
PARAGRAPH_KINDS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "caption"}
)


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Link:
    """A link: its visible text and its target (``None`` when the input had no URL)."""

    text: str
    url: str | None = None

    def __init__(self, text: str, url: str | None = None) -> None:
        set_field(self, "text", text)
        set_field(self, "url", url)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url}


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Removal:
    """One piece of text that a rule took out of the body, and why."""

    text: str
    rule: str
    family: str
    reason: str

    def __init__(self, text: str, rule: str, family: str, reason: str) -> None:
        set_field(self, "text", text)
        set_field(self, "rule", rule)
        set_field(self, "family", family)
        set_field(self, "reason", reason)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "rule": self.rule, "family": self.family, "reason": self.reason}


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Document:
    """A cleaned article.

    ``published`` and ``modified`` are a timezone-aware :class:`~datetime.datetime` when the page
    gave a time and a zone; a *naive* ``datetime`` when it gave a time but no zone (the time is
    kept as written, never shifted); a :class:`~datetime.date` when it gave only a day (no time
    is invented); ``None`` when nothing trustworthy was found. ``*_source`` names where the value
    came from (``"meta:article:published_time"``, ``"json-ld:datePublished"``, ``"text:dateline"``…).
    The two stay strictly apart: a date the page labels "Updated" is only ever ``modified``.
    :attr:`date` is the date a reader sees as the story's date: ``published``, else ``modified``.

    ``tags`` are the article's keywords; ``categories`` the sections of the site it is filed
    under (``article:section``, JSON-LD ``articleSection``, ``rel="category tag"`` links).

    ``structure`` is the article as typed blocks (headings, paragraphs, list items, tables,
    code, figures, with their links; see :mod:`newsclean.structure`); ``paragraphs`` is the same
    article as plain text, one entry per kept block, with its tag in ``paragraph_kinds``.

    An empty document (no ``paragraphs``) is an ordinary result; ``warnings`` then says why.
    """

    title: str | None = None
    body: str = ""
    paragraphs: tuple[str, ...] = ()
    paragraph_kinds: tuple[str, ...] = ()
    structure: tuple[StructureBlock, ...] = ()
    published: date | None = None
    published_source: str | None = None
    modified: date | None = None
    modified_source: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    related: tuple[Link, ...] = ()
    links: tuple[Link, ...] = ()
    url: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def __init__(
        self,
        title: str | None = None,
        body: str = "",
        paragraphs: tuple[str, ...] = (),
        paragraph_kinds: tuple[str, ...] = (),
        structure: tuple[StructureBlock, ...] = (),
        published: date | None = None,
        published_source: str | None = None,
        modified: date | None = None,
        modified_source: str | None = None,
        tags: tuple[str, ...] = (),
        categories: tuple[str, ...] = (),
        authors: tuple[str, ...] = (),
        related: tuple[Link, ...] = (),
        links: tuple[Link, ...] = (),
        url: str | None = None,
        site_name: str | None = None,
        language: str | None = None,
        description: str | None = None,
        removed: tuple[Removal, ...] = (),
        warnings: tuple[str, ...] = (),
    ) -> None:
        set_field(self, "title", title)
        set_field(self, "body", body)
        set_field(self, "paragraphs", paragraphs)
        set_field(self, "paragraph_kinds", paragraph_kinds)
        set_field(self, "structure", structure)
        set_field(self, "published", published)
        set_field(self, "published_source", published_source)
        set_field(self, "modified", modified)
        set_field(self, "modified_source", modified_source)
        set_field(self, "tags", tags)
        set_field(self, "categories", categories)
        set_field(self, "authors", authors)
        set_field(self, "related", related)
        set_field(self, "links", links)
        set_field(self, "url", url)
        set_field(self, "site_name", site_name)
        set_field(self, "language", language)
        set_field(self, "description", description)
        set_field(self, "removed", removed)
        set_field(self, "warnings", warnings)

    def __str__(self) -> str:
        return self.body

    @property
    def date(self) -> date | None:
        """The story's date as readers see it: ``published``, else ``modified`` (``None``
        when the page gives neither). Also in :meth:`to_dict` as ``"date"``."""
        return self.published if self.published is not None else self.modified

    def __bool__(self) -> bool:
        return bool(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, one key per field; dates as ``isoformat()`` strings."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, date):
                out[f.name] = _iso(value)
            elif isinstance(value, tuple):
                out[f.name] = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            else:
                out[f.name] = value
            if f.name == "modified_source":
                out["date"] = _iso(self.date)
        return out

    def to_json(self, *, indent: int | None = 2) -> str:
        """The :meth:`to_dict` data as a JSON string (UTF-8 text kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self, *, links: bool = True, images: bool = True) -> str:
        """The article as GitHub-flavoured Markdown: the title, then the structure (headings,
        nested lists, tables, quotes, fenced code, links, images with their captions), then the
        tags. ``links=False`` writes link texts without their targets; ``images=False`` leaves the
        images out (their captions stay, as paragraphs)."""
        from newsclean.markdown import render  # (imported on first use, as only some callers render)

        return render(self, links=links, images=images)

    def to_html(self, *, links: bool = True, images: bool = True) -> str:
        """The article as one self-contained, inert HTML document: a header with the title,
        authors and dates, then the structure. Nothing from the page can run in it (no scripts,
        styles or event attributes; only ``href``, ``src``, ``alt``, ``colspan`` and ``rowspan``,
        with ``http``/``https``/``mailto`` URLs; all text escaped). Options as in
        :meth:`to_markdown`."""
        from newsclean.html_render import render  # (imported on first use, as only some callers render)

        return render(self, links=links, images=images)
