"""What stands in the way of a time: the meetings that overlap it, named on cards and in replies (never logged)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from graph import UserGraph
from graph.models import Event, WorkingHours
from language import t
from language.formatting import format_clock_range, to_zone

__all__ = ["blocking", "conflict_field", "conflicts_text", "within_hours"]

logger = logging.getLogger(__name__)

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _blocks(event: Event) -> bool:
    return not event.is_cancelled and event.show_as not in ("free", "workingElsewhere")


async def blocking(graph: UserGraph, start: datetime, end: datetime, *, skip_id: str | None = None) -> list[Event]:
    """The meetings that keep the person busy for part of [start, end), earliest first (`skip_id`: the one moved)."""
    events = await graph.calendar.view(start, end)
    found = [e for e in events if _blocks(e) and e.id != skip_id and e.start < end and e.end > start]
    found.sort(key=lambda e: (e.start, e.end))
    logger.info("overlapping meetings: %d", len(found))
    return found


def conflicts_text(events: Sequence[Event], locale: str, tz: str) -> str:
    """"Budget review (3:00 PM – 4:00 PM); Standup (…)": title and time of each overlapping meeting."""
    return "; ".join(
        t("calendar.conflict.item", locale, title=e.subject or t("calendar.agenda.no_subject", locale),
          time=t("calendar.agenda.all_day", locale) if e.is_all_day else format_clock_range(e.start, e.end, locale, tz))
        for e in events
    )


def conflict_field(events: Sequence[Event], locale: str, tz: str) -> list[tuple[str, str]]:
    """The confirmation card's "Overlaps" row, or nothing when the time is clear."""
    return [("conflicts", conflicts_text(events, locale, tz))] if events else []


def within_hours(start: datetime, end: datetime, hours: WorkingHours) -> bool:
    """Whether [start, end) lies inside one working day's hours (in the working hours' own zone)."""
    zone = to_zone(hours.time_zone)
    a, b = start.astimezone(zone), end.astimezone(zone)
    if _DAYS[a.weekday()] not in hours.days or b.date() != a.date():
        return False
    return hours.start <= a.time() and b.time() <= hours.end
