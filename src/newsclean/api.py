"""``clean()``: wires the stages together (decode, sniff, blocks, rules, body, metadata)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from newsclean.blocks import html as html_blocks
from newsclean.blocks.parse import markup_to_text, parse_page
from newsclean.blocks.structure import html_structure, text_structure
from newsclean.config import Config, check_arguments
from newsclean.decode import decode, sanitize_text
from newsclean.document import Document, Link
from newsclean.errors import ConfigError, InputError, InputTooLargeError, internal_errors
from newsclean.field_sources import choose_fields
from newsclean.lazyre import lazy
from newsclean.meta.datelines import DatelineMemo
from newsclean.patterncache import save as save_compiled_patterns
from newsclean.phrases import guess_languages
from newsclean.rules import Context, run
from newsclean.rules.features import is_prose
from newsclean.rules.headline import story_has_no_prose
from newsclean.rules.labels import is_small_print
from newsclean.sniff import detect_format
from newsclean.userrules import (
    SELECTOR_KEYS,
    Entry,
    PagePlan,
    host_of,
    plan_page,
    profile_rules,
    with_site_metadata,
)

if TYPE_CHECKING:
    from newsclean.blocks.model import Block, Container
    from newsclean.meta.html import PageMeta

InputFormat = Literal["auto", "html", "text"]
_FORMATS = ("auto", "html", "text")

#: The phrase packs a page is read with are guessed from the script of its first blocks (the
#: page's declared language first, on HTML): enough text to tell the script, read before the
#: long tail of footers and comments in other languages.
LANGUAGE_SAMPLE_LINES = 200
LANGUAGE_SAMPLE_BLOCKS = 300


@lru_cache(maxsize=1)
def _default_config() -> Config:
    return Config()


@internal_errors
def clean(
    source: str | bytes,
    *,
    url: str | None = None,
    input_format: InputFormat = "auto",
    config: Config | None = None,
    encoding: str | None = None,
) -> Document:
    """Strip the boilerplate from one news page and return the article as a :class:`Document`.

    Args:
        source: the page as HTML or as already-scraped text (one block per line); ``str`` or
            ``bytes``. Bytes are decoded by BOM, then ``encoding`` (e.g. an HTTP header's
            charset), then the charset the page declares, then UTF-8, then detection; the choice
            is recorded in ``warnings``.
        url: the page's address, if known (used for metadata and kept in ``Document.url``
            unless the page names a canonical URL).
        input_format: ``"auto"`` (default) tells HTML from text; ``"html"`` or ``"text"`` force it.
        config: a :class:`~newsclean.Config`; ``None`` uses the defaults.
        encoding: the charset to try first for ``bytes`` input.

    Returns:
        A :class:`~newsclean.Document`. When no article is found it is empty and ``warnings``
        says why; that is not an error.

    Raises:
        InputError: the input is not a page or text (wrong type, binary file, undecodable).
        InputTooLargeError: the input is larger than ``config.max_input_bytes``.
        ConfigError: ``input_format`` or ``config`` is invalid.
        InternalError: anything else went wrong on this page (a bug); ``stage`` says where.
    """
    return clean_with_context(source, url=url, input_format=input_format, config=config, encoding=encoding)[0]


@internal_errors
def clean_with_context(
    source: str | bytes,
    *,
    url: str | None = None,
    input_format: InputFormat = "auto",
    config: Config | None = None,
    encoding: str | None = None,
) -> tuple[Document, Context | None]:
    """:func:`clean`, and the rules' context of the page (its blocks and each one's fate) for
    :func:`newsclean.explain.explain`; the context is ``None`` when no blocks were made."""
    config = check_arguments(url, config if config is not None else _default_config(), encoding)
    if input_format not in _FORMATS:
        raise ConfigError(f"input_format must be one of {', '.join(_FORMATS)}, not {input_format!r}")
    text, warnings, unmarked = _read(source, encoding=encoding, limit=config.max_input_bytes)
    if not unmarked:
        text = composed(text)
    fmt = detect_format(text) if input_format == "auto" else input_format

    result = (_clean_html if fmt == "html" else _clean_text)(text, url=url, config=config, warnings=warnings)
    save_compiled_patterns()  # what this page compiled, kept for the next process (when anything)
    return result


_NO_HOST = "rules: the page's host is unknown (no url given or found), so no [site] rules applied"


def _user_entries(config: Config, host: str | None, warnings: list[str], *, html: bool) -> tuple[Entry, ...]:
    """The user rules for a page: its site profile's, then the config's. What cannot apply is
    said in ``warnings``, never skipped silently."""
    profile = profile_rules(host, config.profile_dirs, config.site_profiles)
    entries = profile.for_host(host) + config.rules.for_host(host)
    if host is None and any(e.site is not None for e in config.rules.entries):
        warnings.append(_NO_HOST)
    selectors = sum(1 for e in entries if e.key in SELECTOR_KEYS)
    if selectors and not html:
        warnings.append(f"rules: {selectors} selector(s) not applied: text input has no markup")
    return entries


def _run_rules(ctx: Context, plan: PagePlan, config: Config) -> None:
    """The user's rules first (their keeps protect blocks from every rule), then the pipeline
    (``config.extra_rules`` before the built-in steps)."""
    user = plan.rules(ctx)
    if ctx.source_format == "html":
        ctx.protected = plan.protected(ctx)
    run(ctx, (*user, *config.pipeline()), config.disabled_rules | plan.disabled)


def _clean_text(
    text: str, *, url: str | None, config: Config, warnings: list[str]
) -> tuple[Document, Context]:
    from newsclean.blocks import text as text_blocks  # (imported on first use: HTML input never needs it)

    blocks = text_blocks.build_blocks(text)
    ctx = Context(
        blocks=blocks,
        source_format="text",
        languages=guess_languages(" ".join(b.text for b in blocks[:LANGUAGE_SAMPLE_LINES])),
        regex_timeout=config.regex_timeout,
        now=config.now,
    )
    entries = _user_entries(config, host_of(url), warnings, html=False)
    _run_rules(ctx, plan_page(entries, None), config)
    return _assemble(ctx, config, warnings, meta=None, url=url), ctx


#: A letter followed by the combining marks typed after it (``u`` + U+0308).
_COMBINING_RUN = lazy(r"\P{M}\p{M}+")


def composed(text: str) -> str:
    """The text with each letter and the accents typed after it as separate characters
    (``u`` + U+0308) composed into the one character readers see (``ü``, Unicode's NFC for that
    run), so the article's words compare equal to the same words typed the usual way. Only such
    runs change: a character NFC would swap for another on its own (the Kelvin sign for ``K``,
    a compatibility ideograph) stays as the page wrote it. Text already composed (nearly every
    page) is returned as it is."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return str(_COMBINING_RUN.sub(lambda m: unicodedata.normalize("NFC", m.group()), text))


def _read(source: object, *, encoding: str | None, limit: int) -> tuple[str, list[str], bool]:
    """The input's text, the warnings decoding it gave, and whether the text provably holds no
    combining mark (:attr:`Decoded.unmarked`: then :func:`composed` could change nothing)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > limit:
            raise InputTooLargeError(
                f"input is {len(data):,} bytes, over the limit of {limit:,} (Config.max_input_bytes)"
            )
        decoded = decode(data, encoding=encoding)  # sanitized already
        return decoded.text, list(decoded.warnings), decoded.unmarked
    if isinstance(source, str):
        # a cheap upper bound first: a str of n characters is at most 4n UTF-8 bytes
        if len(source) > limit or (
            len(source) * 4 > limit and len(source.encode("utf-8", "surrogatepass")) > limit
        ):
            raise InputTooLargeError(f"input is over the limit of {limit:,} bytes (Config.max_input_bytes)")
        text, fixes = sanitize_text(source)
        return text, list(fixes), False
    raise InputError(f"source must be str or bytes, not {type(source).__name__}")


def _clean_html(
    text: str, *, url: str | None, config: Config, warnings: list[str]
) -> tuple[Document, Context | None]:
    from newsclean.meta.collect import Collector
    from newsclean.meta.html import extract_html_metadata, page_address

    root, notes = parse_page(text)
    warnings.extend(notes)
    if root is None:
        if notes:  # too deep for a tree: keep the text rather than lose it
            return _clean_text(markup_to_text(text), url=url, config=config, warnings=warnings)
        note = "empty: the HTML could not be parsed into a document"
        return Document(url=url, warnings=(*warnings, note)), None
    # The page's host first (the caller's URL, else the address the page names): its user
    # rules decide what the walk marks.
    host = host_of(url) or host_of(page_address(root, url))
    rule_notes: list[str] = []
    entries = _user_entries(config, host, rule_notes, html=True)
    plan = plan_page(entries, root)
    # One walk of the tree builds the blocks and gathers the elements metadata reads.
    collector = Collector()
    walked = html_blocks.build_blocks(root, marks=plan.marks, reader=collector)
    memo = DatelineMemo()  # this page's datelines, read by the metadata and by the rules
    meta = extract_html_metadata(root, url=url, now=config.now, memo=memo, found=collector.found)
    warnings.extend(meta.warnings)
    warnings.extend(rule_notes)
    doc, ctx = _clean_tree(walked, meta, plan, url=url, config=config, warnings=list(warnings), memo=memo)
    if len(doc.body) < config.min_body_chars and html_blocks.has_hidden_text(root):
        # Nothing (or only a footer line) shows without the page's scripts: content in elements
        # it hides until they run (a streamed page's ``<div hidden>`` that a script moves into
        # place), or in display:none tabs. Read the hidden elements too, and keep that reading
        # when it finds more article text.
        note = "hidden: no article text is visible without scripts; the page's hidden elements were read"
        again_walked = html_blocks.build_blocks(root, read_hidden=True, marks=plan.marks)
        again, again_ctx = _clean_tree(
            again_walked, meta, plan, url=url, config=config, warnings=[*warnings, note], memo=memo
        )
        if len(again.body) > len(doc.body):
            doc, ctx = again, again_ctx
    return with_site_metadata(doc, root, entries, config.now), ctx


def _clean_tree(
    walked: tuple[list[Block], list[Container]],
    meta: PageMeta,
    plan: PagePlan,
    *,
    url: str | None,
    config: Config,
    warnings: list[str],
    memo: DatelineMemo,
) -> tuple[Document, Context]:
    """The pipeline over one walked page: rules, and the document with ``meta``."""
    blocks, containers = walked
    ctx = Context(
        blocks=blocks,
        source_format="html",
        containers=containers,
        title=meta.title,
        languages=guess_languages(
            " ".join(b.text for b in blocks[:LANGUAGE_SAMPLE_BLOCKS]), meta.language
        ),
        regex_timeout=config.regex_timeout,
        now=config.now,
        datelines=memo,
    )
    _run_rules(ctx, plan, config)
    return _assemble(ctx, config, warnings, meta=meta, url=url), ctx


def _in_footer(ctx: Context) -> list[bool]:
    """Which blocks sit inside a ``<footer>`` element, or (text input) in the readers' comment
    section under the article region.

    The guard leaves them out: a footer holds the site's small print (a privacy policy, terms
    of sale, a copyright line), never the article it is there to rescue, and on a shop page that
    small print is long prose, tens of times the product text the region kept. A comment thread
    under a short post is prose too, many times the post's, and the region ended above it on
    purpose (its "Comments" header or its first reader's name-and-time line).
    """
    region = ctx.region
    if region is not None and region.comments_from is not None:
        start = region.comments_from
        return [i >= start for i in range(len(ctx.blocks))]
    containers = ctx.containers
    if not containers:
        return [False] * len(ctx.blocks)
    footers = {cid for cid, container in enumerate(containers) if container.tag == "footer"}
    return [not footers.isdisjoint(b.containers) for b in ctx.blocks]


def _surely_enough(ctx: Context, ratio: float, skipped: list[bool]) -> bool:
    """Whether the kept prose alone proves the guard has nothing to do.

    Even if every removed block were prose, the kept share would stay over ``ratio`` (with a
    character to spare, against rounding). The longest kept blocks are tried first, so on a
    page with an article a few paragraphs settle it: :func:`is_prose` reads every character,
    and running it on all blocks, navigation and footers included, cost more than any rule.
    Blocks ``skipped`` (see :func:`_in_footer`) count on neither side.
    """
    removed = sum(
        len(b.text)
        for b, name, skip in zip(ctx.blocks, ctx.decided, skipped, strict=True)
        if name is not None and not skip
    )
    need = ratio * removed + 1
    kept = 0
    kept_texts = sorted(
        (
            b.text
            for b, name, skip in zip(ctx.blocks, ctx.decided, skipped, strict=True)
            if name is None and not skip
        ),
        key=len,
        reverse=True,
    )
    for text in kept_texts:
        if kept * (1 - ratio) >= need:
            return True
        if is_prose(text):
            kept += len(text)
    return kept * (1 - ratio) >= need


def _guard(ctx: Context, config: Config) -> str | None:
    """Undo positional removals when they would leave almost none of the page's prose.

    Only the removals of rules whose ``guard_may_undo`` is set come back (the built-in rules
    that judge by position or markup, a site profile's selectors and a ``body`` selector; never
    a user's own ``drop``). The prose of the page's footer is not weighed and not restored
    (:func:`_in_footer`), nor, in HTML, the prose a comment rule took; the site's small print,
    wherever it sits, is not restored either (:func:`~newsclean.rules.labels.is_small_print`: a
    trademark notice or a disclaimer the region left out is prose, and no part of the short
    story the guard is there to rescue).
    """
    skipped = _in_footer(ctx)
    if ctx.source_format == "html":
        # The readers' comments are not the story the guard is there to rescue: a long thread
        # under a short post made the post look over-pruned, and what came back was a sidebar's
        # blurb. Like the footer, the prose a comment rule took (the comment section's markup,
        # its labels) neither counts nor returns. (HTML only: text input skips the comment section
        # under its region already, and the same skip there moved as many pages worse as better,
        # bench/text_accuracy.py with html_text: 8 / 8.)
        skipped = [
            skip or (rule is not None and rule.family == "comments")
            for skip, rule in zip(skipped, ctx.decided, strict=True)
        ]
    if story_has_no_prose(ctx) or _surely_enough(ctx, config.guard_ratio, skipped):
        return None  # (a story with no prose of its own, chosen over a box's prose, keeps none)
    prose = [i for i, b in enumerate(ctx.blocks) if not skipped[i] and is_prose(b.text)]
    total = sum(len(ctx.blocks[i].text) for i in prose)
    if not total:
        return None
    kept = sum(len(ctx.blocks[i].text) for i in prose if ctx.decided[i] is None)
    if kept >= config.guard_ratio * total:
        return None
    restore = {
        i
        for i in prose
        if (rule := ctx.decided[i]) is not None
        and rule.guard_may_undo
        and not is_small_print(ctx.blocks[i].text, ctx.languages)  # the site's, not the story's
    }
    if not restore:
        return None
    for i in restore:
        ctx.decided[i] = None
        ctx.moved.pop(i, None)
    ctx.removed = [(i, r) for i, r in ctx.removed if i not in restore]
    return (
        f"guard: the rules would have kept {kept} of {total} characters of prose; "
        f"restored {len(restore)} blocks removed by position or markup"
    )


#: Metadata actions that take out the lines above an article's text (headline, byline, dateline):
#: an image right after them is the article's lead image.
_HEAD_ACTIONS = frozenset({"title", "authors", "dates"})


def _assemble(
    ctx: Context, config: Config, warnings: list[str], *, meta: PageMeta | None, url: str | None
) -> Document:
    """The guard, then the body from the kept blocks and the fields stage's metadata
    (:func:`newsclean.field_sources.choose_fields`)."""
    guard_note = _guard(ctx, config)
    if guard_note:
        warnings.append(guard_note)
    kept = [b for i, b in enumerate(ctx.blocks) if ctx.decided[i] is None]
    paragraphs = tuple(b.text for b in kept)
    links = tuple(Link(text, href) for b in kept for text, href in b.links)
    body = "\n\n".join(paragraphs)
    if not paragraphs:
        warnings.append("empty: no article text found")
    elif len(body) < config.min_body_chars:
        warnings.append(f"short: the article body has only {len(body)} characters")
    fields = choose_fields(ctx, meta, url)
    published, modified = fields.published, fields.modified
    if ctx.source_format == "html":
        kept_flags = [rule is None for rule in ctx.decided]
        head = [ctx.moved.get(i) in _HEAD_ACTIONS for i in range(len(ctx.blocks))]
        structure = html_structure(ctx.blocks, ctx.containers, kept_flags, head, fields.url)
    else:
        structure = text_structure(kept)
    return Document(
        title=fields.title,
        body=body,
        paragraphs=paragraphs,
        paragraph_kinds=tuple(b.kind if b.kind != "line" else "p" for b in kept),
        structure=structure,
        published=published[0] if published else None,
        published_source=published[1] if published else None,
        modified=modified[0] if modified else None,
        modified_source=modified[1] if modified else None,
        tags=tuple(dict.fromkeys(fields.tags)),
        categories=fields.categories,
        authors=tuple(dict.fromkeys(fields.authors)),
        related=tuple(dict.fromkeys(ctx.related)),
        links=links,
        url=fields.url,
        site_name=fields.site_name,
        language=fields.language,
        description=fields.description,
        removed=tuple(r for _, r in sorted(ctx.removed, key=lambda item: item[0])),
        warnings=tuple(warnings),
    )
