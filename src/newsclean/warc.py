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
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from newsclean.record import Record

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


def _dechunk(data: bytes) -> bytes:
    """The body of an HTTP ``Transfer-Encoding: chunked`` message."""
    out, at = bytearray(), 0
    while True:
        end = data.find(b"\r\n", at)
        if end < 0:
            raise ValueError("the chunked body is cut short")
        try:
            size = int(data[at:end].split(b";")[0].strip() or b"x", 16)
        except ValueError:
            raise ValueError("the chunked body has a bad chunk size") from None
        if size == 0:
            return bytes(out)
        out += data[end + 2 : end + 2 + size]
        at = end + 2 + size + 2


def decode_body(payload: bytes, transfer: str | None, content: str | None) -> bytes:
    """``payload`` without its HTTP transfer and content encodings (chunked; gzip, deflate).

    Crawlers that keep the body as sent (wget, some archives) store it so; Common Crawl stores
    it decoded. Raises ``ValueError`` when it cannot be decoded.
    """
    if transfer and "chunked" in transfer.lower():
        payload = _dechunk(payload)
    coding = (content or "").strip().lower()
    if coding in ("", "identity"):
        return payload
    if coding in ("gzip", "x-gzip", "deflate"):
        try:
            return zlib.decompress(payload, 47)  # 32 + 15: a gzip or zlib header, detected
        except zlib.error:
            if coding != "deflate":
                raise ValueError(f"the body's Content-Encoding {coding} could not be decoded") from None
        try:
            return zlib.decompress(payload, -15)  # "deflate" sent raw, as some servers do
        except zlib.error:
            raise ValueError("the body's Content-Encoding deflate could not be decoded") from None
    raise ValueError(f"the body's Content-Encoding {coding} is not supported")


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
                    try:
                        payload = decode_body(payload, headers.get("Transfer-Encoding"),
                                              headers.get("Content-Encoding"))
                    except ValueError as error:
                        yield Record(record_id, where, None, uri, problem=("undecodable", str(error)))
                        continue
            yield Record(record_id, where, payload, uri, charset=charset,
                         input_format="text" if text_format else None)
