"""Baseline: a bare aiohttp handler that posts one reply to the channel (no SDK, no state, no Graph)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from aiohttp import web

from bench.baselines._channel import SESSION, post_reply, session_ctx
from bench.baselines._serve import health, parse_args, serve

__all__ = ["create_app", "main"]


async def messages(request: web.Request) -> web.Response:
    activity = await request.json()
    if activity.get("type") == "message":
        await post_reply(request.app[SESSION], activity, f"Echo: {activity.get('text') or ''}")
    return web.Response(status=201)


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(session_ctx)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", health)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv, description=__doc__ or "")
    serve(create_app(), name="bare reply", host=args.host, port=args.port)


if __name__ == "__main__":
    main(sys.argv[1:])
