"""HTTP endpoint `POST /api/messages` with protocol-correct statuses (`GET /healthz` lives in app.py)."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus

from aiohttp import web
from aiohttp.typedefs import Handler
from botbuilder.core import Bot
from botbuilder.integration.aiohttp import CloudAdapter

from bots.adapter import AppCloudAdapter
from bots.errors import AuthenticationUnavailable
from bots.sdkfix.b11_bearer_errors import BEARER_ERRORS
from graph.json_codec import loads

__all__ = ["MAX_BODY_BYTES", "make_messages_handler"]

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


def _problem(status: int, message: str) -> web.Response:
    code = HTTPStatus(status).phrase.replace(" ", "")
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


def make_messages_handler(adapter: CloudAdapter, bot: Bot) -> Handler:
    async def messages(request: web.Request) -> web.StreamResponse:
        if request.content_type != "application/json":
            return _problem(415, "Content-Type must be application/json.")
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return _problem(413, "The activity is larger than 256 KB.")
        try:
            body = await request.read()  # aiohttp keeps it for the adapter's request.json()
        except web.HTTPRequestEntityTooLarge:
            return _problem(413, "The activity is larger than 256 KB.")
        try:
            activity = loads(body)  # orjson, json.loads for what it refuses (graph/json_codec.py)
        except (UnicodeDecodeError, json.JSONDecodeError):
            return _problem(400, "The body is not valid JSON.")
        if not isinstance(activity, dict) or not isinstance(activity.get("type"), str):
            return _problem(400, "The body is not an activity: it needs a type.")
        try:
            if isinstance(adapter, AppCloudAdapter):  # the body is parsed once, the activity built without msrest
                response = await adapter.process_json(request, activity, bot)
            else:
                response = await adapter.process(request, bot)
        except PermissionError:
            return _problem(401, "Unauthorized.")
        except AuthenticationUnavailable:  # our side cannot check the token: the channel may retry
            response = _problem(503, "Authentication is unavailable; retry later.")
            response.headers["Retry-After"] = "5"
            return response
        except BEARER_ERRORS:  # expired or malformed bearer (B11): 401, not 500
            return _problem(401, "Unauthorized.")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            logger.warning("activity rejected: %s", type(exc).__name__)
            return _problem(400, "The activity is missing required fields.")
        return response if response is not None else web.Response(status=201)

    return messages
