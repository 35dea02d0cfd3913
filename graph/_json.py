"""Tolerant accessors for Graph JSON: a missing or mistyped member reads as empty."""

from __future__ import annotations

from typing import Any

__all__ = ["arr", "obj"]


def obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def arr(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
