"""The one way to ask for a missing piece (a title, a time, a name, a list, a column): a question that listens.

    return await step.begin_dialog(ASK_ID, ask_options("calendar.create.ask_title", locale=..., kind="title",
                                                       others=("day", "time", "people")))
    value, filled = answer_of(step.result)          # in the next step

The answer is read by kind ("title", "when", "text", "email", a SharePoint column type: `parse_answer`); a wrong
answer gets a sentence saying what is expected and the question again, three times at most (then None). An answer
that fills another slot the dialog named in `others` ("with Megan and Liam" while the title is asked) is kept,
acknowledged, and the question asked again; the dialog then ends with {"answer": value, "filled": correction}.
An answer that is really a new request ("what's on the 10th?") never gets here: MainDialog takes it
(`listens_for_requests`). Only the question's catalog key and the answer's values are kept in dialog state.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import ActivityTypes

from dialogs.answers import AnswerError, is_skip, parse_answer
from dialogs.services import TurnFacts
from language import recognize, t
from language.corrections import Correction, read_correction

__all__ = ["ASK_ID", "MAX_TITLE", "AskDialog", "answer_of", "ask_options"]

logger = logging.getLogger(__name__)

ASK_ID = "Ask"
MAX_ATTEMPTS = 3
MAX_TITLE = 255
#: The slots an answer can fill beside the one asked, as `language.corrections` reads them.
_WHEN = ("day", "time")


def ask_options(key: str, *, locale: str, tz: str = "UTC", kind: str = "text", choices: tuple[str, ...] = (),
                optional: bool = False, others: tuple[str, ...] = (), retry: str | None = None,
                **params: str) -> dict[str, Any]:
    """JSON-safe options for `AskDialog`: the catalog key of the question and how to read the answer.

    others: the slots ("day", "time", "duration", "people", "title") an answer may fill instead of this one.
    retry: the catalog key said (before the question) when an answer does not fit."""
    return {"key": key, "params": dict(params), "locale": locale, "tz": tz, "kind": kind, "choices": list(choices),
            "optional": optional, "others": list(others), "retry": retry}


def answer_of(result: object) -> tuple[Any, Correction | None]:
    """The answer an `AskDialog` ended with, and what the person said for other slots meanwhile (or None)."""
    if isinstance(result, dict) and "answer" in result and isinstance(result.get("filled"), dict):
        return result["answer"], Correction.from_json(result["filled"])
    return result, None


async def _read(kind: str, text: str, *, locale: str, tz: str, facts: TurnFacts, choices: tuple[str, ...]) -> Any:
    """The typed value of an answer; AnswerError when it does not fit the kind. Dates and ordinals are read in a
    worker thread (the date reader may take tens of milliseconds)."""
    cleaned = text.strip()
    if kind == "title":
        if not cleaned:
            raise AnswerError("directory.answer.empty")
        if len(cleaned) > MAX_TITLE:
            raise AnswerError("directory.answer.too_long")
        return cleaned
    if kind == "when":
        if (await asyncio.to_thread(recognize, cleaned, locale, facts.now, tz)).entities.start is None:
            raise AnswerError("calendar.ask.when_retry")
        return cleaned
    return await asyncio.to_thread(parse_answer, kind, text, locale=locale, tz=tz, now=facts.now, choices=choices)


class AskDialog(Dialog):
    """Asks one question and ends with the typed answer, "" when an optional one is skipped, None on give-up."""

    def __init__(self, dialog_id: str = ASK_ID) -> None:
        super().__init__(dialog_id)

    @staticmethod
    def _question(options: dict[str, Any]) -> str:
        locale = str(options.get("locale", "en"))
        text = t(str(options["key"]), locale, **options.get("params", {}))
        choices = options.get("choices") or []
        if choices:
            listed = ", ".join(f"{n}. {c}" for n, c in enumerate(choices, start=1))
            text += "\n\n" + t("directory.answer.choices", locale, choices=listed)
        if options.get("optional"):
            text += " " + t("directory.answer.optional", locale)
        return text

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        opts: dict[str, Any] = dict(options or {})  # type: ignore[call-overload]
        state = dialog_context.active_dialog.state
        state["options"] = opts
        state["attempts"] = 0
        await dialog_context.context.send_activity(MessageFactory.text(self._question(opts)))
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        context = dialog_context.context
        if context.activity.type != ActivityTypes.message:
            return Dialog.end_of_turn
        facts = TurnFacts.of(context)
        text = facts.text
        if not text:
            return Dialog.end_of_turn
        state = dialog_context.active_dialog.state
        opts: dict[str, Any] = state["options"]
        locale = str(opts.get("locale", "en"))
        tz = str(opts.get("tz", "UTC"))
        if opts.get("optional") and is_skip(text):
            return await self._end(dialog_context, "")
        other = await self._other_slot(opts, text, facts)
        if other is not None:
            filled = Correction.from_json(state["filled"]).merge(other) if state.get("filled") else other
            state["filled"] = filled.to_json()
            logger.info("an answer filled %s instead of the slot asked", ",".join(other.slots))
            noted = t("asking.noted", locale)
            await context.send_activity(MessageFactory.text(noted + " " + self._question(opts)))
            return Dialog.end_of_turn
        try:
            value = await _read(str(opts.get("kind", "text")), text, locale=locale, tz=tz, facts=facts,
                          choices=tuple(opts.get("choices") or ()))
        except AnswerError as exc:
            state["attempts"] = int(state.get("attempts", 0)) + 1
            logger.info("answer rejected: %s (attempt %d)", exc.key, state["attempts"])
            if state["attempts"] >= MAX_ATTEMPTS:
                await context.send_activity(MessageFactory.text(t("bot.cancelled", locale)))
                return await dialog_context.end_dialog(None)
            await context.send_activity(MessageFactory.text(t(exc.key, locale) + "\n\n" + self._question(opts)))
            return Dialog.end_of_turn
        return await self._end(dialog_context, value)

    @staticmethod
    async def _other_slot(opts: dict[str, Any], text: str, facts: TurnFacts) -> Correction | None:
        """What the answer says for another slot the dialog takes ("with Megan and Liam"), or None."""
        others = set(opts.get("others") or ())
        if not others:
            return None
        said = await asyncio.to_thread(read_correction, text, str(opts.get("locale", "en")), facts.now,
                                       str(opts.get("tz", "UTC")))
        if said is None or not set(said.slots) <= others:
            return None
        if str(opts.get("kind")) == "when" and set(said.slots) & set(_WHEN):
            return None  # the time asked for: the answer itself
        return said

    @staticmethod
    async def _end(dialog_context: DialogContext, value: Any) -> DialogTurnResult:
        filled = dialog_context.active_dialog.state.get("filled")
        return await dialog_context.end_dialog({"answer": value, "filled": filled} if filled else value)
