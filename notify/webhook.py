"""POST /api/notifications: Graph's validation handshake, clientState checks, 202 at once, work queued.

- `?validationToken=...` (subscription creation): answered 200 with the token as text/plain;
- a notification whose subscription MIPA does not know, or whose clientState does not match the secret kept
  for it, is dropped (logged with the subscription id only);
- change notifications (`changeType`, `resourceData.id`) and lifecycle notifications (`lifecycleEvent`) are
  handed to the host as background tasks, and the answer is 202 Accepted without waiting for them (Graph
  wants 2xx within 3 s).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from .store import NotifyStore

__all__ = ["NotificationQueue", "make_notifications_handler"]

logger = logging.getLogger(__name__)

MAX_ITEMS = 1000
CHANGE_TYPES = frozenset({"created", "updated", "deleted"})
LIFECYCLE_EVENTS = frozenset({"reauthorizationRequired", "missed", "subscriptionRemoved"})

OnChange = Callable[[str, str, str], Awaitable[None]]
OnLifecycle = Callable[[str, str, str], Awaitable[None]]


class NotificationQueue:
    """Background work started by notifications; `drain()` waits for it, `close()` cancels it."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def put(self, work: Awaitable[None]) -> None:
        async def guarded() -> None:
            try:
                await work
            except Exception:
                logger.exception("notification work failed")

        task = asyncio.get_running_loop().create_task(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)


def make_notifications_handler(store: NotifyStore, queue: NotificationQueue, *, on_change: OnChange,
                               on_lifecycle: OnLifecycle) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def notifications(request: web.Request) -> web.StreamResponse:
        token = request.query.get("validationToken")
        if token is not None:
            return web.Response(status=200, text=token, content_type="text/plain")
        try:
            body: Any = await request.json()
        except ValueError:
            return web.json_response({"error": {"code": "BadRequest", "message": "The body is not JSON."}}, status=400)
        items = body.get("value") if isinstance(body, dict) else None
        if not isinstance(items, list):
            return web.json_response({"error": {"code": "BadRequest", "message": "A notification has a value list."}}, status=400)
        for item in items[:MAX_ITEMS]:
            if isinstance(item, dict):
                await _accept(item)
        return web.Response(status=202)

    async def _accept(item: dict[str, Any]) -> None:
        sub_id = str(item.get("subscriptionId") or "")
        owner = await store.subscription_owner(sub_id) if sub_id else None
        if owner is None:
            logger.info("notification for an unknown subscription dropped: %s", sub_id[:64])
            return
        user_id, secret = owner
        if not hmac.compare_digest(str(item.get("clientState") or "").encode(), secret.encode()):
            logger.warning("notification with a wrong clientState dropped: subscription %s", sub_id)
            return
        lifecycle = item.get("lifecycleEvent")
        if lifecycle is not None:
            if lifecycle in LIFECYCLE_EVENTS:
                logger.info("lifecycle notification %s for subscription %s", lifecycle, sub_id)
                queue.put(on_lifecycle(user_id, sub_id, str(lifecycle)))
            return
        change = item.get("changeType")
        data = item.get("resourceData")
        event_id = data.get("id") if isinstance(data, dict) else None
        if change in CHANGE_TYPES and isinstance(event_id, str) and event_id:
            queue.put(on_change(user_id, event_id, str(change)))

    return notifications
