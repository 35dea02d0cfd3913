"""One keep-alive `aiohttp.ClientSession` for an owner: opened on first use (it needs the running loop), closed by it.

The one session holder of the app: Graph's transport (graph/transport.py) and the Bot Framework connector
(bots/connector.py) each keep one. The sandbox keeps its own, since it imports nothing from MIPA.
"""

from __future__ import annotations

import aiohttp

from .json_codec import dumps

__all__ = ["HttpSession"]


class HttpSession:
    """`get()` the session (a new one after `close()`); cookies are never kept; `json=` bodies written by orjson."""

    def __init__(self, *, limit: int = 100, keepalive_timeout: float = 30.0,
                 timeout: aiohttp.ClientTimeout | None = None) -> None:
        self._limit = limit
        self._keepalive_timeout = keepalive_timeout
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    def get(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._limit, ttl_dns_cache=300,
                                             keepalive_timeout=self._keepalive_timeout)
            if self._timeout is None:
                self._session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                                      json_serialize_bytes=dumps)
            else:
                self._session = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                                      timeout=self._timeout, json_serialize_bytes=dumps)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
