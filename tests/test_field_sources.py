"""The fields stage: each Document field from the first of its named sources that gives one."""

from __future__ import annotations

from datetime import date

from newsclean.blocks.model import Block
from newsclean.field_sources import FIELD_SOURCES, MOVED_PUBLISHED, choose_fields
from newsclean.meta.html import PageMeta
from newsclean.meta.page_dates import FoundDate
from newsclean.rules import Context

MOVED_DAY = (date(2020, 7, 2), "text:dateline")


def _ctx() -> Context:
    ctx = Context(blocks=[Block("x", 0)], source_format="html")
    ctx.published.append(MOVED_DAY)
    ctx.authors.append("Ann Lee")
    ctx.titles.append("Moved title")
    return ctx


def _meta(**dates: FoundDate | None) -> PageMeta:
    return PageMeta(
        title="Page title",
        authors=(),
        published=dates.get("published"),
        modified=dates.get("modified"),
        tags=(),
        site_name=None,
        url=None,
        language=None,
        description=None,
        published_guess=dates.get("guess"),
    )


def test_the_pages_own_value_comes_first_then_the_moved_lines() -> None:
    fields = choose_fields(_ctx(), _meta(published=FoundDate(date(2020, 7, 9), "time")), "https://x.test/a")
    assert fields.title == "Page title"
    assert fields.published == (date(2020, 7, 9), "time")
    assert fields.authors == ("Ann Lee",)  # the page names none: the moved byline's
    assert fields.url == "https://x.test/a"  # no canonical URL: the given one
    assert fields.tags == () and fields.categories == ()


def test_a_page_that_shows_only_an_update_takes_no_moved_publication_date() -> None:
    # (the metadata reader keeps no guess beside an update: meta.html._published)
    updated = _meta(modified=FoundDate(date(2020, 8, 4), "time"))
    fields = choose_fields(_ctx(), updated, None)
    assert fields.published is None
    assert fields.modified == (date(2020, 8, 4), "time")
    # without the update the moved dateline is the publication date, before the guess
    guessed = _meta(guess=FoundDate(date(2019, 1, 1), "image-url"))
    assert choose_fields(_ctx(), guessed, None).published == MOVED_DAY
    # and the guess when nothing else dates the page
    ctx = _ctx()
    ctx.published.clear()
    assert choose_fields(ctx, guessed, None).published == (date(2019, 1, 1), "image-url")


def test_text_input_has_only_the_moved_lines() -> None:
    fields = choose_fields(_ctx(), None, "https://x.test/a")
    assert (fields.title, fields.published, fields.authors) == ("Moved title", MOVED_DAY, ("Ann Lee",))
    assert fields.site_name is None and fields.categories == ()


def test_the_update_condition_belongs_to_one_named_source() -> None:
    assert FIELD_SOURCES["published"][1] is MOVED_PUBLISHED
    assert [s.name for s in FIELD_SOURCES["published"]] == ["page", "moved-line", "guess"]
    assert all(s.reason for sources in FIELD_SOURCES.values() for s in sources)
