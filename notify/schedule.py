"""When alerts are due: "my day" slots in the person's zone with jitter, and reminder times. Pure functions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .models import Due, UserRecord, Watch

__all__ = ["DIGEST_GRACE", "DIGEST_JITTER", "HORIZON", "digest_slot", "due_digest", "jitter", "next_digest", "reminder_plan"]

#: "My day" goes out at a random-looking but stable second of the chosen minute, so that 08:00 is not a herd.
DIGEST_JITTER = 40.0
#: A slot missed by more than this (all instances down) is skipped rather than sent late.
DIGEST_GRACE = timedelta(minutes=30)
#: How far ahead reminders and watched meetings are planned.
HORIZON = timedelta(hours=24)


def jitter(user_id: str, spread: float = DIGEST_JITTER) -> float:
    """A stable offset in [0, spread) seconds for this person."""
    digest = hashlib.sha256(user_id.encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 * spread


def digest_slot(record: UserRecord, day: date) -> datetime | None:
    """The instant of "my day" on the local date `day` (jitter included), or None when it is not one of its days."""
    if record.digest is None or day.weekday() not in record.digest.days:
        return None
    local = datetime.combine(day, record.digest.at, tzinfo=ZoneInfo(record.tz))
    return local + timedelta(seconds=jitter(record.user_id))


def due_digest(record: UserRecord, now: datetime) -> str | None:
    """The local date (ISO) whose "my day" is due now and not yet sent, else None."""
    if record.digest is None or record.paused:
        return None
    today = now.astimezone(ZoneInfo(record.tz)).date()
    for day in (today, today - timedelta(days=1)):
        slot = digest_slot(record, day)
        if slot is not None and slot <= now < slot + DIGEST_GRACE and record.digest_sent != day.isoformat():
            return day.isoformat()
    return None


def next_digest(record: UserRecord, now: datetime) -> datetime | None:
    """The next "my day" instant after `now` (for the settings card)."""
    today = now.astimezone(ZoneInfo(record.tz)).date()
    for offset in range(8):
        slot = digest_slot(record, today + timedelta(days=offset))
        if slot is not None and slot > now:
            return slot
    return None


def reminder_plan(meetings: Iterable[tuple[str, datetime]], minutes: int | None, now: datetime) -> tuple[tuple[Due, ...], tuple[Watch, ...]]:
    """Reminders (N minutes before each meeting that has not started) and the meetings to watch, from (id, start)."""
    dues: list[Due] = []
    watch: list[Watch] = []
    for event_id, start in meetings:
        if start <= now or start > now + HORIZON:
            continue
        watch.append(Watch(event_id, start.timestamp()))
        if minutes is not None:
            dues.append(Due(event_id, start.timestamp(), (start - timedelta(minutes=minutes)).timestamp()))
    dues.sort(key=lambda d: (d.at, d.event_id))
    watch.sort(key=lambda w: (w.start, w.event_id))
    return tuple(dues), tuple(watch)
