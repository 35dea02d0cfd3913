"""An httpx transport on one aiohttp session: the Graph client's HTTP without httpcore's per-request cost.

httpx's own pool (httpcore on anyio) costs several milliseconds of CPU per request under concurrency
(it rescans every pooled connection and asks each socket for its peer name); aiohttp's connector costs
a fraction of that. `GraphClient` keeps its httpx API (requests, retries, MockTransport in tests) and
only the wire changes. Transport failures are raised as the httpx exceptions the client already sorts:
a connection that could not be made (nothing sent) is `ConnectError`/`ConnectTimeout`, anything after
that is ambiguous (`ReadTimeout`, `ReadError`, `RemoteProtocolError`).
"""

from __future__ import annotations

import logging

import aiohttp
import httpx
from yarl import URL

__all__ = ["AiohttpTransport"]

logger = logging.getLogger(__name__)

# Hop-by-hop and framing headers: aiohttp writes its own from the body it sends.
_DROP = frozenset({"content-length", "transfer-encoding", "connection", "keep-alive"})


def _timeout(request: httpx.Request) -> aiohttp.ClientTimeout:
    timeout = request.extensions.get("timeout") or {}
    return aiohttp.ClientTimeout(
        total=None,
        connect=timeout.get("pool"),  # aiohttp's `connect` covers waiting for a pooled connection
        sock_connect=timeout.get("connect"),
        sock_read=timeout.get("read"),
    )


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx requests sent through one keep-alive `aiohttp.ClientSession`, opened on first use."""

    def __init__(self, *, limit: int = 100, keepalive_timeout: float = 30.0) -> None:
        self._limit = limit
        self._keepalive_timeout = keepalive_timeout
        self._session: aiohttp.ClientSession | None = None

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(
                    limit=self._limit, ttl_dns_cache=300, keepalive_timeout=self._keepalive_timeout
                ),
                auto_decompress=False,  # httpx decodes Content-Encoding itself
                skip_auto_headers=("User-Agent", "Accept-Encoding"),  # httpx sends its own
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._get_session()
        body = await request.aread()
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw
                   if k.decode("latin-1").lower() not in _DROP]
        try:
            async with session.request(
                request.method,
                URL(str(request.url), encoded=True),
                headers=headers,
                data=body or None,
                allow_redirects=False,
                timeout=_timeout(request),
            ) as response:
                content = await response.read()
                return httpx.Response(
                    status_code=response.status,
                    headers=list(response.raw_headers),
                    stream=httpx.ByteStream(content),
                    request=request,
                    extensions={"http_version": b"HTTP/1.1", "reason_phrase": (response.reason or "").encode()},
                )
        except aiohttp.ConnectionTimeoutError as exc:
            raise httpx.ConnectTimeout("connection timed out", request=request) from exc
        except aiohttp.SocketTimeoutError as exc:
            raise httpx.ReadTimeout("read timed out", request=request) from exc
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError("connection failed", request=request) from exc
        except aiohttp.ServerDisconnectedError as exc:
            raise httpx.RemoteProtocolError("server disconnected", request=request) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise httpx.ReadError(type(exc).__name__, request=request) from exc

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
