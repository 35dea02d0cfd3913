"""The stock echo bot on botbuilder 4.17.1, as in Microsoft's 02.echo-bot sample (no state, no Graph)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.integration import aiohttp_error_middleware
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import ChannelAccount

from bench.baselines._serve import health, parse_args, serve

__all__ = ["DefaultConfig", "EchoBot", "create_app", "main"]

logger = logging.getLogger(__name__)


class DefaultConfig:
    """The sample's config.py, with no app id: the adapter runs without inbound authentication."""

    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    """The sample's bot: echoes every message, welcomes new members."""

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        for member in members_added:
            if member.id != turn_context.activity.recipient.id:
                await turn_context.send_activity("Hello and welcome!")

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def create_app() -> web.Application:
    """The sample's app.py wiring (config, adapter, error handler, bot, route), built on call, not import."""
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(DefaultConfig()))

    async def on_error(context: TurnContext, error: Exception) -> None:
        logger.error("unhandled error in turn: %s", type(error).__name__)
        await context.send_activity("The bot encountered an error or bug.")

    adapter.on_turn_error = on_error
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    app = web.Application(middlewares=[aiohttp_error_middleware])
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", health)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv, description=__doc__ or "")
    serve(create_app(), name="echo bot", host=args.host, port=args.port)


if __name__ == "__main__":
    main(sys.argv[1:])
