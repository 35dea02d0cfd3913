"""Flagged mail card: sender, subject, flag due; complete flag, clear flag, turn into a task."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, tzinfo
from typing import Any

from cards._access import as_datetime, get, name_of
from cards.actions import Verb, action_data, with_extra
from cards.base import (
    TEAMS_VERSION,
    Card,
    action_set,
    adaptive_card,
    column,
    columns,
    execute_action,
    open_url_action,
    plain_text,
    text_block,
)
from cards.text import text
from language.formatting import format_day

__all__ = ["flagged_mail_card", "mail_rows"]

OUTLOOK_WEB = "https://outlook.office.com/mail/"


def _flag_due(message: Any) -> Any:
    flag = get(message, "flag")
    return as_datetime(get(message, "flag_due", "due", "flag_due_date_time",
                           default=get(flag, "due_date_time", "dueDateTime") if flag is not None else None))


def mail_rows(messages: Sequence[Any], *, locale: str, tz: tzinfo | str, today: date,
              buttons: bool = True, extra: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One ColumnSet per message; `extra` keys are added to every button's data (after its ids)."""
    rows: list[dict[str, Any]] = []
    for message in messages:
        sender = name_of(get(message, "sender", "from_", "sender_name")) or text("cards.mail.unknown_sender", locale)
        subject = get(message, "subject", default="") or text("cards.mail.no_subject", locale)
        subject_block = plain_text(subject, spacing="None")
        link = get(message, "web_link")
        if link:
            subject_block["inlines"][0]["selectAction"] = open_url_action(
                text("cards.action.open_outlook", locale), str(link))
        info: list[dict[str, Any]] = [plain_text(sender, weight="Bolder"), subject_block]
        due = _flag_due(message)
        if due is not None:
            overdue = due.date() < today
            info.append(text_block(text("cards.mail.overdue" if overdue else "cards.mail.due", locale,
                                        day=format_day(due, locale, tz)),
                                   size="Small", spacing="None", color="Attention" if overdue else "Default"))
        message_id = get(message, "id")
        if buttons and message_id:
            # The three verbs take the same data (the message id): checked once, copied by each action.
            data = with_extra(action_data(Verb.MAIL_FLAG_COMPLETE, item_id=message_id), extra)
            acts = [
                execute_action(text("cards.action.flag_complete", locale), Verb.MAIL_FLAG_COMPLETE, data),
                execute_action(text("cards.action.to_task", locale), Verb.MAIL_TO_TASK, data),
                execute_action(text("cards.action.flag_clear", locale), Verb.MAIL_FLAG_CLEAR, data),
            ]
            info.append(action_set(acts))
        rows.append(columns([column(info)], separator=bool(rows), spacing="Small"))
    return rows


def flagged_mail_card(messages: Sequence[Any], *, locale: str, tz: tzinfo | str, today: date) -> Card:
    """The flagged messages, each with its follow-up buttons."""
    body: list[dict[str, Any]] = [text_block(text("cards.mail.title", locale), size="Medium", weight="Bolder")]
    if not messages:
        body.append(text_block(text("cards.mail.empty", locale), isSubtle=True))
    body.extend(mail_rows(messages, locale=locale, tz=tz, today=today))
    return adaptive_card(body, [open_url_action(text("cards.action.open_outlook", locale), OUTLOOK_WEB)],
                         version=TEAMS_VERSION)
