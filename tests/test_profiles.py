"""The built-in site profiles, each on a small page in the shape its site's pages have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES

import newsclean
from newsclean.userrules import builtin_profiles

CASES = sorted(p for p in (FIXTURES / "profiles").iterdir() if (p / "expected.json").exists())


def test_every_builtin_profile_has_a_page_test() -> None:
    assert sorted(p.name for p in CASES) == sorted(p.name.removesuffix(".toml") for p in builtin_profiles())


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_builtin_profile(folder: Path) -> None:
    spec = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    page = (folder / "input.html").read_bytes()
    doc = newsclean.clean(page, url=spec["url"])
    assert list(doc.paragraphs) == spec["paragraphs"]
    by_text = {r.text: r for r in doc.removed}
    for text in spec["profile_removes"]:
        removal = by_text[text]
        assert removal.family in ("site", "structure") and removal.rule.endswith(f"@{folder.name}"), removal
    # switched off, or on another host, no removal comes from the profile
    plain = newsclean.clean(page, url=spec["url"], config=newsclean.Config(site_profiles=False))
    elsewhere = newsclean.clean(page, url="https://example.org/a")
    for other in (plain, elsewhere):
        assert not [r for r in other.removed if r.family == "site" or r.rule.endswith(f"@{folder.name}")]


def test_cli_switches_the_builtin_profiles_off() -> None:
    import io

    from newsclean.cli import main

    folder = FIXTURES / "profiles" / "cnbc.com"
    url = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["url"]
    for argv, profiled in ((["--url", url], True), (["--url", url, "--no-site-profiles"], False)):
        err = io.StringIO()
        assert main([*argv, "--explain", str(folder / "input.html")], stdout=io.StringIO(), stderr=err) == 0
        assert ("@cnbc.com] (" in err.getvalue()) is profiled


def test_config_checks_its_rule_fields() -> None:
    with pytest.raises(newsclean.ConfigError):
        newsclean.Config(rules="rules.toml")  # type: ignore[arg-type]
    with pytest.raises(newsclean.ConfigError):
        newsclean.Config(profile_dirs="profiles/")  # type: ignore[arg-type]
    assert newsclean.Config(profile_dirs=[Path("a"), "b"]).profile_dirs == ("a", "b")  # type: ignore[arg-type]
