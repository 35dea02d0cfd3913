"""Speaking first: continue a stored conversation reference with the app's identity, within Teams' limits.

- `continue_conversation` on the adapter with the bot's app id (the channel trusts the app's token, not a
  reply's), from a reference stored without display names;
- at most 7 messages per second per conversation (Teams: 7 per 1 s, 8 per 2 s per bot per thread);
- 429 (and 412, 502, 503, 504) retried with back-off, honouring `Retry-After`;
- 403 or 404 from the channel: the bot was removed or the conversation is gone, `Gone` is raised and the
  caller forgets the reference.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity, ConversationReference

from bots.connector import ChannelError

__all__ = ["Gone", "ProactiveSender", "RateLimiter"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
RETRIED = (412, 429, 502, 503, 504)
MAX_ATTEMPTS = 4
MAX_WAIT = 30.0


class Gone(Exception):
    """The channel answered 403 or 404: the app was uninstalled or the conversation no longer exists."""


class RateLimiter:
    """At most `limit` sends per `window` seconds per conversation (monotonic time; waits, never drops)."""

    def __init__(self, *, limit: int = 7, window: float = 1.0) -> None:
        self.limit = limit
        self.window = window
        self._sent: defaultdict[str, deque[float]] = defaultdict(deque)
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def wait(self, conversation_id: str) -> None:
        async with self._locks[conversation_id]:
            sent = self._sent[conversation_id]
            while True:
                now = time.monotonic()
                while sent and now - sent[0] >= self.window:
                    sent.popleft()
                if len(sent) < self.limit:
                    sent.append(now)
                    return
                await asyncio.sleep(self.window - (now - sent[0]) + 0.001)


class ProactiveSender:
    """Runs `logic(turn_context)` in a stored conversation, as the app; retries what Teams asks to retry."""

    def __init__(self, adapter: BotAdapter, *, app_id: str, limiter: RateLimiter | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.adapter = adapter
        self.app_id = app_id
        self.limiter = limiter or RateLimiter()
        self._sleep = sleep

    async def run(self, reference: dict[str, Any], logic: Callable[[TurnContext], Awaitable[T]]) -> T | None:
        """`logic`'s result, run in the stored conversation; raises `Gone` on 403/404. `logic` sends with `send`."""
        ref = ConversationReference().deserialize(reference)
        result: list[T] = []

        async def callback(context: TurnContext) -> None:
            result.append(await logic(context))

        try:
            await self.adapter.continue_conversation(ref, callback, self.app_id)
        except ChannelError as exc:
            if exc.status in (403, 404):
                raise Gone(str(exc.status)) from exc
            raise
        return result[0] if result else None

    async def send(self, context: TurnContext, activity: Activity | str) -> None:
        """Send one activity: paced per conversation, retried on 429/412/5xx with `Retry-After` honoured."""
        conversation_id = context.activity.conversation.id if context.activity.conversation else ""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            await self.limiter.wait(conversation_id)
            try:
                await context.send_activity(activity)
                return
            except ChannelError as exc:
                if exc.status not in RETRIED or attempt == MAX_ATTEMPTS:
                    raise
                wait = exc.retry_after if exc.retry_after is not None else 2 ** attempt * (0.5 + random.random())
                logger.info("channel answered %s; retrying in %.1f s", exc.status, min(wait, MAX_WAIT))
                await self._sleep(min(wait, MAX_WAIT))
