"""language/corrections.py: what a message typed at a confirmation card corrects, in English and French."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from language.corrections import Correction, looks_like_request, read_correction

# A Sunday night in Paris (Monday 00:10 local): "Thursday" is the coming Thursday, whatever the suite's date.
NOW = datetime(2026, 12, 6, 23, 10, tzinfo=UTC)
TZ = "Europe/Paris"
THURSDAY, WEDNESDAY, FRIDAY, TUESDAY = date(2026, 12, 10), date(2026, 12, 9), date(2026, 12, 11), date(2026, 12, 8)


def read(text: str, locale: str = "en") -> Correction | None:
    return read_correction(text, locale, NOW, TZ)


@pytest.mark.parametrize(("text", "locale", "day", "at"), [
    ("no, thursday", "en", THURSDAY, None),
    ("No, Thursday.", "en", THURSDAY, None),
    ("make it Thursday", "en", THURSDAY, None),
    ("thursday instead", "en", THURSDAY, None),
    ("actually, friday at 10am", "en", FRIDAY, time(10, 0)),
    ("no, the 10th", "en", THURSDAY, None),
    ("no, 6pm", "en", None, time(18, 0)),
    ("make it 4pm", "en", None, time(16, 0)),
    ("make it 4:30pm", "en", None, time(16, 30)),
    ("Tuesday", "en", TUESDAY, None),
    ("plutôt jeudi", "fr", THURSDAY, None),
    ("jeudi plutôt", "fr", THURSDAY, None),
    ("non, mercredi", "fr", WEDNESDAY, None),
    ("non, 18h", "fr", None, time(18, 0)),
    ("non, jeudi à 10h", "fr", THURSDAY, time(10, 0)),
    ("non, le 10", "fr", THURSDAY, None),
    ("how about Thursday?", "en", THURSDAY, None),
    ("what about 4pm?", "en", None, time(16, 0)),
    ("et jeudi ?", "fr", THURSDAY, None),
    ("pourquoi pas mercredi ?", "fr", WEDNESDAY, None),
])
def test_days_and_times(text: str, locale: str, day: date | None, at: time | None) -> None:
    correction = read(text, locale)
    assert correction is not None, text
    assert (correction.day, correction.time) == (day, at)
    assert correction.people == () and correction.title is None


def test_a_length() -> None:
    correction = read("make it an hour")
    assert correction is not None and correction.duration == timedelta(hours=1)
    assert correction.slots == ("duration",)


@pytest.mark.parametrize(("text", "locale", "people", "adds"), [
    ("add Megan too", "en", ("Megan",), True),
    ("add Megan and Liam", "en", ("Megan", "Liam"), True),
    ("invite Liam O'Brien as well", "en", ("Liam O'Brien",), True),
    ("with Megan instead", "en", ("Megan",), False),
    ("ajoute Megan aussi", "fr", ("Megan",), True),
    ("avec Megan et Liam", "fr", ("Megan", "Liam"), True),
])
def test_people(text: str, locale: str, people: tuple[str, ...], adds: bool) -> None:
    correction = read(text, locale)
    assert correction is not None and correction.people == people and correction.add_people is adds
    assert correction.slots == ("people",)


@pytest.mark.parametrize(("text", "locale", "title"), [
    ("change the title to Budget review", "en", "Budget review"),
    ("no, change the title to \"Budget review\"", "en", "Budget review"),
    ("call it Retro", "en", "Retro"),
    ("rename it to Quarterly planning", "en", "Quarterly planning"),
    ("change le titre en Revue budgétaire", "fr", "Revue budgétaire"),
    ("le titre est Point d'équipe", "fr", "Point d'équipe"),
])
def test_titles_keep_their_case_and_accents(text: str, locale: str, title: str) -> None:
    correction = read(text, locale)
    assert correction is not None and correction.title == title and correction.slots == ("title",)


@pytest.mark.parametrize(("text", "locale"), [
    ("yes", "en"), ("no", "en"), ("non", "fr"), ("oui", "fr"), ("no thanks", "en"), ("no, cancel", "en"),
    ("no, what's on Thursday?", "en"), ("what's on the 10th?", "en"), ("show my tasks", "en"),
    ("add milk to my tasks", "en"), ("how about lunch?", "en"), ("and my tasks?", "en"), ("qu'est-ce que j'ai jeudi ?", "fr"), ("book a meeting with Megan", "en"),
    ("", "en"), ("   ", "en"), ("add buy milk", "en"),
])
def test_other_messages_are_no_correction(text: str, locale: str) -> None:
    assert read(text, locale) is None


def test_at_moves_a_moment_to_the_corrected_day_and_time() -> None:
    moment = datetime(2026, 12, 11, 15, 0, tzinfo=UTC)
    assert Correction(day=THURSDAY).at(moment) == datetime(2026, 12, 10, 15, 0, tzinfo=UTC)
    assert Correction(time=time(18, 0)).at(moment) == datetime(2026, 12, 11, 18, 0, tzinfo=UTC)


def test_json_round_trip() -> None:
    correction = Correction(day=THURSDAY, time=time(16, 0), duration=timedelta(minutes=45), people=("Megan",),
                            add_people=False, title="Retro")
    assert Correction.from_json(correction.to_json()) == correction
    assert Correction.from_json(Correction().to_json()) == Correction()
    assert correction.slots == ("day", "time", "duration", "people", "title")


@pytest.mark.parametrize(("text", "expected"), [
    ("what's on the 10th?", True), ("what lists are on the Marketing site?", True), ("show my tasks", True),
    ("qu'est-ce que j'ai demain ?", True), ("Budget review", False), ("with Megan and Liam", False),
    ("tomorrow at 3pm", False), ("Retro", False),
])
def test_looks_like_request(text: str, expected: bool) -> None:
    assert looks_like_request(text) is expected


def test_merge_keeps_what_was_said_and_adds_people() -> None:
    first = Correction(people=("Megan",))
    later = Correction(day=THURSDAY, people=("Liam",))
    merged = first.merge(later)
    assert merged.people == ("Megan", "Liam") and merged.day == THURSDAY
    assert merged.merge(Correction(people=("Lee",), add_people=False)).people == ("Lee",)
    assert merged.merge(Correction(time=time(9, 0))).slots == ("day", "time", "people")


@pytest.mark.parametrize(("text", "locale", "day"), [
    ("no, until friday", "en", FRIDAY), ("plutôt jusqu'à jeudi", "fr", THURSDAY),
])
def test_until_a_day(text: str, locale: str, day: date) -> None:
    correction = read(text, locale)
    assert correction is not None and correction.day == day and correction.time is None
