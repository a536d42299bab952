"""The metadata parsers meet arbitrary page text: they must answer, never raise."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.meta.authors import clean_authors, parse_byline
from newsclean.meta.datelines import parse_datelines
from newsclean.meta.dates import parse_date, plausible
from newsclean.meta.tags import parse_tag_line, split_tags
from newsclean.meta.title import clean_title

NOW = datetime(2021, 1, 1, tzinfo=timezone.utc)
# Text drawn from the characters dates and bylines are written with, so that the parsers'
# deeper branches are reached, plus anything else.
DATEISH = st.text(
    alphabet=st.sampled_from(list("0123456789 :/.-+,|年月日时分JulyGMTUTCByandPMam")), max_size=60
) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(DATEISH)
def test_parsers_never_raise(text: str) -> None:
    value = parse_date(text, now=NOW)
    assert value is None or plausible(value, NOW)
    for line in parse_datelines(text, now=NOW):
        assert line.kind in ("published", "modified")
        assert plausible(line.value, NOW)
    parse_byline(text)
    clean_authors([text])
    parse_tag_line(text)
    assert all(t.strip() == t and t for t in split_tags(text))
    clean_title(text, site_name=text[:5] or None)
