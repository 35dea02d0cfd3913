"""What MIPA answers outside its features: a polite refusal with suggestions, thanks and goodbye."""

from __future__ import annotations

from collections.abc import Sequence

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import Activity, CardAction

from cards.suggestions import im_back_actions
from language import t

__all__ = ["SMALL_TALK", "SUGGESTIONS", "decline", "small_talk", "with_buttons"]

#: Small-talk intents and the message that answers each.
SMALL_TALK = {"general.thanks": "conversation.thanks", "general.goodbye": "conversation.goodbye"}
#: What a declined request is offered instead (each one, typed, is understood: tests/dialogs/test_conversation.py).
SUGGESTIONS = ("conversation.suggest.agenda", "conversation.suggest.tasks", "conversation.suggest.day",
               "conversation.suggest.help")


def with_buttons(text: str, titles: Sequence[str]) -> Activity:
    """A text message with suggested-action buttons that send their title back."""
    actions = [CardAction(type=a["type"], title=a["title"], value=a["value"]) for a in im_back_actions(titles)]
    return MessageFactory.suggested_actions(actions, text=text)


async def decline(context: TurnContext, locale: str) -> None:
    """Say what MIPA cannot do and offer what it can, as buttons. Nothing is guessed, nothing is written."""
    await context.send_activity(with_buttons(t("conversation.declined", locale), [t(k, locale) for k in SUGGESTIONS]))


async def small_talk(context: TurnContext, intent: str, locale: str) -> None:
    """A short friendly answer to thanks or goodbye."""
    await context.send_activity(MessageFactory.text(t(SMALL_TALK[intent], locale)))
