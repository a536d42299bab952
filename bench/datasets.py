"""Load a benchmark folder: ``html/<id>.html.gz`` beside ``ground-truth.json``."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """One benchmark page: the raw bytes and what its ground truth says."""

    id: str
    html: bytes
    url: str | None
    truth: str
    page_type: str | None = None
    title: str | None = None
    author: str | None = None
    publish_date: str | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()

    @property
    def digest(self) -> str:
        """Short hash of the page bytes, part of the cache key."""
        return hashlib.sha1(self.html).hexdigest()[:16]

    def text(self) -> str:
        """The page decoded for peers that want ``str`` (see ``decode_html``)."""
        return decode_html(self.html)


@dataclass(frozen=True)
class Dataset:
    """A named set of pages, in sorted id order."""

    name: str
    path: Path
    pages: tuple[Page, ...] = field(default_factory=tuple)

    @property
    def has_snippets(self) -> bool:
        """True when any page carries with/without snippets (the 2026 set)."""
        return any(p.with_snippets or p.without_snippets for p in self.pages)

    @property
    def has_page_types(self) -> bool:
        """True when pages carry a page_type (the 2026 set)."""
        return any(p.page_type for p in self.pages)


def decode_html(data: bytes) -> str:
    """Bytes to str for peers: BOM/UTF-8 first, then the declared charset, then cp1252.

    All pages in the shipped sets are valid UTF-8; the fallbacks only keep the
    harness working on other folders.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _as_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(v) for v in value)
    return ()


def _day_or_none(value: object) -> str | None:
    """A truth date as text; ``None`` for a missing one (htmldate's set writes NaN)."""
    return value if isinstance(value, str) and value else None


def load_dataset(path: str | Path, *, page_type: str | None = None) -> Dataset:
    """Read every page listed in ground-truth.json; ``page_type`` keeps only that type."""
    root = Path(path)
    truth_file = root / "ground-truth.json"
    if not truth_file.is_file():
        raise SystemExit(f"{root}: no ground-truth.json (expected a benchmark folder)")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        item = truth[page_id]
        if page_type and item.get("page_type") != page_type:
            continue
        html_file = root / "html" / f"{page_id}.html.gz"
        if not html_file.is_file():
            raise SystemExit(f"{html_file}: listed in ground-truth.json but missing")
        pages.append(
            Page(
                id=page_id,
                html=gzip.decompress(html_file.read_bytes()),
                url=item.get("url") or None,
                truth=item.get("articleBody") or "",
                page_type=item.get("page_type"),
                title=item.get("title"),
                author=item.get("author"),
                # (htmldate's evaluation set calls it "date")
                publish_date=_day_or_none(item.get("publish_date") or item.get("date")),
                with_snippets=_as_tuple(item.get("with")),
                without_snippets=_as_tuple(item.get("without")),
            )
        )
    return Dataset(name=root.resolve().name, path=root, pages=tuple(pages))
