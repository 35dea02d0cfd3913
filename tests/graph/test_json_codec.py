"""graph.json_codec reads and writes what the standard library's json does, by orjson where it can."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pytest

from graph.json_codec import dumps, loads

READ = [
    b'{"value": [{"id": "AAMk=", "subject": "\\u00e9t\\u00e9", "n": 1.5, "ok": true, "none": null}]}',
    '{"subject": "réunion 🗓"}'.encode(),
    b'\xef\xbb\xbf{"bom": 1}',  # orjson refuses a BOM
    '{"utf16": 1}'.encode("utf-16"),  # and other encodings
    b'[NaN, Infinity]',  # and the standard library's non-JSON numbers
    b'"\\ud800"',  # and a lone surrogate
]


@pytest.mark.parametrize("data", READ)
def test_loads_reads_what_json_loads_reads(data: bytes) -> None:
    assert repr(loads(data)) == repr(json.loads(data))


@pytest.mark.parametrize("data", [b"", b"{", b'{"a": 1,}', b"\xff\xfe\xfd"])
def test_loads_refuses_what_json_loads_refuses(data: bytes) -> None:
    with pytest.raises(ValueError):
        json.loads(data)
    with pytest.raises(ValueError):
        loads(data)


class Verb(StrEnum):
    OPEN = "open"


@dataclass
class Point:
    x: int


WRITE: list[Any] = [
    {"type": "AdaptiveCard", "body": [{"text": "été 🗓", "wrap": True, "size": None, "n": 1.25}]},
    {"verb": Verb.OPEN},
    {1: "int keys", None: "none key"},  # orjson refuses these keys: json.dumps writes them
    [2**70],  # beyond 64 bits
]


@pytest.mark.parametrize("value", WRITE)
def test_dumps_writes_what_json_dumps_writes(value: Any) -> None:
    assert json.loads(dumps(value)) == json.loads(json.dumps(value))


@pytest.mark.parametrize("value", [{"at": datetime(2026, 1, 1, tzinfo=UTC)}, [Point(1)], {"s": {1, 2}}])
def test_dumps_refuses_what_json_dumps_refuses(value: Any) -> None:
    with pytest.raises(TypeError):
        json.dumps(value)
    with pytest.raises(TypeError):
        dumps(value)
