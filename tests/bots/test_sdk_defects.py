"""One test per botbuilder 4.17.1 defect MIPA works around (bots/sdkfix/README.md): each reproduces the defect
on the SDK itself, so it FAILS once an upgrade no longer has it — then the workaround can go.

They pin the SDK's behaviour, not MIPA's: MIPA's side of each workaround is tested where it lives.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import json
import re
import weakref
from collections.abc import AsyncIterator
from datetime import datetime
from importlib import metadata
from typing import Any

import httpx
import jwt
import pytest
from aiohttp import web
from botbuilder.core import ActivityHandler, ConversationState, MemoryStorage, MessageFactory, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus, WaterfallDialog
from botbuilder.dialogs.prompts import OAuthPrompt, OAuthPromptSettings, PromptOptions
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, AdaptiveCardInvokeResponse
from botframework.connector.auth import (
    JwtTokenValidation,
    MicrosoftAppCredentials,
    SimpleCredentialProvider,
    jwt_token_extractor,
)
from botframework.connector.auth._user_token_client_impl import _UserTokenClientImpl
from botframework.connector.token_api.models import TokenExchangeRequest
from jsonpickle.pickler import Pickler
from msrest.universal_http.requests import ClientRetryPolicy

from bots.sdkfix.loop_cycles import SDK_EMIT, SDK_STATE_MANAGER_INIT
from bots.sdkfix.loop_retry_codes import SDK_SAFE_CODES
from bots.sdkfix.turn_account_copies import SDK_COPIES
from bots.sdkfix.turn_dropped_snapshot import SDK_SNAPSHOT_TRACE
from bots.sdkfix.turn_instance_ids import SDK_UUID
from bots.sdkfix.turn_state_manager_init import SDK_INIT

CARD = {"type": "AdaptiveCard", "version": "1.4", "body": []}


def _activity(**fields: Any) -> Activity:
    raw = {"type": "message", "channelId": "msteams", "serviceUrl": "http://127.0.0.1:9/",
           "conversation": {"id": "c"}, "from": {"id": "u"}, "recipient": {"id": "b"}, **fields}
    return Activity().deserialize(raw)


class _NoAuth:
    APP_ID = ""
    APP_PASSWORD = ""


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


@pytest.fixture
async def echo_bot_url() -> AsyncIterator[str]:
    """The SDK's own CloudAdapter with authentication off, serving a plain echo ActivityHandler."""

    class Echo(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(MessageFactory.text("hi"))

    adapter, bot = CloudAdapter(ConfigurationBotFrameworkAuthentication(_NoAuth())), Echo()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    runner, url = await _serve(app)
    yield url
    await runner.cleanup()


def test_b1_an_invoke_body_is_serialised_twice() -> None:
    """B1: the handler turns the body into a dict, and the adapter serialises that dict again -> HTTP 500."""
    body = AdaptiveCardInvokeResponse(status_code=200, type="application/vnd.microsoft.card.adaptive", value=CARD)
    response = ActivityHandler._create_invoke_response(body)
    with pytest.raises(AttributeError, match="is_xml_model"):
        serializer_helper(response.body)


async def test_b2_a_non_execute_card_action_gets_an_unserialisable_400() -> None:
    """B2: `Action.Submit` through adaptiveCard/action: the SDK's 400 body cannot be serialised -> HTTP 500."""
    invoke = _activity(type="invoke", name="adaptiveCard/action", value={"action": {"type": "Action.Submit"}})
    response = await ActivityHandler().on_invoke_activity(TurnContext(TestAdapter(), invoke))
    assert response.status == 400
    with pytest.raises(Exception, match="cannot be serialized"):
        serializer_helper(response.body)


async def test_b3_expect_replies_through_cloud_adapter_is_a_500(echo_bot_url: str) -> None:
    """B3: `deliveryMode: expectReplies` -> the adapter serialises ExpectedReplies twice -> HTTP 500."""
    activity = {**_activity(text="hello").serialize(), "deliveryMode": "expectReplies"}
    async with httpx.AsyncClient(timeout=10) as http:
        response = await http.post(f"{echo_bot_url}/api/messages", json=activity)
    assert response.status_code == 500


async def test_b4_a_parameterised_setting_without_app_id_breaks_anonymous_requests() -> None:
    """B4: OAUTH_URL with an empty APP_ID switches to a code path that fails on an empty Authorization header."""

    class WithOAuthUrl(_NoAuth):
        OAUTH_URL = "http://127.0.0.1:9"

    auth = ConfigurationBotFrameworkAuthentication(WithOAuthUrl())
    with pytest.raises(AttributeError, match="claims"):
        await auth.authenticate_request(_activity(), "")


async def test_b5_a_failed_token_exchange_is_an_error_response_without_token() -> None:
    """B5: the token API reads an HTTP 400 exchange as `ErrorResponse`, which the prompt and middleware read
    `.token` from (AttributeError; the caller gets 501 instead of 412)."""

    async def exchange(request: web.Request) -> web.Response:
        return web.json_response({"error": {"code": "ConsentRequired", "message": "consent"}}, status=400)

    app = web.Application()
    app.router.add_post("/api/usertoken/exchange", exchange)
    runner, url = await _serve(app)
    try:
        client = _UserTokenClientImpl("00000000-0000-4000-8000-000000000001", MicrosoftAppCredentials("", ""), url)
        result = await client.exchange_token("u", "graph", "msteams", TokenExchangeRequest(token="sso"))
    finally:
        await runner.cleanup()
    assert type(result).__name__ == "ErrorResponse"
    assert not hasattr(result, "token")


async def test_b6_memory_storage_lets_a_duplicate_with_the_same_etag_through() -> None:
    """B6: MemoryStorage keeps the caller's eTag on insert, so the second duplicate token exchange passes."""
    storage = MemoryStorage()
    await storage.write({"exchange": {"seen": 1, "e_tag": "from-the-caller"}})
    # A second writer holding the same eTag is not refused, as it would be had the insert assigned a new one.
    await storage.write({"exchange": {"seen": 2, "e_tag": "from-the-caller"}})
    assert (await storage.read(["exchange"]))["exchange"]["seen"] == 2


async def test_b7_an_anonymous_user_token_client_cannot_make_a_sign_in_link() -> None:
    """B7: with authentication off the claims carry no app id, and the sign-in resource needs one."""
    client = _UserTokenClientImpl(None, MicrosoftAppCredentials("", ""), "http://127.0.0.1:9")
    with pytest.raises(TypeError, match="app_id"):
        await client.get_sign_in_resource("graph", _activity(), None)


def test_b8_openid_metadata_is_fetched_with_blocking_requests() -> None:
    """B8: the connector refreshes OpenID metadata with `requests.get`, which blocks the event loop."""
    source = inspect.getsource(jwt_token_extractor)
    assert "requests.get(" in source


@pytest.mark.parametrize("package", ["azure-storage-blob", "azure-storage-queue"])
def test_b9_azure_storage_imports_six_without_declaring_it(package: str) -> None:
    """B9: botbuilder-azure's pinned Azure storage packages import `six` but do not require it (so does
    botbuilder-testing's `__init__`, through them): requirements.txt pins six for them."""
    sources = [f for f in metadata.files(package) or [] if f.suffix == ".py"]
    assert any(re.search(r"^\s*(import six|from six\b)", f.read_text(), re.MULTILINE) for f in sources)
    assert not [r for r in metadata.requires(package) or [] if re.match(r"six\b", r)]


async def test_b10_oauth_prompt_keeps_python_objects_in_dialog_state() -> None:
    """B10: OAuthPrompt state holds PromptOptions and a datetime: a plain-JSON store cannot save it."""
    storage = MemoryStorage()
    conversation = ConversationState(storage)
    dialogs = DialogSet(conversation.create_property("dialogs"))
    dialogs.add(OAuthPrompt("signin", OAuthPromptSettings(connection_name="graph", title="Sign in", text="Sign in")))

    async def logic(context: TurnContext) -> None:
        dialog_context = await dialogs.create_context(context)
        if (await dialog_context.continue_dialog()).status == DialogTurnStatus.Empty:
            await dialog_context.begin_dialog("signin")
        await conversation.save_changes(context)

    await TestAdapter(logic).send("hello")
    [stored] = storage.memory.values()
    prompt_state = stored["dialogs"].dialog_stack[0].state
    assert any(isinstance(v, PromptOptions) for v in prompt_state.values())
    assert any(isinstance(v, datetime) for v in prompt_state.values())
    with pytest.raises(TypeError):
        json.dumps(prompt_state)


async def test_b11_a_malformed_bearer_is_a_jwt_error_not_a_permission_error() -> None:
    """B11: the SDK lets PyJWT's errors escape as they are; CloudAdapter maps only PermissionError to 401."""
    with pytest.raises(jwt.PyJWTError) as raised:
        await JwtTokenValidation.authenticate_request(_activity(), "Bearer not.a.jwt",
                                                      SimpleCredentialProvider("app", "secret"))
    assert not isinstance(raised.value, PermissionError)



async def test_b12_state_change_detection_flattens_the_state_with_jsonpickle_three_times(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """B12: CachedBotState hashes the whole state with jsonpickle on load, on save and after the write."""
    flattened: list[object] = []
    real_flatten = Pickler.flatten

    def counting(self: Pickler, obj: object, *args: Any, **kwargs: Any) -> Any:
        flattened.append(obj)
        return real_flatten(self, obj, *args, **kwargs)

    monkeypatch.setattr(Pickler, "flatten", counting)
    conversation = ConversationState(MemoryStorage())
    turns = conversation.create_property("turns")

    async def logic(context: TurnContext) -> None:
        await turns.set(context, {"n": 1})
        await conversation.save_changes(context)

    await TestAdapter(logic).send("hello")
    assert len(flattened) == 3


async def test_l1_a_sent_activity_keeps_the_turn_context_in_a_reference_cycle() -> None:
    """L1: `TurnContext._emit`'s `emit_next` closure refers to itself and to the context: after a send, only the
    cyclic collector frees the context (and its turn state, activity and replies)."""
    gc.collect()
    gc.disable()
    try:
        context = TurnContext(TestAdapter(), Activity(type="message", text="hi", conversation=None))

        async def handler(ctx: TurnContext, activities: list[Activity], next_send: Any) -> Any:
            return await next_send()

        context.on_send_activities(handler)
        await SDK_EMIT(context, context._on_send_activities, [], asyncio.sleep(0))
        gone = weakref.ref(context)
        del context
        assert gone() is not None  # reference counting could not free it
        gc.collect()
        assert gone() is None
    finally:
        gc.enable()


def test_l1_a_dialog_state_manager_and_its_dialog_context_refer_to_each_other() -> None:
    """L1: `DialogContext.__init__` keeps `DialogStateManager(self)`, and the manager keeps the context."""
    source = inspect.getsource(DialogContext.__init__)
    assert "self.state = DialogStateManager(self)" in source
    assert "self._dialog_context = dialog_context" in inspect.getsource(SDK_STATE_MANAGER_INIT)


def test_l2_msrest_retry_policy_lists_its_status_codes_by_searching_a_list() -> None:
    """L2: each ClientRetryPolicy() tests 999 codes for membership in a list of ~500 (4-12 ms on the event loop)."""
    assert isinstance(SDK_SAFE_CODES, list) and len(SDK_SAFE_CODES) > 400
    assert "retry_codes = [i for i in range(999) if i not in self.safe_codes]" in inspect.getsource(ClientRetryPolicy)


def test_t1_a_waterfall_makes_a_time_based_uuid_for_its_instance_id() -> None:
    """T1: each WaterfallDialog.begin_dialog prints a uuid1() (libuuid under a lock, ~4 µs) that only telemetry reads."""
    source = inspect.getsource(WaterfallDialog)
    assert "instance_id = uuid.uuid1().__str__()" in inspect.getsource(WaterfallDialog.begin_dialog)
    assert source.count("PersistedInstanceId]") == 4  # written once, read only for the telemetry events
    assert SDK_UUID.uuid1().version == 1


def test_t2_the_turn_context_copies_accounts_for_each_sent_activity() -> None:
    """T2: every sent activity's reference copies three msrest accounts, which have no __copy__ of their own."""
    source = inspect.getsource(TurnContext.get_conversation_reference)
    assert "user=copy(activity.from_property)" in source and "bot=copy(activity.recipient)" in source
    assert "conversation=copy(activity.conversation)" in source
    assert "ref = TurnContext.get_conversation_reference(self.activity)" in inspect.getsource(TurnContext.send_activities)
    assert SDK_COPIES and all(own is None for own in SDK_COPIES.values())


def test_t3_a_dialog_state_manager_imports_on_each_construction() -> None:
    """T3: DialogStateManager.__init__ runs `from botbuilder.dialogs import ...` each time a dialog context is made."""
    source = inspect.getsource(SDK_INIT)
    assert "from botbuilder.dialogs import (" in source and "ComponentRegistration.add(" in source
    assert source.index("from botbuilder.dialogs import (") < source.index("self._dialog_context = dialog_context")


def test_t4_each_dialog_turn_builds_a_snapshot_trace() -> None:
    """T4: run_dialog ends every dialog turn by building a memory snapshot and sending it as a trace."""
    from botbuilder.dialogs import DialogExtensions

    source = inspect.getsource(SDK_SNAPSHOT_TRACE)
    assert ".state.get_memory_snapshot()" in source and "await dialog_context.context.send_activity(trace_activity)" in source
    assert "await DialogExtensions._send_state_snapshot_trace(dialog_context)" in inspect.getsource(DialogExtensions)

