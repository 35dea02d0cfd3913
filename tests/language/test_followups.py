"""language/followups.py: which short messages are follow-ups, references or "more", in English and French."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from language import Entities, recognize
from language.followups import followup, is_more, only_reference, reference, says_day

NOW = datetime(2027, 3, 3, 9, 0, tzinfo=UTC)  # passed in: the rules never read a clock
TZ = "Europe/Paris"


def entities(text: str, locale: str) -> Entities:
    return recognize(text, locale, NOW, TZ).entities


@pytest.mark.parametrize(("text", "locale", "days"), [
    ("and tomorrow?", "en", 1), ("what about tomorrow?", "en", 1), ("et demain ?", "fr", 1),
    ("et après-demain ?", "fr", 2), ("how about tomorrow", "en", 1),
])
def test_a_day_follow_up_carries_the_day_said(text: str, locale: str, days: int) -> None:
    said = followup(text, entities(text, locale))
    assert said is not None and said.source is None and said.shift_days == 0
    assert said.start is not None and said.end is not None
    assert said.end - said.start >= timedelta(hours=23)
    assert (said.start.date() - NOW.astimezone(said.start.tzinfo).date()).days == days


@pytest.mark.parametrize(("text", "locale", "weekday"), [
    ("what about Friday?", "en", 4), ("et jeudi ?", "fr", 3), ("et mardi ?", "fr", 1), ("and on Monday?", "en", 0),
])
def test_a_weekday_follow_up(text: str, locale: str, weekday: int) -> None:
    said = followup(text, entities(text, locale))
    assert said is not None and said.start is not None and said.start.weekday() == weekday


@pytest.mark.parametrize(("text", "locale"), [("et la semaine prochaine ?", "fr"), ("same for next week", "en"),
                                              ("and next week?", "en")])
def test_a_week_follow_up_spans_seven_days(text: str, locale: str) -> None:
    said = followup(text, entities(text, locale))
    assert said is not None and said.start is not None and said.end is not None
    assert said.end - said.start >= timedelta(days=6, hours=23)


@pytest.mark.parametrize(("text", "shift"), [("and the day after?", 1), ("et le lendemain ?", 1),
                                             ("what about the day before?", -1), ("et la veille ?", -1)])
def test_the_day_after_shifts_the_previous_span(text: str, shift: int) -> None:
    said = followup(text, Entities())
    assert said is not None and said.shift_days == shift and said.start is None


@pytest.mark.parametrize(("text", "source"), [
    ("what about Planner?", "planner"), ("and in Planner?", "planner"), ("what about my tasks?", "todo"),
    ("et mes tâches ?", "todo"), ("and my calendar?", "calendar"), ("et dans mon agenda ?", "calendar"),
    ("what about my flagged mail?", "flagged"), ("and my inbox?", "mail"), ("et mes mails ?", "mail"),
])
def test_a_source_follow_up(text: str, source: str) -> None:
    said = followup(text, Entities())
    assert said is not None and said.source == source


@pytest.mark.parametrize(("text", "locale"), [("and for Megan?", "en"), ("et pour Megan ?", "fr"),
                                              ("what about for Megan?", "en")])
def test_a_person_follow_up(text: str, locale: str) -> None:
    said = followup(text, entities(text, locale))
    assert said is not None and said.people == ("Megan",)


@pytest.mark.parametrize(("text", "locale"), [
    ("add milk to my list and then call mom tomorrow", "en"), ("what's on tomorrow?", "en"), ("tomorrow", "en"),
    ("and", "en"), ("et alors ?", "fr"), ("move it to 4pm", "en"), ("and schedule a meeting with Megan tomorrow", "en"),
    ("qu'est-ce que j'ai jeudi ?", "fr"),
])
def test_full_requests_are_not_follow_ups(text: str, locale: str) -> None:
    assert followup(text, entities(text, locale)) is None


@pytest.mark.parametrize(("text", "locale", "it", "ordinal", "people"), [
    ("move it to 4pm", "en", True, None, ()), ("cancel that", "en", True, None, ()), ("open it", "en", True, None, ()),
    ("mark the second one done", "en", False, 2, ()), ("supprime le premier", "fr", False, 1, ()),
    ("the one with Megan", "en", False, None, ("Megan",)), ("the second one", "en", False, 2, ()),
    ("déplace-le à 16h", "fr", True, None, ()), ("annule-la", "fr", True, None, ()),
    ("celle avec Megan", "fr", False, None, ("Megan",)), ("the last one", "en", False, -1, ()),
])
def test_references(text: str, locale: str, it: bool, ordinal: int | None, people: tuple[str, ...]) -> None:
    pointed = reference(text, entities(text, locale))
    assert pointed is not None
    assert (pointed.it, pointed.ordinal, pointed.people) == (it, ordinal, people)


@pytest.mark.parametrize("text", ["move my 3pm to 4pm", "what's on tomorrow?", "déplace la réunion budget à jeudi",
                                  "add a task to buy milk"])
def test_no_reference(text: str) -> None:
    assert reference(text, entities(text, "fr" if "é" in text else "en")) is None


@pytest.mark.parametrize(("text", "only"), [
    ("the second one", True), ("le deuxième", True), ("the last one", True), ("the one with Megan", True),
    ("open it", True), ("ouvre-le", True), ("celle avec Megan", True), ("number 3", True),
    ("mark the second one done", False), ("move it to 4pm", False), ("what's on tomorrow?", False),
])
def test_only_reference(text: str, only: bool) -> None:
    assert only_reference(text) is only


@pytest.mark.parametrize(("text", "more"), [
    ("more", True), ("show me more", True), ("next", True), ("suivant", True), ("la suite", True),
    ("encore", True), ("Show more please", True), ("more meetings tomorrow", False), ("what's next week?", False),
    ("", False),
])
def test_is_more(text: str, more: bool) -> None:
    assert is_more(text) is more


@pytest.mark.parametrize(("text", "day"), [("move it to 4pm", False), ("déplace-le à 16h", False),
                                           ("move it to Friday at 4pm", True), ("move it to tomorrow 9am", True),
                                           ("décale-le à demain 10h", True), ("move it to the 12th", True)])
def test_says_day(text: str, day: bool) -> None:
    assert says_day(text) is day


@pytest.mark.parametrize("text", ["accept the invitation for this Friday", "what's on this week?",
                                  "decline that meeting tomorrow morning"])
def test_this_and_that_before_a_day_are_not_references(text: str) -> None:
    pointed = reference(text, entities(text, "en"))
    assert pointed is None or not pointed.it


@pytest.mark.parametrize("text", ["move that to 4pm", "mark this one done", "complete that task", "cancel this meeting",
                                  "decline it"])
def test_this_and_that_as_pronouns_are_references(text: str) -> None:
    pointed = reference(text, entities(text, "en"))
    assert pointed is not None and pointed.it
