"""The alerts' shared state on the bot's store (memory, Redis, Cosmos DB, Blob): records, index, claims.

Keys (under `prefix`, default "notify"):
- `notify:user:{channel user id}` — the person's `UserRecord` (ids, preferences, due times; no subjects);
- `notify:index` — the ids of everyone with a record, so that every instance can walk them;
- `notify:sub:{subscription id}` — which person a Graph subscription belongs to, and its clientState;
- claims through `claim` (storage.claim_once on the same store): exactly one instance sends each alert.

The store is any object with botbuilder's `Storage` methods (`read`, `write`, `delete`); this package imports
nothing from botbuilder. Read-modify-writes carry the eTag read and retry on a conflict.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import StoreConflict
from .models import UserRecord

__all__ = ["Claim", "NotifyStore", "Storage", "Stored"]

logger = logging.getLogger(__name__)

ATTEMPTS = 8
_CONFLICT_MARKERS = ("etag conflict", "precondition", "conditionnotmet", "conflict")


class Storage(Protocol):
    """botbuilder's `Storage` interface, by shape."""

    async def read(self, keys: list[str]) -> dict[str, Any]: ...

    async def write(self, changes: dict[str, Any]) -> None: ...

    async def delete(self, keys: list[str]) -> None: ...


#: `await claim(key, ttl_seconds)` is True for exactly one caller per key until the claim expires.
Claim = Callable[[str, float], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class Stored:
    """A person's record as read (None: none stored) and the stored value it came from (with its eTag)."""

    record: UserRecord | None
    raw: Any


def _is_conflict(exc: BaseException) -> bool:
    if type(exc).__name__ == "ETagConflict" or getattr(exc, "status_code", None) in (409, 412):
        return True
    return any(marker in str(exc).lower() for marker in _CONFLICT_MARKERS)


class NotifyStore:
    """Records, the index and claims for alerts, on a shared store."""

    def __init__(self, storage: Storage, *, claim: Claim, prefix: str = "notify") -> None:
        self.storage = storage
        self._claim = claim
        self.prefix = prefix

    def _user_key(self, user_id: str) -> str:
        return f"{self.prefix}:user:{user_id}"

    @property
    def _index_key(self) -> str:
        return f"{self.prefix}:index"

    def _sub_key(self, subscription_id: str) -> str:
        return f"{self.prefix}:sub:{subscription_id}"

    async def get(self, user_id: str) -> UserRecord | None:
        return (await self.read(user_id)).record

    async def read(self, user_id: str) -> Stored:
        """The record and what it was read from: `update(..., read=)` then starts from it instead of reading again."""
        raw = (await self.storage.read([self._user_key(user_id)])).get(self._user_key(user_id))
        return Stored(UserRecord.from_dict(raw) if isinstance(raw, dict) and raw.get("user_id") else None, raw)

    async def update(self, user_id: str, change: Callable[[UserRecord | None], UserRecord | None], *,
                     read: Stored | None = None) -> UserRecord | None:
        """Apply `change` to the stored record (None: none stored) and store its result (None: delete).

        `read` (from `read(user_id)`) is the first attempt's record: its eTag makes the write fail if the record
        changed since, and the next attempt reads it again (a record read without an eTag is written as before).
        """
        key = self._user_key(user_id)
        for _ in range(ATTEMPTS):
            if read is None:
                raw = (await self.storage.read([key])).get(key)
                current = UserRecord.from_dict(raw) if isinstance(raw, dict) and raw.get("user_id") else None
            else:
                raw, current, read = read.raw, read.record, None
            wanted = change(current)
            if wanted is None:
                if current is not None:
                    await self.storage.delete([key])
                    await self._edit_index(remove=user_id)
                return None
            item = wanted.as_dict(copy=False)  # the store copies or serialises it: one deep copy, not two
            if isinstance(raw, dict) and raw.get("e_tag"):
                item["e_tag"] = raw["e_tag"]
            try:
                await self.storage.write({key: item})
            except Exception as exc:
                if _is_conflict(exc):
                    continue
                raise
            if current is None:
                await self._edit_index(add=user_id)
            return wanted
        raise StoreConflict("the record kept changing")

    async def delete(self, user_id: str) -> None:
        await self.update(user_id, lambda _current: None)

    async def users(self) -> list[str]:
        raw = (await self.storage.read([self._index_key])).get(self._index_key)
        return list(raw.get("users") or []) if isinstance(raw, dict) else []

    async def touch_index(self) -> None:
        """Rewrite the index as it is (stores with a time to live keep it alive)."""
        await self._edit_index()

    async def _edit_index(self, *, add: str | None = None, remove: str | None = None) -> None:
        for _ in range(ATTEMPTS):
            raw = (await self.storage.read([self._index_key])).get(self._index_key)
            users = list(raw.get("users") or []) if isinstance(raw, dict) else []
            if add is not None and add not in users:
                users.append(add)
            if remove is not None and remove in users:
                users.remove(remove)
            item: dict[str, Any] = {"users": users}
            if isinstance(raw, dict) and raw.get("e_tag"):
                item["e_tag"] = raw["e_tag"]
            try:
                await self.storage.write({self._index_key: item})
                return
            except Exception as exc:
                if not _is_conflict(exc):
                    raise
        raise StoreConflict("the index kept changing")

    async def link_subscription(self, subscription_id: str, user_id: str, client_state: str) -> None:
        await self.storage.write({self._sub_key(subscription_id): {"user_id": user_id, "client_state": client_state}})

    async def unlink_subscription(self, subscription_id: str) -> None:
        await self.storage.delete([self._sub_key(subscription_id)])

    async def subscription_owner(self, subscription_id: str) -> tuple[str, str] | None:
        """(channel user id, clientState) of a subscription MIPA made, else None."""
        raw = (await self.storage.read([self._sub_key(subscription_id)])).get(self._sub_key(subscription_id))
        if not isinstance(raw, dict) or not raw.get("user_id"):
            return None
        return str(raw["user_id"]), str(raw.get("client_state") or "")

    async def claim(self, what: str, *, ttl_seconds: float) -> bool:
        """True on exactly one instance for `what` (e.g. "reminder:{user}:{event}:{start}")."""
        return await self._claim(f"{self.prefix}:claim:{what}", ttl_seconds)
