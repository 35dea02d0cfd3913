"""Alert requests in English and French: intents and the minutes, time and days they state."""

from __future__ import annotations

from datetime import time

import pytest

from language import recognize
from language.alerts import EVERY_DAY, WEEKDAYS, parse_alert


@pytest.mark.parametrize(("text", "locale", "intent", "minutes", "at", "days"), [
    ("remind me 10 minutes before my meetings", "en", "notify.reminders.on", 10, None, None),
    ("préviens-moi 15 minutes avant mes réunions", "fr", "notify.reminders.on", 15, None, None),
    ("remind me an hour before meetings", "en", "notify.reminders.on", 60, None, None),
    ("send me my day every weekday at 8:00", "en", "notify.digest.on", None, time(8, 0), WEEKDAYS),
    ("envoie-moi ma journée chaque matin à 7h30", "fr", "notify.digest.on", None, time(7, 30), EVERY_DAY),
    ("send me my day every monday and friday at 5pm", "en", "notify.digest.on", None, time(17, 0), (0, 4)),
    ("stop meeting reminders", "en", "notify.reminders.off", None, None, None),
    ("désactive les rappels", "fr", "notify.reminders.off", None, None, None),
    ("stop my day", "en", "notify.digest.off", None, None, None),
    ("arrête ma journée", "fr", "notify.digest.off", None, None, None),
    ("what notifications do I have?", "en", "notify.settings", None, None, None),
    ("quelles alertes ai-je ?", "fr", "notify.settings", None, None, None),
])
def test_alert_requests(text: str, locale: str, intent: str, minutes: int | None, at: time | None,
                        days: tuple[int, ...] | None) -> None:
    asked = parse_alert(text, locale)
    assert asked is not None and (asked.intent, asked.minutes, asked.at, asked.days) == (intent, minutes, at, days)
    assert recognize(text, locale).intent == intent


@pytest.mark.parametrize("text", ["what's on my calendar today", "remind me to buy milk", "my day", "ma journée",
                                  "send an email to Bob every day", "cancel my 3pm meeting"])
def test_other_requests_are_not_alerts(text: str) -> None:
    assert parse_alert(text) is None
    assert not recognize(text, "en").intent.startswith("notify.")


@pytest.mark.parametrize(("text", "locale"), [
    ("supprime la tâche Rappeler le garage", "fr"), ("delete the task remind Bob about the invoice", "en"),
    ("ajoute rappeler le garage à mes tâches", "fr"), ("marque rappeler la banque comme faite", "fr"),
])
def test_tasks_that_mention_reminding_are_not_alerts(text: str, locale: str) -> None:
    assert parse_alert(text, locale) is None
    assert not recognize(text, locale).intent.startswith("notify.")
