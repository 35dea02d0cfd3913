"""Cards show what a person needs to decide: day headings, buttons that say what they do, organiser and answer."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import cards
from cards.conversation import OPERATIONS
from graph.models import Attendee, Event
from language.formatting import format_day
from tests.cards.test_quality import walk

TZ = ZoneInfo("Europe/Paris")
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)


def _texts(card: dict[str, Any]) -> list[str]:
    return [v for node, k, v in walk(card) if node and node.get("type") in ("TextBlock", "TextRun") and k == "text"]


def _buttons(card: dict[str, Any]) -> dict[str, str]:
    return {node["title"]: node["verb"] for node, k, _ in walk(card)
            if node and k == "type" and node.get("type") == "Action.Execute" and "verb" in node}


def _event(n: int, day: int, hour: int) -> Event:
    start = MONDAY + timedelta(days=day, hours=hour - 9)
    return Event(id=f"e{n}", subject=f"Meeting {n}", start=start, end=start + timedelta(hours=1))


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_each_day_of_a_multi_day_agenda_has_its_heading(locale: str) -> None:
    events = [_event(1, 0, 9), _event(2, 0, 14), _event(3, 1, 10), _event(4, 3, 23)]
    card = cards.agenda_card(events, locale=locale, tz=TZ, now=None, day=MONDAY, end_day=MONDAY + timedelta(days=6))
    texts = _texts(card)
    headings = [format_day(MONDAY + timedelta(days=d), locale, TZ) for d in (0, 1, 3)]
    positions = [texts.index(h) for h in headings]
    assert positions == sorted(positions)
    # each meeting comes after its own day's heading and before the next one
    assert positions[0] < texts.index("Meeting 1") < texts.index("Meeting 2") < positions[1] < texts.index("Meeting 3")
    assert positions[2] < texts.index("Meeting 4")
    assert format_day(MONDAY + timedelta(days=2), locale, TZ) not in texts, "no heading for a day without meetings"


def test_a_single_day_agenda_has_no_day_headings() -> None:
    card = cards.agenda_card([_event(1, 0, 9), _event(2, 0, 14)], locale="en", tz=TZ, now=None, day=MONDAY)
    assert format_day(MONDAY, "en", TZ) not in _texts(card)[1:]


def test_a_day_heading_follows_the_users_zone() -> None:
    late = Event(id="x", subject="Late", start=datetime(2026, 3, 3, 23, 30, tzinfo=ZoneInfo("UTC")),
                 end=datetime(2026, 3, 4, 0, 30, tzinfo=ZoneInfo("UTC")))
    card = cards.agenda_card([_event(1, 0, 9), late], locale="en", tz=TZ, now=None)
    assert "Wednesday, March 4" in _texts(card)  # 00:30 in Paris


@pytest.mark.parametrize(("locale", "yes", "no"), [
    ("en", "Cancel the meeting", "Keep it"), ("fr", "Annuler la réunion", "La garder")])
def test_cancel_buttons_say_what_they_do(locale: str, yes: str, no: str) -> None:
    card = cards.confirmation_card("calendar.cancel", [("title", "Budget")], ref="r", locale=locale)
    buttons = _buttons(card)
    assert buttons == {yes: cards.Verb.CONFIRM, no: cards.Verb.REJECT}


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_confirmation_button_is_a_bare_cancel_or_confirm(operation: str) -> None:
    for locale in ("en", "fr"):
        titles = set(_buttons(cards.confirmation_card(operation, [], ref="r", locale=locale)))
        assert len(titles) == 2
        assert not titles & {"Cancel", "Confirm", "Annuler", "Confirmer", "OK"}


def test_meeting_card_shows_the_organiser_and_your_answer() -> None:
    organiser = Attendee(name="Megan Bowen", email="megan@contoso.example")
    event = Event(id="m", subject="Review", start=MONDAY, end=MONDAY + timedelta(hours=1), organizer=organiser,
                  my_response="tentativelyAccepted")
    for locale, labels in (("en", ("Organizer", "Your answer")), ("fr", ("Organisateur", "Votre réponse"))):
        facts = {f["title"]: f["value"] for node, k, v in walk(cards.meeting_card(event, locale=locale, tz=TZ))
                 if k == "facts" for f in v}
        assert facts[labels[0]] == "Megan Bowen"
        assert facts[labels[1]]
