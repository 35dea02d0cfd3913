"""Prompts shared by the features: confirm a write, pick one item of a shown list.

Both accept typed answers ("yes", "oui", "the second one", "le deuxième", "2") as well as the card's
buttons, whether they arrive as an `Action.Submit` message or an `Action.Execute` invoke. Only a
reference id and an attempt counter are kept in dialog state; the card itself is never stored.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import Activity, ActivityTypes

from cards.actions import Action, Verb, parse_action
from cards.errors import CardError
from dialogs.invoke import card_response, message_response
from dialogs.refs import new_ref
from dialogs.services import TurnFacts, card_activity
from language import recognize, t

__all__ = ["ConfirmDialog", "PickDialog", "new_ref"]

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
_NUMBER = re.compile(r"^\s*(?:n°|no\.?|#)?\s*(\d{1,3})\s*[.)]?\s*$", re.IGNORECASE)


def _card_activity(card: dict[str, Any] | None, text: str | None) -> Activity:
    if card is None:
        return MessageFactory.text(text or "")
    return card_activity(card, summary=text)


def _button(context: TurnContext) -> Action | None:
    """The card action carried by this activity (Action.Submit message or Action.Execute invoke)."""
    activity = context.activity
    value = activity.value
    if not isinstance(value, dict):
        return None
    if activity.type == ActivityTypes.invoke and activity.name != "adaptiveCard/action":
        return None
    try:
        return parse_action(value)
    except CardError:
        logger.info("ignored a malformed card action")
        return None


async def answer_invoke(context: TurnContext, message: str) -> None:
    """Answer an Action.Execute invoke with a short message (Universal Actions message response)."""
    if context.activity.type != ActivityTypes.invoke:
        return
    await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=message_response(message)))


class _WaitingDialog(Dialog):
    """Common part: send a card or text, then wait for an answer tied to `ref`."""

    reask_key = ""

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        opts: dict[str, Any] = dict(options or {})  # type: ignore[call-overload]
        ref = opts.get("ref") or new_ref()
        state = dialog_context.active_dialog.state
        state["ref"] = ref
        state["attempts"] = 0
        state["size"] = int(opts.get("size", 0))
        context = dialog_context.context
        if opts.get("in_place") and opts.get("card") is not None and context.activity.type == ActivityTypes.invoke:
            # Asked after a card button (Action.Execute): the question replaces the clicked card.
            await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=card_response(opts["card"])))
        else:
            await context.send_activity(_card_activity(opts.get("card"), opts.get("text")))
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        context = dialog_context.context
        if context.activity.type not in (ActivityTypes.message, ActivityTypes.invoke):
            return Dialog.end_of_turn
        state = dialog_context.active_dialog.state
        decided, value = self.recognize(context, state)
        if decided:
            return await dialog_context.end_dialog(value)
        state["attempts"] = state.get("attempts", 0) + 1
        locale = TurnFacts.of(context).locale
        if state["attempts"] >= MAX_ATTEMPTS:
            await context.send_activity(MessageFactory.text(t("bot.cancelled", locale)))
            return await dialog_context.end_dialog(None)
        if context.activity.type == ActivityTypes.invoke:
            await answer_invoke(context, t("bot.prompt.stale", locale))
        else:
            await context.send_activity(MessageFactory.text(t(self.reask_key, locale)))
        return Dialog.end_of_turn

    def recognize(self, context: TurnContext, state: dict[str, Any]) -> tuple[bool, Any]:
        raise NotImplementedError


class ConfirmDialog(_WaitingDialog):
    """Ends with True (yes), False (no) or None (gave up). Options: card or text, ref."""

    reask_key = "bot.confirm.reask"

    def recognize(self, context: TurnContext, state: dict[str, Any]) -> tuple[bool, Any]:
        locale = TurnFacts.of(context).locale
        button = _button(context)
        if button is not None:
            if button.verb in (Verb.CONFIRM, Verb.REJECT) and button.ref == state.get("ref"):
                yes = button.verb is Verb.CONFIRM
                # answer_invoke is a no-op for Action.Submit messages
                return True, yes
            return False, None
        text = TurnFacts.of(context).text
        if not text:
            return False, None
        intent = recognize(text, locale, TurnFacts.of(context).now, "UTC").intent
        if intent == "general.confirm":
            return True, True
        if intent in ("general.reject", "general.cancel"):
            return True, False
        return False, None


class PickDialog(_WaitingDialog):
    """Ends with the chosen 0-based index, or None. Options: card or text, ref, size (number of items)."""

    reask_key = "bot.pick.reask"

    def recognize(self, context: TurnContext, state: dict[str, Any]) -> tuple[bool, Any]:
        size = int(state.get("size", 0))
        button = _button(context)
        if button is not None:
            if button.verb is Verb.CHOOSE and button.ref == state.get("ref") and button.index is not None:
                if 0 <= button.index < size:
                    return True, button.index
            if button.verb is Verb.REJECT and button.ref == state.get("ref"):
                return True, None
            return False, None
        facts = TurnFacts.of(context)
        if not facts.text:
            return False, None
        number = _NUMBER.match(facts.text)
        if number:
            index = int(number.group(1)) - 1
            return (True, index) if 0 <= index < size else (False, None)
        recognition = recognize(facts.text, facts.locale, facts.now, "UTC")
        if recognition.intent in ("general.cancel", "general.reject"):
            return True, None
        ordinal = recognition.entities.ordinal
        if ordinal is not None:
            index = size - 1 if ordinal == -1 else ordinal - 1
            if 0 <= index < size:
                return True, index
        return False, None
