"""Class/id/role vocabulary: which words in markup name which concept.

A word matches a *part* of a class or id split at ``-``, ``_``, spaces and camelCase humps
(``c-share-bar`` → ``c``, ``share``, ``bar``), so ``ad`` matches ``ad-slot`` but not ``header``.
Concept names are the rule families of :mod:`newsclean.phrases`, plus ``article`` (a hint that the
element holds the article body), ``disclosure`` (a widget that hides content until opened: not
furniture by itself) and ``hidden``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TypeVar

from newsclean.lazyre import compile_pattern

#: concept -> words, grouped by what they mean on real pages.
TOKEN_CONCEPTS: dict[str, tuple[str, ...]] = {
    "share": (
        "share", "shares", "sharing", "sharer", "social", "socials", "addthis", "sharethis",
        "shariff", "sociallinks", "socialbar", "socialshare", "sharebar", "sharetools",
        "share_tools", "sharebuttons", "share-buttons",
        # the same word in other languages' class names (fr, de, es, it, pt, nl)
        "partage", "partager", "teilen", "compartir", "condividi", "partilhar", "delen",
    ),
    "related": (
        "related", "relatedposts", "recommend", "recommended", "recommendations", "recirc",
        "recirculation", "morestories", "more-stories", "readmore", "read-more", "readnext",
        "read-next", "mostread", "most-read", "mostpopular", "most-popular", "popular",
        "trending", "outbrain", "taboola", "jp-relatedposts", "yarpp", "crp", "further",
        "also", "teasers", "teaser", "next-article", "nextarticle", "upnext", "up-next",
    ),
    "subscribe": (
        "newsletter", "newsletters", "subscribe", "subscription", "subscriptions", "signup",
        "sign-up", "paywall", "optin", "opt-in", "follow", "promo", "cta", "membership",
        "donate", "donation", "appeal", "registration", "regwall", "login", "piano",
    ),
    "comments": (
        "comment", "comments", "commentlist", "commentbody", "commentform", "disqus", "discussion",
        "discussions", "respond", "replies", "reply", "coral", "talk", "community", "reactions",
    ),
    "ads": (
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot",
        "adunit", "adsense", "dfp", "gpt", "banner", "sponsor", "sponsored", "sponsors",
        "commercial", "affiliate", "partner", "partners", "native", "billboard", "leaderboard",
        "skyscraper", "mpu", "dfp-ad", "ad-container", "adwrapper",
    ),
    # (not "cmp", a consent-management platform: Adobe Experience Manager names every component
    # "cmp-<name>" (cmp-text, cmp-container), so on its pages the whole article read as a cookie
    # box: 27 dev pages carry it, 17 came out better and 4 worse without the word)
    "cookie": ("cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebanner", "ccpa"),
    "navigation": (
        "nav", "navbar", "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs",
        "crumbs", "footer", "footers", "masthead", "sidebar", "side", "rail", "skip", "skiplink",
        "pagination",
        "pager", "topbar", "toolbar", "site-header", "siteheader", "site-footer", "sitefooter",
        "header", "dropdown", "offcanvas", "drawer", "hamburger", "search", "widget", "widgets",
        "tagcloud", "tags", "tag-list", "taglist", "keywords", "topics", "author-bio",
        "authorbio", "bio", "byline", "meta", "metadata", "dateline", "timestamp", "credit",
        "credits", "copyright", "disclaimer", "print", "tools", "toolbox", "utility",
        "modal", "popup", "overlay", "lightbox", "hidden", "is-hidden", "visually-hidden", "sr-only",
        "screen-reader-text", "caption", "wp-caption-text",
    ),
    "article": (
        "article-body", "articlebody", "article__body", "article-content", "articlecontent",
        "article__content", "article-text", "articletext", "post-content", "postcontent",
        "post-body", "postbody", "entry-content", "entrycontent", "story-body", "storybody",
        "story-content", "storycontent", "story-text", "content-body", "body-text", "bodytext",
        "main-content", "maincontent", "article-main", "text-content", "rich-text", "richtext",
        "single-content", "post-entry", "td-post-content", "field-body", "news-text",
        "article__text", "c-article-body", "paywall-content", "content__body", "text-body",
    ),
    # An interface that *hides content* until the reader opens it: its panels hold the page's own
    # text (a FAQ's answers, a guide's steps), whereas a navigation word names links away. Not
    # furniture by itself; it tells the navigation rule that a "dropdown", "drawer" or "hidden"
    # beside it names a closed panel, not a menu (issue #13). Words in en, fr, de, es, it, nl.
    "disclosure": (
        "accordion", "accordions", "accordeon", "akkordeon", "acordeon", "acordion", "collapse",
        "collapsible", "collapsable", "expander", "expandable", "disclosure", "tab", "tabs",
        "tabpanel", "tab-pane", "tabpane", "tab-content", "tabcontent", "onglet", "onglets",
        "reiter", "registerkarte", "pestana", "pestanas", "schede", "uitklap", "klapper",
    ),
}

#: The concepts that say "not the article" (page furniture): every concept above but
#: ``article`` and ``disclosure``. The markup rules remove by them (one rule per concept), the
#: HTML region discounts containers named by them, and the content area of a page counts no
#: furniture.
BOILERPLATE_CONCEPTS = frozenset(TOKEN_CONCEPTS) - {"article", "disclosure"}

#: Elements that are page furniture by their tag, whatever their class says (the walk reads
#: them as ``navigation``; metadata reads a date in one as not the article's, unless the element
#: is the ``<article>``'s own ``<aside>`` or ``<footer>``), and elements that hold the article
#: by their tag (an article hint for the walk; a box metadata does not count as a region).
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "form"})
ARTICLE_TAGS = frozenset({"article", "main"})

#: Words that name an embedded post (a tweet, an Instagram or TikTok post quoted in the story):
#: the element holds quoted article text, so a "social" beside them is no share bar.
EMBED_WORDS = frozenset({
    "embed", "embedded", "embeds", "tweet", "twitter-tweet", "instagram-media", "tiktok-embed",
})

#: Page builders name every content box a "widget" (Elementor: ``elementor-widget-text-editor``,
#: SiteOrigin: ``so-panel widget widget_sow-editor``), and their call-to-action component a
#: "cta" (``elementor-cta``: a title, a description and a button, which builders' pages use for
#: any card: a listing's items, a service's offers); in a class attribute that carries one of
#: their names these words name no sidebar and no subscribe box. Their other words still count
#: (``elementor-widget-share-buttons`` is a share bar, a builder's ``newsletter`` box a subscribe
#: box). Measured for "cta" (issue #13, session 9): one page better on all six sets (wcxb-dev
#: 4627, a listing of trail cards, +0.797), none worse: one site's evidence. HubSpot's CMS wraps
#: every module in ``hs_cos_wrapper hs_cos_wrapper_widget`` inside a drag-and-drop cell
#: ``widget-span widget-type-custom_widget``, where "widget" read as a sidebar and took a service
#: page's sections after the first (issue #13, session 12): 4 pages better on the five scored
#: sets, none worse (wcxb-dev 0719 +0.039, 0047 +0.048 and the same two URLs in wceb2026-dev;
#: 16 pages of the shared sets carry the wrapper, two of them scrapinghub's, whose output is
#: unchanged). ``widget-span`` is on every HubSpot cell, a sidebar's too: such a sidebar goes
#: only by its other words or by the region.
BUILDER_PREFIXES = (
    "elementor", "so-", "siteorigin", "panel-", "fl-", "et_pb", "vc_", "wpb_",
    "hs_cos_wrapper", "widget-span",
)
BUILDER_NEUTRAL_WORDS = frozenset({"widget", "widgets", "cta"})

#: WordPress's post and body classes name the post's categories and tags as classes of its
#: wrapper (``post-12 type-post status-publish hentry category-copyright tag-ads``): a
#: ``category-``/``tag-`` class there names what the story is about, not what the box is, and read
#: as words it made a story filed under "copyright" or "navigation" furniture, lost whole beside
#: a box of the same size (review of session 14). Read so only beside one of the post class's own
#: signs, so that a theme's ``tag-list`` or ``category-menu`` keeps its words.
TAXONOMY_PREFIXES = ("category-", "tag-")
#: The signs are matched whole, as WordPress writes them (a theme's ``type-large`` or
#: ``status-bar`` is no sign: review of session 14).
TAXONOMY_SIGNS = re.compile(r"hentry|type-(?:post|page)|status-publish|post(?:id)?-\d+")

_SPLIT = compile_pattern(r"[\s_\-.:]+|(?<=\p{Ll})(?=\p{Lu})")
#: The hash a CSS-modules build appends to every class name (``Accordion_item__adF2E``,
#: ``table_root__adKqa``: two underscores, then five or six letters and digits, mixed case or
#: with a digit): no words, though its camelCase humps can read as one ("ad" + "F2E"). Measured
#: (issue #13, session 9): a documentation page's tables and an FAQ's answers came back (wcxb-dev
#: 0686 +0.084, 0823 +0.132; wceb2026-dev 0686 +0.084, 0823 -0.008, whose older truth leaves
#: the answers out); no other page on the six sets moves.
_CSS_MODULE_HASH = compile_pattern(
    r"__(?=[A-Za-z0-9]{0,5}[A-Z0-9])(?=[A-Za-z0-9]{0,5}[a-z])[A-Za-z0-9]{5,6}$"
)

# whole class/id values (lower case, as written) -> concept, tried before the parts
_WHOLE: dict[str, str] = {}
_PART: dict[str, str] = {}
#: Words that name their concept only at the start of a class: ``hidden`` and ``hidden-1rq27kw``
#: (a responsive variant shown on another screen size) hide the element, but
#: ``field--label-hidden`` (Drupal) hides only its label.
LEADING_ONLY_WORDS = frozenset({"hidden"})
_LEADING = tuple(LEADING_ONLY_WORDS)
for _concept, _words in TOKEN_CONCEPTS.items():
    for _word in _words:
        _WHOLE[_word] = _concept
        if "-" not in _word and "_" not in _word and _word not in LEADING_ONLY_WORDS:
            _PART[_word] = _concept


#: (the stdlib engine: for an alternation of plain words it finds the same matches as ``regex``,
#: three times faster, and it is linear in the token, so it needs no timeout)
_HYPHENATED = re.compile(
    "|".join(re.escape(k) for k in sorted(_WHOLE, key=len, reverse=True) if "-" in k or "_" in k)
)


#: Most cached answers name no concept, or one: they share these objects rather than each
#: holding a copy that the garbage collector walks at every collection (after the 181 scrapinghub
#: pages: 110k tracked objects, 87k of them the caches' frozensets and tuples; 53k when shared).
NO_CONCEPTS: frozenset[str] = frozenset()
NO_CONCEPTS_PAIR: tuple[frozenset[str], bool] = (NO_CONCEPTS, False)
_EMBED_ONLY_PAIR: tuple[frozenset[str], bool] = (NO_CONCEPTS, True)

_Answer = TypeVar("_Answer", frozenset[str], tuple[frozenset[str], bool])
#: One shared object per distinct answer of the concept caches (a set of concepts, or a set and
#: a flag). The caches below and the container cache of the walk hold tens of thousands of
#: entries on a long run (class strings are often unique to a page), and an answer object of its
#: own per entry is a container the garbage collector tracks and visits at every full collection
#: (~15,000 of them after the 181 scrapinghub pages). The distinct answers are a few dozen
#: combinations of the concepts; the bound only caps memory on inputs nobody foresaw.
_SHARED_ANSWERS: dict[object, object] = {}
_SHARED_ANSWERS_MAX = 4096


def shared_answer(answer: _Answer) -> _Answer:
    """``answer``, or the equal answer met before (see :data:`_SHARED_ANSWERS`)."""
    known = _SHARED_ANSWERS.get(answer)
    if known is not None:
        return known  # type: ignore[return-value]
    if len(_SHARED_ANSWERS) < _SHARED_ANSWERS_MAX:
        _SHARED_ANSWERS[answer] = answer
    return answer
_ONE_CONCEPT = {concept: frozenset((concept,)) for concept in {*_WHOLE.values(), *_PART.values()}}
_ONE_CONCEPT_PAIR = {
    (concept, flag): (one, flag) for concept, one in _ONE_CONCEPT.items() for flag in (False, True)
}


#: Class strings repeat across the pages of one site and of one CMS (``entry-content``,
#: ``elementor-widget-container``), so a cache shared by all pages pays off; the function is pure
#: and lru_cache is thread-safe, and its bound keeps a long-running process from growing.
@lru_cache(maxsize=65536)
def concepts_of(attr_value: str) -> frozenset[str]:
    """The concepts named by a class/id/role string."""
    found: set[str] = set()
    embed = False
    tokens = without_taxonomy(attr_value.split())
    builder = any(token.lower().startswith(BUILDER_PREFIXES) for token in tokens)
    for token in tokens:
        token_found, token_embed = _token_concepts(token, builder)
        found |= token_found
        embed = embed or token_embed
    if embed:
        found.discard("share")
    if not found:
        return NO_CONCEPTS
    return _ONE_CONCEPT[next(iter(found))] if len(found) == 1 else shared_answer(frozenset(found))


def without_taxonomy(tokens: list[str]) -> list[str]:
    """``tokens`` without the category and tag classes of a post (:data:`TAXONOMY_PREFIXES`)."""
    if len(tokens) < 2 or not any(TAXONOMY_SIGNS.fullmatch(t.lower()) for t in tokens):
        return tokens
    return [t for t in tokens if not t.lower().startswith(TAXONOMY_PREFIXES)]


#: Whole class strings are often unique to a page (``post-1234 tag-x``), their words are not:
#: each word is read once per process, and a new class string only joins cached answers.
@lru_cache(maxsize=65536)
def _token_concepts(token: str, builder: bool) -> tuple[frozenset[str], bool]:
    """The concepts one whitespace-free token names, and whether it names an embedded post.

    ``builder``: the class attribute carries a page builder's name (its "widget" is neutral).
    """
    found: set[str] = set()
    if "__" in token:
        token = _CSS_MODULE_HASH.sub("", token)
    low = token.lower()
    if builder and low in BUILDER_NEUTRAL_WORDS:
        return NO_CONCEPTS_PAIR
    embed = low in EMBED_WORDS
    whole = _WHOLE.get(low)
    if whole is not None:
        return _ONE_CONCEPT_PAIR[whole, embed]
    if "-" in low or "_" in low:  # every hyphenated word holds one of them
        for match in _HYPHENATED.finditer(low):
            found.add(_WHOLE[match.group()])
    if low.startswith(_LEADING):
        leading = _SPLIT.split(low, maxsplit=1)[0]
        if leading in LEADING_ONLY_WORDS:
            found.add(_WHOLE[leading])
    # Most tokens are one plain lower-case word ("container", "row"): nothing to split at (no
    # separator, and no upper-case letter for a camelCase hump), so the regex is not needed.
    plain = (
        token == low
        and token.isascii()
        and "-" not in token
        and "_" not in token
        and "." not in token
        and ":" not in token
    )
    for part in (token,) if plain else _SPLIT.split(token):
        low_part = part.lower()
        if builder and low_part in BUILDER_NEUTRAL_WORDS:
            continue
        embed = embed or low_part in EMBED_WORDS
        concept = _PART.get(low_part)
        if concept is not None:
            found.add(concept)
    if not found:
        return NO_CONCEPTS_PAIR if not embed else _EMBED_ONLY_PAIR
    if len(found) == 1:
        return _ONE_CONCEPT_PAIR[next(iter(found)), embed]
    return shared_answer((shared_answer(frozenset(found)), embed))


# --- A container's concepts, as the walk reads them -------------------------------------


def marker_concepts(marker: str, furniture: bool) -> tuple[frozenset[str], bool]:
    """A container's concepts (without ``article``) and whether its markup says "article body".

    The walk (:mod:`newsclean.blocks.html`) reads it through :data:`CONTAINER_ANSWERS` (cached
    across pages like :func:`concepts_of`: containers repeat the same few markers).
    """
    concepts = concepts_of(marker) if marker else NO_CONCEPTS
    if furniture:
        concepts = shared_answer(concepts | {"navigation"})
    if not concepts:
        return NO_CONCEPTS_PAIR  # shared (see NO_CONCEPTS)
    # (shared answers: one object per distinct answer, not one per cached class string)
    if "article" not in concepts:
        return shared_answer((concepts, False))
    return shared_answer((shared_answer(concepts - {"article"}), True))


#: :func:`marker_concepts` of the containers the walk met, by marker: for containers whose tag or
#: role is furniture, and for the others. Bounded like the other concept caches (a long run meets
#: many one-page class strings): when one is full it is emptied and fills again.
_MarkerAnswers = dict[str, tuple[frozenset[str], bool]]
CONTAINER_ANSWERS: tuple[_MarkerAnswers, _MarkerAnswers] = ({}, {})
CONTAINER_ANSWERS_MAX = 65536


def file_marker_concepts(known: _MarkerAnswers, marker: str, furniture: bool) -> tuple[frozenset[str], bool]:
    """:func:`marker_concepts`, filed in ``known`` (one of :data:`CONTAINER_ANSWERS`)."""
    answer = marker_concepts(marker, furniture)
    if len(known) >= CONTAINER_ANSWERS_MAX:
        known.clear()
    known[marker] = answer
    return answer


# --- Where an element sits: the walk's concept decision, as metadata reads it ---------------

#: What an element's class and id say about where it sits (bits of :func:`place_of`): in a
#: reader thread (never the article's date or byline), in a region beside the article (related
#: stories, a subscribe box, a sidebar: a date there only under a label), in a footer (beside the
#: article unless it is the article's own).
PLACE_COMMENTS, PLACE_BESIDE, PLACE_FOOTER = 1, 2, 4
#: The furniture concepts whose boxes sit beside the article and may show a labelled date.
BESIDE_CONCEPTS = frozenset({"related", "subscribe"})
#: Words of the ``navigation`` concept that name a region beside the article, not a menu (the
#: rest of that concept, "meta", "byline", "dateline", "timestamp", names where the article's
#: own date is printed), and those that name a footer.
BESIDE_WORDS = frozenset({"sidebar"})
FOOTER_WORDS = frozenset({"footer", "footers", "site-footer", "sitefooter"})


@lru_cache(maxsize=65536)
def place_of(marker: str) -> int:
    """Where a class/id string puts its element (:data:`PLACE_COMMENTS`, :data:`PLACE_BESIDE`,
    :data:`PLACE_FOOTER` or'ed; 0: nothing said), decided by :func:`concepts_of`, the block
    walk's own reading of the same words."""
    concepts = concepts_of(marker)
    place = 0
    if "comments" in concepts:
        place |= PLACE_COMMENTS
    if not BESIDE_CONCEPTS.isdisjoint(concepts):
        place |= PLACE_BESIDE
    if "navigation" in concepts:
        words = set(_marker_words(marker))
        if not BESIDE_WORDS.isdisjoint(words):
            place |= PLACE_BESIDE
        if not FOOTER_WORDS.isdisjoint(words):
            place |= PLACE_FOOTER
    return place


#: Words that name a site's small print (a disclaimer, a copyright notice). Such a box
#: is furniture with all it holds: content management systems wrap each of its paragraphs in a
#: neutral text box of its own (``cmp-richtext`` inside ``richtext cmp-richtext--disclaimer``),
#: and that box, not the named one, then held the page's most concentrated prose: an index
#: fund's page whose own text is many short sections (wcxb-dev 4506, issue #13 session 14).
SMALL_PRINT_WORDS = frozenset({"disclaimer", "disclaimers", "copyright"})


@lru_cache(maxsize=65536)
def names_small_print(marker: str) -> bool:
    """Whether a class/id string names a site's small print (:data:`SMALL_PRINT_WORDS`)."""
    return any(word in SMALL_PRINT_WORDS for word in _marker_words(marker))


def _marker_words(marker: str) -> Iterator[str]:
    """The words of a class/id string as :func:`concepts_of` reads them: each token and its parts
    (:func:`_token_words`), a post's category and tag classes left out (:func:`without_taxonomy`)."""
    for token in without_taxonomy(marker.split()):
        yield from _token_words(token)


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[str, ...]:
    """A token and its parts, lower case, as :func:`_token_concepts` reads them.

    A tuple of strings, not a frozenset: the garbage collector stops tracking such a tuple, and
    this cache keeps one per distinct token (~1,500 after the 181 scrapinghub pages)."""
    low = token.lower()
    return (low, *(part.lower() for part in _SPLIT.split(token) if part))
