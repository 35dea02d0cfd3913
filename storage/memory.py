"""`ExpiringMemoryStorage`: botbuilder's `MemoryStorage` with a time to live, so memory mode forgets as Redis does.

botbuilder's `MemoryStorage` keeps every key for the life of the process: each conversation's dialog state and
context (about 3 KB for a calendar read) stays after the conversation is long over. Here every key lives
`ttl_seconds` (STORAGE_TTL_SECONDS) after its last write, as in `RedisStorage`, and expired keys are dropped on
the next read or write. With one time to live, write order is deadline order: the sweep looks only at the
oldest keys and stops at the first that is still alive.

Its parent, `MemoryStorage` here, is botbuilder's with `write` storing each change with one deep copy: the SDK
deep-copies the change (so that the e-tag it sets is not set on the caller's object), then deep-copies that
private copy again to store it, a second walk of an object nobody else holds (~1 % of a calendar read's CPU,
twice per turn with the alerts' record, issue 25). That copy (`private_copy`) is `copy.deepcopy`'s, with the plain
dicts and lists of JSON-shaped state (most of a turn's state and all of the alerts' record) copied by a loop of its own
instead of deepcopy's dispatch per node (~2 % of a calendar read's CPU, issue 25); any other object goes to
`deepcopy` with the same memo, so shared objects stay shared as deepcopy keeps them. Reads, e-tags, conflicts and
errors are the SDK's.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from copy import deepcopy
from typing import Any

from botbuilder.core import MemoryStorage as SdkMemoryStorage

from .errors import StorageError

__all__ = ["ExpiringMemoryStorage", "MemoryStorage", "private_copy"]

#: Types deepcopy hands back as they are (its `_deepcopy_atomic`), checked by exact type.
_ATOMS = frozenset({str, int, float, bool, type(None), bytes})


def private_copy(value: Any) -> Any:
    """`copy.deepcopy(value)`: the same copy, with exact dicts and lists walked here (see the module docstring)."""
    return value if type(value) in _ATOMS else _copy(value, {})


def _copy(value: Any, memo: dict[int, Any]) -> Any:
    if id(value) in memo:
        return memo[id(value)]
    kind = type(value)
    if kind is dict:
        copied: dict[Any, Any] = {}
        memo[id(value)] = copied
        for key, item in value.items():
            copied[key if type(key) in _ATOMS else deepcopy(key, memo)] = (
                item if type(item) in _ATOMS else _copy(item, memo))
        return copied
    if kind is list:
        items: list[Any] = []
        memo[id(value)] = items
        append = items.append
        for item in value:
            append(item if type(item) in _ATOMS else _copy(item, memo))
        return items
    return deepcopy(value, memo)


class MemoryStorage(SdkMemoryStorage):  # type: ignore[misc]
    """botbuilder's `MemoryStorage` with `write` storing its one private copy of each change."""

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise Exception("Changes are required when writing")  # noqa: TRY002 - the SDK's exact error
        for key, change in changes.items():
            new_value = private_copy(change)
            old_etag = None
            if key in self.memory:
                old = self.memory[key]
                old_etag = old.get("e_tag", None) if isinstance(old, dict) else getattr(old, "e_tag", None)
            new_etag = new_value.get("e_tag", None) if isinstance(new_value, dict) else getattr(new_value, "e_tag", None)
            if new_etag == "":
                raise Exception("memory_storage.write(): etag missing")  # noqa: TRY002 - the SDK's exact error
            if old_etag is not None and new_etag is not None and new_etag != "*" and new_etag != old_etag:
                raise KeyError(f"Etag conflict.\nOriginal: {new_etag}\r\nCurrent: {old_etag}")
            if old_etag:  # the original had an e-tag: the stored copy gets a new one (as the SDK, like C#)
                if isinstance(new_value, dict):
                    new_value["e_tag"] = str(self._e_tag)
                else:
                    new_value.e_tag = str(self._e_tag)
            self._e_tag += 1
            self.memory[key] = new_value


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
        if changes is None:
            await super().write(changes)  # the SDK's error
        # One key at a time, in order, as the SDK writes them: an eTag conflict stops the write part-way, and each
        # key written before it lives the TTL from now; the keys after it keep their own deadlines.
        for key, change in changes.items():
            await super().write({key: change})
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
