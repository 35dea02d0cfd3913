"""The admin API under /_sandbox/ (issue 2, section 6)."""

from __future__ import annotations

import httpx

from sandbox.testing import AdminClient


def test_users_list_has_six_people_in_different_zones(sandbox: AdminClient) -> None:
    users = sandbox.users()
    assert len(users) >= 6
    assert {"id", "userPrincipalName", "displayName", "timeZone"} <= set(users[0])
    zones = {u["timeZone"] for u in users}
    assert len(zones) >= 6
    assert {"Europe/Paris", "Pacific Standard Time"} & zones or "America/Los_Angeles" in zones
    assert any(u["preferredLanguage"].startswith("fr") for u in users)


def test_token_by_upn_or_id_and_unknown_user(sandbox: AdminClient, sandbox_url: str) -> None:
    user = sandbox.users()[1]
    for key in (user["id"], user["userPrincipalName"].upper()):
        token = sandbox.token(key)
        me = httpx.get(sandbox_url + "/v1.0/me", headers={"Authorization": f"Bearer {token}"}).json()
        assert me["id"] == user["id"]
    response = httpx.post(sandbox_url + "/_sandbox/tokens", json={"user": "nobody@nowhere"})
    assert response.status_code == 404
    body = httpx.post(sandbox_url + "/_sandbox/tokens", json={"user": user["id"]}).json()
    assert body["expires_in"] > 0 and body["access_token"].count(".") == 2


def test_request_log_and_reset(sandbox: AdminClient, graph: httpx.Client) -> None:
    graph.get("/me", headers={"client-request-id": "abc-123"})
    graph.get("/me/mailboxSettings?$select=timeZone")
    log = sandbox.requests()
    assert [e["path"] for e in log] == ["/v1.0/me", "/v1.0/me/mailboxSettings?$select=timeZone"]
    assert log[0]["status"] == 200 and log[0]["method"] == "GET" and log[0]["inBatch"] is False
    assert log[0]["userId"] == sandbox.users()[0]["id"]
    assert log[0]["durationMs"] >= 0 and log[0]["clientRequestId"] == "abc-123"
    sandbox.clear_requests()
    assert sandbox.requests() == []
    created = graph.post(
        "/me/events",
        json={"subject": "temp", "start": {"dateTime": "2026-08-03T10:00:00", "timeZone": "UTC"}, "end": {"dateTime": "2026-08-03T11:00:00", "timeZone": "UTC"}},
    ).json()
    assert graph.get(f"/me/events/{created['id']}").status_code == 200
    sandbox.set_faults({"rate": 100, "allowedErrors": [503]})
    sandbox.reset()
    assert graph.get(f"/me/events/{created['id']}").status_code == 404
    assert sandbox.requests()[-1]["status"] == 404


def test_admin_rejects_bad_input(sandbox: AdminClient, sandbox_url: str) -> None:
    assert httpx.put(sandbox_url + "/_sandbox/faults", content=b"nope").status_code == 400
    assert httpx.put(sandbox_url + "/_sandbox/faults", json={"rate": 300}).status_code == 400
    assert httpx.put(sandbox_url + "/_sandbox/signin", json={"bogus": True}).status_code == 400
    assert sandbox.set_signin(magic_code=False)["magicCode"] is False
    sandbox.reset()
    assert sandbox.signin_switches() == {"autoSignIn": False, "magicCode": True, "consentRequired": False}
