"""The alerts settings card: what is on (reminders N minutes before, "my day" at a time), with buttons."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from babel.dates import get_day_names

from cards.base import TEAMS_VERSION, Card, adaptive_card, plain_text, text_block
from cards.text import lang_of, text
from language.formatting import format_duration, format_time

__all__ = ["alert_settings_card", "days_text", "minutes_text", "settings_button_text", "time_text"]

WEEKDAYS = (0, 1, 2, 3, 4)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
#: What each settings button says in chat (Teams sends it as the person's message), by language.
_UTTERANCES = {
    "en": {"notify.reminders.on": "remind me 10 minutes before my meetings", "notify.reminders.off": "stop meeting reminders",
           "notify.digest.on": "send me my day every weekday at 8:00", "notify.digest.off": "stop my day"},
    "fr": {"notify.reminders.on": "préviens-moi 10 minutes avant mes réunions", "notify.reminders.off": "désactive les rappels",
           "notify.digest.on": "envoie-moi ma journée en semaine à 8h00", "notify.digest.off": "arrête ma journée"},
}


def minutes_text(minutes: int, locale: str) -> str:
    """"10 min", "1 hr" (the one duration format, language.formatting)."""
    return format_duration(timedelta(minutes=minutes), locale)


def time_text(at: time, locale: str) -> str:
    return format_time(datetime.combine(date(2026, 1, 5), at, tzinfo=UTC), locale, UTC)


def days_text(days: tuple[int, ...], locale: str) -> str:
    if tuple(days) == WEEKDAYS:
        return text("notify.days.weekdays", locale)
    if tuple(days) == EVERY_DAY:
        return text("notify.days.every_day", locale)
    names = get_day_names("wide", locale=lang_of(locale))
    return text("notify.days.some", locale, days=", ".join(names[d] for d in days))


def settings_button_text(intent: str, locale: str) -> str:
    """The sentence a settings button stands for ("stop my day"), for clients that send only its data."""
    return _UTTERANCES[lang_of(locale)].get(intent, "")


def _button(intent: str, locale: str) -> dict[str, Any]:
    label = text(f"notify.action.{intent.split('.', 1)[1].replace('.', '_')}", locale)
    utterance = _UTTERANCES[lang_of(locale)][intent]
    return {"type": "Action.Submit", "title": label,
            "data": {"notify": intent, "msteams": {"type": "messageBack", "text": utterance, "displayText": label}}}


def alert_settings_card(*, reminders: int | None, digest_at: time | None, digest_days: tuple[int, ...] | None,
                        paused: bool, locale: str) -> Card:
    """One line per alert and one button to turn each on or off."""
    lines: list[dict[str, Any]] = [text_block(text("notify.settings.title", locale), size="Medium", weight="Bolder")]
    if reminders is not None:
        lines.append(plain_text(text("notify.settings.reminders_on", locale, minutes=minutes_text(reminders, locale))))
    else:
        lines.append(plain_text(text("notify.settings.reminders_off", locale)))
    if digest_at is not None:
        lines.append(plain_text(text("notify.settings.digest_on", locale, time=time_text(digest_at, locale),
                                     days=days_text(digest_days or WEEKDAYS, locale))))
    else:
        lines.append(plain_text(text("notify.settings.digest_off", locale)))
    if paused:
        lines.append(text_block(text("notify.settings.paused", locale), color="Warning"))
    buttons = [_button("notify.reminders.off" if reminders is not None else "notify.reminders.on", locale),
               _button("notify.digest.off" if digest_at is not None else "notify.digest.on", locale)]
    return adaptive_card(lines, buttons, version=TEAMS_VERSION)
