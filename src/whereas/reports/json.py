"""``--format json``: a JSON array of findings, one object per finding (``Diagnostic.as_dict``)."""

from __future__ import annotations

import functools
import json
import json.encoder
from collections.abc import Callable
from typing import TextIO

from whereas.api import CheckResult, FileResult


def render(result: CheckResult) -> str:
    # One finding per line: readable, diff-friendly, and encoded by json's C encoder (indent= is pure Python).
    parts = [f.rendered if f.rendered is not None else render_file(f) for f in result.files]
    body = ",\n".join(part for part in parts if part)
    return "[\n" + body + "\n]\n" if body else "[]\n"


def render_file(result: FileResult) -> str:
    """One file's findings: its rows of the array, without the brackets (``check_paths(render_file=…)``)."""
    encode = _row_encoder()
    return ",\n".join([encode(d.as_dict()) for d in result.diagnostics])


@functools.cache
def _row_encoder() -> Callable[[object], str]:
    """``json.dumps(row, ensure_ascii=False)``, with the encoder built once instead of once per row."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator: the plain way
        return lambda row: json.dumps(row, ensure_ascii=False)
    encoder = json.JSONEncoder(ensure_ascii=False)
    # the arguments json.JSONEncoder.iterencode gives the C encoder for these settings
    iterencode = make(
        {}, encoder.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True
    )

    def encode(row: object) -> str:
        return "".join(iterencode(row, 0))

    return encode


def write(result: CheckResult, out: TextIO) -> None:
    out.write(render(result))
