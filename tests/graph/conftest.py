"""Fixtures for Graph integration tests: a GraphClient on the real sandbox process, and a user token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from graph import GraphClient
from sandbox.testing import AdminClient


@pytest.fixture
async def client(sandbox: AdminClient, sandbox_url: str) -> AsyncIterator[GraphClient]:
    async with GraphClient(
        base_url=sandbox_url + "/v1.0", timeout=5.0, budget=12.0, max_retries=4, retry_cap=3.0, backoff=0.05
    ) as graph:
        yield graph


@pytest.fixture
def adele(sandbox: AdminClient) -> dict[str, Any]:
    return next(u for u in sandbox.users() if u["displayName"] == "Adele Vance")


@pytest.fixture
def token(sandbox: AdminClient, adele: dict[str, Any]) -> str:
    return sandbox.token(adele["userPrincipalName"])


def graph_calls(sandbox: AdminClient, *, method: str | None = None, contains: str = "") -> list[dict[str, Any]]:
    """Entries of the sandbox request log for Graph paths (optionally one method and a path fragment)."""
    return [
        r
        for r in sandbox.requests()
        if r["path"].startswith("/v1.0")
        and (method is None or r["method"] == method)
        and contains in r["path"]
    ]
