"""Conversation cards: confirm a write, show its result with undo, choose among several matches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cards.actions import Verb, action_data
from cards.base import (
    TEAMS_VERSION,
    Card,
    action_set,
    adaptive_card,
    column,
    columns,
    execute_action,
    fact_set,
    plain_text,
    text_block,
)
from cards.text import text

__all__ = ["CHOICE_KINDS", "FIELDS", "OPERATIONS", "choice_card", "confirm_buttons", "confirmation_card", "result_card"]

# What a confirmation or result card can describe, and the fields it may show.
OPERATIONS = (
    "calendar.create", "calendar.update", "calendar.cancel", "calendar.accept", "calendar.decline",
    "calendar.tentative", "todo.add", "todo.complete", "todo.delete", "planner.add", "planner.complete",
    "mail.flag", "mail.to_task", "contacts.add", "lists.add",
    "mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings.update",
)
FIELDS = (
    "title", "when", "start", "end", "duration", "where", "attendees", "list", "due", "importance",
    "plan", "bucket", "assignee", "message", "name", "email", "phone", "comment", "reminder", "sender", "old_when",
    "new_when", "status", "audience", "internal_message", "external_message", "days", "hours", "time_zone", "repeat",
    "conflicts",
)
CHOICE_KINDS = ("person", "list", "plan", "bucket", "event", "task", "message", "site_list")
MAX_CHOICES = 10


def _facts(fields: Sequence[tuple[str, str]], locale: str) -> dict[str, Any]:
    for name, _ in fields:
        if name not in FIELDS:
            raise ValueError(f"unknown field {name!r}")
    return fact_set([(text(f"cards.field.{name}", locale), value) for name, value in fields])


def _operation(operation: str) -> str:
    if operation not in OPERATIONS:
        raise ValueError(f"unknown operation {operation!r}")
    return operation.replace(".", "_")


def confirmation_card(operation: str, fields: Sequence[tuple[str, str]], *, ref: str, locale: str) -> Card:
    """Exactly what will be written (`fields`: (field name, raw value)), with buttons that say what they do."""
    op = _operation(operation)
    body = [
        text_block(text(f"cards.confirm.{op}", locale), size="Medium", weight="Bolder"),
        _facts(fields, locale),
        text_block(text("cards.confirm.hint", locale), isSubtle=True, size="Small"),
        action_set([
            *confirm_buttons(operation, ref=ref, locale=locale),
        ]),
    ]
    return adaptive_card(body, version=TEAMS_VERSION)


def confirm_buttons(operation: str, *, ref: str, locale: str) -> list[dict[str, Any]]:
    """The two buttons of a confirmation, saying what they do: "Cancel the meeting" and "Keep it"."""
    op = _operation(operation)
    style = "destructive" if operation in ("calendar.cancel", "calendar.decline", "todo.delete") else "positive"
    return [
        execute_action(text(f"cards.yes.{op}", locale), Verb.CONFIRM, action_data(Verb.CONFIRM, ref=ref), style=style),
        execute_action(text(f"cards.no.{op}", locale), Verb.REJECT, action_data(Verb.REJECT, ref=ref)),
    ]


def result_card(operation: str, fields: Sequence[tuple[str, str]], *, locale: str,
                undo_ref: str | None = None, already: bool = False) -> Card:
    """What was written; an undo button while `undo_ref` is given; `already` says nothing changed."""
    op = _operation(operation)
    title = text("cards.result.already", locale) if already else text(f"cards.result.{op}", locale)
    body: list[dict[str, Any]] = [
        text_block(title, size="Medium", weight="Bolder", color="Default" if already else "Good"),
        _facts(fields, locale),
    ]
    if undo_ref and not already:
        body.append(action_set([execute_action(text("cards.action.undo", locale), Verb.UNDO,
                                               action_data(Verb.UNDO, ref=undo_ref))]))
    return adaptive_card(body, version=TEAMS_VERSION)


def choice_card(kind: str, options: Sequence[str], *, ref: str, locale: str) -> Card:
    """A numbered list of matches ("the second one" works too) with one button each."""
    if kind not in CHOICE_KINDS:
        raise ValueError(f"unknown choice kind {kind!r}")
    shown = list(options)[:MAX_CHOICES]
    body: list[dict[str, Any]] = [text_block(text(f"cards.choose.{kind}", locale), size="Medium", weight="Bolder")]
    for index, option in enumerate(shown):
        button = execute_action(text("cards.action.choose", locale), Verb.CHOOSE,
                                action_data(Verb.CHOOSE, ref=ref, index=index))
        body.append(columns([
            column([text_block(f"{index + 1}.", weight="Bolder")], width="auto", verticalContentAlignment="Center"),
            column([plain_text(option)], verticalContentAlignment="Center"),
            column([action_set([button])], width="auto"),
        ], separator=index > 0, spacing="Small"))
    body.append(text_block(text("cards.choose.hint", locale, count=len(shown)), isSubtle=True, size="Small"))
    body.append(action_set([execute_action(text("cards.action.cancel", locale), Verb.REJECT,
                                           action_data(Verb.REJECT, ref=ref))]))
    return adaptive_card(body, version=TEAMS_VERSION)
