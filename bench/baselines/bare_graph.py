"""Baseline: a bare aiohttp handler that reads today's calendar from the sandbox and posts one reply.

Tokens come from the sandbox's admin API once at start-up, one per demo user, so a turn costs one
Graph request and one reply: the limit of this stack for a Graph-backed turn.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiohttp import web

from bench.baselines._channel import SESSION, post_reply, session_ctx
from bench.baselines._serve import health, parse_args, serve

__all__ = ["CALENDAR_SELECT", "calendar_view_params", "create_app", "main", "user_keys"]

SANDBOX_URL = web.AppKey("sandbox_url", str)
TOKENS = web.AppKey("tokens", dict)
# The same `$select` as MIPA's calendar reads (graph.calendar.EVENT_SELECT; a test keeps them equal).
CALENDAR_SELECT = (
    "id,subject,start,end,isAllDay,location,organizer,attendees,isOnlineMeeting,onlineMeeting,webLink,"
    "responseStatus,isOrganizer,type,seriesMasterId,showAs,isCancelled"
)
DEFAULT_ZONE = "Europe/Paris"


def user_keys(user: dict[str, Any]) -> list[str]:
    """The ids a channel user may carry for a demo user: its object id and its UPN."""
    return [str(user[key]) for key in ("id", "userPrincipalName", "upn", "mail") if user.get(key)]


def calendar_view_params(zone: ZoneInfo, now: datetime | None = None) -> dict[str, str]:
    """Query parameters for today's calendarView in `zone`, with `$select`."""
    today = (now or datetime.now(zone)).astimezone(zone).date()
    start = datetime.combine(today, time.min, tzinfo=zone)
    end = start + timedelta(days=1)
    return {
        "startDateTime": start.isoformat(),
        "endDateTime": end.isoformat(),
        "$select": CALENDAR_SELECT,
        "$orderby": "start/dateTime",
        "$top": "50",
    }


def _zone(name: str | None) -> tuple[str, ZoneInfo]:
    try:
        return (name or DEFAULT_ZONE), ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return DEFAULT_ZONE, ZoneInfo(DEFAULT_ZONE)


async def tokens_ctx(app: web.Application):  # type: ignore[no-untyped-def]
    """Fetch one access token per demo user from the sandbox admin API, before serving."""
    base = app[SANDBOX_URL]
    session = app[SESSION]
    async with session.get(f"{base}/_sandbox/users") as response:
        response.raise_for_status()
        body = await response.json()
    users: list[dict[str, Any]] = (body.get("value") or body.get("users") or []) if isinstance(body, dict) else body
    tokens: dict[str, str] = {}
    for user in users:
        keys = user_keys(user)
        if not keys:
            continue
        async with session.post(f"{base}/_sandbox/tokens", json={"user": keys[0]}) as response:
            response.raise_for_status()
            token = (await response.json())["access_token"]
        for key in keys:
            tokens[key] = token
            tokens[key.lower()] = token
    app[TOKENS] = tokens
    yield


async def messages(request: web.Request) -> web.Response:
    activity = await request.json()
    if activity.get("type") != "message":
        return web.Response(status=201)
    sender = activity.get("from") or {}
    tokens = request.app[TOKENS]
    token = tokens.get(sender.get("id", "")) or tokens.get(str(sender.get("aadObjectId", "")).lower())
    if token is None:
        return web.Response(status=403)
    zone_name, zone = _zone(activity.get("localTimezone"))
    session = request.app[SESSION]
    async with session.get(
        request.app[SANDBOX_URL] + "/v1.0/me/calendarView",
        params=calendar_view_params(zone),
        headers={"Authorization": f"Bearer {token}", "Prefer": f'outlook.timezone="{zone_name}"'},
    ) as response:
        if response.status != 200:
            return web.Response(status=502)
        events = (await response.json()).get("value", [])
    await post_reply(session, activity, f"You have {len(events)} events today.")
    return web.Response(status=201)


def create_app(sandbox_url: str) -> web.Application:
    app = web.Application()
    app[SANDBOX_URL] = sandbox_url.rstrip("/")
    app.cleanup_ctx.append(session_ctx)
    app.cleanup_ctx.append(tokens_ctx)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", health)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv, description=__doc__ or "", sandbox=True)
    serve(create_app(args.sandbox_url), name="bare graph", host=args.host, port=args.port)


if __name__ == "__main__":
    main(sys.argv[1:])
