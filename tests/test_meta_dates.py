"""parse_date and parse_dateline: formats, languages, zones, and the hostile cases."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsclean.meta.datelines import DatelineMemo, parse_dateline, parse_datelines, parse_posted
from newsclean.meta.dates import parse_date, scan
from newsclean.meta.datewords import month_table
from newsclean.meta.zones import us_dst

NOW = datetime(2021, 1, 1, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def tz(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


# Each expected value is written from the calendar by hand, not copied from output.
CASES = [
    # ISO 8601 and RFC 2822
    ("2020-07-08", date(2020, 7, 8)),
    ("20200708", date(2020, 7, 8)),
    ("2020-07-08T23:03:00.000Z", datetime(2020, 7, 8, 23, 3, tzinfo=UTC)),
    ("2020-07-08T23:03:00+0300", datetime(2020, 7, 8, 23, 3, tzinfo=tz(3))),
    ("2020-07-08T23:03:00-05:00", datetime(2020, 7, 8, 23, 3, tzinfo=tz(-5))),
    ("2020-07-08 23:03", datetime(2020, 7, 8, 23, 3)),
    ("2020-07-08T23:03:07.123456", datetime(2020, 7, 8, 23, 3, 7, 123456)),
    ("Wed, 08 Jul 2020 23:03:00 +0000", datetime(2020, 7, 8, 23, 3, tzinfo=UTC)),
    ("Wed, 08 Jul 2020 23:03:00 GMT", datetime(2020, 7, 8, 23, 3, tzinfo=UTC)),
    # the seed's glued dateline: GMT is the zone, 08 the day
    ("23:03 GMT08 July 2020", datetime(2020, 7, 8, 23, 3, tzinfo=UTC)),
    # GMT+3 means three hours east of Greenwich (no POSIX sign flip)
    ("14:20 GMT+3 8 July 2020", datetime(2020, 7, 8, 14, 20, tzinfo=tz(3))),
    ("8 July 2020 14:20 (GMT-4)", datetime(2020, 7, 8, 14, 20, tzinfo=tz(-4))),
    ("8 July 2020 14:20 UTC-5", datetime(2020, 7, 8, 14, 20, tzinfo=tz(-5))),
    ("8 July 2020 14:20 UTC+05:30", datetime(2020, 7, 8, 14, 20, tzinfo=tz(5.5))),
    # English, 12-hour times, zone abbreviations (ET follows US daylight saving)
    ("July 8, 2020 at 2:20 PM EDT", datetime(2020, 7, 8, 14, 20, tzinfo=tz(-4))),
    ("July 8, 2020 2:20 p.m. ET", datetime(2020, 7, 8, 14, 20, tzinfo=tz(-4))),
    ("January 8, 2020 12:05 AM ET", datetime(2020, 1, 8, 0, 5, tzinfo=tz(-5))),
    ("Jan. 8th, 2020, 9:00 am PT", datetime(2020, 1, 8, 9, 0, tzinfo=tz(-8))),
    ("8 July 2020 10:00 CEST", datetime(2020, 7, 8, 10, 0, tzinfo=tz(2))),
    ("8 July 2020 10:00 BST", datetime(2020, 7, 8, 10, 0, tzinfo=tz(1))),
    ("8 July 2020 10:00 JST", datetime(2020, 7, 8, 10, 0, tzinfo=tz(9))),
    ("8 July 2020 10:00 IST", datetime(2020, 7, 8, 10, 0, tzinfo=tz(5.5))),
    ("Wednesday, 8th of July 2020", date(2020, 7, 8)),
    # German, French, Spanish, Italian, Portuguese, Dutch
    ("Mittwoch, 8. Juli 2020, 14:20 Uhr", datetime(2020, 7, 8, 14, 20)),
    ("8. März 2020", date(2020, 3, 8)),
    ("8. Maerz 2020", date(2020, 3, 8)),
    ("le mercredi 8 juillet 2020 à 14h20", datetime(2020, 7, 8, 14, 20)),
    ("1er février 2020", date(2020, 2, 1)),
    ("8 de julio de 2020, 09h15", datetime(2020, 7, 8, 9, 15)),
    ("1 luglio 2020 ore 10:30", datetime(2020, 7, 1, 10, 30)),
    ("3 de março de 2020 às 10h30", datetime(2020, 3, 3, 10, 30)),
    ("8 maart 2020 om 14:20", datetime(2020, 3, 8, 14, 20)),
    # Russian, Ukrainian, Polish, Turkish
    ("8 июля 2020 г., 14:20 (МСК)", datetime(2020, 7, 8, 14, 20, tzinfo=tz(3))),
    ("8 липня 2020 року", date(2020, 7, 8)),
    ("8 października 2020", date(2020, 10, 8)),
    ("8 pazdziernika 2020", date(2020, 10, 8)),
    ("08 Temmuz 2020 14:20", datetime(2020, 7, 8, 14, 20)),
    ("8 Ağustos 2020", date(2020, 8, 8)),
    # Chinese, Japanese, Korean
    ("2020年7月8日 14:20", datetime(2020, 7, 8, 14, 20)),
    ("2020年7月8日 14时20分", datetime(2020, 7, 8, 14, 20)),
    ("2020年07月08日 下午2:20", datetime(2020, 7, 8, 14, 20)),
    ("2020년 7월 8일", date(2020, 7, 8)),
    # numeric orders
    ("08.07.2020", date(2020, 7, 8)),  # dot: day first
    ("08-07-2020", date(2020, 7, 8)),  # dash with the year last: day first
    ("07/08/2020", date(2020, 7, 8)),  # slash, ambiguous: month first
    ("13/08/2020", date(2020, 8, 13)),  # 13 cannot be a month
    ("08/13/2020", date(2020, 8, 13)),
    ("2020/07/08", date(2020, 7, 8)),
    ("2020.07.08", date(2020, 7, 8)),
    ("08.07.20", date(2020, 7, 8)),
    ("08.07.2020 09h15", datetime(2020, 7, 8, 9, 15)),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_date(text: str, expected: date) -> None:
    value = parse_date(text, now=NOW)
    assert value == expected
    # datetime == datetime ignores how the zone is stored; check awareness and offset too.
    assert type(value) is type(expected)
    if isinstance(expected, datetime):
        assert isinstance(value, datetime)
        assert value.utcoffset() == expected.utcoffset()


def test_dayfirst_resolves_slashes() -> None:
    assert parse_date("07/08/2020", now=NOW, dayfirst=True) == date(2020, 8, 7)
    assert parse_date("07.08.2020", now=NOW, dayfirst=False) == date(2020, 7, 8)


@pytest.mark.parametrize(
    "text",
    [
        "2030-01-01",  # future
        "8 July 2031",
        "© 2019",  # a copyright year is not a day
        "Copyright 2019 Example Media",
        "July 2020",  # no day: nothing invented
        "8 July",  # no year
        "1985-05-05",  # implausibly old for a web page
        "2020-13-45",
        "31.02.2020",
        "version 1.2.3",
        "192.168.10.20",
        "",
        "The summit took place on 8 July 2020 in Tokyo and ended the next day.",
        "2 hours ago",  # relative, but no now= given
        "yesterday",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    now = None if text in ("2 hours ago", "yesterday") else NOW
    assert parse_date(text, now=now) is None


def test_future_check_uses_real_clock_by_default() -> None:
    next_year = datetime.now(timezone.utc).year + 2
    assert parse_date(f"{next_year}-01-01") is None
    assert parse_date("2020-07-08") == date(2020, 7, 8)


def test_one_day_of_slack_for_zones() -> None:
    tomorrow = (NOW + timedelta(days=1)).date()
    assert parse_date(tomorrow.isoformat(), now=NOW) == tomorrow
    assert parse_date((NOW + timedelta(days=3)).date().isoformat(), now=NOW) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 hours ago", datetime(2021, 1, 1, 10, 0, tzinfo=UTC)),
        ("vor 3 Stunden", datetime(2021, 1, 1, 9, 0, tzinfo=UTC)),
        ("il y a 5 minutes", datetime(2021, 1, 1, 11, 55, tzinfo=UTC)),
        ("hace 2 días", date(2020, 12, 30)),
        ("3 дня назад", date(2020, 12, 29)),
        ("2小时前", datetime(2021, 1, 1, 10, 0, tzinfo=UTC)),
        ("yesterday", date(2020, 12, 31)),
        ("вчера, 14:20", datetime(2020, 12, 31, 14, 20)),
        ("昨天", date(2020, 12, 31)),
        ("Yesterday at 2:20 PM EST", datetime(2020, 12, 31, 14, 20, tzinfo=tz(-5))),
    ],
)
def test_relative_dates_need_now(text: str, expected: date) -> None:
    assert parse_date(text, now=NOW) == expected
    assert parse_date(text) is None


def test_us_dst_boundaries() -> None:
    assert not us_dst(date(2020, 3, 7)) and us_dst(date(2020, 3, 8))  # 2nd Sunday of March
    assert us_dst(date(2020, 10, 31)) and not us_dst(date(2020, 11, 1))  # 1st Sunday of Nov
    assert us_dst(date(2005, 4, 3)) and not us_dst(date(2005, 4, 2))  # old rule: 1st Sun Apr


def test_month_words_are_unambiguous() -> None:
    table = month_table()
    assert table["juli"] == table["july"] == table["июля"] == table["lipca"] == 7
    assert table["mai"] == table["may"] == table["mei"] == 5


# --- datelines ----------------------------------------------------------------------------


def test_seed_dateline() -> None:
    line = parse_dateline("23:03 GMT08 July 2020", now=NOW)
    assert line is not None
    assert line.value == datetime(2020, 7, 8, 23, 3, tzinfo=UTC)
    assert line.kind == "published" and line.label is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Published: 8 July 2020", "published", date(2020, 7, 8)),
        ("Updated: 9 July 2020 14:20 | 3 min read", "modified", datetime(2020, 7, 9, 14, 20)),
        ("Last modified on July 9, 2020", "modified", date(2020, 7, 9)),
        ("Aktualisiert am 08.07.2020, 14:20 Uhr", "modified", datetime(2020, 7, 8, 14, 20)),
        ("Veröffentlicht am 8. Juli 2020", "published", date(2020, 7, 8)),
        ("Mis à jour le 8 juillet 2020 à 14h20", "modified", datetime(2020, 7, 8, 14, 20)),
        ("Publié le 8 juillet 2020", "published", date(2020, 7, 8)),
        ("Actualizado: 8 de julio de 2020", "modified", date(2020, 7, 8)),
        ("Pubblicato il 8 luglio 2020", "published", date(2020, 7, 8)),
        ("Обновлено 8 июля 2020, 14:20", "modified", datetime(2020, 7, 8, 14, 20)),
        ("Опубликовано: 08.07.2020", "published", date(2020, 7, 8)),
        ("发布时间：2020-07-08 14:20", "published", datetime(2020, 7, 8, 14, 20)),
        ("更新：2020年7月9日", "modified", date(2020, 7, 9)),
        ("By Jane Doe | July 8, 2020", "published", date(2020, 7, 8)),
        ("July 8, 2020 • Reading time: 4 min", "published", date(2020, 7, 8)),
        ("Wednesday 8 July 2020", "published", date(2020, 7, 8)),
        ("14 aprile 2020 | 10:30", "published", datetime(2020, 4, 14, 10, 30)),
        ("Updated: 5 de marzo de 2020 - 14:20 CET", "modified", datetime(2020, 3, 5, 14, 20, tzinfo=tz(1))),
    ],
)
def test_parse_dateline(text: str, kind: str, value: date) -> None:
    line = parse_dateline(text, now=NOW)
    assert line is not None
    assert (line.kind, line.value) == (kind, value)


def test_published_and_updated_on_one_line() -> None:
    lines = parse_datelines("Published 8 July 2020 | Updated 9 July 2020 14:20", now=NOW)
    assert [(d.kind, d.value) for d in lines] == [
        ("published", date(2020, 7, 8)),
        ("modified", datetime(2020, 7, 9, 14, 20)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting took place on 8 July 2020 in Tokyo.",
        "Putin visited Japan on December 15, 2016 and met Abe.",
        "Copyright © 2019 Example Media. All rights reserved.",
        "Updated: 8 July 2031",  # future
        "In 2016 the two leaders agreed to instruct key strategists.",
        "Listen Live",
        "",
    ],
)
def test_parse_dateline_rejects(text: str) -> None:
    assert parse_dateline(text, now=NOW) is None


def test_a_word_in_the_month_place_that_is_no_month_is_passed_over() -> None:
    # "Vol 3, 2020" has the shape of "July 3, 2020"; the month place takes any word and the
    # reader keeps only a month, so the date after it is found.
    found = scan("Vol 3, 2020, July 9, 2020")
    assert found is not None and found.value == date(2020, 7, 9)
    found = scan("Nr. 3, 2020 - 9. Juli 2020")
    assert found is not None and found.value == date(2020, 7, 9)
    # upper case and an abbreviation with its dot are still months
    assert parse_date("8 JUL. 2020") == date(2020, 7, 8)
    assert parse_date("MÄRZ 5, 2021") == date(2021, 3, 5)


def test_relative_dates_read_after_absolute_ones_in_the_same_process() -> None:
    # the relative patterns are compiled on first use; reading them does not depend on order
    now = datetime(2020, 7, 8, 12, 0, tzinfo=timezone.utc)
    assert parse_date("8 July 2020", now=now) == date(2020, 7, 8)
    assert parse_date("2 hours ago", now=now) == datetime(2020, 7, 8, 10, 0, tzinfo=timezone.utc)
    assert parse_date("gestern", now=now) == date(2020, 7, 7)


# --- "posted on" sentences --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (
            "This entry was posted on Saturday, December 3rd, 2011 at 12:00 pm and is filed under News.",
            "published",
            datetime(2011, 12, 3, 12, 0),
        ),
        (
            "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 14:20 Uhr veröffentlicht und unter "
            "Politik abgelegt.",
            "published",
            datetime(2011, 12, 3, 14, 20),
        ),
        ("Cet article a été publié le 5 mars 2019 dans Actualités.", "published", date(2019, 3, 5)),
        ("Guide/Download (last edited 2019-11-10 13:28:18 by Jane)", "modified", datetime(2019, 11, 10, 13, 28, 18)),
    ],
)
def test_parse_posted(text: str, kind: str, value: date) -> None:
    assert parse_posted(text, now=NOW) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "Posted in News | 3 comments",  # a verb, no date
        "Filed under 3 December 2011",  # a date, no verb
        "Posted on the 2011 report",  # a year alone is no day
        "Published in 1987 under a pseudonym on 3 May 1987",  # before MIN_YEAR
    ],
)
def test_parse_posted_rejects(text: str) -> None:
    assert parse_posted(text, now=NOW) is None


def test_dateline_memo_keeps_apart_what_the_parse_reads() -> None:
    # One memo per page; a text read again under other parameters is parsed again.
    memo = DatelineMemo()
    later = NOW + timedelta(days=1)
    paris = NOW.astimezone(timezone(timedelta(hours=1)))  # the same instant, another zone
    assert memo.datelines("Updated 3 hours ago", now=NOW)[0].value == datetime(2021, 1, 1, 9, 0, tzinfo=timezone.utc)
    assert memo.datelines("Updated 3 hours ago", now=later)[0].value == datetime(2021, 1, 2, 9, 0, tzinfo=timezone.utc)
    assert memo.datelines("Updated 3 hours ago", now=paris)[0].value.utcoffset() == timedelta(hours=1)
    assert memo.datelines("Updated 3 hours ago") == ()  # no clock: no relative date
    assert memo.datelines("03/04/2020 10:00", now=NOW)[0].value == datetime(2020, 3, 4, 10, 0)
    assert memo.datelines("03/04/2020 10:00", now=NOW, dayfirst=True)[0].value == datetime(2020, 4, 3, 10, 0)
    # A repeat gives the very tuple parsed the first time.
    first = memo.datelines("Published 8 July 2020 | Updated 9 July 2020 14:20", now=NOW)
    assert memo.datelines("Published 8 July 2020 | Updated 9 July 2020 14:20", now=NOW) is first
    assert memo.label("Last updated:") == ("modified", "Last updated")
    assert memo.label("Last updated:") == ("modified", "Last updated")
    assert memo.label("Breaking news") is None


# --- a labelled month without its day ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        # the first of the month, as htmldate reads a month-precision date (checked by hand)
        ("Last Updated: June 2020", "modified", date(2020, 6, 1)),
        ("Updated Jun. 2020", "modified", date(2020, 6, 1)),
        ("Published: March, 2019", "published", date(2019, 3, 1)),
        ("Stand: Juni 2020", "modified", date(2020, 6, 1)),
        ("Zuletzt aktualisiert: Dezember 2020", "modified", date(2020, 12, 1)),
        ("Mis à jour : juin 2020", "modified", date(2020, 6, 1)),
        ("Publicado en marzo de 2019", "published", date(2019, 3, 1)),
        ("Обновлено: июнь 2020", "modified", date(2020, 6, 1)),
        ("最終更新 2020年6月", "modified", date(2020, 6, 1)),
    ],
)
def test_labelled_month_without_day(line: str, kind: str, value: date) -> None:
    found = parse_datelines(line, now=NOW, months=True)
    assert len(found) == 1
    assert (found[0].kind, found[0].value, found[0].precision) == (kind, value, "month")


@pytest.mark.parametrize(
    "line",
    [
        "June 2020",  # no label: an archive heading or a story's subject as often as a date
        "Updated: June 2030",  # after NOW: no date from the future
        "Last updated: June 2020 by the editors of the health desk",  # more than a dateline
        "Updated: 06/2020",  # numeric month and year: too often a card's expiry or an issue
        "© June 2020 Example Media",  # a copyright line has no label
    ],
)
def test_labelled_month_rejects(line: str) -> None:
    assert parse_datelines(line, now=NOW, months=True) == ()


def test_month_only_when_asked_and_never_over_a_day() -> None:
    # without months=True (every markup reader) a month is no dateline
    assert parse_datelines("Last Updated: June 2020", now=NOW) == ()
    # a whole day on the line is read as a day, with its day precision
    found = parse_datelines("Last Updated: 12 June 2020", now=NOW, months=True)
    assert [(f.value, f.precision) for f in found] == [(date(2020, 6, 12), "day")]
    memo = DatelineMemo()
    assert memo.datelines("Updated: June 2020", now=NOW) == ()
    assert memo.datelines("Updated: June 2020", now=NOW, months=True)[0].value == date(2020, 6, 1)


def test_lines_skipped_before_the_parse_are_only_those_that_cannot_hold_a_date() -> None:
    # a relative date has no digit: read when there is a ``now`` to count from, else not
    assert [(f.kind, f.value) for f in parse_datelines("Updated yesterday", now=NOW)] == [
        ("modified", date(2020, 12, 31))
    ]
    assert [f.value for f in parse_datelines("Aktualisiert gestern", now=NOW)] == [date(2020, 12, 31)]
    assert parse_datelines("Updated yesterday") == ()
    # without ``now``: a day, and a labelled month, are read through the non-breaking spaces
    # and the Nordic clock dot that normalising rewrites
    found = parse_datelines("Julkaistu 2.9.2020 klo 12.45")
    assert [f.value for f in found] == [datetime(2020, 9, 2, 12, 45)]
    found = parse_datelines("Last Updated:\u00a0June\u00a02020", months=True)
    assert [(f.kind, f.value, f.precision) for f in found] == [("modified", date(2020, 6, 1), "month")]
    # a label with a month but no year, and a line with no digit, give nothing
    assert parse_datelines("Last Updated: June", months=True) == ()
    assert parse_datelines("Updated: June 20", months=True) == ()
