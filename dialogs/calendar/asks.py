"""Questions the calendar dialogs ask one at a time (a date and time, a title, through dialogs/asking.py); reading
the answers."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

from dialogs.asking import ask_options
from language import Entities, recognize

__all__ = ["clock_on", "positive", "read_when", "title_options", "when_options"]


async def read_when(text: str, locale: str, tz: str, now: datetime) -> Entities | None:
    """The date and time in an answer such as "tomorrow at 3pm" / "demain à 15h" (read at `now`), or None; read in
    a worker thread (the date reader may take tens of milliseconds)."""
    entities = (await asyncio.to_thread(recognize, text, locale, now, tz)).entities
    return entities if entities.start is not None else None


def when_options(key: str, locale: str, tz: str, *, others: tuple[str, ...] = ()) -> dict[str, Any]:
    """Options for the one ask dialog (dialogs/asking.py) that asks for a date and time until one is given."""
    return ask_options(key, locale=locale, tz=tz, kind="when", others=others)


def title_options(locale: str, tz: str = "UTC", *, others: tuple[str, ...] = ()) -> dict[str, Any]:
    """Options for the one ask dialog that asks for a meeting's title ("with Megan" fills `others` meanwhile)."""
    return ask_options("calendar.create.ask_title", locale=locale, tz=tz, kind="title", others=others)


def clock_on(day_start: datetime, clock: datetime) -> datetime:
    """`day_start`'s date at `clock`'s time of day, in `day_start`'s zone."""
    local = clock.astimezone(day_start.tzinfo)
    return day_start.replace(hour=local.hour, minute=local.minute, second=0, microsecond=0)


def positive(delta: timedelta | None) -> timedelta | None:
    return delta if delta is not None and delta > timedelta(0) else None
