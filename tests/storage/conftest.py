"""Fixtures for the storage tests: real redis-server child processes on free ports, and stores."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from botbuilder.core import Storage

from devkit import RedisServer, free_port
from storage import ExpiringMemoryStorage, RedisStorage

REDIS_PASSWORD = "s3cret-test-password"


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer(port=free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server_with_password() -> Iterator[RedisServer]:
    server = RedisServer(port=free_port(), password=REDIS_PASSWORD)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    return redis_server.url


StoreFactory = Callable[[], Storage]


@pytest.fixture(params=["memory", "redis"])
async def store_factory(request: pytest.FixtureRequest) -> AsyncIterator[StoreFactory]:
    """Builds NEW store objects that share one backing store (a dict, or a Redis prefix)."""
    made: list[RedisStorage] = []
    if request.param == "memory":
        backing: dict[str, object] = {}

        def make() -> Storage:
            return ExpiringMemoryStorage(dictionary=backing, ttl_seconds=600)

    else:
        url = request.getfixturevalue("redis_url")
        prefix = f"test-{uuid.uuid4().hex[:12]}"

        def make() -> Storage:
            store = RedisStorage(url=url, prefix=prefix, ttl_seconds=600)
            made.append(store)
            return store

    yield make
    for store in made:
        await store.close()


@pytest.fixture
def store(store_factory: StoreFactory) -> Storage:
    return store_factory()


@pytest.fixture
async def redis_store(redis_url: str) -> AsyncIterator[RedisStorage]:
    async with RedisStorage(url=redis_url, prefix=f"test-{uuid.uuid4().hex[:12]}", ttl_seconds=600) as store:
        yield store
