"""JSON bodies on the wire: compact UTF-8 as Graph writes them, with orjson (the standard library for what it refuses)."""

from __future__ import annotations

import json
from typing import Any

import orjson
from aiohttp import web

__all__ = ["dumps", "json_response"]


def dumps(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON; keys that are not strings, or integers past 64 bits, go through `json`."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def json_response(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """aiohttp's `web.json_response` (same `Content-Type: application/json; charset=utf-8`), encoded by `dumps`."""
    return web.Response(body=dumps(data), status=status, headers=headers, content_type="application/json", charset="utf-8")
