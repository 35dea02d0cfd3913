"""`claim_once` on stores other than memory and Redis, and `create_storage` from settings."""

from __future__ import annotations

import asyncio
import copy
import json
import subprocess
import sys
import uuid
from types import SimpleNamespace

import pytest
from botbuilder.core import MemoryStorage, Storage

from storage import (
    ExpiringMemoryStorage,
    RedisStorage,
    StorageError,
    UnsafePayload,
    claim_once,
    create_storage,
)
from storage.azure import SafeBlobStorage, SafeCosmosDbPartitionedStorage
from storage.serialization import e_tag_of


class SlowEtagStorage(Storage):
    """A store with real eTag semantics (like Cosmos DB) that yields to the loop on every call."""

    def __init__(self, *, conditional: bool = True) -> None:
        self.items: dict[str, dict[str, object]] = {}
        self.conditional = conditional

    async def read(self, keys: list[str]) -> dict[str, object]:
        await asyncio.sleep(0)
        return {k: copy.deepcopy(self.items[k]) for k in keys if k in self.items}

    async def write(self, changes: dict[str, object]) -> None:
        await asyncio.sleep(0)
        for key, item in changes.items():
            assert isinstance(item, dict)
            current = self.items.get(key)
            wanted = e_tag_of(item)
            if self.conditional and current and wanted not in (None, "*") and wanted != current["e_tag"]:
                raise RuntimeError("Operation failed: the precondition is not met (412)")
            self.items[key] = {**copy.deepcopy(item), "e_tag": uuid.uuid4().hex}

    async def delete(self, keys: list[str]) -> None:
        for key in keys:
            self.items.pop(key, None)


@pytest.mark.parametrize("conditional", [True, False])
async def test_claim_once_on_a_generic_store_has_one_winner(conditional: bool) -> None:
    store = SlowEtagStorage(conditional=conditional)
    results = await asyncio.gather(*(claim_once(store, "x", ttl_seconds=30) for _ in range(8)))
    assert results.count(True) == 1
    assert await claim_once(store, "x", ttl_seconds=30) is False


async def test_claim_once_replaces_an_expired_claim_on_a_generic_store() -> None:
    store = SlowEtagStorage()
    assert await claim_once(store, "x", ttl_seconds=0.05) is True
    await asyncio.sleep(0.1)
    results = await asyncio.gather(*(claim_once(store, "x", ttl_seconds=30) for _ in range(5)))
    assert results.count(True) == 1


class OwnClaimStorage(SlowEtagStorage):
    """A store with its own atomic claim, as `RedisStorage` has: `claim_once` must use it, not eTags."""

    def __init__(self) -> None:
        super().__init__()
        self.claims: list[tuple[str, float]] = []

    async def claim(self, key: str, *, ttl_seconds: float) -> bool:
        self.claims.append((key, ttl_seconds))
        return len(self.claims) == 1


async def test_claim_once_uses_a_store_s_own_atomic_claim() -> None:
    store = OwnClaimStorage()
    assert [await claim_once(store, "x", ttl_seconds=30) for _ in range(2)] == [True, False]
    assert store.claims == [("x", 30), ("x", 30)] and store.items == {}


def test_a_bot_with_its_state_in_memory_never_imports_redis() -> None:
    """redis costs ~5 MB and ~50 ms of start-up (issue 25): only a Redis STORAGE_URL imports it."""
    code = ("import sys, app, bots, dialogs, notify, notify.webhook, storage\n"
            "from storage import claim_once, create_storage\n"
            "create_storage(url='memory://')\n"
            "print('redis' in sys.modules)\n"
            "from storage import RedisStorage\n"
            "print('redis' in sys.modules, RedisStorage.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", "storage.redis_storage"]


async def test_claim_once_rejects_a_non_positive_ttl() -> None:
    with pytest.raises(StorageError):
        await claim_once(MemoryStorage(), "x", ttl_seconds=0)


@pytest.mark.parametrize("url", [None, "", "  ", "memory://"])
def test_factory_defaults_to_memory(url: str | None) -> None:
    assert type(create_storage(url=url)) is ExpiringMemoryStorage


async def test_factory_builds_redis_from_settings(redis_url: str) -> None:
    store = create_storage(url=redis_url, ttl_seconds=120, prefix="factory")
    assert isinstance(store, RedisStorage)
    assert store.prefix == "factory" and store.ttl_seconds == 120
    await store.write({"k": {"v": 1}})
    assert await store.client.pttl("factory:k") > 110_000
    await store.delete(["k"])
    await store.close()


def test_factory_passes_storage_key_as_redis_password() -> None:
    with_key = create_storage(url="rediss://cache.example.net:6380", key="from-key")
    in_url = create_storage(url="redis://:in-url@cache.example.net", key="from-key")
    assert isinstance(with_key, RedisStorage) and isinstance(in_url, RedisStorage)
    assert with_key.client.connection_pool.connection_kwargs["password"] == "from-key"
    assert in_url.client.connection_pool.connection_kwargs["password"] == "in-url"


def test_factory_builds_cosmos_db_without_network() -> None:
    store = create_storage(
        url="cosmosdb://mipa-state.documents.azure.com/botstate/conversations", key="a2V5", prefix="mipa"
    )
    assert isinstance(store, SafeCosmosDbPartitionedStorage)
    assert store.config.cosmos_db_endpoint == "https://mipa-state.documents.azure.com:443/"
    assert (store.config.database_id, store.config.container_id) == ("botstate", "conversations")
    assert store.config.auth_key == "a2V5" and store.config.key_suffix == "-mipa"
    assert store.client is None  # nothing connected yet


def test_factory_builds_blob_storage_without_network() -> None:
    key = "a2V5a2V5a2V5"
    by_key = create_storage(url="blob://mipastate/botstate", key=key)
    assert isinstance(by_key, SafeBlobStorage)
    connection = "DefaultEndpointsProtocol=https;AccountName=mipastate;AccountKey=a2V5;EndpointSuffix=core.windows.net"
    assert isinstance(create_storage(url="blob://mipastate/botstate", key=connection), SafeBlobStorage)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("ftp://x", None),
        ("cosmosdb://host/only-database", "topsecret"),
        ("cosmosdb://host/db/container", None),
        ("blob://account", "topsecret"),
        ("blob://account/container", None),
    ],
)
def test_factory_rejects_incomplete_settings_without_echoing_secrets(url: str, key: str | None) -> None:
    with pytest.raises(StorageError) as info:
        create_storage(url=url, key=key)
    assert "STORAGE_URL" in str(info.value) and "topsecret" not in str(info.value)


async def test_azure_stores_decode_with_the_allowlist() -> None:
    cosmos = create_storage(url="cosmosdb://h.documents.azure.com/db/c", key="a2V5")
    restore = cosmos._CosmosDbPartitionedStorage__create_si  # the step botbuilder-azure does unchecked
    good = restore({"document": {"py/object": "botbuilder.core.storage.StoreItem", "n": 1}, "_etag": '"7"'})
    assert good.n == 1 and good.e_tag == '"7"'
    with pytest.raises(UnsafePayload):
        restore({"document": {"py/object": "subprocess.Popen", "args": ["true"]}, "_etag": "1"})

    blob = create_storage(url="blob://acct/container", key="a2V5a2V5")

    async def text() -> str:
        return json.dumps({"x": {"py/reduce": [{"py/function": "os.system"}, {"py/tuple": ["true"]}]}})

    fake_blob = SimpleNamespace(content_as_text=text, properties=SimpleNamespace(etag='"0x8D"'))
    with pytest.raises(UnsafePayload):
        await blob._blob_to_store_item(fake_blob)
