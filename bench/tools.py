"""The extractors compared by the benchmarks: newsclean and its peers.

Each peer is called the way the ScrapingHub benchmark's ``extractors/run_*.py``
calls it, so our numbers can be checked against the published ones.  Peers get
the page as ``str`` (those scripts read the files as UTF-8 text); newsclean
gets the raw bytes, as a user with a crawler would pass them.

Imports are lazy: a peer that is not installed fails on its own rows only.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

# (html as str, html as bytes, url) -> extracted text
Extract = Callable[[str, bytes, "str | None"], str]


@dataclass(frozen=True)
class Tool:
    """One extractor as the harness sees it."""

    key: str  # command-line name, also the cache folder name
    label: str  # row name in tables
    dist: str  # distribution whose version is reported
    extract: Extract
    cacheable: bool = True  # peers are deterministic; newsclean changes while tuning
    scored: bool = True  # False for speed references that extract nothing


def _newsclean(html: str, raw: bytes, url: str | None) -> str:
    import newsclean

    # The generic extractor, without the built-in site profiles: the four shipped profiles were
    # chosen because each made one scrapinghub page better (docs/user-rules.md), so with them on
    # these sets would score newsclean on rules picked on their own pages (+0.0005 there).
    config = newsclean.Config(site_profiles=False)
    return str(newsclean.clean(raw, url=url, config=config).body or "")


def _trafilatura(html: str, raw: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _trafilatura_fast(html: str, raw: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, fast=True) or ""


def _readability(html: str, raw: bytes, url: str | None) -> str:
    import html_text
    from readability import Document

    return str(html_text.extract_text(Document(html).summary(html_partial=True)))


def _justext_paragraphs(html: str, **params: Any) -> str:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"), **params)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _justext(html: str, raw: bytes, url: str | None) -> str:
    return _justext_paragraphs(html)


# The parameters the ScrapingHub benchmark passes (its published 0.804 row).
_JUSTEXT_SH_PARAMS = {
    "length_low": 50,
    "length_high": 200,
    "stopwords_low": 0.1,
    "stopwords_high": 0.2,
    "max_link_density": 0.2,
    "max_heading_distance": 200,
    "no_headings": True,
}


def _justext_sh(html: str, raw: bytes, url: str | None) -> str:
    return _justext_paragraphs(html, **_JUSTEXT_SH_PARAMS)


def _boilerpy3(html: str, raw: bytes, url: str | None) -> str:
    from boilerpy3 import extractors

    return str(extractors.ArticleExtractor().get_content(html))


def _resiliparse(html: str, raw: bytes, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(html, main_content=True))


def _newspaper4k(html: str, raw: bytes, url: str | None) -> str:
    from newspaper import Article

    # input_html means no page download; fetch_images=False stops it fetching
    # images (e.g. avatars) while parsing.  newspaper.article() would parse
    # twice (the reference script's way); one parse gives the same text.
    article = Article(url or "http://example.invalid/", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return str(article.text or "")


def _goose3(html: str, raw: bytes, url: str | None) -> str:
    from goose3 import Goose

    # A fresh Goose per page, as the reference script does; it fetches nothing
    # when given raw_html (image fetching is off by default).
    with Goose() as goose:
        return str(goose.extract(raw_html=html).cleaned_text or "")


def _html_text(html: str, raw: bytes, url: str | None) -> str:
    import html_text

    return str(html_text.extract_text(html))


def _lxml_parse(html: str, raw: bytes, url: str | None) -> str:
    import lxml.html

    lxml.html.document_fromstring(raw)
    return ""


TOOLS: tuple[Tool, ...] = (
    Tool("newsclean", "newsclean", "newsclean", _newsclean, cacheable=False),
    Tool("trafilatura", "trafilatura", "trafilatura", _trafilatura),
    Tool("trafilatura-fast", "trafilatura fast=True", "trafilatura", _trafilatura_fast),
    Tool("readability", "readability-lxml", "readability-lxml", _readability),
    Tool("justext", "jusText (English)", "justext", _justext),
    Tool("justext-sh", "jusText (SH params)", "justext", _justext_sh),
    Tool("boilerpy3", "boilerpy3 Article", "boilerpy3", _boilerpy3),
    Tool("resiliparse", "resiliparse main_content", "resiliparse", _resiliparse),
    Tool("newspaper4k", "newspaper4k", "newspaper4k", _newspaper4k),
    Tool("goose3", "goose3", "goose3", _goose3),
    Tool("html-text", "html_text (full page)", "html-text", _html_text),
    Tool("lxml-parse", "lxml parse only", "lxml", _lxml_parse, scored=False),
)

TOOLS_BY_KEY = {tool.key: tool for tool in TOOLS}


def select(keys: str | None, default: tuple[str, ...] | None = None) -> list[Tool]:
    """Tools named in a comma-separated list (all tools, or ``default``, when None)."""
    if not keys:
        return [TOOLS_BY_KEY[k] for k in default] if default else list(TOOLS)
    chosen = []
    for key in (k.strip() for k in keys.split(",")):
        if key not in TOOLS_BY_KEY:
            raise SystemExit(f"unknown tool {key!r}; known: {', '.join(TOOLS_BY_KEY)}")
        chosen.append(TOOLS_BY_KEY[key])
    return chosen


@cache
def version(tool: Tool) -> str:
    """Installed version of the tool's distribution, or 'missing'."""
    try:
        return metadata.version(tool.dist)
    except metadata.PackageNotFoundError:
        return "missing"


def newsclean_origin() -> str:
    """Where newsclean is imported from, with the git commit when it is a checkout.

    The work tree is shared and edited while benchmarks run, so a number is
    only meaningful with this stamp ('+dirty' means uncommitted edits in src/).
    """
    try:
        import newsclean
    except ImportError as exc:
        return f"not importable ({exc})"
    where = Path(newsclean.__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "-C", str(where), "log", "-1", "--format=%h %ci"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(where), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{where} (not a git checkout)"
    return f"{where} at {head}{' +dirty' if dirty else ''}"
