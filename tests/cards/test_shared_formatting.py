"""Cards and chat replies format with one implementation (language.formatting): the same words, times and zones."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from cards.calendar import meeting_card
from graph.models import Event
from language.formatting import format_duration, format_time

PARIS = "Europe/Paris"


def _card_text(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def test_a_card_and_a_reply_show_the_same_time_and_duration() -> None:
    start = datetime(2026, 3, 3, 14, 30)  # naive: the wall time in the user's zone, for both
    event = Event(id="e1", subject="Review", start=start, end=start + timedelta(minutes=90))
    for locale in ("en", "fr"):
        card = _card_text(meeting_card(event, locale=locale, tz=PARIS))
        assert format_time(start, locale, PARIS) in card
        assert format_duration(timedelta(minutes=90), locale) in card
    assert format_time(start, "en", PARIS) == "2:30 PM"
    assert format_time(start.replace(tzinfo=ZoneInfo("UTC")), "en", PARIS) == "3:30 PM"


def test_durations_take_their_words_from_the_catalogs() -> None:
    assert format_duration(timedelta(minutes=90), "en") == "1 hr 30 min"
    assert format_duration(timedelta(minutes=90), "fr") == "1 h 30 min"
    assert format_duration(timedelta(days=2, minutes=5), "fr") == "2 jours 5 min"
    assert format_duration(timedelta(days=1), "en") == "1 day"
