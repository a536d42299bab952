"""The pipeline machinery: :class:`Rule`, :class:`RegionStep`, :class:`Mark`, the per-page
:class:`Context`, and the runner.

A rule is a small function that *reads* the context (blocks, what earlier rules decided, the
article region) and *returns* marks. A region step works out where the article is from the
state at its fixed point in the pipeline and *returns* a :class:`Region`. Only the runner
changes state: it records every removal with the rule that made it and stores the region, so
rules and region steps stay pure and can be tested on a handful of blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from newsclean.blocks.model import Block
from newsclean.document import Link, Removal
from newsclean.meta.datelines import DatelineMemo
from newsclean.records import frozen_dataclass, identity_record, record, set_field
from newsclean.values import FrozenValue, Value

#: What a mark does with its block. Every action takes the block out of the body and records
#: it in ``Document.removed``; all but ``remove`` also move its content into metadata.
ACTIONS = frozenset({"remove", "tags", "related", "dates", "authors", "title"})

_T = TypeVar("_T")

#: The input formats a step can run on.
FORMATS = frozenset({"html", "text"})


@record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Mark:
    """A rule's decision about one block.

    ``pieces`` lets a rule report a glued block as the separate labels it was made of;
    ``value`` carries what moves into metadata (a date, tag list, link, author names).
    """

    index: int
    action: str = "remove"
    value: Any = None
    pieces: tuple[str, ...] = ()

    def __init__(
        self,
        index: int,
        action: str = "remove",
        value: Any = None,
        pieces: tuple[str, ...] = (),
    ) -> None:
        set_field(self, "index", index)
        set_field(self, "action", action)
        set_field(self, "value", value)
        set_field(self, "pieces", pieces)


@identity_record
@frozen_dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Rule:
    """One named rule of the pipeline: what it is, why it removes, and how the rest treats it.

    Rules are compared by identity: ``Context.decided`` holds the rule object that took a block,
    so every later decision reads the rule's declared properties, never its name. A rule made
    outside the built-in pipeline (a user's rule) takes part the same way.

    Attributes:
        name: unique, shown in ``Removal.rule`` and accepted by ``Config.disabled_rules``.
        family: the kind of boilerplate (``Removal.family``); the region weighs removals by it.
        reason: one line, shown in ``Removal.reason`` and ``docs/rules.md``.
        apply: reads the context and yields marks.
        formats: the inputs it runs on (``html``, ``text``).
        guard_may_undo: the over-pruning guard may put its removals back: it judges by position
            or markup, so on a page it misreads it can take the article (a phrase rule that
            recognised a label cannot).
        to_metadata: it moves the line into metadata (a dateline, a byline, a tag line, the
            title): the line is part of the story's furniture, not boilerplate, and the region
            does not count it against the container it sits in.
        credit_line: the lines it takes name the story's author or time (a byline, a timestamp):
            they sit between a standfirst and the article, and under a reader comment's header.
    """

    name: str
    family: str
    reason: str
    apply: Callable[[Context], Iterable[Mark]]
    formats: frozenset[str] = FORMATS
    guard_may_undo: bool = False
    to_metadata: bool = False
    credit_line: bool = False

    def __init__(
        self,
        name: str,
        family: str,
        reason: str,
        apply: Callable[[Context], Iterable[Mark]],
        formats: frozenset[str] = FORMATS,
        guard_may_undo: bool = False,
        to_metadata: bool = False,
        credit_line: bool = False,
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "family", family)
        set_field(self, "reason", reason)
        set_field(self, "apply", apply)
        set_field(self, "formats", formats)
        set_field(self, "guard_may_undo", guard_may_undo)
        set_field(self, "to_metadata", to_metadata)
        set_field(self, "credit_line", credit_line)


class Region(FrozenValue):
    """Where the article is on one page, decided once by a :class:`RegionStep`.

    HTML input fills ``main`` (the container holding the article's core; ``None`` when the page
    has no prose), ``containers`` (every container the region takes), ``thread`` (the region's
    containers when a discussion thread's posts are the content, so the comment rule spares
    them) and ``mass`` (the summed block weights inside each container, by container id).
    Text input fills ``span`` (the ``(first, last)`` block indices of the article's prose run)
    and ``standfirst`` (lines above a byline the run starts after: a standfirst or a caption),
    and ``comments_from`` (the first line of the readers' comment section under the run, which
    the over-pruning guard does not weigh; ``None`` when the run is not followed by one).
    """

    __slots__ = ("main", "containers", "thread", "mass", "span", "standfirst", "items", "comments_from")
    main: int | None
    containers: frozenset[int]
    thread: frozenset[int]
    mass: tuple[float, ...]
    span: tuple[int, int] | None
    standfirst: frozenset[int]
    items: frozenset[int]
    comments_from: int | None

    def __init__(
        self,
        main: int | None = None,
        containers: frozenset[int] = frozenset(),
        thread: frozenset[int] = frozenset(),
        mass: tuple[float, ...] = (),
        span: tuple[int, int] | None = None,
        standfirst: frozenset[int] = frozenset(),
        items: frozenset[int] = frozenset(),
        comments_from: int | None = None,
    ) -> None:
        self._set(main, containers, thread, mass, span, standfirst, items, comments_from)


class RegionStep(FrozenValue):
    """The step that locates the article region, at one fixed point of the pipeline.

    ``locate`` reads the state the rules before it left and returns the :class:`Region`; the
    runner stores it in ``Context.region`` and every later rule reads it from there.
    """

    __slots__ = ("name", "reason", "locate", "formats")
    name: str
    reason: str
    locate: Callable[[Context], Region]
    formats: frozenset[str]

    def __init__(
        self,
        name: str,
        reason: str,
        locate: Callable[[Context], Region],
        formats: frozenset[str] = FORMATS,
    ) -> None:
        self._set(name, reason, locate, formats)

    __eq__ = object.__eq__
    __hash__ = object.__hash__


#: One step of :data:`newsclean.rules.PIPELINE`.
Step = Rule | RegionStep


class Context(Value):
    """What the rules of one page read: blocks, the decisions so far, and page-level facts.

    ``decided[i]`` is the rule that took block ``i`` out of the body (``None`` while it is
    kept). ``region`` is where the article is, stored by the runner when the pipeline reaches
    its region step (``None`` before).
    """

    __slots__ = (
        "blocks", "source_format", "containers", "decided", "region", "title", "regex_timeout", "now",
        "languages", "tags", "related", "authors", "titles", "published", "modified", "removed", "protected",
        "moved", "cache", "datelines",
    )
    blocks: list[Block]
    source_format: str
    containers: list[Any]
    decided: list[Rule | None]
    region: Region | None
    title: str | None
    regex_timeout: float
    now: datetime | None
    #: phrase-pack languages to try on this page (see :func:`newsclean.phrases.guess_languages`)
    languages: frozenset[str]
    # what rules moved into metadata
    tags: list[str]
    related: list[Link]
    authors: list[str]
    titles: list[str]
    published: list[tuple[date, str]]
    modified: list[tuple[date, str]]
    removed: list[tuple[int, Removal]]
    #: blocks a user ``keep`` selector holds: no rule takes them (see :func:`apply_marks`)
    protected: frozenset[int]
    #: block index -> the metadata action that moved it (``dates``, ``authors``, ``tags``…)
    moved: dict[int, str]
    #: memos: per-page data derived from what does not change any more (the blocks, the
    #: region), computed once by the first rule that needs it
    cache: dict[str, Any]
    #: the page's datelines and labels read so far; :func:`newsclean.clean` hands the one the
    #: metadata reader filled, so a piece both read is parsed once
    datelines: DatelineMemo

    def __init__(
        self,
        blocks: list[Block],
        source_format: str,
        containers: list[Any] | None = None,
        decided: list[Rule | None] | None = None,
        region: Region | None = None,
        title: str | None = None,
        regex_timeout: float = 0.5,
        now: datetime | None = None,
        languages: frozenset[str] = frozenset({"en"}),
        tags: list[str] | None = None,
        related: list[Link] | None = None,
        authors: list[str] | None = None,
        titles: list[str] | None = None,
        published: list[tuple[date, str]] | None = None,
        modified: list[tuple[date, str]] | None = None,
        removed: list[tuple[int, Removal]] | None = None,
        protected: frozenset[int] = frozenset(),
        moved: dict[int, str] | None = None,
        cache: dict[str, Any] | None = None,
        datelines: DatelineMemo | None = None,
    ) -> None:
        self.blocks = blocks
        self.source_format = source_format
        self.containers = [] if containers is None else containers
        self.decided = [None] * len(blocks) if not decided else decided
        self.region = region
        self.title = title
        self.regex_timeout = regex_timeout
        self.now = now
        self.languages = languages
        self.tags = [] if tags is None else tags
        self.related = [] if related is None else related
        self.authors = [] if authors is None else authors
        self.titles = [] if titles is None else titles
        self.published = [] if published is None else published
        self.modified = [] if modified is None else modified
        self.removed = [] if removed is None else removed
        self.protected = protected
        self.moved = {} if moved is None else moved
        self.cache = {} if cache is None else cache
        self.datelines = DatelineMemo() if datelines is None else datelines

    def kept(self, i: int) -> bool:
        return self.decided[i] is None

    def region_memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """A memo of data derived from the blocks and the region, computed on first asking.

        It is keyed by the region it was derived from, so a value worked out before the region
        step (by a user's rule that runs first, say) is not what the rules after it read.
        """
        entry = self.cache.get(key)
        if entry is None or entry[0] is not self.region:
            entry = (self.region, compute())
            self.cache[key] = entry
        return entry[1]


def apply_marks(ctx: Context, rule: Rule, marks: Iterable[Mark]) -> None:
    """Carry out a rule's marks and record them; a block already taken, or kept by the user
    (``ctx.protected``), is left alone."""
    protected = ctx.protected
    for mark in marks:
        i = mark.index
        if ctx.decided[i] is not None or i in protected:
            continue
        block = ctx.blocks[i]
        ctx.decided[i] = rule
        action = mark.action
        if action == "tags":
            ctx.tags.extend(mark.value)
        elif action == "related":
            ctx.related.append(mark.value)
        elif action == "authors":
            ctx.authors.extend(mark.value)
        elif action == "dates":
            for found in mark.value:
                target = ctx.published if found.kind == "published" else ctx.modified
                month = ":month" if found.precision == "month" else ""  # (the first of the month)
                target.append((found.value, f"text:{rule.name}{month}"))
        elif action == "title":
            ctx.titles.append(mark.value)
        if action != "remove":
            ctx.moved[i] = action
        for piece in mark.pieces or (block.text,):
            ctx.removed.append((i, Removal(piece, rule.name, rule.family, rule.reason)))


def run(ctx: Context, steps: Sequence[Step], disabled: frozenset[str] = frozenset()) -> None:
    """Run the steps in order over one page: apply each rule's marks, store the region.

    ``steps`` is :data:`newsclean.rules.PIPELINE` or any sequence of rules and region steps (a
    user's own rules before it, say); a rule named in ``disabled`` is skipped.
    """
    for step in steps:
        if ctx.source_format not in step.formats:
            continue
        if isinstance(step, RegionStep):
            ctx.region = step.locate(ctx)
        elif step.name not in disabled:
            apply_marks(ctx, step, step.apply(ctx))


def ancestors_and_self(ctx: Context, cid: int) -> set[int]:
    """``cid`` and every container above it."""
    out = set()
    while cid >= 0:
        out.add(cid)
        cid = ctx.containers[cid].parent
    return out
