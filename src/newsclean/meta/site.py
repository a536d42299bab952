"""The page's address and its site: the canonical URL resolved against ``<base href>`` or the
caller's URL, the site's name from its fields, its JSON-LD publisher or its host."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsclean.meta.fields import SITE_META, URL_META
from newsclean.meta.jsonld import JsonLd, first_nonempty
from newsclean.meta.tree import attr_text, squash


def base_url(bases: list[Any], url: str | None) -> str | None:
    """What relative links of the page are relative to: ``<base href>`` (itself resolved
    against ``url``), else ``url``."""
    for el in bases:
        href = attr_text(el, "href")
        if href:
            return urljoin(url, href) if url else (href if ABSOLUTE.match(href) else url)
    return url


#: An absolute URL: a scheme, then "://".
ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)


def _absolute(href: str, base: str | None) -> str | None:
    """``href`` as an absolute URL (resolved against ``base``), or ``None`` when it is
    relative and there is nothing to resolve it against."""
    if ABSOLUTE.match(href):
        return href
    if href.startswith("//"):
        return f"https:{href}" if base is None else urljoin(base, href)
    return urljoin(base, href) if base else None


def canonical_url(
    links: list[Any], meta: dict[str, list[str]], article: dict[str, Any], base: str | None
) -> str | None:
    """The page's own address: ``<link rel=canonical>``, ``og:url``/``twitter:url``, the
    JSON-LD ``url``; a relative one resolved against ``<base href>`` or the caller's ``url``
    (and kept as written when there is neither)."""
    for el in links:
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            href = squash(el.get("href"))
            return _absolute(href, base) or href
    value = first_nonempty(v for key in URL_META for v in meta.get(key, []))
    if value:
        return _absolute(value, base) or value
    url = article.get("url")
    return url if isinstance(url, str) and url.startswith("http") else None


def _site_key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def host_name(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` ("www.example.co.uk" -> "example.co.uk")."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host[4:] if host.startswith("www.") else host
    return host or None


def _names_host(name: str, host: str) -> bool:
    """Whether ``name`` spells the host's main label ("The Verge" and theverge.com)."""
    labels = host.split(".")
    # the label before the public suffix: example.com, example.co.uk, example.com.au
    main = labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[max(len(labels) - 2, 0)]
    label, key = _site_key(main), _site_key(name)
    return len(label) >= 3 and bool(key) and (label in key or key in label)


def declared_site_name(meta: dict[str, list[str]], jsonld: JsonLd, url: str | None) -> str | None:
    """The site's name as the page declares it: the site-name fields (profile URLs skipped),
    else the JSON-LD publisher (the caller falls back to the host name).

    When ``og:site_name`` and the JSON-LD publisher disagree and only the publisher spells
    the host ("U.S." as og:site_name on a news site's section), the publisher wins: the
    field then names a section of the site."""
    fields = [v for key in SITE_META for v in meta.get(key, []) if not ABSOLUTE.match(v)]
    name = first_nonempty(fields)
    publisher = jsonld.publisher
    host = host_name(url)
    if name and publisher and host and _site_key(name) != _site_key(publisher):
        if _names_host(publisher, host) and not _names_host(name, host):
            return publisher
    return name or publisher
