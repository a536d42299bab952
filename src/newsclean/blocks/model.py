"""The block model shared by HTML and text input."""

from __future__ import annotations

from collections.abc import Sequence
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


def container_spans(blocks: Sequence[Block], parents: Sequence[int]) -> tuple[list[int], list[int]]:
    """The first and last index of the blocks inside each container (by container id; ``-1``
    for both when it holds none), from each block's innermost container and ``parents`` (the
    parent id of each container, ``-1`` for a root).

    The walk opens and closes each container once and cuts blocks in document order, so the
    blocks whose ``containers`` hold an id are one run of consecutive blocks, and a parent's
    id is smaller than its children's: one pass over the blocks and one back over the
    containers give every run, and a sum over a container's blocks is a sum over a slice, with
    no loop over each block's chain of ancestors.
    """
    n = len(parents)
    first = [-1] * n
    last = [-1] * n
    for i, block in enumerate(blocks):
        chain = block.containers
        if chain:
            c = chain[-1]
            if first[c] < 0:
                first[c] = i
            last[c] = i
    for c in range(n - 1, -1, -1):
        start = first[c]
        parent = parents[c]
        if start < 0 or parent < 0:
            continue
        if first[parent] < 0 or start < first[parent]:
            first[parent] = start
        if last[c] > last[parent]:
            last[parent] = last[c]
    return first, last
