"""JSON batching (reference graph-api.md §5.10)."""

from __future__ import annotations

import asyncio

import httpx

from sandbox.testing import AdminClient

from .conftest import assert_graph_error


def test_batch_runs_items_with_their_own_status(graph: httpx.Client, sandbox: AdminClient) -> None:
    sandbox.clear_requests()
    body = {"requests": [
        {"id": "1", "method": "GET", "url": "/me?$select=displayName"},
        {"id": "2", "method": "GET", "url": "me/calendarView"},
        {"id": "3", "method": "GET", "url": "/me/mailboxSettings", "dependsOn": ["2"]},
        {"id": "4", "method": "GET", "url": "users?$search=\"displayName:meg\"&$count=true", "headers": {"ConsistencyLevel": "eventual"}},
        {"id": "5", "method": "POST", "url": "/me/contacts", "headers": {"Content-Type": "application/json"}, "body": {"givenName": "Nina", "surname": "Batch"}},
    ]}
    response = graph.post("/$batch", json=body)
    assert response.status_code == 200
    by_id = {r["id"]: r for r in response.json()["responses"]}
    assert by_id["1"]["status"] == 200 and by_id["1"]["body"]["displayName"]
    assert by_id["2"]["status"] == 400 and by_id["2"]["body"]["error"]["code"] == "ErrorInvalidParameter"
    assert by_id["3"]["status"] == 424
    assert by_id["4"]["status"] == 200 and by_id["4"]["body"]["@odata.count"] == 1
    assert by_id["5"]["status"] == 201
    log = sandbox.requests()
    inner = [e for e in log if e["inBatch"]]
    assert len(inner) == 4 and all(e["userId"] for e in inner)
    assert [e for e in log if not e["inBatch"]][0]["path"] == "/v1.0/$batch"


def test_batch_validation(graph: httpx.Client) -> None:
    too_many = {"requests": [{"id": str(i), "method": "GET", "url": "/me"} for i in range(21)]}
    assert_graph_error(graph.post("/$batch", json=too_many), 400, "BadRequest")
    twenty = {"requests": [{"id": str(i), "method": "GET", "url": "/me"} for i in range(20)]}
    assert graph.post("/$batch", json=twenty).status_code == 200
    dup = {"requests": [{"id": "a", "method": "GET", "url": "/me"}, {"id": "A", "method": "GET", "url": "/me"}]}
    assert_graph_error(graph.post("/$batch", json=dup), 400, "BadRequest")
    forward = {"requests": [{"id": "1", "method": "GET", "url": "/me", "dependsOn": ["2"]}, {"id": "2", "method": "GET", "url": "/me"}]}
    assert_graph_error(graph.post("/$batch", json=forward), 400, "BadRequest")
    absolute = {"requests": [{"id": "1", "method": "GET", "url": "https://graph.microsoft.com/v1.0/me"}]}
    assert_graph_error(graph.post("/$batch", json=absolute), 400, "BadRequest")
    no_type = {"requests": [{"id": "1", "method": "POST", "url": "/me/contacts", "body": {"givenName": "x"}}]}
    assert_graph_error(graph.post("/$batch", json=no_type), 400, "BadRequest")


def test_batch_items_are_throttled_individually(graph: httpx.Client, sandbox: AdminClient) -> None:
    sandbox.set_faults({"rate": 100, "allowedErrors": [429], "retryAfterInSeconds": 2})
    body = {"requests": [{"id": "1", "method": "GET", "url": "/me"}, {"id": "2", "method": "GET", "url": "/users", "dependsOn": ["1"]}]}
    response = graph.post("/$batch", json=body)
    assert response.status_code == 200  # outer status stays 200
    by_id = {r["id"]: r for r in response.json()["responses"]}
    assert by_id["1"]["status"] == 429 and by_id["1"]["headers"]["Retry-After"] == "2"
    assert by_id["2"]["status"] == 424


OUTLOOK_READS = ["/me/events?$top=1", "/me/messages?$top=1", "/me/contacts?$top=1", "/me/mailboxSettings",
                 "/me/todo/lists", "/me/events?$top=2"]


def _spans(sandbox: AdminClient) -> dict[str, tuple[float, float]]:
    """Inner batch items of the request log: path → (start, end) in the sandbox's own milliseconds."""
    return {e["path"]: (e["startMs"], e["startMs"] + e["durationMs"]) for e in sandbox.requests() if e["inBatch"]}


def _most_at_once(spans: list[tuple[float, float]]) -> int:
    edges = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])  # an end before a start at a tie
    most = now = 0
    for _, step in edges:
        now += step
        most = max(most, now)
    return most


def test_batch_runs_independent_outlook_items_four_at_a_time(graph: httpx.Client, sandbox: AdminClient) -> None:
    sandbox.set_faults({"latency": {"minMs": 300, "maxMs": 300}})
    items = [{"id": str(n), "method": "GET", "url": url} for n, url in enumerate(OUTLOOK_READS)]
    items.append({"id": "me", "method": "GET", "url": "/me?$select=id"})
    sandbox.clear_requests()
    response = graph.post("/$batch", json={"requests": items})
    assert response.status_code == 200
    assert sorted(r["status"] for r in response.json()["responses"]) == [200] * 7  # nobody over the mailbox limit
    spans = _spans(sandbox)
    outlook = [spans["/v1.0" + url] for url in OUTLOOK_READS]
    assert _most_at_once(outlook) == 4  # concurrent, but never more than four on one mailbox
    # the directory read is not held back by Outlook's limit: it overlaps the first Outlook items
    me_start, me_end = spans["/v1.0/me?$select=id"]
    assert me_start < min(end for _, end in outlook)


def test_batch_depends_on_chains_run_in_order(graph: httpx.Client, sandbox: AdminClient) -> None:
    sandbox.set_faults({"latency": {"minMs": 150, "maxMs": 150}})
    items = [
        {"id": "a", "method": "GET", "url": "/me/events?$top=1"},
        {"id": "b", "method": "GET", "url": "/me/events?$top=2", "dependsOn": ["a"]},
        {"id": "c", "method": "GET", "url": "/me/events?$top=3", "dependsOn": ["B"]},  # ids are case-insensitive
        {"id": "d", "method": "GET", "url": "/me/mailboxSettings"},
    ]
    sandbox.clear_requests()
    response = graph.post("/$batch", json={"requests": items})
    assert sorted(r["status"] for r in response.json()["responses"]) == [200] * 4
    spans = _spans(sandbox)
    a, b, c = (spans[f"/v1.0/me/events?$top={n}"] for n in (1, 2, 3))
    assert a[1] <= b[0] and b[1] <= c[0]  # each link starts once the one it depends on has answered
    d = spans["/v1.0/me/mailboxSettings"]
    assert d[0] < a[1]  # the independent item did not wait for the chain


async def test_a_fifth_concurrent_outlook_request_gets_mailbox_concurrency(
    sandbox: AdminClient, sandbox_url: str, me: dict[str, str]
) -> None:
    sandbox.set_faults({"latency": {"minMs": 1000, "maxMs": 1000}})
    other = sandbox.users()[1]
    headers = {"Authorization": f"Bearer {sandbox.token(me['id'])}"}
    async with httpx.AsyncClient(base_url=sandbox_url + "/v1.0", headers=headers, timeout=20) as graph:
        other_token = {"Authorization": f"Bearer {sandbox.token(other['id'])}"}
        answers = await asyncio.gather(
            *(graph.get(f"/me/events?$top={n}") for n in range(1, 6)),
            graph.get("/me?$select=id"),  # not Outlook: no mailbox limit
            graph.get("/me/events?$top=1", headers=other_token),  # another mailbox
        )
    statuses = sorted(a.status_code for a in answers[:5])
    assert statuses == [200, 200, 200, 200, 429]
    refused = next(a for a in answers[:5] if a.status_code == 429)
    body = assert_graph_error(refused, 429, "ApplicationThrottled")
    assert body["error"]["message"] == "Application is over its MailboxConcurrency limit."
    assert refused.headers["Retry-After"] == "1"
    assert answers[5].status_code == 200 and answers[6].status_code == 200
    throttled = [e for e in sandbox.requests() if e["status"] == 429]
    assert len(throttled) == 1 and throttled[0]["fault"] == "mailbox_concurrency"


async def test_mailbox_concurrency_can_be_lifted(sandbox: AdminClient, sandbox_url: str, me: dict[str, str]) -> None:
    sandbox.set_faults({"latency": {"minMs": 500, "maxMs": 500}, "mailboxConcurrency": 0})
    headers = {"Authorization": f"Bearer {sandbox.token(me['id'])}"}
    async with httpx.AsyncClient(base_url=sandbox_url + "/v1.0", headers=headers, timeout=20) as graph:
        answers = await asyncio.gather(*(graph.get(f"/me/events?$top={n}") for n in range(1, 7)))
    assert [a.status_code for a in answers] == [200] * 6
