"""A Bot Connector `/v3` stand-in in its own thread: it records every activity the bot posts."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any
from urllib.parse import unquote

from aiohttp import web

from clock import clock_from_env

__all__ = ["FakeChannel"]


class FakeChannel:
    """Runs on its own event loop (the SDK makes blocking calls; never share the bot's loop)."""

    def __init__(self) -> None:
        self._activities: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Condition()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-channel", daemon=True)
        self._runner: web.AppRunner | None = None
        self.url = ""
        self._counter = 0

    # ---- lifecycle ----------------------------------------------------------------------------
    def __enter__(self) -> FakeChannel:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _start(self) -> None:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._post)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._post)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._post)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        app.router.add_get("/v3/conversations/{conversation}/members", self._members)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/"

    async def _stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _post(self, request: web.Request) -> web.Response:
        conversation = unquote(request.match_info["conversation"])
        activity = await request.json()
        activity["_authorization"] = request.headers.get("Authorization")
        activity["_received"] = clock_from_env().timestamp()  # when it arrived (POSIX seconds, the suite's clock)
        with self._lock:
            self._counter += 1
            self._activities.setdefault(conversation, []).append(activity)
            self._lock.notify_all()
            new_id = f"reply-{self._counter}"
        return web.json_response({"id": new_id}, status=200)

    async def _member(self, request: web.Request) -> web.Response:
        member = unquote(request.match_info["member"])
        return web.json_response({"id": member, "name": "Test user", "aadObjectId": None})

    async def _members(self, request: web.Request) -> web.Response:
        return web.json_response([{"id": "29:member", "name": "Test user"}])

    # ---- reading what the bot sent ---------------------------------------------------------------
    def activities(self, conversation_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._activities.get(conversation_id, []))

    def wait_for(self, conversation_id: str, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Block until the conversation holds at least `count` activities; return them all."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._activities.get(conversation_id, [])) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._lock.wait(left)
            return list(self._activities.get(conversation_id, []))
