"""POST /api/notifications over a real socket: the handshake, clientState, 202 at once with the work queued."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web
from botbuilder.core import MemoryStorage

from notify import NotifyStore
from notify.webhook import NotificationQueue, make_notifications_handler
from storage import claim_once


class Seen:
    def __init__(self) -> None:
        self.changes: list[tuple[str, str, str]] = []
        self.lifecycle: list[tuple[str, str, str]] = []
        self.release = asyncio.Event()

    async def on_change(self, user_id: str, event_id: str, change: str) -> None:
        await self.release.wait()  # slow work must not delay the answer
        self.changes.append((user_id, event_id, change))

    async def on_lifecycle(self, user_id: str, sub_id: str, event: str) -> None:
        self.lifecycle.append((user_id, sub_id, event))


@pytest.fixture
async def endpoint() -> AsyncIterator[tuple[str, Seen, NotificationQueue]]:
    storage = MemoryStorage()

    async def claim(key: str, ttl: float) -> bool:
        return await claim_once(storage, key, ttl_seconds=ttl)

    store = NotifyStore(storage, claim=claim)
    await store.link_subscription("sub-1", "29:user-a", "the-secret")
    seen, queue = Seen(), NotificationQueue()
    app = web.Application()
    app.router.add_post("/api/notifications", make_notifications_handler(store, queue, on_change=seen.on_change,
                                                                          on_lifecycle=seen.on_lifecycle))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/api/notifications", seen, queue
    seen.release.set()
    await queue.close()
    await runner.cleanup()


def _item(**extra: object) -> dict[str, object]:
    return {"subscriptionId": "sub-1", "clientState": "the-secret", "changeType": "created",
            "resource": "Users/u/Events/e-1", "resourceData": {"id": "e-1"}, **extra}


async def test_validation_token_is_echoed_as_text(endpoint: tuple[str, Seen, NotificationQueue]) -> None:
    url, _, _ = endpoint
    async with httpx.AsyncClient() as http:
        answer = await http.post(url, params={"validationToken": "Validation: token with spaces & symbols"})
    assert answer.status_code == 200 and answer.text == "Validation: token with spaces & symbols"
    assert answer.headers["content-type"].startswith("text/plain")


async def test_notifications_are_accepted_at_once_and_checked(endpoint: tuple[str, Seen, NotificationQueue]) -> None:
    url, seen, queue = endpoint
    body = {"value": [_item(), _item(clientState="forged"), _item(subscriptionId="unknown"),
                      _item(lifecycleEvent="missed", changeType=None)]}
    async with httpx.AsyncClient() as http:
        answer = await asyncio.wait_for(http.post(url, json=body), 3)
        assert answer.status_code == 202
        assert (await http.post(url, content=b"not json")).status_code == 400
        assert (await http.post(url, json={"value": "nope"})).status_code == 400
    assert seen.changes == []  # queued, not done before the answer
    seen.release.set()
    await queue.drain()
    assert seen.changes == [("29:user-a", "e-1", "created")]
    assert seen.lifecycle == [("29:user-a", "sub-1", "missed")]
