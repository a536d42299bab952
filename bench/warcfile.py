"""A minimal WARC 1.0 writer for building test and benchmark files (no dependency).

Each record is its own gzip member when ``gzipped``, as in Common Crawl's files.
"""

from __future__ import annotations

import gzip
import uuid
from typing import BinaryIO


def record(
    warc_type: str,
    block: bytes,
    *,
    uri: str | None = None,
    content_type: str = "application/http; msgtype=response",
    record_id: str | None = None,
    date: str = "2026-01-01T00:00:00Z",
) -> bytes:
    """One WARC record: its headers, ``block`` and the two CRLFs that end it."""
    headers = [
        "WARC/1.0",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: {record_id or f'<urn:uuid:{uuid.uuid4()}>'}",
        f"WARC-Date: {date}",
    ]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(
    body: bytes, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8"
) -> bytes:
    """The HTTP response a WARC response record holds."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("latin-1") + body


def response(uri: str, body: bytes, **http: str) -> bytes:
    return record("response", http_response(body, **http), uri=uri)


def conversion(uri: str, text: str) -> bytes:
    """A WET record: the page's text."""
    return record("conversion", text.encode("utf-8"), uri=uri, content_type="text/plain")


def warcinfo() -> bytes:
    return record("warcinfo", b"software: newsclean bench\r\n", content_type="application/warc-fields")


def write(out: BinaryIO, records: list[bytes], *, gzipped: bool = True) -> None:
    for data in records:
        out.write(gzip.compress(data, compresslevel=6) if gzipped else data)
