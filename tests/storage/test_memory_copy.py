"""`storage.memory.MemoryStorage`: the SDK's store, one deep copy per written change (the contract suite runs on it too)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botbuilder.core import MemoryStorage, StoreItem

from storage.memory import MemoryStorage as MipaMemoryStorage
from storage.memory import private_copy


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
    real = private_copy
    monkeypatch.setattr("storage.memory.private_copy", lambda value, *a: copies.append(value) or real(value, *a))
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


class _Box:
    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)


class _Dict(dict[str, Any]):
    pass


def _shape(value: Any, seen: dict[int, int]) -> Any:
    """Types, values and which nodes are the same object (numbered in visit order): equal for equal copies."""
    if id(value) in seen:
        return ("same", seen[id(value)])
    if type(value) in (str, int, float, bool, type(None), bytes):
        return (type(value).__name__, value)
    seen[id(value)] = len(seen)
    if isinstance(value, dict):
        return (type(value).__name__, [(_shape(k, seen), _shape(v, seen)) for k, v in value.items()])
    if isinstance(value, list | tuple | set):
        return (type(value).__name__, [_shape(item, seen) for item in value])
    return (type(value).__name__, _shape(vars(value), seen))


def _values() -> list[Any]:
    shared = {"id": "e1", "at": [1, 2.5, None, True]}
    looped: dict[str, Any] = {"name": "loop"}
    looped["self"] = looped
    listed: list[Any] = [1]
    listed.append(listed)
    box = _Box(state={"values": shared}, options=[shared, "x"])
    return [
        {}, [], "text", 3, None, b"raw", (1, (2, 3)),
        {"dialog": {"stack": [{"id": "main", "state": {"values": [1, "two", 3.0, False, None]}}]}, "e_tag": "*"},
        {"a": shared, "b": shared, "c": [shared, shared]},
        looped, listed,
        {"box": box, "again": box, "values": shared},
        {"sub": _Dict(k=[1, {"n": 2}]), (1, "t"): "tuple key", 7: "int key"},
        [box.state, box, {"set": {1, 2}}, ("t", shared)],
    ]


def test_private_copy_is_deepcopy() -> None:
    for value in _values():
        expected, copied = copy.deepcopy(value), private_copy(value)
        assert _shape(copied, {}) == _shape(expected, {}) == _shape(value, {})
        assert (copied is value) == (expected is value)
        if isinstance(value, dict | list) and value:
            assert copied is not value
            first = next(iter(value.values())) if isinstance(value, dict) else value[0]
            if not isinstance(first, str | int | float | bool | bytes | type(None)):
                assert (next(iter(copied.values())) if isinstance(copied, dict) else copied[0]) is not first

