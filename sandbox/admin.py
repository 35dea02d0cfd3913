"""The admin API under /_sandbox/: users, tokens, faults, request log, reset, clock, sign-in switches, settings."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from clock import PinnedClock, parse_instant

from .faults import FaultConfigError, Faults
from .state import STATE, SandboxState, TenantSettings
from .tokens import DEFAULT_SCOPES, GRAPH_AUDIENCE

__all__ = ["register"]


def _state(request: web.Request) -> SandboxState:
    return request.app[STATE]


def _bad(message: str, status: int = 400) -> web.Response:
    return web.json_response({"error": {"code": "BadRequest", "message": message}}, status=status)


async def _json(request: web.Request) -> dict[str, Any] | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


async def users(request: web.Request) -> web.Response:
    state = _state(request)
    return web.json_response(
        [
            {"id": p.id, "userPrincipalName": p.upn, "displayName": p.display_name, "timeZone": p.time_zone, "preferredLanguage": p.locale}
            for p in state.tenant.people
        ]
    )


async def tokens(request: web.Request) -> web.Response:
    state = _state(request)
    body = await _json(request)
    if body is None:
        return _bad("a JSON object is expected")
    if body.get("appOnly"):
        return _app_token(state, body)
    person = state.tenant.person(str(body.get("user", "")))
    if person is None:
        return _bad("unknown user", 404)
    scopes = body.get("scopes") or list(DEFAULT_SCOPES)
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        return _bad("scopes must be a list of strings")
    audience = str(body.get("audience") or GRAPH_AUDIENCE)
    if body.get("sso"):
        audience = f"api://botid-{body.get('appId') or '00000000-0000-0000-0000-000000000000'}"
        scopes = ["access_as_user"]
    lifetime = body.get("expiresIn")
    token, expires_in = state.issuer.issue(
        oid=person.id,
        upn=person.upn,
        name=person.display_name,
        scopes=scopes,
        audience=audience,
        lifetime_seconds=int(lifetime) if lifetime is not None else None,
    )
    return web.json_response({"access_token": token, "expires_in": expires_in, "token_type": "Bearer"})


def _app_token(state: SandboxState, body: dict[str, Any]) -> web.Response:
    roles = body.get("roles") or ["User.Read.All"]
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        return _bad("roles must be a list of strings")
    lifetime = body.get("expiresIn")
    token, expires_in = state.issuer.issue_app(
        app_id=str(body.get("appId") or "00000000-0000-0000-0000-000000000000"),
        roles=roles,
        lifetime_seconds=int(lifetime) if lifetime is not None else None,
    )
    return web.json_response({"access_token": token, "expires_in": expires_in, "token_type": "Bearer"})


async def put_faults(request: web.Request) -> web.Response:
    state = _state(request)
    body = await _json(request)
    if body is None:
        return _bad("a JSON object is expected")
    try:
        state.faults = Faults.from_config(body)
    except FaultConfigError as exc:
        return _bad(f"invalid faults: {exc}")
    return web.json_response(body)


async def delete_faults(request: web.Request) -> web.Response:
    _state(request).faults = Faults.from_config({})
    return web.Response(status=204)


async def get_requests(request: web.Request) -> web.Response:
    return web.json_response(_state(request).log)


async def delete_requests(request: web.Request) -> web.Response:
    _state(request).clear_log()
    return web.Response(status=204)


async def reset(request: web.Request) -> web.Response:
    _state(request).reset()
    return web.Response(status=204)


async def get_clock(request: web.Request) -> web.Response:
    state = _state(request)
    return web.json_response({"now": state.clock.now().isoformat(), "seedDate": state.seed_date.isoformat()})


async def put_clock(request: web.Request) -> web.Response:
    """`{"now": "2026-12-05T08:00:00+01:00", "running": true}`: pin the sandbox's clock and rebuild the tenant.

    `running` false stops the clock at that instant. `POST /_sandbox/reset` goes back to the process's clock.
    """
    state = _state(request)
    body = await _json(request)
    if body is None or not isinstance(body.get("now"), str) or not isinstance(body.get("running", True), bool):
        return _bad('a JSON object {"now": ISO instant with a zone, "running": bool} is expected')
    try:
        instant = parse_instant(body["now"])
    except ValueError:
        return _bad("now must be an ISO 8601 instant with a zone, e.g. 2026-12-05T08:00:00+01:00")
    state.set_clock(PinnedClock(instant, running=body.get("running", True)))
    return await get_clock(request)


async def advance_clock(request: web.Request) -> web.Response:
    """`{"seconds": 1.5}`: move the sandbox's clock forward, as time passing would; the tenant is kept."""
    state = _state(request)
    body = await _json(request)
    seconds = body.get("seconds") if body is not None else None
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or not 0 <= seconds <= 366 * 86400:
        return _bad('a JSON object {"seconds": a number from 0 to a year} is expected')
    clock = state.clock
    if not isinstance(clock, PinnedClock):
        clock = PinnedClock(clock.now())
        state.clock = clock
    clock.advance(seconds)
    return await get_clock(request)


async def get_signin(request: web.Request) -> web.Response:
    return web.json_response(_state(request).switches.as_dict())


async def put_signin(request: web.Request) -> web.Response:
    state = _state(request)
    body = await _json(request)
    if body is None:
        return _bad("a JSON object is expected")
    names = {"autoSignIn": "auto_signin", "magicCode": "magic_code", "consentRequired": "consent_required"}
    for key, value in body.items():
        if key not in names or not isinstance(value, bool):
            return _bad(f"unknown or non-boolean switch: {key}")
        setattr(state.switches, names[key], value)
    return web.json_response(state.switches.as_dict())


async def get_settings(request: web.Request) -> web.Response:
    return web.json_response(_state(request).settings.as_dict())


async def put_settings(request: web.Request) -> web.Response:
    """Change the given settings only: `deprecatedEmpty` (bool), `deprecatedEmptyUsers` (ids or UPNs)."""
    state = _state(request)
    body = await _json(request)
    if body is None:
        return _bad("a JSON object is expected")
    current = state.settings
    everyone, users = current.deprecated_empty, current.deprecated_empty_users
    for key, value in body.items():
        if key == "deprecatedEmpty" and isinstance(value, bool):
            everyone = value
        elif key == "deprecatedEmptyUsers" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            people = [state.tenant.person(v) for v in value]
            if any(p is None for p in people):
                return _bad("unknown user in deprecatedEmptyUsers", 404)
            users = frozenset(p.id for p in people if p is not None)
        else:
            return _bad(f"unknown setting or wrong type: {key}")
    state.settings = TenantSettings(deprecated_empty=everyone, deprecated_empty_users=users)
    return web.json_response(state.settings.as_dict())


def register(app: web.Application) -> None:
    app.router.add_get("/_sandbox/users", users)
    app.router.add_post("/_sandbox/tokens", tokens)
    app.router.add_put("/_sandbox/faults", put_faults)
    app.router.add_delete("/_sandbox/faults", delete_faults)
    app.router.add_get("/_sandbox/requests", get_requests)
    app.router.add_delete("/_sandbox/requests", delete_requests)
    app.router.add_post("/_sandbox/reset", reset)
    app.router.add_get("/_sandbox/clock", get_clock)
    app.router.add_put("/_sandbox/clock", put_clock)
    app.router.add_post("/_sandbox/clock/advance", advance_clock)
    app.router.add_get("/_sandbox/signin", get_signin)
    app.router.add_put("/_sandbox/signin", put_signin)
    app.router.add_get("/_sandbox/settings", get_settings)
    app.router.add_put("/_sandbox/settings", put_settings)
