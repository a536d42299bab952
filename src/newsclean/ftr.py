"""Import Full-Text RSS site configs (the public ``ftr-site-config`` set) as newsclean profiles.

An ftr file (``example.com.txt``) holds one ``directive: value`` per line. What newsclean can
do the same way is mapped into a profile (``example.com.toml``, the rules-file format):

==========================  =====================================================
``body: XPATH``             ``body``: the article's element (first that matches)
``strip: XPATH``            ``drop``
``strip_id_or_class: S``    ``drop`` of elements whose class or id contains ``S``
``title:`` / ``author:``    ``title`` / ``author`` / ``date`` selectors
``date:``
``test_url:``,              kept as comments (they are tests, not rules)
``test_contains:``
==========================  =====================================================

Everything else is reported with the reason it cannot be mapped (:data:`UNMAPPED`); an XPath
libxml2 rejects is reported as invalid. Nothing is dropped without a line in the report.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from newsclean.userrules import PROFILE_SUFFIX, compile_selector, is_xpath

#: ftr directive -> the rules-file key it becomes.
MAPPED = {
    "body": "body",
    "strip": "drop",
    "strip_id_or_class": "drop",
    "title": "title",
    "author": "author",
    "date": "date",
}
#: Directives kept as comments in the profile: they test a config, they do not change a page.
COMMENTS = frozenset({"test_url", "test_contains"})

#: (directive, value) settings that ask for what newsclean does anyway: no rule is needed.
ALREADY = {
    ("prune", "yes"): "newsclean's rules judge the blocks inside the article, as pruning does",
    ("tidy", "no"): "newsclean never runs HTML Tidy",
    ("tidy", "false"): "newsclean never runs HTML Tidy",
    ("convert_double_br_tags", "yes"): "newsclean cuts blocks at every <br>",
    ("strip_comments", "yes"): "HTML comments never reach newsclean's blocks",
    ("strip_comments", "no"): "HTML comments never reach newsclean's blocks (nor its output)",
    ("parser", "libxml"): "newsclean parses with libxml2 (lxml)",
    ("autodetect_on_failure", "yes"): "when no body selector matches, newsclean finds the article itself",
}

_FETCHING = "fetching and logging in: newsclean reads a page it is given and fetches nothing"
_MULTIPAGE = "multi-page articles: following links to other pages is the fetcher's job"
_REWRITE = "rewrites the page's source text before parsing; newsclean reads the page as served"
_OUTPUT_HTML = "reshapes the output HTML (attributes, wrappers, images); newsclean outputs text and metadata"
_SWITCH = "a switch of Full-Text RSS's own extractor with no counterpart in newsclean's pipeline"

#: Directive -> why newsclean cannot do the same.
UNMAPPED = {
    "http_header": _FETCHING,
    "login_uri": _FETCHING,
    "login_username_field": _FETCHING,
    "login_password_field": _FETCHING,
    "login_extra_fields": _FETCHING,
    "requires_login": _FETCHING,
    "not_logged_in_xpath": _FETCHING,
    "next_page_link": _MULTIPAGE,
    "single_page_link": _MULTIPAGE,
    "single_page_link_in_feed": _MULTIPAGE,
    "autodetect_next_page": _MULTIPAGE,
    "if_page_contains": _MULTIPAGE,
    "replace_string": _REWRITE,
    "find_string": _REWRITE,
    "strip_attr": _OUTPUT_HTML,
    "post_strip_attr": _OUTPUT_HTML,
    "wrap_in": _OUTPUT_HTML,
    "dissolve": _OUTPUT_HTML,
    "move_into": _OUTPUT_HTML,
    "insert_detected_image": _OUTPUT_HTML,
    "src_lazy_load_attr": _OUTPUT_HTML,
    "strip_image_src": "removes images by their address; images carry no text in newsclean's output",
    "footnotes": _OUTPUT_HTML,
    "prune": "'prune: no' keeps all of the body element; newsclean's rules always judge the blocks "
    "inside the article (a keep selector would also overrule the strip rules)",
    "tidy": "HTML Tidy clean-up before parsing; lxml reads broken HTML as it is",
    "parser": "the choice of HTML parser; newsclean always parses with lxml",
    "autodetect_on_failure": _SWITCH,
    "skip_json_ld": _SWITCH,
    "native_ad_clue": _SWITCH,
    "skip_id_or_class": _SWITCH,
}

_LINE = regex.compile(r"([A-Za-z_]+)(\([^)]*\))?\s*:\s?(.*)")


@dataclass
class Imported:
    """One site config read: the profile text (``None`` when nothing mapped) and what was not."""

    host: str
    profile: str | None
    mapped: Counter[str] = field(default_factory=Counter)
    comments: Counter[str] = field(default_factory=Counter)
    #: (directive: value) settings newsclean follows anyway
    already: Counter[str] = field(default_factory=Counter)
    #: (directive, reason) of each directive not mapped
    unmapped: list[tuple[str, str]] = field(default_factory=list)


def _strip_id_or_class(value: str) -> str | None:
    """Full-Text RSS's own XPath for it: any element whose class or id *contains* the string."""
    if "'" in value and '"' in value:
        return None
    quoted = f'"{value}"' if "'" in value else f"'{value}'"
    return f"//*[contains(@class, {quoted}) or contains(@id, {quoted})]"


def _xpath(value: str) -> str:
    """An ftr XPath as a newsclean selector: one not starting with / or ./ (``id('x')``,
    ``descendant::div``) is grouped in parentheses so newsclean reads it as XPath too."""
    return value if is_xpath(value) else f"({value})"


def import_site(host: str, text: str) -> Imported:
    """Map one ftr site config (``host`` from its file name) to a profile."""
    result = Imported(host, None)
    keys: dict[str, list[str]] = {key: [] for key in dict.fromkeys(MAPPED.values())}
    notes: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            result.unmapped.append(("(not a directive)", "a line that is not 'directive: value'"))
            continue
        directive, value = match.group(1).lower(), match.group(3).strip()
        setting = (directive, value.lower())
        if setting in ALREADY:
            result.already[f"{directive}: {value.lower()}"] += 1
            notes.append(f"# {directive}: {value} (needs no rule: {ALREADY[setting]})")
        elif directive in COMMENTS:
            result.comments[directive] += 1
            notes.append(f"# {directive}: {value}")
        elif directive in MAPPED:
            selector = _strip_id_or_class(value) if directive == "strip_id_or_class" else _xpath(value)
            problem = None
            if not value:
                problem = "empty value"
            elif selector is None:
                problem = "a class or id with both kinds of quote cannot be written in XPath 1.0"
            else:
                try:
                    compile_selector(selector)
                except ValueError as error:
                    problem = f"invalid XPath for libxml2: {error}"
            if problem or selector is None:
                result.unmapped.append((directive, problem or "invalid"))
                continue
            result.mapped[directive] += 1
            if selector not in keys[MAPPED[directive]]:
                keys[MAPPED[directive]].append(selector)
        elif directive in UNMAPPED:
            result.unmapped.append((directive, UNMAPPED[directive]))
        else:
            result.unmapped.append((directive, "not a Full-Text RSS directive (a typo in the config?)"))
    if any(keys.values()):
        result.profile = _render(host, keys, notes, result.unmapped)
    return result


def _render(host: str, keys: dict[str, list[str]], notes: list[str], unmapped: list[tuple[str, str]]) -> str:
    out = [f"# Imported from the Full-Text RSS site config for {host} (ftr-site-config, public domain)."]
    out.extend(notes)
    for directive, reason in unmapped:
        out.append(f"# not mapped: {directive}: {reason}")
    out.append("")
    out.append(f"[site.{json.dumps(host)}]")
    for key, values in keys.items():
        if values:
            items = "".join(f"    {json.dumps(v, ensure_ascii=False)},\n" for v in values)
            out.append(f"{key} = [\n{items}]")
    return "\n".join(out) + "\n"


@dataclass
class ImportReport:
    """Totals over a folder of ftr files."""

    files: int = 0
    profiles: int = 0
    mapped: Counter[str] = field(default_factory=Counter)
    comments: Counter[str] = field(default_factory=Counter)
    already: Counter[str] = field(default_factory=Counter)
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def directives(self) -> int:
        return sum(
            c
            for counter in (self.mapped, self.comments, self.already, self.unmapped)
            for c in counter.values()
        )

    def lines(self) -> list[str]:
        total = self.directives or 1

        def share(counter: Counter[Any]) -> str:
            n = sum(counter.values())
            return f"{n} ({100 * n / total:.1f}%)"

        out = [
            f"{self.files} site configs read, {self.profiles} profiles written",
            f"{self.directives} directives: {share(self.mapped)} mapped to rules, "
            f"{share(self.already)} ask for what newsclean does anyway, "
            f"{share(self.comments)} kept as comments (tests), {share(self.unmapped)} not mapped",
            "mapped:",
        ]
        out.extend(f"  {n:6d}  {directive}" for directive, n in self.mapped.most_common())
        out.append("needing no rule (newsclean does this anyway):")
        out.extend(f"  {n:6d}  {setting}" for setting, n in self.already.most_common())
        out.append("kept as comments:")
        out.extend(f"  {n:6d}  {directive}" for directive, n in self.comments.most_common())
        out.append("not mapped:")
        out.extend(
            f"  {n:6d}  {directive}: {reason}" for (directive, reason), n in self.unmapped.most_common()
        )
        return out


def import_folder(
    folder: str | Path, out: str | Path | None, files: Iterable[Path] | None = None
) -> ImportReport:
    """Import every ``*.txt`` ftr config of ``folder``; profiles go to ``out`` (none when ``None``)."""
    report = ImportReport()
    target = Path(out) if out is not None else None
    if target is not None:
        target.mkdir(parents=True, exist_ok=True)
    for path in sorted(files if files is not None else Path(folder).glob("*.txt")):
        host = path.name[: -len(".txt")].lower()
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        report.files += 1
        result = import_site(host, text)
        report.mapped.update(result.mapped)
        report.comments.update(result.comments)
        report.already.update(result.already)
        report.unmapped.update(result.unmapped)
        if result.profile is not None:
            report.profiles += 1
            if target is not None:
                (target / f"{host}{PROFILE_SUFFIX}").write_text(result.profile, encoding="utf-8")
    return report
