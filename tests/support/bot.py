"""Run the real MIPA app in-process on a free port, and talk to it like a channel does."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
from aiohttp import web

from app import create_app
from config import Settings
from tests.support.channel import FakeChannel
from tests.support.loopback import serve_app

__all__ = ["BotServer", "Conversation", "run_bot"]

_ids = itertools.count(1)


@dataclass(slots=True)
class BotServer:
    url: str
    app: web.Application
    http: httpx.AsyncClient
    channel: FakeChannel

    async def post(self, activity: dict[str, Any], **kwargs: Any) -> httpx.Response:
        return await self.http.post(f"{self.url}/api/messages", json=activity, **kwargs)

    def conversation(self, **kwargs: Any) -> Conversation:
        return Conversation(server=self, **kwargs)


@asynccontextmanager
async def run_bot(settings: Settings, channel: FakeChannel, **app_options: Any) -> AsyncIterator[BotServer]:
    """The app on a free loopback port; `app_options` go to `create_app` (e.g. `credentials_factory`)."""
    app = create_app(replace(settings, host="127.0.0.1", port=0), **app_options)
    async with serve_app(app) as url, httpx.AsyncClient(timeout=30) as http:
        yield BotServer(url=url, app=app, http=http, channel=channel)


@dataclass(slots=True)
class Conversation:
    """One user's conversation on one channel; `say` returns the activities the bot sent back."""

    server: BotServer
    user_id: str = field(default_factory=lambda: f"29:user-{uuid.uuid4().hex[:8]}")
    channel_id: str = "msteams"
    locale: str | None = "en-US"
    timezone: str | None = "Europe/Paris"
    conversation_id: str = field(default_factory=lambda: f"a:conv-{uuid.uuid4().hex[:10]}")
    seen: int = 0

    def activity(self, **fields: Any) -> dict[str, Any]:
        activity: dict[str, Any] = {
            "type": "message",
            "id": f"act-{next(_ids)}",
            "channelId": self.channel_id,
            "serviceUrl": self.server.channel.url,
            "from": {"id": self.user_id, "name": "Test user"},
            "recipient": {"id": "28:mipa", "name": "MIPA"},
            "conversation": {"id": self.conversation_id, "conversationType": "personal"},
        }
        if self.channel_id == "msteams":
            activity["channelData"] = {"tenant": {"id": "00000000-0000-4000-8000-000000000001"}}
        if self.locale:
            activity["locale"] = self.locale
        if self.timezone:
            activity["localTimezone"] = self.timezone
        activity.update(fields)
        return activity

    async def send(self, activity: dict[str, Any]) -> tuple[httpx.Response, list[dict[str, Any]]]:
        response = await self.server.post(activity)
        replies = self.server.channel.activities(self.conversation_id)[self.seen:]
        self.seen += len(replies)
        return response, replies

    async def say(self, text: str, **fields: Any) -> list[dict[str, Any]]:
        response, replies = await self.send(self.activity(text=text, **fields))
        assert response.status_code == 201, response.text
        return replies

    async def invoke(self, name: str, value: Any) -> tuple[httpx.Response, list[dict[str, Any]]]:
        return await self.send(self.activity(type="invoke", name=name, value=value))


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r.get("text") or "" for r in replies if r.get("type") == "message"]
