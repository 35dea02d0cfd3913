"""The Action.Submit fallback of card buttons (clients without Universal Actions): `CardActions.submit` acts on
the sandbox process with the clicker's real token and posts the outcome to the chat.

The bot does not route Submit messages to `CardActions.submit` yet (bots/assistant_bot.py), so these tests
drive the router with botbuilder's TestAdapter turn context; Graph is the real sandbox over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from botbuilder.core import ConversationState, MemoryStorage, TurnContext, UserState
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bots.card_actions import CardActions
from cards import action_data
from config import Settings
from dialogs import Services, SignInPrompt, signin_settings
from dialogs.undo import UndoRegistry
from dialogs.undo_kinds import undo_kinds
from graph import GraphClient
from sandbox.testing import AdminClient
from tests.e2e.test_actions import actions_in, open_task, todo_task, users, writes


@dataclass
class Rig:
    adapter: TestAdapter
    actions: CardActions
    services: Services
    dialog_runs: list[str]


@pytest.fixture
async def rig(sandbox_url: str) -> AsyncIterator[Rig]:
    storage = MemoryStorage()
    conversation_state, user_state = ConversationState(storage), UserState(storage)
    runs: list[str] = []

    async def run_dialog(context: TurnContext) -> None:
        runs.append(context.activity.value["verb"])

    async with GraphClient(base_url=f"{sandbox_url}/v1.0") as graph:
        services = Services(
            settings=Settings(sandbox_url=sandbox_url), graph=graph, user_state=user_state,
            signin=SignInPrompt("signin", signin_settings("graph", title="t", text="t")),
            conversation_state=conversation_state, undo_registry=UndoRegistry(undo_kinds()),
        )
        yield Rig(adapter=TestAdapter(), actions=CardActions(services=services, run_dialog=run_dialog),
                  services=services, dialog_runs=runs)


async def submit(rig: Rig, value: Any, *, token: str, text: str | None = None) -> tuple[bool, list[Activity]]:
    activity = Activity(
        type=ActivityTypes.message, channel_id="msteams", value=value, text=text, locale="en-US",
        from_property=ChannelAccount(id="29:submitter"), recipient=ChannelAccount(id="28:mipa"),
        conversation=ConversationAccount(id="a:submit"), service_url="https://example.invalid/",
    )
    context = TurnContext(rig.adapter, activity)
    rig.services.remember_token(context, token)
    handled = await rig.actions.submit(context)
    await rig.services.conversation_state.save_changes(context)
    sent = list(rig.adapter.activity_buffer)
    rig.adapter.activity_buffer.clear()
    return handled, sent


async def test_submit_completes_once_and_offers_undo(rig: Rig, sandbox: AdminClient, graph_as: Any) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    token = sandbox.token(user["id"])
    list_id, task = open_task(client)
    value = {"verb": "todo.complete", **action_data("todo.complete", list_id=list_id, item_id=task["id"])}
    handled, sent = await submit(rig, value, token=token)
    assert handled and len(sent) == 1
    card = sent[0].attachments[0].content
    assert "Task completed." in str(card) and actions_in(card, "undo")
    assert todo_task(client, list_id, task["id"])["status"] == "completed"
    sandbox.clear_requests()
    handled, sent = await submit(rig, value, token=token)
    assert handled and sent[0].text == "This task was already completed: nothing changed."
    assert writes(sandbox) == []
    undo = actions_in(card, "undo")[0]
    handled, sent = await submit(rig, {"verb": "undo", **undo["data"]}, token=token)
    assert handled and "Undone:" in str(sent[0].attachments[0].content)
    assert todo_task(client, list_id, task["id"])["status"] == "notStarted"


async def test_submit_leaves_dialog_buttons_and_typed_text_alone(rig: Rig, sandbox: AdminClient) -> None:
    token = sandbox.token(users(sandbox)[0]["id"])
    for value, text in (({"verb": "confirm", "ref": "0123456789ab"}, None),
                        ({"verb": "choose", "ref": "0123456789ab", "index": "1"}, None),
                        ({"verb": "todo.complete", "listId": "l", "itemId": "i"}, "yes"),
                        (None, "my day")):
        handled, sent = await submit(rig, value, token=token, text=text)
        assert handled is False and sent == []
    assert rig.dialog_runs == []


async def test_submit_with_bad_data_says_so(rig: Rig, sandbox: AdminClient) -> None:
    token = sandbox.token(users(sandbox)[0]["id"])
    handled, sent = await submit(rig, {"verb": "todo.complete", "itemId": "only-one-id"}, token=token)
    assert handled and sent[0].text == "This button's data is not valid."
    handled, sent = await submit(rig, {"verb": "todo.explode"}, token=token)
    assert handled and sent[0].text == "This button's data is not valid."
