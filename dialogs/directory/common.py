"""Shared by the directory dialogs: the original sentence, one-question prompts with typed answers."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import ActivityTypes

from dialogs.directory.parsing import AnswerError, is_skip, parse_answer
from dialogs.request import Request
from dialogs.services import TurnFacts
from language import t

__all__ = ["ASK_ID", "AskDialog", "ask_options", "utterance"]

logger = logging.getLogger(__name__)

ASK_ID = "DirectoryAsk"
MAX_ATTEMPTS = 3


def utterance(context: TurnContext, request: Request) -> str:
    """The sentence that started this request, when this turn is that sentence (not a sign-in code)."""
    facts = TurnFacts.of(context)
    if not facts.text:
        return ""
    if facts.recognize(request.tz).intent != request.intent:
        return ""
    return facts.text


def ask_options(
    key: str,
    *,
    locale: str,
    tz: str = "UTC",
    kind: str = "text",
    choices: tuple[str, ...] = (),
    optional: bool = False,
    **params: str,
) -> dict[str, Any]:
    """JSON-safe options for `AskDialog`: the catalog key of the question and how to read the answer."""
    return {
        "key": key,
        "params": dict(params),
        "locale": locale,
        "tz": tz,
        "kind": kind,
        "choices": list(choices),
        "optional": optional,
    }


class AskDialog(Dialog):
    """Asks one question and ends with the typed answer (`parse_answer`), "" when skipped, None on give-up.

    A wrong answer gets a sentence saying what is expected and the question again, three times at most.
    """

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
        text = TurnFacts.of(context).text
        if not text:
            return Dialog.end_of_turn
        state = dialog_context.active_dialog.state
        opts: dict[str, Any] = state["options"]
        locale = str(opts.get("locale", "en"))
        if opts.get("optional") and is_skip(text):
            return await dialog_context.end_dialog("")
        try:
            value = parse_answer(
                str(opts.get("kind", "text")),
                text,
                locale=locale,
                tz=str(opts.get("tz", "UTC")),
                now=TurnFacts.of(dialog_context.context).now,
                choices=tuple(opts.get("choices") or ()),
            )
        except AnswerError as exc:
            state["attempts"] = int(state.get("attempts", 0)) + 1
            logger.info("answer rejected: %s (attempt %d)", exc.key, state["attempts"])
            if state["attempts"] >= MAX_ATTEMPTS:
                await context.send_activity(MessageFactory.text(t("bot.cancelled", locale)))
                return await dialog_context.end_dialog(None)
            await context.send_activity(
                MessageFactory.text(t(exc.key, locale) + "\n\n" + self._question(opts))
            )
            return Dialog.end_of_turn
        return await dialog_context.end_dialog(value)
