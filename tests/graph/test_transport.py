"""The aiohttp transport under GraphClient, against a real local HTTP server: bytes, headers, errors."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web

from devkit import free_port
from graph import GraphClient, GraphRequestError
from graph.transport import AiohttpTransport
from tests.support.loopback import serve_handler

Seen = list[dict[str, Any]]


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, Seen]]:
    seen: Seen = []

    async def echo(request: web.Request) -> web.Response:
        body = await request.read()
        seen.append({"method": request.method, "raw_path": request.raw_path, "headers": dict(request.headers),
                     "body": body, "types": request.headers.getall("Content-Type", [])})
        if request.path.endswith("/gzip"):
            payload = gzip.compress(json.dumps({"value": [{"id": "é1"}]}).encode())
            return web.Response(body=payload, headers={"Content-Encoding": "gzip", "Content-Type": "application/json",
                                                       "request-id": "r-1"})
        if request.path.endswith("/slow"):
            await asyncio.sleep(1.0)
        if request.path.endswith("/throttle"):
            return web.json_response({"error": {"code": "TooManyRequests", "message": "x"}}, status=429,
                                     headers={"Retry-After": "0"})
        return web.json_response({"id": "created"}, status=201 if request.method == "POST" else 200)

    async with serve_handler(echo) as url:
        yield f"{url}/v1.0", seen


WIRES = {
    "aiohttp wire (default)": lambda: None,
    "httpx on AiohttpTransport": AiohttpTransport,
    "httpx's own transport": httpx.AsyncHTTPTransport,
}


async def _exchange(base: str, transport: httpx.AsyncBaseTransport | None) -> list[Any]:
    async with GraphClient(base_url=base, transport=transport) as graph:
        page = await graph.request("GET", "/me/gzip", token="t0k", params={"$filter": "subject eq 'a&b c'"})
        created = await graph.request("POST", "/me/todo/lists/x/tasks", token="t0k", json={"title": "naïve ✓"})
        nxt = await graph.request("GET", base + "/me/next?$skiptoken=a%2Bb%3D&$top=5", token="t0k")
        search = await graph.request("GET", "/me/messages", token="t0k", params={"$search": '"naïve report"'})
        raw = await graph.request("GET", base + "/me/odd?$skiptoken=a b|ü\"", token="t0k")  # httpx quotes it
    return [page, created, nxt, search, raw]


async def test_every_wire_sends_the_same_bytes_and_reads_the_same_answers(server: tuple[str, Seen]) -> None:
    base, seen = server
    results = {name: await _exchange(base, make()) for name, make in WIRES.items()}
    answers = {name: [(r.status, r.body, r.request_id) for r in result] for name, result in results.items()}
    assert len(set(map(repr, answers.values()))) == 1, answers
    page, created, *_ = results["aiohttp wire (default)"]
    assert page.values() == [{"id": "é1"}] and page.request_id == "r-1"
    assert created.status == 201 and created.json() == {"id": "created"}
    per_wire = len(seen) // len(WIRES)
    wire, _, reference = (seen[i:i + per_wire] for i in range(0, len(seen), per_wire))  # ours vs httpx's own
    for ours, theirs in zip(wire, reference, strict=True):
        assert ours["method"] == theirs["method"] and ours["raw_path"] == theirs["raw_path"]
        assert ours["body"] == theirs["body"]  # same compact UTF-8 JSON
        for header in ("Authorization", "Accept", "Content-Type", "client-request-id"):
            assert (header in ours["headers"]) == (header in theirs["headers"]), header
    get, post, nxt, search, raw = wire
    assert "%22na%C3%AFve%20report%22" in search["raw_path"] and " " not in raw["raw_path"]
    assert "a%26b" in get["raw_path"] and nxt["raw_path"] == "/v1.0/me/next?$skiptoken=a%2Bb%3D&$top=5"
    assert get["headers"]["Authorization"] == "Bearer t0k" and "gzip" in get["headers"]["Accept-Encoding"]
    assert json.loads(post["body"]) == {"title": "naïve ✓"}
    assert post["headers"]["Content-Type"] == "application/json"
    assert post["headers"]["Content-Length"] == str(len(post["body"]))


async def test_a_content_type_the_caller_gives_is_sent_once_as_httpx_sends_it(server: tuple[str, Seen]) -> None:
    base, seen = server
    typed = {"Content-Type": "application/json; charset=utf-8"}
    for make in WIRES.values():
        async with GraphClient(base_url=base, transport=make()) as graph:
            await graph.request("PATCH", "/me/events/e1", token="t0k", json={"subject": "x"}, headers=typed)
            await graph.request("PATCH", "/me/events/e1", token="t0k", json={"subject": "x"})
    assert [request["types"] for request in seen] == [["application/json; charset=utf-8"], ["application/json"]] * 3


async def test_retryable_status_is_retried_through_the_transport(server: tuple[str, Seen]) -> None:
    base, seen = server
    async with GraphClient(base_url=base, max_retries=2, backoff=0.0, budget=5.0) as graph:
        with pytest.raises(Exception) as caught:
            await graph.request("GET", "/me/throttle", token="t")
    assert type(caught.value).__name__ == "Throttled"
    assert len(seen) == 3  # first try and two retries, each a real request


async def test_refused_connection_is_a_connect_error() -> None:
    port = free_port()  # nothing listens there
    async with httpx.AsyncClient(transport=AiohttpTransport()) as http:
        with pytest.raises(httpx.ConnectError):
            await http.get(f"http://127.0.0.1:{port}/v1.0/me")


async def test_slow_answer_is_a_read_timeout_and_the_client_gives_up_in_budget(server: tuple[str, Seen]) -> None:
    base, _ = server
    async with httpx.AsyncClient(transport=AiohttpTransport(), timeout=0.2) as http:
        with pytest.raises(httpx.ReadTimeout):
            await http.get(base + "/me/slow")
    async with GraphClient(base_url=base, timeout=0.2, budget=0.5, backoff=0.0) as graph:
        with pytest.raises(GraphRequestError):
            await graph.request("GET", "/me/slow", token="t")


async def test_refused_connection_on_the_default_wire_is_a_request_error_caused_by_connect_error() -> None:
    port = free_port()  # nothing listens there
    # A budget the retries cannot use up (0.3 s once ran out on a loaded machine before the last refusal).
    async with GraphClient(base_url=f"http://127.0.0.1:{port}/v1.0", budget=5.0, backoff=0.0) as graph:
        with pytest.raises(GraphRequestError) as caught:
            await graph.request("GET", "/me", token="t")
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
