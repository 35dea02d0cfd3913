"""App-only tokens (`roles`, no `scp`): `/me` is 400 like Graph (reference graph-api.md §1.1, §2.1, §2.3)."""

from __future__ import annotations

import httpx
import jwt

from sandbox.testing import AdminClient

from .conftest import assert_graph_error


def _app_client(sandbox: AdminClient, sandbox_url: str, roles: list[str] | None = None) -> httpx.Client:
    token = sandbox.token("", roles=roles, appOnly=True) if roles is not None else sandbox.token("", appOnly=True)
    return httpx.Client(base_url=sandbox_url + "/v1.0", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def test_app_only_token_has_roles_and_no_scp(sandbox: AdminClient) -> None:
    claims = jwt.decode(sandbox.token("", roles=["User.Read.All"], appOnly=True, appId="1234"), options={"verify_signature": False})
    assert "scp" not in claims and claims["roles"] == ["User.Read.All"]
    assert claims["idtyp"] == "app" and claims["appid"] == "1234" and "upn" not in claims


def test_me_with_an_app_only_token_is_400(sandbox: AdminClient, sandbox_url: str) -> None:
    # §1.1: "/me request is only valid with delegated authentication flow."
    with _app_client(sandbox, sandbox_url, ["User.Read.All", "Calendars.Read"]) as app:
        for path in ("/me", "/me/events", "/me/calendarView?startDateTime=2026-01-01&endDateTime=2026-01-02", "/ME/mailboxSettings"):
            body = assert_graph_error(app.get(path), 400, "BadRequest")
            assert body["error"]["message"] == "/me request is only valid with delegated authentication flow."
        assert sandbox.requests()[-1]["status"] == 400


def test_app_only_roles_are_its_permissions(sandbox: AdminClient, sandbox_url: str) -> None:
    # §2.3: GET /users app-only needs User.Read.All; missing → 403 with the directory code (§1.3).
    person = sandbox.users()[0]
    with _app_client(sandbox, sandbox_url, ["User.Read.All"]) as app:
        listed = app.get("/users")
        assert listed.status_code == 200 and listed.json()["value"]
        assert app.get(f"/users/{person['id']}").json()["id"] == person["id"]
    with _app_client(sandbox, sandbox_url, ["Sites.Read.All"]) as app:
        assert_graph_error(app.get("/users"), 403, "Authorization_RequestDenied")
        assert app.get("/sites/root").status_code == 200


def test_a_delegated_token_still_reaches_me(sandbox: AdminClient, graph: httpx.Client) -> None:
    assert graph.get("/me").status_code == 200
    claims = jwt.decode(sandbox.token(sandbox.users()[0]["id"]), options={"verify_signature": False})
    assert claims["scp"] and "roles" not in claims
