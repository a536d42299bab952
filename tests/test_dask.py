"""newsclean.dask against a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

for _module in ("dask.bag", "distributed", "pyarrow", "fastwarc"):
    pytest.importorskip(_module, reason=f"the dask extra is not installed ({_module}): pip install '.[dask]'")

import pyarrow.parquet as pq  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import newsclean.dask as ndask  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from test_batch import ARTICLE, _jsonl, _warc  # noqa: E402


@pytest.fixture(scope="module")
def client() -> object:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as dask_client:
            yield dask_client


def _inputs(tmp_path: Path) -> list[str]:
    warc = _warc(tmp_path / "crawl.warc.gz")
    dump = _jsonl(tmp_path / "dump.jsonl", [{"id": 7, "html": ARTICLE, "url": "https://example.org/j"}, "oops"])
    return [str(warc), str(dump)]


def test_parquet_and_jsonl_from_warc_and_jsonl_on_two_workers(client: object, tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    ndask.write_parquet(inputs, str(tmp_path / "parquet"))
    table = pq.read_table(tmp_path / "parquet")
    assert table.schema == ndask.parquet_schema()
    rows = sorted(table.to_pylist(), key=lambda row: row["source"])
    assert len(rows) == 5  # 3 pages from the WARC (2 skipped), 2 JSONL lines
    by_url = {row["url"]: row for row in rows}
    assert by_url["https://example.org/a"]["title"] == "Budget approved"
    assert by_url["https://example.org/a"]["paragraphs"][0].startswith("The city council approved")
    assert [r["rule"] for r in json.loads(by_url["https://example.org/a"]["removed"])] == ["title-heading"]
    assert by_url["https://example.org/j"]["id"] == "7"  # a number kept as its JSON text
    bad = [row for row in rows if row["error"]]
    assert [(row["error"], row["source"]) for row in bad] == [("bad-json", f"{inputs[1]}:2")]

    written = ndask.write_jsonl(inputs, str(tmp_path / "jsonl"))
    assert len(written) == 2
    lines = [json.loads(line) for path in written for line in Path(path).read_text("utf-8").splitlines()]
    assert sorted(line["source"] for line in lines) == sorted(row["source"] for row in rows)
    assert set(lines[0]) == set(ndask.COLUMNS)


def test_dataframe_has_the_flat_columns(client: object, tmp_path: Path) -> None:
    frame = ndask.to_dataframe(_inputs(tmp_path))
    assert list(frame.columns) == list(ndask.COLUMNS)
    assert frame.npartitions == 2
    assert len(frame.compute()) == 5
