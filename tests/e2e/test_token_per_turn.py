"""The user's token is fetched from the token service once per turn that needs Graph, never twice, and never kept."""

from __future__ import annotations

from typing import Any

import pytest

from bots.connector import FastUserTokenClient
from sandbox.testing import AdminClient
from tests.support.bot import BotServer, texts

GET_TOKEN = "/api/usertoken/GetToken"


async def test_each_turn_fetches_the_token_once(bot: BotServer, sandbox: AdminClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = FastUserTokenClient._call

    async def counted(self: FastUserTokenClient, method: str, path: str, params: dict[str, str | None], body: Any = None) -> tuple[int, Any]:
        calls.append(path)
        return await original(self, method, path, params, body)

    monkeypatch.setattr(FastUserTokenClient, "_call", counted)
    me = sandbox.users()[0]
    conv = bot.conversation(user_id=me["userPrincipalName"])
    for text in ("what's on my calendar today?", "my day", "add buy printer paper to my tasks", "yes", "what's on my calendar today?"):
        calls.clear()
        sandbox.clear_requests()
        replies = await conv.say(text)
        assert texts(replies), text
        assert sandbox.requests(), f"{text!r} read Graph"
        assert calls.count(GET_TOKEN) == 1, (text, calls)
    calls.clear()
    await conv.say("help")
    assert GET_TOKEN not in calls, calls  # help needs no sign-in
