"""JSON batching: POST /$batch with up to 20 concurrent requests, dependsOn chains and 424s (reference §5.10)."""

from __future__ import annotations

import asyncio
import json
import random
from typing import Any
from urllib.parse import urlsplit

from ..errors import GraphError
from .core import JSON_CONTENT_TYPE, Ctx, GraphRequest, GraphResponse, Router, ok, require_content_type

__all__ = ["MAX_REQUESTS", "register"]

MAX_REQUESTS = 20


def _bad(message: str) -> GraphError:
    return GraphError(400, "BadRequest", message)


def _validate(body: dict[str, Any]) -> list[dict[str, Any]]:
    items = body.get("requests")
    if not isinstance(items, list) or not items:
        raise _bad("Invalid batch payload format.")
    if len(items) > MAX_REQUESTS:
        raise _bad("Number of requests inside batch exceed the limit")
    seen: list[str] = []
    for item in items:
        if not isinstance(item, dict) or not item.get("id") or not item.get("method") or not item.get("url"):
            raise _bad("Each request in a batch needs id, method and url.")
        item_id = str(item["id"])
        if item_id.lower() in seen:
            raise _bad(f"Request Id {item_id} has to be unique in a batch.")
        for dep in item.get("dependsOn") or []:
            if str(dep).lower() not in seen:
                raise _bad(f"Invalid dependency for request Id {item_id}.")
        seen.append(item_id.lower())
        url = str(item["url"])
        if urlsplit(url).scheme:
            raise _bad(f"Invalid request URL for request Id {item_id}: the URL must be relative.")
        headers = {str(k).lower(): str(v) for k, v in (item.get("headers") or {}).items()}
        if "body" in item and "content-type" not in headers:
            raise _bad(f"Content-Type header is required for request Id {item_id} with a body.")
    return items


#: Outlook requests of one batch that Graph dispatches to the mailbox at the same time (graph-api.md §6.1).
OUTLOOK_PARALLEL = 4


def _failed_dependency(item_id: str) -> dict[str, Any]:
    body = {"error": {"code": "FailedDependency", "message": "Failed dependency."}}
    return {"id": item_id, "status": 424, "headers": {"Content-Type": "application/json"}, "body": body}


def _is_outlook(router: Router, ctx: Ctx, method: str, path: str) -> bool:
    from .pipeline import _normalise_path

    try:
        route, _ = router.match(method, _normalise_path(path, ctx.state, ctx.principal.oid))
    except GraphError:
        return False
    return route.workload == "outlook"


def make_batch(router: Router) -> Any:
    from .pipeline import process

    async def batch(ctx: Ctx) -> GraphResponse:
        """Independent items run concurrently (Outlook ones at most four at a time), `dependsOn` chains in order."""
        items = _validate(require_content_type(ctx))
        outlook = asyncio.Semaphore(OUTLOOK_PARALLEL)
        runs: dict[str, asyncio.Task[dict[str, Any]]] = {}

        async def run(item: dict[str, Any]) -> dict[str, Any]:
            item_id = str(item["id"])
            for dep in item.get("dependsOn") or []:
                done = await runs[str(dep).lower()]
                if not 200 <= int(done["status"]) < 300:
                    return _failed_dependency(item_id)
            url = "/" + str(item["url"]).lstrip("/")
            path, _, query = url.partition("?")
            method = str(item["method"]).upper()
            headers = {str(k).lower(): str(v) for k, v in (item.get("headers") or {}).items()}
            headers["authorization"] = ctx.request.header("authorization") or ""
            body = item.get("body")
            raw = b"" if body is None else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
            inner = GraphRequest(method=method, path=path, raw_query=query, headers=headers, body=raw, base_url=ctx.request.base_url, in_batch=True)
            if _is_outlook(router, ctx, method, path):
                async with outlook:
                    result = await process(ctx.state, router, inner)
            else:
                result = await process(ctx.state, router, inner)
            entry: dict[str, Any] = {"id": item_id, "status": result.status}
            out_headers = {k: v for k, v in result.headers.items() if k not in ("request-id", "client-request-id")}
            if result.body is not None:
                out_headers["Content-Type"] = JSON_CONTENT_TYPE if result.status < 400 else "application/json"
                entry["body"] = result.body
            entry["headers"] = out_headers
            return entry

        for item in items:  # dependencies come earlier (checked by _validate), so their tasks exist
            runs[str(item["id"]).lower()] = asyncio.ensure_future(run(item))
        responses = list(await asyncio.gather(*runs.values()))
        random.Random(len(ctx.state.log)).shuffle(responses)  # order is not guaranteed (§5.10)
        return ok({"responses": responses})

    return batch


def register(router: Router) -> None:
    router.add("POST", "/$batch", make_batch(router), scopes=(), workload="directory")
