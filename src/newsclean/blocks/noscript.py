"""A ``<noscript>`` that holds the article: read where it stands when nothing visible shows it.

The block walk (:mod:`newsclean.blocks.html`) skips ``<noscript>``: on most pages it holds a
tracking pixel, a notice asking to turn on JavaScript, or a copy of what the page shows anyway.
Some pages render their article from a script template and serve it to readers without script
only there, beside a sidebar with plenty of visible text; this module finds those.
"""

from __future__ import annotations

from lxml import etree

from newsclean.blocks.model import Block

#: A ``<noscript>`` whose paragraphs hold this many characters, none of them shown elsewhere on
#: the page, is read where it stands: a page that renders its article from a script template
#: serves the same article there for readers without script (a blog platform's post body), beside
#: a sidebar that holds plenty of text. A notice asking to turn on JavaScript, or a tracking pixel,
#: is far shorter; a page that prints the article and repeats it in a ``<noscript>`` shows the
#: first paragraph already.
NOSCRIPT_PROSE_CHARS = 500


def unseen_prose(noscripts: list[etree._Element], blocks: list[Block]) -> frozenset[etree._Element]:
    """The ``<noscript>`` elements that hold paragraphs of text the visible blocks do not show."""
    shown: set[str] | None = None
    found = []
    for element in noscripts:
        paragraphs = [" ".join(p.xpath("string()").split()) for p in element.iter("p")]
        paragraphs = [text for text in paragraphs if text]
        if sum(map(len, paragraphs)) < NOSCRIPT_PROSE_CHARS:
            continue
        if shown is None:
            shown = {block.text for block in blocks}
        if paragraphs[0] not in shown:
            found.append(element)
    return frozenset(found)
