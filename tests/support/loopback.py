"""An aiohttp app, or one handler for every path, served on a free loopback port for the length of a `with`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiohttp import web

__all__ = ["serve_app", "serve_handler"]


@asynccontextmanager
async def serve_app(app: web.Application) -> AsyncIterator[str]:
    """`http://127.0.0.1:PORT` while `app` runs there (no access log); cleaned up on the way out."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serve_handler(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> AsyncIterator[str]:
    """`serve_app` of an app that sends every method and path to `handler`."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    async with serve_app(app) as url:
        yield url
