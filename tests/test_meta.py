"""Meta-tests: the pipeline, its fixtures and its documentation stay in step."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from conftest import load_cases

import newsclean
from newsclean.cli import build_parser
from newsclean.rules import FAMILIES, RULES

ROOT = Path(__file__).resolve().parent.parent


def _fired_rules() -> set[str]:
    fired: set[str] = set()
    for case in load_cases("text", "html"):
        doc = newsclean.clean(
            case.input_path.read_bytes(),
            url=case.spec.get("url"),
            input_format=case.spec.get("input_format", "auto"),
        )
        fired.update(r.rule for r in doc.removed)
    return fired


def _script(name: str) -> Any:
    """``scripts/<name>.py`` loaded as a module (with ``scripts/`` on the path, as when it runs)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def test_every_rule_fires_in_some_golden_fixture() -> None:
    never = sorted({rule.name for rule in RULES} - _fired_rules())
    assert not never, f"rules with no golden fixture where they fire: {never}"


def test_rules_doc_is_generated_from_the_pipeline() -> None:
    module = _script("gen_rules_doc")
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == module.render(), (
        "docs/rules.md is stale: run python scripts/gen_rules_doc.py"
    )


def test_prefilter_shapes_are_generated_from_the_packs() -> None:
    # the table a fresh process reads instead of parsing every pack source: one entry per source,
    # each what the parser reads from it now
    module = _script("gen_prefilter_shapes")
    from newsclean import prefilter_shapes

    stale = "src/newsclean/prefilter_shapes.py is stale: run python scripts/gen_prefilter_shapes.py"
    if tuple(sys.version_info[:2]) != prefilter_shapes.PYTHON:
        # another Python's parser may read a source into another (equally sound) shape; what must
        # hold everywhere is one entry per source of the packs
        assert set(prefilter_shapes.SHAPES) == module.pack_sources(), stale
        return
    table = ROOT / "src" / "newsclean" / "prefilter_shapes.py"
    assert table.read_text(encoding="utf-8") == module.render(), stale


def test_the_phrase_table_is_generated_from_the_packs() -> None:
    # the labels a fresh process loads instead of normalising every pack's labels
    module = _script("gen_phrase_table")
    from newsclean.phrases import LABEL_FAMILY, read_labels

    stale = "src/newsclean/phrase_table.py is stale: run python scripts/gen_phrase_table.py"
    assert LABEL_FAMILY == read_labels(), stale
    assert (ROOT / "src" / "newsclean" / "phrase_table.py").read_text(encoding="utf-8") == module.render(), stale


def test_readme_documents_every_cli_option_and_family() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for action in build_parser()._actions:
        for option in action.option_strings:
            if option.startswith("--"):
                assert option in readme, f"README.md does not document {option}"
    for family in FAMILIES:
        assert f"`{family}`" in readme, f"README.md does not list the rule family {family}"


def test_readme_quick_start_example_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "examples/sputnik-kurils.txt" in readme
    assert (ROOT / "examples" / "sputnik-kurils.txt").exists()


# --- a labelled month without its day, in the whole pipeline ----------------------------------

_STORY = "<p>" + "The council met on Tuesday and agreed the plan for the new park by the river. " * 4 + "</p>"


def test_page_whose_only_date_is_a_labelled_month() -> None:
    # "Last Updated: June 2022" after the article, no other date on the page: the update is the
    # first of that month, its source says the day was not given
    page = (
        "<html><head><title>Park plan</title></head><body><main><h1>Park plan</h1>"
        f"{_STORY}{_STORY}<div><b>Last Updated: </b>June 2022</div></main></body></html>"
    )
    doc = newsclean.clean(page, input_format="html")
    assert doc.published is None
    assert str(doc.modified) == "2022-06-01"
    assert doc.modified_source == "text:dateline:month"
    assert str(doc.date) == "2022-06-01"


def test_labelled_month_never_stands_over_a_whole_day() -> None:
    # a printed whole update day comes after the month on the page, and still wins
    page = (
        "<html><head><title>Park plan</title></head><body><main><h1>Park plan</h1>"
        f"<p>Updated: June 2022</p>{_STORY}{_STORY}<p>Updated: 14 July 2022</p></main></body></html>"
    )
    doc = newsclean.clean(page, input_format="html")
    assert str(doc.modified) == "2022-07-14"
    # and a field's day is never replaced by the month
    page = (
        '<html><head><meta property="article:modified_time" content="2022-07-02">'
        "<title>Park plan</title></head><body><main><h1>Park plan</h1>"
        f"{_STORY}{_STORY}<p>Last updated: June 2022</p></main></body></html>"
    )
    doc = newsclean.clean(page, input_format="html")
    assert str(doc.modified) == "2022-07-02"
    assert doc.modified_source == "meta:article:modified_time"


def test_labelled_month_in_text_input() -> None:
    text = f"Park plan\n\n{_STORY[3:-4]}\n\n{_STORY[3:-4]}\n\nMis à jour : juin 2022\n"
    doc = newsclean.clean(text, input_format="text")
    assert str(doc.modified) == "2022-06-01"
    assert "juin 2022" not in doc.body
