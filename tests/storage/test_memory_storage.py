"""`ExpiringMemoryStorage`: memory mode forgets every key STORAGE_TTL_SECONDS after its last write (issue 25)."""

from __future__ import annotations

import pytest

from storage import ExpiringMemoryStorage, StorageError, claim_once, create_storage


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_key_lives_ttl_seconds_after_its_last_write() -> None:
    ticks = Ticks()
    store = ExpiringMemoryStorage(ttl_seconds=60, monotonic=ticks)
    await store.write({"a": {"n": 1}, "b": {"n": 1}})
    ticks.now += 40
    await store.write({"a": {"n": 2}})  # a's time to live starts again
    ticks.now += 30
    assert await store.read(["a", "b"]) == {"a": {"n": 2}}
    ticks.now += 31
    assert await store.read(["a", "b"]) == {}
    assert store.memory == {}


async def test_the_store_holds_only_the_conversations_of_the_last_ttl() -> None:
    """One conversation state a second for an hour, a TTL of ten minutes: about 600 keys, not 3,600."""
    ticks = Ticks()
    store = ExpiringMemoryStorage(ttl_seconds=600, monotonic=ticks)
    for i in range(3600):
        await store.write({f"msteams/conversations/c{i}": {"dialog_state": {"stack": []}}})
        ticks.now += 1
    assert 599 <= len(store.memory) <= 601
    assert "msteams/conversations/c3599" in store.memory and "msteams/conversations/c0" not in store.memory


async def test_deleted_and_conflicting_keys() -> None:
    ticks = Ticks()
    store = ExpiringMemoryStorage(ttl_seconds=60, monotonic=ticks)
    await store.write({"k": {"v": 0, "e_tag": "seed"}, "gone": {"v": 0}})
    await store.delete(["gone"])
    current = (await store.read(["k"]))["k"]
    with pytest.raises(KeyError, match="Etag conflict"):
        await store.write({"new": {"v": 1}, "k": {"v": 2, "e_tag": "stale"}})
    assert (await store.read(["k"]))["k"]["v"] == current["v"] and "new" in store.memory
    ticks.now += 61
    assert store.expire() == 2 and store.memory == {}


async def test_a_write_stopped_by_a_conflict_does_not_renew_the_keys_it_did_not_write() -> None:
    ticks = Ticks()
    store = ExpiringMemoryStorage(ttl_seconds=60, monotonic=ticks)
    await store.write({"k": {"v": 0, "e_tag": "seed"}, "later": {"v": 0}})
    ticks.now += 30
    with pytest.raises(KeyError, match="Etag conflict"):
        await store.write({"first": {"v": 1}, "k": {"v": 2, "e_tag": "stale"}, "later": {"v": 3}})
    assert (await store.read(["later"]))["later"]["v"] == 0  # never reached: not written
    ticks.now += 31  # 61 s after "k" and "later" were written, 31 s after "first"
    assert store.expire() == 2 and set(store.memory) == {"first"}


async def test_claims_in_memory_expire_with_the_store_never_before_their_own_ttl() -> None:
    ticks = Ticks()
    store = ExpiringMemoryStorage(ttl_seconds=60, monotonic=ticks)
    assert await claim_once(store, "sso/c1/x", ttl_seconds=300) is True
    ticks.now += 299
    store.expire()
    assert await claim_once(store, "sso/c1/x", ttl_seconds=300) is False
    assert "sso/c1/x" in store.memory
    ticks.now += 2
    assert store.expire() == 1 and store.memory == {}


def test_memory_mode_takes_the_storage_ttl_setting() -> None:
    store = create_storage(url="memory://", ttl_seconds=120)
    assert isinstance(store, ExpiringMemoryStorage) and store.ttl_seconds == 120
    with pytest.raises(StorageError):
        ExpiringMemoryStorage(ttl_seconds=0)
