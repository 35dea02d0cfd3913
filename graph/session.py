"""A user's session over the shared client: the token travels with every request, for one turn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .batch import BatchRequest, BatchResponse
from .response import GraphResponse, Params, Reconcile

if TYPE_CHECKING:
    from .client import GraphClient

__all__ = ["Session"]


class Session:
    """Binds a token to the shared :class:`GraphClient`; lives no longer than the turn's facade."""

    __slots__ = ("_client", "_token")

    def __init__(self, *, client: GraphClient, token: str) -> None:
        self._client = client
        self._token = token

    def __repr__(self) -> str:
        return "Session(token=<hidden>)"

    @property
    def client(self) -> GraphClient:
        return self._client

    async def get(
        self, path: str, params: Params | None = None, headers: Mapping[str, str] | None = None
    ) -> GraphResponse:
        return await self._client.request("GET", path, token=self._token, params=params, headers=headers)

    async def get_all(
        self,
        path: str,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        page_cap: int | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        return await self._client.get_all(
            path, token=self._token, params=params, headers=headers, page_cap=page_cap, limit=limit
        )

    async def post(
        self,
        path: str,
        json: Any = None,
        *,
        headers: Mapping[str, str] | None = None,
        idempotent: bool = False,
        reconcile: Reconcile | None = None,
    ) -> GraphResponse:
        return await self._client.request(
            "POST",
            path,
            token=self._token,
            json=json,
            headers=headers,
            idempotent=idempotent,
            reconcile=reconcile,
        )

    async def patch(self, path: str, json: Any, *, headers: Mapping[str, str] | None = None) -> GraphResponse:
        return await self._client.request("PATCH", path, token=self._token, json=json, headers=headers)

    async def delete(self, path: str, *, headers: Mapping[str, str] | None = None) -> GraphResponse:
        return await self._client.request("DELETE", path, token=self._token, headers=headers)

    async def batch(self, requests: Sequence[BatchRequest]) -> dict[str, BatchResponse]:
        return await self._client.batch(requests, token=self._token)
