"""One storage suite run against botbuilder's MemoryStorage and RedisStorage on a real redis-server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from botbuilder.core import StoreItem

from storage import claim_once

from .conftest import StoreFactory

ODD_KEYS = [
    "msteams/conversations/a:1Xy-z_9@thread.skype;messageid=1700000000000/users/29:1abc",
    "19:meeting_NzU3@thread.v2",
    "clé à accents — 日本語 🚀",
    "with space\tand\nnewline",
    "*?#\\/%{}[]\"'",
]


async def test_read_of_missing_or_no_keys_is_empty(store) -> None:
    assert await store.read(["nope"]) == {}
    assert await store.read([]) == {}


async def test_write_read_delete_dict_and_store_item(store) -> None:
    await store.write({"a": {"count": 1, "nested": {"list": [1, "two", None]}}, "b": StoreItem(name="x", n=2)})
    items = await store.read(["a", "b", "c"])
    assert set(items) == {"a", "b"}
    assert items["a"]["count"] == 1 and items["a"]["nested"] == {"list": [1, "two", None]}
    assert isinstance(items["b"], StoreItem) and items["b"].name == "x" and items["b"].n == 2
    await store.delete(["a", "missing"])
    assert set(await store.read(["a", "b"])) == {"b"}


async def test_stale_etag_fails_with_etag_conflict(store) -> None:
    await store.write({"k": {"v": 0, "e_tag": "seed"}})
    first = (await store.read(["k"]))["k"]
    await store.write({"k": {"v": 1, "e_tag": first["e_tag"]}})
    with pytest.raises(Exception, match="Etag conflict"):
        await store.write({"k": {"v": 2, "e_tag": first["e_tag"]}})
    assert (await store.read(["k"]))["k"]["v"] == 1


async def test_star_and_missing_etag_overwrite(store) -> None:
    await store.write({"k": {"v": 0, "e_tag": "seed"}})
    current = (await store.read(["k"]))["k"]
    await store.write({"k": {"v": 1, "e_tag": current["e_tag"]}})
    await store.write({"k": {"v": 2, "e_tag": "*"}})
    assert (await store.read(["k"]))["k"]["v"] == 2
    await store.write({"k": {"v": 3}})
    assert (await store.read(["k"]))["k"]["v"] == 3


async def test_concurrent_writers_with_the_same_etag_exactly_one_wins(store_factory: StoreFactory) -> None:
    setup = store_factory()
    await setup.write({"k": {"winner": None, "e_tag": "seed"}})
    e_tag = (await setup.read(["k"]))["k"]["e_tag"]
    writers = [store_factory() for _ in range(12)]

    async def attempt(index: int) -> bool:
        try:
            await writers[index].write({"k": {"winner": index, "e_tag": e_tag}})
        except Exception as exc:
            assert "Etag conflict" in str(exc)
            return False
        return True

    results = await asyncio.gather(*(attempt(i) for i in range(len(writers))))
    assert results.count(True) == 1
    assert (await setup.read(["k"]))["k"]["winner"] == results.index(True)


async def test_large_value_round_trips(store) -> None:
    big = "x" * (1024 * 1024) + "é"
    await store.write({"big": {"blob": big, "items": list(range(1000))}})
    item = (await store.read(["big"]))["big"]
    assert item["blob"] == big and item["items"][-1] == 999


@pytest.mark.parametrize("key", ODD_KEYS)
async def test_keys_with_odd_characters(store, key: str) -> None:
    await store.write({key: {"k": key}})
    await store.write({"neighbour": {"k": "n"}})
    assert (await store.read([key]))[key]["k"] == key
    await store.delete([key])
    assert await store.read([key]) == {}
    assert (await store.read(["neighbour"]))["neighbour"]["k"] == "n"


async def test_datetimes_and_nested_objects_round_trip(store) -> None:
    aware = datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    naive = datetime(2024, 10, 27, 2, 30)
    await store.write({"d": {"when": aware, "local": naive, "deep": [{"x": [StoreItem(at=aware)]}]}})
    item = (await store.read(["d"]))["d"]
    assert item["when"] == aware and item["when"].tzinfo is not None
    assert item["local"] == naive and item["local"].tzinfo is None
    assert item["deep"][0]["x"][0].at == aware


async def test_claim_once_has_one_winner_among_concurrent_callers(store_factory: StoreFactory) -> None:
    stores = [store_factory() for _ in range(10)]
    results = await asyncio.gather(*(claim_once(s, "msteams/c1/exchange-1", ttl_seconds=60) for s in stores))
    assert results.count(True) == 1
    assert await claim_once(stores[0], "msteams/c1/exchange-1", ttl_seconds=60) is False
    assert await claim_once(stores[0], "msteams/c1/exchange-2", ttl_seconds=60) is True


async def test_claim_once_can_be_claimed_again_after_expiry(store) -> None:
    # A whole second between the first two claims is far more than a loaded machine needs.
    assert await claim_once(store, "exchange", ttl_seconds=1.0) is True
    assert await claim_once(store, "exchange", ttl_seconds=1.0) is False
    await asyncio.sleep(1.2)
    assert await claim_once(store, "exchange", ttl_seconds=1.0) is True
