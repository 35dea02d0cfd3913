"""Change notifications: POST/GET /subscriptions, GET/PATCH/DELETE /subscriptions/{id}, POST .../reauthorize."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from ..errors import GraphError
from ..subscriptions import CHANGE_TYPES, MAX_MINUTES, Subscription, ValidationFailed, expiry_limit
from ..timezones import parse_offset_datetime
from .core import Ctx, GraphResponse, Router, no_content, ok, reject_unknown, require_content_type

__all__ = ["register"]

FIELDS = {"changeType", "notificationUrl", "lifecycleNotificationUrl", "resource", "expirationDateTime", "clientState",
          "latestSupportedTlsVersion", "includeResourceData", "notificationQueryOptions"}
PATCHABLE = {"expirationDateTime", "notificationUrl"}
CALENDAR_READ = {"Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"}
CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#subscriptions"


def _bad(message: str, code: str = "InvalidRequest") -> GraphError:
    return GraphError(400, code, message)


def _url(value: Any, name: str) -> str:
    """HTTPS as Graph demands; plain HTTP is accepted for loopback receivers only (local development)."""
    if not isinstance(value, str) or not value:
        raise _bad(f"{name} is required.")
    parts = urlsplit(value)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise _bad(f"Invalid '{name}' value. The value must be an https URL.", "ValidationError")
    return value


def _resource(ctx: Ctx, value: Any) -> str:
    """`/me/events` or `users/{id|upn}/events` of the caller; other resources are out of the sandbox's scope."""
    if not isinstance(value, str) or not value.strip():
        raise _bad("resource is required.")
    parts = [p for p in value.strip().strip("/").split("/") if p]
    if len(parts) == 3 and parts[0].lower() == "users":
        person = ctx.state.tenant.person(parts[1].strip("()'"))
        if person is None or person.id != ctx.principal.oid:
            raise GraphError(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied.]")
        parts = ["me", parts[2]]
    if len(parts) != 2 or parts[0].lower() != "me" or parts[1].lower() != "events":
        raise _bad(f"Resource '{value}' is not supported by the sandbox (it serves /me/events subscriptions).", "ExtensionError")
    if not (ctx.principal.scopes & CALENDAR_READ):
        raise GraphError(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied.]")
    return value


def _expiry(ctx: Ctx, value: Any) -> datetime:
    if not isinstance(value, str):
        raise _bad("expirationDateTime is required.")
    try:
        expiry = parse_offset_datetime(value)
    except ValueError as exc:
        raise _bad("Invalid expirationDateTime.") from exc
    now = ctx.state.hub.now()
    if expiry <= now:
        raise _bad("Subscription expiration can only be in the future.")
    if expiry > expiry_limit(now):
        raise _bad(f"Subscription expiration can only be {MAX_MINUTES} minutes in the future.")
    return expiry


def _change_types(value: Any) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",")) if isinstance(value, str) else ()
    if not kinds or any(k not in CHANGE_TYPES for k in kinds) or len(set(kinds)) != len(kinds):
        raise _bad("changeType must be a comma-separated list of created, updated and deleted.")
    return kinds


def _entity(sub: Subscription) -> dict[str, Any]:
    return {"@odata.context": CONTEXT + "/$entity", **sub.graph()}


async def validated(ctx: Ctx, url: str) -> None:
    try:
        await ctx.state.hub.validate(url)
    except ValidationFailed as exc:
        raise _bad("Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.",
                   "ValidationError") from exc


async def create(ctx: Ctx) -> GraphResponse:
    if ctx.principal.app_only:
        raise _bad("The sandbox serves delegated subscriptions on /me/events only.", "ExtensionError")
    body = require_content_type(ctx)
    reject_unknown(body, FIELDS, "microsoft.graph.subscription")
    kinds = _change_types(body.get("changeType"))
    notification_url = _url(body.get("notificationUrl"), "notificationUrl")
    lifecycle_url = _url(body["lifecycleNotificationUrl"], "lifecycleNotificationUrl") if body.get("lifecycleNotificationUrl") else None
    resource = _resource(ctx, body.get("resource"))
    expiry = _expiry(ctx, body.get("expirationDateTime"))
    client_state = body.get("clientState")
    if client_state is not None and (not isinstance(client_state, str) or len(client_state) > 128):
        raise _bad("clientState must be a string of at most 128 characters.")
    if body.get("includeResourceData"):
        raise _bad("includeResourceData needs an encryption certificate; the sandbox sends basic notifications only.")
    await validated(ctx, notification_url)
    if lifecycle_url is not None and lifecycle_url != notification_url:
        await validated(ctx, lifecycle_url)
    hub = ctx.state.hub
    sub = Subscription(
        id=hub.new_id(), owner=ctx.principal.oid, resource=resource, change_types=kinds, notification_url=notification_url,
        lifecycle_url=lifecycle_url, expiration=expiry, client_state=client_state,
        application_id=str(ctx.principal.claims.get("appid") or ctx.principal.claims.get("azp") or ""), tenant_id=ctx.principal.tid,
    )
    hub.add(sub)
    return ok(_entity(sub), 201)


def _mine(ctx: Ctx) -> Subscription:
    sub = ctx.state.hub.get(ctx.params["id"], ctx.principal.oid)
    if sub is None:
        raise GraphError(404, "ResourceNotFound", f"The object was not found. Subscription Id: {ctx.params['id']}")
    return sub


async def list_subscriptions(ctx: Ctx) -> GraphResponse:
    mine = [s.graph() for s in ctx.state.hub.active() if s.owner == ctx.principal.oid]
    return ok({"@odata.context": CONTEXT, "value": mine})


async def get(ctx: Ctx) -> GraphResponse:
    return ok(_entity(_mine(ctx)))


async def update(ctx: Ctx) -> GraphResponse:
    sub = _mine(ctx)
    body = require_content_type(ctx)
    reject_unknown(body, PATCHABLE, "microsoft.graph.subscription")
    expiry = _expiry(ctx, body["expirationDateTime"]) if "expirationDateTime" in body else sub.expiration
    url = _url(body["notificationUrl"], "notificationUrl") if "notificationUrl" in body else sub.notification_url
    if url != sub.notification_url:
        await validated(ctx, url)
    sub.expiration, sub.notification_url = expiry, url
    return ok(_entity(sub))


async def delete(ctx: Ctx) -> GraphResponse:
    sub = _mine(ctx)
    ctx.state.hub.remove(sub.id)
    return no_content()


async def reauthorize(ctx: Ctx) -> GraphResponse:
    _mine(ctx)
    return no_content(200)


def register(router: Router) -> None:
    router.add("POST", "/subscriptions", create, scopes=(), workload="outlook")
    router.add("GET", "/subscriptions", list_subscriptions, scopes=(), workload="outlook")
    router.add("GET", "/subscriptions/{id}", get, scopes=(), workload="outlook")
    router.add("PATCH", "/subscriptions/{id}", update, scopes=(), workload="outlook")
    router.add("DELETE", "/subscriptions/{id}", delete, scopes=(), workload="outlook")
    router.add("POST", "/subscriptions/{id}/reauthorize", reauthorize, scopes=(), workload="outlook")
