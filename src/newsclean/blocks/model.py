"""The block model shared by HTML and text input."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of the page, with the features the rules look at.

    Text input fills only ``text``, ``segments``, ``index`` and ``kind="line"``; HTML input also
    fills the markup features. Blocks are built once per page and not shared across threads.

    Attributes:
        text: the visible text, whitespace collapsed.
        index: position in the page, 0-based.
        kind: ``"line"`` for text input; for HTML the block's tag (``p``, ``h2``, ``li``,
            ``blockquote``, ``pre``, ``tr``, ``caption``, ``div`` …).
        segments: for short lines of glued labels (``Community standardsDiscussion``) the parts;
            otherwise ``(text,)``.
        link_chars: characters of ``text`` inside ``<a>`` elements.
        tokens: concept labels (``"share"``, ``"related"``, ``"comments"`` …) found in the class,
            id, role or itemprop of the block's ancestors, mapped to how many levels up the nearest
            one is (0 = the block element itself).
        containers: ids of the ancestor elements (outermost first) that can hold an article.
        in_article: inside ``<article>``, ``<main>``, ``itemprop=articleBody`` or an element whose
            class/id says "article body".
        links: ``(text, href)`` of the links inside the block.
        heading_level: 1–6 for headings, else 0.
    """

    text: str
    index: int
    kind: str = "line"
    segments: tuple[str, ...] = ()
    link_chars: int = 0
    tokens: dict[str, int] = field(default_factory=dict)
    containers: tuple[int, ...] = ()
    in_article: bool = False
    links: tuple[tuple[str, str | None], ...] = ()
    heading_level: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(slots=True)
class Page:
    """Everything the rules need about one input: the blocks and what the reader found besides.

    ``tree`` is the parsed lxml document for HTML input (``None`` for text); ``meta`` is free-form
    storage the metadata stage fills.
    """

    blocks: list[Block]
    source_format: str  # "html" | "text"
    tree: Any = None
    url: str | None = None
    title_hint: str | None = None
    warnings: list[str] = field(default_factory=list)
