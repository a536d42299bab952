"""The visual explain report: its content, and how a real headless Chromium shows it.

The browser tests load the report from a file with the network switched off, then read back
what the browser laid out (``--dump-dom``) and save a screenshot beside the test's temporary
files (``NEWSCLEAN_SCREENSHOTS=DIR`` keeps a copy). They are skipped, saying why, when no
Chromium is installed (``.ci/run`` installs Debian's).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import main
from newsclean.explain import explain
from newsclean.report import explain_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sputnik-kurils.txt"
HARBOUR = ROOT / "tests" / "fixtures" / "html" / "en-wordpress-harbour-council"

RULES = """\
[rules]
drop = ["div.entry-meta"]
keep = ["#jp-relatedposts"]
"""


def _seed_report() -> tuple[newsclean.explain.Explanation, str]:
    result = explain(SEED.read_bytes())
    return result, explain_html(result, name="sputnik-kurils.txt")


def _html_report(tmp_path: Path) -> tuple[newsclean.explain.Explanation, str]:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    spec = json.loads((HARBOUR / "expected.json").read_text(encoding="utf-8"))
    result = explain((HARBOUR / "input.html").read_bytes(), url=spec["url"], config=newsclean.Config.from_file(rules))
    return result, explain_html(result)


def test_report_lists_every_block_in_order_with_its_fate() -> None:
    result, page = _seed_report()
    texts = [b.text for b in result.blocks]
    # the seed's lines, in the order the file has them (checked by hand against the file)
    assert texts[0] == "23:03 GMT08 July 2020"
    assert texts[1] == "Listen Live"
    assert texts[3].startswith("Japan made some concessions")
    assert result.blocks[0].moved == "dates" and result.blocks[0].family == "metadata"
    assert result.blocks[1].rule == "widget-label" and result.blocks[1].family == "widget"
    assert not result.blocks[3].removed
    # every removal of the document is one of the report's blocks, labelled with its rule and family
    for removal in result.document.removed:
        assert f'data-rule="{html.escape(removal.rule)}" data-family="{removal.family}"' in page
    positions = [page.index(html.escape(text)) for text in texts]
    assert positions == sorted(positions), "blocks out of input order"
    # the metadata panel
    assert "Russo-Japanese relations" in page and "2020-07-08T23:03:00+00:00" in page


def test_report_is_self_contained() -> None:
    _, page = _seed_report()
    lowered = page.lower()
    assert "<script" not in lowered and "<link" not in lowered and "<img" not in lowered
    assert "src=" not in lowered and "@import" not in lowered and "url(" not in lowered
    assert "default-src 'none'" in page  # and the browser is told to fetch nothing


def test_report_from_a_bare_document_says_order_is_unknown() -> None:
    doc = newsclean.clean(SEED.read_bytes())
    page = explain_html(doc)
    assert "not where they stood" in page
    assert page.count('class="block removed') + page.count('class="block moved') == len(doc.removed)


def test_user_keep_and_drop_show_in_the_html_report(tmp_path: Path) -> None:
    result, page = _html_report(tmp_path)
    kept = [b for b in result.blocks if b.kept_by_user]
    # the related-posts box (Jetpack) would go as related-markup; the user keeps it
    assert kept and all(not b.removed for b in kept)
    assert any("Storm damage closes coastal path" in b.text for b in kept)
    assert "kept by a user rule" in page
    dropped = [b for b in result.blocks if b.family == "user"]
    assert dropped and dropped[0].rule == "drop:div.entry-meta@rules.toml:2"


def test_cli_writes_the_report(tmp_path: Path) -> None:
    import io

    report = tmp_path / "report.html"
    out, err = io.StringIO(), io.StringIO()
    code = main(["--explain-html", str(report), str(SEED)], stdout=out, stderr=err)
    assert code == 0 and out.getvalue().startswith("Japan made some concessions")
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code = main(["--explain-html", str(report), str(SEED), str(SEED)], stdout=out, stderr=err)
    assert code == 2 and "one input" in err.getvalue()


# --- In a real browser -----------------------------------------------------------------------

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in _BROWSERS if (found := shutil.which(name))), None)
needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no headless Chromium installed (apt-get install chromium; .ci/run does)"
)

#: Run inside the browser on a copy of the report (the report itself has no scripts): for each
#: removed or moved block, whether it is laid out and visible, struck through (removed ones),
#: and what its label says; the answer is written into the page for --dump-dom to read.
_CHECK = """
<script>
const out = [];
for (const el of document.querySelectorAll('.block.removed, .block.moved')) {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const text = el.querySelector('.text');
  const label = el.querySelector('.label');
  out.push({rule: el.dataset.rule, family: el.dataset.family,
            visible: box.width > 0 && box.height > 0 && style.display !== 'none'
                     && style.visibility === 'visible' && parseFloat(style.opacity) > 0,
            struck: getComputedStyle(text).textDecorationLine.includes('line-through'),
            moved: el.classList.contains('moved'),
            label: label ? label.innerText : '', labelVisible: label ? label.getBoundingClientRect().height > 0 : false});
}
const pre = document.createElement('pre');
pre.id = 'check';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
             f"--user-data-dir={profile}", "--window-size=1280,1600", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


def _check_in_browser(page: str, tmp_path: Path, name: str) -> list[dict[str, object]]:
    report = tmp_path / f"{name}.html"
    report.write_text(page, encoding="utf-8")
    # the screenshot of the report exactly as written
    shot = tmp_path / f"{name}.png"
    done = _chromium(f"--screenshot={shot}", report.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    keep = os.environ.get("NEWSCLEAN_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    # the layout check, on a copy that may run the checking script
    checked = tmp_path / f"{name}-check.html"
    checked.write_text(
        page.replace("default-src 'none'; style-src 'unsafe-inline'",
                     "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'")
        .replace("</body>", _CHECK + "</body>"),
        encoding="utf-8",
    )
    dom = _chromium("--dump-dom", checked.as_uri()).stdout
    assert "<header><h1>" in dom, "the page did not load"
    start = dom.index('<pre id="check">') + len('<pre id="check">')
    return json.loads(html.unescape(dom[start : dom.index("</pre>", start)]))  # type: ignore[no-any-return]


def _assert_every_removal_shown(found: list[dict[str, object]], doc: newsclean.Document) -> None:
    assert found, "no removed blocks in the laid-out page"
    rules = {r.rule for r in doc.removed}
    assert {item["rule"] for item in found} == rules
    for item in found:
        assert item["visible"] and item["labelVisible"], item
        assert f"{item['rule']} · {item['family']}" in str(item["label"]), item
        if item["moved"]:
            assert str(item["label"]).startswith("moved →"), item
        else:
            assert item["struck"], item


@needs_browser
def test_seed_report_in_a_headless_browser(tmp_path: Path) -> None:
    result, page = _seed_report()
    found = _check_in_browser(page, tmp_path, "report-seed")
    _assert_every_removal_shown(found, result.document)
    assert sum(1 for item in found if item["moved"]) == 6  # dateline, 4 related headlines, tag line


@needs_browser
def test_html_report_in_a_headless_browser(tmp_path: Path) -> None:
    result, page = _html_report(tmp_path)
    found = _check_in_browser(page, tmp_path, "report-harbour")
    _assert_every_removal_shown(found, result.document)
    assert any(item["family"] == "user" for item in found)
