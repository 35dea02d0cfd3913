"""Meetings named by their title ("the call with the west coast", "l'atelier 7"): read a window, match locally."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs.calendar.common import asks_next, involves, live
from dialogs.request import Request
from graph import UserGraph
from graph.models import Event
from language.matching import best, title_words
from language.text import fold

__all__ = ["AFTER", "BEFORE", "named"]

logger = logging.getLogger(__name__)

#: How far back and ahead a meeting named by its title is looked for (one calendarView, matched locally:
#: Graph's calendarView cannot filter on words of the subject).
BEFORE = timedelta(days=7)
AFTER = timedelta(days=35)


async def named(graph: UserGraph, request: Request, *, now: datetime, upcoming_only: bool = False,
                dated: bool = True) -> list[Event]:
    """The meetings whose subject best matches `request.entities.title`, coming ones first.

    Several meetings come back only when they match about equally (the dialog asks which one); the
    occurrences of one series (the same subject) count as one, its current or next occurrence. With `dated`,
    a day said ("the team lunch tomorrow") narrows the matches when one falls on it.
    """
    entities = request.entities
    title = entities.title or ""
    zone = ZoneInfo(request.tz)
    now = now.astimezone(zone)
    events = live(await graph.calendar.view(now - BEFORE, now + AFTER))
    if upcoming_only:
        events = [e for e in events if e.start >= now]
    said = set(title_words(title, keep_stop=True))
    for name in entities.people:  # "l'appel avec Seattle": a name inside the title is no attendee
        if not set(title_words(name, keep_stop=True)) <= said:
            events = [e for e in events if involves(e, name)]
    matches = best(title, events, lambda e: e.subject or "")
    if dated and entities.start is not None and matches:
        end = entities.end or entities.start + timedelta(days=1)
        on_day = [e for e in matches if e.start < end and e.end > entities.start]
        matches = on_day or matches
    coming = sorted((e for e in matches if e.end > now), key=lambda e: e.start)
    past = sorted((e for e in matches if e.end <= now), key=lambda e: e.start, reverse=True)
    ordered: list[Event] = []
    seen: set[str] = set()
    for event in coming + past:
        series = fold(event.subject or "")
        if series not in seen:
            seen.add(series)
            ordered.append(event)
    if coming and len(ordered) > 1:  # "the workshop": the coming ones, not last week's
        ordered = [e for e in ordered if e.end > now]
        if asks_next(title):  # "the next workshop"
            ordered = ordered[:1]
    logger.info("meetings named: %d of %d", len(ordered), len(events))
    return ordered
