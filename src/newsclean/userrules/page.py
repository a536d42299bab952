"""What the user rules do to one page: rules before the pipeline, kept blocks, metadata."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import regex
from lxml import etree

from newsclean.document import Document
from newsclean.rules.pipeline import Context, Mark, Rule
from newsclean.userrules.rulesfile import Entry
from newsclean.userrules.selectors import select
from newsclean.values import Value


class PagePlan(Value):
    """What the user rules do to one page: rules that run before the pipeline, the kept blocks,
    the rules to skip, and, for the walk, which elements the selectors found."""

    __slots__ = ("entries", "marks", "selectors", "disabled")
    entries: tuple[Entry, ...]
    #: element -> ids (indices into ``selectors``) of the selectors that found it
    marks: dict[Any, tuple[int, ...]] | None
    selectors: list[Entry]
    disabled: frozenset[str]

    def __init__(
        self,
        entries: tuple[Entry, ...] = (),
        marks: dict[Any, tuple[int, ...]] | None = None,
        selectors: list[Entry] | None = None,
        disabled: frozenset[str] = frozenset(),
    ) -> None:
        self.entries = entries
        self.marks = marks
        self.selectors = [] if selectors is None else selectors
        self.disabled = disabled

    def rules(self, ctx: Context) -> tuple[Rule, ...]:
        """The user's drop, body and phrase rules for this page, in the order they run."""
        if not self.entries:
            return ()
        rules: list[Rule] = []
        if ctx.source_format == "html":
            by_selector = _blocks_by_selector(ctx)
            body_ids = [sid for sid, e in enumerate(self.selectors) if e.key == "body"]
            chosen = next((sid for sid in body_ids if by_selector.get(sid)), None)
            for sid, entry in enumerate(self.selectors):
                if entry.key == "drop":
                    rules.append(_selector_rule(entry, by_selector.get(sid, ())))
                elif entry.key == "body" and sid == chosen:
                    inside = frozenset(by_selector[sid])
                    outside = tuple(i for i in range(len(ctx.blocks)) if i not in inside)
                    rules.append(_selector_rule(entry, outside))
        for entry in self.entries:
            if entry.key == "phrases":
                rules.append(_phrase_rule(entry))
        return tuple(rules)

    def protected(self, ctx: Context) -> frozenset[int]:
        """Blocks a ``keep`` selector holds."""
        keep = {sid for sid, e in enumerate(self.selectors) if e.key == "keep"}
        if not keep:
            return frozenset()
        return frozenset(i for i, b in enumerate(ctx.blocks) if not keep.isdisjoint(b.selected))


def plan_page(entries: tuple[Entry, ...], root: Any | None) -> PagePlan:
    """Match the entries' selectors against the tree once (``root`` is ``None`` for text)."""
    plan = PagePlan(entries, disabled=frozenset(e.value for e in entries if e.key == "disable"))
    if root is None:
        return plan
    marks: dict[Any, list[int]] = {}
    for entry in entries:
        if entry.key not in ("drop", "keep", "body"):
            continue
        sid = len(plan.selectors)
        plan.selectors.append(entry)
        for el in select(root, entry.value):
            if isinstance(el, etree._Element):
                marks.setdefault(el, []).append(sid)
    plan.marks = {el: tuple(sids) for el, sids in marks.items()} if marks else None
    return plan


def _blocks_by_selector(ctx: Context) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for i, block in enumerate(ctx.blocks):
        for sid in block.selected:
            found.setdefault(sid, []).append(i)
    return found


def _selector_rule(entry: Entry, indices: Iterable[int]) -> Rule:
    chosen = tuple(indices)

    def apply(ctx: Context) -> Iterator[Mark]:
        return (Mark(i) for i in chosen if ctx.decided[i] is None)

    html = frozenset({"html"})
    return Rule(entry.name, entry.family, entry.reason, apply, html, guard_may_undo=entry.guard_may_undo)


#: A user phrase removes a block that is the phrase, or a short block holding it (the limits
#: of the built-in prompts, so a paragraph that quotes the phrase stays).
def _phrase_rule(entry: Entry) -> Rule:
    from newsclean.phrases import normalize_label
    from newsclean.rules.labels import PROMPT_MAX_CHARS, PROMPT_MAX_WORDS

    label = normalize_label(entry.value)
    pattern = regex.compile(r"(?<!\w)" + regex.escape(entry.value.strip()) + r"(?!\w)", regex.IGNORECASE)

    def apply(ctx: Context) -> Iterator[Mark]:
        for i, block in enumerate(ctx.blocks):
            text = block.text
            if ctx.decided[i] is not None:
                continue
            if normalize_label(text) == label:
                yield Mark(i)
                continue
            if len(text) <= PROMPT_MAX_CHARS and len(text.split()) <= PROMPT_MAX_WORDS:
                try:
                    if pattern.search(text, timeout=ctx.regex_timeout):
                        yield Mark(i)
                except TimeoutError:
                    continue

    return Rule(entry.name, entry.family, entry.reason, apply, guard_may_undo=entry.guard_may_undo)


# --- Metadata selectors -------------------------------------------------------------------


def _text_of(found: object) -> str:
    if isinstance(found, etree._Element):
        return " ".join("".join(found.itertext()).split())
    if isinstance(found, (str, bytes)):
        return " ".join(str(found).split())
    return ""


def read_metadata(root: Any, entries: Iterable[Entry], now: Any = None) -> dict[str, Any]:
    """Values the ``title``, ``author`` and ``date`` selectors find: ``{"title": (text, name),
    "authors": (names, name), "published": (date, name)}`` for the fields found."""
    from newsclean.meta.authors import clean_authors, parse_byline
    from newsclean.meta.dates import parse_date, plausible, scan

    found: dict[str, Any] = {}
    for entry in entries:
        if entry.key == "title" and "title" not in found:
            text = next((t for t in map(_text_of, select(root, entry.value)) if t), "")
            if text:
                found["title"] = (text, entry.name)
        elif entry.key == "author" and "authors" not in found:
            names: list[str] = []
            for item in select(root, entry.value):
                text = _text_of(item)
                if text:
                    names.extend(parse_byline(text) or clean_authors([text]))
            if names:
                found["authors"] = (tuple(dict.fromkeys(names)), entry.name)
        elif entry.key == "date" and "published" not in found:
            for item in select(root, entry.value):
                text = _text_of(item)
                value = parse_date(text, now=now) if text else None
                if value is None and text:  # a date inside more text ("Published 12 May 2024 | 3 min")
                    scanned = scan(text, now=now)
                    value = scanned.value if scanned is not None and plausible(scanned.value, now) else None
                if value is not None:
                    found["published"] = (value, entry.name)
                    break
    return found


def with_site_metadata(doc: Document, root: Any, entries: tuple[Entry, ...], now: Any = None) -> Document:
    """The title, authors and date the selectors find. The user's own rules win over the page's
    metadata (the user wrote them for this site); a site profile's only fill a field the page's
    metadata left empty (a profile was written for one version of the site: on the bench pages
    of their sites, imported profiles' titles and dates were worse than the pages' own)."""
    if not any(e.key in ("title", "author", "date") for e in entries):
        return doc
    changes: dict[str, Any] = {}
    for own in (False, True):  # the profile's first, so that the user's own override them
        found = read_metadata(root, [e for e in entries if e.profile != own], now)
        if "title" in found and (own or not (changes.get("title") or doc.title)):
            changes["title"] = found["title"][0]
        if "authors" in found and (own or not (changes.get("authors") or doc.authors)):
            changes["authors"] = found["authors"][0]
        if "published" in found and (own or not (changes.get("published") or _page_gives_date(doc))):
            changes["published"], source = found["published"]
            changes["published_source"] = f"user:{source}"
    return replace(doc, **changes) if changes else doc


def _page_gives_date(doc: Document) -> bool:
    """Whether the page's metadata gave a publication date it states, not one only guessed
    (an image's path, a copyright year), which a site profile's date may replace."""
    from newsclean.meta.html import GUESS_SOURCES

    return doc.published is not None and doc.published_source not in GUESS_SOURCES
