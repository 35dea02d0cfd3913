"""The fast date path (language/fastdates.py): the phrasings it reads itself, the numbers it knows are no date,
and the ones it leaves to Recognizers-Text; the same answers as the slow path where that one is right."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from language import recognize
from language.dates import extract_dates
from language.fastdates import quick_parse

PARIS = ZoneInfo("Europe/Paris")
# A Wednesday morning; every expectation below is computed from it, and the same holds on any other day.
NOW = datetime(2026, 12, 9, 9, 0, tzinfo=PARIS)
TODAY = NOW.date()
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


@pytest.mark.parametrize(("text", "lang", "start", "end"), [
    ("from 3pm to 5pm tomorrow", "en", _at(TODAY + timedelta(days=1), 15), _at(TODAY + timedelta(days=1), 17)),
    ("3-5pm", "en", _at(TODAY, 15), _at(TODAY, 17)),
    ("11-1pm", "en", _at(TODAY, 11), _at(TODAY, 13)),
    ("between 2pm and 4pm", "en", _at(TODAY, 14), _at(TODAY, 16)),
    ("de 9h à 17h30 lundi", "fr", _at(MONDAY + timedelta(days=7), 9), _at(MONDAY + timedelta(days=7), 17, 30)),
    ("entre 14h et 16h", "fr", _at(TODAY, 14), _at(TODAY, 16)),
    ("tuesday afternoon", "en", _at(MONDAY + timedelta(days=8), 12), _at(MONDAY + timedelta(days=8), 16)),
    ("mardi après-midi", "fr", _at(MONDAY + timedelta(days=8), 12), _at(MONDAY + timedelta(days=8), 16)),
    ("is meeting room kamino free for the whole afternoon", "en", _at(TODAY, 12), _at(TODAY, 16)),
])
def test_clock_ranges_and_parts_of_a_day(text: str, lang: str, start: datetime, end: datetime) -> None:
    info = extract_dates(text, lang, NOW, PARIS)
    assert (info.start, info.end, info.time_given, info.all_day) == (start, end, True, False)


@pytest.mark.parametrize(("text", "lang", "first", "after"), [
    ("this week", "en", MONDAY, MONDAY + timedelta(days=7)),
    ("qu'est-ce qui se passe cette semaine ?", "fr", MONDAY, MONDAY + timedelta(days=7)),
    ("last week", "en", MONDAY - timedelta(days=7), MONDAY),
    ("un mail de karen la semaine dernière ?", "fr", MONDAY - timedelta(days=7), MONDAY),
    ("am i busy this weekend", "en", MONDAY + timedelta(days=5), MONDAY + timedelta(days=7)),
    ("ai-je du temps libre ce week-end ?", "fr", MONDAY + timedelta(days=5), MONDAY + timedelta(days=7)),
    ("le mois prochain", "fr", date(2027, 1, 1), date(2027, 2, 1)),
    ("this month", "en", date(2026, 12, 1), date(2027, 1, 1)),
    ("cheap flights to rome in may", "en", date(2027, 5, 1), date(2027, 6, 1)),
    ("remind me to pay the rent on the 1st", "en", date(2027, 1, 1), date(2027, 1, 2)),
])
def test_weeks_months_and_days_of_a_month(text: str, lang: str, first: date, after: date) -> None:
    info = extract_dates(text, lang, NOW, PARIS)
    assert (info.start, info.end, info.all_day) == (_at(first, 0), _at(after, 0), True)


def test_now_and_offsets() -> None:
    assert extract_dates("is the gandhi room free now?", "en", NOW, PARIS).start == NOW
    assert extract_dates("est excalibur disponible maintenant ?", "fr", NOW, PARIS).start == NOW
    later = extract_dates("start the meeting 20 minutes later", "en", NOW, PARIS)
    assert (later.start, later.time_given) == (NOW + timedelta(minutes=20), True)
    for text, lang, length in [("delay the next meeting by 30 minutes", "en", timedelta(minutes=30)),
                               ("remind me 5 minutes before every meeting", "en", timedelta(minutes=5)),
                               ("change 5pm appointment 1 hour earlier", "en", timedelta(hours=1)),
                               ("préviens moi 10 min avant mes réunions", "fr", timedelta(minutes=10)),
                               ("prolonge le point avec paul d'une heure", "fr", timedelta(hours=1)),
                               ("find me 2 free hours on wednesday", "en", timedelta(hours=2))]:
        assert extract_dates(text, lang, NOW, PARIS).duration == length, text


@pytest.mark.parametrize(("text", "lang"), [
    ("calcule 345 fois 12", "fr"), ("combien coute un iphone 16", "fr"), ("classement de la ligue 1", "fr"),
    ("mets preparer les slides a 100 pour cent dans le plan Ventes", "fr"), ("how much is 15% of 240", "en"),
    ("ajoute le numero d'anna 0612345678 a mes contacts", "fr"), ("book room 4 in the second floor", "en"),
    ("reserve la salle 12", "fr"), ("les 5 derniers mails", "fr"), ("how long is my 1:1 with sam", "en"),
    ("mes heures de travail ?", "fr"), ("quelle heure est-il a new york", "fr"), ("good morning", "en"),
    ("bonne soirée", "fr"), ("comment ca marche", "fr"), ("horaires des trains pour marseille", "fr"),
])
def test_numbers_and_words_that_are_no_date(text: str, lang: str) -> None:
    info = extract_dates(text, lang, NOW, PARIS)
    assert (info.start, info.end, info.time_given) == (None, None, False)


@pytest.mark.parametrize(("text", "lang"), [
    ("delete the 2nd", "en"), ("complete the 3rd one", "en"), ("supprime le 2", "fr"), ("coche le 3", "fr"),
    ("mets le 1er en haut", "fr"),
])
def test_a_list_position_is_no_day_of_the_month(text: str, lang: str) -> None:
    assert extract_dates(text, lang, NOW, PARIS).start is None


def test_dates_beside_a_number_that_is_none() -> None:
    info = extract_dates("book room 301 tomorrow at 3pm", "en", NOW, PARIS)
    assert info.start == _at(TODAY + timedelta(days=1), 15)


@pytest.mark.parametrize(("text", "lang"), [
    ("send me my day each monday at 9", "en"),  # a repeat: Recognizers-Text's set, not Monday at 9
    ("tous les jours à 7h", "fr"),
    ("move it from monday to friday", "en"),  # two days: a range, not the first one
    ("du lundi au vendredi", "fr"),
    ("what day of the week was july 4 1776", "en"),
    ("how many days until christmas", "en"),
])
def test_what_the_fast_path_leaves_to_recognizers_text(text: str, lang: str) -> None:
    assert quick_parse(text, lang, TODAY, NOW.replace(tzinfo=None)) is None


@pytest.mark.parametrize(("text", "lang"), [
    ("from 3pm to 5pm tomorrow", "en"), ("3-5pm", "en"), ("11-1pm", "en"), ("de 9h a 17h30 lundi", "fr"),
    ("tuesday afternoon", "en"), ("monday evening", "en"), ("lundi soir", "fr"), ("this week", "en"),
    ("last week", "en"), ("la semaine derniere", "fr"), ("cette semaine", "fr"), ("next month", "en"),
    ("this month", "en"), ("right now", "en"), ("maintenant", "fr"), ("20 minutes later", "en"),
    ("20 minutes plus tard", "fr"), ("delay by 30 minutes", "en"), ("1 hour earlier", "en"),
    ("5 minutes avant", "fr"), ("in may", "en"), ("en mai", "fr"), ("on the 22nd", "en"),
    ("accept the meeting held tomorrow at room 301", "en"),
])
def test_the_fast_path_agrees_with_recognizers_text_where_that_one_is_right(text: str, lang: str) -> None:
    fast = extract_dates(text, lang, NOW, PARIS)
    slow = extract_dates(text, lang, NOW, PARIS, fast=False)
    assert quick_parse(text, lang, TODAY, NOW.replace(tzinfo=None)) is not None
    assert fast == slow


def test_mailbox_and_notify_requests_carry_no_date_entities() -> None:
    """Their dialogs read dates themselves (language/mailbox.py, language/alerts.py): the recognizer does not."""
    away = recognize("set my out of office from december 21 to 25", "en", NOW, "Europe/Paris")
    assert away.intent == "mailbox.autoreply.set"
    assert (away.entities.start, away.entities.end) == (None, None)
    meeting = recognize("what's on my calendar tomorrow at 3pm", "en", NOW, "Europe/Paris")
    assert meeting.entities.start == _at(TODAY + timedelta(days=1), 15)
