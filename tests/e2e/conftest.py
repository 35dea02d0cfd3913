"""HTTP end-to-end fixtures: the real app in-process on a free port, a fake channel, the sandbox process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from clock import PinnedClock
from config import Settings
from devkit import RedisServer, free_port
from sandbox.testing import AdminClient
from tests.support.bot import BotServer, run_bot
from tests.support.channel import FakeChannel
from tests.support.offloop import date_reader_watched


@pytest.fixture(autouse=True)
def date_reader_off_the_loop() -> Iterator[None]:
    """Every end-to-end test fails when the bot ran Recognizers-Text (15-60 ms a sentence) on the event loop."""
    with date_reader_watched() as on_loop:
        yield
    assert on_loop == [], f"the date reader ran on the event loop: {on_loop}"


@pytest.fixture(scope="session")
def channel() -> Iterator[FakeChannel]:
    with FakeChannel() as fake:
        yield fake


def set_signin(sandbox_url: str, **switches: bool) -> None:
    """Sandbox sign-in switches: autoSignIn, magicCode, consentRequired."""
    response = httpx.put(f"{sandbox_url}/_sandbox/signin", json=switches, timeout=10)
    response.raise_for_status()


@pytest.fixture
async def bot(sandbox: AdminClient, sandbox_url: str, channel: FakeChannel,
              bot_clock: PinnedClock) -> AsyncIterator[BotServer]:
    """MIPA in local mode against the sandbox, with automatic sign-in (channel user id -> demo user)."""
    set_signin(sandbox_url, autoSignIn=True)
    async with run_bot(Settings(sandbox_url=sandbox_url), channel, clock=bot_clock) as server:
        yield server


@pytest.fixture
async def manual_bot(sandbox: AdminClient, sandbox_url: str, channel: FakeChannel,
                     bot_clock: PinnedClock) -> AsyncIterator[BotServer]:
    """MIPA against the sandbox with automatic sign-in off: the sign-in card, magic codes, SSO."""
    set_signin(sandbox_url, autoSignIn=False)
    async with run_bot(Settings(sandbox_url=sandbox_url), channel, clock=bot_clock) as server:
        yield server



@pytest.fixture
def graph_as(sandbox: AdminClient, sandbox_url: str) -> Iterator[object]:
    """`graph_as(user)` -> an httpx.Client on the sandbox's /v1.0 with that user's token, to check effects."""
    clients: list[httpx.Client] = []

    def make(user: str) -> httpx.Client:
        token = sandbox.token(user)
        client = httpx.Client(
            base_url=f"{sandbox_url}/v1.0", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def redis() -> Iterator[RedisServer]:
    """A real redis-server of its own on a free port, for the tests that run several MIPA processes."""
    server = RedisServer(port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
