"""The Teams SDK for Python echo bot (microsoft-teams-apps), as in its quick-start sample.

It runs in its own virtual environment (bench/requirements/teams-sdk.txt), never in MIPA's: FastAPI on uvicorn
as the SDK starts it (bound to 127.0.0.1, quiet logs), unauthenticated inbound requests (no client id,
as the benchmark's other bots), one reply per message, plus GET /healthz for the start-up measure.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from typing import Any


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3978)
    return parser.parse_args(argv)

__all__ = ["main"]


def create_app(host: str, port: int) -> Any:
    import uvicorn
    from fastapi import FastAPI
    from fastapi.responses import PlainTextResponse
    from microsoft_teams.apps import ActivityContext, App
    from microsoft_teams.apps.http import FastAPIAdapter

    def server(fastapi: FastAPI) -> uvicorn.Server:
        return uvicorn.Server(uvicorn.Config(app=fastapi, host=host, port=port, log_level="warning", access_log=False))

    adapter = FastAPIAdapter(server_factory=server)
    adapter.app.add_api_route("/healthz", lambda: PlainTextResponse("ok"), methods=["GET"])
    app = App(http_server_adapter=adapter, dangerously_allow_unauthenticated_requests=True)

    @app.on_message  # type: ignore[misc]
    async def on_message(ctx: ActivityContext[Any]) -> None:
        await ctx.send(f"Echo: {ctx.activity.text}")

    return app


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print(f"teams sdk echo listening on http://{args.host}:{args.port}", flush=True)
    asyncio.run(create_app(args.host, args.port).start(args.port))


if __name__ == "__main__":
    main(sys.argv[1:])
