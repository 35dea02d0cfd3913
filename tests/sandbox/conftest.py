"""Fixtures for the sandbox contract suite: Graph clients signed in as demo users."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from sandbox.testing import AdminClient


@pytest.fixture
def me(sandbox: AdminClient) -> dict[str, str]:
    """The tenant's default (first) demo user."""
    return sandbox.users()[0]


@pytest.fixture
def graph_for(sandbox: AdminClient, sandbox_url: str) -> Iterator[Callable[..., httpx.Client]]:
    """Make a Graph v1.0 client for a user (default scopes unless given)."""
    clients: list[httpx.Client] = []

    def make(user: str, scopes: list[str] | None = None) -> httpx.Client:
        token = sandbox.token(user, scopes)
        client = httpx.Client(base_url=sandbox_url + "/v1.0", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def graph(graph_for: Callable[..., httpx.Client], me: dict[str, str]) -> httpx.Client:
    return graph_for(me["id"])


def assert_graph_error(response: httpx.Response, status: int, code: str) -> dict:
    """Reference graph-api.md §1.3: the error envelope and its request ids."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    inner = body["error"]["innerError"]
    assert inner["request-id"] == response.headers["request-id"]
    assert inner["client-request-id"] == response.headers["client-request-id"]
    assert "T" in inner["date"] and not inner["date"].endswith("Z")
    return body
