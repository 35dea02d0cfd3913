"""Microsoft To Do: /me/todo/lists, their tasks and linkedResources (reference §5.3)."""

from __future__ import annotations

import re
from typing import Any

from ..errors import GraphError
from ..tenant.content import todo_task
from ..tenant.model import etag
from ..timezones import from_graph, to_graph, utc_stamp, zone
from .core import (
    Ctx,
    GraphResponse,
    Router,
    list_response,
    no_content,
    ok,
    reject_unknown,
    require_content_type,
    select_entity,
)
from .recurrence import patterned_recurrence

__all__ = ["register"]

READ = ("Tasks.Read", "Tasks.ReadWrite")
WRITE = ("Tasks.ReadWrite",)
TASK_FIELDS = {"title", "body", "dueDateTime", "reminderDateTime", "isReminderOn", "startDateTime", "importance", "status", "categories", "recurrence", "linkedResources", "completedDateTime"}
LINK_FIELDS = {"webUrl", "applicationName", "displayName", "externalId"}
_STATUS = {"notStarted", "inProgress", "completed", "waitingOnOthers", "deferred"}
_IMPORTANCE = {"low", "normal", "high"}


def _quirk(ctx: Ctx) -> None:
    """To Do's request broker does not decode `%24` in option names (reference §5.3)."""
    if re.search(r"(^|&)%24", ctx.request.raw_query, re.IGNORECASE):
        raise GraphError(400, "invalidRequest", "Invalid request.", inner_code="RequestBroker--ParseUri")


def _not_found() -> GraphError:
    return GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")


def _list(ctx: Ctx) -> dict[str, Any]:
    _quirk(ctx)
    found = ctx.mailbox.todo_lists.get(ctx.params["list"])
    if found is None:
        raise _not_found()
    return found


def _task(ctx: Ctx) -> dict[str, Any]:
    todo_list = _list(ctx)
    task = ctx.mailbox.todo_tasks[todo_list["id"]].get(ctx.params["task"])
    if task is None:
        raise _not_found()
    return task


def _render(ctx: Ctx, task: dict[str, Any], tz_name: str | None = None) -> dict[str, Any]:
    tz_name = tz_name or ctx.output_zone()
    out = dict(task)
    if tz_name != "UTC":
        for key in ("dueDateTime", "completedDateTime", "startDateTime", "reminderDateTime"):
            if out.get(key):
                out[key] = to_graph(from_graph(out[key]), tz_name)
    return out


async def get_lists(ctx: Ctx) -> GraphResponse:
    _quirk(ctx)
    return list_response(ctx, list(ctx.mailbox.todo_lists.values()), context=f"users('{ctx.principal.oid}')/todo/lists", page_size=50)


async def get_one_list(ctx: Ctx) -> GraphResponse:
    return ok(select_entity(ctx, _list(ctx), f"users('{ctx.principal.oid}')/todo/lists"))


async def create_list(ctx: Ctx) -> GraphResponse:
    _quirk(ctx)
    body = require_content_type(ctx)
    reject_unknown(body, {"displayName"}, "microsoft.graph.todoTaskList")
    if not str(body.get("displayName", "")).strip():
        raise GraphError(400, "invalidRequest", "Invalid request.")
    _key, tag = etag(ctx.state.tenant.rng)
    list_id = ctx.state.tenant.new_id("AAMkADIy")
    created = {"@odata.etag": tag, "displayName": body["displayName"], "isOwner": True, "isShared": False, "wellknownListName": "none", "id": list_id}
    ctx.mailbox.todo_lists[list_id] = created
    ctx.mailbox.todo_tasks[list_id] = {}
    return ok(select_entity(ctx, created, f"users('{ctx.principal.oid}')/todo/lists"), 201)


async def get_tasks(ctx: Ctx) -> GraphResponse:
    todo_list = _list(ctx)
    tz_name = ctx.output_zone()
    tasks = [_render(ctx, t, tz_name) for t in ctx.mailbox.todo_tasks[todo_list["id"]].values()]
    response = list_response(ctx, tasks, context=f"users('{ctx.principal.oid}')/todo/lists('{todo_list['id']}')/tasks", page_size=50)
    if ctx.prefer("outlook.timezone"):
        response.headers["Preference-Applied"] = f'outlook.timezone="{ctx.output_zone()}"'
    return response


async def get_task(ctx: Ctx) -> GraphResponse:
    return ok(select_entity(ctx, _render(ctx, _task(ctx)), f"users('{ctx.principal.oid}')/todo/lists('{ctx.params['list']}')/tasks"))


def _date_only(value: Any) -> dict[str, str] | None:
    """The due-date quirk: keep the calendar date in the sent zone, store UTC midnight (reference §5.3)."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        raise GraphError(400, "invalidRequest", "Invalid request.")
    try:
        local = from_graph(value).astimezone(zone(str(value.get("timeZone") or "UTC")))
    except ValueError as exc:
        raise GraphError(400, "invalidRequest", "Invalid request.") from exc
    return {"dateTime": f"{local.date().isoformat()}T00:00:00.0000000", "timeZone": "UTC"}


def _link(ctx: Ctx, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise GraphError(400, "invalidRequest", "Invalid request.")
    reject_unknown({k: v for k, v in raw.items() if k != "id"}, LINK_FIELDS, "microsoft.graph.linkedResource")
    return {"id": str(__import__("uuid").UUID(int=ctx.state.tenant.rng.getrandbits(128), version=4)), **{k: raw.get(k) for k in sorted(LINK_FIELDS)}}


def _reminder(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        raise GraphError(400, "invalidRequest", "Invalid request.")
    zone(str(value.get("timeZone") or "UTC"))  # an unknown zone: 400 TimeZoneNotSupportedException
    try:
        return to_graph(from_graph(value), "UTC")
    except ValueError as exc:
        raise GraphError(400, "invalidRequest", "Invalid request.") from exc


def _apply(ctx: Ctx, task: dict[str, Any], body: dict[str, Any]) -> None:
    """Check the whole body on a copy, then keep it: a rejected request changes nothing."""
    reject_unknown(body, TASK_FIELDS, "microsoft.graph.todoTask")
    if "status" in body and body["status"] not in _STATUS or "importance" in body and body["importance"] not in _IMPORTANCE:
        raise GraphError(400, "invalidRequest", "Invalid request.")
    if "isReminderOn" in body and not isinstance(body["isReminderOn"], bool):
        raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{body['isReminderOn']}' to the expected type 'Edm.Boolean'.")
    now = ctx.state.clock.now()
    draft = dict(task)
    for key, value in body.items():
        if key == "dueDateTime":
            draft[key] = _date_only(value)
        elif key == "startDateTime":
            draft[key] = to_graph(from_graph(value), "UTC") if value else None
        elif key == "reminderDateTime":
            draft[key] = _reminder(value)
        elif key == "linkedResources":
            draft[key] = [_link(ctx, item) for item in value or []]
        elif key == "body":
            draft["body"] = {"content": str((value or {}).get("content", "")), "contentType": str((value or {}).get("contentType", "text")).lower()}
            draft["bodyLastModifiedDateTime"] = utc_stamp(now)
        elif key == "status":
            draft["status"] = value
            draft["completedDateTime"] = {"dateTime": f"{now.date().isoformat()}T00:00:00.0000000", "timeZone": "UTC"} if value == "completed" else None
        elif key not in ("completedDateTime", "recurrence"):
            draft[key] = value
    if "reminderDateTime" in body and "isReminderOn" not in body:
        draft["isReminderOn"] = draft["reminderDateTime"] is not None
    if draft.get("isReminderOn") and not draft.get("reminderDateTime"):
        raise GraphError(400, "invalidRequest", "A reminder needs a reminderDateTime.")
    due = draft.get("dueDateTime")
    if "recurrence" in body:
        draft["recurrence"] = patterned_recurrence(body["recurrence"], default_start=from_graph(due).date() if due else None)
    if draft.get("recurrence") and not due:
        raise GraphError(400, "invalidRequest", "A recurring task needs a dueDateTime.")
    _key, draft["@odata.etag"] = etag(ctx.state.tenant.rng)
    draft["lastModifiedDateTime"] = utc_stamp(now)
    task.clear()
    task.update(draft)


async def create_task(ctx: Ctx) -> GraphResponse:
    todo_list = _list(ctx)
    body = require_content_type(ctx)
    task = todo_task(ctx.state.tenant, "", utc_stamp(ctx.state.clock.now()))
    _apply(ctx, task, body)
    ctx.mailbox.todo_tasks[todo_list["id"]][task["id"]] = task
    return ok(select_entity(ctx, _render(ctx, task), f"users('{ctx.principal.oid}')/todo/lists('{todo_list['id']}')/tasks"), 201)


async def update_task(ctx: Ctx) -> GraphResponse:
    task = _task(ctx)
    _apply(ctx, task, require_content_type(ctx))
    return ok(select_entity(ctx, _render(ctx, task), f"users('{ctx.principal.oid}')/todo/lists('{ctx.params['list']}')/tasks"))


async def delete_task(ctx: Ctx) -> GraphResponse:
    task = _task(ctx)
    del ctx.mailbox.todo_tasks[ctx.params["list"]][task["id"]]
    return no_content()


async def get_links(ctx: Ctx) -> GraphResponse:
    task = _task(ctx)
    return list_response(ctx, list(task.get("linkedResources") or []), context="linkedResources", page_size=50, always=("id",))


async def create_link(ctx: Ctx) -> GraphResponse:
    task = _task(ctx)
    link = _link(ctx, require_content_type(ctx))
    task.setdefault("linkedResources", []).append(link)
    return ok({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#linkedResources/$entity", **link}, 201)


def register(router: Router) -> None:
    base = "/me/todo/lists"
    router.add("GET", base, get_lists, scopes=READ, workload="outlook")
    router.add("POST", base, create_list, scopes=WRITE, workload="outlook")
    router.add("GET", base + "/{list}", get_one_list, scopes=READ, workload="outlook")
    router.add("GET", base + "/{list}/tasks", get_tasks, scopes=READ, workload="outlook")
    router.add("POST", base + "/{list}/tasks", create_task, scopes=WRITE, workload="outlook")
    router.add("GET", base + "/{list}/tasks/{task}", get_task, scopes=READ, workload="outlook")
    router.add("PATCH", base + "/{list}/tasks/{task}", update_task, scopes=WRITE, workload="outlook")
    router.add("DELETE", base + "/{list}/tasks/{task}", delete_task, scopes=WRITE, workload="outlook")
    router.add("GET", base + "/{list}/tasks/{task}/linkedResources", get_links, scopes=READ, workload="outlook")
    router.add("POST", base + "/{list}/tasks/{task}/linkedResources", create_link, scopes=WRITE, workload="outlook")
