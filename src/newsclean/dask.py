# mypy: disable-error-code="no-untyped-call,no-any-return"
# (dask ships no type hints for bag; with or without it installed the checks pass)
"""Many files on a Dask cluster (the ``dask`` extra): WARC/WET and JSONL paths in, cleaned
documents out as a Dask bag or dataframe, written as JSON Lines or Parquet.

::

    from dask.distributed import Client
    import newsclean.dask as ndask

    client = Client("scheduler:8786")          # or Client() for a local cluster
    ndask.write_parquet(["s3://…/a.warc.gz", …], "out/")   # or write_jsonl, to_bag, to_dataframe

Each input file is one partition, read and cleaned on a worker with :mod:`newsclean.batch`
(in that worker's process: Dask already spreads the files over processes). Every record gives
one row, a document or an error (``error`` and ``reason`` set), in the flat schema of
:data:`COLUMNS`: lists of strings stay lists, nested fields (``related``, ``links``,
``removed``) are JSON strings, dates ISO strings. WARC records that are not pages (non-200,
not HTML) give no row. A worker that dies is Dask's to retry: the whole file again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import dask.bag as db

from newsclean.batch import Options, Result, clean_all, records
from newsclean.record import json_line

#: The flat schema of a row: column name -> kind (``str`` may be null, ``list`` is a list of str).
COLUMNS: dict[str, str] = {
    "id": "str",  # a JSON id that is not a string is kept as its JSON text
    "source": "str",
    "url": "str",
    "error": "str",
    "reason": "str",
    "title": "str",
    "body": "str",
    "paragraphs": "list",
    "paragraph_kinds": "list",
    "published": "str",
    "published_source": "str",
    "modified": "str",
    "modified_source": "str",
    "tags": "list",
    "authors": "list",
    "related": "json",
    "links": "json",
    "site_name": "str",
    "language": "str",
    "description": "str",
    "removed": "json",
    "warnings": "list",
}


def flat_row(result: Result) -> dict[str, Any]:
    """One :class:`~newsclean.batch.Result` as a row of :data:`COLUMNS`."""
    data = result.to_dict()
    row: dict[str, Any] = {}
    for name, kind in COLUMNS.items():
        value = data.get(name)
        if kind == "list":
            row[name] = [str(v) for v in value] if value is not None else []
        elif kind == "json":
            row[name] = json.dumps(value if value is not None else [], ensure_ascii=False)
        elif value is None or isinstance(value, str):
            row[name] = value
        else:
            row[name] = json.dumps(value, ensure_ascii=False)
    return row


def _clean_files(paths: Sequence[str], options: Options, field: str | None) -> Iterator[dict[str, Any]]:
    for result in clean_all(records(paths, field=field), processes=0, options=options):
        yield flat_row(result)


def to_bag(paths: Sequence[str], *, options: Options | None = None, field: str | None = None) -> db.Bag:
    """A bag of rows (dicts of :data:`COLUMNS`), one partition per input file."""
    options = options or Options()
    files = db.from_sequence([str(p) for p in paths], npartitions=max(1, len(paths)))
    return files.map_partitions(_clean_files, options, field)


def _meta() -> Any:
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=object) for name in COLUMNS})


def to_dataframe(paths: Sequence[str], *, options: Options | None = None, field: str | None = None) -> Any:
    """A Dask dataframe of rows with the columns of :data:`COLUMNS`."""
    return to_bag(paths, options=options, field=field).to_dataframe(meta=_meta())


def write_jsonl(paths: Sequence[str], out_dir: str, *, options: Options | None = None,
                field: str | None = None) -> list[str]:
    """Write ``out_dir/part-N.jsonl`` (one per input file, one flat row per line); returns their paths."""
    bag = to_bag(paths, options=options, field=field).map(json_line)
    written: list[str] = bag.to_textfiles(f"{out_dir.rstrip('/')}/part-*.jsonl")
    return written


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet files: strings, and lists of strings."""
    import pyarrow as pa

    return pa.schema([
        (name, pa.list_(pa.string()) if kind == "list" else pa.string()) for name, kind in COLUMNS.items()
    ])


def write_parquet(paths: Sequence[str], out_dir: str, *, options: Options | None = None,
                  field: str | None = None) -> None:
    """Write the rows as a Parquet dataset in ``out_dir`` (one file per input file)."""
    frame = to_dataframe(paths, options=options, field=field)
    frame.to_parquet(out_dir, schema=parquet_schema(), write_index=False)
