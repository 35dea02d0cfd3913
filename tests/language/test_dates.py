"""Date and time resolution with a pinned `now` and zone, including daylight-saving changes."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from language import recognize

PARIS = ZoneInfo("Europe/Paris")
LA = ZoneInfo("America/Los_Angeles")
TUESDAY = datetime(2026, 9, 1, 9, 0, tzinfo=PARIS)  # a Tuesday


def real(later: datetime, earlier: datetime) -> timedelta:
    """Elapsed time (same-zone aware subtraction in Python gives wall-clock time)."""
    return later.astimezone(UTC) - earlier.astimezone(UTC)


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = PARIS) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


@pytest.mark.parametrize(
    ("text", "lang"), [("remind me tomorrow at 3pm", "en"), ("rappelle-moi demain à 15h", "fr")]
)
def test_tomorrow_at_three(text: str, lang: str) -> None:
    e = recognize(text, lang, TUESDAY, PARIS).entities
    assert e.start == at(2026, 9, 2, 15)
    assert e.time_given and not e.all_day
    assert e.start.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("book a meeting next Tuesday from 2 to 4", "en"), ("crée une réunion mardi prochain de 14h à 16h", "fr")],
)
def test_next_tuesday_range(text: str, lang: str) -> None:
    e = recognize(text, lang, TUESDAY, PARIS).entities
    assert (e.start, e.end) == (at(2026, 9, 8, 14), at(2026, 9, 8, 16))
    assert e.duration == timedelta(hours=2)
    assert e.ambiguities == ()  # on a Tuesday, "next Tuesday" can only be in 7 days


@pytest.mark.parametrize(("text", "lang"), [("in two hours", "en"), ("dans deux heures", "fr")])
def test_in_two_hours(text: str, lang: str) -> None:
    e = recognize(text, lang, TUESDAY, PARIS).entities
    assert e.start == at(2026, 9, 1, 11) and e.time_given


@pytest.mark.parametrize(("text", "lang"), [("tasks due by the end of the week", "en"),
                                            ("tâches à finir d'ici la fin de la semaine", "fr")])
def test_end_of_the_week(text: str, lang: str) -> None:
    e = recognize(text, lang, TUESDAY, PARIS).entities
    assert e.all_day
    assert e.start == at(2026, 9, 3) and e.end == at(2026, 9, 7)


@pytest.mark.parametrize(("text", "lang"), [("what's on next Friday", "en"), ("quoi de prévu vendredi prochain", "fr")])
def test_next_friday_means_the_coming_one_and_is_flagged(text: str, lang: str) -> None:
    e = recognize(text, lang, TUESDAY, PARIS).entities
    assert e.start == at(2026, 9, 4) and e.end == at(2026, 9, 5)
    assert "next_weekday" in e.ambiguities


def test_bare_weekday_is_the_coming_one() -> None:
    e = recognize("ajoute acheter du lait à mes courses pour vendredi", "fr", TUESDAY, PARIS).entities
    assert e.start == at(2026, 9, 4) and e.all_day and e.ambiguities == ()


def test_duration_in_both_languages() -> None:
    en = recognize("schedule a meeting tomorrow at 10 for 1 hour 30 minutes", "en", TUESDAY, PARIS).entities
    fr = recognize("planifie une réunion demain à 10h pendant 2 heures", "fr", TUESDAY, PARIS).entities
    assert en.duration == timedelta(minutes=90) and en.end == at(2026, 9, 2, 11, 30)
    assert fr.duration == timedelta(hours=2) and fr.end == at(2026, 9, 2, 12)


def test_no_date_means_no_dates() -> None:
    e = recognize("show my flagged emails", "en", TUESDAY, PARIS).entities
    assert e.start is None and e.end is None and not e.time_given


def test_naive_now_is_taken_in_the_user_zone() -> None:
    e = recognize("tomorrow at 3pm", "en", datetime(2026, 9, 1, 23, 30), LA).entities
    assert e.start == at(2026, 9, 2, 15, tz=LA)


# Daylight-saving changes: Paris springs forward on 2026-03-29 and falls back on 2026-10-25;
# Los Angeles on 2026-03-08 and 2026-11-01.

def test_paris_spring_forward_tomorrow_at_three() -> None:
    e = recognize("demain à 15h", "fr", at(2026, 3, 28, 20), PARIS).entities
    assert e.start == at(2026, 3, 29, 15)
    assert e.start.utcoffset() == timedelta(hours=2)


def test_paris_spring_forward_day_is_23_hours() -> None:
    e = recognize("what's on tomorrow", "en", at(2026, 3, 28, 20), PARIS).entities
    assert e.all_day and e.start == at(2026, 3, 29) and e.end == at(2026, 3, 30)
    assert real(e.end, e.start) == timedelta(hours=23)


def test_paris_spring_forward_in_two_hours_is_real_time() -> None:
    now = at(2026, 3, 29, 1, 30)  # 01:30 CET; at 02:00 clocks jump to 03:00
    e = recognize("in two hours", "en", now, PARIS).entities
    assert real(e.start, now) == timedelta(hours=2)
    assert (e.start.hour, e.start.minute) == (4, 30)


def test_paris_fall_back_day_is_25_hours() -> None:
    e = recognize("qu'est-ce que j'ai demain", "fr", at(2026, 10, 24, 18), PARIS).entities
    assert e.start == at(2026, 10, 25) and real(e.end, e.start) == timedelta(hours=25)


def test_los_angeles_spring_forward_next_week_range() -> None:
    e = recognize("tomorrow at 3pm", "en", at(2026, 3, 7, 9, tz=LA), LA).entities
    assert e.start == at(2026, 3, 8, 15, tz=LA) and e.start.utcoffset() == timedelta(hours=-7)


def test_los_angeles_fall_back_in_two_hours() -> None:
    now = at(2026, 11, 1, 0, 30, tz=LA)  # PDT; at 02:00 PDT clocks go back to 01:00 PST
    e = recognize("dans deux heures", "fr", now, LA).entities
    assert real(e.start, now) == timedelta(hours=2)
    assert (e.start.hour, e.start.minute) == (1, 30) and e.start.utcoffset() == timedelta(hours=-8)


def test_los_angeles_fall_back_tuesday_range() -> None:
    now = at(2026, 10, 29, 9, tz=LA)  # Thursday before the change
    e = recognize("next Tuesday from 2 to 4", "en", now, LA).entities
    assert (e.start, e.end) == (at(2026, 11, 3, 14, tz=LA), at(2026, 11, 3, 16, tz=LA))
    assert e.start.utcoffset() == timedelta(hours=-8)


def test_the_french_date_model_is_built_by_the_first_french_sentence_once() -> None:
    """Issue 25: the start-up warm-up builds the English date model only; the French one (30 MB) is built in the
    background by the first French sentence read for dates, and a sentence that needs it waits for that one build."""
    code = "\n".join([
        "import logging",
        "from datetime import UTC, datetime",
        "from zoneinfo import ZoneInfo",
        "from language import dates, recognizer",
        "logging.basicConfig(level=logging.WARNING, format='%(message)s')",
        "logging.getLogger('language.dates').setLevel(logging.INFO)",
        "recognizer.warm_up()",
        "now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)",
        "recognizer.recognize('what do I have tomorrow at 3pm', 'en', now, 'Europe/Paris')",
        "print(dates.model_built('en'), dates.model_built('fr'))",
        "info = dates.extract_dates('le premier lundi de février', 'fr', now, ZoneInfo('Europe/Paris'))",
        "print(dates.model_built('fr'), info.start.date().isoformat())",
    ])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split("\n")[:2] == ["True False", "True 2027-02-01"]
    assert done.stderr.count("building the fr date-time model") == 1
    assert done.stderr.count("building the en date-time model") == 1
