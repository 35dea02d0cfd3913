"""The Graph HTTP client: one httpx client per process (over one aiohttp keep-alive session), retries, paging."""

from __future__ import annotations

import asyncio
import json as jsonlib
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx

from clock import Clock, clock_from_env

from .errors import GraphError, GraphRequestError, error_from_response
from .json_codec import loads
from .odata import query_string
from .response import GraphResponse, Params, Reconcile
from .retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from .transport import DROP_RECEIVED as _DROPPED
from .transport import AiohttpTransport, AiohttpWire, wire_timeout

if TYPE_CHECKING:
    from .batch import BatchRequest, BatchResponse
    from .user import UserGraph

__all__ = ["GraphClient", "GraphResponse", "Reconcile"]

logger = logging.getLogger(__name__)

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})



def _decode(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return loads(response.content)
    except ValueError:
        return response.text


#: httpx's own headers on every request (its client's defaults that the wire does not replace: aiohttp writes its
#: own Accept-Encoding and Connection, and Host from the URL).
_CLIENT_HEADERS = (("User-Agent", f"python-httpx/{httpx.__version__}"),)
#: What a URL may carry as it is (RFC 3986 unreserved and reserved characters and `%`): `url()` and Graph's
#: nextLinks hold nothing else, so they go out verbatim; httpx quotes anything else first (tests/graph/test_transport.py).
_VERBATIM = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


_RESOURCE_WORDS = frozenset({
    "me", "users", "groups", "planner", "sites", "drive", "drives", "todo", "events", "calendar",
    "calendarView", "messages", "contacts", "people", "mailboxSettings", "$batch", "tasks", "plans",
    "buckets", "lists", "items", "recent", "sharedWithMe", "findMeetingTimes", "getSchedule",
})


def _route(path: str) -> str:
    """A loggable shape of a path: its first two segments, ids and names replaced by `{id}`."""
    bare = path.split("?", 1)[0]
    if "://" in bare:
        bare = "/" + bare.split("://", 1)[1].split("/", 2)[-1]
    segments = [s for s in bare.split("/") if s][:2]
    return "/" + "/".join(s if s in _RESOURCE_WORDS else "{id}" for s in segments)


class GraphClient:
    """Thin async Microsoft Graph client on httpx; by default its transport is one aiohttp keep-alive session.

    ``timeout`` bounds one HTTP request, ``budget`` one call including every retry and wait,
    ``retry_cap`` the longest single wait (a longer `Retry-After` is raised as ``Throttled``),
    ``page_cap`` how many pages a listing follows.
    """

    def __init__(
        self,
        *,
        base_url: str,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,
        budget: float = 15.0,
        max_retries: int = 3,
        retry_cap: float = 8.0,
        page_cap: int = 10,
        backoff: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Clock | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.budget = budget
        self.page_cap = page_cap
        self.policy = RetryPolicy(max_retries=max_retries, retry_cap=retry_cap, base_delay=backoff)
        # Default: httpx over one aiohttp keep-alive session. httpcore's own pool cost ~2 ms of CPU per
        # request at 16 conversations (issue 13); the transport stays the test seam (MockTransport).
        self._transport: httpx.AsyncBaseTransport
        #: The default transport's wire, called without building httpx's request and response (`_exchange`).
        self._wire: AiohttpWire | None = None
        if transport is None:
            default = AiohttpTransport(limit=100)
            self._transport, self._wire = default, default.wire
        else:
            self._transport = transport
        self._sleep = sleep
        self._clock = clock
        #: "Now" as the server stamps it (createdDateTime): the app's clock (clock.py), for reconciling writes.
        self.wall_clock: Clock = wall_clock if wall_clock is not None else clock_from_env()
        self._http: httpx.AsyncClient | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def _client(self) -> httpx.AsyncClient:
        """The one httpx client of the process, over its transport."""
        if self._http is None:
            self._http = httpx.AsyncClient(transport=self._transport, timeout=self.timeout, follow_redirects=False)
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()  # closes the transport (and its aiohttp session) too
            self._http = None
        elif self._wire is not None:
            await self._transport.aclose()  # requests went straight to the wire: no httpx client to close it

    async def __aenter__(self) -> GraphClient:
        self._client()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def for_user(self, token: str, *, time_zone: str | None = None) -> UserGraph:
        """The per-turn facade over this client for one user's token; ``time_zone`` (IANA), when the
        channel told us, spares reading mailbox settings just to convert times."""
        from .user import UserGraph

        return UserGraph(client=self, token=token, time_zone=time_zone)

    # -- requests ----------------------------------------------------------------------------

    def url(self, path: str, params: Params | None = None) -> str:
        """Absolute URL for a path relative to the base (``/me/events``) or an absolute nextLink."""
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url + "/" + path.lstrip("/") + query_string(params or {})

    def deadline(self) -> float:
        return self._clock() + self.budget

    def remaining(self, deadline: float) -> float:
        return deadline - self._clock()

    async def request(
        self,
        method: str,
        path: str,
        *,
        token: str,
        params: Params | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        reconcile: Reconcile | None = None,
        deadline: float | None = None,
    ) -> GraphResponse:
        """Send one Graph request, retrying 429/503/504 and connection errors within the budget.

        A write that is not idempotent is resent after an ambiguous failure (503, 504, a lost
        connection) only once ``reconcile`` has confirmed the write did not land; without
        ``reconcile`` the failure is raised. A 429 was refused unprocessed and is always retried.
        """
        method = method.upper()
        if idempotent is None:
            idempotent = method in _IDEMPOTENT
        deadline = self.deadline() if deadline is None else deadline
        url = self.url(path, params)
        route = _route(path)
        attempt = 0
        while True:
            attempt += 1
            remaining = self.remaining(deadline)
            if remaining <= 0:
                raise GraphRequestError(f"time budget exhausted before {method} {route}")
            try:
                response = await self._send(method, url, token, json, headers, attempt, remaining, route)
            except httpx.TransportError as exc:
                ambiguous = not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                failure: GraphError = GraphRequestError(f"{type(exc).__name__} on {method} {route}")
                failure.__cause__ = exc
                status, retry_after = 0, None
            else:
                if response.status < 400:
                    return response
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                failure = error_from_response(
                    status=response.status, headers=response.headers, body=response.body, retry_after=retry_after
                )
                status = response.status
                if status not in RETRYABLE_STATUSES:
                    raise failure
                ambiguous = status != 429
            if ambiguous and not idempotent:
                if reconcile is None:
                    raise failure
                landed = await reconcile()
                if landed is not None:
                    logger.info("graph %s %s: write had landed before status %s", method, route, status)
                    return landed
            wait = self.policy.delay(attempt, retry_after, throttled=status == 429)
            if wait is None or wait >= self.remaining(deadline):
                raise failure
            logger.info("graph %s %s: status %s, retry %d in %.2fs", method, route, status, attempt, wait)
            await self._sleep(wait)

    async def _send(
        self,
        method: str,
        url: str,
        token: str,
        json: Any,
        headers: Mapping[str, str] | None,
        attempt: int,
        remaining: float,
        route: str,
    ) -> GraphResponse:
        send_headers = {
            "Authorization": f"Bearer {token}",
            "client-request-id": str(uuid.uuid4()),
            "Accept": "application/json",
        }
        if attempt > 1:
            send_headers["Retry-Attempt"] = str(attempt - 1)
        if headers:
            send_headers.update(headers)
        started = self._clock()
        timeout = min(self.timeout, max(0.05, remaining))
        status, received, body = await self._exchange(method, url, json, send_headers, timeout)
        result = GraphResponse(status=status, headers=received, body=body, request_id=received.get("request-id"))
        logger.debug(
            "graph %s %s -> %s request-id=%s client-request-id=%s %.0fms",
            method,
            route,
            result.status,
            result.request_id,
            send_headers["client-request-id"],
            (self._clock() - started) * 1000,
        )
        return result

    async def _exchange(
        self, method: str, url: str, json: Any, headers: Mapping[str, str], seconds: float
    ) -> tuple[int, dict[str, str], Any]:
        """What `AsyncClient.request` does for Graph: status, lower-cased headers and the decoded body.

        The same request (the client's default headers under ours, the JSON body, the timeout extension) and
        the response read whole; without the client's per-request cookie jar, auth and redirect machinery,
        which Graph calls never use (no cookies, no auth flow, redirects off): ~60 µs of CPU a request. On the
        default transport, the same bytes go straight to its aiohttp wire, without httpx's request and response
        objects either (tests/graph/test_transport.py compares the bytes sent and the answers read with httpx's own
        transport).
        """
        if self._wire is not None:
            return await self._wire_exchange(self._wire, method, url, json, headers, seconds)
        response = await self._httpx_exchange(method, url, json, headers, seconds)
        return response.status_code, {k.lower(): v for k, v in response.headers.items()}, _decode(response)

    async def _wire_exchange(
        self, wire: AiohttpWire, method: str, url: str, json: Any, headers: Mapping[str, str], seconds: float
    ) -> tuple[int, dict[str, str], Any]:
        ours = {name.lower() for name in headers}
        sent = [(name, value) for name, value in _CLIENT_HEADERS if name.lower() not in ours]
        sent += headers.items()
        content = None
        if json is not None:  # as httpx encodes `json=`
            content = jsonlib.dumps(json, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
            if "content-type" not in ours:  # httpx's setdefault: a type the caller gave stays the only one
                sent.append(("Content-Type", "application/json"))
        if not _VERBATIM.fullmatch(url):
            url = str(httpx.URL(url))
        answer = await wire.send(method, url, headers=sent, content=content, limits=wire_timeout(seconds))
        received: dict[str, str] = {}
        for name, value in answer.headers:
            key = name.lower()
            if key not in _DROPPED:
                received[key] = f"{received[key]}, {value}" if key in received else value  # as httpx joins them
        if not answer.content:
            return answer.status, received, None
        try:
            return answer.status, received, loads(answer.content)
        except ValueError:  # not JSON: the text as httpx decodes it (the Content-Type's charset, else UTF-8)
            kept = [(name, value) for name, value in answer.headers if name.lower() not in _DROPPED]
            text = httpx.Response(answer.status, headers=kept, content=answer.content).text
            return answer.status, received, text

    async def _httpx_exchange(
        self, method: str, url: str, json: Any, headers: Mapping[str, str], seconds: float
    ) -> httpx.Response:
        client = self._client()
        merged = client.headers.copy()
        merged.update(headers)
        request = httpx.Request(
            method, url, headers=merged, json=json,
            extensions={"timeout": {"connect": seconds, "read": seconds, "write": seconds, "pool": seconds}},
        )
        response = await self._transport.handle_async_request(request)
        response.request = request
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    # -- paging ------------------------------------------------------------------------------

    async def pages(
        self,
        path: str,
        *,
        token: str,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        page_cap: int | None = None,
        deadline: float | None = None,
    ) -> AsyncIterator[GraphResponse]:
        """Each page of a collection, following ``@odata.nextLink`` verbatim (same headers) up to a cap."""
        cap = self.page_cap if page_cap is None else page_cap
        deadline = self.deadline() if deadline is None else deadline
        next_path: str | None = path
        next_params = params
        count = 0
        while next_path is not None and count < cap:
            page = await self.request(
                "GET", next_path, token=token, params=next_params, headers=headers, deadline=deadline
            )
            count += 1
            yield page
            link = page.json().get("@odata.nextLink")
            next_path = link if isinstance(link, str) and link else None
            next_params = None

    async def get_all(
        self,
        path: str,
        *,
        token: str,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        page_cap: int | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """The ``value`` items of every page, up to ``page_cap`` pages or ``limit`` items."""
        items: list[dict[str, Any]] = []
        async for page in self.pages(path, token=token, params=params, headers=headers, page_cap=page_cap):
            items.extend(page.values())
            if limit is not None and len(items) >= limit:
                return items[:limit]
        return items

    async def batch(
        self, requests: Sequence[BatchRequest], *, token: str, deadline: float | None = None
    ) -> dict[str, BatchResponse]:
        """Run requests through ``$batch`` (20 per call); see :func:`graph.batch.run_batch`."""
        from .batch import run_batch

        return await run_batch(self, requests, token=token, deadline=deadline)

