"""Shared fixtures: one real sandbox process per test session, reset before each test that asks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest

from clock import Clock, PinnedClock
from sandbox.testing import AdminClient, SandboxProcess
from tests.support.clock import configure, pin, suite_clock


def pytest_configure(config: pytest.Config) -> None:
    configure()  # MIPA_TEST_NOW -> MIPA_CLOCK_OFFSET, before any sandbox or bot starts


def pytest_report_header(config: pytest.Config) -> str:
    return f"MIPA clock: {suite_clock()!r}, now {suite_clock().now().isoformat(timespec='seconds')}"


@pytest.fixture
def clock() -> Clock:
    """The suite's clock: the system's, or moved to MIPA_TEST_NOW."""
    return suite_clock()


@pytest.fixture(scope="session")
def sandbox_process() -> Iterator[SandboxProcess]:
    """A `python -m sandbox` child process on a free loopback port, for the whole session."""
    with SandboxProcess() as process:
        yield process


@pytest.fixture(scope="session")
def sandbox_url(sandbox_process: SandboxProcess) -> str:
    return sandbox_process.url


@pytest.fixture
def sandbox(sandbox_url: str) -> Iterator[AdminClient]:
    """The sandbox's admin API, with the tenant reset to its seed, no faults and an empty request log."""
    with AdminClient(sandbox_url) as admin:
        admin.reset()
        yield admin


@pytest.fixture
def bot_clock(clock: Clock) -> PinnedClock:
    """The bot's clock: the suite's "now", running; `at` moves it together with the sandbox's."""
    return PinnedClock(clock.now())


@pytest.fixture
def at(bot_clock: PinnedClock, sandbox: AdminClient) -> Callable[..., datetime]:
    """`at("08:00", "Europe/Paris")`: the bot and the sandbox at that time of today there (`tests.support.clock.pin`)."""
    return lambda hhmm, tz, days=0: pin(bot_clock, sandbox, hhmm, tz, days=days)
