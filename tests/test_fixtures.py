"""Golden fixtures: each folder's input cleaned and compared with its hand-written expected.json.

``expected`` keys are compared exactly with ``Document.to_dict()``; ``removed`` entries must each
appear in ``doc.removed`` (same text and family, and rule when given); ``kept`` substrings must be
in the body and ``not_in_body`` ones must not.
"""

from __future__ import annotations

import pytest
from conftest import Case, load_cases

import newsclean

CASES = load_cases("text", "html", "html_regression")


def _clean(case: Case) -> newsclean.Document:
    spec = case.spec
    return newsclean.clean(
        case.input_path.read_bytes(),
        url=spec.get("url"),
        input_format=spec.get("input_format", "auto"),
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture(case: Case) -> None:
    doc = _clean(case)
    got = doc.to_dict()
    for key, want in case.spec.get("expected", {}).items():
        assert key in got, f"expected.json names an unknown Document field {key!r}"
        assert got[key] == want, f"{key} differs"
    removed = [(r.text, r.family, r.rule) for r in doc.removed]
    for item in case.spec.get("removed", []):
        matches = [r for r in removed if r[0] == item["text"].strip() and r[1] == item["family"]]
        if "rule" in item:
            matches = [r for r in matches if r[2] == item["rule"]]
        assert matches, f"not removed as {item}: removed = {removed}"
    for snippet in case.spec.get("kept", []):
        assert snippet in doc.body, f"lost from the body: {snippet!r}"
    for snippet in case.spec.get("not_in_body", []):
        assert snippet not in doc.body, f"boilerplate left in the body: {snippet!r}"


def test_fixture_folders_exist() -> None:
    assert len(load_cases("text")) >= 13, "the text fixtures went missing"
