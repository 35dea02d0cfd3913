"""Typed results of `language.recognize`: the intent and the entities found in one utterance."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any

__all__ = ["INTENTS", "WRITE_INTENTS", "Entities", "Recognition"]

#: The intent catalog (DESIGN.md), `none` for requests outside MIPA.
INTENTS: tuple[str, ...] = (
    "calendar.agenda", "calendar.details", "calendar.create", "calendar.update", "calendar.cancel",
    "calendar.accept", "calendar.decline", "calendar.tentative", "calendar.availability", "calendar.join",
    "todo.list", "todo.add", "todo.complete", "todo.delete",
    "planner.list", "planner.add", "planner.complete", "planner.plans",
    "mail.flagged", "mail.list", "mail.search", "mail.flag", "mail.to_task",
    "contacts.find", "contacts.add", "files.recent", "files.shared", "lists.items", "lists.add",
    "digest.today", "mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings", "mailbox.settings.update",
    "general.help", "general.cancel", "general.signout", "general.confirm",
    "general.reject", "general.greeting", "general.thanks", "general.goodbye", "general.undo", "general.more",
    "notify.reminders.on", "notify.reminders.off", "notify.digest.on", "notify.digest.off", "notify.settings",
    "none",
)

#: Intents that change the person's data (create, update, cancel, delete, complete, respond, add, flag).
WRITE_INTENTS: frozenset[str] = frozenset({
    "calendar.create", "calendar.update", "calendar.cancel", "calendar.accept", "calendar.decline",
    "calendar.tentative", "todo.add", "todo.complete", "todo.delete", "planner.add", "planner.complete",
    "mail.flag", "mail.to_task", "contacts.add", "lists.add", "mailbox.autoreply.set", "mailbox.autoreply.off",
    "mailbox.settings.update",
})


@dataclass(frozen=True, slots=True)
class Entities:
    """What an utterance says besides its intent. Every field is optional.

    start, end: aware datetimes in the user's time zone. A point in time has `end` None unless a
        duration was given (then `end = start + duration`). A day or a range gives the start and the
        (exclusive) end of the span, e.g. "tomorrow" = tomorrow 00:00 .. the day after 00:00.
    all_day: the span is made of whole days (no clock time was stated).
    duration: a length of time ("for 30 minutes", "pendant 2 heures").
    time_given: a clock time was stated ("at 3pm", "à 15h", "in two hours").
    people: names of people as written ("Lucie", "tom chen"), in order of appearance.
    title: a task title or a meeting subject, with its original casing, quotes and markup.
    list_name: a To Do or SharePoint list name ("groceries", "courses").
    plan_name: a Planner plan ("Q4").
    bucket_name: a Planner bucket ("Backlog").
    importance: "high", "normal" or "low".
    ordinal: a position in a shown list: 1 for "the first one" / "le premier", -1 for "the last one".
    count: a number of items asked for ("show my 5 next meetings").
    percent: a progress percentage ("set it to 50%").
    comment: a free-text comment, e.g. a decline reason ("because I'm on leave").
    query: mail search words or a sender.
    location: a place ("in room 12", "à Paris").
    new_start: the target time of a reschedule ("move my 3pm to tomorrow at 10am": tomorrow 10:00), an
        aware datetime in the user's zone. When the meeting is referred to by a clock time, `start` (and
        `time_given`) describe that meeting (today 15:00) and, for dialogs written before this field, `end`
        also holds the target; otherwise ("move it to 4pm", "tomorrow's meeting to Thursday at 2pm") the
        date fields describe the target, as they did before.
    ambiguities: flags the dialog should ask about; "next_weekday" when "next Friday" could be this
        week's or next week's Friday (start/end follow the coming one).
    """

    start: datetime | None = None
    end: datetime | None = None
    all_day: bool = False
    duration: timedelta | None = None
    time_given: bool = False
    people: tuple[str, ...] = ()
    title: str | None = None
    list_name: str | None = None
    plan_name: str | None = None
    bucket_name: str | None = None
    importance: str | None = None
    ordinal: int | None = None
    count: int | None = None
    percent: int | None = None
    comment: str | None = None
    query: str | None = None
    location: str | None = None
    ambiguities: tuple[str, ...] = ()
    new_start: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: datetimes in ISO 8601, durations in seconds, empty fields dropped."""
        out: dict[str, Any] = {}
        for key in _ENTITY_FIELDS:  # the fields read directly: `asdict` deep-copied each value, 42 µs a call
            value = getattr(self, key)
            if value is None or value == () or value is False:
                continue
            if isinstance(value, datetime):
                value = value.isoformat()
            elif isinstance(value, timedelta):
                value = value.total_seconds()
            elif isinstance(value, tuple):
                value = list(value)
            out[key] = value
        return out


#: `Entities`' field names in declaration order (the order of `to_json`'s keys).
_ENTITY_FIELDS: tuple[str, ...] = tuple(item.name for item in fields(Entities))


@dataclass(frozen=True, slots=True)
class Recognition:
    """The result of `recognize`: an intent of `INTENTS`, its confidence in [0, 1], the locale and entities.

    alternatives: empty, or the two intents the recognizer could not tell apart, `intent` first: the dialog
        asks which one is meant ("your calendar or your tasks?") before acting.
    """

    intent: str
    score: float
    locale: str
    entities: Entities = field(default_factory=Entities)
    alternatives: tuple[str, ...] = ()

    @property
    def is_write(self) -> bool:
        """True when the intent would change the person's data."""
        return self.intent in WRITE_INTENTS

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "score": round(self.score, 3),
            "locale": self.locale,
            "entities": self.entities.to_json(),
            **({"alternatives": list(self.alternatives)} if self.alternatives else {}),
        }
