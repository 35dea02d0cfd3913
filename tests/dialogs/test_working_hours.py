"""Whether a time lies in the working hours, and how the hours are said (en, fr)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from dialogs.calendar.availability import outside_text, working_hours_text
from dialogs.calendar.conflicts import within_hours
from graph.models import MailboxSettings, WorkingHours

PARIS = ZoneInfo("Europe/Paris")
HOURS = WorkingHours(start=time(8), end=time(17), time_zone="Europe/Paris")
MONDAY = datetime(2026, 12, 7, tzinfo=PARIS)
SUNDAY = MONDAY - timedelta(days=1)


def test_within_hours() -> None:
    assert within_hours(MONDAY + timedelta(hours=15), MONDAY + timedelta(hours=15, minutes=30), HOURS)
    assert within_hours(MONDAY + timedelta(hours=8), MONDAY + timedelta(hours=17), HOURS)
    assert not within_hours(MONDAY + timedelta(hours=16, minutes=45), MONDAY + timedelta(hours=17, minutes=15), HOURS)
    assert not within_hours(MONDAY + timedelta(hours=7), MONDAY + timedelta(hours=8), HOURS)
    assert not within_hours(SUNDAY + timedelta(hours=15), SUNDAY + timedelta(hours=16), HOURS)
    # Working hours in another zone: 15:00 in Paris is 09:00 in New York, inside 8-17 there.
    new_york = WorkingHours(start=time(8), end=time(17), time_zone="America/New_York")
    assert within_hours(MONDAY + timedelta(hours=15), MONDAY + timedelta(hours=16), new_york)
    assert not within_hours(MONDAY + timedelta(hours=10), MONDAY + timedelta(hours=11), new_york)


def test_hours_are_said_in_each_language() -> None:
    assert working_hours_text(HOURS, "en", "Europe/Paris") == "Monday to Friday, 8:00 AM – 5:00 PM"
    assert working_hours_text(HOURS, "fr", "Europe/Paris") == "du lundi au vendredi, 08:00 – 17:00"
    assert working_hours_text(HOURS, "en", "UTC").endswith("(Europe/Paris)")


def test_a_sunday_is_named_with_the_hours() -> None:
    settings = MailboxSettings(time_zone="Europe/Paris", working_hours=HOURS)
    said = outside_text(SUNDAY, MONDAY, settings, "en", "Europe/Paris")
    assert said.startswith("Sunday, December 6 is outside your working hours (Monday to Friday, 8:00")
    said = outside_text(SUNDAY - timedelta(days=1), MONDAY, settings, "fr", "Europe/Paris")
    assert said.startswith("Cette période (du samedi 5 décembre au dimanche 6 décembre) est en dehors")
    evening = outside_text(MONDAY + timedelta(hours=18), MONDAY + timedelta(hours=22), settings, "en", "Europe/Paris")
    assert evening.startswith("That time is outside your working hours")
