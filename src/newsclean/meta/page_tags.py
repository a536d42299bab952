"""Tags and categories of an HTML page: the article's keywords, and apart from them the sections
of the site it is filed under."""

from __future__ import annotations

import re
from typing import Any

from newsclean.meta.fields import CATEGORY_META, TAG_META
from newsclean.meta.jsonld import jsonld_text
from newsclean.meta.tags import dedupe_tags, split_tags
from newsclean.meta.tree import IN_ARTICLE, Where, content, squash

# Links into a site's tag or topic pages (/tags/…, /topic/…, /schlagwort/…): tags when the page
# marks none in its metadata and the link sits in the article region.
TAG_PATHS: tuple[str, ...] = (
    "/tag/",
    "/tags/",
    "/topic/",
    "/topics/",
    "/schlagwort/",
    "/schlagworte/",
    "/thema/",
    "/themen/",
    "/etiqueta/",
    "/etiquetas/",
    "/sujet/",
    "/mot-cle/",
    "/tema/",
    "/argomenti/",
    "/tegi/",
    "/keyword/",
    "/keywords/",
)
TAG_PATH = re.compile("|".join(re.escape(path) for path in TAG_PATHS))
#: At most this many tag-path links make a tag list; more is a topic menu.
_MAX_TAG_PATH_LINKS = 25


def page_tags(
    tag_links: list[Any],
    tag_path_links: list[Any],
    meta: dict[str, list[str]],
    article: dict[str, Any],
    where: Where,
) -> tuple[str, ...]:
    """Tags from article:tag, news_keywords/keywords meta, JSON-LD keywords, rel=tag links."""
    values: list[str] = []
    for key in TAG_META:
        for value in meta.get(key, ()):
            values.extend(split_tags(value))
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        values.extend(split_tags(jsonld_text(keywords)))
    elif isinstance(keywords, list):
        values.extend(jsonld_text(str(k)) for k in keywords[:100] if isinstance(k, (str, int)))
    for link in tag_links:
        if where(link) == IN_ARTICLE:
            values.append(squash(content(link)))
    if not values:
        links = [a for a in tag_path_links if where(a) == IN_ARTICLE]
        if len(links) <= _MAX_TAG_PATH_LINKS:
            values.extend(text for a in links if 0 < len(text := squash(content(a))) <= 60)
    return dedupe_tags(values)


def page_categories(
    category_links: list[Any], meta: dict[str, list[str]], article: dict[str, Any], where: Where
) -> tuple[str, ...]:
    """The sections of the site the article is filed under, kept apart from its tags:
    ``article:section`` and the other section fields, JSON-LD ``articleSection`` (a string or
    a list), then ``rel="category"`` links of the article (WordPress: ``rel="category tag"``)."""
    values = [v for key in CATEGORY_META for v in meta.get(key, ())]
    section = article.get("articleSection")
    for item in section[:20] if isinstance(section, list) else [section]:
        if isinstance(item, str):
            values.append(jsonld_text(item))
    for link in category_links[:_MAX_TAG_PATH_LINKS]:
        if where(link) == IN_ARTICLE:
            values.append(squash(content(link)))
    return dedupe_tags([v for v in values if len(v) <= _MAX_CATEGORY_CHARS])


#: A section name is a few words; longer text in a section field is a sentence.
_MAX_CATEGORY_CHARS = 60
