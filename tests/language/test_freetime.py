"""Free-time questions: a time asks yes or no, "when" and long spans ask for the free slots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from language import recognize
from language.freetime import POINT, yes_no_span

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "locale", "length"), [
    ("am I free tomorrow at 3pm?", "en", POINT),
    ("suis-je libre demain à 15h ?", "fr", POINT),
    ("am I free tomorrow from 3pm to 4pm?", "en", timedelta(hours=1)),
    ("suis-je disponible demain à 15h ?", "fr", POINT),
])
def test_a_time_is_a_yes_or_no_question(text: str, locale: str, length: timedelta) -> None:
    entities = recognize(text, locale, NOW, "Europe/Paris").entities
    span = yes_no_span(entities, text)
    assert span is not None and span[0] == entities.start and span[1] - span[0] == length


@pytest.mark.parametrize(("text", "locale"), [
    ("when am I free tomorrow?", "en"),
    ("quand suis-je libre demain ?", "fr"),
    ("when am I free tomorrow afternoon?", "en"),
    ("am I free tomorrow afternoon?", "en"),  # four hours: the free slots in it
    ("find me free time tomorrow morning", "en"),
])
def test_days_and_when_questions_list_the_slots(text: str, locale: str) -> None:
    assert yes_no_span(recognize(text, locale, NOW, "Europe/Paris").entities, text) is None
