"""Shared state stores for more than one instance: Redis, plus memory and Azure through botbuilder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .claims import claim_once
from .errors import ETagConflict, StorageError, StorageUnavailable, UnsafePayload
from .factory import create_storage
from .memory import ExpiringMemoryStorage
from .serialization import StateSerializer

if TYPE_CHECKING:
    from .redis_storage import RedisStorage

__all__ = [
    "ETagConflict",
    "ExpiringMemoryStorage",
    "RedisStorage",
    "StateSerializer",
    "StorageError",
    "StorageUnavailable",
    "UnsafePayload",
    "claim_once",
    "create_storage",
]


def __getattr__(name: str) -> Any:
    """`RedisStorage` on first use: a bot with its state in memory never imports redis."""
    if name == "RedisStorage":
        from .redis_storage import RedisStorage

        return RedisStorage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
