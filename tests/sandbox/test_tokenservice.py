"""The Bot Framework token service double (reference bot-framework.md §8.2)."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime

import httpx

from sandbox.testing import AdminClient

CONN = {"connectionName": "graph", "channelId": "msteams"}


def _state(user: str, app_id: str = "11111111-2222-3333-4444-555555555555") -> str:
    state = {"connectionName": "graph", "conversation": {"user": {"id": user}, "channelId": "msteams", "conversation": {"id": "a:c1"}}, "msAppId": app_id}
    return base64.b64encode(json.dumps(state).encode()).decode()


def _me(url: str, token: str) -> dict:
    return httpx.get(url + "/v1.0/me", headers={"Authorization": f"Bearer {token}"}).json()


def test_get_token_is_404_until_signed_in(sandbox: AdminClient, sandbox_url: str) -> None:
    response = httpx.get(sandbox_url + "/api/usertoken/GetToken", params={"userId": "29:u1", **CONN, "api-version": "token"})
    assert response.status_code == 404
    status = httpx.get(sandbox_url + "/api/usertoken/GetTokenStatus", params={"userId": "29:u1", "channelId": "msteams"}).json()
    assert status[0]["hasToken"] is False


def test_sign_in_resource_and_page_round_trip_with_magic_code(sandbox: AdminClient, sandbox_url: str) -> None:
    resource = httpx.get(sandbox_url + "/api/botsignin/GetSignInResource", params={"state": _state("29:u1")}).json()
    assert resource["tokenExchangeResource"]["uri"] == "api://botid-11111111-2222-3333-4444-555555555555"
    assert resource["tokenExchangeResource"]["providerId"] and resource["tokenPostResource"]["sasUrl"]
    page = httpx.get(resource["signInLink"])
    assert page.status_code == 200 and "Se connecter" in page.text and "Sign in" in page.text
    chosen = sandbox.users()[1]
    assert chosen["displayName"].split()[0] in page.text
    state = re.search(r'name="state" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    done = httpx.post(sandbox_url + "/api/botsignin/signin", data={"state": state, "user": chosen["id"]})
    code = re.search(r'id="magic-code">(\d{6})<', done.text).group(1)  # type: ignore[union-attr]
    params = {"userId": "29:u1", **CONN}
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).status_code == 404
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params={**params, "code": "000000" if code != "000000" else "111111"}).status_code == 404
    token = httpx.get(sandbox_url + "/api/usertoken/GetToken", params={**params, "code": code}).json()
    assert token["connectionName"] == "graph" and token["channelId"] == "msteams" and token["expiration"].endswith("Z")
    assert _me(sandbox_url, token["token"])["id"] == chosen["id"]
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).status_code == 200
    aad = httpx.post(sandbox_url + "/api/usertoken/GetAadTokens", params=params, json={"resourceUrls": ["https://graph.microsoft.com"]}).json()
    assert aad["https://graph.microsoft.com"]["token"]
    assert httpx.delete(sandbox_url + "/api/usertoken/SignOut", params=params).status_code == 200
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).status_code == 404
    expired = httpx.get(resource["signInLink"])
    assert expired.status_code == 400


def test_without_magic_code_the_page_completes_sign_in(sandbox: AdminClient, sandbox_url: str) -> None:
    sandbox.set_signin(magic_code=False)
    link = httpx.get(sandbox_url + "/api/botsignin/GetSignInUrl", params={"state": _state("29:u2")}).json()
    state = link.split("state=", 1)[1]
    httpx.post(sandbox_url + "/api/botsignin/signin", data={"state": state, "user": sandbox.users()[0]["id"]})
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params={"userId": "29:u2", **CONN}).status_code == 200


def test_auto_mode_maps_channel_users(sandbox: AdminClient, sandbox_url: str) -> None:
    sandbox.set_signin(auto_signin=True)
    users = sandbox.users()
    for channel_user, expected in (("29:stranger", users[0]), (users[3]["userPrincipalName"].upper(), users[3]), (users[2]["id"], users[2])):
        token = httpx.get(sandbox_url + "/api/usertoken/GetToken", params={"userId": channel_user, **CONN}).json()["token"]
        assert _me(sandbox_url, token)["id"] == expected["id"]


def test_exchange_good_bad_and_consent_required(sandbox: AdminClient, sandbox_url: str) -> None:
    user = sandbox.users()[4]
    sso = sandbox.token(user["id"], sso=True, appId="11111111-2222-3333-4444-555555555555")
    params = {"userId": "29:u3", **CONN}
    good = httpx.post(sandbox_url + "/api/usertoken/exchange", params=params, json={"token": sso})
    assert good.status_code == 200 and _me(sandbox_url, good.json()["token"])["id"] == user["id"]
    graph_token = sandbox.token(user["id"])  # a Graph token is not an SSO token
    for bad in ("BAD-SSO", graph_token):
        response = httpx.post(sandbox_url + "/api/usertoken/exchange", params=params, json={"token": bad})
        assert response.status_code == 404 and response.json()["token"] is None
    sandbox.set_signin(consent_required=True)
    consent = httpx.post(sandbox_url + "/api/usertoken/exchange", params=params, json={"token": sso})
    assert consent.status_code == 400
    assert consent.json()["error"]["innerHttpError"]["statusCode"] == 400


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_get_token_hands_out_the_stored_token_until_sign_out(sandbox: AdminClient, sandbox_url: str) -> None:
    # The token service keeps the token of a sign-in and returns it on each GetToken; it does not mint one per call.
    sandbox.set_signin(auto_signin=True)
    users = sandbox.users()
    params = {"userId": users[1]["userPrincipalName"], **CONN}
    first = httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).json()
    again = httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).json()
    assert again["token"] == first["token"] and again["expiration"] == first["expiration"]
    expiry = datetime.fromtimestamp(_claims(first["token"])["exp"], UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first["expiration"] == expiry
    assert _me(sandbox_url, again["token"])["id"] == users[1]["id"]
    other_channel = httpx.get(sandbox_url + "/api/usertoken/GetToken", params={**params, "channelId": "emulator"}).json()
    assert other_channel["token"] != first["token"]  # one stored token per user, connection and channel
    assert httpx.delete(sandbox_url + "/api/usertoken/SignOut", params=params).status_code == 200
    after = httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).json()
    assert after["token"] != first["token"] and _me(sandbox_url, after["token"])["id"] == users[1]["id"]
    sandbox.reset()
    sandbox.set_signin(auto_signin=True)
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).json()["token"] not in (first["token"], after["token"])


def test_a_new_sign_in_gets_a_new_token(sandbox: AdminClient, sandbox_url: str) -> None:
    sandbox.set_signin(auto_signin=True)
    user = sandbox.users()[4]
    params = {"userId": "29:u5", **CONN}
    stored = httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).json()["token"]
    sso = sandbox.token(user["id"], sso=True, appId="11111111-2222-3333-4444-555555555555")
    exchanged = httpx.post(sandbox_url + "/api/usertoken/exchange", params=params, json={"token": sso}).json()["token"]
    assert exchanged != stored and _me(sandbox_url, exchanged)["id"] == user["id"]
    assert httpx.get(sandbox_url + "/api/usertoken/GetToken", params=params).json()["token"] == exchanged


def test_the_stored_token_is_renewed_near_its_expiry() -> None:
    # In-process: a 4-minute lifetime is inside the refresh margin, so each GetToken mints a new token.
    from datetime import date

    from sandbox.state import SandboxState
    from sandbox.tokenservice import REFRESH_MARGIN_SECONDS, _stored_token_response

    state = SandboxState.create(seed_date=date(2026, 8, 3), faults=None, auto_signin=True)
    person = state.tenant.people[0]
    key = ("29:u6", "graph", "msteams")
    hour = _stored_token_response(state, key, person)
    assert _stored_token_response(state, key, person)["token"] == hour["token"]
    state.issuer.lifetime_seconds = REFRESH_MARGIN_SECONDS - 60
    state.issued_tokens.pop(key)
    short = _stored_token_response(state, key, person)["token"]
    renewed = _stored_token_response(state, key, person)["token"]
    assert renewed != short and state.issuer.verify(renewed).oid == person.id
