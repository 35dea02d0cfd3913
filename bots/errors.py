"""The adapter's turn-error handler: log without personal data, one sentence to the user, clear the dialog."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from botbuilder.core import ConversationState, InvokeResponse, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from dialogs import TurnFacts
from language import t

__all__ = ["AuthenticationUnavailable", "make_turn_error_handler"]

logger = logging.getLogger(__name__)

_STORAGE_ERRORS = ("StorageUnavailable", "ConnectionError", "TimeoutError")


class AuthenticationUnavailable(RuntimeError):
    """The channel's signing keys could not be fetched: the caller may be fine, so 503, not 401."""


def _frames(error: BaseException) -> str:
    """The traceback's frames without the exception message, which may quote user data."""
    return "".join(traceback.format_tb(error.__traceback__))


def make_turn_error_handler(
    conversation_state: ConversationState,
) -> Callable[[TurnContext, Exception], Awaitable[None]]:
    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        activity = context.activity
        logger.error(
            "turn failed: %s in %s activity %s on channel %s\n%s",
            type(error).__name__, activity.type, activity.id, activity.channel_id, _frames(error),
        )
        try:
            await conversation_state.load(context)  # delete() needs the state cached in the turn
            await conversation_state.delete(context)
        except Exception as exc:  # the store may be the thing that failed
            logger.warning("could not clear conversation state: %s", type(exc).__name__)
        if activity.type == ActivityTypes.invoke:
            # Teams shows nothing for chat text during an invoke; answer it with a status instead.
            await context.send_activity(
                Activity(
                    type=ActivityTypes.invoke_response,
                    value=InvokeResponse(status=HTTPStatus.INTERNAL_SERVER_ERROR),
                )
            )
            return
        key = "bot.storage_unavailable" if type(error).__name__ in _STORAGE_ERRORS else "bot.error"
        try:
            await context.send_activity(MessageFactory.text(t(key, TurnFacts.of(context).locale)))
        except Exception as exc:
            logger.warning("could not tell the user about the error: %s", type(exc).__name__)

    return on_turn_error
