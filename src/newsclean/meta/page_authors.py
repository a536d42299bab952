"""Authors of an HTML page, from its metadata, its byline markup and the text under its headline."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import regex

from newsclean.lazyre import compile_pattern
from newsclean.meta.authors import clean_authors, is_byline_label, is_role, parse_byline
from newsclean.meta.date_places import AFTER_TITLE_CHARS
from newsclean.meta.datelines import parse_datelines
from newsclean.meta.fields import AUTHOR_HINT, AUTHOR_META
from newsclean.meta.jsonld import JsonLd, decode_entities, person_names
from newsclean.meta.page_dates import hint_tokens
from newsclean.meta.site import ABSOLUTE
from newsclean.meta.tree import chunks, class_tokens, content, squash, window

#: A byline split over several author elements is read from their parent up to this length.
_MAX_BYLINE_PARENT_CHARS = 200


def _byline_in(chunks: Iterable[str]) -> tuple[str, ...] | None:
    """The first byline among text pieces; a label alone ("By") names the next piece."""
    label = ""
    for raw in chunks:
        chunk = squash(raw)
        if not chunk:
            continue
        if is_byline_label(chunk):
            label = chunk
            continue
        names = parse_byline(f"{label} {chunk}" if label else chunk)
        if names:
            return names
        label = ""
    return None


def page_authors(
    rel_author: list[Any],
    author_tags: list[Any],
    meta: dict[str, list[str]],
    jsonld: JsonLd,
    microdata: list[str],
    author_elements: list[Any],
    h1: Any | None,
    publishers: set[str | None],
    titles: Iterable[str] = (),
    confirmed: bool = False,
) -> tuple[str, ...]:
    """Authors, first source that names any: JSON-LD (``@graph`` references followed), meta
    fields, microdata, rel=author links, ``<author>`` elements, bylines in author/byline
    elements, the byline under the headline, then the text of an author-classed element (a
    name by declaration).

    A source naming only a login ("andrew.keaveney") or the publisher itself (an
    organisation, or the site's name typed as a person) is used only when no later source
    names a person; in a list of people, the publisher signing beside them ("A, B and C,
    CNN") is dropped. A byline inside a quotation or a figure is the quoted or pictured
    person's, never the article's. The byline printed under the headline ("By: Paul
    Fenaroli", or a bare name beside the date) wins over a field that names nobody it names:
    fields often hold the account that posted the story, the byline is what readers see (like
    the printed date). A bare name beside the date is the last resort when nothing names anyone
    (``docs/metadata.md``)."""
    article = jsonld.article or {}
    brands = {name.casefold() for name in publishers if name}
    # An organisation signing the article is the answer only when no person is named.
    fallback = clean_authors(person_names(article.get("author"), index=jsonld.index), one_each=True)
    people = person_names(article.get("author"), people=True, index=jsonld.index) or person_names(
        article.get("creator"), people=True, index=jsonld.index
    )
    own = [el for el in rel_author[:5] if not quoted(el)]
    # (the headline's words: a piece under the headline made of them is the headline, not a name)
    heads = (*titles, squash(content(h1)) if h1 is not None else "")
    headline = frozenset(w for t in heads for w in _NAME_WORD.findall(t.casefold()))
    under = window(h1, before=False, max_chars=AFTER_TITLE_CHARS) if h1 is not None else []
    # (the byline block right under the headline: further down, "… written by Joe Mandese" in
    # the story's first paragraph names the author of a story it quotes)
    block = under[:_BYLINE_BLOCK_PIECES]
    # (an unlabelled name only under a headline the title fields confirm: under a "Log In" <h1>
    # the block is a widget's, "Reset Password" beside the day's date)
    unlabelled = _unlabelled_byline(block, brands, headline, strict=True) if confirmed else None
    printed = block and (_byline_in(block) or unlabelled)
    block_words = {w for piece in block for w in _NAME_WORD.findall(piece.casefold())}
    for values, one_each in (
        ([decode_entities(v) for v in people], True),
        *_meta_sources(meta),
        (microdata, True),
        ([squash(content(a)) for a in own], True),
        ([squash(content(a)) for a in author_tags[:5] if not quoted(a)], True),
    ):
        found = _without_brands(clean_authors(values, one_each=one_each), brands)
        if found and all(_HANDLE.match(name) or name.casefold() in brands for name in found):
            fallback = fallback or found  # a byline may still name the person
        elif found:
            # (the fields' people printed in the block too, "The Guardian" · date · "Anna
            # Fazackerley": the fields stand)
            if printed and not _shares_a_name(printed, found) and not _shares_a_name(block_words, found):
                return _without_brands(printed, brands) or printed
            return found
    author_elements = [el for el in author_elements if not quoted(el)]
    for el in author_elements:
        # "Par <span>A</span> et <span>B</span>": the byline is the parent's text, not one span's
        parent = el.getparent()
        if parent is not None and len(content(parent)) <= _MAX_BYLINE_PARENT_CHARS:
            names = parse_byline(squash(" ".join(chunks(parent))))
            if names:
                return _without_brands(names, brands) or names
        # the element's whole text first ("By <a>A</a>, <a>B</a> and <a>C</a>, CNN"), then
        # its pieces ("<span>By</span><a>A</a><time>…</time>")
        names = _byline_of(el)
        if names:
            return _without_brands(names, brands) or names
    if h1 is not None:
        names = _byline_in(under)
        if names:
            return _without_brands(names, brands) or names
    for el in author_elements:
        text = " ".join(squash(c) for c in chunks(el))
        hints = hint_tokens(el)
        # (an avatar's text is the author's initials, "NB" for the "Nicole Burke" beside it)
        if len(text) <= 60 and AUTHOR_HINT.search(hints) and not _AVATAR.search(hints):
            found = clean_authors([text])
            if found:
                return _without_brands(found, brands)
    if h1 is not None and confirmed and not fallback:
        # the last resort: a name printed bare in the block under the headline
        return _unlabelled_byline(under, brands, headline) or ()
    return fallback


#: Pieces just under the headline that make the byline block: name, role, date, reading time.
_BYLINE_BLOCK_PIECES = 5
#: The name is among the block's first pieces ("2025-12-17", "·", "Trond Teigen"): further down,
#: a name-shaped piece beside a date is a teaser's or a photo's credit (an author box's name,
#: "View More Articles", the sub-headline, then the photographer and the date: the first name
#: is the author, the fifth piece is not).
_NAME_PIECES = 3
#: Words of what may stand between the name and the date: a role ("Co-Founder & Marketing
#: Director") or the outlet ("Sioux Falls Argus Leader"), the first name staying the author's.
_MAX_GAP_WORDS = 6
#: Words a name in an unlabelled byline block has at least ("Krystyna" alone could be anything).
_MIN_UNLABELLED_NAME_WORDS = 2


def _unlabelled_byline(
    pieces: list[str], brands: set[str], headline: frozenset[str], *, strict: bool = False
) -> tuple[str, ...] | None:
    """The name in the block under the headline that a theme prints without "By": a full name
    with the story's date after it, or its role between them ("Jack Shepherd" · "Co-Founder &
    Marketing Director" · "Updated on 23 Oct 2025"), or the date and a separator before it
    ("2025-12-17" · "·" · "Trond Teigen"). A name with no date beside it is not taken (a
    section's or a site's name sits under headlines too), nor the value of a label ("Category:
    Top Picks", "Reviewed by" a reviewer, "On Behalf of" a firm).

    ``strict`` (to stand against a field that names someone else): the name is the first piece
    under the headline and the date follows it at once or after a role or a separator."""
    block = [squash(p) for p in pieces[:_BYLINE_BLOCK_PIECES]]
    dated = [bool(_WORDISH.search(p)) and bool(parse_datelines(p)) for p in block]

    def at(index: int) -> str:
        return block[index] if 0 <= index < len(block) else ""

    def gap(index: int) -> bool:  # a role, an outlet or a separator between the name and the date
        if strict:
            return is_role(at(index)) or (bool(at(index)) and not _WORDISH.search(at(index)))
        return 0 < len(at(index).split()) <= _MAX_GAP_WORDS

    for index, piece in enumerate(block[: 1 if strict else _NAME_PIECES]):
        if dated[index] or not _WORDISH.search(piece) or is_byline_label(piece):
            continue
        date_after = (index + 1 < len(block) and dated[index + 1]) or (
            index + 2 < len(block) and dated[index + 2] and gap(index + 1)
        )
        date_before = index >= 2 and dated[index - 2] and not _WORDISH.search(at(index - 1))
        # (a piece ending in a label is one itself: "Gespeichert von", its name next)
        labelled = (
            _LABEL_BEFORE.search(at(index - 1))
            or is_byline_label(at(index - 1))
            or _LABEL_BEFORE.search(piece)
        )
        if labelled or not (date_after or date_before):
            continue
        names = parse_byline(f"By {piece}")
        if names and _whole(piece, names) and all(_full_name(n, brands, headline) for n in names):
            return names
        return None  # the first piece beside the date is the name's place: nothing further down
    return None


def _whole(piece: str, names: tuple[str, ...]) -> bool:
    """Whether ``piece`` is the names and nothing else, or one name and its role after a comma
    ("Mike Marshall, Shipping Expert")."""
    words = [w for name in names for w in name.split()]
    if [w for w in _LIST_GLUE.sub(" ", piece).split()] == words:
        return True  # "Lisa Kaczke and Trevor J. Mitchell"
    head, _, role = piece.partition(",")
    return len(names) == 1 and head.split() == words and is_role(role.strip())


# What joins the names of a list: commas, "and" and its translations, "&".
_LIST_GLUE = compile_pattern(r",|(?<!\w)(?:and|und|et|y|e|en|i|og|och|&)(?!\w)", regex.IGNORECASE)


#: A piece that ends in a label or a preposition, so that the next piece is its value or the
#: rest of its phrase: "Category:", "Reviewed by", "On Behalf of", "| Posted in" (a forum's board).
_LABEL_BEFORE = compile_pattern(
    r"(?:[:：]|(?<!\w)(?:by|of|in|on|at|from|under|von|im|aus|par|dans|por|en|di|door|av|af|przez))\s*$",
    regex.IGNORECASE,
)


def _full_name(name: str, brands: set[str], headline: frozenset[str]) -> bool:
    """A name of at least two words that is not the publisher's and not made of the headline's
    words ("Chai-Spiced Cinnamon Rolls" under a blog's name, with the post's date)."""
    words = _NAME_WORD.findall(name.casefold())
    return (
        len(name.split()) >= _MIN_UNLABELLED_NAME_WORDS
        and name.casefold() not in brands
        and not all(w in headline for w in words)
    )


_WORDISH = compile_pattern(r"\w")


def _shares_a_name(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two lists of names share a word of a name ("Jane Doe" and "Jane M. Doe")."""
    words_a = {w for name in a for w in _NAME_WORD.findall(name.casefold())}
    return any(w in words_a for name in b for w in _NAME_WORD.findall(name.casefold()))


_NAME_WORD = compile_pattern(r"\w{2,}")


#: The picture beside a byline; its text (when any) is initials standing in for the photo.
_AVATAR = re.compile(r"avatar", re.IGNORECASE)


def _meta_sources(meta: dict[str, list[str]]) -> list[tuple[list[str], bool]]:
    """The author meta fields the page fills, in the order of ``AUTHOR_META``, each with
    whether its values name one author each (a field repeated on the page, "citation_author"
    once per author in "Surname, Given name" form); a later field naming all of the first
    one's people and more ("DC.Creator" with the first author, "citation_authors" with all
    six) goes first."""
    sources = []
    for key in AUTHOR_META:
        values = [v for v in meta.get(key, []) if not ABSOLUTE.match(v)]
        if values:
            sources.append((values, len(values) > 1))
    if len(sources) > 1:
        first = {n.casefold() for n in clean_authors(sources[0][0], one_each=sources[0][1])}
        for index, (values, one_each) in enumerate(sources[1:], 1):
            if first and first < {n.casefold() for n in clean_authors(values, one_each=one_each)}:
                sources.insert(0, sources.pop(index))
                break
    return sources


def _byline_of(el: Any) -> tuple[str, ...] | None:
    """The byline in ``el``: read piece by piece ("<span>By</span><a>A</a><time>…</time>"),
    or as one text when that names the same people and more ("By <a>A</a>, <a>B</a> and
    <a>C</a>, CNN"); joined text that changes a name ("A" + "EdTech Content writer" in the
    next element) is not taken."""
    pieces = _byline_in(chunks(el))
    whole = parse_byline(squash(" ".join(chunks(el))))
    if whole and (not pieces or set(pieces) < set(whole)):
        return whole
    return pieces


def _without_brands(names: tuple[str, ...], brands: set[str]) -> tuple[str, ...]:
    """``names`` without the publisher signing beside people ("A, B and CNN"); unchanged when
    the publisher is all there is."""
    people = tuple(_without_brand_tail(name, brands) for name in names if name.casefold() not in brands)
    return people if people else names


def _without_brand_tail(name: str, brands: set[str]) -> str:
    """``name`` without the publisher written after it ("Brian Truitt USA TODAY" -> "Brian
    Truitt") when two words are left."""
    folded = name.casefold()
    for brand in brands:
        if folded.endswith(f" {brand}") and len(name[: -len(brand)].split()) >= 2:
            return name[: -len(brand)].strip()
    return name


#: Containers whose bylines belong to someone else: a quotation's author, a photo's credit.
_QUOTE_TAGS = frozenset({"blockquote", "q", "figure", "figcaption"})
# ("credit" is no such word: forums call the poster's line a "credit bar")
_QUOTE_CLASS = re.compile(r"(?<![a-z])(?:quote|testimonial|figure|caption)", re.IGNORECASE)


def quoted(el: Any) -> bool:
    """Whether ``el`` sits in a quotation or a figure (or is one)."""
    for node in (el, *el.iterancestors()):
        tag = node.tag
        if tag in _QUOTE_TAGS:
            return True
        if tag in ("article", "main", "body"):
            return False
        if isinstance(tag, str) and _QUOTE_CLASS.search(class_tokens(node)):
            return True
    return False


#: A CMS login rather than a name: one lower-case token, or tokens joined by "." or "_".
_HANDLE = compile_pattern(r"^[\p{Ll}\p{N}]+(?:[._][\p{Ll}\p{N}]+)*$")
