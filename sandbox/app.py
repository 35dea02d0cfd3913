"""The sandbox's aiohttp application factory: Graph at /v1.0, token service, admin API."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from aiohttp import web

from clock import Clock, clock_from_env

from .state import STATE, SandboxState

logger = logging.getLogger(__name__)

__all__ = ["STATE", "create_app"]


@web.middleware
async def graph_errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Nothing leaves as a traceback: unexpected errors and unknown routes get Graph's error body."""
    from .errors import GraphError
    from .graph.pipeline import error_body
    from .jsonbody import json_response

    try:
        return await handler(request)
    except GraphError as exc:
        error = exc
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = {404: "ResourceNotFound", 405: "Request_BadRequest"}.get(exc.status, "BadRequest")
        message = {404: "Resource could not be discovered.", 405: "Specified HTTP method is not allowed for the request target."}.get(exc.status, exc.reason)
        error = GraphError(exc.status, code, message)
    except Exception:
        logger.exception("sandbox request failed: %s %s", request.method, request.path)
        error = GraphError(500, "generalException", "An unexpected error occurred while processing the request.")
    import uuid

    request_id = str(uuid.uuid4())
    client_request_id = request.headers.get("client-request-id", request_id)
    return json_response(
        error_body(error, request_id, client_request_id),
        status=error.status,
        headers={"request-id": request_id, "client-request-id": client_request_id},
    )


def create_app(
    *, seed_date: date | None = None, faults: dict[str, Any] | None = None, auto_signin: bool = False, deprecated_empty: bool = False,
    clock: Clock | None = None,
) -> web.Application:
    """A sandbox application with its own tenant, key, faults and logs.

    `clock` is the sandbox's "now" (default: the system clock moved by MIPA_CLOCK_OFFSET, see clock.py);
    without `seed_date` each person's demo week is built around their own today by that clock.
    """
    from . import admin, tokenservice
    from .graph import build_router
    from .graph.pipeline import make_graph_handler

    app = web.Application(middlewares=[graph_errors], client_max_size=4 * 1024 * 1024)
    app[STATE] = SandboxState.create(
        seed_date=seed_date, faults=faults, auto_signin=auto_signin, deprecated_empty=deprecated_empty,
        clock=clock if clock is not None else clock_from_env(),
    )
    handler = make_graph_handler(STATE, build_router())
    app.router.add_route("*", "/v1.0", handler)
    app.router.add_route("*", "/v1.0/{tail:.*}", handler)
    app.router.add_route("*", "/beta/{tail:.*}", _beta)
    tokenservice.register(app)
    admin.register(app)
    app.on_cleanup.append(_close_hub)
    return app


async def _close_hub(app: web.Application) -> None:
    await app[STATE].hub.close()


async def _beta(request: web.Request) -> web.Response:
    from .errors import GraphError

    raise GraphError(400, "BadRequest", "The sandbox serves Graph v1.0 only; /beta is out of scope.")
