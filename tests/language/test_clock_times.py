"""Clock times (French 24-hour clock, English afternoon guess) across zones and daylight-saving changes,
and the fast date path giving the same readings as Recognizers-Text."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from language import recognize
from language.dates import extract_dates

PARIS = ZoneInfo("Europe/Paris")
LA = ZoneInfo("America/Los_Angeles")
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize("zone", [PARIS, LA, TOKYO])
@pytest.mark.parametrize(
    ("text", "day", "hour", "minute"),
    [
        ("à 10h", 1, 10, 0), ("10h", 1, 10, 0), ("11h", 1, 11, 0), ("12h30", 1, 12, 30), ("14h", 1, 14, 0),
        ("16h", 1, 16, 0), ("22h", 1, 22, 0), ("à 9h30", 1, 9, 30), ("9h", 1, 9, 0),
        ("à 8h30", 2, 8, 30),  # 08:30 has passed at 09:00: the next one
        ("demain à 9h", 2, 9, 0), ("demain à 10h30", 2, 10, 30), ("ce matin à 10h", 1, 10, 0),
        ("vendredi à 11h", 4, 11, 0), ("mardi prochain à 9h", 8, 9, 0),
    ],
)
def test_french_hours_are_24_hour(zone: ZoneInfo, text: str, day: int, hour: int, minute: int) -> None:
    now = datetime(2026, 9, 1, 9, 0, tzinfo=zone)  # Tuesday 09:00 in the user's zone
    e = recognize(text, "fr", now, zone).entities
    assert e.start == datetime(2026, 9, day, hour, minute, tzinfo=zone) and e.time_given


@pytest.mark.parametrize(
    ("text", "hour"),
    [("tomorrow at 3", 15), ("tomorrow at 10", 10), ("tomorrow at 8", 8), ("tomorrow at 7", 19),
     ("tomorrow at 12", 12), ("tomorrow at 3pm", 15), ("tomorrow at 10am", 10), ("tomorrow at 10pm", 22)],
)
def test_english_bare_hours_guess_the_working_day(text: str, hour: int) -> None:
    e = recognize(text, "en", datetime(2026, 9, 1, 9, 0, tzinfo=PARIS), PARIS).entities
    assert e.start == datetime(2026, 9, 2, hour, 0, tzinfo=PARIS)


def test_french_hours_across_the_autumn_change_in_paris() -> None:
    now = datetime(2026, 10, 24, 20, 0, tzinfo=PARIS)  # clocks go back in the night of the 25th
    e = recognize("demain à 9h", "fr", now, PARIS).entities
    assert e.start == datetime(2026, 10, 25, 9, 0, tzinfo=PARIS)
    assert e.start.utcoffset() == timedelta(hours=1)
    e = recognize("demain à 10h", "fr", now, PARIS).entities
    assert (e.start.hour, e.start.utcoffset()) == (10, timedelta(hours=1))


def test_french_hours_across_the_spring_change_in_los_angeles() -> None:
    now = datetime(2026, 3, 7, 18, 0, tzinfo=LA)  # clocks go forward in the night of the 8th
    e = recognize("demain à 11h", "fr", now, LA).entities
    assert e.start == datetime(2026, 3, 8, 11, 0, tzinfo=LA) and e.start.utcoffset() == timedelta(hours=-7)


@pytest.mark.parametrize(("text", "hour"), [("demain.", 0), ("demain à 15 h.", 15), ("pouvez-vous le changer à 17 h ?", 17)])
def test_final_punctuation_and_spaced_hours_in_french(text: str, hour: int) -> None:
    now = datetime(2026, 9, 1, 9, 0, tzinfo=PARIS)
    for fast in (True, False):
        e = extract_dates(text, "fr", now, PARIS, fast=fast)
        assert e.start is not None and e.start.hour == hour, fast


def test_cet_apres_midi_is_the_afternoon_like_this_afternoon() -> None:
    now = datetime(2026, 9, 1, 9, 0, tzinfo=PARIS)
    fr = recognize("réunion cet après-midi", "fr", now, PARIS).entities
    en = recognize("meeting this afternoon", "en", now, PARIS).entities
    assert (fr.start, fr.end) == (en.start, en.end) == (datetime(2026, 9, 1, 12, tzinfo=PARIS),
                                                        datetime(2026, 9, 1, 16, tzinfo=PARIS))


_EN_DAYS = ["", "today", "tomorrow", "friday", "on monday", "this thursday", "next tuesday", "next sunday"]
_EN_TIMES = ["", "at 3pm", "at 10am", "at 3", "at 10", "at 9:30", "3:30pm", "at 12", "at 15:00"]
_FR_DAYS = ["", "aujourd'hui", "demain", "vendredi", "mardi prochain", "ce jeudi", "dimanche prochain"]
_FR_TIMES = ["", "à 10h", "9h", "12h30", "à 8h30", "14h", "16h45", "23h"]
_OTHER = [("en", "this afternoon"), ("en", "this morning"), ("en", "this evening"), ("en", "tonight"),
          ("en", "tomorrow morning"), ("en", "what's on next week"), ("fr", "la semaine prochaine"), ("fr", "ce matin"),
          ("fr", "ce soir"), ("fr", "demain matin"), ("fr", "demain soir")]
PHRASES = (
    [("en", f"meeting {d} {t}".strip()) for d, t in itertools.product(_EN_DAYS, _EN_TIMES) if d or t]
    + [("fr", f"réunion {t} {d}".strip()) for d, t in itertools.product(_FR_DAYS, _FR_TIMES) if d or t]
    + _OTHER
)


@pytest.mark.parametrize(("zone", "now"), [
    (PARIS, datetime(2026, 9, 1, 9, 0)), (LA, datetime(2026, 10, 31, 18, 0)), (PARIS, datetime(2026, 3, 28, 23, 30)),
    (TOKYO, datetime(2026, 9, 5, 14, 0)),
])
def test_the_fast_path_reads_like_recognizers_text(zone: ZoneInfo, now: datetime) -> None:
    aware = now.replace(tzinfo=zone)
    differ = []
    for lang, text in PHRASES:
        fast = extract_dates(text, lang, aware, zone, fast=True)
        slow = extract_dates(text, lang, aware, zone, fast=False)
        if fast != slow:
            differ.append((text, fast, slow))
    assert not differ, differ[:3]
    assert len(PHRASES) > 100
