"""The Parquet tables a batch writes, one file per shard: ``OUT/TABLE/shard=NNNNN/part.parquet``.

The partitioning is hive-style, so DuckDB (``read_parquet('OUT/findings/*/*.parquet',
hive_partitioning = true)``), pandas (``pandas.read_parquet('OUT/findings')``) and pyarrow read a
table whole, with ``shard`` as a column.  Each table's columns are the fields of the JSON rows
``whereas check --format json`` and ``whereas verify --format json`` print, with nested values as
Parquet structs and lists, plus the content hash of the file they came from.  The schemas are fixed
here, so that every shard's file has the same columns and types, even a shard without a row.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from whereas.batch.plan import shard_dir, write_atomically

PART = "part.parquet"

_position = pa.struct([("line", pa.int64()), ("column", pa.int64()), ("offset", pa.int64())])

#: ``whereas check --format json``'s row (``whereas.reports.json.row``), and the file's ``sha256``
FINDINGS = pa.schema(
    [
        ("code", pa.string()),
        ("name", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        ("path", pa.string()),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("end_line", pa.int64()),
        ("end_column", pa.int64()),
        ("clause", pa.string()),
        (
            "fix",
            pa.struct(
                [
                    ("message", pa.string()),
                    ("applicability", pa.string()),
                    (
                        "edits",
                        pa.list_(pa.struct([("start", _position), ("end", _position), ("replacement", pa.string())])),
                    ),
                ]
            ),
        ),
        ("profile", pa.struct([("name", pa.string()), ("reason", pa.string())])),
        ("location", pa.string()),  # Word, OpenDocument and PDF files only (absent from the JSON otherwise)
        ("sha256", pa.string()),
    ]
)

#: one row per file a shard checked: what a finding-less file leaves, and each file's error
FILES = pa.schema(
    [
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("resolutions", pa.int64()),
        ("findings", pa.int64()),
        ("profile", pa.string()),
        ("profile_reason", pa.string()),
        ("error", pa.string()),
    ]
)

#: ``whereas verify --format json``'s ``quotations`` rows, and the file's ``sha256``
VERDICTS = pa.schema(
    [
        ("path", pa.string()),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("clause", pa.string()),
        ("speaker", pa.string()),
        ("text", pa.string()),
        ("note", pa.string()),
        ("url", pa.string()),
        ("verdict", pa.string()),
        (
            "differences",
            pa.list_(
                pa.struct(
                    [("kind", pa.string()), ("quoted", pa.string()), ("source", pa.string()), ("apart", pa.int64())]
                )
            ),
        ),
        ("alterations", pa.list_(pa.string())),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("passage", pa.string()),
        ("found_in", pa.string()),
        ("reason", pa.string()),
        (
            "evidence",
            pa.struct(
                [("url", pa.string()), ("status", pa.string()), ("sha256", pa.string()), ("fetched_at", pa.string())]
            ),
        ),
        ("sha256", pa.string()),
    ]
)

#: ``whereas verify --format json``'s ``sources`` rows; their ``sha256`` is the fetched body's, so the
#: file's is ``file_sha256``
SOURCES = pa.schema(
    [
        ("path", pa.string()),
        ("line", pa.int64()),
        ("note", pa.string()),
        ("url", pa.string()),
        ("status", pa.string()),
        ("http_status", pa.int64()),
        ("final_url", pa.string()),
        ("redirects", pa.list_(pa.string())),
        ("content_type", pa.string()),
        ("title", pa.string()),
        ("cited_title", pa.string()),
        ("title_matches", pa.bool_()),
        ("archived_copy", pa.string()),
        ("fetched_at", pa.string()),
        ("sha256", pa.string()),
        ("error", pa.string()),
        ("from_archive", pa.bool_()),
        ("file_sha256", pa.string()),
    ]
)


def part_path(out: Path, table: str, shard: int) -> Path:
    return out / table / shard_dir(shard) / PART


def write(out: Path, table: str, shard: int, schema: pa.Schema, rows: list[dict[str, Any]]) -> int:
    """Write one shard's rows of ``table`` (atomically); the number of rows.  A field the schema
    does not know is an error, not a column silently dropped."""
    names = set(schema.names)
    for row in rows:
        unknown = set(row) - names
        if unknown:
            raise ValueError(f"{table}: no column for {sorted(unknown)}: add it to the schema in whereas.batch.tables")
    data = pa.Table.from_pylist(rows, schema=schema)
    buffer = io.BytesIO()
    pq.write_table(data, buffer, compression="zstd")
    write_atomically(part_path(out, table, shard), buffer.getvalue())
    return len(rows)
