"""What a Graph request answers (`GraphResponse`), and the shapes of parameters and reconcilers: a leaf module."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["GraphResponse", "Params", "Reconcile"]

Params = Mapping[str, str | int | bool | None]


@dataclass(frozen=True, slots=True)
class GraphResponse:
    """A successful Graph response: status, lower-cased headers, decoded JSON body (None when empty)."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    request_id: str | None = None

    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}

    def values(self) -> list[dict[str, Any]]:
        value = self.json().get("value")
        return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


Reconcile = Callable[[], Awaitable[GraphResponse | None]]
"""Looks up whether a non-idempotent write landed; returns the created item's response, or None."""
