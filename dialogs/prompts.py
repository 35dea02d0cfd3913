"""Prompts shared by the features: confirm a write, pick one item of a shown list.

Both accept typed answers ("yes", "oui", "the second one", "le deuxième", "2") as well as the card's
buttons, whether they arrive as an `Action.Submit` message or an `Action.Execute` invoke. Only a
reference id and an attempt counter are kept in dialog state; the card itself is never stored.
"""

from __future__ import annotations

import asyncio
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
from language.corrections import Correction, read_correction

__all__ = ["ConfirmDialog", "PickDialog", "new_ref"]

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
_CORRECTION_KEY = "mipa.correction"
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
        decided, value = await self.recognize(context, state)
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
            await context.send_activity(MessageFactory.text(t(self.reask(state), locale)))
        return Dialog.end_of_turn

    async def recognize(self, context: TurnContext, state: dict[str, Any]) -> tuple[bool, Any]:
        """(decided, value) for this turn's answer; what may read dates runs off the loop."""
        raise NotImplementedError

    def reask(self, state: dict[str, Any]) -> str:
        """The catalog key of the sentence that asks again after an answer that was not understood."""
        return self.reask_key


class ConfirmDialog(_WaitingDialog):
    """Ends with True (yes), False (no), None (gave up) or {"correction": ...} ("no, Thursday").

    Options: card or text, ref; `operation` and `corrects` (what a correction may change, dialogs/writes.py), `tz`.
    """

    reask_key = "bot.confirm.reask"

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        opts: dict[str, Any] = dict(options or {})  # type: ignore[call-overload]
        result = await super().begin_dialog(dialog_context, opts)
        state = dialog_context.active_dialog.state
        state["operation"] = str(opts.get("operation") or "")
        state["corrects"] = [str(slot) for slot in opts.get("corrects") or ()]
        state["tz"] = str(opts.get("tz") or "UTC")
        return result

    def reask(self, state: dict[str, Any]) -> str:
        return "writes.correction.unsupported" if state.pop("cannot_change", False) else self.reask_key

    async def recognize(self, context: TurnContext, state: dict[str, Any]) -> tuple[bool, Any]:
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
        correction = await correction_for(context, state)
        if correction is not None:
            if correction:
                return True, {"correction": correction}
            state["cannot_change"] = True  # "make it 4pm" for a contact: say what can be answered
            return False, None
        intent = TurnFacts.of(context).intent()
        if intent == "general.confirm":
            return True, True
        if intent in ("general.reject", "general.cancel"):
            return True, False
        return False, None


async def correction_for(context: TurnContext, state: dict[str, Any]) -> dict[str, Any] | None:
    """The correction this message makes to the write a confirmation shows: its JSON when the write accepts
    every slot it changes, {} when it changes something the write cannot, None when it is no correction."""
    facts = TurnFacts.of(context)
    if not facts.text or "corrects" not in state:
        return None
    tz = str(state.get("tz") or "UTC")
    read: dict[str, Correction | None] = context.turn_state.setdefault(_CORRECTION_KEY, {})
    if tz not in read:  # read once a turn: MainDialog asks first, then the confirmation itself
        read[tz] = await asyncio.to_thread(read_correction, facts.text, facts.locale, facts.now, tz)  # reads dates
    correction = read[tz]
    if correction is None:
        return None
    allowed = set(state.get("corrects") or ())
    if not set(correction.slots) <= allowed:
        logger.info("correction of %s not accepted by %s", ",".join(correction.slots), state.get("operation"))
        return {}
    logger.info("correction of %s to %s", ",".join(correction.slots), state.get("operation"))
    return correction.to_json()


class PickDialog(_WaitingDialog):
    """Ends with the chosen 0-based index, or None. Options: card or text, ref, size (number of items)."""

    reask_key = "bot.pick.reask"

    async def recognize(self, context: TurnContext, state: dict[str, Any]) -> tuple[bool, Any]:
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
        recognition = await asyncio.to_thread(recognize, facts.text, facts.locale, facts.now, "UTC")
        if recognition.intent in ("general.cancel", "general.reject"):
            return True, None
        ordinal = recognition.entities.ordinal
        if ordinal is not None:
            index = size - 1 if ordinal == -1 else ordinal - 1
            if 0 <= index < size:
                return True, index
        return False, None
