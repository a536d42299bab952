"""Parsing HTML into a tree, with a way through for pages nested deeper than libxml2 allows.

libxml2 stops building the tree at a fixed depth (256 elements, 2048 with ``huge_tree``) and
drops everything after that point, which would lose article text silently. Such pages are
re-read with their layout tags dropped (they carry no text); if even that is too deep, the
markup is turned into text lines and the page goes through the text pipeline.
"""

from __future__ import annotations

import html as html_entities

import regex
from lxml import etree

from newsclean.decode import LONE_SURROGATE
from newsclean.lazyre import lazy

_PARSER_OPTIONS = dict(
    remove_comments=True,
    remove_pis=True,
    no_network=True,  # never fetch DTDs or entities; libxml2's HTML parser loads no DTD anyway
    remove_blank_text=False,
    compact=True,
    default_doctype=False,
    collect_ids=False,
    huge_tree=True,  # depth limit 2048 instead of 256; the input size is bounded by Config
)

#: Tags that only nest (layout and inline formatting) and can be dropped without losing text.
_NESTING_TAGS = lazy(
    r"</?(?:div|span|font|b|i|u|em|strong|section|article|main|aside|header|footer|nav|center|"
    r"small|big|sup|sub|a|abbr|cite|code|q|s|strike|tt|label|form|table|tbody|thead|tfoot|tr|td|"
    r"th|ul|ol|dl|dd|dt|figure|figcaption|blockquote|mark|ins|del|var|kbd|samp|bdi|bdo|time|"
    r"address|details|summary|picture|fieldset|legend|hgroup)\b[^>]{0,2000}>",
    regex.IGNORECASE,
)
_INVISIBLE = lazy(
    r"<(script|style|noscript|template|svg)\b[^>]{0,2000}>.{0,5000000}?</\1\s*>",
    regex.IGNORECASE | regex.DOTALL,
)
_BLOCK_TAG = lazy(
    r"</?(?:p|div|br|li|tr|h[1-6]|blockquote|section|article|table|ul|ol|dd|dt|pre|hr|title)\b[^>]{0,2000}>",
    regex.IGNORECASE,
)
_ANY_TAG = lazy(r"<[^>]{0,2000}>")
_XML_DECLARATION = lazy(r"^<\?xml[^>]{0,500}\?>")
#: libxml2's "resource limit" error (a tree deeper than its limit). lxml releases before 6.1 do not
#: name that error type (lxml 6.0.0 reports it as number 114 without a name, 4.9 as another
#: error), so the error's own message, the same in libxml2 2.10 to 2.14, is read too: without it
#: the deep page's text was lost with those lxml releases (tests/test_hostile.py, nested-100k).
_RESOURCE_LIMIT: int | None = getattr(etree.ErrorTypes, "ERR_RESOURCE_LIMIT", None)
_DEPTH_MESSAGE = "Excessive depth in document"
#: Seconds per megabyte the fallback patterns may take (they are linear; this guards the worst case).
_SECONDS_PER_MB = 2.0


def _parse(text: str) -> tuple[etree._Element | None, bool]:
    """The tree and whether libxml2 hit its depth limit."""
    # The plain etree parser, not lxml.html's: the tree is the same, but lxml.html looks up a
    # Python class for every element it hands out, which made each element 2-3x dearer to reach
    # in the walks; nothing downstream uses the HtmlElement methods.
    # lxml refuses a str that declares its encoding ('<?xml version="1.0" encoding="UTF-8"?>',
    # XHTML pages): the text is already decoded, so the declaration goes.
    if text.lstrip().startswith("<?xml"):
        text = _XML_DECLARATION.sub("", text.lstrip(), count=1)
    # libxml2 is handed the text's UTF-8 form, its own encoding: lxml would hand it the str's
    # buffer as Latin-1, UCS-2 or UCS-4, which libxml2 first converts to UTF-8 (UCS-4 through
    # iconv, the dearest). Encoding in CPython costs about what libxml2's UCS-2 conversion did
    # and less than the others (issue #15: 0.68 M instructions a page fewer over 80 pages of
    # three sets, 0.65 %). A lone surrogate has no UTF-8 form: it becomes U+FFFD, as decoding
    # does (handed over as a str, libxml2 dropped the rest of its text node).
    try:
        source = text.encode("utf-8")
    except UnicodeEncodeError:
        source = LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")
    parser = etree.HTMLParser(**_PARSER_OPTIONS, encoding="utf-8")
    try:
        # what lxml.html.document_fromstring does, minus the element class lookup
        root = etree.fromstring(source, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None, False
    if root is None:  # an empty document
        return None, False
    limit = _RESOURCE_LIMIT
    too_deep = any(
        error.type == limit or error.message.startswith(_DEPTH_MESSAGE) for error in parser.error_log
    )
    return root, too_deep


def markup_to_text(text: str) -> str:
    """A last resort: the visible text of markup, one line per block element."""
    timeout = _SECONDS_PER_MB * (1 + len(text) / 1_000_000)
    try:
        text = _INVISIBLE.sub(" ", text, timeout=timeout)
        text = _BLOCK_TAG.sub("\n", text, timeout=timeout)
        text = _ANY_TAG.sub("", text, timeout=timeout)
    except TimeoutError:
        text = _ANY_TAG.sub("", text)
    return html_entities.unescape(text)


class _BodyGatherer:
    """Appends elements and text to the end of ``body``; text is gathered and joined once before
    the next element (or at the end), so that a long run of text-only strays costs one join, not
    a copy of the growing tail at each (lxml copies a tail whole on every read and write)."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.pending: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            self.pending.append(value)

    def flush(self) -> None:
        if not self.pending:
            return
        joined = "".join(self.pending)
        self.pending.clear()
        if len(self.body):
            last = self.body[-1]
            last.tail = (last.tail or "") + joined
        else:
            self.body.text = (self.body.text or "") + joined

    def element(self, el: etree._Element) -> None:
        self.flush()
        self.body.append(el)

    def take(self, el: etree._Element) -> None:
        """One top-level node after the body: a second ``<body>`` is unwrapped (its start tag is
        ignored, its content read); a ``<head>`` stays where it is (its ``<base>`` and metadata
        are read from there; a browser would put its elements in the body, but they are not
        content); a comment or processing instruction stays; any tail is read."""
        tail, el.tail = el.tail, None
        if el.tag == "body":
            self.text(el.text)
            el.text = None
            for child in list(el):  # (a body's children: never a second body, so no recursion)
                child_tail, child.tail = child.tail, None
                self.element(child)
                self.text(child_tail)
        elif el.tag != "head" and isinstance(el.tag, str):
            self.element(el)
        self.text(tail)


def _gather_into_body(root: etree._Element) -> None:
    """Move what the page has after its ``</body>`` or ``</html>`` into the body, as a browser does.

    HTML's parser reads content past those end tags into the body (the "after body" and "after
    after body" modes go back to "in body"); libxml2 leaves it beside the body under ``<html>``,
    or opens a second ``<html>`` beside the first, which the walk from ``<body>`` never reached:
    a page whose story followed an early ``</body></html>`` lost it all. A page that closed its
    ``</html>`` after the head, before any body, gets the body a browser would open. Each node
    is visited once and text is joined once per run (:class:`_BodyGatherer`): linear.
    """
    body = root.find("body")
    strays: list[etree._Element] = [el for el in root.itersiblings() if el.tag == "html"]
    if body is None:
        if not strays or root.find("frameset") is not None:
            return
        body = etree.SubElement(root, "body")
    later = list(body.itersiblings())
    if not strays and not (body.tail or "").strip() and not any(isinstance(el.tag, str) for el in later):
        return
    gather = _BodyGatherer(body)
    gather.text(body.tail)
    body.tail = None
    for el in later:
        gather.take(el)
    for stray in strays:
        gather.text(stray.text)
        stray.text = None
        for el in list(stray):
            gather.take(el)
    gather.flush()


def parse_page(text: str) -> tuple[etree._Element | None, tuple[str, ...]]:
    """Parse ``text``; ``None`` means "read it as text instead" (see :func:`markup_to_text`).

    The warnings say when the page had to be flattened or read as text. Content after the
    page's ``</body>`` or ``</html>`` is read into the body (:func:`_gather_into_body`).
    """
    root, too_deep = _parse(text)
    if not too_deep:
        if root is not None:
            _gather_into_body(root)
        return root, ()
    try:
        flat = _NESTING_TAGS.sub("", text, timeout=_SECONDS_PER_MB * (1 + len(text) / 1_000_000))
    except TimeoutError:
        flat = None
    if flat is not None:
        root, too_deep = _parse(flat)
        if not too_deep and root is not None:
            _gather_into_body(root)
            return root, ("html: nested deeper than the parser allows; layout tags were dropped to read it",)
    return None, ("html: nested too deeply to parse; the page was read as text",)
