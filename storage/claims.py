"""`claim_once`: an atomic "first writer wins" on a shared store, for duplicate SSO token exchanges.

Teams sends the same `signin/tokenExchange` from every client a person has open, and with several
instances the duplicates can be processed at the same moment. Exactly one caller must go on.

- `RedisStorage`: Redis `SET NX PX`, atomic across instances.
- botbuilder `MemoryStorage`: a check-and-set on its dictionary with no `await` in between, so it
  is atomic within one event loop (one instance).
- any other `Storage` (Cosmos DB, Blob): read, then write with a fresh eTag; the store's own
  conditional write rejects the second writer ("Etag conflict" / "precondition is not met").
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Protocol, runtime_checkable

from botbuilder.core import MemoryStorage, Storage

from .errors import ETagConflict, StorageError
from .memory import ExpiringMemoryStorage

__all__ = ["claim_once"]

logger = logging.getLogger(__name__)

_CONFLICT_MARKERS = ("etag conflict", "precondition is not met", "conditionnotmet", "precondition failed")


@runtime_checkable
class AtomicClaims(Protocol):
    """A store with its own atomic claim (`RedisStorage`), named by shape so that memory mode never imports redis."""

    async def claim(self, key: str, *, ttl_seconds: float) -> bool: ...


async def claim_once(storage: Storage, key: str, *, ttl_seconds: float) -> bool:
    """True for exactly one caller per `key` until the claim expires after `ttl_seconds`."""
    if ttl_seconds <= 0:
        raise StorageError("ttl_seconds must be positive")
    if isinstance(storage, MemoryStorage):
        return _claim_in_memory(storage, key, ttl_seconds=ttl_seconds)
    if isinstance(storage, AtomicClaims):
        return await storage.claim(key, ttl_seconds=ttl_seconds)
    return await _claim_with_etag(storage, key, ttl_seconds=ttl_seconds)


def _claim_in_memory(storage: MemoryStorage, key: str, *, ttl_seconds: float) -> bool:
    # No await in this function: nothing else on the loop runs between the check and the set.
    now = time.time()
    current = storage.memory.get(key)
    if current is not None and not _expired(current, now):
        return False
    storage.memory[key] = {"claimed": True, "expires_at": now + ttl_seconds}
    if isinstance(storage, ExpiringMemoryStorage):
        storage.keep(key, ttl_seconds)
    return True


async def _claim_with_etag(storage: Storage, key: str, *, ttl_seconds: float) -> bool:
    now = time.time()
    current = (await storage.read([key])).get(key)
    if current is not None and not _expired(current, now):
        return False
    owner = uuid.uuid4().hex
    item = {"claimed": True, "expires_at": now + ttl_seconds, "owner": owner}
    # An expired claim is replaced only if nobody replaced it first; a new one carries a fresh
    # eTag, which a second writer's conditional write cannot match.
    previous = current.get("e_tag") if isinstance(current, dict) else None
    item["e_tag"] = previous or owner
    try:
        await storage.write({key: item})
    except ETagConflict:
        return False
    except Exception as exc:  # botbuilder-azure stores raise their SDKs' errors
        if _is_conflict(exc):
            return False
        raise
    # Stores without real conditional writes: the last writer owns the claim.
    stored = (await storage.read([key])).get(key)
    won = isinstance(stored, dict) and stored.get("owner") == owner
    if not won:
        logger.info("claim lost after write (store without conditional writes)")
    return won


def _expired(item: object, now: float) -> bool:
    expires_at = item.get("expires_at") if isinstance(item, dict) else None
    return isinstance(expires_at, int | float) and expires_at <= now


def _is_conflict(exc: BaseException) -> bool:
    if getattr(exc, "status_code", None) in (409, 412):
        return True
    text = str(exc).lower()
    return any(marker in text for marker in _CONFLICT_MARKERS)
