"""What the bare baselines share: reading an activity and posting one reply to its serviceUrl."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import aiohttp
from aiohttp import web

__all__ = ["SESSION", "post_reply", "session_ctx"]

SESSION = web.AppKey("session", aiohttp.ClientSession)


async def session_ctx(app: web.Application):  # type: ignore[no-untyped-def]
    """One persistent client session per process, opened at start-up and closed at shutdown."""
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256))
    app[SESSION] = session
    yield
    await session.close()


async def post_reply(session: aiohttp.ClientSession, activity: dict[str, Any], text: str) -> None:
    """POST a message reply to `{serviceUrl}/v3/conversations/{id}/activities/{replyToId}`."""
    conversation = activity["conversation"]
    reply = {
        "type": "message",
        "channelId": activity.get("channelId"),
        "serviceUrl": activity["serviceUrl"],
        "from": activity.get("recipient"),
        "recipient": activity.get("from"),
        "conversation": conversation,
        "replyToId": activity["id"],
        "text": text,
    }
    base = activity["serviceUrl"].rstrip("/")
    url = f"{base}/v3/conversations/{quote(conversation['id'], safe='')}/activities/{quote(activity['id'], safe='')}"
    async with session.post(url, json=reply) as response:
        response.raise_for_status()
        await response.read()
