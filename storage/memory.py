"""`MemoryStorage`: botbuilder's in-memory store, writing each change with one deep copy instead of two.

The SDK's `MemoryStorage.write` deep-copies the change (so that the e-tag it sets is not set on the caller's
object), then deep-copies that private copy again to store it: the second walk of the conversation's state
copies an object nobody else holds (~1 % of a calendar read's CPU, twice per turn with the alerts' record,
issue 25). Reads, e-tags, conflicts and errors are the SDK's.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from botbuilder.core import MemoryStorage as SdkMemoryStorage

__all__ = ["MemoryStorage"]


class MemoryStorage(SdkMemoryStorage):  # type: ignore[misc]
    """botbuilder's `MemoryStorage` with `write` storing its one private copy of each change."""

    async def write(self, changes: dict[str, Any]) -> None:
        if changes is None:
            raise Exception("Changes are required when writing")  # noqa: TRY002 - the SDK's exact error
        for key, change in changes.items():
            new_value = deepcopy(change)
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
