"""Unit tests next to the contract suite: OData parsing, seed determinism, the async admin client."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from sandbox.odata import ODataError, parse_filter
from sandbox.tenant import build_tenant
from sandbox.testing import AsyncAdminClient


@pytest.mark.parametrize(
    ("text", "item", "expected"),
    [
        ("surname eq 'O''Brien'", {"surname": "o'brien"}, True),
        ("flag/flagStatus eq 'flagged' and isRead eq false", {"flag": {"flagStatus": "flagged"}, "isRead": False}, True),
        ("not (importance eq 'high') or status ne 'completed'", {"importance": "high", "status": "completed"}, False),
        ("startsWith(displayName,'ad')", {"displayName": "Adele"}, True),
        ("receivedDateTime ge 2026-08-01T00:00:00Z", {"receivedDateTime": "2026-07-31T23:00:00Z"}, False),
        ("start/dateTime lt 2026-08-03T10:00:00Z", {"start": {"dateTime": "2026-08-03T09:00:00.0000000"}}, True),
        ("importance in ('high','low')", {"importance": "low"}, True),
        ("emailAddresses/any(a:a/address eq 'x@y.z')", {"emailAddresses": [{"address": "X@y.z"}]}, True),
        ("status ne 'Completed'", {"status": "completed"}, False),
        ("status ne 'completed'", {}, True),
        ("status eq 'completed'", {"status": None}, False),
        ("dueDateTime eq null", {}, True),
        ("dueDateTime ne null", {"dueDateTime": {"dateTime": "2026-08-03T00:00:00"}}, True),
        ("n eq 3", {"n": 3.0}, True),
        ("n ne 3.5", {"n": "3.5"}, True),
        ("isRead ne true", {"isRead": True}, False),
        ("receivedDateTime eq 2026-08-01T00:00:00Z", {"receivedDateTime": "2026-08-01T02:00:00+02:00"}, True),
    ],
)
def test_filter_subset(text: str, item: dict, expected: bool) -> None:
    predicate, _ops = parse_filter(text)
    assert predicate(item) is expected


@pytest.mark.parametrize("text", ["surname eq 'O'Brien'", "(a eq 1", "a eq", "frobnicate(a,'b')", ""])
def test_filter_rejects(text: str) -> None:
    with pytest.raises(ODataError):
        parse_filter(text)


def test_seed_is_deterministic_per_date() -> None:
    one, two, other = build_tenant(date(2026, 8, 3)), build_tenant(date(2026, 8, 3)), build_tenant(date(2026, 8, 4))
    assert [p.id for p in one.people] == [p.id for p in two.people]
    assert sorted(one.mailbox(one.people[0].id).events) == sorted(two.mailbox(two.people[0].id).events)
    # People keep their ids on another day, as in a real tenant; the content is the date's own.
    assert [p.id for p in one.people] == [p.id for p in other.people]
    assert sorted(one.mailbox(one.people[0].id).events) != sorted(other.mailbox(other.people[0].id).events)


async def test_async_admin_client(sandbox_url: str) -> None:
    async with AsyncAdminClient(sandbox_url) as admin:
        await admin.reset()
        users = await admin.users()
        token = await admin.token(users[0]["userPrincipalName"], ["User.Read"])
        async with httpx.AsyncClient() as client:
            response = await client.get(sandbox_url + "/v1.0/me", headers={"Authorization": f"Bearer {token}"})
        assert response.json()["id"] == users[0]["id"]
        assert (await admin.requests())[-1]["status"] == 200
        await admin.set_faults({"rate": 100, "allowedErrors": [500]})
        await admin.clear_faults()
        await admin.clear_requests()
        assert await admin.requests() == []
        assert (await admin.set_signin(auto_signin=True))["autoSignIn"] is True
        await admin.reset()


def test_unknown_paths_get_graph_shaped_errors(sandbox_url: str) -> None:
    response = httpx.get(sandbox_url + "/nothing/here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "ResourceNotFound" and response.headers["request-id"]


def test_router_matches_the_same_way_twice() -> None:
    from sandbox.errors import GraphError
    from sandbox.graph import build_router

    router = build_router()
    first, params = router.match("GET", "/me/todo/lists/AAMk%3D/tasks")
    params["list"] = "changed by the handler"
    again, fresh = router.match("GET", "/me/todo/lists/AAMk%3D/tasks")
    assert again is first and fresh == {"list": "AAMk="}
    assert router.match("POST", "/me/todo/lists/AAMk%3D/tasks")[0] is not first
    for _ in range(2):
        with pytest.raises(GraphError) as not_allowed:
            router.match("DELETE", "/me/todo/lists")
        assert not_allowed.value.status == 405
        with pytest.raises(GraphError) as unknown:
            router.match("GET", "/me/nothing")
        assert unknown.value.status == 400 and "'nothing'" in unknown.value.message
