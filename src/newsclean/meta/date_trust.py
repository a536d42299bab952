"""Which date wins: every source of a page's publication and modification date, in one
ordered table, most trusted first.

Each source offers its dates to :class:`~newsclean.meta.page_dates.DateCandidates` under its
:class:`Trust`; per kind (published, modified) the lowest value with a plausible date is kept,
and within one source the first date offered. One exception, decided in
:func:`~newsclean.meta.page_dates.choose_published`: the date printed beside the headline
(:data:`SHOWN`) wins over a more trusted hidden field that names another day, unless that
field is one of the visible elements marked as the publication date (:data:`MARKED`).

The gaps between the values only group the sources for reading; the order alone decides.
The order was set source by source on the dated bench sets (wceb2026-dev, wcxb-dev and
htmldate-eval-dev); the reasons say what each place holds on real pages.
"""

from __future__ import annotations

from enum import IntEnum


class Trust(IntEnum):
    """A date's source, most trusted first (lower wins)."""

    #: ``<meta>`` fields a publisher or its CMS fills for the article (Open Graph
    #: ``article:published_time``, ``itemprop``, Dublin Core, parsely, sailthru …), in the
    #: order of :data:`~newsclean.meta.fields.PUBLISHED_META` and ``MODIFIED_META``: written
    #: for machines that show the article elsewhere, so kept right.
    META = 0
    #: JSON-LD of an article type (``NewsArticle``, ``BlogPosting`` …): the same, for search engines.
    JSONLD_ARTICLE = 10
    #: Its ``dateCreated``: the CMS entry's creation, the publication when nothing else is given.
    JSONLD_ARTICLE_CREATED = 11
    #: JSON-LD of the page (``WebPage``): the page's dates, often but not always the article's.
    JSONLD_PAGE = 12
    #: Its ``dateCreated``.
    JSONLD_PAGE_CREATED = 13
    #: A date field read from JSON-LD that no parser (nor the repairs) could read whole.
    JSONLD_BROKEN = 14
    #: A visible element of the article marked ``itemprop="datePublished"``/``dateModified``.
    MICRODATA = 30
    #: A ``<time>`` of the article marked as the publication (``pubdate``, a "published"
    #: class) or the update (an "updated" class or label).
    TIME_MARKED = 40
    #: A Unix time in ``data-utime`` on an element of the article: a machine-written ``<time>``.
    UTIME = 41
    #: The first unmarked ``<time>`` outside foreign regions.
    TIME_PLAIN = 42
    #: A day in the path of the page's canonical URL (``/2020/07/08/``).
    URL_CANONICAL = 50
    #: A day in the path of the URL the caller gave.
    URL_GIVEN = 51
    #: A date in the ``datetime``/``content``/``title`` attribute of a date- or byline-classed
    #: element of the article (``<span class="updated" title="2013-04-04…">``).
    HINTED_ATTRIBUTE = 60
    #: A dateline in the text of a date- or byline-classed element of the article.
    HINTED_TEXT = 61
    #: A dateline just after or before the headline: the date the page wants readers to see
    #: (:data:`SHOWN`).
    BESIDE_HEADLINE = 62
    #: The same beside an ``<h1>`` that the title fields disown ("Contact Us" in a header):
    #: ordinary visible text.
    BESIDE_OTHER_H1 = 63
    #: A sentence in a date- or meta-classed element of the article that says when the entry
    #: was posted or edited ("This entry was posted on …", "… wurde am … veröffentlicht"):
    #: printed, but a sentence rather than a dateline.
    POSTED_SENTENCE = 64
    #: The generic ``<meta>`` names (``date``, ``dcterms.date``, a vendor's ``…publish_date``):
    #: often the page's build date. They ranked before microdata until issue 14; after the
    #: visible dates htmldate-eval-dev had 2 pages better and 1 worse, no page of wceb2026-dev
    #: or wcxb-dev changed.
    WEAK_META = 65
    #: A day in the path of the article's image (``og:image``, ``<img>``): a guess, since a
    #: photo may be older than the story; used only when the page gives no other date.
    IMAGE_URL = 66
    #: A labelled dateline ("Updated 8 July") in a sidebar or other foreign region.
    FOREIGN_LABELLED = 70
    #: schema.org ``copyrightYear``: a year only (1 January of it), the last resort.
    COPYRIGHT_YEAR = 90


#: Visible elements marked as the publication date: their day stands against the day printed
#: beside the headline.
MARKED: frozenset[Trust] = frozenset({Trust.MICRODATA, Trust.TIME_MARKED})
#: The date a reader sees beside the headline, kept apart as the *shown* publication date.
SHOWN: Trust = Trust.BESIDE_HEADLINE
