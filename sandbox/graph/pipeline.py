"""One Graph call end to end: faults, authentication, scopes, routing, logging; and its aiohttp face."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from ..errors import GraphError
from ..faults import WWW_AUTH, claims_challenge, error_for, mailbox_concurrency
from ..jsonbody import dumps
from ..state import SandboxState
from ..tokens import TokenInvalid
from .core import FORBIDDEN, JSON_CONTENT_TYPE, Ctx, GraphRequest, GraphResponse, Router

logger = logging.getLogger(__name__)

__all__ = ["error_body", "graph_handler", "process"]


def error_body(error: GraphError, request_id: str, client_request_id: str) -> dict[str, Any]:
    inner: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        "request-id": request_id,
        "client-request-id": client_request_id,
    }
    if error.inner_code:
        inner["code"] = error.inner_code
        if error.inner_code == "429":
            inner["status"] = "429"
    return {"error": {"code": error.code, "message": error.message, "innerError": inner}}


def _normalise_path(path: str, state: SandboxState, oid: str) -> str:
    """`/users/{me}/x` → `/me/x`; another person's data → 403."""
    parts = path.split("/")
    if len(parts) > 3 and parts[1].lower() == "users":
        from urllib.parse import unquote

        person = state.tenant.person(unquote(parts[2]).strip("()'"))
        if person is None:
            raise GraphError(404, "Request_ResourceNotFound", f"Resource '{parts[2]}' does not exist or one of its queried reference-property objects are not present.")
        if person.id != oid:
            raise GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        return "/me/" + "/".join(parts[3:])
    return path


async def process(state: SandboxState, router: Router, request: GraphRequest) -> GraphResponse:
    """Run one Graph request through faults, auth and its handler; log it."""
    started = time.perf_counter()
    generation = state.log_generation
    request_id = str(uuid.uuid4())
    client_request_id = request.header("client-request-id") or request_id
    user_id: str | None = None
    fault_name: str | None = None
    faults = state.faults
    mailbox: str | None = None
    delay = 0.0
    try:
        try:
            post: str | None = None
            extra: dict[str, str] = {}
            if faults.active and request.path != "/$batch":
                delay = faults.delay_seconds()
                caller = hashlib.sha256((request.header("authorization") or "").encode()).hexdigest()[:16]
                injected, post, extra = faults.before(request.method, "/v1.0" + request.path, caller,
                                                      now=state.clock.timestamp())
                if injected is not None:
                    fault_name = f"{injected.status}"
                    raise injected
            auth = request.header("authorization") or ""
            token = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
            try:
                principal = state.issuer.verify(token)
            except TokenInvalid as exc:
                raise GraphError(401, "InvalidAuthenticationToken", exc.message, headers={"WWW-Authenticate": WWW_AUTH}) from exc
            user_id = principal.oid
            if token in faults.revoked_tokens or post == "claims_challenge":
                faults.revoked_tokens.add(token)
                fault_name = "claims_challenge"
                raise claims_challenge(principal.issued_at + 1)
            if principal.app_only and (request.path.lower() == "/me" or request.path.lower().startswith("/me/")):
                raise GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow.")
            path = _normalise_path(request.path, state, principal.oid)
            route, params = router.match(request.method, path)
            if route.scopes and not (route.scopes & principal.scopes):
                code, message = FORBIDDEN[route.workload]
                raise GraphError(403, code, message)
            if route.workload == "outlook" and faults.mailbox_concurrency:
                # Graph lets an app have 4 Outlook requests in flight per mailbox; the one over gets a 429.
                in_flight = state.mailbox_in_flight.get(principal.oid, 0)
                if in_flight >= faults.mailbox_concurrency:
                    fault_name = "mailbox_concurrency"
                    raise mailbox_concurrency(faults.retry_after(faults.mailbox_retry_after))
                mailbox = principal.oid
                state.mailbox_in_flight[mailbox] = in_flight + 1
            if delay:  # the latency fault: time in Graph, holding the mailbox's slot
                pending, delay = delay, 0.0
                await asyncio.sleep(pending)
            response = await route.handler(Ctx(request=request, principal=principal, state=state, params=params))
            response.headers.update(extra)
            if post == "commit_then_504" and request.method in ("POST", "PATCH", "PUT", "DELETE"):
                fault_name = "commit_then_504"
                raise error_for(504, None)
        except GraphError:
            raise
        except Exception as exc:  # any bug becomes Graph's 500, never a traceback on the wire
            logger.exception("sandbox handler failed for %s %s", request.method, request.path)
            raise GraphError(500, "generalException", "An unexpected error occurred while processing the request.") from exc
    except GraphError as error:
        if delay:  # an error answered before the handler is as far away as a success
            await asyncio.sleep(delay)
        response = GraphResponse(error.status, error_body(error, request_id, client_request_id), dict(error.headers))
    finally:
        if mailbox is not None:
            left = state.mailbox_in_flight.get(mailbox, 1) - 1
            if left > 0:
                state.mailbox_in_flight[mailbox] = left
            else:
                state.mailbox_in_flight.pop(mailbox, None)
    response.headers["request-id"] = request_id
    response.headers["client-request-id"] = client_request_id
    elapsed = (time.perf_counter() - started) * 1000
    if generation != state.log_generation:
        return response  # started before a reset or a log clear: not part of the new log
    if len(state.log) >= 50_000:
        del state.log[:10_000]
    state.log.append(
        {
            "method": request.method,
            "path": "/v1.0" + request.path + (("?" + request.raw_query) if request.raw_query else ""),
            "status": response.status,
            "userId": user_id,
            "durationMs": round(elapsed, 3),
            "inBatch": request.in_batch,
            "startMs": round(started * 1000, 3),
            "requestId": request_id,
            "clientRequestId": client_request_id,
            "fault": fault_name,
        }
    )
    return response


def to_web(response: GraphResponse) -> web.Response:
    headers = dict(response.headers)
    headers.setdefault("Cache-Control", "no-cache")
    if response.body is None:
        return web.Response(status=response.status, headers=headers)
    if isinstance(response.body, str):
        headers["Content-Type"] = "text/plain"
        return web.Response(status=response.status, text=response.body, headers=headers)
    if response.status < 400:
        headers["OData-Version"] = "4.0"
    headers["Content-Type"] = JSON_CONTENT_TYPE if response.status < 400 else "application/json"
    return web.Response(status=response.status, body=dumps(response.body), headers=headers)


def make_graph_handler(state_key: web.AppKey[SandboxState], router: Router) -> Any:
    async def graph_handler(request: web.Request) -> web.Response:
        state = request.app[state_key]
        raw_path, _, raw_query = request.raw_path.partition("?")
        path = (raw_path[len("/v1.0") :] or "/").replace("%24", "$")
        body = await request.read()
        base = str(request.url.origin()) + "/v1.0"
        graph_request = GraphRequest(
            method=request.method,
            path=path,
            raw_query=raw_query,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            base_url=base,
        )
        response = await process(state, router, graph_request)
        return to_web(response)

    return graph_handler


graph_handler = make_graph_handler
