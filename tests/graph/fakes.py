"""A small fake Graph for unit tests: routes on an httpx.MockTransport, a request log, and `$batch`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx

from graph.client import GraphClient

BASE = "https://graph.test/v1.0"

Handler = Callable[[httpx.Request, dict[str, Any]], httpx.Response]


class FakeGraph:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.log: list[httpx.Request] = []
        self.inner: list[dict[str, Any]] = []

    def route(self, method: str, path: str, handler: Handler | dict[str, Any] | list[Any]) -> None:
        if not callable(handler):
            body = handler if isinstance(handler, dict) else {"value": handler}
            self.routes[(method, path)] = lambda request, _ctx: httpx.Response(200, json=body)
        else:
            self.routes[(method, path)] = handler

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        path = unquote(urlsplit(str(request.url)).path).removeprefix("/v1.0")
        handler = self.routes.get((request.method, path))
        if handler is None:
            return httpx.Response(404, json={"error": {"code": "ResourceNotFound", "message": "no route"}})
        return handler(request, {"path": path})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.log.append(request)
        if request.url.path.endswith("/$batch"):
            responses = []
            for item in json.loads(request.content)["requests"]:
                self.inner.append(item)
                inner = httpx.Request(
                    item["method"],
                    BASE + "/" + item["url"].lstrip("/"),
                    headers=item.get("headers") or {},
                    json=item.get("body"),
                )
                answer = self._dispatch(inner)
                body = answer.json() if answer.content else None
                responses.append(
                    {"id": item["id"], "status": answer.status_code, "headers": dict(answer.headers), "body": body}
                )
            return httpx.Response(200, json={"responses": list(reversed(responses))})
        return self._dispatch(request)

    def client(self, **kwargs: Any) -> GraphClient:
        async def no_sleep(_seconds: float) -> None:
            return None

        return GraphClient(base_url=BASE, transport=httpx.MockTransport(self), sleep=no_sleep, **kwargs)

    def count(self, method: str, path_part: str) -> int:
        return sum(1 for r in self.log if r.method == method and path_part in str(r.url))


MAILBOX = {
    "timeZone": "Romance Standard Time",
    "workingHours": {
        "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
        "startTime": "09:00:00.0000000",
        "endTime": "17:00:00.0000000",
        "timeZone": {"name": "Romance Standard Time"},
    },
    "language": {"locale": "fr-FR"},
}


def error(status: int, code: str = "", headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": "m"}}, headers=headers or {})
