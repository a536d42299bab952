"""One vocabulary of page regions for the block walk and for metadata (blocks/tokens.py)."""

from __future__ import annotations

import re

from newsclean.blocks.tokens import BOILERPLATE_CONCEPTS, METADATA_ONLY_STEMS, REGION_STEMS, TOKEN_CONCEPTS
from newsclean.meta.tree import IN_ARTICLE, IN_COMMENTS, IN_OTHER, region_of
from newsclean.rules import FAMILIES


def test_metadata_region_stems_are_stems_of_the_block_walk_words() -> None:
    for concept, stems in REGION_STEMS.items():
        assert concept in TOKEN_CONCEPTS
        for stem in stems:
            if stem in METADATA_ONLY_STEMS:
                continue
            words = [w for w in TOKEN_CONCEPTS[concept] if re.match(stem, w)]
            assert words, f"{stem!r} starts no {concept} word of TOKEN_CONCEPTS"
    assert METADATA_ONLY_STEMS <= {s for stems in REGION_STEMS.values() for s in stems}


def test_boilerplate_concepts_are_the_rule_families_of_markup() -> None:
    assert "article" not in BOILERPLATE_CONCEPTS
    assert BOILERPLATE_CONCEPTS <= set(FAMILIES)


def test_a_content_hiding_widget_is_no_furniture_and_no_navigation() -> None:
    from newsclean.blocks.tokens import concepts_of

    assert "disclosure" not in BOILERPLATE_CONCEPTS
    # the panel word and the menu word beside it are read apart (issue #13)
    assert concepts_of("accordion-item__dropdown") == {"disclosure", "navigation"}
    assert concepts_of("tab-pane hidden") == {"disclosure", "navigation"}
    assert concepts_of("mainMenu dropdown") == {"navigation"}
    assert concepts_of("table-wrapper") == frozenset()  # "tab" is a whole word, not a prefix


def test_metadata_reads_the_regions_by_the_shared_stems() -> None:
    import lxml.html

    page = lxml.html.fromstring(
        "<html><body><div class='story'><p id='a'>x</p></div>"
        "<div class='comments-area'><p id='b'>x</p></div>"
        "<div class='c-newsletter-box'><p id='c'>x</p></div>"
        "<div class='news-ticker'><p id='d'>x</p></div></body></html>"
    )
    where = {p.get("id"): region_of(p) for p in page.iter("p")}
    assert where == {"a": IN_ARTICLE, "b": IN_COMMENTS, "c": IN_OTHER, "d": IN_OTHER}
