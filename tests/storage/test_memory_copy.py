"""`storage.memory.MemoryStorage`: the SDK's store, one deep copy per written change (the contract suite runs on it too)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botbuilder.core import MemoryStorage, StoreItem

from storage.memory import MemoryStorage as MipaMemoryStorage


async def _writes(store: MemoryStorage) -> tuple[dict[str, Any], list[Any]]:
    """The same writes on a store: its memory afterwards and what each write raised."""
    state: dict[str, Any] = {"dialog": {"stack": [{"id": "main", "state": {"values": [1, "two"]}}]}, "e_tag": "*"}
    item = StoreItem(n=1, e_tag="*")
    raised: list[Any] = []
    for changes in ({"c": state, "i": item}, {"c": state}, {"c": {"stale": True, "e_tag": "nope"}},
                    {"c": {"empty": True, "e_tag": ""}}, {"x": {"no": "etag"}}, {}):
        try:
            await store.write(changes)
            raised.append(None)
        except Exception as exc:  # noqa: BLE001 - compared between the two stores
            raised.append((type(exc), str(exc)))
    state["dialog"]["stack"].append("changed after the write")  # the stored copy must not see this
    item.n = 2
    return {k: (vars(v) if isinstance(v, StoreItem) else v) for k, v in store.memory.items()}, raised


async def test_same_stored_values_etags_and_errors_as_the_sdk() -> None:
    assert await _writes(MipaMemoryStorage()) == await _writes(MemoryStorage())


async def test_a_change_is_copied_once_and_the_callers_object_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    copies: list[object] = []
    real = copy.deepcopy
    monkeypatch.setattr("storage.memory.deepcopy", lambda value, *a: copies.append(value) or real(value, *a))
    store = MipaMemoryStorage()
    state = {"n": [1], "e_tag": "*"}
    await store.write({"k": state})
    await store.write({"k": state})
    assert len(copies) == 2  # one per change (the SDK makes two)
    assert state == {"n": [1], "e_tag": "*"} and store.memory["k"] is not state
    assert store.memory["k"]["e_tag"] == "1" and store.memory["k"]["n"] is not state["n"]


def test_the_expiring_store_memory_mode_uses_copies_once_too() -> None:
    from storage.memory import ExpiringMemoryStorage

    assert issubclass(ExpiringMemoryStorage, MipaMemoryStorage)
