"""Shared calendar helpers: which meeting the person means, and one-line texts about a meeting."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs.request import Request
from graph import UserGraph
from graph.models import Event
from language import t
from language.formatting import format_relative, format_time_range

__all__ = [
    "NEAR",
    "asks_next",
    "asks_tentative",
    "candidates",
    "event_label",
    "event_summary",
    "fold",
    "involves",
    "live",
    "when_text",
]

logger = logging.getLogger(__name__)

#: "my 3pm" matches meetings starting this close to 3pm, or under way at 3pm.
NEAR = timedelta(minutes=30)
#: How far ahead "the meeting with Lucie" or "my next meeting" looks.
HORIZON = timedelta(days=14)

_NEXT = re.compile(r"\b(next|upcoming|prochaine?s?|suivante?)\b", re.IGNORECASE)
_TENTATIVE = re.compile(r"\b(tentative(ly)?|maybe|perhaps|peut[- ][eê]tre|provisoire(ment)?|sous r[ée]serve)\b",
                        re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without accents, for name matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def asks_next(text: str) -> bool:
    """The utterance speaks of the next meeting ("my next meeting", "ma prochaine réunion")."""
    return bool(_NEXT.search(text))


def asks_tentative(text: str) -> bool:
    return bool(_TENTATIVE.search(text))


def live(events: Sequence[Event]) -> list[Event]:
    return [e for e in events if not e.is_cancelled]


def involves(event: Event, name: str) -> bool:
    """The organiser or an attendee has a name (or a word of it) starting with `name`."""
    wanted = fold(name).split()
    if not wanted:
        return False
    people = [event.organizer, *event.attendees]
    for person in people:
        if person is None:
            continue
        words = fold(f"{person.name} {(person.email or '').split('@')[0]}").replace("(", " ").replace(")", " ").split()
        if all(any(w.startswith(q) for w in words) for q in wanted):
            return True
    return False


async def candidates(graph: UserGraph, request: Request, *, now: datetime,
                     at: datetime | None = None, upcoming_only: bool = False) -> list[Event]:
    """The meetings the request may mean, best first.

    A clock time ("my 3pm") looks at meetings starting then or within `NEAR` after it, or under way then; a day
    ("tomorrow") at that day; otherwise the current and coming meetings. Named people narrow it down.
    """
    zone = ZoneInfo(request.tz)
    now = now.astimezone(zone)
    entities = request.entities
    start = at or entities.start
    timed = at is not None or (entities.start is not None and entities.time_given)
    if start is not None and timed:
        point = start.astimezone(zone)
        events = live(await graph.calendar.view(point - timedelta(hours=12), point + timedelta(hours=12)))
        # "my 10am": meetings starting then or up to NEAR later, or under way then; not the 9:30-9:45 before it.
        events = [e for e in events if not e.is_all_day
                  and (point - timedelta(minutes=1) <= e.start <= point + NEAR or e.start <= point < e.end)]
        events.sort(key=lambda e: (abs(e.start - point), e.start))
    elif start is not None:
        end = entities.end or start + timedelta(days=1)
        events = [e for e in live(await graph.calendar.view(start, end)) if not e.is_all_day]
    else:
        events = [e for e in live(await graph.calendar.view(now - timedelta(hours=4), now + HORIZON))
                  if not e.is_all_day and e.end > now]
        if upcoming_only:
            events = [e for e in events if e.start >= now]
    for name in entities.people:
        events = [e for e in events if involves(e, name)]
    logger.info("meeting candidates: %d", len(events))
    return events


def when_text(event: Event, locale: str, tz: str) -> str:
    if event.is_all_day:
        return t("calendar.agenda.all_day", locale)
    return format_time_range(event.start, event.end, locale, tz)


def event_label(event: Event, locale: str, tz: str) -> str:
    """"Subject — Tue, Dec 1, 3:00 PM – 4:00 PM", for a choice list."""
    subject = event.subject or t("calendar.agenda.no_subject", locale)
    return t("calendar.label", locale, subject=subject, when=when_text(event, locale, tz))


def event_summary(event: Event, locale: str, tz: str, now: datetime) -> str:
    """One sentence for a meeting card's text: what and when, and how long until it starts (the card has the rest)."""
    label = event_label(event, locale, tz)
    if event.start > now:
        return t("calendar.details.summary_starts", locale, label=label, relative=format_relative(event.start - now, locale))
    if event.end > now:
        return t("calendar.details.summary_under_way", locale, label=label)
    return t("calendar.details.summary", locale, label=label)
