"""Universal Actions invoke responses (card, message, error) that botbuilder 4.17.1 can serialise."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse
from botbuilder.schema import AdaptiveCardInvokeResponse

__all__ = [
    "CARD", "ERROR", "LOGIN", "MESSAGE", "UniversalActionResponse", "card_response", "error_response",
    "message_response",
    "answer",
]

CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
ERROR = "application/vnd.microsoft.error"
LOGIN = "application/vnd.microsoft.activity.loginRequest"


class UniversalActionResponse(AdaptiveCardInvokeResponse):
    """`AdaptiveCardInvokeResponse` whose `value` may be a string: the SDK types it as a dict (`{object}`),
    so a message answer (`application/vnd.microsoft.activity.message`) fails to serialise and the
    request ends in an error. Still an msrest Model, as B1 requires."""

    _attribute_map = {**AdaptiveCardInvokeResponse._attribute_map, "value": {"key": "value", "type": "object"}}


def answer(status_code: int, kind: str, value: Any) -> InvokeResponse:
    return InvokeResponse(
        status=HTTPStatus.OK,
        body=UniversalActionResponse(status_code=status_code, type=kind, value=value),
    )


def card_response(card: dict[str, Any]) -> InvokeResponse:
    return answer(200, CARD, card)


def message_response(text: str) -> InvokeResponse:
    return answer(200, MESSAGE, text)


def error_response(code: str, message: str, status_code: int = 400) -> InvokeResponse:
    return answer(status_code, ERROR, {"code": code, "message": message})
