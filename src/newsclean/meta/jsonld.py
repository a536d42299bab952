"""JSON-LD in a page: the article-like node, the page node and the publisher, read once.

``@graph``, arrays and ``mainEntity`` are searched. The reader is tolerant and bounded:

* what :func:`json.loads` rejects is retried after the common repairs, one at a time and then
  together: HTML comment and CDATA wrappers, trailing commas before ``}`` / ``]``, JavaScript
  ``//`` line comments, raw control characters inside strings (``strict=False``), and several
  objects in one script (``{…}{…}`` or ``{…},{…}``, read one after the other);
* a script longer than :data:`MAX_JSONLD_CHARS` or nested deeper than :data:`MAX_JSONLD_DEPTH`
  is skipped with a warning: :func:`json.loads` recurses once per level, so the depth is
  measured first by a linear scan (:func:`nesting_depth`), and nothing here recurses over JSON;
* JSON no repair mends still gives its ``datePublished`` / ``dateModified`` from the text.

Nothing here raises: a script that cannot be read is skipped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsclean.lazyre import lazy
from newsclean.meta.dates import TIMEOUT
from newsclean.values import Value

# JSON-LD types whose dates are the article's own, and the page-level types used as fallback.
ARTICLE_TYPES: frozenset[str] = frozenset(
    """
    article newsarticle blogposting reportagenewsarticle analysisnewsarticle
    opinionnewsarticle reviewnewsarticle backgroundnewsarticle askpublicnewsarticle
    satiricalarticle liveblogposting techarticle scholarlyarticle report socialmediaposting
    discussionforumposting posting review medicalwebpage recipe howto
    """.split()
)
PAGE_TYPES: frozenset[str] = frozenset(
    "webpage itempage collectionpage aboutpage faqpage qapage videoobject creativework".split()
)
PERSON_TYPES: frozenset[str] = frozenset({"person"})

#: Longest script read; real JSON-LD is a few kilobytes, a page's whole state can be megabytes.
MAX_JSONLD_CHARS = 2_000_000
#: Deepest nesting read. schema.org data nests 5-8 levels (@graph, node, author, address …);
#: :func:`json.loads` recurses once per level, and Python's stack allows about 1,000.
MAX_JSONLD_DEPTH = 64
#: Seconds the linear scans of one script may take (2 MB scan in well under 0.1 s; the bound
#: only guards a pathological input, which then counts as unreadable).
_SCAN_SECONDS = 1.0
#: How many objects one script may hold back to back (``{…}{…}``).
_MAX_OBJECTS = 50
#: How many nodes are looked at across ``@graph`` / arrays / ``mainEntity``.
_MAX_NODES = 500
#: How deep :func:`_nodes` follows containers (a node inside ``@graph`` inside an array …).
_MAX_NODE_DEPTH = 4

# Strings (with escapes) or a structural character: strings are skipped whole, so what the
# scanners below see of the text is its brackets and commas. Linear: no nested repeats.
_TOKEN = lazy(r'"(?:[^"\\]|\\.)*+"|[\[\]{},]|//[^\n]*+|<!--|-->')
_JS_QUOTE_ESCAPE = lazy(r"(?<!\\)((?:\\\\)*+)\\'")
_JSON_DATE = {
    "datePublished": lazy(r'"datePublished"\s*:\s*"([^"]{6,40})"'),
    "dateModified": lazy(r'"dateModified"\s*:\s*"([^"]{6,40})"'),
}
_WRAPPERS = (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/"), ("<![CDATA[", "]]>"))


# --- Reading ------------------------------------------------------------------------------


def nesting_depth(text: str) -> int:
    """The deepest ``[`` / ``{`` nesting of ``text``, brackets inside strings not counted.

    A linear scan (no parsing, no recursion), run before :func:`json.loads` so that a script
    nested deeper than :data:`MAX_JSONLD_DEPTH` never reaches it."""
    depth = deepest = 0
    try:
        for m in _TOKEN.finditer(text, timeout=_SCAN_SECONDS):
            char = m.group()
            if char in ("[", "{"):
                depth += 1
                deepest = max(deepest, depth)
            elif char in ("]", "}"):
                depth = max(depth - 1, 0)
    except TimeoutError:
        return MAX_JSONLD_DEPTH + 1  # too big to measure in time: treat as too deep
    return deepest


def _repair(text: str) -> str:
    """``text`` with trailing commas, ``//`` comments and HTML comments removed (outside
    strings only), and JavaScript's ``\\'`` inside strings read as ``'``. One pass."""
    out: list[str] = []
    last = 0
    comma = -1  # index in ``out`` of a comma with nothing but space after it so far
    in_comment = False  # between "<!--" and "-->"
    try:
        matches = list(_TOKEN.finditer(text, timeout=_SCAN_SECONDS))
    except TimeoutError:
        return text
    for m in matches:
        token, between = m.group(), text[last : m.start()]
        last = m.end()
        if in_comment:
            in_comment = token != "-->"
            continue
        if between.strip():
            comma = -1
        out.append(between)
        if token == "<!--":
            in_comment = True
            continue
        if token == "-->" or token.startswith("//"):
            continue
        if token in ("]", "}") and comma >= 0:
            out[comma] = ""  # the comma before a closing bracket goes
        if token.startswith('"') and "\\'" in token:
            token = _JS_QUOTE_ESCAPE.sub(r"\1'", token)  # \' is JavaScript, not JSON
        out.append(token)
        comma = len(out) - 1 if token == "," else -1
    if not in_comment:
        out.append(text[last:])
    return "".join(out)


_DECODER = json.JSONDecoder(strict=False)  # strict=False: raw control characters in strings


def _decode_all(text: str) -> Any:
    """Every JSON value in ``text``, back to back or separated by commas or semicolons: the value
    when there is one, the list of them when there are more, ``None`` when there is none."""
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end and len(values) < _MAX_OBJECTS:
        while pos < end and (text[pos].isspace() or text[pos] in ",;"):
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return None
        values.append(value)
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def _unwrap(text: str) -> str:
    text = text.strip()
    for prefix, suffix in _WRAPPERS:
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
            if text.endswith(suffix):
                text = text[: -len(suffix)]
    return text.strip()


def load_json(text: str) -> tuple[Any, str | None]:
    """(value, warning): ``text`` read as JSON, repaired where needed; ``(None, why)`` when it
    cannot be read within the bounds. Never raises."""
    if len(text) > MAX_JSONLD_CHARS:
        return None, f"json-ld: a script of {len(text):,} characters skipped (limit {MAX_JSONLD_CHARS:,})"
    # (a script with fewer opening brackets than the limit cannot nest deeper: two counts in C
    # spare most scripts the scan)
    if text.count("{") + text.count("[") > MAX_JSONLD_DEPTH and nesting_depth(text) > MAX_JSONLD_DEPTH:
        return None, f"json-ld: a script nested deeper than {MAX_JSONLD_DEPTH} levels skipped"
    text = _unwrap(text)
    value = _decode_all(text)
    if value is None:  # repaired only when the script as written is no JSON
        value = _decode_all(_repair(text))
    return value, None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    items = value if isinstance(value, list) else [value]
    return {str(t).rsplit("/", 1)[-1].lower() for t in items if t}


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object that stands for a thing, top-level first (``@graph``, arrays,
    ``mainEntity``), without descending into lists of other things (``itemListElement``).

    Breadth-first with an explicit queue, bounded in depth and count (no recursion)."""
    queue: list[tuple[Any, int]] = [(data, 0)]
    seen = 0
    while queue and seen < _MAX_NODES:
        item, depth = queue.pop(0)
        seen += 1
        if isinstance(item, list):
            if depth < _MAX_NODE_DEPTH:
                queue.extend((child, depth + 1) for child in item[:_MAX_NODES])
        elif isinstance(item, dict):
            if "@type" in item:
                yield item
            if depth < _MAX_NODE_DEPTH:
                queue.extend(
                    (item[key], depth + 1)
                    for key in ("@graph", "mainEntity", "mainEntityOfPage")
                    if key in item
                )


def person_names(
    value: Any, *, people: bool = False, index: dict[str, dict[str, Any]] | None = None
) -> list[str]:
    """Names from a JSON-LD person/organisation value: str, dict with ``name``, or a list
    (one level: a list of lists is flattened once, never followed further).

    ``people`` leaves out values typed as an organisation (a brand signing as the author
    while a byline names the writer). ``index`` maps ``@id`` to the nodes of the page's
    ``@graph``, so that ``{"@id": "…#/schema/person/1"}`` names the person it refers to."""
    items = value if isinstance(value, list) else [value]
    flat = [inner for item in items[:50] for inner in (item if isinstance(item, list) else [item])]
    names: list[str] = []
    for item in flat:
        if isinstance(item, str):
            names.append(item)
            continue
        if not isinstance(item, dict):
            continue
        if "name" not in item and index is not None and isinstance(item.get("@id"), str):
            item = index.get(item["@id"], item)
        kind = item.get("@type")
        kinds = {str(k).lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
        if people and kinds & _ORGANISATION_TYPES:
            continue
        name = item.get("name")
        if isinstance(name, str):
            names.append(name)
        elif isinstance(name, list):
            names.extend(str(n) for n in name if isinstance(n, str))
    return names


_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "brand"})


class JsonLd(Value):
    """What the page's JSON-LD says: its article-like node, its page node, the publisher's
    name, the nodes by ``@id`` (for references such as ``{"@id": "#/schema/person/1"}``),
    dates read from JSON too broken to parse, and warnings about scripts skipped."""

    __slots__ = ("article", "page", "publisher", "raw_dates", "index", "warnings")
    article: dict[str, Any] | None
    page: dict[str, Any] | None
    publisher: str | None
    raw_dates: dict[str, str] | None
    index: dict[str, dict[str, Any]]
    warnings: list[str]

    def __init__(
        self,
        article: dict[str, Any] | None = None,
        page: dict[str, Any] | None = None,
        publisher: str | None = None,
        raw_dates: dict[str, str] | None = None,
        index: dict[str, dict[str, Any]] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.article = article
        self.page = page
        self.publisher = publisher
        self.raw_dates = raw_dates
        self.index = {} if index is None else index
        self.warnings = [] if warnings is None else warnings


def _raw_dates(text: str, found: JsonLd) -> None:
    """Broken JSON still names its dates; read them from the text as a last resort."""
    raw = found.raw_dates or {}
    for key, pattern in _JSON_DATE.items():
        try:
            m = pattern.search(text, timeout=TIMEOUT)
        except TimeoutError:
            m = None
        if m and key not in raw:
            raw[key] = m.group(1)
    found.raw_dates = raw or None


def read_jsonld(scripts: Iterable[Any]) -> JsonLd:
    """The first article-like and page-level nodes of the ``<script type="application/ld+json">``
    elements ``scripts`` (``@graph``, arrays and ``mainEntity`` included)."""
    found = JsonLd()
    for script in scripts:
        text = script.text or ""
        if not text.strip():
            continue
        data, warning = load_json(text)
        if warning:
            found.warnings.append(warning)
            continue
        if data is None:
            _raw_dates(text, found)
            continue
        nodes = list(_nodes(data))
        for node in nodes:  # first the index, so that a reference may point forward
            ident = node.get("@id")
            if isinstance(ident, str) and ident not in found.index:
                found.index[ident] = node
        for node in nodes:
            types = _types(node)
            if found.article is None and types & ARTICLE_TYPES:
                found.article = node
            elif found.page is None and types & PAGE_TYPES:
                found.page = node
            if found.publisher is None and "publisher" in node:
                found.publisher = first_nonempty(person_names(node["publisher"], index=found.index))
            if found.publisher is None and types & {"newsmediaorganization", "organization"}:
                found.publisher = first_nonempty(person_names(node))
    return found


def first_nonempty(values: Iterable[str]) -> str | None:
    """The first value that is not empty, else ``None``."""
    for value in values:
        if value:
            return value
    return None


def decode_entities(text: str) -> str:
    """``text`` with HTML entities decoded once more (values escaped twice by their CMS, or
    JSON-LD text, which the HTML parser never decodes)."""
    return html.unescape(text) if "&" in text else text


def jsonld_text(value: Any) -> str:
    """A JSON-LD string value as text: entities decoded (the HTML parser never sees inside a
    script), white space folded; "" for anything else."""
    return " ".join(decode_entities(value).split()) if isinstance(value, str) else ""
