"""The request log after a reset or a clear: requests still running then are not in the new log (§7.3 log API)."""

from __future__ import annotations

import threading
import time

import httpx

from sandbox.testing import AdminClient


def _slow_call(graph: httpx.Client, path: str, results: list[int]) -> threading.Thread:
    thread = threading.Thread(target=lambda: results.append(graph.get(path).status_code))
    thread.start()
    return thread


def _wait_until_in_flight(sandbox: AdminClient, seconds: float = 0.3) -> None:
    time.sleep(seconds)  # the call is now sleeping inside the sandbox's latency fault
    assert sandbox.requests() == [], "a slow call is not logged before it finishes"


def test_a_call_finishing_after_reset_is_not_in_the_new_log(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"latency": {"minMs": 900, "maxMs": 900}})
    results: list[int] = []
    thread = _slow_call(graph, "/me/mailboxSettings", results)
    _wait_until_in_flight(sandbox)
    sandbox.reset()
    assert graph.get("/me").status_code == 200  # new generation, no latency any more
    thread.join(10)
    assert results == [200], "the old call still gets its answer"
    assert [e["path"] for e in sandbox.requests()] == ["/v1.0/me"]


def test_a_call_finishing_after_a_log_clear_is_not_logged(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"latency": {"minMs": 900, "maxMs": 900}, "paths": ["/v1.0/me/mailboxSettings*"]})
    results: list[int] = []
    thread = _slow_call(graph, "/me/mailboxSettings", results)
    _wait_until_in_flight(sandbox)
    sandbox.clear_requests()
    sandbox.clear_faults()
    graph.get("/me/people")
    thread.join(10)
    assert results == [200]
    assert [e["path"] for e in sandbox.requests()] == ["/v1.0/me/people"]


def test_calls_within_one_generation_are_all_logged(sandbox: AdminClient, graph: httpx.Client) -> None:
    sandbox.set_faults({"latency": {"minMs": 300, "maxMs": 300}})
    results: list[int] = []
    threads = [_slow_call(graph, "/me", results) for _ in range(3)]
    for thread in threads:
        thread.join(10)
    assert results == [200, 200, 200]
    assert [e["path"] for e in sandbox.requests()] == ["/v1.0/me"] * 3
