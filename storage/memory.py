"""`ExpiringMemoryStorage`: botbuilder's `MemoryStorage` with a time to live, so memory mode forgets as Redis does.

botbuilder's `MemoryStorage` keeps every key for the life of the process: each conversation's dialog state and
context (about 3 KB for a calendar read) stays after the conversation is long over. Here every key lives
`ttl_seconds` (STORAGE_TTL_SECONDS) after its last write, as in `RedisStorage`, and expired keys are dropped on
the next read or write. With one time to live, write order is deadline order: the sweep looks only at the
oldest keys and stops at the first that is still alive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from botbuilder.core import MemoryStorage

from .errors import StorageError

__all__ = ["ExpiringMemoryStorage"]


class ExpiringMemoryStorage(MemoryStorage):  # type: ignore[misc]
    """`MemoryStorage` whose keys expire `ttl_seconds` after their last write (one process only, like its parent)."""

    def __init__(
        self,
        dictionary: dict[str, Any] | None = None,
        *,
        ttl_seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl_seconds <= 0:
            raise StorageError("ttl_seconds must be positive")
        super().__init__(dictionary)
        self.ttl_seconds = ttl_seconds
        self._monotonic = monotonic
        self._deadlines: dict[str, float] = {}  # key -> when it expires, oldest write first

    async def read(self, keys: list[str]) -> dict[str, Any]:
        self.expire()
        return await super().read(keys)  # type: ignore[no-any-return]

    async def write(self, changes: dict[str, Any]) -> None:
        self.expire()
        try:
            await super().write(changes)
        finally:  # an eTag conflict stops the write part-way: what it wrote expires too
            for key in changes:
                if key in self.memory:
                    self.keep(key)

    async def delete(self, keys: list[str]) -> None:
        await super().delete(keys)
        for key in keys:
            self._deadlines.pop(key, None)

    def keep(self, key: str, seconds: float | None = None) -> None:
        """`key` (written straight into `memory`, as `claim_once` does) lives `seconds` from now, at least the TTL."""
        self._deadlines.pop(key, None)
        self._deadlines[key] = self._monotonic() + max(self.ttl_seconds, seconds or 0.0)

    def expire(self) -> int:
        """Drop the keys whose time to live is over; how many there were."""
        now = self._monotonic()
        gone = []
        for key, deadline in self._deadlines.items():
            if deadline > now:
                break
            gone.append(key)
        for key in gone:
            del self._deadlines[key]
            self.memory.pop(key, None)
        return len(gone)
