"""Adaptive Card builders: typed models in, card JSON out (no botbuilder here)."""

from __future__ import annotations

from cards.actions import Action, Verb, action_data, parse_action
from cards.base import (
    CONTENT_TYPE,
    OUTLOOK_VERSION,
    TEAMS_VERSION,
    Card,
    adaptive_card,
    attachment,
    escape_markdown,
    execute_action,
    open_url_action,
    plain_text,
    refresh_block,
)
from cards.calendar import agenda_card, free_slots_card, meeting_card
from cards.conversation import choice_card, confirmation_card, result_card
from cards.digest import digest_card, my_day_card
from cards.directory import files_card, list_items_card, people_card
from cards.errors import CardError, InvalidActionError, MissingTextError, UnknownVerbError
from cards.mail import flagged_mail_card
from cards.mailbox import repeat_text, settings_card
from cards.tasks import planner_card, todo_card

__all__ = [
    "CONTENT_TYPE", "OUTLOOK_VERSION", "TEAMS_VERSION", "Action", "Card", "CardError", "InvalidActionError",
    "MissingTextError", "UnknownVerbError", "Verb", "action_data", "adaptive_card", "agenda_card", "attachment",
    "choice_card", "confirmation_card", "digest_card", "escape_markdown", "execute_action", "files_card", "flagged_mail_card",
    "free_slots_card", "list_items_card", "meeting_card", "my_day_card", "open_url_action", "parse_action",
    "people_card", "planner_card", "plain_text", "refresh_block", "repeat_text", "result_card", "settings_card", "todo_card",
]
