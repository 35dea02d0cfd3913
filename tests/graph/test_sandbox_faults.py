"""The client under the sandbox's injected faults: throttling, 5xx, latency, claims challenges, hostile filters."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from graph import BatchRequest, ClaimsChallenge, GraphClient, GraphRequestError, Throttled, Unavailable, odata
from sandbox.testing import AdminClient

from .conftest import graph_calls


def rule(path: str, status: int, *, nth: int = 1, method: str = "GET", headers: dict[str, str] | None = None) -> dict:
    respond: dict[str, Any] = {"status": status}
    if headers:
        respond["headers"] = headers
    return {"match": {"method": method, "path": path, "nth": nth}, "respond": respond}


@pytest.mark.parametrize("fmt", ["int", "float", "http_date", "comma", "absent"])
async def test_429_retry_after_in_every_format(
    client: GraphClient, token: str, sandbox: AdminClient, fmt: str
) -> None:
    # "comma" sends "<n>,120": the client honours the larger value, which is beyond the cap -> Throttled.
    sandbox.set_faults(
        {"retryAfterFormat": fmt, "retryAfterInSeconds": 1, "rules": [rule("/v1.0/me", 429)]}
    )
    if fmt == "comma":
        with pytest.raises(Throttled) as info:
            await client.for_user(token).me()
        assert info.value.retry_after == 120.0
        assert len(graph_calls(sandbox)) == 1
        return
    me = await client.for_user(token).me()
    assert me["displayName"] == "Adele Vance"
    statuses = [c["status"] for c in graph_calls(sandbox)]
    if fmt == "absent":
        # no Retry-After: exponential back-off, which the sandbox may punish a few times first
        assert statuses[-1] == 200 and set(statuses[:-1]) == {429}
    else:
        # the retry came after the window, so it was not punished with a second 429
        assert statuses == [429, 200]


async def test_throttling_storm_is_survived_within_the_budget(sandbox: AdminClient, sandbox_url: str, token: str) -> None:
    sandbox.set_faults(
        {"rate": 50, "allowedErrors": [429, 503, 504], "retryAfterInSeconds": 0.2, "retryAfterFormat": "float", "seed": 7}
    )
    async with GraphClient(
        base_url=sandbox_url + "/v1.0", timeout=5, budget=30, max_retries=12, retry_cap=2, backoff=0.05
    ) as client:
        user = client.for_user(token)
        for _ in range(8):
            assert (await user.me())["displayName"] == "Adele Vance"
    statuses = [c["status"] for c in graph_calls(sandbox)]
    assert statuses.count(200) == 8 and len(statuses) > 8
    assert set(statuses) - {200} <= {429, 503, 504}


async def test_persistent_5xx_surfaces_as_unavailable(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    sandbox.set_faults({"rate": 100, "allowedErrors": [503], "retryAfterInSeconds": 0})
    with pytest.raises(Unavailable) as info:
        await client.for_user(token).me()
    assert info.value.status == 503 and info.value.request_id
    assert len(graph_calls(sandbox)) == 1 + 4  # the first try and max_retries


@pytest.mark.parametrize("status", [503, 504])
async def test_transient_5xx_on_a_read_is_retried(
    client: GraphClient, token: str, sandbox: AdminClient, status: int
) -> None:
    sandbox.set_faults({"retryAfterInSeconds": 0, "rules": [rule("/v1.0/me/mailboxSettings", status)]})
    settings = await client.for_user(token).mailbox.settings()
    assert settings.time_zone == "Europe/Paris"
    assert [c["status"] for c in graph_calls(sandbox)] == [status, 200]


async def test_non_retryable_5xx_is_not_retried(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    sandbox.set_faults({"rules": [rule("/v1.0/me", 500)]})
    with pytest.raises(Unavailable):
        await client.for_user(token).me()
    assert len(graph_calls(sandbox)) == 1


async def test_latency_within_timeout_succeeds_and_beyond_budget_fails(
    sandbox: AdminClient, sandbox_url: str, token: str
) -> None:
    sandbox.set_faults({"latency": {"minMs": 150, "maxMs": 150}})
    async with GraphClient(base_url=sandbox_url + "/v1.0", timeout=2, budget=5) as client:
        assert (await client.for_user(token).me())["id"]
    async with GraphClient(
        base_url=sandbox_url + "/v1.0", timeout=0.05, budget=0.4, max_retries=10, backoff=0.01
    ) as client:
        with pytest.raises(GraphRequestError):
            await client.for_user(token).me()
    # The abandoned requests may finish after the next test's reset: they are reads, and the request log
    # leaves out requests of an older generation (sandbox/state.py), so no later test depends on them.


async def test_claims_challenge_is_its_own_exception(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    sandbox.set_faults({"rules": [{"match": {"path": "/v1.0/me*"}, "fault": "cae_challenge"}]})
    with pytest.raises(ClaimsChallenge) as info:
        await client.for_user(token).me()
    claims = json.loads(info.value.claims)
    assert claims["access_token"]["nbf"]["essential"] is True
    assert info.value.status == 401 and token not in str(info.value)
    assert len(graph_calls(sandbox)) == 1


@pytest.mark.parametrize(
    "hostile",
    ["x' or 1 eq 1 or 'a' eq 'a", "') or startswith(mail,'", "a'); drop", "#EXT#&$top=999", "100% 'quoted' \"x\""],
)
async def test_hostile_text_in_a_filter_matches_nothing(
    client: GraphClient, token: str, sandbox: AdminClient, hostile: str
) -> None:
    users = await client.get_all(
        "/users", token=token, params={"$filter": odata.startswith("displayName", hostile), "$select": "id,displayName"}
    )
    assert users == []
    assert [c["status"] for c in graph_calls(sandbox)] == [200]


async def test_name_with_a_quote_is_found(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    users = await client.get_all(
        "/users",
        token=token,
        params={"$filter": odata.startswith("displayName", "Liam O'Brien"), "$select": "id,displayName"},
    )
    assert [u["displayName"] for u in users] == ["Liam O'Brien"]
    assert len(graph_calls(sandbox)) == 1


async def test_mailbox_concurrency_429s_are_retried(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    # Graph allows an app four Outlook requests in flight per mailbox; the client waits Retry-After and retries.
    sandbox.set_faults({"latency": {"minMs": 300, "maxMs": 300}})
    answers = await asyncio.gather(*(client.request("GET", "/me/events", token=token, params={"$top": n}) for n in range(1, 7)))
    assert [a.status for a in answers] == [200] * 6
    calls = graph_calls(sandbox, contains="/me/events")
    refused = [c for c in calls if c["status"] == 429]
    assert refused and all(c["fault"] == "mailbox_concurrency" for c in refused)
    assert len(calls) == 6 + len(refused)


async def test_batch_items_over_the_mailbox_limit_are_retried(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    # One request of the app already holds a slot of the mailbox: one of a batch's four Outlook items is refused
    # (the sandbox dispatches four at a time, as Graph does) and run_batch resends it after its Retry-After.
    sandbox.set_faults({"latency": {"minMs": 400, "maxMs": 400}})
    items = [BatchRequest.get(str(n), "/me/events", {"$top": n}) for n in range(1, 5)]
    outside = asyncio.ensure_future(client.request("GET", "/me/mailboxSettings", token=token))
    await asyncio.sleep(0.1)  # the outside request reaches the sandbox first
    results = await client.batch(items, token=token)
    assert (await outside).status == 200
    assert sorted(r.status for r in results.values()) == [200] * 4
    inner = [c for c in graph_calls(sandbox) if c["inBatch"]]
    assert [c["fault"] for c in inner if c["status"] == 429] == ["mailbox_concurrency"]
    assert len([c for c in graph_calls(sandbox) if c["path"] == "/v1.0/$batch"]) == 2
