"""Dates in the page's addresses and beside its headline: the URL path, the paths of its images,
a Unix time in ``data-utime``, schema.org ``copyrightYear``, and the lines printed just after
and before the headline. Each offers its candidates to :class:`DateCandidates` under its
:class:`~newsclean.meta.date_trust.Trust`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from typing import Any

from newsclean.blocks.tokens import PLACE_BESIDE, PLACE_COMMENTS, place_of
from newsclean.lazyre import compile_pattern, lazy
from newsclean.meta.date_trust import Trust
from newsclean.meta.dates import TIMEOUT
from newsclean.meta.fields import MODIFIED_HINT
from newsclean.meta.page_dates import DateCandidates, read_chunks
from newsclean.meta.tree import (
    IN_ARTICLE,
    Where,
    attr_text,
    class_tokens,
    is_foreign,
    squash,
    visible,
    window,
)

# Dates in the URL path: /2020/07/08/, /2020-07-08, /20200708/.
_URL_DATE = compile_pattern(r"(?<![\d])((?:19|20)\d{2})[/\-_.]?([01]\d)[/\-_.]?([0-3]\d)(?![\d])")
_URL_DATE_SPLIT = compile_pattern(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)/")
# Day first, separators required: /23-01-2022-headline/, /29.10.2021/ (European CMSs).
_URL_DATE_DMY = compile_pattern(r"(?<![\d])([0-3]\d)([\-_.])([01]\d)\2((?:19|20)\d{2})(?![\d])")

# How much text after and before the headline is read for the date printed beside it: a
# byline, a standfirst and a share bar after it, a kicker before it. Shown day on the three
# dated sets (December 2026): after 400 loses 1 page of htmldate-eval-dev and 1600 loses 4
# (a teaser's or a comment's date is reached); before 150 gains 1 page there (not taken:
# measured after the last full byte-identity run). wceb2026-dev and wcxb-dev do not move.
AFTER_TITLE_CHARS = 800
_BEFORE_TITLE_CHARS = 300


def url_date(url: str | None) -> date | None:
    """The first valid day written in the path of ``url`` (host, query and fragment left out)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for pattern in (_URL_DATE_SPLIT, _URL_DATE, _URL_DATE_DMY):
        try:
            m = pattern.search(path, timeout=TIMEOUT)
        except TimeoutError:
            m = None
        while m is not None:
            parts = (m.group(4), m.group(3), m.group(1)) if pattern is _URL_DATE_DMY else m.group(1, 2, 3)
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                m = pattern.search(path, m.start() + 1, timeout=TIMEOUT)
    return None


def title_dates(h1: Any, dates: DateCandidates, *, headline: bool) -> None:
    """Datelines just after the headline, then just before it (``Trust.BESIDE_HEADLINE``):
    where the page prints the date it wants readers to see.

    When the page's title fields name another headline than this ``<h1>`` ("Contact Us" in a
    header, the article's headline in an ``<h2>``), the dates around it are ordinary visible
    text (``Trust.BESIDE_OTHER_H1``), not the date shown beside the headline.
    """
    rank = Trust.BESIDE_HEADLINE if headline else Trust.BESIDE_OTHER_H1
    read_chunks(_after_headline(h1, AFTER_TITLE_CHARS), dates, rank, None, False)
    read_chunks(window(h1, before=True, max_chars=_BEFORE_TITLE_CHARS), dates, rank, None, False)


def _after_headline(h1: Any, max_chars: int) -> list[str]:
    """The visible text pieces after the headline, up to ``max_chars``, leaving out every
    foreign region met on the way at any depth (a teaser's date nested in the block after
    the headline is not the article's): :func:`~newsclean.meta.tree.window` with the
    foreign test applied inside the siblings too. Iterative."""
    pieces: list[str] = []
    size = 0
    for current in (h1, *h1.iterancestors()):
        if current.tag in ("body", "html"):
            break
        for sibling in (None, *current.itersiblings()):
            for raw in [current.tail] if sibling is None else _pieces_of(sibling):
                chunk = squash(raw)
                if chunk:
                    pieces.append(chunk)
                    size += len(chunk)
                    if size >= max_chars:
                        return pieces
    return pieces


def _foreign_class(node: Any) -> bool:
    """Whether the class or id of ``node`` names a foreign region (a teaser, related
    stories, comments). Inside the block after the headline only the class counts: an
    ``<aside>`` or ``<footer>`` there is the article's own (its byline box, its date)."""
    return place_of(class_tokens(node)) & (PLACE_COMMENTS | PLACE_BESIDE) != 0


def _pieces_of(root: Any) -> Iterable[str]:
    """The visible text of ``root`` and then its tail, in document order, skipping invisible
    elements and foreign regions (their tails stay: that text belongs to the parent)."""
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing or not visible(node) or (is_foreign(node) if node is root else _foreign_class(node)):
            if node.tail:
                yield node.tail
            continue
        if node.text:
            yield node.text
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def utime_dates(elements: list[Any], dates: DateCandidates, where: Where) -> None:
    """``data-utime="1438091078"`` (a Unix time, as Facebook-style timestamps carry it) on an
    element of the article: its publication time, modified when its class says so."""
    for el in elements:
        value = attr_text(el, "data-utime")
        if not value.isdigit() or where(el) != IN_ARTICLE:
            continue
        kind = "modified" if MODIFIED_HINT.search(class_tokens(el)) else "published"
        dates.offer(kind, Trust.UTIME, value, "data-utime")


def image_dates(
    meta: dict[str, list[str]], images: list[Any], dates: DateCandidates, where: Where
) -> None:
    """A day in the path of the page's image (``og:image``, ``twitter:image``), else of an
    ``<img>`` in the article: uploads are filed by day (``/2019/05/05/``, ``/2019-05-05/``).
    The least trusted source but one: the images are not read when a better date is kept."""
    if not dates.wants("published", Trust.IMAGE_URL):
        return
    declared = (
        v
        for key in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image")
        for v in meta.get(key, ())
    )
    shown = (
        src
        for el in images
        if (src := attr_text(el, "src") or attr_text(el, "data-src")) and where(el) == IN_ARTICLE
    )
    for src in itertools.chain(declared, shown):
        day = url_date(src) or _stamp_in_file_name(src)
        if day is not None:
            dates.offer_value("published", Trust.IMAGE_URL, day, "image-url")
            return


# A file named by its upload time: ".../20201007120909561.jpg" (date, time, milliseconds).
_FILE_STAMP = lazy(
    r"/((?:19|20)\d{2})([01]\d)([0-3]\d)[0-2]\d[0-5]\d[0-5]\d\d{0,4}\.\w{2,5}(?:$|[?#])"
)


def _stamp_in_file_name(src: str) -> date | None:
    try:
        m = _FILE_STAMP.search(src, timeout=TIMEOUT)
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except (TimeoutError, ValueError):
        return None


def copyright_year(meta: dict[str, list[str]], dates: DateCandidates) -> None:
    """schema.org ``copyrightYear`` (``<meta itemprop="copyrightYear" content="2018">``): a
    year only, so the least trusted source; it stands for the year as 1 January of it, with
    the source ``"copyright-year"`` saying so. A copyright line in the page's text is never
    read (a year alone is not a day)."""
    for value in meta.get("copyrightyear", ()):
        if value.isdigit() and len(value) == 4:
            dates.offer_value(
                "published", Trust.COPYRIGHT_YEAR, date(int(value), 1, 1), "copyright-year"
            )
            return
