"""The hot path of every turn on one aiohttp session: replies to the channel and token-service calls.

The SDK sends both through msrest, which runs `requests` in a thread pool for every call and costs
several milliseconds per turn (issue 13). These classes speak the same wire contracts
(the Bot Connector's `POST /v3/conversations/{id}/activities` and the token service's `/api/usertoken/*`)
with the same models, and delegate everything else to the SDK's own clients. A refused SSO exchange is
None, never an ErrorResponse (B5, bots/sdkfix/).
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import aiohttp
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import AppCredentials, UserTokenClient
from botframework.connector.token_api.models import (
    SignInUrlResponse,
    TokenExchangeRequest,
    TokenResponse,
    TokenStatus,
)
from yarl import URL

from bots.sdkfix.b5_exchange_result import exchange_result
from bots.wire import activity_json, token_response
from graph.http_session import HttpSession
from graph.json_codec import loads

__all__ = ["ChannelError", "FastConnectorClient", "FastUserTokenClient", "channel_session", "activity_json", "token_response"]

logger = logging.getLogger(__name__)

TIMEOUT = aiohttp.ClientTimeout(total=15)


def channel_session() -> HttpSession:
    """The session for the channels and the token service: 15 s per call, aiohttp's 15 s keep-alive."""
    return HttpSession(timeout=TIMEOUT, keepalive_timeout=15.0)


class ChannelError(Exception):
    """The channel or the token service answered with an unexpected status (no body is kept)."""

    def __init__(self, operation: str, status: int, *, retry_after: float | None = None) -> None:
        super().__init__(f"{operation} answered HTTP {status}")
        self.status = status
        #: Seconds from a 429's `Retry-After` header (None when absent or not a number of seconds).
        self.retry_after = retry_after


@lru_cache(maxsize=4096)
def _segment(value: str) -> str:
    """An id as one percent-encoded path segment (a conversation's id comes back on every turn: ~5 µs a quote)."""
    return quote(value, safe="")


@lru_cache(maxsize=1024)
def _query_url(address: str, query: tuple[tuple[str, str], ...]) -> URL:
    """What aiohttp's `params=` makes of `query` on `address`, kept: a person's GetToken URL is the same every turn."""
    return URL(address).extend_query(query)


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


async def _bearer(credentials: AppCredentials | None) -> dict[str, str]:
    """The bot's own bearer for outbound calls; none when authentication is off (no app id)."""
    if credentials is None or not getattr(credentials, "microsoft_app_id", "unknown"):
        return {}
    token = await asyncio.to_thread(credentials.get_access_token)  # MSAL is synchronous (cached)
    return {"Authorization": f"Bearer {token}"}


class _Conversations:
    def __init__(self, owner: FastConnectorClient) -> None:
        self._owner = owner

    async def reply_to_activity(self, conversation_id: str, activity_id: str, activity: Activity) -> ResourceResponse:
        path = f"v3/conversations/{_segment(conversation_id)}/activities/{quote(activity_id, safe='')}"
        return await self._owner.send("POST", path, activity, "reply")

    async def send_to_conversation(self, conversation_id: str, activity: Activity) -> ResourceResponse:
        return await self._owner.send("POST", f"v3/conversations/{_segment(conversation_id)}/activities",
                                      activity, "send")

    async def update_activity(self, conversation_id: str, activity_id: str, activity: Activity) -> ResourceResponse:
        path = f"v3/conversations/{_segment(conversation_id)}/activities/{quote(activity_id, safe='')}"
        return await self._owner.send("PUT", path, activity, "update")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._owner.inner.conversations, name)


class FastConnectorClient:
    """A ConnectorClient stand-in: the frequent calls on aiohttp, the rest on the SDK's client."""

    def __init__(self, *, inner: ConnectorClient, service_url: str, http: HttpSession) -> None:
        self.inner = inner
        self._base = service_url if service_url.endswith("/") else service_url + "/"
        self._http = http
        self.conversations = _Conversations(self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def send(self, method: str, path: str, activity: Activity, operation: str) -> ResourceResponse:
        headers = await _bearer(self.inner.config.credentials)
        # One turn of the loop between building the reply (a card, the SDK's send pipeline) and serialising and
        # sending it: two shorter callbacks instead of one that holds the loop for both (issue 25).
        await asyncio.sleep(0)
        body = activity_json(activity)
        async with self._http.get().request(method, self._base + path, json=body, headers=headers) as response:
            if response.status not in (200, 201, 202):
                raise ChannelError(operation, response.status, retry_after=_seconds(response.headers.get("Retry-After")))
            # The channel's JSON is UTF-8 (RFC 8259): read as bytes and decoded once, orjson first (graph/json_codec.py)
            raw = await response.read() if response.content_length != 0 else b""
            data = loads(raw) if raw.strip() else None
        return ResourceResponse(id=(data or {}).get("id") if isinstance(data, dict) else None)

    async def close(self) -> None:
        await self.inner.close()


class FastUserTokenClient(UserTokenClient):
    """The Bot Framework token service on aiohttp. A failed exchange is None, never an ErrorResponse (B5)."""

    def __init__(
        self, *, app_id: str, base_url: str, credentials: AppCredentials | None, http: HttpSession,
        fallback: UserTokenClient,
    ) -> None:
        super().__init__()
        self._app_id = app_id
        self._base = base_url.rstrip("/")
        self._credentials = credentials
        self._http = http
        self._fallback = fallback

    async def _call(self, method: str, path: str, params: dict[str, str | None], body: Any = None) -> tuple[int, Any]:
        query = tuple((k, v) for k, v in params.items() if v is not None)
        headers = await _bearer(self._credentials)
        session = self._http.get()
        # A sign-in's magic code is never kept, not even in the cache of URLs (aiohttp's `params=` builds the same URL)
        url = _query_url(self._base + path, query) if params.get("code") is None else URL(self._base + path).extend_query(query)
        async with session.request(method, url, json=body, headers=headers) as response:
            raw = await response.read()  # the token service answers JSON in UTF-8: no charset sniffing, one decode
            try:
                data = loads(raw) if raw else None
            except ValueError:
                data = raw.decode("utf-8", "replace")
            return response.status, data

    async def get_user_token(
        self, user_id: str, connection_name: str, channel_id: str, magic_code: str | None
    ) -> TokenResponse | None:
        status, data = await self._call("GET", "/api/usertoken/GetToken", {
            "userId": user_id, "connectionName": connection_name, "channelId": channel_id,
            "code": magic_code or None, "api-version": "token",
        })
        if status == 404:
            return None
        if status != 200 or not isinstance(data, dict):
            raise ChannelError("GetToken", status)
        result = token_response(data)
        return result if result.token else None

    async def get_sign_in_resource(
        self, connection_name: str, activity: Activity, final_redirect: str | None
    ) -> SignInUrlResponse:
        state = UserTokenClient.create_token_exchange_state(self._app_id, connection_name, activity)
        status, data = await self._call(
            "GET", "/api/botsignin/GetSignInResource", {"state": state, "finalRedirect": final_redirect}
        )
        if status != 200 or not isinstance(data, dict):
            raise ChannelError("GetSignInResource", status)
        return SignInUrlResponse.deserialize(data)

    async def sign_out_user(self, user_id: str, connection_name: str, channel_id: str) -> None:
        status, _ = await self._call("DELETE", "/api/usertoken/SignOut", {
            "userId": user_id, "connectionName": connection_name, "channelId": channel_id, "api-version": "token",
        })
        if status not in (200, 204):
            raise ChannelError("SignOut", status)

    async def exchange_token(
        self, user_id: str, connection_name: str, channel_id: str, exchange_request: TokenExchangeRequest
    ) -> TokenResponse | None:
        body = {"uri": exchange_request.uri, "token": exchange_request.token} if exchange_request else {}
        try:
            status, data = await self._call("POST", "/api/usertoken/exchange", {
                "userId": user_id, "connectionName": connection_name, "channelId": channel_id,
            }, {k: v for k, v in body.items() if v is not None})
        except (aiohttp.ClientError, TimeoutError) as exc:
            logger.warning("token exchange failed: %s", type(exc).__name__)
            return None
        result = exchange_result(status, data)
        if result is None:
            logger.info("token exchange refused: HTTP %s", status)
        return result

    async def get_token_status(self, user_id: str, channel_id: str, include_filter: str) -> list[TokenStatus]:
        return await self._fallback.get_token_status(user_id, channel_id, include_filter)

    async def get_aad_tokens(
        self, user_id: str, connection_name: str, resource_urls: list[str], channel_id: str
    ) -> dict[str, TokenResponse]:
        return await self._fallback.get_aad_tokens(user_id, connection_name, resource_urls, channel_id)
