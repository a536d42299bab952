"""WARC and WET files as :class:`~newsclean.batch.Record` streams (the ``warc`` extra: FastWARC).

FastWARC was chosen over warcio by measurement: it read the same WARC file of the ScrapingHub
pages several times faster in one run (figures in docs/benchmarks.md, ``bench/batch_speed.py``).

A response record is a page when its HTTP status is 200 and its ``Content-Type`` is HTML (or
absent); its charset goes to the decoder. A WET conversion record is the page's text. Other
responses are counted in ``skipped`` (``status``, ``not-html``); requests, metadata and
``warcinfo`` records are not pages and are passed over without a count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from newsclean.batch import Record

try:
    from fastwarc.warc import ArchiveIterator, WarcRecordType
except ImportError as error:  # pragma: no cover - the message is the point
    raise ImportError(
        "reading WARC files needs the 'warc' extra: pip install 'newsclean[warc]'"
    ) from error

#: Media types read as HTML pages (a response without a Content-Type is read too).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def http_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` header value, if any."""
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def warc_records(path: Path, *, max_bytes: int, skipped: Counter[str] | None = None) -> Iterator[Record]:
    """One :class:`Record` per page in the WARC or WET file at ``path`` (gzipped or not).

    ``id`` is the WARC-Record-ID, ``url`` the WARC-Target-URI, ``source`` ``path@OFFSET``.
    """
    skipped = skipped if skipped is not None else Counter()
    name = str(path)
    types = WarcRecordType.response | WarcRecordType.conversion | WarcRecordType.resource
    with open(path, "rb") as handle:
        for item in ArchiveIterator(handle, record_types=types, parse_http=True):
            record_id = item.record_id
            uri = item.headers.get("WARC-Target-URI") or None
            where = f"{name}@{item.stream_pos}"
            length = item.content_length
            if length > max_bytes:
                reason = f"{length:,} bytes, over the limit of {max_bytes:,} (Config.max_input_bytes)"
                yield Record(record_id, where, None, uri, problem=("too-large", reason))
                continue
            payload = item.reader.read()
            if len(payload) < length:  # the file ends inside this record
                yield Record(record_id, where, None, uri, problem=(
                    "unreadable", f"the WARC record is cut short ({len(payload):,} of {length:,} bytes)"))
                continue
            if item.record_type == WarcRecordType.conversion:
                text_format = True
                charset = "utf-8"  # WET text is UTF-8
            else:
                text_format = False
                charset = None
                if item.is_http:
                    headers = item.http_headers
                    status = headers.status_code if headers is not None else None
                    if status != 200:
                        skipped["status"] += 1
                        continue
                    content_type = headers.get("Content-Type") if headers is not None else None
                    media = (content_type or "").split(";")[0].strip().lower()
                    if media and media not in HTML_TYPES:
                        skipped["not-html"] += 1
                        continue
                    charset = http_charset(content_type)
            yield Record(record_id, where, payload, uri, charset=charset,
                         input_format="text" if text_format else None)
