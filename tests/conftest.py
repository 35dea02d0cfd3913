"""Shared fixtures: one real sandbox process per test session, reset before each test that asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.testing import AdminClient, SandboxProcess


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
