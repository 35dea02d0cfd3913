"""Fault injection the Dev Proxy way (reference graph-api.md §2.2, §6, §7)."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable

import httpx

from sandbox.testing import AdminClient

from .conftest import assert_graph_error

WINDOW = {"startDateTime": "2026-08-03T00:00:00Z", "endDateTime": "2026-08-04T00:00:00Z"}


def test_flat_dev_proxy_form_fails_every_graph_call(sandbox: AdminClient, graph: httpx.Client, sandbox_url: str) -> None:
    sandbox.set_faults({"rate": 100, "allowedErrors": [503], "retryAfterInSeconds": 1})
    response = graph.get("/me")
    assert_graph_error(response, 503, "serviceNotAvailable")
    assert response.headers["Retry-After"] == "1"
    assert httpx.get(sandbox_url + "/_sandbox/users").status_code == 200  # Graph paths only
    assert sandbox.requests()[-1]["fault"] == "503"
    sandbox.clear_faults()
    assert graph.get("/me").status_code == 200


def test_random_rate_is_partial_and_uses_allowed_errors(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"rate": 50, "allowedErrors": [500, 504], "seed": 7})
    statuses = [graph.get("/me").status_code for _ in range(40)]
    assert 200 in statuses and set(statuses) <= {200, 500, 504} and len(set(statuses)) >= 2


def test_429_window_restarts_on_early_retry(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_clock(sandbox.clock(), running=False)  # the windows pass only as the test moves the clock
    sandbox.set_faults({"rules": [{"match": {"path": "/v1.0/me", "nth": 1}, "respond": {"status": 429}}], "retryAfterInSeconds": 1})
    first = graph.get("/me")
    assert_graph_error(first, 429, "TooManyRequests")
    assert first.json()["error"]["innerError"]["code"] == "429"
    assert first.headers["Retry-After"] == "1"
    sandbox.advance_clock(0.6)
    early = graph.get("/me/mailboxSettings")  # same workload key ("me"), too early
    assert early.status_code == 429
    sandbox.advance_clock(0.6)  # 1.2 s after the first 429, but only 0.6 s after the restart
    assert graph.get("/me").status_code == 429
    sandbox.advance_clock(1.01)  # a full window after the last (early) retry
    assert graph.get("/me").status_code == 200


def test_429_throttles_only_the_same_user(sandbox: AdminClient, graph: httpx.Client,
                                           graph_for: Callable[..., httpx.Client]) -> None:
    """§6.1: Outlook limits are per app per mailbox; one user's throttling does not hold back another's."""
    sandbox.set_faults({"rules": [{"match": {"path": "/v1.0/me", "nth": 1}, "respond": {"status": 429}}],
                        "retryAfterInSeconds": 2})
    assert graph.get("/me").status_code == 429
    other = graph_for(sandbox.users()[1]["id"])
    assert other.get("/me").status_code == 200
    assert graph.get("/me").status_code == 429  # the throttled user, too early


def test_retry_after_formats(sandbox: AdminClient, graph: httpx.Client) -> None:
    for fmt, check in (("float", lambda v: "." in v), ("comma", lambda v: "," in v), ("http_date", lambda v: v.endswith("GMT"))):
        sandbox.set_faults({"rate": 100, "allowedErrors": [503], "retryAfterInSeconds": 2, "retryAfterFormat": fmt})
        assert check(graph.get("/me").headers["Retry-After"])
    sandbox.set_faults({"rate": 100, "allowedErrors": [503], "retryAfterFormat": "absent"})
    assert "Retry-After" not in graph.get("/me").headers


def test_rate_limiting_headers_and_429(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"rateLimiting": {"rateLimit": 10, "costPerRequest": 2, "resetTimeWindowSeconds": 30, "warningThresholdPercent": 80}})
    responses = [graph.get("/me") for _ in range(6)]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 200, 429]
    assert "RateLimit-Limit" not in responses[0].headers
    assert responses[3].headers["RateLimit-Limit"] == "10" and responses[4].headers["RateLimit-Remaining"] == "0"
    limited = responses[5]
    assert int(limited.headers["Retry-After"]) >= 1 and limited.headers["RateLimit-Remaining"] == "0"


def test_latency(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"latency": {"minMs": 150, "maxMs": 200}})
    started = time.perf_counter()
    assert graph.get("/me").status_code == 200
    assert time.perf_counter() - started >= 0.15


def test_path_filter_limits_random_errors(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"rate": 100, "allowedErrors": [500], "paths": ["/v1.0/me/calendarView*"]})
    assert graph.get("/me").status_code == 200
    assert graph.get("/me/calendarView", params=WINDOW).status_code == 500


def test_fail_the_nth_request(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"rules": [{"match": {"method": "GET", "path": "/v1.0/me/calendarView", "nth": 2}, "respond": {"status": 503, "headers": {"Retry-After": "0"}}}]})
    statuses = [graph.get("/me/calendarView", params=WINDOW).status_code for _ in range(4)]
    assert statuses == [200, 503, 200, 200]


def test_commit_then_504_creates_the_event(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"rules": [{"match": {"method": "POST", "path": "/v1.0/me/events"}, "fault": "commit_then_fail_504", "once": True}]})
    event = {"subject": "Once", "start": {"dateTime": "2026-08-03T09:00:00", "timeZone": "UTC"}, "end": {"dateTime": "2026-08-03T09:30:00", "timeZone": "UTC"}, "transactionId": "tx-504"}
    assert_graph_error(graph.post("/me/events", json=event), 504, "GatewayTimeout")
    retried = graph.post("/me/events", json=event)
    assert retried.status_code == 201
    found = graph.get("/me/events", params={"$filter": "subject eq 'Once'"}).json()["value"]
    assert len(found) == 1 and found[0]["id"] == retried.json()["id"]


def test_claims_challenge_until_a_new_token(sandbox: AdminClient, graph_for, me: dict[str, str]) -> None:
    sandbox.set_faults({"rules": [{"match": {"path": "/v1.0/me*"}, "fault": "cae_challenge"}]})
    client = graph_for(me["id"])
    challenged = client.get("/me")
    assert_graph_error(challenged, 401, "InvalidAuthenticationToken")
    header = challenged.headers["WWW-Authenticate"]
    assert 'error="insufficient_claims"' in header
    claims = header.split('claims="', 1)[1].split('"', 1)[0]
    assert claims.endswith("=")  # padded standard base64 (§2.2)
    assert "access_token" in json.loads(base64.b64decode(claims))
    assert client.get("/me").status_code == 401  # the same token stays challenged
    assert graph_for(me["id"]).get("/me").status_code == 200  # a fresh token passes
