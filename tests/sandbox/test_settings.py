"""Admin settings: the drive-list deprecation switch (reference graph-api.md §5.7: `deprecated_empty`)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from sandbox.testing import AdminClient, SandboxProcess


def _drive(client: httpx.Client) -> tuple[list[dict], list[dict]]:
    recent = client.get("/me/drive/recent")
    shared = client.get("/me/drive/sharedWithMe")
    for response in (recent, shared):
        assert response.status_code == 200, response.text
        # §5.7: the shape stays a driveItem collection, only the items go.
        assert response.json()["@odata.context"].endswith("$metadata#Collection(driveItem)")
    return recent.json()["value"], shared.json()["value"]


def test_settings_default_off(sandbox: AdminClient) -> None:
    assert sandbox.settings() == {"deprecatedEmpty": False, "deprecatedEmptyUsers": []}


def test_deprecated_empty_for_one_user_only(sandbox: AdminClient, graph_for: Callable[..., httpx.Client]) -> None:
    first, second = sandbox.users()[:2]
    me, other = graph_for(first["id"]), graph_for(second["id"])
    recent, shared = _drive(me)
    assert recent and shared
    assert sandbox.set_settings(deprecatedEmptyUsers=[first["userPrincipalName"]]) == {
        "deprecatedEmpty": False, "deprecatedEmptyUsers": [first["id"]]}
    assert _drive(me) == ([], [])
    assert me.get("/me/drive/recent()").json()["value"] == []
    other_recent, other_shared = _drive(other)
    assert other_recent and other_shared
    # the user's own data is untouched: switching off brings it back
    sandbox.set_settings(deprecatedEmptyUsers=[])
    assert _drive(me) == (recent, shared)


def test_deprecated_empty_for_everyone_and_reset(sandbox: AdminClient, graph_for: Callable[..., httpx.Client]) -> None:
    users = sandbox.users()
    sandbox.set_settings(deprecatedEmpty=True)
    for user in users[:3]:
        assert _drive(graph_for(user["id"])) == ([], [])
    sandbox.reset()
    assert sandbox.settings()["deprecatedEmpty"] is False
    recent, shared = _drive(graph_for(users[0]["id"]))
    assert recent and shared


def test_settings_reject_bad_input(sandbox: AdminClient, sandbox_url: str) -> None:
    for body, status in (({"deprecatedEmpty": "yes"}, 400), ({"nope": True}, 400),
                         ({"deprecatedEmptyUsers": ["nobody@example.com"]}, 404), ({"deprecatedEmptyUsers": "x"}, 400)):
        assert httpx.put(f"{sandbox_url}/_sandbox/settings", json=body, timeout=10).status_code == status
    assert httpx.put(f"{sandbox_url}/_sandbox/settings", content=b"[1]", timeout=10).status_code == 400
    assert sandbox.settings() == {"deprecatedEmpty": False, "deprecatedEmptyUsers": []}


def test_cli_deprecated_empty_survives_reset() -> None:
    with SandboxProcess(extra_args=["--deprecated-empty"]) as process, AdminClient(process.url) as admin:
        user = admin.users()[0]
        client = httpx.Client(base_url=process.url + "/v1.0", headers={"Authorization": f"Bearer {admin.token(user['id'])}"}, timeout=10)
        with client:
            assert _drive(client) == ([], [])
            admin.reset()
            assert admin.settings()["deprecatedEmpty"] is True
            admin.set_settings(deprecatedEmpty=False)
            assert _drive(client)[0]
