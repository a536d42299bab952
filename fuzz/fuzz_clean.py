"""Atheris harness: clean() on any input returns a Document or raises a NewscleanError.

An InternalError (an unexpected exception clean() typed), anything else (another exception, a crash, a hang past libFuzzer's -timeout) is a finding.
Run it with fuzz/run.sh, not by hand: it sets the seed corpus, timeouts and run count.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import newsclean
    from newsclean.errors import InternalError, NewscleanError

_FORMATS = ("auto", "html", "text")
_ENCODINGS = (None, None, None, "utf-8", "iso-8859-1", "shift_jis", "utf-16", "gb2312", "bogus")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    input_format = _FORMATS[fdp.ConsumeIntInRange(0, 2)]
    encoding = _ENCODINGS[fdp.ConsumeIntInRange(0, len(_ENCODINGS) - 1)]
    source: str | bytes
    if mode == 0:
        source = fdp.ConsumeUnicode(fdp.remaining_bytes())  # any code point, surrogates too
    elif mode == 1:
        source = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "replace")
    else:
        source = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        doc = newsclean.clean(source, input_format=input_format, encoding=encoding)
    except InternalError:
        raise  # a bug clean() caught and typed: still a finding
    except NewscleanError:
        return
    if not isinstance(doc, newsclean.Document):
        raise TypeError(f"clean() returned {type(doc).__name__}")
    doc.to_json()
    doc.to_markdown()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
