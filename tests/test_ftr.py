"""The Full-Text RSS site-config importer, on small configs written for the tests."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import FIXTURES

import newsclean
from newsclean.cli import main
from newsclean.ftr import import_folder, import_site
from newsclean.userrules import UserRules

FTR = FIXTURES / "ftr"
URL = "https://www.example.com/2024/05/harbour-wall"


def test_import_site_maps_what_it_can_and_says_why_not_the_rest() -> None:
    result = import_site("example.com", (FTR / "site-config" / "example.com.txt").read_text(encoding="utf-8"))
    # counted by hand from the file: 18 directives
    assert sum(result.mapped.values()) == 8
    assert result.mapped == {"body": 2, "strip_id_or_class": 2, "strip": 1, "title": 1, "author": 1, "date": 1}
    assert result.already == {"tidy: no": 1}
    assert result.comments == {"test_url": 1, "test_contains": 1}
    unmapped = dict(result.unmapped)
    assert len(result.unmapped) == 7
    assert unmapped["strip"].startswith("invalid XPath for libxml2")
    assert unmapped["tilte"] == "not a Full-Text RSS directive (a typo in the config?)"
    assert "fetches nothing" in unmapped["http_header"]
    assert "before parsing" in unmapped["replace_string"]
    assert set(unmapped) == {"strip", "tilte", "http_header", "replace_string", "next_page_link", "prune",
                             "strip_image_src"}
    assert result.profile is not None
    rules = UserRules.from_toml(result.profile, source="example.com.toml")
    values = {(e.key, e.value) for e in rules.entries}
    assert ("drop", "//*[contains(@class, 'mug-shop') or contains(@id, 'mug-shop')]") in values
    # a class with an apostrophe is quoted with double quotes, as Full-Text RSS does
    assert ("drop", '//*[contains(@class, "reader\'s-poll") or contains(@id, "reader\'s-poll")]') in values
    assert [e.value for e in rules.entries if e.key == "body"] == ["//div[@id='story']", "//article"]
    assert all(e.site == "example.com" for e in rules.entries)


def test_an_xpath_not_starting_with_a_slash_is_grouped() -> None:
    result = import_site("example.net", "body: id('main')\nstrip: descendant::aside\n")
    assert result.profile is not None
    assert '"(id(\'main\'))"' in result.profile and '"(descendant::aside)"' in result.profile


def test_a_config_with_nothing_to_map_writes_no_profile(tmp_path: Path) -> None:
    report = import_folder(FTR / "site-config", tmp_path)
    assert (report.files, report.profiles) == (2, 1)  # README.md is not a config
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.com.toml"]
    assert report.directives == 20
    assert report.lines()[1] == (
        "20 directives: 8 (40.0%) mapped to rules, 1 (5.0%) ask for what newsclean does anyway, "
        "3 (15.0%) kept as comments (tests), 8 (40.0%) not mapped"
    )


def test_cli_import_then_use_the_profiles(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["import-ftr", str(FTR / "site-config"), "-o", str(tmp_path / "profiles")], stdout=out, stderr=err) == 0
    assert out.getvalue().startswith("2 site configs read, 1 profiles written\n")
    out = io.StringIO()
    code = main(["--profiles", str(tmp_path / "profiles"), "--url", URL, "--explain", str(FTR / "page.html")],
                stdout=out, stderr=err)
    assert code == 0
    assert out.getvalue() == (
        "Harbour wall to be rebuilt\n\n"
        "The council voted on Tuesday to rebuild the harbour wall after the winter storms opened cracks along a "
        "sixty-metre stretch near the lifeboat station.\n\n"
        "Engineers told the meeting that the work would start in April and take about five months, with the "
        "quay fenced off in stages.\n"
    )
    # outside the body element: family structure; the strips: family site, named by file and line
    assert "removed [body://div[@id='story']@example.com.toml:15] (structure: " in err.getvalue()
    assert ("removed [drop://*[contains(@class, 'mug-shop') or contains(@id, 'mug-shop')]@example.com.toml:20] "
            "(site: site profile: drop") in err.getvalue()
    assert main(["import-ftr", str(tmp_path / "nowhere"), "-o", str(tmp_path / "p")], stdout=out, stderr=err) == 2
    assert main(["import-ftr", str(FTR / "site-config")], stdout=out, stderr=err) == 2  # -o is required


def test_profile_metadata_fills_only_what_the_page_lacks(tmp_path: Path) -> None:
    import_folder(FTR / "site-config", tmp_path)
    config = newsclean.Config(profile_dirs=(str(tmp_path),))
    page = (FTR / "page.html").read_text(encoding="utf-8")
    doc = newsclean.clean(page, url=URL, config=config)
    assert doc.title == "Example News"  # the page's own <title> stays
    untitled = page.replace("<title>Example News</title>", "")
    assert newsclean.clean(untitled, url=URL).title is None  # the page alone names no title
    assert newsclean.clean(untitled, url=URL, config=config).title == "Harbour wall to be rebuilt"
