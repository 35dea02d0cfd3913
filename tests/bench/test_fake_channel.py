"""The load generator's fake /v3 channel over a real socket: URL-decoded ids, reply checks, ids answered."""

from __future__ import annotations

import aiohttp
from aiohttp import web

from bench.loadgen import CellSpec, FakeChannel


def _spec() -> CellSpec:
    return CellSpec(
        bot_url="http://127.0.0.1:1/api/messages", turns=(), concurrency=1, users=(),
        conversation_prefix="t", reject_texts=("Sorry, something went wrong",),
        reject_content_types=("application/vnd.microsoft.card.oauth",),
    )


async def test_fake_channel_decodes_ids_and_flags_error_replies_and_signin_cards() -> None:
    channel = FakeChannel()
    runner = web.AppRunner(channel.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f"http://127.0.0.1:{port}/v3/conversations"
    try:
        ok = channel.expect("a:conv-1", 1, _spec())
        error = channel.expect("a:conv-2", 1, _spec())
        signin = channel.expect("19:x@thread.v2;messageid=1", 1, _spec())
        async with aiohttp.ClientSession() as session:
            for path, body in [
                ("a%3Aconv-1/activities/m1", {"type": "typing"}),
                ("a%3Aconv-1/activities/m1", {"type": "message", "text": "You have 3 meetings today."}),
                ("a%3Aconv-2/activities/m2", {"type": "message", "text": "Sorry, something went wrong. Again."}),
                ("19%3Ax%40thread.v2%3Bmessageid%3D1/activities",
                 {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.oauth"}]}),
                ("a%3Aunknown/activities/m9", {"type": "message", "text": "late"}),
            ]:
                async with session.post(f"{base}/{path}", json=body) as response:
                    assert response.status == 200
                    assert (await response.json())["id"].startswith("reply-")
        assert len(ok.arrivals) == 1 and ok.event.is_set() and ok.rejected is None
        assert ok.shapes == [{"type": "message", "text_chars": 26, "attachments": []}]
        assert error.rejected == "error reply"
        assert signin.rejected == "unexpected application/vnd.microsoft.card.oauth"
        assert channel.unexpected == 1
    finally:
        await runner.cleanup()
