"""Close calls: "Do you mean your calendar or your tasks?" with one button per reading, then the chosen one.

The main dialog begins `ClarifyDialog` with the two readings already recognised (`clarification`), and gets
back the chosen one's request options, `None` when the person chose neither, or `{"retry": True}` when the
answer was a new request (the main dialog then reads it afresh). Only the two requests' options are kept in
dialog state, as the main dialog keeps one while signing in.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from botbuilder.dialogs import (
    ComponentDialog,
    Dialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.conversation.replies import with_buttons
from dialogs.request import Request
from dialogs.services import TurnFacts
from language import Recognition, t
from language.recognizer import extract_entities
from language.text import fold

__all__ = ["ClarifyDialog", "clarification", "label"]

logger = logging.getLogger(__name__)

_FIRST = re.compile(r"^(?:1|1st|first|the first(?: one)?|premier|le premier|la premiere|premiere)[ .!]*$")
_SECOND = re.compile(r"^(?:2|2nd|second|the second(?: one)?|deuxieme|le deuxieme|la deuxieme|second|seconde)[ .!]*$")
_NEITHER = re.compile(r"^(?:neither|none|no|nope|non|aucun|aucune|ni l'un ni l'autre|rien|cancel|annule|annuler|"
                      r"laisse tomber|never ?mind|forget it)\b")


def label(intent: str, locale: str) -> str:
    """The button title of one reading ("Your calendar", "Vos tâches")."""
    return t(f"conversation.intent.{intent}", locale)


def clarification(recognition: Recognition, text: str, *, now: datetime, tz: str) -> dict[str, Any]:
    """The dialog's options: each reading of `text` as its own request (entities read for that intent)."""
    requests = []
    for intent in recognition.alternatives[:2]:
        entities = extract_entities(text, recognition.locale, intent, now, tz)
        reading = replace(recognition, intent=intent, entities=entities, alternatives=())
        requests.append(Request.from_recognition(reading, tz=tz).to_options())
    return {"requests": requests, "locale": recognition.locale}


class ClarifyDialog(ComponentDialog):
    """Asks which of two readings was meant, with buttons, and returns the chosen request."""

    def __init__(self) -> None:
        super().__init__(ClarifyDialog.__name__)
        self.add_dialog(WaterfallDialog(f"{ClarifyDialog.__name__}.waterfall", [self.ask_step, self.answer_step]))
        self.initial_dialog_id = f"{ClarifyDialog.__name__}.waterfall"

    async def ask_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        options: dict[str, Any] = step.options
        locale = str(options.get("locale", "en"))
        first, second = (label(r["intent"], locale) for r in options["requests"])
        step.values["options"] = options
        question = t("conversation.clarify", locale, first=first, second=second)
        buttons = [first[:1].upper() + first[1:], second[:1].upper() + second[1:], t("conversation.clarify.neither", locale)]
        await step.context.send_activity(with_buttons(question, buttons))
        return Dialog.end_of_turn

    async def answer_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        options: dict[str, Any] = step.values["options"]
        locale = str(options.get("locale", "en"))
        requests: list[dict[str, Any]] = options["requests"]
        answer = fold(TurnFacts.of(step.context).text)
        for index, request in enumerate(requests):
            pattern = _FIRST if index == 0 else _SECOND
            if answer == fold(label(request["intent"], locale)) or pattern.search(answer):
                logger.info("clarified: reading %d chosen", index + 1)
                return await step.end_dialog(request)
        if not answer or _NEITHER.search(answer):
            await step.context.send_activity(t("conversation.clarify.dropped", locale))
            return await step.end_dialog(None)
        return await step.end_dialog({"retry": True})
