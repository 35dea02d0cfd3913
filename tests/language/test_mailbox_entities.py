"""language/recurrence.py and language/mailbox.py: repeat patterns, out-of-office requests, working hours, time zones."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from language.mailbox import find_time_zone, parse_autoreply, parse_hours
from language.recurrence import Repeat, find_repeat, strip_repeat

PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS5 = ("monday", "tuesday", "wednesday", "thursday", "friday")


@pytest.mark.parametrize(("text", "kind", "interval", "days", "day_of_month", "month", "rest"), [
    ("pay rent every month on the 1st", "absoluteMonthly", 1, (), 1, 0, "pay rent"),
    ("payer le loyer le 1er de chaque mois", "absoluteMonthly", 1, (), 1, 0, "payer le loyer"),
    ("tous les mois le 15 payer la crèche", "absoluteMonthly", 1, (), 15, 0, "payer la crèche"),
    ("water the plants every weekday", "weekly", 1, WEEKDAYS5, 0, 0, "water the plants"),
    ("arroser les plantes en semaine", "weekly", 1, WEEKDAYS5, 0, 0, "arroser les plantes"),
    ("call mom every Sunday", "weekly", 1, ("sunday",), 0, 0, "call mom"),
    ("standup notes every Monday and Thursday", "weekly", 1, ("monday", "thursday"), 0, 0, "standup notes"),
    ("sortir les poubelles tous les mardis et vendredis", "weekly", 1, ("tuesday", "friday"), 0, 0, "sortir les poubelles"),
    ("arroser les plantes chaque lundi", "weekly", 1, ("monday",), 0, 0, "arroser les plantes"),
    ("review every 2 weeks on Friday", "weekly", 2, ("friday",), 0, 0, "review"),
    ("backup every day", "daily", 1, (), 0, 0, "backup"),
    ("sauvegarde tous les jours", "daily", 1, (), 0, 0, "sauvegarde"),
    ("file the report monthly", "absoluteMonthly", 1, (), 0, 0, "file the report"),
    ("rapport toutes les semaines", "weekly", 1, (), 0, 0, "rapport"),
    ("Marie's birthday every year on March 3", "absoluteYearly", 1, (), 3, 3, "Marie's birthday"),
    ("anniversaire de Marie tous les ans le 3 mars", "absoluteYearly", 1, (), 3, 3, "anniversaire de Marie"),
])
def test_repeat_patterns(text: str, kind: str, interval: int, days: tuple[str, ...], day_of_month: int, month: int,
                         rest: str) -> None:
    found = find_repeat(text)
    assert found is not None
    repeat, _ = found
    assert repeat == Repeat(kind, interval, days, day_of_month, month)
    assert strip_repeat(text) == rest


@pytest.mark.parametrize("text", ["pay the monthly fee", "daily standup notes", "call Anna tomorrow at 9", "le lundi de Pâques"])
def test_no_repeat_in_ordinary_titles(text: str) -> None:
    assert find_repeat(text) is None
    assert strip_repeat(text) == text


def test_repeat_first_day_and_completion() -> None:
    monday = date(2030, 1, 7)
    assert Repeat("absoluteMonthly", day_of_month=1).first_day(monday) == date(2030, 2, 1)
    assert Repeat("weekly", days_of_week=("friday",)).first_day(monday) == date(2030, 1, 11)
    assert Repeat("absoluteYearly", day_of_month=3, month=3).first_day(monday) == date(2030, 3, 3)
    assert Repeat("weekly").completed(monday).days_of_week == ("monday",)
    assert Repeat("absoluteMonthly").completed(monday).day_of_month == 7


NOW = datetime(2026, 12, 5, 10, 0, tzinfo=PARIS)


def _days(start: datetime | None, end: datetime | None) -> tuple[date, date]:
    assert start is not None and end is not None
    return start.date(), (end - timedelta(microseconds=1)).date()


@pytest.mark.parametrize(("text", "lang", "first", "last"), [
    ("set my out of office from december 21 to 25", "en", date(2026, 12, 21), date(2026, 12, 25)),
    ("mets mon message d'absence du 21 au 25 décembre", "fr", date(2026, 12, 21), date(2026, 12, 25)),
    ("out of office from 21 December to 2 January", "en", date(2026, 12, 21), date(2027, 1, 2)),
    ("message d'absence du 21 décembre au 2 janvier", "fr", date(2026, 12, 21), date(2027, 1, 2)),
    ("change my out of office dates to december 22 to 26", "en", date(2026, 12, 22), date(2026, 12, 26)),
    ("out of office 21-25 dec", "en", date(2026, 12, 21), date(2026, 12, 25)),
    ("out of office tomorrow", "en", date(2026, 12, 6), date(2026, 12, 6)),
])
def test_autoreply_dates(text: str, lang: str, first: date, last: date) -> None:
    request = parse_autoreply(text, lang, NOW, PARIS)
    assert _days(request.start, request.end) == (first, last)
    assert request.end is not None and request.end.time() == time(0)  # whole days away


def test_autoreply_until_starts_now_and_today_does_not_start_at_midnight() -> None:
    until = parse_autoreply("turn on my out of office until friday", "en", NOW, PARIS)
    assert until.start == NOW and until.end == datetime(2026, 12, 12, tzinfo=PARIS)
    french = parse_autoreply("active mon répondeur jusqu'au 2 janvier", "fr", NOW, PARIS)
    assert french.start == NOW and french.end == datetime(2027, 1, 3, tzinfo=PARIS)
    today = parse_autoreply("out of office today", "en", NOW, PARIS)
    assert today.start == NOW
    assert parse_autoreply("turn on my out of office", "en", NOW, PARIS).start is None


def test_autoreply_message_and_audience() -> None:
    quoted = parse_autoreply('out of office from december 21 to 25 with "I\'m on holiday, back on the 26th"', "en", NOW, PARIS)
    assert quoted.message == "I'm on holiday, back on the 26th"
    assert _days(quoted.start, quoted.end) == (date(2026, 12, 21), date(2026, 12, 25))  # the 26th is the message's
    saying = parse_autoreply("répondeur du 2 au 5 janvier avec le message Je suis en congés", "fr", NOW, PARIS)
    assert saying.message == "Je suis en congés"
    assert parse_autoreply("out of office tomorrow, internal only", "en", NOW, PARIS).audience == "none"
    assert parse_autoreply("out of office tomorrow only to my contacts", "en", NOW, PARIS).audience == "contactsOnly"
    assert parse_autoreply("répondeur demain pour tout le monde", "fr", NOW, PARIS).audience == "all"
    assert parse_autoreply("répondeur demain, seulement en interne", "fr", NOW, PARIS).audience == "none"
    assert parse_autoreply("out of office tomorrow", "en", NOW, PARIS).audience is None


@pytest.mark.parametrize(("text", "days", "start", "end"), [
    ("my working hours are 8 to 4, Monday to Thursday", WEEKDAYS5[:4], time(8), time(16)),
    ("mes heures de travail sont de 9h à 17h du lundi au vendredi", WEEKDAYS5, time(9), time(17)),
    ("I work 9am-5:30pm weekdays", WEEKDAYS5, time(9), time(17, 30)),
    ("set my working hours to 7:30 to 15:30", None, time(7, 30), time(15, 30)),
    ("je travaille le lundi, mardi et jeudi", ("monday", "tuesday", "thursday"), None, None),
    ("mes horaires : 8h30-16h30", None, time(8, 30), time(16, 30)),
])
def test_working_hours(text: str, days: tuple[str, ...] | None, start: time | None, end: time | None) -> None:
    hours = parse_hours(text)
    assert (hours.days, hours.start, hours.end) == (days, start, end)


@pytest.mark.parametrize(("text", "zone"), [
    ("mon fuseau horaire est Montréal", "America/Toronto"),
    ("set my time zone to Los Angeles", "America/Los_Angeles"),
    ("my time zone is Europe/London", "Europe/London"),
    ("change my timezone to eastern time", "America/New_York"),
    ("mon fuseau horaire est UTC", "UTC"),
    ("passe mon fuseau horaire à Londres", "Europe/London"),
    ("set my time zone to Tokyo", "Asia/Tokyo"),
    ("what is my time zone", None),
])
def test_time_zone_by_city(text: str, zone: str | None) -> None:
    assert find_time_zone(text) == zone


def test_a_date_reading_that_overflows_is_no_date() -> None:
    from language.dates import extract_dates

    assert extract_dates("du 24 au 26 dec", "fr", NOW, PARIS).start is None  # Recognizers-Text ran to the year 9999
    request = parse_autoreply("message d'absence du 24 au 26 dec stp", "fr", NOW, PARIS)
    assert _days(request.start, request.end) == (date(2026, 12, 24), date(2026, 12, 26))
