"""Delta query for events: GET /me/calendarView/delta (start and end window, skip and delta tokens).

The first round (with `startDateTime` and `endDateTime`) returns every event of the window, page after page
(`@odata.nextLink` with `$skiptoken`), and ends with an `@odata.deltaLink` (`$deltatoken`). The next round with
that delta link returns only what changed since: created or updated events in full, and deleted ones (or ones that
left the window) as `{"id", "@removed": {"reason": "deleted"}}`. Tokens are opaque to clients; here they carry the
window and the position in the sandbox's change log. Page size: `Prefer: odata.maxpagesize` (default 10).
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from ..errors import GraphError
from ..tenant.events import expand, render
from ..timezones import parse_offset_datetime
from .calendar import READ
from .core import CONTEXT_BASE, Ctx, GraphResponse, Router, next_link, ok

__all__ = ["register"]

DEFAULT_PAGE = 10


def _encode(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(token: str) -> dict[str, Any]:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(data, dict) or not {"s", "a", "b"} <= data.keys():
            raise ValueError(token)
        return data
    except (ValueError, UnicodeDecodeError) as exc:
        raise GraphError(400, "ErrorInvalidSyncStateData", "The SyncStateData is not valid.") from exc


def _window(ctx: Ctx) -> tuple[datetime, datetime]:
    lowered = {k.lower(): v for k, v in ctx.request.query.items()}
    if "startdatetime" not in lowered or "enddatetime" not in lowered:
        raise GraphError(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.")
    try:
        return parse_offset_datetime(lowered["startdatetime"]), parse_offset_datetime(lowered["enddatetime"])
    except ValueError as exc:
        raise GraphError(400, "ErrorInvalidParameter", "The value of parameter 'StartDateTime' or 'EndDateTime' is invalid.") from exc


def _page_size(ctx: Ctx) -> int:
    raw = ctx.prefer("odata.maxpagesize")
    try:
        return max(1, min(1000, int(raw))) if raw else DEFAULT_PAGE
    except ValueError:
        return DEFAULT_PAGE


def _items(ctx: Ctx, start: datetime, end: datetime, since: int | None) -> list[dict[str, Any]]:
    tz_name = ctx.output_zone()
    events = list(ctx.mailbox.events.values())
    if since is None:
        found = expand(events, start, end)
        found.sort(key=lambda e: (e["_start"], e["id"]))
        return [render(e, tz_name) for e in found]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for change in ctx.state.hub.changes_since(ctx.principal.oid, since):
        if change.event_id in seen:
            continue
        seen.add(change.event_id)
        event = ctx.mailbox.events.get(change.event_id)
        instances = expand([event], start, end) if event is not None else []
        if instances:
            out.extend(render(e, tz_name) for e in instances)
        else:
            out.append({"@odata.type": "#microsoft.graph.event", "id": change.event_id, "@removed": {"reason": "deleted"}})
    return out


async def calendar_view_delta(ctx: Ctx) -> GraphResponse:
    q = ctx.request.query
    if q.get("deltatoken"):
        state = _decode(q["deltatoken"])
        since: int | None = int(state["s"])
        position = ctx.state.hub.seq
        offset = 0
    elif q.get("skiptoken"):
        state = _decode(q["skiptoken"])
        since = state.get("d")
        position = int(state["s"])
        offset = int(state.get("o", 0))
    else:
        start, end = _window(ctx)
        state = {"s": ctx.state.hub.seq, "a": start.isoformat(), "b": end.isoformat()}
        since, position, offset = None, ctx.state.hub.seq, 0
    start, end = datetime.fromisoformat(state["a"]), datetime.fromisoformat(state["b"])
    items = _items(ctx, start, end, since)
    size = _page_size(ctx)
    page = items[offset : offset + size]
    body: dict[str, Any] = {"@odata.context": CONTEXT_BASE + "Collection(event)", "value": page}
    base = {"s": position, "a": state["a"], "b": state["b"]}
    if offset + size < len(items):
        body["@odata.nextLink"] = _link(ctx, "skiptoken", {**base, "d": since, "o": offset + size})
    else:
        body["@odata.deltaLink"] = _link(ctx, "deltatoken", base)
    headers = {"Preference-Applied": f"odata.maxpagesize={size}"} if ctx.prefer("odata.maxpagesize") else {}
    return ok(body, headers=headers)


def _link(ctx: Ctx, name: str, data: dict[str, Any]) -> str:
    request = ctx.request
    original = request.raw_query
    request.raw_query = ""  # the links carry the token only, as Graph's do
    try:
        return next_link(request, {name: _encode(data)}, top_default=None)
    finally:
        request.raw_query = original


def register(router: Router) -> None:
    for prefix in ("/me", "/me/calendar"):
        router.add("GET", prefix + "/calendarView/delta", calendar_view_delta, scopes=READ, workload="outlook")
