"""Where pages keep their metadata: ``<meta>`` field names, JSON-LD-free markup vocabulary.

Data only, read by :mod:`newsclean.meta.html`: the ``<meta>`` names of each field in order of
trust, and the class/id words that mark the regions and elements dates and bylines live in.
"""

from __future__ import annotations

import re
from typing import Any

from newsclean.blocks.tokens import ARTICLE_TAGS, FURNITURE_TAGS

# --- <meta> field names -------------------------------------------------------------------
# Lower-cased values of a <meta>'s name / property / itemprop / http-equiv, in order of trust.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date.published",
    "citation_publication_date",
    "citation_online_date",
    "publication_date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "pub_date",
    "date_published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "rnews:datepublished",
    "bt:pubdate",
    "article.created",
    # Dublin Core with a colon or without the "date." step, Open Graph's less common names
    # (matched lower-cased: "OG:DatePublished" is og:datepublished)
    "dc.issued",
    "dc:issued",
    "dcterms:issued",
    "dc.created",
    "dc:created",
    "dcterms:created",
    "og:datepublished",
    "og:publish_date",
    "og:pubdate",
    "og:regdate",
    "article:published_date",
    "article:publicationdate",
    "published_date",
    "publisheddate",
    "datecreated",
)
# Generic names that some CMSs fill with the page's build or crawl date: trusted below the
# dates the article shows.
PUBLISHED_META_WEAK: tuple[str, ...] = (
    "release_date",
    "displaydate",
    "created",
    "dc.date",
    "dc:date",
    "dcterms.date",
    "dcterms:date",
    "date",
)
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "article.updated",
    "article:modified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "date_modified",
    "updated_time",
    "sailthru.lastmodified",
    "revised",
    "bt:moddate",
    "lastmodified",
    "dc:modified",
    "dcterms:modified",
    "og:modified_time",
    "article:modified_date",
    "modificationdate",
)
TITLE_META: tuple[str, ...] = (
    "og:title",
    "twitter:title",
    "headline",
    "parsely-title",
    "sailthru.title",
    "dc.title",
    "title",
)
AUTHOR_META: tuple[str, ...] = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
    "citation_authors",
    "og:article:author",
    "cxenseparse:author",
    "og:author",
    "dc:creator",
    "dcterms:creator",
)
TAG_META: tuple[str, ...] = (
    "article:tag",
    "news_keywords",
    "keywords",
    "parsely-tags",
    "sailthru.tags",
    "og:article:tag",
)
SITE_META: tuple[str, ...] = (
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
    "dc:publisher",
    "article:publisher",  # (often a profile URL: those are skipped)
    "twitter:app:name:iphone",
)
# Sections of the site the article is filed under (not its tags).
CATEGORY_META: tuple[str, ...] = ("article:section", "og:article:section", "parsely-section", "section")
DESCRIPTION_META: tuple[str, ...] = (
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
)
URL_META: tuple[str, ...] = ("og:url", "twitter:url")
LANGUAGE_META: tuple[str, ...] = ("content-language", "og:locale", "dc.language", "language")

# The patterns below meet class and id names (markup, not page text); they are plain
# alternations that cannot backtrack, so the standard ``re`` runs them, 3-4 times faster per
# call than ``regex`` with a timeout, which matters in loops over every element.
# (Which region a class or id names, comments, related stories, a sidebar, a footer, is not
# read here: it is the block walk's own decision, :func:`newsclean.blocks.tokens.place_of`.)
# Elements that are a foreign region by themselves (unless inside the <article>), and
# containers whose class names describe the whole page rather than a region of it.
# (The tags are the block walk's: blocks/tokens.py. A <nav> is read apart: never a date there.)
FOREIGN_TAGS: frozenset[str] = FURNITURE_TAGS - {"nav"}
PAGE_TAGS: frozenset[str] = ARTICLE_TAGS | {"body", "html"}
# Class/id words of elements that show the article's date or byline as visible text.
DATE_HINT_WORDS: tuple[str, ...] = (
    "date",
    "time",
    "publish",
    "posted",
    "byline",
    "dateline",
    "meta",
    "info",
    "stamp",
    "updated",
    "datum",
    "fecha",
    "data",
    "created",
    "submitted",
)
AUTHOR_HINT_WORDS: tuple[str, ...] = (
    "author",
    "byline",
    "writer",
    "autor",
    "auteur",
    "username",  # forums and Drupal sign posts with the poster's name
    "submitted.?by",  # "submitted-by": the poster's name ("submitted" alone is a date line)
)
DATE_HINT = re.compile("|".join(DATE_HINT_WORDS), re.IGNORECASE)
PUBLISHED_HINT = re.compile(r"publish|pubdate|posted|created|datum|fecha", re.IGNORECASE)
MODIFIED_HINT = re.compile(r"updat|modif|revis|aktualis", re.IGNORECASE)
AUTHOR_HINT = re.compile("|".join(AUTHOR_HINT_WORDS), re.IGNORECASE)


def _any_word(words: list[str]) -> str:
    """A pattern that finds any of the literal ``words`` (its match is only ever tested, never
    read), written as a trie: ``aut(?:eur|hor|or)|byline|…``. The standard ``re`` tries an
    alternation's branches one after another at every position of the string, so at each
    letter a flat list of twenty words costs twenty tries; the trie costs one per letter
    read. A word another begins with stands for both (the shorter one is found first). The top
    level stays ungrouped: ``re`` then scans ahead for the words' first letters alone."""
    root: dict[str, dict[str, Any]] = {}
    for word in sorted(set(words)):  # (a word comes before the longer ones it begins)
        node = root
        for char in word:
            if "" in node:
                break  # a shorter word ends here: what follows it adds nothing to "found"
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = {}
    # the nodes children first (no recursion), each one's pattern from its children's
    order: list[dict[str, Any]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(child for char, child in node.items() if char)
    pattern: dict[int, str] = {}
    for node in reversed(order):
        if "" in node:
            pattern[id(node)] = ""
            continue
        branches = [re.escape(char) + pattern[id(child)] for char, child in sorted(node.items())]
        joined = "|".join(branches)
        pattern[id(node)] = joined if len(branches) == 1 or node is root else f"(?:{joined})"
    return pattern[id(root)]


#: The hint words that are plain strings. Every other one (``submitted.?by``) begins with one
#: of them, so it can only be found where that one is (``tests/test_meta_html.py`` checks this).
ANY_HINT_WORDS: tuple[str, ...] = tuple(
    sorted({w for w in (*DATE_HINT_WORDS, *AUTHOR_HINT_WORDS) if re.escape(w) == w})
)
# Any of the words as a plain substring of the lower-cased class and id: the cheap first test
# (issue #15: ~22 % fewer instructions a search than the flat alternation, on 17,000 class and
# id values of three sets).
ANY_HINT = re.compile(_any_word(list(ANY_HINT_WORDS)))
