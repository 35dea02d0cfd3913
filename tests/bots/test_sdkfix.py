"""MIPA's side of the botbuilder workarounds in bots/sdkfix/ (the defects themselves: test_sdk_defects.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from botbuilder.core import InvokeResponse, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.dialogs.prompts import PromptOptions
from botbuilder.schema import Activity, AdaptiveCardInvokeResponse
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jsonpickle.pickler import Pickler

from bots.sdkfix.b1_invoke_body import INVOKE_RESPONSE_KEY, keep_model_body
from bots.sdkfix.b2_execute_only import execute_action
from bots.sdkfix.b4_parameterised_settings import PARAMETERISED_SETTINGS, builtin_only
from bots.sdkfix.b8_blocking_metadata import forget_metadata
from bots.sdkfix.b12_state_hash import ConversationState, fingerprint
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


class _CountingStorage(MemoryStorage):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    async def write(self, changes: dict[str, object]) -> None:
        self.writes += 1
        await super().write(changes)


async def _turns(storage: _CountingStorage, *changes: Callable[[dict[str, Any]], None]) -> list[int]:
    """One turn per change (applied to the conversation's `data` property); the store's writes after each."""
    conversation = ConversationState(storage)
    data = conversation.create_property("data")
    writes: list[int] = []
    pending = list(changes)

    async def logic(context: TurnContext) -> None:
        value = await data.get(context, dict)
        pending.pop(0)(value)
        await conversation.save_changes(context)
        writes.append(storage.writes)

    adapter = TestAdapter(logic)
    for _ in changes:
        await adapter.send("turn")
    return writes


async def test_b12_a_change_anywhere_in_the_state_is_saved_and_no_change_is_not() -> None:
    def first(value: dict[str, Any]) -> None:
        value.update(stack=[{"id": "main", "state": {"step": 0, "values": {"ids": ["a"]}}}])

    def nothing(value: dict[str, Any]) -> None:
        pass

    def deep(value: dict[str, Any]) -> None:
        value["stack"][0]["state"]["values"]["ids"].append("b")

    def same_value_again(value: dict[str, Any]) -> None:
        value["stack"][0]["state"]["step"] = 0

    assert await _turns(_CountingStorage(), first, nothing, deep, nothing, same_value_again) == [1, 1, 2, 2, 2]


async def test_b12_objects_in_the_state_are_compared_by_their_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sign-in in progress keeps PromptOptions (holding an Activity) and a datetime (B10): pickle sees inside."""
    flattened: list[object] = []
    monkeypatch.setattr(Pickler, "flatten", lambda self, obj, *a, **k: flattened.append(obj) or {})

    def prompt(value: dict[str, Any]) -> None:
        value["options"] = PromptOptions(prompt=Activity(type="message", text="Sign in"))
        value["expires"] = datetime(2026, 12, 6, 5, 0, tzinfo=UTC)

    def retext(value: dict[str, Any]) -> None:
        value["options"].prompt.text = "Sign in again"

    def later(value: dict[str, Any]) -> None:
        value["expires"] += timedelta(minutes=1)

    def nothing(value: dict[str, Any]) -> None:
        pass

    assert await _turns(_CountingStorage(), prompt, nothing, retext, nothing, later) == [1, 1, 2, 2, 3]
    assert flattened == []  # all of it pickled: jsonpickle never ran


async def test_b12_state_pickle_refuses_is_compared_as_the_sdk_does() -> None:
    def local() -> None:  # a local function: deep-copied as it is by the store, refused by pickle
        pass

    def first(value: dict[str, Any]) -> None:
        value.update(callback=local, n=1)

    def nothing(value: dict[str, Any]) -> None:
        pass

    def bump(value: dict[str, Any]) -> None:
        value["n"] += 1

    assert isinstance(fingerprint({"callback": local}), str)
    assert await _turns(_CountingStorage(), first, nothing, bump) == [1, 1, 2]


async def test_b12_cleared_state_is_always_saved() -> None:
    storage = _CountingStorage()
    conversation = ConversationState(storage)

    async def logic(context: TurnContext) -> None:
        await conversation.load(context)
        await conversation.clear_state(context)
        await conversation.save_changes(context)

    adapter = TestAdapter(logic)
    await adapter.send("one")
    await adapter.send("two")
    assert storage.writes == 2
