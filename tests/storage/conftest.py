"""Fixtures for the storage tests: real redis-server child processes on free ports, and stores."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

import pytest
from botbuilder.core import MemoryStorage, Storage

from storage import RedisStorage

REDIS_PASSWORD = "s3cret-test-password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RedisServer:
    """A redis-server child process; `stop()` and `start()` keep the same port."""

    port: int
    password: str | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is required (apt-get install -y redis-server)"
        args = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        if self.password:
            args += ["--requirepass", self.password]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "redis-server exited at start-up"
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


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
            return MemoryStorage(dictionary=backing)

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
