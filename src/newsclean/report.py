"""The visual explain report: one self-contained HTML page showing what newsclean did to a page.

The input's blocks in order: the kept body highlighted, each removed block struck through and
labelled with its rule and family (the reason on the next line), lines moved into metadata
(dateline, byline, tags, related, title) marked as moved, and the metadata in a side panel.
The page has no scripts, fonts, images or links to fetch: it opens offline as it is.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape

from newsclean.document import Document
from newsclean.explain import ExplainedBlock, Explanation

#: What a moved line's action is called in the report.
_MOVED_TO = {
    "dates": "published / modified",
    "authors": "authors",
    "tags": "tags",
    "related": "related",
    "title": "title",
}

#: The page may load nothing at all: only its own inline style applies.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

_CSS = """
:root { --kept: #e7f6e7; --kept-edge: #2e8b57; --gone: #fbeaea; --gone-edge: #b03a2e;
  --moved: #e8f0fb; --moved-edge: #2b6cb0; --user: #fff6d6; --user-edge: #b7791f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1d1f; background: #f6f6f4; }
header { padding: 14px 24px; background: #222; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 18px; }
header p { margin: 0; color: #ccc; font-size: 13px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 20px; padding: 20px 24px; }
main { min-width: 0; }
aside { position: sticky; top: 12px; align-self: start; background: #fff; border: 1px solid #ddd;
  border-radius: 8px; padding: 14px 16px; font-size: 13px; }
aside h2 { font-size: 15px; margin: 0 0 8px; }
aside dt { font-weight: 600; margin-top: 8px; color: #555; }
aside dd { margin: 2px 0 0; overflow-wrap: anywhere; }
aside ul { margin: 2px 0 0; padding-left: 18px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 14px; font-size: 13px; }
.legend span { padding: 2px 8px; border-radius: 4px; border-left: 4px solid; }
.block { margin: 0 0 6px; padding: 6px 10px; border-left: 4px solid; border-radius: 4px; }
.block .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.kept { background: var(--kept); border-color: var(--kept-edge); }
.removed { background: var(--gone); border-color: var(--gone-edge); color: #6b6b6b; }
.removed .text { text-decoration: line-through; text-decoration-color: var(--gone-edge); }
.moved { background: var(--moved); border-color: var(--moved-edge); }
.user-kept { background: var(--user); border-color: var(--user-edge); }
.label { display: inline-block; font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, monospace;
  padding: 1px 6px; margin: 0 0 3px; border-radius: 3px; background: #fff; border: 1px solid #ccc;
  color: #333; }
.removed .label { border-color: var(--gone-edge); color: var(--gone-edge); }
.moved .label { border-color: var(--moved-edge); color: var(--moved-edge); }
.user-kept .label { border-color: var(--user-edge); color: var(--user-edge); }
.reason { font-size: 12px; color: #555; margin: 0 0 2px; }
.src { color: #777; font-size: 11px; overflow-wrap: anywhere; }
.kind { color: #888; font-size: 11px; margin-right: 6px; text-transform: uppercase; }
.h1 .text, .h2 .text { font-weight: 700; }
.note { font-size: 13px; color: #555; margin: 0 0 12px; }
"""


def explain_html(result: Explanation | Document, *, name: str | None = None) -> str:
    """The report as one HTML string, from :func:`newsclean.explain.explain`'s result.

    ``name`` (a file name, say) is shown in the header beside the page's title.

    A bare :class:`~newsclean.Document` also works, but it does not know where its removed
    pieces stood: they are listed after the body, and the report says so.
    """
    if isinstance(result, Explanation):
        doc, blocks, note = result.document, result.blocks, ""
        source = result.source_format
    else:
        doc, source = result, "unknown"
        blocks = tuple(ExplainedBlock(t, k) for t, k in zip(doc.paragraphs, doc.paragraph_kinds, strict=True))
        blocks += tuple(
            ExplainedBlock(r.text, "p", r.rule, r.family, r.reason, pieces=(r,)) for r in doc.removed
        )
        note = (
            "Made from a Document alone: the removed pieces are listed after the body, not where they stood."
        )
    counts = Counter("moved" if b.moved else "removed" if b.removed else "kept" for b in blocks)
    heading = doc.title or name or doc.url or "newsclean report"
    named = f"{escape(name)} · " if name and name != heading else ""
    summary = (
        named + f"{len(blocks)} blocks of {escape(source)} input: {counts['kept']} kept, "
        f"{counts['removed']} removed, {counts['moved']} moved into metadata"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # no scripts, no fetches: the page must open offline exactly as written
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        f"<title>newsclean: {escape(heading)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(heading)}</h1><p>{summary}</p></header>",
        '<div class="layout"><main>',
        '<div class="legend"><span class="kept">kept (body)</span>'
        '<span class="removed">removed: rule · family</span>'
        '<span class="moved">moved into metadata</span>'
        '<span class="user-kept">kept by a user rule</span></div>',
    ]
    if note:
        parts.append(f'<p class="note">{escape(note)}</p>')
    parts.extend(_block(n, block) for n, block in enumerate(blocks, 1))
    parts.append("</main>")
    parts.append(_panel(doc))
    parts.append("</div></body></html>")
    return "\n".join(parts) + "\n"


def _block(number: int, block: ExplainedBlock) -> str:
    text = escape(block.text)
    kind = f'<span class="kind">{escape(block.kind)}</span>'
    if block.moved:
        state = "moved"
        label = f"moved → {_MOVED_TO.get(block.moved, block.moved)} · {block.rule} · {block.family}"
    elif block.removed:
        state = "removed"
        label = f"{block.rule} · {block.family}"
    elif block.kept_by_user:
        state, label = "user-kept", "kept by a user rule"
    else:
        body = f'{kind}<span class="text">{text}</span>'
        return f'<div class="block kept {escape(block.kind)}" id="b{number}">{body}</div>'
    reason = f'<div class="reason">{escape(block.reason)}</div>' if block.reason else ""
    pieces = ""
    if len(block.pieces) > 1:  # a glued line taken apart: show the labels it was made of
        pieces = '<div class="reason">pieces: ' + " | ".join(escape(p.text) for p in block.pieces) + "</div>"
    rule = escape(block.rule or "")
    family = escape(block.family or "")
    return (
        f'<div class="block {state} {escape(block.kind)}" id="b{number}" data-rule="{rule}" '
        f'data-family="{family}"><span class="label">{escape(label)}</span>{reason}{pieces}'
        f'<div>{kind}<span class="text">{text}</span></div></div>'
    )


def _value(value: object) -> str:
    if isinstance(value, date):
        return escape(value.isoformat())
    return escape(str(value))


def _panel(doc: Document) -> str:
    rows: list[tuple[str, str]] = []

    def add(name: str, value: object, source: str | None = None) -> None:
        if value is None or value == "" or value == ():
            return
        shown = _value(value)
        if source:
            shown += f' <span class="src">from {escape(source)}</span>'
        rows.append((name, shown))

    def add_list(name: str, items: list[str]) -> None:
        if items:
            rows.append((name, "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))

    add("title", doc.title)
    add("published", doc.published, doc.published_source)
    add("modified", doc.modified, doc.modified_source)
    add_list("authors", [escape(a) for a in doc.authors])
    add_list("tags", [escape(t) for t in doc.tags])
    add("site", doc.site_name)
    add("language", doc.language)
    add("url", doc.url)
    add("description", doc.description)
    add_list(
        "related",
        [
            escape(link.text) + (f' <span class="src">{escape(link.url)}</span>' if link.url else "")
            for link in doc.related
        ],
    )
    add_list("warnings", [escape(w) for w in doc.warnings])
    families = Counter(r.family for r in doc.removed)
    add_list("removed by family", [f"{escape(f)}: {n}" for f, n in families.most_common()])
    body = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows) or "<dd>nothing found</dd>"
    return f"<aside><h2>Metadata</h2><dl>{body}</dl></aside>"
