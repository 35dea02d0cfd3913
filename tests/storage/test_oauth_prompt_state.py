"""The OAuthPrompt's real dialog state survives a store round trip onto a NEW store object."""

from __future__ import annotations

from botbuilder.core import ConversationState, Storage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    DialogSet,
    DialogState,
    DialogTurnStatus,
    OAuthPrompt,
    OAuthPromptSettings,
    PromptOptions,
)
from botbuilder.dialogs.prompts.oauth_prompt import CallerInfo
from botbuilder.schema import Activity, ActivityTypes, TokenResponse

from .conftest import StoreFactory

CONNECTION = "graph"
MAGIC_CODE = "123456"


def make_bot(storage: Storage, outcomes: list[object], keys: list[str] | None = None):
    """A turn handler: continue the dialog, or start the OAuthPrompt; save state at the end."""
    conversation_state = ConversationState(storage)
    dialogs = DialogSet(conversation_state.create_property("DialogState"))
    dialogs.add(OAuthPrompt("signin", OAuthPromptSettings(CONNECTION, "Sign in", "Please sign in", 300000)))

    async def logic(turn_context: TurnContext) -> None:
        if keys is not None:
            keys.append(conversation_state.get_storage_key(turn_context))
        dialog_context = await dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog_context.prompt("signin", PromptOptions(prompt=Activity(type="message", text="hi")))
        elif result.status == DialogTurnStatus.Complete:
            outcomes.append(result.result)
            await turn_context.send_activity("signed in")
        await conversation_state.save_changes(turn_context)

    return logic


async def test_prompt_started_on_one_store_completes_on_another(store_factory: StoreFactory) -> None:
    outcomes: list[object] = []
    keys: list[str] = []
    first_adapter = TestAdapter(make_bot(store_factory(), outcomes, keys))
    await first_adapter.send("hello")
    card = first_adapter.get_next_activity()
    assert card.attachments[0].content_type == "application/vnd.microsoft.card.oauth"

    # The stored state holds Python objects: DialogState, PromptOptions with an Activity, a datetime.
    reader = store_factory()
    stored = (await reader.read(keys))[keys[0]]
    dialog_state = stored["DialogState"]
    assert isinstance(dialog_state, DialogState)
    instance_state = dialog_state.dialog_stack[0].state
    assert isinstance(instance_state["options"], PromptOptions)
    assert isinstance(instance_state["options"].prompt, Activity)
    assert instance_state["options"].prompt.attachments[0].content.connection_name == CONNECTION
    assert instance_state["expires"].year >= 2024

    # Next turn on "another instance": a new store object, a new adapter, the magic code.
    second_adapter = TestAdapter(make_bot(store_factory(), outcomes))
    second_adapter.add_user_token(CONNECTION, "test", "User1", "token-xyz", MAGIC_CODE)
    await second_adapter.send(MAGIC_CODE)
    assert second_adapter.get_next_activity().text == "signed in"
    assert len(outcomes) == 1 and isinstance(outcomes[0], TokenResponse)
    assert outcomes[0].token == "token-xyz"


async def test_caller_info_and_token_response_round_trip(store) -> None:
    caller = CallerInfo(caller_service_url="https://smba.example/", scope="https://api.botframework.com")
    item = {
        "state": {},
        "caller": caller,
        "token": TokenResponse(connection_name=CONNECTION, token="t"),
        "event": Activity(type=ActivityTypes.event, name="tokens/response"),
    }
    await store.write({"k": item})
    back = (await store.read(["k"]))["k"]
    assert isinstance(back["caller"], CallerInfo)
    assert back["caller"].caller_service_url == "https://smba.example/"
    assert back["token"].connection_name == CONNECTION
    assert back["event"].type == ActivityTypes.event and back["event"].name == "tokens/response"
