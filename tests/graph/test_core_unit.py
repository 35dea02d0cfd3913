"""Unit tests of the client core with httpx.MockTransport: errors, Retry-After, retries, paging, batch."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from graph import odata
from graph.batch import BatchRequest
from graph.client import GraphClient, GraphResponse
from graph.errors import (
    BadRequest,
    ClaimsChallenge,
    Forbidden,
    GraphRequestError,
    NotFound,
    PreconditionFailed,
    Throttled,
    Unavailable,
)
from graph.retry import RetryPolicy, parse_retry_after

BASE = "https://graph.test/v1.0"


class Sleeps:
    def __init__(self) -> None:
        self.waits: list[float] = []
        self.now = 0.0

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def make(handler, **kwargs) -> tuple[GraphClient, Sleeps]:
    sleeps = Sleeps()
    client = GraphClient(
        base_url=BASE,
        transport=httpx.MockTransport(handler),
        sleep=sleeps.sleep,
        clock=sleeps.clock,
        **kwargs,
    )
    return client, sleeps


def error(status: int, code: str = "", headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, json={"error": {"code": code, "message": "m"}}, headers={"request-id": "rid", **(headers or {})}
    )


# -- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5.0), ("2.128", 2.128), ("30,120", 120.0), ("0", 0.0), (None, None), ("", None), ("soon", None)],
)
def test_parse_retry_after_forms(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    now = datetime(2026, 8, 3, 12, 0, 0, tzinfo=UTC)
    value = format_datetime(now + timedelta(seconds=7), usegmt=True)
    assert parse_retry_after(value, now=now) == pytest.approx(8.0)
    assert parse_retry_after(format_datetime(now - timedelta(seconds=9), usegmt=True), now=now) == 0.0


def test_policy_never_shortens_retry_after_and_gives_up_beyond_cap() -> None:
    policy = RetryPolicy(max_retries=3, retry_cap=8.0, rng=lambda: 0.99)
    delay = policy.delay(1, 2.128)
    assert delay is not None and 2.128 <= delay < 2.128 * 1.3
    assert policy.delay(1, 9.0) is None
    assert policy.delay(4, 1.0) is None
    backoff = [policy.delay(n, None) for n in (1, 2, 3)]
    assert all(b is not None and 0 < b <= 8.0 for b in backoff)
    throttled = [policy.delay(n, None, throttled=True) for n in (1, 2, 3)]
    assert throttled[0] is not None and throttled[0] >= 1.0
    assert throttled == sorted(throttled)  # type: ignore[type-var]


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"), [(400, BadRequest), (403, Forbidden), (404, NotFound), (412, PreconditionFailed)]
)
async def test_status_errors_are_typed_and_not_retried(status: int, cls: type) -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(status, "SomeCode")

    client, _ = make(handler)
    async with client:
        with pytest.raises(cls) as info:
            await client.request("GET", "/me", token="secret-token")
    assert calls == 1
    assert info.value.status == status and info.value.code == "SomeCode" and info.value.request_id == "rid"
    assert "secret-token" not in str(info.value)


async def test_claims_challenge_with_padded_base64() -> None:
    claims = '{"access_token":{"nbf":{"essential":true,"value":"1657834417"}}}'
    encoded = base64.b64encode(claims.encode()).decode()
    assert encoded.endswith("=")
    header = (
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", '
        f'client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="{encoded}"'
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return error(401, "InvalidAuthenticationToken", {"WWW-Authenticate": header})

    client, _ = make(handler)
    async with client:
        with pytest.raises(ClaimsChallenge) as info:
            await client.request("GET", "/me", token="t")
    assert json.loads(info.value.claims)["access_token"]["nbf"]["value"] == "1657834417"


# -- retries ----------------------------------------------------------------------------------


@pytest.mark.parametrize("retry_after", ["1", "0.5", "1,2"])
async def test_429_retried_after_retry_after(retry_after: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return error(429, "TooManyRequests", {"Retry-After": retry_after})
        return httpx.Response(200, json={"id": "me"})

    client, sleeps = make(handler)
    async with client:
        response = await client.request("GET", "/me", token="t")
    assert response.json() == {"id": "me"}
    assert len(seen) == 2
    assert sleeps.waits[0] >= parse_retry_after(retry_after)  # type: ignore[operator]
    ids = {r.headers["client-request-id"] for r in seen}
    assert len(ids) == 2 and seen[0].headers["authorization"] == "Bearer t"


async def test_throttled_beyond_cap_raises_with_retry_after() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return error(429, "TooManyRequests", {"Retry-After": "30"})

    client, sleeps = make(handler, retry_cap=8.0)
    async with client:
        with pytest.raises(Throttled) as info:
            await client.request("GET", "/me", token="t")
    assert info.value.retry_after == 30.0 and sleeps.waits == []


async def test_5xx_retries_stop_at_budget() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(503, "ServiceUnavailable", {"Retry-After": "2"})

    client, sleeps = make(handler, budget=5.0, max_retries=10)
    async with client:
        with pytest.raises(Unavailable):
            await client.request("GET", "/me", token="t")
    assert calls == 3 and sum(sleeps.waits) < 5.0


async def test_connection_error_is_retried_then_raised_as_request_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client, sleeps = make(handler, max_retries=2)
    async with client:
        with pytest.raises(GraphRequestError):
            await client.request("GET", "/me", token="t")
    assert len(sleeps.waits) == 2


async def test_post_504_without_reconcile_is_not_retried() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(504, "GatewayTimeout")

    client, _ = make(handler)
    async with client:
        with pytest.raises(Unavailable):
            await client.request("POST", "/me/contacts", token="t", json={"givenName": "x"})
    assert calls == 1


async def test_post_504_reconciled_returns_landed_write_without_resending() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(504, "GatewayTimeout")

    async def reconcile() -> GraphResponse | None:
        return GraphResponse(status=200, body={"id": "landed"})

    client, _ = make(handler)
    async with client:
        response = await client.request("POST", "/me/contacts", token="t", json={}, reconcile=reconcile)
    assert calls == 1 and response.json()["id"] == "landed"


async def test_post_504_reconciled_as_absent_is_resent() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(504) if calls == 1 else httpx.Response(201, json={"id": "new"})

    async def reconcile() -> GraphResponse | None:
        return None

    client, _ = make(handler)
    async with client:
        response = await client.request("POST", "/me/contacts", token="t", json={}, reconcile=reconcile)
    assert calls == 2 and response.status == 201


# -- paging and query strings -----------------------------------------------------------------


async def test_paging_follows_next_link_verbatim_with_headers_and_cap() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        n = len(seen)
        body: dict = {"value": [{"n": n}] if n != 2 else []}
        body["@odata.nextLink"] = f"{BASE}/me/events?$top=1&$skip={n * 7}"
        return httpx.Response(200, json=body)

    client, _ = make(handler, page_cap=3)
    async with client:
        items = await client.get_all(
            "/me/events", token="t", params={"$top": 1}, headers={"Prefer": 'outlook.timezone="UTC"'}
        )
    assert [i["n"] for i in items] == [1, 3]
    assert len(seen) == 3
    assert str(seen[1].url) == f"{BASE}/me/events?$top=1&$skip=7"
    assert all(r.headers["prefer"] == 'outlook.timezone="UTC"' for r in seen)


async def test_the_transport_gets_the_request_an_httpx_client_would_send() -> None:
    """GraphClient hands its requests to the transport itself: the same request as `AsyncClient.request`."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json={"id": "é"}, headers={"request-id": "rid"})

    client, _ = make(handler, timeout=7.0)
    async with client:
        ours = await client.request("POST", "/me/events", token="tok", json={"subject": "Réunion", "n": [1.5]},
                                    headers={"Prefer": 'outlook.timezone="UTC"', "Accept": "text/plain"})
    [sent] = seen
    headers = {k: v for k, v in sent.headers.items() if k != "client-request-id"}
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler), timeout=10, follow_redirects=False) as http:
        theirs = await http.request("POST", sent.url, json={"subject": "Réunion", "n": [1.5]}, timeout=7.0,
                                    headers={**headers, "client-request-id": sent.headers["client-request-id"]})
    expected = seen[1]
    assert (sent.method, sent.url, sent.content) == (expected.method, expected.url, expected.content)
    assert sorted(sent.headers.multi_items()) == sorted(expected.headers.multi_items())  # once each
    assert sent.extensions["timeout"] == expected.extensions["timeout"]
    assert headers["authorization"] == "Bearer tok" and headers["accept"] == "text/plain"
    assert ours.status == theirs.status_code == 201 and ours.body == theirs.json() == {"id": "é"}
    assert ours.request_id == "rid"


def test_query_string_keeps_literal_dollar_and_escapes_values() -> None:
    qs = odata.query_string({"$filter": odata.eq("displayName", "O'Brien & co #1+2"), "$top": 5})
    assert qs.startswith("?$filter=displayName%20eq%20'O''Brien%20%26%20co%20%231%2B2'")
    assert qs.endswith("&$top=5")


@pytest.mark.parametrize(
    "hostile",
    ["O'Brien", "x' or 1 eq 1 or 'a' eq 'a", "') or startswith(mail,'", "a''b", "'; drop", "é'\"\\"],
)
def test_filter_literal_cannot_escape_its_quotes(hostile: str) -> None:
    clause = odata.startswith("displayName", hostile)
    inner = clause[len("startswith(displayName,'") : -2]
    # every quote inside the literal is doubled, so the literal ends exactly where we put it
    assert inner.replace("''", "") .count("'") == 0
    assert clause.endswith("')")


def test_property_names_are_validated() -> None:
    with pytest.raises(ValueError):
        odata.eq("displayName) or (1", "x")
    assert odata.select(["id", "subject", "start"]) == "id,subject,start"


# -- batch ------------------------------------------------------------------------------------


async def test_batch_retries_only_throttled_items_and_their_dependants() -> None:
    bodies: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        responses = []
        for item in body["requests"]:
            if len(bodies) == 1 and item["id"] == "b":
                responses.append({"id": "b", "status": 429, "headers": {"Retry-After": "1.5"}, "body": {}})
            elif len(bodies) == 1 and item["id"] == "c":
                responses.append({"id": "c", "status": 424, "body": {"error": {"code": "FailedDependency"}}})
            elif item["id"] == "d":
                responses.append({"id": "d", "status": 404, "body": {"error": {"code": "ErrorItemNotFound"}}})
            else:
                responses.append({"id": item["id"], "status": 200, "body": {"value": [item["id"]]}})
        return httpx.Response(200, json={"responses": list(reversed(responses))})

    client, sleeps = make(handler)
    requests = [
        BatchRequest.get("a", "/me"),
        BatchRequest.get("b", "/me/events"),
        BatchRequest(id="c", url="/me/messages", depends_on=("b",)),
        BatchRequest.get("d", "/me/todo/lists"),
    ]
    async with client:
        results = await client.batch(requests, token="t")
    assert [r["id"] for r in bodies[1]["requests"]] == ["b", "c"]
    assert bodies[1]["requests"][1]["dependsOn"] == ["b"]
    assert sleeps.waits and sleeps.waits[0] >= 1.5
    assert results["b"].ok and results["c"].ok and results["a"].ok
    with pytest.raises(NotFound):
        results["d"].raise_for_status()


async def test_batch_chunks_by_twenty() -> None:
    sizes: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        items = json.loads(request.content)["requests"]
        sizes.append(len(items))
        return httpx.Response(200, json={"responses": [{"id": i["id"], "status": 200} for i in items]})

    client, _ = make(handler)
    async with client:
        results = await client.batch([BatchRequest.get(str(n), "/me") for n in range(45)], token="t")
    assert sizes == [20, 20, 5] and len(results) == 45


def test_batch_rejects_ids_differing_by_case() -> None:
    from graph.batch import _chunks

    with pytest.raises(ValueError):
        _chunks([BatchRequest.get("A", "/me"), BatchRequest.get("a", "/me")])
