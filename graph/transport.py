"""Graph's HTTP on one aiohttp session, as the httpx transport GraphClient uses by default.

httpx's own pool (httpcore on anyio) cost about 2 ms of CPU per request under concurrency (issue 13);
`AiohttpTransport` keeps httpx as the client API and the transport as the test seam (tests give
`httpx.MockTransport` instead), and sends through `AiohttpWire`. Failures are raised as the httpx
exceptions the client already sorts: a connection that could not be made (nothing sent) is
`ConnectError`/`ConnectTimeout`; anything later is ambiguous (`ReadTimeout`, `ReadError`,
`RemoteProtocolError`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import aiohttp
import httpx
from yarl import URL

from graph.http_session import HttpSession

__all__ = ["DROP_RECEIVED", "AiohttpTransport", "AiohttpWire", "WireResponse", "wire_timeout"]

logger = logging.getLogger(__name__)

# Framing, hop-by-hop and encoding headers: aiohttp writes its own (and decodes what it asked for).
_DROP_SENT = frozenset({"content-length", "transfer-encoding", "connection", "keep-alive", "accept-encoding"})
# The body handed back is already decoded: its length and encoding headers no longer describe it.
DROP_RECEIVED = frozenset({"content-encoding", "content-length", "transfer-encoding"})


@dataclass(frozen=True, slots=True)
class WireResponse:
    """Status, raw header pairs and the decoded body bytes of one response."""

    status: int
    headers: list[tuple[str, str]]
    content: bytes
    reason: str = ""


class AiohttpWire:
    """One keep-alive `aiohttp.ClientSession`, opened on first use (it needs the running loop)."""

    def __init__(self, *, limit: int = 100, keepalive_timeout: float = 30.0) -> None:
        self._http = HttpSession(limit=limit, keepalive_timeout=keepalive_timeout)

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: Iterable[tuple[str, str]],
        content: bytes | None,
        limits: aiohttp.ClientTimeout,
    ) -> WireResponse:
        """One request; `url` is sent exactly as given (already percent-encoded)."""
        session = self._http.get()
        try:
            async with session.request(
                method, URL(url, encoded=True), headers=list(headers), data=content,
                allow_redirects=False, timeout=limits,
            ) as response:
                body = await response.read()
                return WireResponse(
                    status=response.status,
                    headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.raw_headers],
                    content=body,
                    reason=response.reason or "",
                )
        except aiohttp.ConnectionTimeoutError as exc:
            raise httpx.ConnectTimeout("connection timed out") from exc
        except aiohttp.SocketTimeoutError as exc:
            raise httpx.ReadTimeout("read timed out") from exc
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError("connection failed") from exc
        except aiohttp.ServerDisconnectedError as exc:
            raise httpx.RemoteProtocolError("server disconnected") from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise httpx.ReadError(type(exc).__name__) from exc

    async def aclose(self) -> None:
        await self._http.close()


def wire_timeout(seconds: float) -> aiohttp.ClientTimeout:
    """The limits `_timeout` gives a request whose four httpx timeouts are all `seconds` (GraphClient's)."""
    return aiohttp.ClientTimeout(total=None, connect=seconds, sock_connect=seconds, sock_read=seconds)


def _timeout(request: httpx.Request) -> aiohttp.ClientTimeout:
    timeout = request.extensions.get("timeout") or {}
    return aiohttp.ClientTimeout(
        total=None,
        connect=timeout.get("pool"),  # aiohttp's `connect` covers waiting for a pooled connection
        sock_connect=timeout.get("connect"),
        sock_read=timeout.get("read"),
    )


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx requests sent through an `AiohttpWire`."""

    def __init__(self, *, limit: int = 100, keepalive_timeout: float = 30.0) -> None:
        self._wire = AiohttpWire(limit=limit, keepalive_timeout=keepalive_timeout)

    @property
    def wire(self) -> AiohttpWire:
        """The aiohttp wire under this transport (GraphClient sends its default transport's requests to it)."""
        return self._wire

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
        try:
            answer = await self._wire.send(
                request.method, str(request.url),
                headers=[(k, v) for k, v in headers if k.lower() not in _DROP_SENT],
                content=body or None, limits=_timeout(request),
            )
        except httpx.TransportError as exc:
            exc.request = request
            raise
        return httpx.Response(
            status_code=answer.status,
            headers=[(k, v) for k, v in answer.headers if k.lower() not in DROP_RECEIVED],
            stream=httpx.ByteStream(answer.content),
            request=request,
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": answer.reason.encode()},
        )

    async def aclose(self) -> None:
        await self._wire.aclose()
