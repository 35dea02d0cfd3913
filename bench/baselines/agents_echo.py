"""The Microsoft 365 Agents SDK echo agent (microsoft-agents-hosting-aiohttp), as in its quick-start sample.

It runs in its own virtual environment (bench/requirements/agents-sdk.txt), never in MIPA's: anonymous inbound
requests (no client id, as the benchmark's other bots), memory storage, one reply per message.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from bench.baselines._serve import health, parse_args, serve

__all__ = ["create_app", "main"]


def create_app() -> web.Application:
    """The sample's wiring: AgentApplication on a CloudAdapter, the JWT middleware, POST /api/messages."""
    from microsoft_agents.authentication.msal import MsalConnectionManager
    from microsoft_agents.hosting.aiohttp import (
        CloudAdapter,
        jwt_authorization_middleware,
        start_agent_process,
    )
    from microsoft_agents.hosting.core import AgentApplication, MemoryStorage, TurnContext, TurnState
    from microsoft_agents.hosting.core.authorization import AgentAuthConfiguration

    config = AgentAuthConfiguration(anonymous_allowed=True)
    connections = MsalConnectionManager(connections_configurations={"SERVICE_CONNECTION": config})
    adapter = CloudAdapter(connection_manager=connections)
    agent: Any = AgentApplication[TurnState](storage=MemoryStorage(), adapter=adapter, connection_manager=connections)

    @agent.activity("message")  # type: ignore[misc]
    async def on_message(context: TurnContext, _state: TurnState) -> None:
        await context.send_activity(f"Echo: {context.activity.text}")

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await start_agent_process(request, agent, adapter)
        return response if response is not None else web.Response(status=202)

    app = web.Application(middlewares=[jwt_authorization_middleware])
    app["agent_configuration"] = config
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", health)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv, description=__doc__ or "")
    serve(create_app(), name="agents sdk echo", host=args.host, port=args.port)


if __name__ == "__main__":
    main(sys.argv[1:])
