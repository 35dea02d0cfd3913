"""Two MIPA processes on one Redis: a multi-turn dialog alternating between them, duplicate SSO exchanges
to both at once, and Redis stopping mid-conversation. Real processes, real sockets, a real redis-server."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from devkit import MipaProcess, RedisServer
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.support.bot import texts
from tests.support.channel import FakeChannel

CALENDAR = "what's on my calendar today?"


def bot_process(*, sandbox_url: str, storage_url: str) -> MipaProcess:
    """`python app.py` in local mode against a running sandbox, state on Redis."""
    bot = MipaProcess(settings={"SANDBOX_URL": sandbox_url, "STORAGE_URL": storage_url, "LOG_LEVEL": "WARNING"})
    bot.start()
    return bot


@pytest.fixture
def two_bots(sandbox: AdminClient, sandbox_url: str, redis: RedisServer) -> Iterator[tuple[MipaProcess, MipaProcess]]:
    set_signin(sandbox_url, autoSignIn=False, magicCode=True)
    first = bot_process(sandbox_url=sandbox_url, storage_url=redis.url)
    try:
        second = bot_process(sandbox_url=sandbox_url, storage_url=redis.url)
    except BaseException:
        first.stop()
        raise
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


class Chat:
    """One user's conversation whose turns can go to either instance."""

    def __init__(self, channel: FakeChannel, user_id: str) -> None:
        self.channel = channel
        self.user_id = user_id
        self.conversation_id = f"a:conv-{uuid.uuid4().hex[:10]}"
        self.seen = 0
        self.count = 0

    def activity(self, **fields: Any) -> dict[str, Any]:
        self.count += 1
        activity = {
            "type": "message", "id": f"act-{self.count}", "channelId": "msteams", "serviceUrl": self.channel.url,
            "from": {"id": self.user_id}, "recipient": {"id": "28:mipa"},
            "conversation": {"id": self.conversation_id, "conversationType": "personal"},
            "channelData": {"tenant": {"id": "00000000-0000-4000-8000-000000000001"}},
            "locale": "en-US", "localTimezone": "Europe/Paris",
        }
        activity.update(fields)
        return activity

    async def send(self, http: httpx.AsyncClient, bot: MipaProcess, activity: dict[str, Any]) -> httpx.Response:
        return await http.post(f"{bot.url}/api/messages", json=activity)

    def new_replies(self) -> list[dict[str, Any]]:
        replies = self.channel.activities(self.conversation_id)[self.seen:]
        self.seen += len(replies)
        return replies


def sign_in_code(card_replies: list[dict[str, Any]], sandbox_url: str, user_id: str) -> str:
    card = next(a["content"] for r in card_replies for a in r.get("attachments") or []
                if a.get("contentType") == "application/vnd.microsoft.card.oauth")
    link = next(b["value"] for b in card["buttons"] if b["type"] == "signin")
    page = httpx.get(link, timeout=10)
    state = re.search(r'name="state" value="([^"]+)"', page.text)
    assert state
    done = httpx.post(f"{sandbox_url}/api/botsignin/signin", data={"state": state.group(1), "user": user_id}, timeout=10)
    code = re.search(r'id="magic-code">(\d{6})<', done.text)
    assert code
    return code.group(1)


async def test_a_dialog_alternates_between_instances(two_bots: tuple[MipaProcess, MipaProcess], channel: FakeChannel,
                                                     sandbox: AdminClient, sandbox_url: str) -> None:
    first, second = two_bots
    user = sandbox.users()[0]
    chat = Chat(channel, "29:scale-out-user")
    async with httpx.AsyncClient(timeout=30) as http:
        # Turn 1 on the first instance: the OAuthPrompt starts and keeps its state in Redis.
        assert (await chat.send(http, first, chat.activity(text=CALENDAR))).status_code == 201
        code = await asyncio.to_thread(sign_in_code, chat.new_replies(), sandbox_url, user["id"])
        # Turn 2 on the second instance: it continues the prompt from Redis and answers the request.
        assert (await chat.send(http, second, chat.activity(text=code))).status_code == 201
        answer = "\n".join(texts(chat.new_replies()))
        assert "your day" in answer.lower() or "no meetings" in answer.lower()
        # Turn 3 back on the first instance: still signed in, no new card.
        assert (await chat.send(http, first, chat.activity(text="help"))).status_code == 201
        assert "Here is what I can do" in "\n".join(texts(chat.new_replies()))


async def test_duplicate_exchanges_on_two_instances_sign_in_once(
    two_bots: tuple[MipaProcess, MipaProcess], channel: FakeChannel, sandbox: AdminClient, sandbox_url: str
) -> None:
    first, second = two_bots
    user = sandbox.users()[0]
    chat = Chat(channel, "29:sso-user")
    async with httpx.AsyncClient(timeout=30) as http:
        assert (await chat.send(http, first, chat.activity(text=CALENDAR))).status_code == 201
        chat.new_replies()
        minted = await http.post(f"{sandbox_url}/_sandbox/tokens", json={"user": user["id"], "sso": True})
        sso = minted.json()["access_token"]
        value = {"id": "exchange-42", "connectionName": "graph", "token": sso}
        a, b = await asyncio.gather(
            chat.send(http, first, chat.activity(type="invoke", name="signin/tokenExchange", value=value)),
            chat.send(http, second, chat.activity(type="invoke", name="signin/tokenExchange", value=value)),
        )
        assert (a.status_code, b.status_code) == (200, 200)
        agenda = [t for t in texts(chat.new_replies()) if "your day" in t.lower() or "no meetings" in t.lower()]
        assert len(agenda) == 1


async def test_redis_down_gives_one_sentence_then_recovers(
    two_bots: tuple[MipaProcess, MipaProcess], channel: FakeChannel, redis: RedisServer, sandbox: AdminClient,
    sandbox_url: str,
) -> None:
    first, _ = two_bots
    set_signin(sandbox_url, autoSignIn=True)
    chat = Chat(channel, sandbox.users()[0]["userPrincipalName"])
    async with httpx.AsyncClient(timeout=30) as http:
        assert (await chat.send(http, first, chat.activity(text="help"))).status_code == 201
        chat.new_replies()
        redis.stop()
        response = await chat.send(http, first, chat.activity(text=CALENDAR))
        assert response.status_code in (201, 500) and "Traceback" not in response.text
        sentences = texts(chat.new_replies())
        assert sentences == ["I can't reach my conversation memory right now. Please try again in a minute."]
        redis.start()
        assert (await chat.send(http, first, chat.activity(text=CALENDAR))).status_code == 201
        answer = "\n".join(texts(chat.new_replies()))
        assert "your day" in answer.lower() or "no meetings" in answer.lower()
