"""JSON batching (reference graph-api.md §5.10)."""

from __future__ import annotations

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
