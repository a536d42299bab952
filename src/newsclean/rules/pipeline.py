"""The rule machinery: :class:`Rule`, :class:`Mark`, the per-page :class:`Context`, and the runner.

A rule is a small function that *reads* the context (blocks, what earlier rules decided) and
*returns* marks; only the runner changes state, and it records every removal with the rule that
made it. Rules therefore stay pure and can be tested on a handful of blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from newsclean.blocks.model import Block
from newsclean.document import Link, Removal

#: What a mark does with its block. Every action takes the block out of the body and records
#: it in ``Document.removed``; all but ``remove`` also move its content into metadata.
ACTIONS = frozenset({"remove", "tags", "related", "dateline", "authors", "title"})


@dataclass(frozen=True, slots=True)
class Mark:
    """A rule's decision about one block.

    ``pieces`` lets a rule report a glued block as the separate labels it was made of;
    ``value`` carries what moves into metadata (a date, tag list, link, author names).
    """

    index: int
    action: str = "remove"
    value: Any = None
    pieces: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """One named step of the pipeline."""

    name: str
    family: str
    reason: str
    apply: Callable[[Context], Iterable[Mark]]
    formats: frozenset[str] = frozenset({"html", "text"})


@dataclass(slots=True)
class Context:
    """What the rules of one page read: blocks, the decisions so far, and page-level facts.

    ``decided[i]`` is the name of the rule that took block ``i`` out of the body (``None`` while
    it is kept). ``main`` is the container chosen as the article region (HTML only),
    ``main_set`` all the containers the region takes, ``thread_page`` whether the page is a
    discussion thread, ``thread`` the region's containers when its posts are the content
    (``frozenset()`` when they are not; ``None`` until decided), and ``region`` the
    ``(first, last)`` block indices of the article's prose run (text input).
    """

    blocks: list[Block]
    source_format: str
    containers: list[Any] = field(default_factory=list)
    decided: list[str | None] = field(default_factory=list)
    main: int | None = None
    main_set: frozenset[int] | None = None
    thread_page: bool = False
    thread: frozenset[int] | None = None
    region: tuple[int, int] | None = None
    title: str | None = None
    regex_timeout: float = 0.5
    now: datetime | None = None
    #: phrase-pack languages to try on this page (see :func:`newsclean.phrases.guess_languages`)
    languages: frozenset[str] = frozenset({"en"})
    # what rules moved into metadata
    tags: list[str] = field(default_factory=list)
    related: list[Link] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    published: list[tuple[date, str]] = field(default_factory=list)
    modified: list[tuple[date, str]] = field(default_factory=list)
    removed: list[tuple[int, Removal]] = field(default_factory=list)
    #: blocks a user ``keep`` selector holds: no rule takes them (see :func:`apply_marks`)
    protected: frozenset[int] = frozenset()
    #: block index -> the metadata action that moved it (``dateline``, ``authors``, ``tags``…)
    moved: dict[int, str] = field(default_factory=dict)
    #: memos: derived per-page data computed once by the first rule that needs it
    cache: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.decided:
            self.decided = [None] * len(self.blocks)

    def kept(self, i: int) -> bool:
        return self.decided[i] is None


def apply_marks(ctx: Context, rule: Rule, marks: Iterable[Mark]) -> None:
    """Carry out a rule's marks and record them; a block already taken, or kept by the user
    (``ctx.protected``), is left alone."""
    protected = ctx.protected
    for mark in marks:
        i = mark.index
        if ctx.decided[i] is not None or i in protected:
            continue
        block = ctx.blocks[i]
        ctx.decided[i] = rule.name
        action = mark.action
        if action == "tags":
            ctx.tags.extend(mark.value)
        elif action == "related":
            ctx.related.append(mark.value)
        elif action == "authors":
            ctx.authors.extend(mark.value)
        elif action == "dateline":
            for found in mark.value:
                target = ctx.published if found.kind == "published" else ctx.modified
                target.append((found.value, f"text:{rule.name}"))
        elif action == "title":
            ctx.titles.append(mark.value)
        if action != "remove":
            ctx.moved[i] = action
        for piece in mark.pieces or (block.text,):
            ctx.removed.append((i, Removal(piece, rule.name, rule.family, rule.reason)))


def run(ctx: Context, rules: Iterable[Rule], disabled: frozenset[str] = frozenset()) -> None:
    """Run the rules in order over one page."""
    for rule in rules:
        if rule.name in disabled or ctx.source_format not in rule.formats:
            continue
        apply_marks(ctx, rule, rule.apply(ctx))
