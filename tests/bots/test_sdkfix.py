"""MIPA's side of the botbuilder workarounds in bots/sdkfix/ (the defects themselves: test_sdk_defects.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.schema import Activity, AdaptiveCardInvokeResponse
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from bots.sdkfix.b1_invoke_body import INVOKE_RESPONSE_KEY, keep_model_body
from bots.sdkfix.b2_execute_only import execute_action
from bots.sdkfix.b4_parameterised_settings import PARAMETERISED_SETTINGS, builtin_only
from bots.sdkfix.b8_blocking_metadata import forget_metadata
from config import BotConfig
from dialogs.invoke import MESSAGE, UniversalActionResponse


def test_b1_a_sent_invoke_body_becomes_a_serialisable_model() -> None:
    context = TurnContext(TestAdapter(), Activity(type="invoke", name="adaptiveCard/action"))
    body = AdaptiveCardInvokeResponse(status_code=200, type=MESSAGE, value="Done.")
    context.turn_state[INVOKE_RESPONSE_KEY] = Activity(type="invokeResponse", value=InvokeResponse(status=200, body=body))
    keep_model_body(context)
    kept = context.turn_state[INVOKE_RESPONSE_KEY].value.body
    assert isinstance(kept, UniversalActionResponse)
    assert serializer_helper(kept) == {"statusCode": 200, "type": MESSAGE, "value": "Done."}


def test_b1_nothing_sent_is_left_alone() -> None:
    context = TurnContext(TestAdapter(), Activity(type="invoke", name="adaptiveCard/action"))
    keep_model_body(context)
    assert INVOKE_RESPONSE_KEY not in context.turn_state


@pytest.mark.parametrize(("value", "expected"), [
    ({"action": {"type": "Action.Execute", "verb": "undo"}}, {"type": "Action.Execute", "verb": "undo"}),
    ({"action": {"type": "Action.Submit"}}, None),
    ({"action": "Action.Execute"}, None),
    ("Action.Execute", None),
    (None, None),
])
def test_b2_only_an_execute_action_is_answered(value: object, expected: object) -> None:
    assert execute_action(value) == expected


def test_b4_mipas_bot_config_stays_on_the_built_in_path() -> None:
    builtin_only(BotConfig(APP_ID="app", APP_PASSWORD="secret"))
    assert not any(hasattr(BotConfig(), name) for name in PARAMETERISED_SETTINGS)


def test_b4_a_parameterised_setting_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="OAUTH_URL"):
        builtin_only(SimpleNamespace(APP_ID="", OAUTH_URL="http://127.0.0.1:9"))


def test_b8_the_metadata_cache_can_be_forgotten() -> None:
    JwtTokenExtractor.metadataCache["http://127.0.0.1:9/metadata"] = object()
    forget_metadata()
    assert not JwtTokenExtractor.metadataCache
