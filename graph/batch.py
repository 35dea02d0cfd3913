"""JSON `$batch`: up to 20 requests per call, `dependsOn`, per-item status and per-item retry of 429."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import GraphRequestError, GraphStatusError, error_from_response
from .odata import query_string
from .retry import parse_retry_after

if TYPE_CHECKING:
    from .client import GraphClient
    from .response import Params

__all__ = ["MAX_BATCH", "BatchRequest", "BatchResponse", "run_batch"]

logger = logging.getLogger(__name__)

MAX_BATCH = 20
_RETRY_ITEM = frozenset({429, 503, 504})


@dataclass(frozen=True, slots=True)
class BatchRequest:
    """One request inside a batch; ``url`` is relative to the version (``/me/events?...``)."""

    id: str
    url: str
    method: str = "GET"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    depends_on: tuple[str, ...] = ()

    @classmethod
    def get(
        cls, id: str, path: str, params: Params | None = None, headers: Mapping[str, str] | None = None
    ) -> BatchRequest:
        return cls(id=id, url=path + query_string(params or {}), headers=dict(headers or {}))

    def payload(self, keep_deps: set[str]) -> dict[str, Any]:
        item: dict[str, Any] = {"id": self.id, "method": self.method.upper(), "url": self.url}
        headers = dict(self.headers)
        if self.body is not None:
            headers.setdefault("Content-Type", "application/json")
            item["body"] = self.body
        if headers:
            item["headers"] = headers
        deps = [d for d in self.depends_on if d.lower() in keep_deps]
        if deps:
            item["dependsOn"] = deps
        return item


@dataclass(frozen=True, slots=True)
class BatchResponse:
    """One item's own status, headers (lower-cased) and body."""

    id: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}

    def values(self) -> list[dict[str, Any]]:
        value = self.json().get("value")
        return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

    def error(self) -> GraphStatusError:
        return error_from_response(
            status=self.status,
            headers=self.headers,
            body=self.body,
            retry_after=parse_retry_after(self.headers.get("retry-after")),
        )

    def raise_for_status(self) -> BatchResponse:
        if not self.ok:
            raise self.error()
        return self


def _chunks(requests: Sequence[BatchRequest]) -> list[list[BatchRequest]]:
    seen: set[str] = set()
    chunks: list[list[BatchRequest]] = []
    current: list[BatchRequest] = []
    for request in requests:
        key = request.id.lower()
        if key in seen:
            raise ValueError("batch request ids must be unique (case-insensitively)")
        seen.add(key)
        if len(current) == MAX_BATCH:
            chunks.append(current)
            current = []
        in_chunk = {r.id.lower() for r in current}
        if any(d.lower() not in in_chunk for d in request.depends_on):
            raise ValueError("dependsOn must name an earlier request of the same batch of 20")
        current.append(request)
    if current:
        chunks.append(current)
    return chunks


def _parse(body: Any) -> dict[str, BatchResponse]:
    out: dict[str, BatchResponse] = {}
    items = body.get("responses") if isinstance(body, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        raw_headers = item.get("headers")
        headers: dict[str, Any] = raw_headers if isinstance(raw_headers, dict) else {}
        out[item["id"].lower()] = BatchResponse(
            id=item["id"],
            status=int(item.get("status", 0)),
            headers={str(k).lower(): str(v) for k, v in headers.items()},
            body=item.get("body"),
        )
    return out


async def run_batch(
    client: GraphClient,
    requests: Sequence[BatchRequest],
    *,
    token: str,
    deadline: float | None = None,
) -> dict[str, BatchResponse]:
    """Send ``requests`` in batches of 20; return every item's response keyed by its id.

    Items answered 429 (or 503/504 for reads) are resent alone after the largest `Retry-After`
    among them, together with the items that failed with 424 only because they depended on them.
    """
    deadline = client.deadline() if deadline is None else deadline
    results: dict[str, BatchResponse] = {}
    for chunk in _chunks(requests):
        pending = list(chunk)
        attempt = 0
        while pending:
            attempt += 1
            keep = {r.id.lower() for r in pending}
            idempotent = all(r.method.upper() in ("GET", "HEAD") for r in pending)
            response = await client.request(
                "POST",
                "/$batch",
                token=token,
                json={"requests": [r.payload(keep) for r in pending]},
                idempotent=idempotent,
                deadline=deadline,
            )
            answered = _parse(response.body)
            missing = [r.id for r in pending if r.id.lower() not in answered]
            if missing:
                raise GraphRequestError(f"$batch answer lacks {len(missing)} item(s)")
            for request in pending:
                results[request.id] = answered[request.id.lower()]
            retry = _to_retry(pending, results)
            if not retry:
                break
            waits = [parse_retry_after(results[r.id].headers.get("retry-after")) for r in retry]
            known = [w for w in waits if w is not None]
            wait = client.policy.delay(attempt, max(known) if known else None, throttled=not known)
            if wait is None or wait >= client.remaining(deadline):
                break
            logger.info("graph $batch: %d item(s) throttled, retry %d in %.2fs", len(retry), attempt, wait)
            await client._sleep(wait)
            pending = retry
    return results


def _to_retry(pending: list[BatchRequest], results: dict[str, BatchResponse]) -> list[BatchRequest]:
    retry: list[BatchRequest] = []
    retry_ids: set[str] = set()
    for request in pending:
        status = results[request.id].status
        read = request.method.upper() in ("GET", "HEAD")
        if status == 429 or (read and status in _RETRY_ITEM):
            retry.append(request)
            retry_ids.add(request.id.lower())
        elif status == 424 and any(d.lower() in retry_ids for d in request.depends_on):
            retry.append(request)
            retry_ids.add(request.id.lower())
    return retry
