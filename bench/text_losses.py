"""Where text input loses against the HTML path on the same pages, by cause.

    PYTHONPATH=src python bench/text_losses.py ../shared/bench/wcxb-dev --page-type article \
        [--converter html_text] [--min-gap 0.05] [--pages FILE]

Every page is cleaned twice, as ``accuracy.py`` does (HTML mode, the page's bytes and URL) and
as ``text_accuracy.py`` does (text mode, the converter's text of the page, cached in
bench/.cache/). On each page whose text F1 trails the HTML F1 by at least ``--min-gap``, every
line of the text is read: a line of the truth that the HTML output keeps and text mode removes
is a loss of recall, charged to the rule that removed it and to where it stands against the text
region (the region cut short when it is under the region, started late when it is above it, a
line rule's when a rule other than the region's took it); a kept line that neither the truth nor
the HTML output holds is kept boilerplate. (A line "holds" when its words, in order, are in the
other text's words.) The page's F1 gap is shared among the causes by the words of their lines,
and the table adds the shares over the pages, with the number of pages each cause leads.
``--pages FILE`` writes one JSON line per page: id, both F1s, the region and the causes' words.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

import scoring
from datasets import load_dataset
from text_accuracy import CONVERTERS, converted_texts

from newsclean import Config, clean
from newsclean.api import clean_with_context

#: the rules whose removals after the region are the region ending early
_REGION_RULES = frozenset({"outside-article", "related-headlines", "tag-list"})


#: As ``bench/tools.py`` runs the HTML path: without the built-in site profiles (chosen on
#: scrapinghub's pages). Text input has no URL here, so no profile applies to it.
_HTML_CONFIG = Config(site_profiles=False)


def _words(text: str) -> str:
    """The text's words, space-separated, with a space on each side (so a match is whole words)."""
    return f" {' '.join(scoring.tokenize(text))} "


def _cause(rule: str, where: str) -> str:
    if rule in _REGION_RULES and where == "after":
        return "region cut short (story lines under it)"
    if rule == "outside-article" and where == "before":
        return "region starts late (story lines above it)"
    return f"line rule: {rule}"


def page_causes(text: str, truth: str, html_out: str) -> tuple[tuple[int, int] | None, Counter[str]]:
    """The text region's span and, for each cause, the words of the lines it covers."""
    _doc, ctx = clean_with_context(text, input_format="text")
    causes: Counter[str] = Counter()
    if ctx is None:
        return None, causes
    span = ctx.region.span if ctx.region else None
    truth_words, html_words = _words(truth), _words(html_out)
    for i, block in enumerate(ctx.blocks):
        words = _words(block.text)
        if not words.strip():
            continue
        in_truth, in_html = words in truth_words, words in html_words
        rule = ctx.decided[i]
        if rule is not None and in_truth and in_html:
            where = "after" if not span or i > span[1] else "before" if i < span[0] else "in"
            causes[_cause(rule.name, where)] += len(words.split())
        elif rule is None and not in_truth and not in_html:
            causes["kept boilerplate"] += len(words.split())
    return span, causes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="+", metavar="DATASET", help="benchmark folder")
    parser.add_argument("--page-type", help="keep only pages of this page_type (e.g. article)")
    parser.add_argument("--converter", choices=sorted(CONVERTERS), default="html_text")
    parser.add_argument("--min-gap", type=float, default=0.05, help="F1 the text path trails by, at least")
    parser.add_argument("--pages", metavar="FILE", help="one JSON line per page read")
    args = parser.parse_args(argv)
    lost: Counter[str] = Counter()
    leads: Counter[str] = Counter()
    rows = []
    for folder in args.datasets:
        dataset = load_dataset(folder, page_type=args.page_type)
        texts = converted_texts(dataset, args.converter)
        for page, text in zip(dataset.pages, texts, strict=True):
            html_out = clean(page.html, url=page.url, config=_HTML_CONFIG).body or ""
            text_out = clean(text, input_format="text").body or ""
            html_f1 = scoring.match(page.truth, html_out).f1
            text_f1 = scoring.match(page.truth, text_out).f1
            if html_f1 - text_f1 < args.min_gap:
                continue
            span, causes = page_causes(text, page.truth, html_out)
            total = sum(causes.values())
            for cause, words in causes.items():
                lost[cause] += (html_f1 - text_f1) * words / total
            if causes:
                leads[causes.most_common(1)[0][0]] += 1
            rows.append(
                {
                    "set": dataset.name,
                    "id": page.id,
                    "html_f1": round(html_f1, 4),
                    "text_f1": round(text_f1, 4),
                    "span": span,
                    "causes": dict(causes),
                }
            )
    print(f"{len(rows)} pages, {sum(r['html_f1'] - r['text_f1'] for r in rows):.2f} F1 lost in all\n")
    print("| cause | F1 lost | pages it leads |\n|---|---|---|")
    for cause, value in lost.most_common():
        print(f"| {cause} | {value:.2f} | {leads[cause]} |")
    if args.pages:
        with open(args.pages, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
