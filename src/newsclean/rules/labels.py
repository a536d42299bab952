"""Phrase rules: a block that *is* a boilerplate label, or a short call to action.

One rule per family, generated from :data:`LABEL_RULES`; the vocabulary itself lives in
:mod:`newsclean.phrases`. Glued labels (``Community standardsDiscussion``) are matched part by
part and reported as separate pieces.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.lazyre import compile_pattern, lazy
from newsclean.phrases import LABEL_MAX_CHARS, label_family, normalize_label
from newsclean.prefilter import family_matcher, legal_kinds, prompt_matcher
from newsclean.rules.features import word_count
from newsclean.rules.pipeline import Context, Mark, Rule
from newsclean.rules.textsearch import inside_quotes
from newsclean.values import FrozenValue

#: Longest block (characters) a call-to-action pattern may remove: article paragraphs that
#: merely *mention* newsletters or cookies are longer than the prompts themselves.
PROMPT_MAX_CHARS = 260
PROMPT_MAX_WORDS = 45
#: Longer consent notices (up to this many characters) are recognised by how they open: a
#: cookie pattern within their first NOTICE_OPENING_CHARS characters.
NOTICE_MAX_CHARS = 1200
NOTICE_OPENING_CHARS = 100
#: A site's small print (a trademark notice, a disclaimer, a reprint notice) goes as a legal line
#: when it holds marks of this many different kinds (``LEGAL`` in the phrase packs: "trademarks",
#: "© … all rights reserved", "is not endorsed or affiliated with", "the opinions expressed here",
#: "for your personal, non-commercial use"): one mark alone is also the stuff of stories (a
#: trademark dispute, a sponsored post's disclosure, a blog's "do not use our images without
#: prior permission", which dragnet-dev's truth keeps). At 1: dragnet-dev 7 better / 10 worse, wcxb-dev
#: 5 / 9, scrapinghub 1 / 3. HTML only: on text input it lost dragnet-dev R23 (the text region's
#: run ending above a signature the truth keeps) and, with inscriptis, a left-out page (-0.06 each).
LEGAL_NOTICE_MIN_KINDS = 2
#: Longest block read for small print: a sports league's notice lists every mark it owns
#: (1,246 characters on dragnet-dev's NHL pages); a block longer than this is a story's text.
LEGAL_NOTICE_MAX_CHARS = 2000

#: (rule name, family, reason)
LABEL_RULES: tuple[tuple[str, str, str], ...] = (
    ("widget-label", "widget",
     "audio/video players, short links, print, font-size, reading-time and photo-credit controls "
     "are page furniture"),
    ("share-label", "share", "share buttons and share counters are not article text"),
    ("subscribe-prompt", "subscribe",
     "subscribe, sign-up, follow-us, newsletter and app prompts address the reader, not the story"),
    ("comments-label", "comments",
     "comment counters, discussion links and community rules belong to the comment section"),
    ("ad-label", "ads", "advertisement and sponsored-content labels"),
    ("cookie-notice", "cookie", "cookie and consent notices"),
    ("navigation-label", "navigation", "menu items, section names, legal links and copyright lines"),
)


def is_small_print(text: str, languages: frozenset[str]) -> bool:
    """Whether a block is a site's small print: marks of :data:`LEGAL_NOTICE_MIN_KINDS` kinds
    or more (the packs' ``LEGAL``) in at most :data:`LEGAL_NOTICE_MAX_CHARS` characters."""
    if len(text) > LEGAL_NOTICE_MAX_CHARS:
        return False
    return legal_kinds(text, languages, LEGAL_NOTICE_MIN_KINDS) >= LEGAL_NOTICE_MIN_KINDS


def _glued_family(segments: tuple[str, ...]) -> str | None:
    """The family of a glued run of labels, when every part is a label."""
    families = [label_family(part) for part in segments]
    if all(families):
        return families[0]
    return None


#: A share bar flattened to one line: "Facebook Twitter Email LinkedIn", "Email • Twitter".
SHARE_RUN_MAX_WORDS = 8
SHARE_RUN_MIN_SHARE = 0.6
#: Unlabelled words this short may sit between the buttons ("Share on", "via", "Pint").
SHARE_RUN_FILLER_CHARS = 5
_CONJUNCTIONS = frozenset(
    {"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "i", "и", "или", "ve", "veya", "&"}
)


def is_share_run(text: str) -> bool:
    """A short line of share buttons separated by spaces: most words are share labels and the
    rest are labels too or short fillers; a name or a sentence has longer unlabelled words."""
    words = text.split()
    if not 2 <= len(words) <= SHARE_RUN_MAX_WORDS or "," in text:
        return False
    if any(word.casefold() in _CONJUNCTIONS for word in words):
        return False  # "Facebook and Telegram": a subheading that names the networks
    families = [label_family(word) for word in words]
    shares = families.count("share")
    if shares < 2 or shares < SHARE_RUN_MIN_SHARE * len(words):
        return False
    return all(
        family is not None or len(normalize_label(word)) <= SHARE_RUN_FILLER_CHARS
        for family, word in zip(families, words, strict=True)
    )


class PhraseHit(FrozenValue):
    """What the phrase packs say about one block."""

    __slots__ = ("family", "glued")
    family: str
    glued: bool

    def __init__(self, family: str, glued: bool = False) -> None:
        # (set one by one: created many times a page)
        object.__setattr__(self, "family", family)
        object.__setattr__(self, "glued", glued)


def phrase_hits(ctx: Context) -> list[PhraseHit | None]:
    """Classify every block once: a label, a glued run of labels, or a short prompt."""
    return ctx.region_memo("phrase_hits", lambda: _phrase_hits(ctx))


def _phrase_hits(ctx: Context) -> list[PhraseHit | None]:
    hits: list[PhraseHit | None] = []
    timeout = ctx.regex_timeout
    # Prompt patterns are the costly part; on HTML pages only blocks in the article's container
    # need them, since everything outside it goes anyway.
    html = ctx.source_format == "html"
    region = ctx.region.containers if html and ctx.region else frozenset()
    prompts = prompt_matcher(ctx.languages)
    cookie = family_matcher("cookie")
    # a page repeats lines (menus, labels, a headline in several lists): each distinct line is
    # classified once; what the answer depends on is the text, its parts and the region test
    known: dict[tuple[str, tuple[str, ...], bool], PhraseHit | None] = {}
    for block in ctx.blocks:
        text = block.text
        in_main = not region or not region.isdisjoint(block.containers)
        key = (text, block.segments, in_main)
        if key in known:
            hits.append(known[key])
            continue
        hit: PhraseHit | None = None
        if len(text) <= LABEL_MAX_CHARS:
            family = label_family(text)
            if family is not None:
                hit = PhraseHit(family)
            elif len(block.segments) > 1:
                family = _glued_family(block.segments)
                if family is not None:
                    hit = PhraseHit(family, glued=True)
            # (HTML share bars are found by their markup)
            if hit is None and ctx.source_format == "text" and is_share_run(text):
                hit = PhraseHit("share")
        if (
            hit is None
            and len(text) <= PROMPT_MAX_CHARS
            and in_main
            and word_count(text) <= PROMPT_MAX_WORDS
        ):
            match = prompts.search(text, timeout)
            if match is not None and match.lastgroup and not inside_quotes(text, match.start()):
                hit = PhraseHit(match.lastgroup)
        if hit is None and PROMPT_MAX_CHARS < len(text) <= NOTICE_MAX_CHARS:
            # a long consent notice opens with its subject ("This website uses cookies …");
            # an article paragraph that mentions cookies does not start that way
            match = cookie.search(text[:NOTICE_OPENING_CHARS], timeout)
            if match is not None and not inside_quotes(text, match.start()):
                hit = PhraseHit("cookie")
        if hit is None and html and in_main and is_small_print(text, ctx.languages):
            # (HTML only: in text input the notice is often the prose line that carries the text
            # region's run past a post's signature, which the truths keep; LEGAL_NOTICE_MIN_KINDS)
            hit = PhraseHit("navigation")
        known[key] = hit
        hits.append(hit)
    return hits


def _hits_by_family(ctx: Context) -> dict[str, list[tuple[int, PhraseHit]]]:
    """The blocks :func:`phrase_hits` finds, by family, in order: each label rule visits its
    own family's (most blocks are no label, and nine rules looped over every block)."""
    by_family: dict[str, list[tuple[int, PhraseHit]]] = {}
    for i, hit in enumerate(phrase_hits(ctx)):
        if hit is not None:
            by_family.setdefault(hit.family, []).append((i, hit))
    return by_family


def make_label_rule(name: str, family: str, reason: str) -> Rule:
    def apply(ctx: Context) -> Iterator[Mark]:
        for i, hit in ctx.region_memo("phrase_hits_by_family", lambda: _hits_by_family(ctx)).get(family, ()):
            if ctx.decided[i] is None:
                yield Mark(i, pieces=ctx.blocks[i].segments if hit.glued else ())

    apply.__name__ = f"apply_{name.replace('-', '_')}"
    return Rule(name=name, family=family, reason=reason, apply=apply)


#: A line of menu items: "Terms of Use | Privacy Policy | Contact", "Home · News · Sport".
# (?<!\s): a separator match may only start where a run of spaces starts, so a long run of
# spaces is scanned once, not once per position (which is quadratic).
MENU_SEPARATORS = compile_pattern(r"(?<!\s)\s+/\s+|(?<!\s)\s*[|·•]\s*")
#: Every separator holds one of these.
_MENU_SEPARATOR_CHARS = ("|", "·", "•", "/")
MENU_LABEL_SHARE = 0.6
#: A menu line longer than this is a sentence with slashes or bullets in it.
MENU_LINE_MAX_CHARS = 300


def menu_items(text: str) -> list[str] | None:
    """The items of a separator-joined menu line, or ``None`` when it is not one."""
    if len(text) > MENU_LINE_MAX_CHARS or not ("|" in text or "·" in text or "•" in text or "/" in text):
        return None  # (without a separator, _MENU_SEPARATOR_CHARS, the line is one item)
    items = [item.strip() for item in MENU_SEPARATORS.split(text) if item.strip()]
    if len(items) < 2:
        return None
    labelled = sum(1 for item in items if label_family(item) is not None)
    return items if labelled >= MENU_LABEL_SHARE * len(items) else None


def apply_menu_line(ctx: Context) -> Iterator[Mark]:
    for i, block in enumerate(ctx.blocks):
        if ctx.decided[i] is None and menu_items(block.text):
            yield Mark(i)


#: The header over each reader comment: "joetoronto says:", "Alex on May 3, 2019 at 6:34 am said:",
#: "by iggymanz ( 596061 ) writes:". One such line can introduce a quote in an article; a page
#: where the shape repeats is showing a comment thread.
COMMENT_HEADER = lazy(
    r"(?<!\S)(?:says|said|wrote|writes|replied|sagt|schrieb|meint|antwortete|a écrit|dit|écrit|"
    r"escribió|dice|dijo|ha scritto|scrive|disse|diz|escreveu|пишет|написал|написала|ответил|"
    r"napisał|napisała|pisze|yazdı|diyor|كتب|قال)\s?[:：]$",
    regex.IGNORECASE,
)
COMMENT_HEADER_MAX_CHARS = 120
#: The verb and colon end the header: only its last characters are searched.
COMMENT_HEADER_TAIL_CHARS = 16
#: How many lines the last comment of a thread may run to.
LAST_COMMENT_MAX_LINES = 30
#: How many header lines make a thread.
COMMENT_HEADER_MIN_REPEATS = 3


def _has_colon(text: str) -> bool:
    return ":" in text or "：" in text


def apply_comment_header(ctx: Context) -> Iterator[Mark]:
    headers = [
        i
        for i, block in enumerate(ctx.blocks)
        if ctx.decided[i] is None
        and len(block.text) <= COMMENT_HEADER_MAX_CHARS
        and _has_colon(block.text[-COMMENT_HEADER_TAIL_CHARS:])  # (the header ends with one)
        and COMMENT_HEADER.search(block.text[-COMMENT_HEADER_TAIL_CHARS:]) is not None
    ]
    if len(headers) < COMMENT_HEADER_MIN_REPEATS:
        return
    # each header and the comment under it, up to the next header; the last comment ends at the
    # first block another rule took ("Reply", "Leave a reply") other than its timestamp or byline
    ends = headers[1:] + [min(len(ctx.blocks), headers[-1] + 1 + LAST_COMMENT_MAX_LINES)]
    for start, end in zip(headers, ends, strict=True):
        yield Mark(start)
        for j in range(start + 1, end):
            rule = ctx.decided[j]
            if rule is None:
                yield Mark(j)
            elif start == headers[-1] and not rule.credit_line:
                break


MENU_LINE = Rule("menu-line", "navigation", "a line of menu items joined by separators (| · •)",
                 apply_menu_line)
COMMENT_HEADER_RULE = Rule(
    "comment-header", "comments",
    "a repeated 'name says:' / 'name wrote:' line heads each reader comment of a thread; "
    "the headers and the comments under them go",
    apply_comment_header, frozenset({"text"}),
)
#: The phrase rules in pipeline order: one per family of :data:`LABEL_RULES`, then the menu line
#: and the comment header.
LABEL_RULE_OBJECTS: tuple[Rule, ...] = (
    *(make_label_rule(*spec) for spec in LABEL_RULES), MENU_LINE, COMMENT_HEADER_RULE,
)

