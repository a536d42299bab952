"""The alt-text rule judges line shape: which neighbouring lines are alt text and caption."""

from __future__ import annotations

import newsclean

PARAGRAPH = (
    "The council approved the budget on Tuesday after a long debate about the cost of the new "
    "swimming pool, which will open in the spring of next year if the builders keep to the plan."
)


def _removed_by_rule(lines: list[str]) -> list[str]:
    text = "\n".join([PARAGRAPH, *lines, PARAGRAPH.replace("Tuesday", "Wednesday")])
    doc = newsclean.clean(text, input_format="text")
    return [r.text for r in doc.removed if r.rule == "alt-text"]


def test_alt_glued_to_its_credit_goes_with_the_caption() -> None:
    alt = "The new pool seen from the park last week."
    assert _removed_by_rule([alt, alt + "Credit...Ann Lee"]) == [alt, alt + "Credit...Ann Lee"]


def test_alt_behind_a_gallery_counter_goes_with_the_caption() -> None:
    alt = "Builders at work on the roof of the pool"
    assert _removed_by_rule([alt, "3of12" + alt]) == [alt, "3of12" + alt]


def test_alt_repeated_alone_as_the_caption_goes_with_it() -> None:
    alt = "Builders at work on the roof of the pool"
    assert _removed_by_rule([alt, alt]) == [alt, alt]


def test_three_copies_in_a_row_all_go() -> None:
    alt = "Builders at work on the roof of the pool"
    assert _removed_by_rule([alt, alt, alt]) == [alt, alt, alt]


def test_heading_over_a_paragraph_opening_with_it_stays() -> None:
    heading = "Infrastructure as a service"
    assert _removed_by_rule([heading, heading + " gives on-demand access to servers."]) == []


def test_product_name_over_a_longer_model_name_stays() -> None:
    name = "Garmin Forerunner 165 watch"
    assert _removed_by_rule(["Garmin Forerunner 165", "Garmin Forerunner 165S watch"]) == []
    assert _removed_by_rule([name, name + "s compared"]) == []
