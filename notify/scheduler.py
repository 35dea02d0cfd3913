"""The scheduler every instance runs: walks the shared records, claims what is due, hands it to the sender.

Each tick, for each person with alerts on:
- a reminder whose time has come and whose meeting has not started is claimed
  (`reminder:{user}:{event}:{start}`) and sent by exactly one instance;
- "my day" whose slot (chosen minute + the person's jitter) has come is claimed (`digest:{user}:{local date}`);
- every `refresh` seconds (or sooner when asked) the due reminders and watched meetings are recomputed
  from the calendar, and the Graph subscription is renewed when it would expire within `renew_before`.

Time comes from the clock, so tests move a `PinnedClock` and call `run_once()` instead of sleeping.
Why not arq or APScheduler 4: see notify/README.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from clock import Clock

from .models import Due, SubscriptionInfo, UserRecord
from .schedule import due_digest, reminder_plan
from .store import NotifyStore

__all__ = ["Actions", "Scheduler"]

logger = logging.getLogger(__name__)

CLAIM_TTL = 3 * 86400.0


class Actions(Protocol):
    """What the host (the bot) does for the scheduler: read the calendar, send, renew."""

    async def meetings(self, record: UserRecord) -> Sequence[tuple[str, datetime]] | None:
        """(event id, start) of the person's meetings in the next 24 hours; None when their token is unavailable."""
        ...

    async def remind(self, record: UserRecord, due: Due) -> None: ...

    async def digest(self, record: UserRecord, day: str) -> None: ...

    async def renew(self, record: UserRecord) -> SubscriptionInfo | None:
        """Extend (or recreate) the person's subscription; None when it could not be done now."""
        ...


class Scheduler:
    """Runs `run_once` every `tick` seconds until stopped."""

    def __init__(self, store: NotifyStore, actions: Actions, *, clock: Clock, tick: float = 5.0,
                 refresh: timedelta = timedelta(minutes=30), renew_before: timedelta = timedelta(hours=12)) -> None:
        self.store = store
        self.actions = actions
        self.clock = clock
        self.tick = tick
        self.refresh_every = refresh
        self.renew_before = renew_before
        self._task: asyncio.Task[None] | None = None

    async def run_once(self) -> int:
        """One pass over everyone; returns how many alerts this instance sent."""
        sent = 0
        users = await self.store.users()
        for user_id in users:
            try:
                sent += await self._one(user_id)
            except Exception:
                logger.exception("alerts pass failed for one user")
        return sent

    async def _one(self, user_id: str) -> int:
        record = await self.store.get(user_id)
        if record is None or record.paused or not record.active or record.reference is None:
            return 0
        now = self.clock.now()
        stamp = now.timestamp()
        sent = 0
        if stamp >= record.next_refresh and await self.store.claim(f"refresh:{user_id}:{int(record.next_refresh)}", ttl_seconds=120):
            record = await self.refresh(record) or record
            if record.paused:
                return 0
        for due in record.due:
            if due.at <= stamp < due.start and await self.store.claim(f"reminder:{user_id}:{due.event_id}:{int(due.start)}", ttl_seconds=CLAIM_TTL):
                await self.actions.remind(record, due)
                sent += 1
        day = due_digest(record, now)
        if day is not None and await self.store.claim(f"digest:{user_id}:{day}", ttl_seconds=CLAIM_TTL):
            await self.actions.digest(record, day)
            await self.store.update(user_id, lambda r: r.with_(digest_sent=day) if r else None)
            sent += 1
        return sent

    async def refresh(self, record: UserRecord) -> UserRecord | None:
        """Recompute due reminders and watched meetings; renew the subscription when it is close to expiring."""
        now = self.clock.now()
        meetings = await self.actions.meetings(record)
        if meetings is None:
            return await self.store.get(record.user_id)
        dues, watch = reminder_plan(meetings, record.reminders, now)
        subscription = record.subscription
        if subscription is not None and subscription.expires - now.timestamp() < self.renew_before.total_seconds():
            subscription = await self.actions.renew(record) or subscription
        next_refresh = (now + self.refresh_every).timestamp()
        updated = await self.store.update(
            record.user_id,
            lambda r: r.with_(due=dues, watch=watch, next_refresh=next_refresh, subscription=subscription) if r else None,
        )
        await self.store.touch_index()
        return updated

    async def _loop(self) -> None:
        while True:
            try:
                await self.run_once()
            except Exception:
                logger.exception("alerts pass failed")
            await asyncio.sleep(self.tick)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
