"""B1: an invoke body that is not an msrest Model is serialised twice by botbuilder (HTTP 500 'is_xml_model').

`ActivityHandler._create_invoke_response` turns the body into a dict, and `CloudAdapter.process` serialises
that dict again. MIPA therefore never answers `adaptiveCard/action` through `on_adaptive_card_invoke`: it
returns `InvokeResponse(body=<Model>)` itself. The Model bodies are built by `dialogs/invoke.py`
(`UniversalActionResponse`; dialogs import nothing from bots/), and this module keeps the one a waiting dialog
sent during the turn a Model the adapter can serialise.
"""

from __future__ import annotations

from botbuilder.core import TurnContext
from botbuilder.schema import AdaptiveCardInvokeResponse

from dialogs.invoke import UniversalActionResponse

__all__ = ["INVOKE_RESPONSE_KEY", "keep_model_body"]

#: Where the adapter keeps an invoke response already sent during the turn (botbuilder's own key).
INVOKE_RESPONSE_KEY = "BotFrameworkAdapter.InvokeResponse"


def keep_model_body(turn_context: TurnContext) -> None:
    """Make the invoke response a dialog already sent this turn serialisable: its body a `UniversalActionResponse`
    (whose `value` may also be a string, which the SDK's `AdaptiveCardInvokeResponse` refuses)."""
    sent = turn_context.turn_state.get(INVOKE_RESPONSE_KEY)
    body = getattr(getattr(sent, "value", None), "body", None)
    if isinstance(body, AdaptiveCardInvokeResponse) and not isinstance(body, UniversalActionResponse):
        sent.value.body = UniversalActionResponse(status_code=body.status_code, type=body.type, value=body.value)
