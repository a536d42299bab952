"""The pipeline's machinery: the region steps, rules as objects with declared properties, and
rules made outside the built-in pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import load_cases

import newsclean
from newsclean.blocks import html as html_blocks
from newsclean.blocks import text as text_blocks
from newsclean.blocks.parse import parse_page
from newsclean.decode import decode
from newsclean.errors import ConfigError
from newsclean.rules import HTML_REGION, PIPELINE, RULE_NAMES, TEXT_REGION, Context, Mark, Region, Rule, run

SRC = Path(__file__).resolve().parent.parent / "src" / "newsclean"


def _context(case_input: Path) -> Context:
    data = case_input.read_bytes()
    if case_input.suffix == ".txt":
        return Context(blocks=text_blocks.build_blocks(decode(data).text), source_format="text")
    root, _ = parse_page(decode(data).text)
    assert root is not None
    blocks, containers = html_blocks.build_blocks(root)
    return Context(blocks=blocks, source_format="html", containers=containers)


def _region(case_input: Path, disabled: frozenset[str]) -> Region | None:
    ctx = _context(case_input)
    run(ctx, PIPELINE, disabled)
    return ctx.region


def _after(step: object) -> frozenset[str]:
    later = PIPELINE[PIPELINE.index(step) + 1 :]  # type: ignore[arg-type]
    return frozenset(rule.name for rule in later if isinstance(rule, Rule))


_CASES = [(case, HTML_REGION) for case in load_cases("html", "html_regression")] + [
    (case, TEXT_REGION) for case in load_cases("text")
]


@pytest.mark.parametrize(("case", "step"), _CASES, ids=[case.id for case, _ in _CASES])
def test_disabling_a_rule_after_the_region_step_leaves_the_region_unchanged(case: object, step: object) -> None:
    path = case.input_path  # type: ignore[attr-defined]
    region = _region(path, frozenset())
    assert region is not None
    # every fixture has an article, or (a page with no prose) a listing's run of item cards
    assert region.main is not None or region.span is not None or region.items, "every fixture has content"
    later = _after(step)
    assert _region(path, later) == region, "all rules after the region step disabled"
    for name in sorted(later):
        assert _region(path, frozenset({name})) == region, name


def test_the_region_is_stored_by_the_runner_at_its_step() -> None:
    seen: list[Region | None] = []

    def probe(ctx: Context) -> Iterator[Mark]:
        seen.append(ctx.region)
        return iter(())

    before = Rule("probe-before", "navigation", "reads the region", probe)
    after = Rule("probe-after", "navigation", "reads the region", probe)
    case = next(c for c in load_cases("html") if c.input_path.suffix == ".html")
    ctx = _context(case.input_path)
    run(ctx, (before, HTML_REGION, after))
    assert seen[0] is None and seen[1] is ctx.region and ctx.region is not None


def _literal_counts(name: str) -> int:
    pattern = re.compile("[\"']" + re.escape(name) + "[\"']")
    total = 0
    for path in (SRC / "rules").glob("*.py"):
        total += len(pattern.findall(path.read_text(encoding="utf-8")))
    for module in ("api.py", "config.py", "cli.py"):
        total += len(pattern.findall((SRC / module).read_text(encoding="utf-8")))
    return total


@pytest.mark.parametrize("name", sorted(RULE_NAMES))
def test_a_rule_name_is_written_once_in_the_code(name: str) -> None:
    # decisions read the Rule object's properties; a name written twice is a control signal
    # that a rename would silently break
    assert _literal_counts(name) == 1


def test_rule_properties_match_their_families() -> None:
    for step in PIPELINE:
        if isinstance(step, Rule):
            assert step.to_metadata == (step.family == "metadata"), step.name
            assert not step.credit_line or step.to_metadata, step.name


_ARTICLE = "\n".join(
    [
        "Harbour council approves new sea wall",
        "The harbour council approved a new sea wall on Tuesday after two winters of flooding "
        "along the quay, and work is due to start in the spring.",
        "Engineers said the wall would be built in sections so that the fishing boats can keep "
        "using the inner harbour while the work goes on.",
        "PROMO: win a weekend at the seaside",
        "Residents who lost their cellars to the water in January said the decision came late, "
        "but that they were glad the money had been found at last.",
    ]
)


def _drop_promo(ctx: Context) -> Iterator[Mark]:
    for i, block in enumerate(ctx.blocks):
        if block.text.startswith("PROMO:"):
            yield Mark(i)


_USER_RULE = Rule("user-drop-promo", "ads", "the user's own rule: promo lines", _drop_promo)


def test_a_rule_made_outside_the_pipeline_takes_part() -> None:
    config = newsclean.Config(extra_rules=(_USER_RULE,))
    doc = newsclean.clean(_ARTICLE, input_format="text", config=config)
    assert [(r.rule, r.family, r.text) for r in doc.removed if r.rule == "user-drop-promo"] == [
        ("user-drop-promo", "ads", "PROMO: win a weekend at the seaside")
    ]
    assert "PROMO: win a weekend at the seaside" not in doc.paragraphs
    # its name is known to the configuration like a built-in one
    quiet = newsclean.clean(
        _ARTICLE, input_format="text", config=config.replace(disabled_rules={"user-drop-promo"})
    )
    assert not any(r.rule == "user-drop-promo" for r in quiet.removed)


def test_extra_rules_are_checked() -> None:
    taken = Rule(sorted(RULE_NAMES)[0], "ads", "clashes with a built-in rule", _drop_promo)
    with pytest.raises(ConfigError, match="already taken"):
        newsclean.Config(extra_rules=(taken,))
    with pytest.raises(ConfigError, match="already taken"):
        newsclean.Config(extra_rules=(_USER_RULE, _USER_RULE))
    with pytest.raises(ConfigError, match="Rule objects"):
        newsclean.Config(extra_rules=("user-drop-promo",))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="unknown rule"):
        newsclean.Config(disabled_rules={"user-drop-promo"})


def _take_everything(ctx: Context) -> Iterator[Mark]:
    return (Mark(i) for i in range(len(ctx.blocks)))


@pytest.mark.parametrize("guarded", [True, False])
def test_the_guard_reads_the_rules_declared_property(guarded: bool) -> None:
    # a rule that takes every line: the guard puts the prose back only when the rule says it may
    greedy = Rule("user-take-all", "navigation", "takes every line", _take_everything, guard_may_undo=guarded)
    doc = newsclean.clean(_ARTICLE, input_format="text", config=newsclean.Config(extra_rules=(greedy,)))
    if guarded:
        assert any(w.startswith("guard:") for w in doc.warnings)
        assert doc.paragraphs and doc.paragraphs[0].startswith("The harbour council approved")
    else:
        assert doc.paragraphs == ()


def _ask_for_phrase_hits(ctx: Context) -> Iterator[Mark]:
    from newsclean.rules.labels import phrase_hits
    from newsclean.rules.markup import protected_containers

    phrase_hits(ctx)  # before the region step: the prefilter sees no region yet
    protected_containers(ctx)
    return iter(())


@pytest.mark.parametrize("case", load_cases("html"), ids=lambda case: case.id)
def test_a_helper_asked_before_the_region_step_does_not_fix_its_answer(case: object) -> None:
    # what a helper derives from the region is kept with the region it was derived from, so a
    # rule that asks first cannot change what the rules after the region step read
    data = case.input_path.read_bytes()  # type: ignore[attr-defined]
    url = case.spec.get("url")  # type: ignore[attr-defined]
    early = Rule("user-asks-early", "navigation", "asks before the region step", _ask_for_phrase_hits)
    plain = newsclean.clean(data, url=url)
    asked = newsclean.clean(data, url=url, config=newsclean.Config(extra_rules=(early,)))
    assert asked.to_json() == plain.to_json()
