"""Calendar dialog helpers without a bot: conflicts, who a meeting involves, spans, paging words, name ties."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dialogs.calendar.agenda import _MORE_WORDS, agenda_range, conflicts
from dialogs.calendar.availability import search_span
from dialogs.calendar.common import asks_next, asks_tentative, involves
from dialogs.calendar.create import ambiguous
from dialogs.request import Request
from graph.models import Attendee, Event, Person
from language import Entities

PARIS = ZoneInfo("Europe/Paris")
BASE = datetime(2026, 3, 2, 9, 0, tzinfo=PARIS)


def event(event_id: str, start_h: float, end_h: float, **kwargs: object) -> Event:
    return Event(id=event_id, subject=event_id, start=BASE + timedelta(hours=start_h),
                 end=BASE + timedelta(hours=end_h), **kwargs)  # type: ignore[arg-type]


def test_conflicts_are_overlapping_busy_timed_meetings() -> None:
    events = [event("a", 1, 2), event("b", 1.5, 2.5), event("c", 2.5, 3), event("free", 1, 3, show_as="free"),
              event("allday", 0, 24, is_all_day=True), event("gone", 2.6, 2.9, is_cancelled=True)]
    assert conflicts(events) == {"a", "b"}
    assert conflicts([event("x", 1, 2), event("y", 2, 3)]) == set()  # back to back is no conflict


def test_involves_matches_organiser_or_attendee_names_and_accents() -> None:
    meeting = event("m", 1, 2, organizer=Attendee(name="Élise Tremblay", email="elisem@contoso.com"),
                    attendees=(Attendee(name="Liam O'Brien", email="liamo@contoso.com"),))
    assert involves(meeting, "elise")
    assert involves(meeting, "O'Brien")
    assert involves(meeting, "liam o")
    assert not involves(meeting, "Megan")
    assert not involves(meeting, "  ")


def test_agenda_range_defaults_to_today_and_keeps_ranges() -> None:
    start, end, is_today = agenda_range(None, None, "Europe/Paris", BASE)
    assert is_today and end - start == timedelta(days=1) and start.hour == 0 and start.date() == BASE.date()
    # 23:30 in Los Angeles is already tomorrow in Paris: "today" is the day in the user's zone.
    late = datetime(2026, 3, 2, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    start, _, _ = agenda_range(None, None, "Europe/Paris", late)
    assert start.date() == BASE.date() + timedelta(days=1)
    week = BASE.replace(hour=0)
    start, end, is_today = agenda_range(week, week + timedelta(days=7), "America/Los_Angeles", BASE)
    assert not is_today and end.timestamp() - start.timestamp() == 7 * 24 * 3600
    assert str(start.tzinfo) == "America/Los_Angeles"


def test_search_span_never_starts_in_the_past() -> None:
    request = Request(intent="calendar.availability", locale="en", tz="Europe/Paris", entities=Entities())
    now = BASE + timedelta(minutes=7)
    start, end = search_span(request, now)
    assert start == BASE + timedelta(minutes=15)
    assert end == BASE.replace(hour=0) + timedelta(days=1)
    later = Request(intent="calendar.availability", locale="en", tz="Europe/Paris",
                    entities=Entities(start=BASE + timedelta(days=1), end=BASE + timedelta(days=2)))
    assert search_span(later, now) == (BASE + timedelta(days=1), BASE + timedelta(days=2))


@pytest.mark.parametrize("text", ["more", "More.", "show more", "plus", "la suite", "next page", "suivant"])
def test_more_words(text: str) -> None:
    assert _MORE_WORDS.match(text)


@pytest.mark.parametrize("text", ["when am I free tomorrow?", "more meetings with Lucie", "plus tard"])
def test_not_more_words(text: str) -> None:
    assert not _MORE_WORDS.match(text)


def test_next_and_tentative_words() -> None:
    assert asks_next("what's my next meeting?") and asks_next("ma prochaine réunion")
    assert not asks_next("my 3pm")
    assert asks_tentative("tentatively accept my 10am") and asks_tentative("accepte provisoirement")
    assert not asks_tentative("accept my 10am")


def test_ambiguous_keeps_close_scores_only() -> None:
    liam = Person(display_name="Liam O'Brien", email="liamo@contoso.com", score=1.1)
    siobhan = Person(display_name="Siobhan O'Brien", email="siobhan@fabrikam.com", score=1.0)
    far = Person(display_name="Brian Obst", email="brian@contoso.com", score=0.4)
    assert ambiguous([liam, siobhan, far]) == [liam, siobhan]
    assert ambiguous([liam, far]) == [liam]
    assert ambiguous([]) == []
