"""The article's structure as data: :attr:`Document.structure <newsclean.Document.structure>`.

``Document.paragraphs`` is the article as plain text, one entry per kept block. ``structure`` is
the same article as typed, frozen blocks that say what each piece *is*: a heading and its level,
a paragraph, a list item with its depth and list kind, a table with its rows and cells, code with
its language, a figure with its image and caption. Every block says how deep in block quotes it
sits (``quote``) and, where it has text, which parts of that text are links (``anchors``).

The structure is flat (a tuple in reading order, nesting given by ``depth`` and ``quote``), so
it serialises to JSON and renders (:mod:`newsclean.markdown`, :mod:`newsclean.html_render`)
without recursion. It holds no text the body does not hold: table rows, table captions and figure
captions are paragraphs of the body gathered into their table or figure.

URLs in the structure are absolute (resolved against the page's URL and its ``<base>``) when
the page's URL is known, and never anything that could run: only ``http``, ``https`` and
``mailto`` links and ``http``/``https`` images are kept (:func:`safe_url`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields
from datetime import date
from typing import Any, ClassVar, Protocol, Union
from urllib.parse import urljoin, urlsplit

from newsclean.lazyre import compile_pattern
from newsclean.records import frozen_dataclass, record, set_field

#: Schemes a link may keep; anything else (``javascript:``, ``data:``, ``vbscript:``…) is dropped.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes an image source may keep.
IMAGE_SCHEMES = frozenset({"http", "https"})

#: Browsers strip leading and trailing C0 controls and spaces from a URL and ignore ASCII tabs and
#: newlines anywhere in it, so `` java\tscript:`` runs; the same is done before the scheme is read.
_EDGE = "".join(chr(c) for c in range(0x21))
_CONTROL = compile_pattern(r"[\x00-\x1f\x7f]")


def safe_url(
    href: str | None, base: str | None = None, *, schemes: frozenset[str] = LINK_SCHEMES
) -> str | None:
    """``href`` resolved against ``base``, or ``None`` when it is empty, in-page or unsafe.

    A relative URL stays relative when there is no ``base`` (it has no scheme, so it cannot
    run). In-page links (``#…``) are dropped: the sections they point to are not in the output.
    """
    if not href:
        return None
    href = href.strip(_EDGE)
    if "\t" in href or "\n" in href or "\r" in href:
        href = href.replace("\t", "").replace("\n", "").replace("\r", "")
    if not href or href[0] == "#" or _CONTROL.search(href):
        return None
    try:
        if href.startswith(("https://", "http://")) and "/." not in href:
            urlsplit(href)  # absolute already (the common case): urljoin would return it as is
            return href if "https" in schemes else None
        url = urljoin(base, href) if base else href
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # an unparseable URL ("http://[::1") is no link
        return None
    # no scheme: a relative or protocol-relative URL (without a base), which cannot run
    return url if not scheme or scheme in schemes else None


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Anchor:
    """A link inside a block's text: ``text[start:end]`` links to ``url``."""

    start: int
    end: int
    url: str

    def __init__(self, start: int, end: int, url: str) -> None:
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "url", url)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "url": self.url}


def linked_spans(
    text: str, anchors: Sequence[Anchor], links: bool = True
) -> Iterator[tuple[str, str | None]]:
    """``text`` cut at its anchors: ``(span, url)`` for a linked span with a safe URL, ``(span,
    None)`` for the text between them (and for all of it when ``links`` is false). Overlapping,
    out-of-range and unsafe anchors are read as plain text; the spans add up to ``text``."""
    pos = 0
    for anchor in anchors if links else ():
        url = safe_url(anchor.url)
        if anchor.start < pos or anchor.end > len(text) or anchor.end <= anchor.start or not url:
            continue
        yield text[pos:anchor.start], None
        yield text[anchor.start:anchor.end], url
        pos = anchor.end
    yield text[pos:], None


def _as_dict(block: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": block.kind}
    for f in fields(block):
        value = getattr(block, f.name)
        if isinstance(value, tuple):  # anchors, or a table's rows of cells
            value = [[c.to_dict() for c in v] if isinstance(v, tuple) else v.to_dict() for v in value]
        out[f.name] = value
    return out


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Heading:
    """A heading; ``level`` 1–6 as in ``<h1>``–``<h6>``."""

    kind: ClassVar[str] = "heading"
    text: str
    level: int
    anchors: tuple[Anchor, ...] = ()
    quote: int = 0

    def __init__(self, text: str, level: int, anchors: tuple[Anchor, ...] = (), quote: int = 0) -> None:
        set_field(self, "text", text)
        set_field(self, "level", level)
        set_field(self, "anchors", anchors)
        set_field(self, "quote", quote)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Paragraph:
    """A paragraph of text (also any block that is none of the other kinds)."""

    kind: ClassVar[str] = "paragraph"
    text: str
    anchors: tuple[Anchor, ...] = ()
    quote: int = 0

    def __init__(self, text: str, anchors: tuple[Anchor, ...] = (), quote: int = 0) -> None:
        set_field(self, "text", text)
        set_field(self, "anchors", anchors)
        set_field(self, "quote", quote)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class ListItem:
    """An item of a list: ``depth`` 1 for a top-level item, 2 for an item of a list inside it…;
    ``ordered`` for a numbered list (``<ol>``, or text lines numbered ``1.``)."""

    kind: ClassVar[str] = "list_item"
    text: str
    depth: int = 1
    ordered: bool = False
    anchors: tuple[Anchor, ...] = ()
    quote: int = 0

    def __init__(
        self,
        text: str,
        depth: int = 1,
        ordered: bool = False,
        anchors: tuple[Anchor, ...] = (),
        quote: int = 0,
    ) -> None:
        set_field(self, "text", text)
        set_field(self, "depth", depth)
        set_field(self, "ordered", ordered)
        set_field(self, "anchors", anchors)
        set_field(self, "quote", quote)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Code:
    """A code block, its line breaks and indentation kept; ``language`` when the page names it
    (``class="language-python"``)."""

    kind: ClassVar[str] = "code"
    text: str
    language: str | None = None
    quote: int = 0

    def __init__(self, text: str, language: str | None = None, quote: int = 0) -> None:
        set_field(self, "text", text)
        set_field(self, "language", language)
        set_field(self, "quote", quote)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Cell:
    """A table cell; ``header`` for ``<th>`` and the cells of ``<thead>``."""

    text: str
    header: bool = False
    colspan: int = 1
    rowspan: int = 1
    anchors: tuple[Anchor, ...] = ()

    def __init__(
        self,
        text: str,
        header: bool = False,
        colspan: int = 1,
        rowspan: int = 1,
        anchors: tuple[Anchor, ...] = (),
    ) -> None:
        set_field(self, "text", text)
        set_field(self, "header", header)
        set_field(self, "colspan", colspan)
        set_field(self, "rowspan", rowspan)
        set_field(self, "anchors", anchors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "header": self.header,
            "colspan": self.colspan,
            "rowspan": self.rowspan,
            "anchors": [a.to_dict() for a in self.anchors],
        }


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Table:
    """A table: its kept rows, each a tuple of cells as the page wrote them (spans not expanded)."""

    kind: ClassVar[str] = "table"
    rows: tuple[tuple[Cell, ...], ...]
    caption: str | None = None
    quote: int = 0

    def __init__(
        self,
        rows: tuple[tuple[Cell, ...], ...],
        caption: str | None = None,
        quote: int = 0,
    ) -> None:
        set_field(self, "rows", rows)
        set_field(self, "caption", caption)
        set_field(self, "quote", quote)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Figure:
    """An image of the article: its absolute ``src``, its ``alt`` text and its caption."""

    kind: ClassVar[str] = "figure"
    src: str
    alt: str = ""
    caption: str | None = None
    anchors: tuple[Anchor, ...] = ()  # the links of the caption
    quote: int = 0

    def __init__(
        self,
        src: str,
        alt: str = "",
        caption: str | None = None,
        anchors: tuple[Anchor, ...] = (),
        quote: int = 0,
    ) -> None:
        set_field(self, "src", src)
        set_field(self, "alt", alt)
        set_field(self, "caption", caption)
        set_field(self, "anchors", anchors)
        set_field(self, "quote", quote)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


#: One block of :attr:`Document.structure <newsclean.Document.structure>`.
StructureBlock = Union[Heading, Paragraph, ListItem, Code, Table, Figure]  # noqa: UP007 (runtime alias on 3.10)

_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class Renderable(Protocol):
    """What the renderers (:mod:`newsclean.markdown`, :mod:`newsclean.html_render`) read of a
    :class:`~newsclean.Document`: the document module calls them, so they do not import it."""

    @property
    def title(self) -> str | None: ...
    @property
    def paragraphs(self) -> Sequence[str]: ...
    @property
    def paragraph_kinds(self) -> Sequence[str]: ...
    @property
    def structure(self) -> Sequence[StructureBlock]: ...
    @property
    def tags(self) -> Sequence[str]: ...
    @property
    def authors(self) -> Sequence[str]: ...
    @property
    def published(self) -> date | None: ...
    @property
    def modified(self) -> date | None: ...


def blocks_of(doc: Renderable) -> Sequence[StructureBlock]:
    """``doc.structure``, or for a Document built by hand with only ``paragraphs`` (and their
    kinds), a structure made from those."""
    return doc.structure or from_paragraphs(doc.paragraphs, doc.paragraph_kinds)


def from_paragraphs(paragraphs: Sequence[str], kinds: Sequence[str]) -> tuple[StructureBlock, ...]:
    """A structure for a Document built by hand with only ``paragraphs`` (and their kinds)."""
    out: list[StructureBlock] = []
    for text, kind in zip(paragraphs, kinds or ("p",) * len(paragraphs), strict=False):
        if kind in _HEADING_LEVEL:
            out.append(Heading(text, _HEADING_LEVEL[kind]))
        elif kind == "li":
            out.append(ListItem(text))
        elif kind == "pre":
            out.append(Code(text))
        elif kind == "blockquote":
            out.append(Paragraph(text, quote=1))
        else:
            out.append(Paragraph(text))
    return tuple(out)
