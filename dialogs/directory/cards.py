"""Cards the shared builders lack: a mail listing, and a list item's confirmation and result (any columns)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from cards.actions import Verb, action_data
from cards.base import (
    TEAMS_VERSION,
    Card,
    action_set,
    adaptive_card,
    execute_action,
    fact_set,
    open_url_action,
    plain_text,
    text_block,
)
from cards.conversation import confirm_buttons
from cards.mail import OUTLOOK_WEB, mail_rows
from graph.models import Message
from language import t

__all__ = ["list_confirm_card", "list_result_card", "mail_list_card"]


def mail_list_card(
    messages: Sequence[Message], *, title: str, locale: str, tz: str, today: date, empty: str
) -> Card:
    """Messages (sender, subject linking to Outlook, unread marked), read-only: no buttons."""
    body: list[dict[str, Any]] = [plain_text(title, size="Medium", weight="Bolder")]
    if not messages:
        body.append(text_block(empty, isSubtle=True))
    rows = mail_rows(messages, locale=locale, tz=tz, today=today, buttons=False)
    for message, row in zip(messages, rows, strict=True):
        if not message.is_read:
            row["columns"].insert(0, {"type": "Column", "width": "auto", "items": [
                text_block(t("directory.mail.unread_mark", locale), color="Accent", weight="Bolder")]})
        body.append(row)
    return adaptive_card(
        body, [open_url_action(t("cards.action.open_outlook", locale), OUTLOOK_WEB)], version=TEAMS_VERSION
    )


def list_confirm_card(list_name: str, fields: Sequence[tuple[str, str]], *, ref: str, locale: str) -> Card:
    """Exactly the item that will be added: the list, then each column and its value."""
    body = [
        text_block(t("cards.confirm.lists_add", locale), size="Medium", weight="Bolder"),
        fact_set([(t("cards.field.list", locale), list_name), *fields]),
        text_block(t("cards.confirm.hint", locale), isSubtle=True, size="Small"),
        action_set([
            *confirm_buttons("lists.add", ref=ref, locale=locale),
        ]),
    ]
    return adaptive_card(body, version=TEAMS_VERSION)


def list_result_card(
    list_name: str, fields: Sequence[tuple[str, str]], *, locale: str, web_url: str | None, undo_ref: str | None
) -> Card:
    """The added item, a link to it and an undo button."""
    body: list[dict[str, Any]] = [
        text_block(t("cards.result.lists_add", locale), size="Medium", weight="Bolder", color="Good"),
        plain_text(list_name, isSubtle=True, spacing="None"),
        fact_set(list(fields)),
    ]
    actions = []
    if web_url and web_url.startswith("https://"):
        actions.append(open_url_action(t("cards.action.open", locale), web_url))
    if undo_ref:
        actions.append(execute_action(t("cards.action.undo", locale), Verb.UNDO, action_data(Verb.UNDO, ref=undo_ref)))
    if actions:
        body.append(action_set(actions))
    return adaptive_card(body, version=TEAMS_VERSION)
