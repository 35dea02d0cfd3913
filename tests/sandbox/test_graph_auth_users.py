"""Tokens, scopes and directory endpoints (reference graph-api.md §1–§3, §5.1, §5.9)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from sandbox.testing import AdminClient

from .conftest import assert_graph_error


def test_me_default_properties(graph: httpx.Client, me: dict[str, str]) -> None:
    response = graph.get("/me")
    assert response.status_code == 200
    body = response.json()
    # §5.1: default property set, in order, ending with id.
    assert list(body)[1:] == ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"]
    assert body["id"] == me["id"]
    assert body["@odata.context"].endswith("#users/$entity")
    # §1.2 headers
    assert response.headers["request-id"] == response.headers["client-request-id"]
    assert response.headers["OData-Version"] == "4.0"


def test_me_select_and_unknown_property(graph: httpx.Client) -> None:
    body = graph.get("/me?$select=displayName,mail").json()
    assert set(body) == {"@odata.context", "displayName", "mail"}  # §3.2 directory: no id unless selected
    assert body["@odata.context"].endswith("#users(displayName,mail)/$entity")
    assert_graph_error(graph.get("/me?$select=nope"), 400, "Request_BadRequest")


def test_missing_expired_forged_tokens(sandbox: AdminClient, sandbox_url: str, me: dict[str, str]) -> None:
    url = sandbox_url + "/v1.0/me"
    no_token = httpx.get(url)
    body = assert_graph_error(no_token, 401, "InvalidAuthenticationToken")
    assert body["error"]["message"] == "Access token is empty."
    assert no_token.headers["WWW-Authenticate"].startswith('Bearer realm=""')  # §2.2
    expired = sandbox.token(me["id"], expiresIn=-10)
    body = assert_graph_error(httpx.get(url, headers={"Authorization": f"Bearer {expired}"}), 401, "InvalidAuthenticationToken")
    assert "expired" in body["error"]["message"]
    good = sandbox.token(me["id"])
    header, payload, signature = good.split(".")
    forged = ".".join([header, payload, signature[:-4] + ("AAAA" if signature[-4:] != "AAAA" else "BBBB")])
    assert_graph_error(httpx.get(url, headers={"Authorization": f"Bearer {forged}"}), 401, "InvalidAuthenticationToken")
    assert_graph_error(httpx.get(url, headers={"Authorization": "Bearer not-a-jwt"}), 401, "InvalidAuthenticationToken")
    sso = sandbox.token(me["id"], sso=True)  # wrong audience for Graph
    assert_graph_error(httpx.get(url, headers={"Authorization": f"Bearer {sso}"}), 401, "InvalidAuthenticationToken")


def test_missing_scope_gives_the_workload_code(graph_for: Callable[..., httpx.Client], me: dict[str, str]) -> None:
    # §2.3 permission matrix, §1.3 codes by workload.
    client = graph_for(me["id"], ["User.Read"])
    assert client.get("/me").status_code == 200
    assert_graph_error(client.get("/me/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-01-02T00:00:00Z"), 403, "ErrorAccessDenied")
    assert_graph_error(client.get("/users"), 403, "Authorization_RequestDenied")
    assert_graph_error(client.get("/me/mailboxSettings"), 403, "ErrorAccessDenied")
    read_only = graph_for(me["id"], ["Calendars.Read"])
    assert read_only.get("/me/events").status_code == 200
    denied = read_only.post("/me/events", json={"subject": "x"})
    assert_graph_error(denied, 403, "ErrorAccessDenied")


def test_users_by_id_and_upn(graph: httpx.Client, sandbox: AdminClient) -> None:
    other = sandbox.users()[2]
    assert graph.get(f"/users/{other['id']}").json()["id"] == other["id"]
    assert graph.get(f"/users/{other['userPrincipalName']}").json()["displayName"] == other["displayName"]
    assert_graph_error(graph.get("/users/00000000-0000-0000-0000-000000000000"), 404, "Request_ResourceNotFound")


def test_each_user_sees_only_their_own_mailbox(graph: httpx.Client, sandbox: AdminClient) -> None:
    me, other = sandbox.users()[:2]
    assert graph.get(f"/users/{me['id']}/mailboxSettings").status_code == 200
    assert_graph_error(graph.get(f"/users/{other['id']}/mailboxSettings"), 403, "ErrorAccessDenied")
    assert_graph_error(graph.get(f"/users/{other['id']}/events"), 403, "ErrorAccessDenied")


def test_users_filter_search_and_paging(graph: httpx.Client) -> None:
    body = graph.get("/users", params={"$filter": "startswith(displayName,'O''B')"}).json()
    assert body["value"] == []
    body = graph.get("/users", params={"$filter": "startswith(surname,'O''Brien')"}).json()
    assert [u["surname"] for u in body["value"]] == ["O'Brien"]  # §3.3 doubled quotes
    assert_graph_error(graph.get("/users", params={"$filter": "startswith(surname,'O'Brien')"}), 400, "BadRequest")
    assert_graph_error(graph.get("/users", params={"$filter": "contains(displayName,'a')"}), 400, "Request_UnsupportedQuery")
    assert_graph_error(graph.get("/users", params={"$filter": "displayName ne 'x'"}), 400, "Request_UnsupportedQuery")
    ok = graph.get("/users", params={"$filter": "displayName ne 'x'", "$count": "true"}, headers={"ConsistencyLevel": "eventual"})
    assert ok.status_code == 200 and ok.json()["@odata.count"] == len(ok.json()["value"])
    # §3.4: $search needs ConsistencyLevel: eventual; tokenised prefix match.
    assert_graph_error(graph.get("/users", params={"$search": '"displayName:dav"'}), 400, "Request_UnsupportedQuery")
    found = graph.get("/users", params={"$search": '"displayName:dav"'}, headers={"ConsistencyLevel": "eventual"}).json()["value"]
    assert [u["surname"] for u in found] == ["Li"]
    # §3.7: $count without ConsistencyLevel is silently ignored.
    assert "@odata.count" not in graph.get("/users?$count=true").json()
    # §3.6: $top bounds and skiptoken paging.
    assert_graph_error(graph.get("/users?$top=1000"), 400, "Request_UnsupportedQuery")
    assert_graph_error(graph.get("/users?$skip=1"), 400, "Request_BadRequest")
    page = graph.get("/users?$top=4&$select=displayName").json()
    assert len(page["value"]) == 4 and "$skiptoken=" in page["@odata.nextLink"]
    rest = httpx.get(page["@odata.nextLink"], headers=graph.headers).json()
    assert len(rest["value"]) >= 2 and "@odata.nextLink" not in rest
    assert set(rest["value"][0]) == {"displayName"}


def test_mailbox_settings(graph: httpx.Client, me: dict[str, str]) -> None:
    body = graph.get("/me/mailboxSettings").json()
    assert body["timeZone"] == me["timeZone"]
    hours = body["workingHours"]
    assert hours["daysOfWeek"] and hours["startTime"].endswith(".0000000") and hours["timeZone"]["name"]
    assert body["language"]["locale"]
    assert graph.get("/me/mailboxSettings/timeZone").json()["value"] == me["timeZone"]


def test_unknown_segment_bad_method_and_beta(graph: httpx.Client, sandbox_url: str) -> None:
    assert_graph_error(graph.get("/me/foo"), 400, "BadRequest")  # §1.1
    assert graph.delete("/me").status_code == 405
    assert_graph_error(graph.get(sandbox_url + "/beta/me"), 400, "BadRequest")
    echoed = graph.get("/me", headers={"client-request-id": "my-id-1"})
    assert echoed.headers["client-request-id"] == "my-id-1"
