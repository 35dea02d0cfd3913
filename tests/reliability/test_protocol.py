"""Protocol abuse on /api/messages: bad JSON, content types, oversized bodies, odd activities; never 500, never a write."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from sandbox.testing import AdminClient
from tests.support.bot import BotServer

WRITE = "add protocol check to my tasks"


def writes(sandbox: AdminClient) -> list[dict[str, Any]]:
    return [r for r in sandbox.requests() if r["method"] not in ("GET", "HEAD")]


async def _raw(bot: BotServer, content: bytes, content_type: str | None) -> int:
    headers = {"Content-Type": content_type} if content_type else {}
    response = await bot.http.post(f"{bot.url}/api/messages", content=content, headers=headers)
    return response.status_code


async def test_malformed_json_is_400(bot: BotServer, sandbox: AdminClient, summary: Callable[..., None]) -> None:
    summary(load="5 bodies", faults="malformed JSON")
    for body in (b"{", b"not json", b"\xff\xfe\x00", b'{"type": "message",}', b""):
        assert await _raw(bot, body, "application/json") == 400, body
    for body in (b"[]", b'"message"', b'{"text": "no type"}', b'{"type": 7}'):
        assert await _raw(bot, body, "application/json") == 400, body
    assert writes(sandbox) == []


async def test_wrong_content_type_is_415(bot: BotServer, sandbox: AdminClient, summary: Callable[..., None]) -> None:
    summary(load="4 bodies", faults="content types")
    body = json.dumps(bot.conversation().activity(text=WRITE)).encode()
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
        assert await _raw(bot, body, content_type) == 415, content_type
    assert writes(sandbox) == []


async def test_body_over_256_kb_is_413(bot: BotServer, sandbox: AdminClient, summary: Callable[..., None]) -> None:
    summary(load="257 KB x2", faults="oversized body")
    conv = bot.conversation()
    big = json.dumps(conv.activity(text=WRITE, channelData={"pad": "x" * (257 * 1024)})).encode()
    assert await _raw(bot, big, "application/json") == 413

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the limit must still hold
        for start in range(0, len(big), 16 * 1024):
            yield big[start:start + 16 * 1024]

    response = await bot.http.post(
        f"{bot.url}/api/messages", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert bot.channel.activities(conv.conversation_id) == []
    assert writes(sandbox) == []


def _without(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def strip(activity: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in activity.items() if k not in names}

    return strip


ODD: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "unknown_type": lambda a: {**a, "type": "somethingNew"},
    "empty_type": lambda a: {**a, "type": ""},
    "no_conversation": _without("conversation"),
    "null_conversation": lambda a: {**a, "conversation": None},
    "conversation_without_id": lambda a: {**a, "conversation": {}},
    "no_from": _without("from"),
    "from_without_id": lambda a: {**a, "from": {"name": "x"}},
    "no_service_url": _without("serviceUrl"),
    "bad_service_url": lambda a: {**a, "serviceUrl": "not a url"},
    "no_recipient": _without("recipient"),
    "no_channel_id": _without("channelId"),
    "text_not_string": lambda a: {**a, "text": {"nested": True}},
    "from_is_string": lambda a: {**a, "from": "29:someone"},
    "invoke_without_name": lambda a: {**a, "type": "invoke"},
    "invoke_unknown_name": lambda a: {**a, "type": "invoke", "name": "mystery/verb", "value": {}},
    "card_action_bad_value": lambda a: {**a, "type": "invoke", "name": "adaptiveCard/action", "value": "x"},
    "event_without_name": lambda a: {**a, "type": "event"},
}


@pytest.mark.parametrize("case", sorted(ODD))
async def test_odd_activities_neither_crash_nor_write(
    bot: BotServer, sandbox: AdminClient, case: str, summary: Callable[..., None]
) -> None:
    summary(load="1 activity + yes", faults=case.replace("_", " "))
    conv = bot.conversation()
    activity = ODD[case](conv.activity(text=WRITE))
    response = await bot.post(activity)
    unhandled_invoke = activity.get("type") == "invoke" and response.status_code == 501  # the protocol's answer
    assert response.status_code < 500 or unhandled_invoke, response.text
    assert writes(sandbox) == []
    prompted = bool(bot.channel.activities(conv.conversation_id))
    summary(load="1 activity + yes", faults=case.replace("_", " "),
            notes=f"HTTP {response.status_code}, {'answered' if prompted else 'no reply'}")
    # A follow-up "yes" writes only if the odd activity was answered (the user saw the confirmation question).
    follow = await bot.post(conv.activity(text="yes"))
    assert follow.status_code == 201, follow.text
    if not prompted:
        assert writes(sandbox) == []
    else:
        assert len(writes(sandbox)) <= 1
