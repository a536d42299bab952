"""Rendering a :class:`~newsclean.Document` as Markdown.

The document module calls this one; this one reads a document only through the fields it
renders (:class:`Renderable`), so the two do not import each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class _Link(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def url(self) -> str | None: ...


class Renderable(Protocol):
    """What :func:`render` reads of a :class:`~newsclean.Document`."""

    @property
    def title(self) -> str | None: ...
    @property
    def paragraphs(self) -> Sequence[str]: ...
    @property
    def paragraph_kinds(self) -> Sequence[str]: ...
    @property
    def links(self) -> Sequence[_Link]: ...
    @property
    def tags(self) -> Sequence[str]: ...

_PREFIX = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### ",
           "li": "- ", "blockquote": "> "}
_SPECIAL = str.maketrans({"[": "\\[", "]": "\\]"})


def _link(text: str, url: str | None) -> str:
    return f"[{text.translate(_SPECIAL)}]({url})" if url else text


def render(doc: Renderable) -> str:
    """Title as a top heading, then the paragraphs by kind; links inline; tags at the end."""
    links = {link.text: link.url for link in doc.links if link.url}
    out: list[str] = []
    if doc.title:
        out.append(f"# {doc.title}")
    previous = ""
    for text, kind in zip(doc.paragraphs, doc.paragraph_kinds or ("p",) * len(doc.paragraphs), strict=True):
        for anchor, url in links.items():
            if anchor in text and len(anchor) > 1:
                text = text.replace(anchor, _link(anchor, url), 1)
        if kind == "pre":
            line = f"```\n{text}\n```"
        elif kind == "tr":
            line = f"| {text} |"
        else:
            line = _PREFIX.get(kind, "") + text
        # list items and table rows of one list/table sit on consecutive lines
        if out and kind in ("li", "tr") and previous == kind:
            out[-1] += "\n" + line
        else:
            out.append(line)
        previous = kind
    if doc.tags:
        out.append("Tags: " + ", ".join(doc.tags))
    return "\n\n".join(out) + ("\n" if out else "")
