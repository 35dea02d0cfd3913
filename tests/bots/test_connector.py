"""bots/connector.py on a real loopback server: the token service's URLs and the channel's answers to a reply."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from botbuilder.schema import Activity

from bots.connector import ChannelError, FastConnectorClient, FastUserTokenClient, channel_session
from tests.support.loopback import serve_handler


class _Inner:
    config = type("Config", (), {"credentials": None})()


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, list[web.Request], dict[str, Any]]]:
    seen: list[web.Request] = []
    answer: dict[str, Any] = {"body": b'{"id": "r1"}', "status": 200, "content_type": "application/json"}

    async def handle(request: web.Request) -> web.Response:
        await request.read()
        seen.append(request)
        return web.Response(body=answer["body"], status=answer["status"], headers={"Content-Type": answer["content_type"]})

    async with serve_handler(handle) as url:
        yield url, seen, answer


async def test_token_calls_send_the_query_aiohttps_params_would(server: tuple[str, list[web.Request], dict[str, Any]]) -> None:
    base, seen, answer = server
    http = channel_session()
    client = FastUserTokenClient(app_id="", base_url=base, credentials=None, http=http, fallback=None)  # type: ignore[arg-type]
    answer["body"] = b'{"channelId": "msteams", "connectionName": "graph", "token": "t0k", "expiration": null}'
    try:
        for user, code in (("29:1a b/é?&=#", None), ("29:1a b/é?&=#", None), ("u2", "123456"), ("u2", None)):
            token = await client.get_user_token(user, "graph", "msteams", code)
            assert token is not None and token.token == "t0k"
        wanted = [{"userId": user, "connectionName": "graph", "channelId": "msteams", "code": code, "api-version": "token"}
                  for user, code in (("29:1a b/é?&=#", None), ("29:1a b/é?&=#", None), ("u2", "123456"), ("u2", None))]
        for params in wanted:  # the same calls the way the SDK's and the earlier client built them: params=
            async with http.get().get(base + "/api/usertoken/GetToken", params={k: v for k, v in params.items() if v}):
                pass
        assert [r.raw_path for r in seen[:4]] == [r.raw_path for r in seen[4:]]
        for request, params in zip(seen[:4], wanted, strict=True):
            assert dict(request.query) == {k: v for k, v in params.items() if v}
    finally:
        await http.close()


@pytest.mark.parametrize(("body", "content_type", "expected"), [
    (b'{"id": "r1"}', "application/json", "r1"),
    (b' {"id": "\\u00e9t\\u00e9"} \n', "application/json; charset=utf-8", "été"),
    ('{"id": "été"}'.encode(), "text/plain", "été"),
    (b"", "application/json", None),
    (b"  ", "application/json", None),
    (b'["not", "an object"]', "application/json", None),
    (b'{"other": 1}', "application/json", None),
])
async def test_a_reply_reads_the_channels_answer(
    server: tuple[str, list[web.Request], dict[str, Any]], body: bytes, content_type: str, expected: str | None,
) -> None:
    base, seen, answer = server
    answer.update(body=body, content_type=content_type)
    http = channel_session()
    client = FastConnectorClient(inner=_Inner(), service_url=base, http=http)  # type: ignore[arg-type]
    try:
        activity = Activity(type="message", text="hi")
        result = await client.conversations.reply_to_activity("a:1 b/c", "1:2", activity)
        assert result.id == expected
        assert seen[-1].raw_path == "/v3/conversations/a:1%20b%2Fc/activities/1:2"  # yarl leaves ":" literal
    finally:
        await http.close()


async def test_a_reply_refused_or_unreadable_is_an_error(server: tuple[str, list[web.Request], dict[str, Any]]) -> None:
    base, _, answer = server
    http = channel_session()
    client = FastConnectorClient(inner=_Inner(), service_url=base, http=http)  # type: ignore[arg-type]
    try:
        answer.update(body=b"{not json", status=200)
        with pytest.raises(ValueError):
            await client.conversations.send_to_conversation("c", Activity(type="message", text="hi"))
        answer.update(body=b"{}", status=403)
        with pytest.raises(ChannelError) as raised:
            await client.conversations.send_to_conversation("c", Activity(type="message", text="hi"))
        assert raised.value.status == 403
    finally:
        await http.close()
