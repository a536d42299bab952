"""Users' own rules: the rules file, what each key does to a page, its errors, and profiles."""

from __future__ import annotations

import io
import json
import pickle
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

import newsclean
from newsclean.cli import main
from newsclean.userrules import UserRules, builtin_profiles, find_profile, host_matches, host_of

CASES = sorted(p for p in (FIXTURES / "userrules").iterdir() if (p / "expected.json").exists())


def _run_case(folder: Path) -> tuple[newsclean.Document, dict[str, object]]:
    spec = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    source = next(p for p in (folder / "input.html", folder / "input.txt") if p.exists())
    config = newsclean.Config.from_file(folder / "rules.toml")
    doc = newsclean.clean(source.read_bytes(), url=spec.get("url"),
                          input_format=spec.get("input_format", "auto"), config=config)
    return doc, spec


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_rules_fixture(folder: Path) -> None:
    doc, spec = _run_case(folder)
    for key, want in spec.get("expected", {}).items():  # type: ignore[union-attr]
        assert doc.to_dict()[key] == want, f"{key} differs"
    removed = [(r.text, r.family, r.rule) for r in doc.removed]
    for item in spec.get("removed", []):  # type: ignore[union-attr]
        assert (item["text"], item["family"], item["rule"]) in removed, removed
    for snippet in spec.get("kept", []):  # type: ignore[union-attr]
        assert snippet in doc.body
    for snippet in spec.get("not_in_body", []):  # type: ignore[union-attr]
        assert snippet not in doc.body


def test_without_the_rules_the_same_page_differs() -> None:
    """The fixture's rules are what make its result (no rule is a no-op)."""
    folder = FIXTURES / "userrules" / "en-promo-keep-drop"
    plain = newsclean.clean((folder / "input.html").read_bytes(), url="https://www.example.com/news/harbour-wall")
    rules = {r.text: r.rule for r in plain.removed}
    # the keeps won over built-in rules that take these blocks without them
    assert rules["Engineers told the meeting that the work would start in April and take about five months, "
                 "with the quay fenced off in stages."] == "subscribe-markup"
    assert rules["Step one: the council surveys the wall. Step two: contractors bid for the work."] == (
        "navigation-markup"
    )
    assert rules["Share"] == "share-label"  # the disabled rule
    assert "Join the inner circle for $5 a month" in plain.paragraphs  # the user's phrase
    # the user's drops ran first, so they are the ones the removals name
    assert rules["Buy the Example News mug in our shop today"] == "subscribe-markup"


def test_site_rules_apply_to_the_host_and_its_subdomains_only() -> None:
    assert host_matches("example.com", "example.com")
    assert host_matches("example.com", "www.example.com")
    assert not host_matches("example.com", "notexample.com")
    assert not host_matches(".example.com", "example.com") and host_matches(".example.com", "a.example.com")
    assert host_of("https://News.Example.com:8080/a?b") == "news.example.com"
    assert host_of("not a url") is None and host_of(None) is None
    folder = FIXTURES / "userrules" / "en-promo-keep-drop"
    page = (folder / "input.html").read_bytes()
    config = newsclean.Config.from_file(folder / "rules.toml")
    other = newsclean.clean(page, url="https://other.org/x", config=config)
    rules = {r.text: r.rule for r in other.removed}
    # example.com's drop does not apply here (the built-in rule takes the box instead)
    assert rules["Most read this week across the whole of the site and its sister papers"] == "navigation-markup"
    assert other.body.startswith("Engineers told the meeting")  # other.org's rule drops the lede
    lede = next(r for r in other.removed if r.text.startswith("The council voted on Tuesday"))
    assert (lede.rule, lede.family) == ("drop:p.lede@rules.toml:14", "user")


def test_config_from_dict_is_the_same_as_from_the_file() -> None:
    data = {
        "rules": {"drop": ["div.promo"], "keep": ["div.promo.part-of-story"],
                  "phrases": {"subscribe": {"en": ["Join the inner circle"]}}},
        "site": {"example.com": {"drop": [".sidebar-box"]}},
    }
    config = newsclean.Config.from_dict(data)
    page = (FIXTURES / "userrules" / "en-promo-keep-drop" / "input.html").read_bytes()
    doc = newsclean.clean(page, url="https://example.com/a", config=config)
    rules = {r.rule for r in doc.removed}
    # made in code, a rule is named by its selector, and by its site when it has one
    assert {"drop:div.promo", "drop:.sidebar-box@example.com", "phrase:subscribe:Join the inner circle"} <= rules
    assert "Engineers told the meeting" in doc.body
    # a Config with rules goes to worker processes (--jobs) and is hashable like any other
    assert pickle.loads(pickle.dumps(config)) == config and hash(config) == hash(pickle.loads(pickle.dumps(config)))


def test_an_inline_element_marks_the_block_it_is_part_of() -> None:
    page = ("<html><body><article><p>The council met on Tuesday to vote on the harbour wall, "
            "and the vote was unanimous after a short debate.</p>"
            "<p>Read <span class='promo'>our partner's offer</span> now</p></article></body></html>")
    doc = newsclean.clean(page, config=newsclean.Config.from_dict({"rules": {"drop": ["span.promo"]}}))
    assert [r.text for r in doc.removed if r.family == "user"] == ["Read our partner's offer now"]
    assert doc.paragraphs == ("The council met on Tuesday to vote on the harbour wall, and the vote was "
                              "unanimous after a short debate.",)


def test_css_without_cssselect_is_a_config_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # cssselect is the optional css extra: without it a CSS selector is a clear error, XPath still works
    monkeypatch.setitem(sys.modules, "lxml.cssselect", None)  # makes the import fail as if not installed
    with pytest.raises(newsclean.ConfigError) as error:
        newsclean.Config.from_dict({"rules": {"drop": ["div.harbour-note"]}})
    assert "pip install 'newsclean[css]'" in str(error.value)
    config = newsclean.Config.from_dict({"rules": {"drop": ["//p[@class='harbour-note']"]}})
    page = ("<html><body><article><p class='harbour-note'>The harbour office opens at nine on weekdays"
            " and at ten on Saturdays.</p><p>" + "The council voted to rebuild the wall. " * 5 + "</p></article></body></html>")
    assert "harbour office" in newsclean.clean(page).body
    assert "harbour office" not in newsclean.clean(page, config=config).body


def test_keep_wins_over_the_article_region() -> None:
    page = ("<html><body><div class='sidebar'><p>Tide tables for the week ahead, from the harbour office.</p></div>"
            "<article><p>" + "The council voted to rebuild the harbour wall after the storms. " * 6 + "</p></article>"
            "</body></html>")
    plain = newsclean.clean(page)
    assert "Tide tables" not in plain.body
    kept = newsclean.clean(page, config=newsclean.Config.from_dict({"rules": {"keep": [".sidebar"]}}))
    assert kept.paragraphs[0] == "Tide tables for the week ahead, from the harbour office."


def test_metadata_selectors() -> None:
    page = ("<html><head><title>Wrong title</title></head><body><article>"
            "<h2 class='hl'>Harbour wall to be rebuilt</h2><span class='who'>By Helen Marsh</span>"
            "<span class='when'>16 February 2023</span><p>" + "The council voted to rebuild the wall. " * 5 +
            "</p></article></body></html>")
    config = newsclean.Config.from_dict(
        {"site": {"example.com": {"title": ["h2.hl"], "author": [".who"], "date": ["//span[@class='when']"]}}}
    )
    doc = newsclean.clean(page, url="https://example.com/x", config=config)
    assert doc.title == "Harbour wall to be rebuilt"
    assert doc.authors == ("Helen Marsh",)
    assert doc.published is not None and doc.published.isoformat() == "2023-02-16"
    assert doc.published_source == "user:date://span[@class='when']@example.com"
    assert newsclean.clean(page, url="https://elsewhere.net/x", config=config).title == "Wrong title"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[rules]\ndrop = [\"div\"\n", "rules.toml: not valid TOML"),
        ("[rules]\ndrop = [\"div.a\"]\ndorp = [\"div.b\"]\n", "rules.toml:3: unknown key 'dorp' in [rules]"),
        ("[rules]\ndisable = [\"share-labels\"]\n", "rules.toml:2: unknown rule name 'share-labels'"),
        ("[rules]\ndrop = [\n  \"div.ok\",\n  \"div[\",\n]\n", "rules.toml:4: invalid selector 'div['"),
        ("[rules]\nkeep = [\"//div[@class='a'\"]\n", "rules.toml:2: invalid selector"),
        ("[rules]\ndrop = [\"//div[frobnicate(@id)]\"]\n", "rules.toml:2: invalid selector"),
        ("[rules.phrases.subscribes]\nen = [\"x\"]\n", "rules.toml:1: unknown phrase concept 'subscribes'"),
        ("[rules.phrases.subscribe]\nenglish = [\"x\"]\n", "rules.toml:2: 'english' is not a language code"),
        ("[rules]\ndrop = \"div.promo\"\n", "rules.toml:2: drop must be a list of strings"),
        ("[site.\"exa mple.com\"]\ndrop = [\"p\"]\n", "rules.toml:1: 'exa mple.com' is not a host name"),
        ("[site.\"example.com\"]\nkepp = [\"p\"]\n", "rules.toml:2: unknown key 'kepp' in [site.\"example.com\"]"),
        ("[rule]\ndrop = [\"p\"]\n", "rules.toml:1: unknown key 'rule'"),
    ],
)
def test_a_bad_rules_file_names_the_line_and_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(newsclean.ConfigError) as error:
        newsclean.Config.from_file(path)
    assert message in str(error.value).replace(str(tmp_path) + "/", "")
    # and the command line says the same in one line, exit 2
    err = io.StringIO()
    assert main(["--rules", str(path)], stdin=io.BytesIO(b"text"), stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().count("\n") == 1 and message in err.getvalue().replace(str(tmp_path) + "/", "")


def test_toml_errors_give_the_line() -> None:
    with pytest.raises(newsclean.ConfigError, match=r"line 3"):
        UserRules.from_toml("[rules]\ndrop = []\ndrop = []\n", source="r.toml")


def test_cli_rules_file_and_explain(tmp_path: Path) -> None:
    folder = FIXTURES / "userrules" / "en-promo-keep-drop"
    out, err = io.StringIO(), io.StringIO()
    code = main(["--rules", str(folder / "rules.toml"), "--url", "https://example.com/a", "--explain",
                 str(folder / "input.html")], stdout=out, stderr=err)
    assert code == 0
    assert "Engineers told the meeting" in out.getvalue() and "Buy the Example News mug" not in out.getvalue()
    assert ("removed [drop:div.promo@rules.toml:4] (user: user rule: drop 'div.promo' (rules.toml:4)) "
            "Buy the Example News mug in our shop today\n") in err.getvalue()


def test_cli_rules_lists_builtin_and_user_rules(tmp_path: Path) -> None:
    out = io.StringIO()
    folder = FIXTURES / "userrules" / "en-promo-keep-drop"
    assert main(["rules", "--rules", str(folder / "rules.toml")], stdout=out, stderr=io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    from newsclean.rules import RULES

    assert len(lines) == len(RULES) + 8  # the file's 8 values: 1 disable, 2+1+1 drops, 2 keeps, 1 phrase
    assert lines[0].split()[:2] == ["dateline", "metadata"]
    assert any(line.startswith("drop:.sidebar-box@rules.toml:11 ") and " user " in line for line in lines)
    assert any(line.startswith("phrase:subscribe:Join the inner circle@rules.toml:8 ") and " subscribe " in line
               for line in lines)
    err = io.StringIO()
    assert main(["rules", "--rules", str(tmp_path / "missing.toml")], stdout=io.StringIO(), stderr=err) == 2
    assert "cannot read the rules file" in err.getvalue()


# --- Site profiles ----------------------------------------------------------------------------


def test_profile_lookup_by_host(tmp_path: Path) -> None:
    (tmp_path / "example.com.toml").write_text('[site."example.com"]\ndrop = ["p.a"]\n', encoding="utf-8")
    (tmp_path / ".blogs.example.org.toml").write_text('[site.".blogs.example.org"]\ndrop = ["p.b"]\n',
                                                     encoding="utf-8")
    (tmp_path / "news.example.com.toml").write_text('[site."news.example.com"]\ndrop = ["p.c"]\n',
                                                    encoding="utf-8")
    assert find_profile(tmp_path, "example.com") == tmp_path / "example.com.toml"
    assert find_profile(tmp_path, "www.example.com") == tmp_path / "example.com.toml"
    assert find_profile(tmp_path, "news.example.com") == tmp_path / "news.example.com.toml"
    assert find_profile(tmp_path, "a.news.example.com") == tmp_path / "news.example.com.toml"
    assert find_profile(tmp_path, "x.blogs.example.org") == tmp_path / ".blogs.example.org.toml"
    assert find_profile(tmp_path, "blogs.example.org") is None  # ".host" is for subdomains only
    assert find_profile(tmp_path, "example.net") is None


def test_a_profile_folder_applies_by_the_page_host(tmp_path: Path) -> None:
    (tmp_path / "example.com.toml").write_text('[site."example.com"]\ndrop = ["p.lede"]\n', encoding="utf-8")
    page = (FIXTURES / "userrules" / "en-promo-keep-drop" / "input.html").read_bytes()
    config = newsclean.Config(profile_dirs=(str(tmp_path),))
    doc = newsclean.clean(page, url="https://www.example.com/a", config=config)
    gone = [r for r in doc.removed if r.rule.startswith("drop:p.lede@")]
    # a profile's removals are family "site", named by file and line
    assert [(r.family, r.rule) for r in gone] == [("site", "drop:p.lede@example.com.toml:2")]
    assert "The council voted on Tuesday" not in doc.body
    assert "The council voted on Tuesday" in newsclean.clean(page, url="https://example.net/a", config=config).body


def test_the_guard_undoes_a_stale_profile_but_not_the_users_own_drop(tmp_path: Path) -> None:
    page = ("<html><body><div class='story-snippet'><p>" + "The council voted to rebuild the harbour wall. " * 8
            + "</p></div></body></html>")
    (tmp_path / "example.com.toml").write_text('[site."example.com"]\ndrop = [".story-snippet"]\n', encoding="utf-8")
    doc = newsclean.clean(page, url="https://example.com/a", config=newsclean.Config(profile_dirs=(str(tmp_path),)))
    assert doc.body.startswith("The council voted") and any(w.startswith("guard:") for w in doc.warnings)
    own = newsclean.Config.from_dict({"site": {"example.com": {"drop": [".story-snippet"]}}})
    doc = newsclean.clean(page, url="https://example.com/a", config=own)
    assert doc.body == "" and doc.removed[0].family == "user"


def test_a_profiles_date_replaces_a_guessed_date_but_not_a_stated_one(tmp_path: Path) -> None:
    (tmp_path / "example.com.toml").write_text('[site."example.com"]\ndate = ["//article/@data-posted"]\n', encoding="utf-8")
    config = newsclean.Config(profile_dirs=(str(tmp_path),))
    # the page keeps its date in an attribute of its own naming, which only the profile reads
    body = ("<body><article data-posted='2023-02-16'><h1>Harbour wall to be rebuilt</h1><p>"
            + "The council voted to rebuild the wall. " * 5 + "</p></article></body></html>")
    # the only date the page's metadata has is the one in its image's path: a guess
    guessed = "<html><head><meta property='og:image' content='https://example.com/img/2019/05/05/wall.jpg'></head>"
    plain = newsclean.clean(guessed + body, url="https://example.net/x")
    assert plain.published is not None and plain.published_source == "image-url"
    doc = newsclean.clean(guessed + body, url="https://example.com/x", config=config)
    assert doc.published is not None and doc.published.isoformat() == "2023-02-16"
    assert doc.published_source == "user:date://article/@data-posted@example.com.toml:2"
    # a date the page states in its metadata stays (a profile only fills what the page left out)
    stated = "<html><head><meta property='article:published_time' content='2023-02-17T09:00:00+00:00'></head>"
    doc = newsclean.clean(stated + body, url="https://example.com/x", config=config)
    assert doc.published is not None and doc.published.date().isoformat() == "2023-02-17"


@pytest.mark.parametrize("path", builtin_profiles(), ids=[p.name for p in builtin_profiles()])
def test_builtin_profile_is_valid_and_named_after_its_host(path: Path) -> None:
    rules = UserRules.from_file(path, builtin=True)
    host = path.name.removesuffix(".toml")
    assert rules.entries and all(e.site == host for e in rules.entries)
    assert all(e.profile for e in rules.entries)


def test_builtin_profiles_can_be_switched_off() -> None:
    assert newsclean.Config().site_profiles and not newsclean.Config(site_profiles=False).site_profiles


def test_what_cannot_apply_is_said_in_warnings() -> None:
    doc, _ = _run_case(FIXTURES / "userrules" / "en-text-phrases")
    assert "rules: 1 selector(s) not applied: text input has no markup" in doc.warnings
    config = newsclean.Config.from_file(FIXTURES / "userrules" / "en-text-phrases" / "rules.toml")
    doc = newsclean.clean("Brought to you by Harbour Mugs\n" + "The council voted to rebuild the wall. " * 4,
                          input_format="text", config=config)
    assert "rules: the page's host is unknown (no url given or found), so no [site] rules applied" in doc.warnings
    assert not [r for r in doc.removed if r.rule.startswith("phrase:ads:")]  # the site's phrase needs the site
    plain = newsclean.clean("The council voted to rebuild the wall. " * 4, input_format="text")
    assert not [w for w in plain.warnings if w.startswith("rules:")]
