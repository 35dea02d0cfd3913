"""Calendar cards: agenda (a day or a range), meeting details, free time slots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from cards._access import as_datetime, get, name_of, names
from cards.actions import Verb, action_data
from cards.base import (
    TEAMS_VERSION,
    Card,
    action_set,
    adaptive_card,
    column,
    columns,
    execute_action,
    fact_set,
    open_url_action,
    plain_text,
    text_block,
)
from cards.text import plural, text
from language.formatting import format_clock_range, format_day, format_duration, to_zone

__all__ = ["agenda_card", "day_heading", "event_rows", "free_slots_card", "meeting_card"]

MAX_ATTENDEES_SHOWN = 12


def _busy(event: Any) -> bool:
    return not get(event, "is_cancelled", default=False) and get(event, "show_as", default="busy") != "free"


def _span(event: Any) -> tuple[datetime, datetime] | None:
    start, end = as_datetime(get(event, "start")), as_datetime(get(event, "end"))
    return (start, end) if start is not None and end is not None else None


def _conflicts(events: Sequence[Any]) -> set[int]:
    """Indexes of timed, busy events that overlap another one."""
    found: set[int] = set()
    timed = [(i, s) for i, e in enumerate(events) if _busy(e) and not get(e, "is_all_day", default=False)
             and (s := _span(e)) is not None]
    for a, (i, (s1, e1)) in enumerate(timed):
        for j, (s2, e2) in timed[a + 1:]:
            if s1 < e2 and s2 < e1:
                found.update((i, j))
    return found


def _marks(events: Sequence[Any], now: datetime | None,
           spans: Sequence[tuple[datetime, datetime] | None] | None = None) -> dict[int, str]:
    """'now' for events under way, 'next' for the first one still to start (`spans`: each event's `_span`)."""
    if now is None:
        return {}
    marks: dict[int, str] = {}
    upcoming: tuple[datetime, int] | None = None
    for i, event in enumerate(events):
        span = _span(event) if spans is None else spans[i]
        if span is None or get(event, "is_cancelled", default=False) or get(event, "is_all_day", default=False):
            continue
        if span[0] <= now < span[1]:
            marks[i] = "now"
        elif span[0] > now and (upcoming is None or span[0] < upcoming[0]):
            upcoming = (span[0], i)
    if upcoming is not None:
        marks[upcoming[1]] = "next"
    return marks


def _when(event: Any, locale: str, tz: tzinfo | str) -> str:
    return _clock(event, _span(event), locale, tz)


def _clock(event: Any, span: tuple[datetime, datetime] | None, locale: str, tz: tzinfo | str) -> str:
    """`_when(event, ...)` with the event's `_span` already read."""
    if span is None:
        return ""
    if get(event, "is_all_day", default=False):
        return text("cards.event.all_day", locale)
    return format_clock_range(span[0], span[1], locale, tz)


def event_rows(events: Sequence[Any], *, locale: str, tz: tzinfo | str, now: datetime | None) -> list[dict[str, Any]]:
    """One ColumnSet per event: time, subject (literal), badges for now / next / conflict / cancelled."""
    return _rows(events, _conflicts(events), locale=locale, tz=tz, now=now)


def _rows(events: Sequence[Any], clashes: set[int], *, locale: str, tz: tzinfo | str,
          now: datetime | None) -> list[dict[str, Any]]:
    """`event_rows` with the events' conflicts already found (`_conflicts(events)`)."""
    spans = [_span(event) for event in events]
    marks = _marks(events, now, spans)
    rows: list[dict[str, Any]] = []
    for i, event in enumerate(events):
        badges = []
        if i in marks:
            badges.append(text_block(text(f"cards.event.{marks[i]}", locale), weight="Bolder", color="Accent",
                                     size="Small", spacing="None"))
        if i in clashes:
            badges.append(text_block(text("cards.event.conflict", locale), color="Attention", size="Small",
                                     spacing="None"))
        if get(event, "is_cancelled", default=False):
            badges.append(text_block(text("cards.event.cancelled", locale), color="Warning", size="Small",
                                     spacing="None"))
        subject = get(event, "subject", default="") or text("cards.event.no_subject", locale)
        details = [plain_text(subject, weight="Bolder", color="Attention" if i in clashes else "Default")]
        location = name_of(get(event, "location"))
        if location:
            details.append(plain_text(location, isSubtle=True, size="Small", spacing="None"))
        rows.append(columns([
            column([text_block(_clock(event, spans[i], locale, tz), size="Small"), *badges], width="140px"),
            column(details),
        ], separator=bool(rows), spacing="Small"))
    return rows


def _local_day(event: Any, tz: tzinfo | str) -> date | None:
    span = _span(event)
    if span is None:
        return None
    if span[0].tzinfo is None:
        return span[0].date()
    return span[0].astimezone(to_zone(tz)).date()


def _by_day(events: Sequence[Any], tz: tzinfo | str) -> list[tuple[datetime, list[Any]]]:
    """The events grouped by their local start day, in order; each group with its first start."""
    groups: dict[date | None, list[Any]] = {}
    for event in events:
        groups.setdefault(_local_day(event, tz), []).append(event)
    out = []
    for _, group in groups.items():
        span = _span(group[0])
        if span is not None:
            out.append((span[0], group))
        elif out:
            out[-1][1].extend(group)
    return out


def day_heading(day: datetime, *, locale: str, tz: tzinfo | str) -> dict[str, Any]:
    """The heading of one day in a multi-day list: "Tuesday, March 3" / "mardi 3 mars"."""
    return text_block(format_day(day, locale, tz), weight="Bolder", color="Accent", spacing="Large",
                      separator=True)


def agenda_card(
    events: Sequence[Any],
    *,
    locale: str,
    tz: tzinfo | str,
    now: datetime | None,
    day: datetime | None = None,
    end_day: datetime | None = None,
    more_ref: str | None = None,
    more_cursor: str | None = None,
) -> Card:
    """The agenda of `day` (or `day`..`end_day`); a "more" button when `more_cursor` names a next page."""
    if day is not None and end_day is not None:
        title = text("cards.agenda.title_range", locale, start=format_day(day, locale, tz),
                     end=format_day(end_day, locale, tz))
    elif day is not None:
        title = text("cards.agenda.title_day", locale, day=format_day(day, locale, tz))
    else:
        title = text("cards.agenda.title", locale)
    body: list[dict[str, Any]] = [text_block(title, size="Medium", weight="Bolder")]
    if not events:
        body.append(text_block(text("cards.agenda.empty", locale), isSubtle=True))
    else:
        conflicts = _conflicts(events)
        clashes = len(conflicts)
        summary = plural("cards.agenda.summary", len(events), locale)
        if clashes:
            summary += " " + text("cards.agenda.summary_conflicts", locale, count=clashes)
        body.append(text_block(summary, isSubtle=True, spacing="None"))
        days = _by_day(events, tz)
        if len(days) > 1 or (end_day is not None and day is not None):
            for first, group in days:
                body.append(day_heading(first, locale=locale, tz=tz))
                body.extend(event_rows(group, locale=locale, tz=tz, now=now))
        else:  # the whole list in one: its conflicts are the ones just counted
            body.extend(_rows(events, conflicts, locale=locale, tz=tz, now=now))
    actions = []
    if more_cursor and more_ref:
        actions.append(execute_action(text("cards.action.more", locale), Verb.MORE,
                                      action_data(Verb.MORE, ref=more_ref, cursor=more_cursor)))
    return adaptive_card(body, actions, version=TEAMS_VERSION)


def meeting_card(event: Any, *, locale: str, tz: tzinfo | str, now: datetime | None = None) -> Card:
    """When, where, who and how long, with join and accept / tentative / decline buttons."""
    event_id = str(get(event, "id", default=""))
    subject = get(event, "subject", default="") or text("cards.event.no_subject", locale)
    body: list[dict[str, Any]] = [plain_text(subject, size="Medium", weight="Bolder")]
    facts: list[tuple[str, str]] = []
    span = _span(event)
    if span is not None:
        facts.append((text("cards.field.when", locale), f"{format_day(span[0], locale, tz)}, {_when(event, locale, tz)}"))
        if not get(event, "is_all_day", default=False):
            facts.append((text("cards.field.duration", locale), format_duration(span[1] - span[0], locale)))
    location = name_of(get(event, "location"))
    if location:
        facts.append((text("cards.field.where", locale), location))
    organizer = name_of(get(event, "organizer"))
    if organizer:
        facts.append((text("cards.field.organizer", locale), organizer))
    attendees = names(get(event, "attendees"))
    if attendees:
        shown = ", ".join(attendees[:MAX_ATTENDEES_SHOWN])
        if len(attendees) > MAX_ATTENDEES_SHOWN:
            shown += " " + text("cards.list.and_more", locale, count=len(attendees) - MAX_ATTENDEES_SHOWN)
        facts.append((text("cards.field.attendees", locale), shown))
    response = "organizer" if get(event, "is_organizer", default=False) else get(event, "my_response",
                                                                                  "response_status")
    if response in ("accepted", "tentativelyAccepted", "declined", "notResponded", "organizer"):
        facts.append((text("cards.field.response", locale), text(f"cards.response.{response}", locale)))
    body.append(fact_set(facts))
    if get(event, "is_cancelled", default=False):
        body.append(text_block(text("cards.event.cancelled", locale), color="Warning", weight="Bolder"))
    links: list[dict[str, Any]] = []
    join = get(event, "join_url", "online_meeting_url", "join_web_url")
    if join:
        links.append(open_url_action(text("cards.action.join", locale), str(join)))
    web_link = get(event, "web_link")
    if web_link:
        links.append(open_url_action(text("cards.action.open_outlook", locale), str(web_link)))
    answers: list[dict[str, Any]] = []
    if event_id and not get(event, "is_cancelled", default=False) and response != "organizer":
        for verb, key in ((Verb.EVENT_ACCEPT, "accept"), (Verb.EVENT_TENTATIVE, "tentative"),
                          (Verb.EVENT_DECLINE, "decline")):
            answers.append(execute_action(text(f"cards.action.{key}", locale), verb,
                                          action_data(verb, item_id=event_id)))
    body.extend(action_set(group) for group in (answers, links) if group)
    return adaptive_card(body, version=TEAMS_VERSION)


def free_slots_card(slots: Sequence[Any], *, locale: str, tz: tzinfo | str) -> Card:
    """Free time slots, one line each with its day, range and length."""
    body: list[dict[str, Any]] = [text_block(text("cards.slots.title", locale), size="Medium", weight="Bolder")]
    if not slots:
        body.append(text_block(text("cards.slots.empty", locale), isSubtle=True))
    for slot in slots:
        span = _span(slot)
        if span is None:
            continue
        body.append(columns([
            column([text_block(format_day(span[0], locale, tz), weight="Bolder")], width="stretch"),
            column([text_block(format_clock_range(span[0], span[1], locale, tz))], width="auto"),
            column([text_block(format_duration(span[1] - span[0], locale), isSubtle=True)], width="auto"),
        ], separator=len(body) > 1))
    return adaptive_card(body, version=TEAMS_VERSION)


