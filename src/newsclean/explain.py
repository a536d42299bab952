"""Why the page came out as it did: every block of the input in order, with its fate.

:func:`explain` cleans a page like :func:`newsclean.clean` and also returns its blocks, each
kept, removed (by which rule, of which family, and why) or moved into metadata. The visual
report (:mod:`newsclean.report`) and ``newsclean --explain`` are drawn from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.api import InputFormat, clean_with_context
from newsclean.config import Config
from newsclean.document import Document, Removal

#: Characters of a removed text ``--explain`` shows before cutting it short.
SHORT_TEXT_CHARS = 100


@dataclass(frozen=True, slots=True)
class ExplainedBlock:
    """One block of the input and what became of it.

    ``rule`` is ``None`` when the block is in the body; ``moved`` names the metadata field a
    moved line went to (``dates``, ``authors``, ``tags``, ``related``, ``title``);
    ``kept_by_user`` is true when a user ``keep`` selector holds it.
    """

    text: str
    kind: str
    rule: str | None = None
    family: str | None = None
    reason: str | None = None
    moved: str | None = None
    kept_by_user: bool = False
    pieces: tuple[Removal, ...] = ()

    @property
    def removed(self) -> bool:
        return self.rule is not None


@dataclass(frozen=True, slots=True)
class Explanation:
    """A cleaned page with its blocks in input order (``source_format`` ``"html"`` or ``"text"``)."""

    document: Document
    blocks: tuple[ExplainedBlock, ...]
    source_format: str


def explain(
    source: str | bytes,
    *,
    url: str | None = None,
    input_format: InputFormat = "auto",
    config: Config | None = None,
    encoding: str | None = None,
) -> Explanation:
    """Clean ``source`` (arguments as for :func:`newsclean.clean`) and say what became of each block."""
    doc, ctx = clean_with_context(
        source, url=url, input_format=input_format, config=config, encoding=encoding
    )
    if ctx is None:  # nothing was parsed: the document's own paragraphs are all there is
        blocks = tuple(
            ExplainedBlock(text, kind) for text, kind in zip(doc.paragraphs, doc.paragraph_kinds, strict=True)
        )
        return Explanation(doc, blocks, "html")
    pieces: dict[int, list[Removal]] = {}
    for index, removal in ctx.removed:
        pieces.setdefault(index, []).append(removal)
    out = []
    for i, block in enumerate(ctx.blocks):
        kind = block.kind if block.kind != "line" else "p"
        found = pieces.get(i)
        if ctx.decided[i] is None or not found:
            out.append(ExplainedBlock(block.text, kind, kept_by_user=i in ctx.protected))
            continue
        first = found[0]
        out.append(
            ExplainedBlock(
                block.text,
                kind,
                first.rule,
                first.family,
                first.reason,
                ctx.moved.get(i),
                pieces=tuple(found),
            )
        )
    return Explanation(doc, tuple(out), ctx.source_format)


def shorten(text: str, limit: int = SHORT_TEXT_CHARS) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2 :]:  # end on a whole word when one ends in the second half
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def removal_lines(doc: Document, label: str) -> list[str]:
    """The ``--explain`` lines of one document: rule, family, reason and shortened text of each
    removed piece, then the warnings."""
    lines = [f"{label}: removed [{r.rule}] ({r.family}: {r.reason}) {shorten(r.text)}" for r in doc.removed]
    lines.extend(f"{label}: warning: {warning}" for warning in doc.warnings)
    return lines
