"""RedisStorage-specific behaviour on a real redis-server: eTags, TTL, prefixes, passwords, outages."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest
from botbuilder.core import MemoryStorage
from botbuilder.core.teams.teams_sso_token_exchange_middleware import _TokenStoreItem
from redis.asyncio import Redis

from devkit import RedisServer, free_port
from storage import ETagConflict, RedisStorage, StorageError, StorageUnavailable, claim_once

from .conftest import REDIS_PASSWORD


async def test_every_write_assigns_a_new_etag_even_the_first(redis_store: RedisStorage) -> None:
    item = {"v": 1, "e_tag": "caller-chosen"}
    await redis_store.write({"k": item})
    first = (await redis_store.read(["k"]))["k"]["e_tag"]
    assert first != "caller-chosen" and len(first) == 32
    assert item["e_tag"] == first  # recorded on the caller's item
    await redis_store.write({"k": item})  # so a second save in the same turn does not conflict
    assert (await redis_store.read(["k"]))["k"]["e_tag"] not in (first, "caller-chosen")


async def test_sso_middleware_style_duplicate_write_conflicts_on_redis_not_on_memory(
    redis_store: RedisStorage,
) -> None:
    # botbuilder's middleware writes _TokenStoreItem(e_tag=<exchange id>) and treats "Etag conflict"
    # as "already processed". MemoryStorage lets the second duplicate through (B6); Redis does not.
    for store, second_conflicts in ((redis_store, True), (MemoryStorage(), False)):
        await store.write({"msteams/c/x1": _TokenStoreItem(e_tag="x1")})
        try:
            await store.write({"msteams/c/x1": _TokenStoreItem(e_tag="x1")})
            conflicted = False
        except Exception as exc:
            assert "Etag conflict" in str(exc)
            conflicted = True
        assert conflicted is second_conflicts


async def test_conflict_is_an_etag_conflict_storage_error(redis_store: RedisStorage) -> None:
    await redis_store.write({"k": {"v": 1}})
    with pytest.raises(ETagConflict) as info:
        await redis_store.write({"k": {"v": 2, "e_tag": "0" * 32}})
    assert isinstance(info.value, StorageError)


async def test_every_key_has_a_time_to_live_and_expires(redis_url: str) -> None:
    prefix = f"ttl-{uuid.uuid4().hex[:8]}"
    async with RedisStorage(url=redis_url, prefix=prefix, ttl_seconds=1) as store:
        await store.write({"a": {"v": 1}, "b": {"v": 2}})
        assert await claim_once(store, "c", ttl_seconds=1)
        for key in ("a", "b", "c"):
            ttl_ms = await store.client.pttl(store.redis_key(key))
            assert 0 < ttl_ms <= 1000
        await asyncio.sleep(1.3)
        assert await store.read(["a", "b", "c"]) == {}


async def test_keys_are_prefixed_per_bot_and_isolated(redis_url: str) -> None:
    key = "msteams/conversations/a:1@thread.skype;messageid=1"
    async with (
        RedisStorage(url=redis_url, prefix="bot-one") as one,
        RedisStorage(url=redis_url, prefix="bot-two") as two,
    ):
        await one.write({key: {"owner": 1}})
        await two.write({key: {"owner": 2}})
        assert await one.client.exists(f"bot-one:{key}") == 1
        assert (await one.read([key]))[key]["owner"] == 1
        assert (await two.read([key]))[key]["owner"] == 2
        await one.delete([key])
        assert await one.read([key]) == {}
        assert (await two.read([key]))[key]["owner"] == 2
        await two.delete([key])


async def test_password_protected_redis(redis_server_with_password: RedisServer) -> None:
    server = redis_server_with_password
    async with RedisStorage(url=server.url, prefix="pw") as store:
        await store.write({"k": {"v": 1}})
        assert (await store.read(["k"]))["k"]["v"] == 1
    plain = f"redis://127.0.0.1:{server.port}/0"
    async with RedisStorage(url=plain, prefix="pw", password=REDIS_PASSWORD) as store:
        assert (await store.read(["k"]))["k"]["v"] == 1
    async with RedisStorage(url=plain, prefix="pw") as store:
        with pytest.raises(StorageUnavailable):
            await store.read(["k"])
    async with RedisStorage(url=f"redis://:wrong@127.0.0.1:{server.port}/0", prefix="pw") as store:
        with pytest.raises(StorageUnavailable):
            await store.write({"k": {"v": 2}})


async def test_unreachable_redis_raises_storage_unavailable(caplog: pytest.LogCaptureFixture) -> None:
    url = f"redis://127.0.0.1:{free_port()}/0"
    async with RedisStorage(url=url, socket_timeout=1.0) as store:
        for operation in (store.read(["k"]), store.write({"k": {"v": 1}}), store.delete(["k"]), store.ping()):
            with pytest.raises(StorageUnavailable, match="unavailable"):
                await operation
        with pytest.raises(StorageUnavailable):
            await claim_once(store, "k", ttl_seconds=5)
    assert "redis read failed" in caplog.text


async def test_store_recovers_when_redis_comes_back() -> None:
    server = RedisServer(port=free_port())
    server.start()
    try:
        async with RedisStorage(url=server.url, socket_timeout=1.0) as store:
            await store.write({"k": {"v": 1}})
            server.stop()
            with pytest.raises(StorageUnavailable):
                await store.read(["k"])
            server.start()
            assert await store.read(["k"]) == {}  # no persistence: state is gone, the store works
            await store.write({"k": {"v": 2}})
            assert (await store.read(["k"]))["k"]["v"] == 2
    finally:
        server.stop()


def test_rediss_url_uses_tls_without_connecting() -> None:
    store = RedisStorage(url="rediss://:pw@cache.example.net:6380/0")
    kwargs = store.client.connection_pool.connection_kwargs
    assert store.client.connection_pool.connection_class.__name__ == "SSLConnection"
    assert kwargs["password"] == "pw" and kwargs["port"] == 6380


def test_invalid_settings_are_rejected() -> None:
    with pytest.raises(StorageError):
        RedisStorage(url="redis://localhost", ttl_seconds=0)
    with pytest.raises(StorageError):
        RedisStorage(url="redis://localhost", prefix="")
    with pytest.raises(StorageError):
        RedisStorage(url="http://localhost")


async def test_close_leaves_an_injected_client_open(redis_url: str) -> None:
    client = Redis.from_url(redis_url)
    try:
        async with RedisStorage(url="unused://", client=client, prefix="inj") as store:
            await store.write({"k": {"v": 1}})
        assert await client.ping() is True
        assert await client.exists("inj:k") == 1
        await client.delete("inj:k")
    finally:
        await client.aclose()


def test_logs_never_contain_values(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StorageError) as info:
        RedisStorage(url="http://user:hunter2@localhost")
    assert "hunter2" not in str(info.value) and "hunter2" not in caplog.text
