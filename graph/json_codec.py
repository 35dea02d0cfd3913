"""JSON bytes in and out with orjson (issue 25), the standard library wherever orjson would answer differently.

`loads` gives what `json.loads` gives for the same bytes, or the same kind of error (`ValueError`): orjson reads
UTF-8 JSON about ten times faster, and whatever it refuses (another encoding, a BOM, `NaN`, lone surrogates) is
handed to `json.loads`. One difference is kept: an integer beyond 64 bits reads as a float (no Graph or Bot
Framework member holds one). `dumps` writes compact UTF-8 JSON that reads back as `json.dumps` would have written
it; a value orjson cannot write (keys that are not strings, integers beyond 64 bits) goes to `json.dumps`, which
writes it or raises `TypeError` as before. Datetimes and dataclasses are refused (TypeError) as the standard
library refuses them.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

__all__ = ["dumps", "loads"]

_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def loads(data: bytes | str) -> Any:
    """`json.loads(data)`, by orjson when it can read `data`."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


def _refuse(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> bytes:
    """`json.dumps(value).encode()` as compact UTF-8, by orjson when it can write `value`."""
    try:
        return orjson.dumps(value, default=_refuse, option=_OPTIONS)
    except TypeError:
        return json.dumps(value).encode()
