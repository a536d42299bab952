"""Compare ways to decode undeclared legacy-encoded pages; the numbers go in docs/robustness.md.

Run with a Python that has charset-normalizer and chardet (the fuzz venv), from the repo root:

    /work/fuzzvenv/bin/python fuzz/compare_detectors.py [BENCH_DIR ...]

Cases, all without a charset declaration, scored as "decoded text is exactly right":
- the hand-written texts in tests/fixtures/hostile/texts/ in each legacy encoding of their
  language, bare and wrapped in a small HTML page;
- CPython's own CJK encoding samples (Lib/test/cjkencodings) where present;
- the benchmark pages, which are UTF-8, re-encoded to windows-1252 with their charset
  declaration removed (only pages whose text fits in windows-1252; tests the Latin default);
- the benchmark pages as they are (UTF-8, most declared): every detector should keep them.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean.decode import decode  # noqa: E402

TEXTS = ROOT / "tests" / "fixtures" / "hostile" / "texts"
ENCODINGS = {
    "ja": ["shift_jis", "euc_jp", "iso2022_jp"],
    "ko": ["euc_kr"],
    "zh-hans": ["gb2312", "gb18030"],
    "zh-hant": ["big5"],
    "ru": ["cp1251", "koi8_r"],
    "ar": ["cp1256"],
    "pl": ["iso8859_2", "cp1250"],
    "cs": ["iso8859_2", "cp1250"],
    "fr": ["cp1252"],
    "de": ["cp1252"],
    "el": ["cp1253", "iso8859_7"],
}
HTML = (
    b"<!DOCTYPE html><html><head><title>t</title><style>p{margin:0}</style></head>"
    b"<body><div class='article'><p>%s</p></div></body></html>"
)


def cases(bench_dirs: list[str]) -> Iterator[tuple[str, bytes, str]]:
    """(group, bytes, expected text) for every case."""
    for lang, encs in ENCODINGS.items():
        text = (TEXTS / f"{lang}.txt").read_text("utf-8")
        for enc in encs:
            data = text.encode(enc)
            yield f"hand-written/{lang}/{enc}", data, text
            html = text.replace("\n", "</p>\n<p>")
            yield f"hand-written-html/{lang}/{enc}", HTML % html.encode(enc), HTML.decode() % html
    cjk = Path(os.path.dirname(os.__file__)) / "test" / "cjkencodings"
    for name in ("big5", "cp949", "euc_jp", "euc_kr", "gb2312", "gbk", "gb18030", "shift_jis"):
        if (cjk / f"{name}.txt").exists():
            data = (cjk / f"{name}.txt").read_bytes()
            yield f"cpython-cjk/{name}", data, (cjk / f"{name}-utf8.txt").read_text("utf-8")
    for bench in bench_dirs:
        for page in sorted(Path(bench).glob("html/*.html.gz")):
            raw = gzip.open(page).read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            yield "bench-as-is", raw, text
            undeclared = re.sub(r"charset\s*=\s*[\"']?[-\w]+", "", text, flags=re.I)
            try:
                data = undeclared.encode("cp1252")
            except UnicodeEncodeError:
                continue
            if not data.isascii():
                yield "bench-cp1252-undeclared", data, undeclared


def newsclean(data: bytes) -> str:
    return decode(data).text


def charset_normalizer(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return "" if best is None else str(best)


def chardet(data: bytes) -> str:
    import chardet as cd

    enc = cd.detect(data)["encoding"] or "utf-8"
    return data.decode(enc, "replace")


def lxml_libxml2(data: bytes) -> str:
    from lxml import etree, html

    if not data.strip():
        return ""
    root = html.document_fromstring(data)
    return "".join(root.itertext()) if root is not None else etree.tostring(root)


def normal(text: str) -> str:
    # Control characters are dropped by newsclean on purpose; do not count that as a miss.
    text = re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def main() -> None:
    bench_dirs = sys.argv[1:]
    all_cases = list(cases(bench_dirs))
    detectors: dict[str, Callable[[bytes], str]] = {
        "newsclean": newsclean,
        "charset-normalizer": charset_normalizer,
        "chardet": chardet,
    }
    groups = sorted({g.split("/")[0] for g, _, _ in all_cases})
    print("| detector | " + " | ".join(groups) + " | seconds |")
    print("|---" * (len(groups) + 2) + "|")
    failures: dict[str, list[str]] = {}
    for name, detect in detectors.items():
        right = dict.fromkeys(groups, 0)
        total = dict.fromkeys(groups, 0)
        start = time.perf_counter()
        for group, data, expected in all_cases:
            top = group.split("/")[0]
            total[top] += 1
            try:
                got = detect(data)
            except Exception as exc:  # noqa: BLE001 - a measurement records any failure
                got = f"<{type(exc).__name__}>"
            if normal(got) == normal(expected):
                right[top] += 1
            elif top not in ("bench-as-is", "bench-cp1252-undeclared"):
                failures.setdefault(name, []).append(group)
        seconds = time.perf_counter() - start
        cells = " | ".join(f"{right[g]}/{total[g]}" for g in groups)
        print(f"| {name} | {cells} | {seconds:.1f} |")
    for name, groups_failed in failures.items():
        print(f"{name} wrong on: {', '.join(groups_failed)}")
    # libxml2 cannot be scored on exact text (it parses), so count mojibake-free results instead.
    lxml_ok = 0
    hand = [(g, d, e) for g, d, e in all_cases if g.startswith("hand-written-html")]
    for _, data, expected in hand:
        body = re.sub(r"<[^>]+>", "", expected)
        lxml_ok += normal(body) in normal(lxml_libxml2(data))
    print(f"lxml/libxml2 (parse, no declaration): {lxml_ok}/{len(hand)} hand-written-html right")


if __name__ == "__main__":
    main()
