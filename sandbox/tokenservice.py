"""The Bot Framework token service double: /api/usertoken/* and /api/botsignin/*, with a sign-in page."""

from __future__ import annotations

import base64
import html
import json
import logging
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from .jsonbody import json_response
from .state import STATE, SandboxState
from .tenant.model import Person
from .tokens import DEFAULT_SCOPES, TokenInvalid

logger = logging.getLogger(__name__)

__all__ = ["register"]

PROVIDER_ID = "30dd229c-58e3-4a48-bdfd-91ec48eb906c"
PROVIDER_NAME = "Azure Active Directory v2"
#: GetToken hands out a new token once the stored one has this many seconds or fewer left.
REFRESH_MARGIN_SECONDS = 300


def _state(request: web.Request) -> SandboxState:
    return request.app[STATE]


def _key(request: web.Request) -> tuple[str, str, str]:
    q = request.query
    return q.get("userId", ""), q.get("connectionName", ""), q.get("channelId", "")


def _token_response(state: SandboxState, person: Person, connection: str, channel: str) -> dict[str, Any]:
    """A newly minted token for `person` (a new sign-in, an exchange, GetAadTokens)."""
    token, lifetime = state.issuer.issue(oid=person.id, upn=person.upn, name=person.display_name, scopes=DEFAULT_SCOPES)
    expiration = (datetime.now(UTC) + timedelta(seconds=lifetime)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"channelId": channel, "connectionName": connection, "token": token, "expiration": expiration}


def _stored_token_response(state: SandboxState, key: tuple[str, str, str], person: Person) -> dict[str, Any]:
    """The user's stored token for this connection, refreshed once it has REFRESH_MARGIN_SECONDS or less left.

    The Bot Framework token service keeps the token it got at sign-in and hands the same one out on every
    GetToken until it nears its expiry; it does not mint a token per call.
    """
    held = state.issued_tokens.get(key)
    if held is None or held[2] != person.id or held[1] - time.time() <= REFRESH_MARGIN_SECONDS:
        token, _lifetime = state.issuer.issue(oid=person.id, upn=person.upn, name=person.display_name, scopes=DEFAULT_SCOPES)
        held = state.issued_tokens[key] = (token, state.issuer.verify(token).expires_at, person.id)
    expiration = datetime.fromtimestamp(held[1], UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"channelId": key[2], "connectionName": key[1], "token": held[0], "expiration": expiration}


def _not_found(connection: str, channel: str) -> web.Response:
    return json_response({"channelId": channel, "connectionName": connection, "token": None, "expiration": None}, status=404)


def mapped_person(state: SandboxState, channel_user_id: str) -> Person:
    """Auto sign-in: a channel user id naming a demo user maps to them, anyone else to the default user."""
    return state.tenant.person(channel_user_id) or state.tenant.people[0]


async def get_token(request: web.Request) -> web.Response:
    state = _state(request)
    user, connection, channel = _key(request)
    if not user or not connection:
        return _error(400, "BadArgument", "userId and connectionName are required")
    code = request.query.get("code")
    key = (user, connection, channel)
    if code:
        pending = state.pending_codes.get(code)
        if pending is not None and pending[:3] == key:
            del state.pending_codes[code]
            state.user_tokens[key] = pending[3]
            state.issued_tokens.pop(key, None)  # a new sign-in: a new token
    person_id = state.user_tokens.get(key)
    if person_id is None and state.switches.auto_signin:
        person_id = mapped_person(state, user).id
        state.user_tokens[key] = person_id
    person = state.tenant.person(person_id) if person_id else None
    if person is None:
        return _not_found(connection, channel)
    return json_response(_stored_token_response(state, key, person))


async def get_aad_tokens(request: web.Request) -> web.Response:
    state = _state(request)
    user, connection, channel = _key(request)
    try:
        body = await request.json()
        urls = list(body.get("resourceUrls") or [])
    except (ValueError, AttributeError):
        return _error(400, "BadArgument", "resourceUrls expected")
    person_id = state.user_tokens.get((user, connection, channel))
    person = state.tenant.person(person_id) if person_id else None
    if person is None:
        return json_response({})
    return json_response({url: _token_response(state, person, connection, channel) for url in urls})


async def sign_out(request: web.Request) -> web.Response:
    state = _state(request)
    user, connection, channel = _key(request)
    for key in list(state.user_tokens):
        if key[0] == user and (not connection or key[1] == connection) and (not channel or key[2] == channel):
            del state.user_tokens[key]
            state.issued_tokens.pop(key, None)
    return json_response({})


async def token_status(request: web.Request) -> web.Response:
    state = _state(request)
    user, _connection, channel = _key(request)
    connections = {k[1] for k in state.user_tokens if k[0] == user and (not channel or k[2] == channel)}
    names = connections or {"graph"}
    return json_response(
        [{"channelId": channel, "connectionName": name, "hasToken": name in connections, "serviceProviderDisplayName": PROVIDER_NAME} for name in sorted(names)]
    )


def _error(status: int, code: str, message: str) -> web.Response:
    return json_response({"error": {"code": code, "message": message, "innerHttpError": {"statusCode": status, "body": {}}}}, status=status)


async def exchange(request: web.Request) -> web.Response:
    state = _state(request)
    user, connection, channel = _key(request)
    try:
        body = await request.json()
        token = str(body.get("token") or "")
    except (ValueError, AttributeError):
        token = ""
    if state.switches.consent_required:
        return _error(400, "ConsentRequired", "The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.")
    try:
        principal = state.issuer.verify_any_audience(token)
    except TokenInvalid:
        return _not_found(connection, channel)
    person = state.tenant.person(principal.oid)
    if person is None or not principal.audience.startswith("api://botid-"):
        return _not_found(connection, channel)
    key = (user, connection, channel)
    state.user_tokens[key] = person.id
    state.issued_tokens.pop(key, None)  # a new sign-in: a new token
    return json_response(_stored_token_response(state, key, person))


def _decode_state(raw: str) -> dict[str, Any]:
    padded = raw + "=" * (-len(raw) % 4)
    for decoder in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            value = json.loads(decoder(padded.encode()).decode("utf-8"))
            if isinstance(value, dict):
                return value
        except (ValueError, UnicodeDecodeError):
            continue
    return {}


async def sign_in_resource(request: web.Request) -> web.Response:
    return json_response(_resource(request))


async def sign_in_url(request: web.Request) -> web.Response:
    return json_response(_resource(request)["signInLink"])


def _resource(request: web.Request) -> dict[str, Any]:
    state = _state(request)
    raw = request.query.get("state", "")
    decoded = _decode_state(raw)
    conversation = decoded.get("conversation") or {}
    user = str((conversation.get("user") or {}).get("id", ""))
    channel = str(conversation.get("channelId", ""))
    connection = str(decoded.get("connectionName", ""))
    page_state = secrets.token_urlsafe(16)
    state.signin_states[page_state] = (user, connection, channel)
    origin = str(request.url.origin())
    app_id = str(decoded.get("msAppId") or "00000000-0000-0000-0000-000000000000")
    return {
        "signInLink": f"{origin}/api/botsignin/signin?state={page_state}",
        "tokenExchangeResource": {"id": secrets.token_hex(8), "uri": f"api://botid-{app_id}", "providerId": PROVIDER_ID},
        "tokenPostResource": {"sasUrl": f"{origin}/api/botsignin/tokenpost?state={page_state}"},
    }


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MIPA sandbox sign-in / Connexion</title></head>
<body><main><h1>Sign in to the MIPA sandbox / Connexion au bac à sable MIPA</h1>{content}</main></body></html>"""


async def sign_in_page(request: web.Request) -> web.Response:
    state = _state(request)
    page_state = request.query.get("state", "")
    if page_state not in state.signin_states:
        return web.Response(status=400, content_type="text/html", text=_PAGE.format(content="<p>This sign-in link has expired. / Ce lien de connexion a expiré.</p>"))
    options = "".join(
        f'<p><label><input type="radio" name="user" value="{html.escape(p.id)}"{" checked" if i == 0 else ""}> '
        f"{html.escape(p.display_name)} ({html.escape(p.upn)})</label></p>"
        for i, p in enumerate(state.tenant.people)
    )
    form = (
        f'<form method="post" action="/api/botsignin/signin"><input type="hidden" name="state" value="{html.escape(page_state)}">'
        f"<fieldset><legend>Pick a demo user / Choisissez un utilisateur de démonstration</legend>{options}</fieldset>"
        '<button type="submit">Sign in / Se connecter</button></form>'
    )
    return web.Response(content_type="text/html", text=_PAGE.format(content=form))


async def sign_in_submit(request: web.Request) -> web.Response:
    state = _state(request)
    form = await request.post()
    page_state = str(form.get("state", ""))
    person = state.tenant.person(str(form.get("user", "")))
    key = state.signin_states.pop(page_state, None)
    if key is None or person is None:
        return web.Response(status=400, content_type="text/html", text=_PAGE.format(content="<p>Sign-in failed. / La connexion a échoué.</p>"))
    if state.switches.magic_code:
        code = f"{secrets.randbelow(1_000_000):06d}"
        state.pending_codes[code] = (*key, person.id)
        content = (
            "<p>Type this code in the chat to finish signing in. / Tapez ce code dans la conversation pour terminer la connexion.</p>"
            f'<p><strong id="magic-code">{code}</strong></p>'
        )
    else:
        state.user_tokens[key] = person.id
        state.issued_tokens.pop(key, None)
        content = "<p>You are signed in; you can close this window. / Vous êtes connecté ; vous pouvez fermer cette fenêtre.</p>"
    return web.Response(content_type="text/html", text=_PAGE.format(content=content))


def register(app: web.Application) -> None:
    app.router.add_get("/api/usertoken/GetToken", get_token)
    app.router.add_post("/api/usertoken/GetAadTokens", get_aad_tokens)
    app.router.add_delete("/api/usertoken/SignOut", sign_out)
    app.router.add_get("/api/usertoken/GetTokenStatus", token_status)
    app.router.add_post("/api/usertoken/exchange", exchange)
    app.router.add_get("/api/botsignin/GetSignInResource", sign_in_resource)
    app.router.add_get("/api/botsignin/GetSignInUrl", sign_in_url)
    app.router.add_get("/api/botsignin/signin", sign_in_page)
    app.router.add_post("/api/botsignin/signin", sign_in_submit)
