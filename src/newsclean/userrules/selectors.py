"""Selectors: CSS (through cssselect, the optional ``css`` extra) or XPath, compiled once and
checked when read."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree

#: A page every selector is tried on once when it is read, so that XPath functions libxml2
#: does not know fail at load time, not on the first page.
_PROBE = etree.fromstring(
    "<html><body><div class='a' id='b'><p>x</p></div></body></html>", etree.HTMLParser()
)


def is_xpath(selector: str) -> bool:
    """XPath when it starts with ``/`` or ``./`` (or ``(``, a grouped XPath), CSS otherwise."""
    return selector.startswith(("/", "./", "("))


@lru_cache(maxsize=4096)
def compile_selector(selector: str) -> etree.XPath:
    """The compiled XPath of a CSS or XPath selector; ``ValueError`` says what is wrong."""
    if not selector.strip():
        raise ValueError("the selector is empty")
    try:
        if is_xpath(selector):
            compiled = etree.XPath(selector)
        else:
            from lxml.cssselect import CSSSelector

            compiled = CSSSelector(selector, translator="html")
        compiled(_PROBE)
    except ImportError:  # cssselect is the optional ``css`` extra; XPath needs nothing
        raise ValueError(
            "CSS selectors need the cssselect package: pip install 'newsclean[css]' "
            "(or write the selector as XPath)"
        ) from None
    except (etree.XPathError, SyntaxError) as error:  # cssselect's errors are SyntaxErrors
        kind = "XPath" if is_xpath(selector) else "CSS"
        raise ValueError(f"{kind} error: {error}") from None
    except Exception as error:  # noqa: BLE001 - cssselect raises its own ExpressionError
        raise ValueError(str(error) or type(error).__name__) from None
    return compiled


def select(root: Any, selector: str) -> list[Any]:
    """What the selector finds under ``root``: elements, strings or a number (XPath can return any)."""
    try:
        found = compile_selector(selector)(root)
    except (etree.XPathError, ValueError):
        return []
    if isinstance(found, list):
        return found
    return [found]
