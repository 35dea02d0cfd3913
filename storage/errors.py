"""The storage package's exception tree, translated from redis and jsonpickle errors at the boundary.

    StorageError              any failure of a MIPA store (also bad settings)
    ├── StorageUnavailable    the store cannot be reached (down, timeout, refused, wrong password)
    ├── ETagConflict          optimistic concurrency: the item changed since it was read
    └── UnsafePayload         a stored value names a type outside the allowlist; nothing was built

`ETagConflict`'s message starts with "Etag conflict" so that botbuilder's
`TeamsSSOTokenExchangeMiddleware` recognises it the way it recognises `MemoryStorage`'s error.
"""

from __future__ import annotations

__all__ = ["ETagConflict", "StorageError", "StorageUnavailable", "UnsafePayload"]


class StorageError(Exception):
    """Base class of every error raised by `storage`."""


class StorageUnavailable(StorageError):
    """The store could not be reached or refused the connection."""


class ETagConflict(StorageError):
    """A write carried an eTag that no longer matches the stored item."""

    def __init__(self, *, key_hint: str = "") -> None:
        super().__init__(f"Etag conflict: the item changed since it was read{key_hint}")


class UnsafePayload(StorageError):
    """A stored value was rejected before any object was built from it."""
