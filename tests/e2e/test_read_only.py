"""READ_ONLY=true: typed writes say what MIPA would have done and why it will not; buttons change
nothing; reads still work. Over HTTP against the sandbox, whose request log must show no write."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest

from cards import action_data
from config import Settings
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.e2e.test_actions import MESSAGE, execute, open_task, todo_task, users, writes
from tests.support.bot import BotServer, run_bot, texts
from tests.support.channel import FakeChannel


@pytest.fixture
async def read_only_bot(sandbox: AdminClient, sandbox_url: str, channel: FakeChannel) -> AsyncIterator[BotServer]:
    set_signin(sandbox_url, autoSignIn=True)
    async with run_bot(replace(Settings(sandbox_url=sandbox_url), read_only=True), channel) as server:
        yield server


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en-US", "add call the bank to my tasks for Friday", "I can't add that task here: I'm in read-only mode"),
        ("en-US", "book a meeting with Lucie tomorrow at 3pm", "I can't create that meeting here: I'm in read-only"),
        ("fr-FR", "ajoute acheter du lait à mes courses pour vendredi",
         "Je ne peux pas ajouter cette tâche ici : je suis en lecture seule"),
    ],
)
async def test_typed_writes_say_what_and_why(read_only_bot: BotServer, sandbox: AdminClient, locale: str,
                                             text: str, expected: str) -> None:
    user, _ = users(sandbox)
    conv = read_only_bot.conversation(user_id=user["userPrincipalName"], locale=locale)
    sandbox.clear_requests()
    replies = texts(await conv.say(text))
    assert len(replies) == 1 and replies[0].startswith(expected)
    assert writes(sandbox) == []
    again = texts(await conv.say("yes" if locale == "en-US" else "oui"))
    assert writes(sandbox) == [] and again


async def test_buttons_change_nothing(read_only_bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client)
    conv = read_only_bot.conversation(user_id=user["userPrincipalName"])
    sandbox.clear_requests()
    _, answer = await execute(conv, "todo.complete", action_data("todo.complete", list_id=list_id, item_id=task["id"]))
    assert answer["type"] == MESSAGE and "read-only" in answer["value"]
    assert todo_task(client, list_id, task["id"])["status"] != "completed"
    assert writes(sandbox) == []


async def test_reads_still_work(read_only_bot: BotServer, sandbox: AdminClient) -> None:
    user, _ = users(sandbox)
    conv = read_only_bot.conversation(user_id=user["userPrincipalName"])
    body = "\n".join(texts(await conv.say("what's on my calendar today?")))
    assert "Here's your day" in body or "no meetings" in body
