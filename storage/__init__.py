"""Shared state stores for more than one instance: Redis, plus memory and Azure through botbuilder."""

from __future__ import annotations

from .claims import claim_once
from .errors import ETagConflict, StorageError, StorageUnavailable, UnsafePayload
from .factory import create_storage
from .redis_storage import RedisStorage
from .serialization import StateSerializer

__all__ = [
    "ETagConflict",
    "RedisStorage",
    "StateSerializer",
    "StorageError",
    "StorageUnavailable",
    "UnsafePayload",
    "claim_once",
    "create_storage",
]
