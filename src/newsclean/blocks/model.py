"""The block model shared by HTML and text input."""

from __future__ import annotations

from dataclasses import dataclass


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
        containers: ids of the block-level ancestor elements, outermost first; their class/id
            concepts and article hints live on the containers (``blocks.html.Container``).
        links: ``(text, href)`` of the links inside the block.
        heading_level: 1–6 for headings, else 0.
        selected: ids of the user selectors whose elements hold the block (HTML input with
            user rules only; see :mod:`newsclean.userrules`).
    """

    text: str
    index: int
    kind: str = "line"
    segments: tuple[str, ...] = ()
    link_chars: int = 0
    containers: tuple[int, ...] = ()
    links: tuple[tuple[str, str | None], ...] = ()
    heading_level: int = 0
    selected: tuple[int, ...] = ()

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0
