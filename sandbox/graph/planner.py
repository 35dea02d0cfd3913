"""Planner: my tasks and plans, group plans, plan tasks and buckets, task writes with If-Match (§5.4)."""

from __future__ import annotations

from typing import Any

from ..errors import GraphError
from ..tenant.planner_seed import planner_etag, planner_task
from ..timezones import parse_offset_datetime, utc_stamp
from .core import (
    CONTEXT_BASE,
    Ctx,
    GraphResponse,
    Router,
    no_content,
    ok,
    reject_unknown,
    require_content_type,
)

__all__ = ["register"]

READ = ("Tasks.Read", "Tasks.ReadWrite", "Group.Read.All", "Group.ReadWrite.All")
WRITE = ("Tasks.ReadWrite", "Group.ReadWrite.All")
TASK_FIELDS = {"planId", "bucketId", "title", "assignments", "dueDateTime", "startDateTime", "percentComplete", "priority", "orderHint", "appliedCategories", "assigneePriority", "conversationThreadId"}


def _error(status: int, message: str) -> GraphError:
    return GraphError(status, "", message)


def _collection(context: str, items: list[dict[str, Any]]) -> GraphResponse:
    # $filter, $orderby and $top are silently ignored by Planner (reference §5.4).
    return ok({"@odata.context": CONTEXT_BASE + context, "@odata.count": len(items), "value": items})


def _member_groups(ctx: Ctx) -> set[str]:
    return {gid for gid, g in ctx.state.tenant.groups.items() if ctx.principal.oid in g["members"]}


def _plan(ctx: Ctx, plan_id: str) -> dict[str, Any]:
    plan = ctx.state.tenant.plans.get(plan_id)
    if plan is None:
        raise _error(404, "The requested item is not found.")
    if plan["owner"] not in _member_groups(ctx):
        raise _error(403, "You do not have the required permissions to access this item.")
    return plan


async def my_tasks(ctx: Ctx) -> GraphResponse:
    mine = [t for t in ctx.state.tenant.planner_tasks.values() if ctx.principal.oid in t["assignments"]]
    return _collection("Collection(microsoft.graph.plannerTask)", mine)


async def my_plans(ctx: Ctx) -> GraphResponse:
    groups = _member_groups(ctx)
    return _collection("Collection(microsoft.graph.plannerPlan)", [p for p in ctx.state.tenant.plans.values() if p["owner"] in groups])


async def group_plans(ctx: Ctx) -> GraphResponse:
    group_id = ctx.params["group"]
    group = ctx.state.tenant.groups.get(group_id)
    if group is None:
        raise GraphError(404, "Request_ResourceNotFound", f"Resource '{group_id}' does not exist or one of its queried reference-property objects are not present.")
    if ctx.principal.oid not in group["members"]:
        raise _error(403, "You do not have the required permissions to access this item.")
    return _collection(f"groups('{group_id}')/planner/plans", [p for p in ctx.state.tenant.plans.values() if p["owner"] == group_id])


async def all_plans(ctx: Ctx) -> GraphResponse:
    raise _error(400, "This entity set cannot be queried without a filter on owner property.")


async def get_plan(ctx: Ctx) -> GraphResponse:
    return ok({"@odata.context": CONTEXT_BASE + "planner/plans/$entity", **_plan(ctx, ctx.params["plan"])})


async def plan_tasks(ctx: Ctx) -> GraphResponse:
    plan = _plan(ctx, ctx.params["plan"])
    return _collection(f"planner/plans('{plan['id']}')/tasks", [t for t in ctx.state.tenant.planner_tasks.values() if t["planId"] == plan["id"]])


async def plan_buckets(ctx: Ctx) -> GraphResponse:
    plan = _plan(ctx, ctx.params["plan"])
    return _collection(f"planner/plans('{plan['id']}')/buckets", [b for b in ctx.state.tenant.buckets.values() if b["planId"] == plan["id"]])


def _task(ctx: Ctx) -> dict[str, Any]:
    task = ctx.state.tenant.planner_tasks.get(ctx.params["task"])
    if task is None:
        raise _error(404, "The requested item is not found.")
    _plan(ctx, task["planId"])
    return task


async def get_task(ctx: Ctx) -> GraphResponse:
    return ok({"@odata.context": CONTEXT_BASE + "planner/tasks/$entity", **_task(ctx)})


def _assignments(ctx: Ctx, raw: Any, current: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _error(400, "The request is invalid: assignments must be an object.")
    out = dict(current)
    now = utc_stamp(ctx.state.clock.now())
    for user_id, value in raw.items():
        if value is None:
            out.pop(user_id, None)
            continue
        if not isinstance(value, dict) or value.get("@odata.type") != "#microsoft.graph.plannerAssignment" or not str(value.get("orderHint", "")).endswith("!"):
            raise _error(400, "The request is invalid: an assignment needs @odata.type '#microsoft.graph.plannerAssignment' and an orderHint.")
        if ctx.state.tenant.person(user_id) is None:
            raise _error(400, f"The request is invalid: user '{user_id}' is not valid.")
        out[user_id] = {"@odata.type": "#microsoft.graph.plannerAssignment", "assignedDateTime": now, "orderHint": "RWk" + str(len(out)), "assignedBy": {"user": {"id": ctx.principal.oid}}}
    return out


def _apply(ctx: Ctx, task: dict[str, Any], body: dict[str, Any]) -> None:
    reject_unknown(body, TASK_FIELDS, "microsoft.graph.plannerTask")
    for key, value in body.items():
        if key == "assignments":
            task["assignments"] = _assignments(ctx, value, task.get("assignments") or {})
        elif key in ("dueDateTime", "startDateTime"):
            try:
                task[key] = utc_stamp(parse_offset_datetime(value)).replace(".0000000Z", "Z") if value else None
            except (ValueError, AttributeError) as exc:
                raise _error(400, f"The request is invalid: {key} is not a valid DateTimeOffset.") from exc
        elif key == "percentComplete":
            if not isinstance(value, int) or not 0 <= value <= 100:
                raise _error(400, "The request is invalid: percentComplete must be between 0 and 100.")
            task[key] = value
            done = value == 100
            task["completedDateTime"] = utc_stamp(ctx.state.clock.now()) if done else None
            task["completedBy"] = {"user": {"id": ctx.principal.oid}} if done else None
        elif key == "priority":
            if not isinstance(value, int) or not 0 <= value <= 10:
                raise _error(400, "The request is invalid: priority must be between 0 and 10.")
            task[key] = value
        elif key == "bucketId":
            bucket = ctx.state.tenant.buckets.get(str(value))
            if value is not None and (bucket is None or bucket["planId"] != task["planId"]):
                raise _error(400, "The request is invalid: the bucket does not belong to the plan.")
            task[key] = value
        elif key == "orderHint":
            task[key] = str(8585269241124027581 - ctx.state.tenant.rng.randrange(10**6))
        elif key != "planId":
            task[key] = value
    if task.get("startDateTime") and task.get("dueDateTime") and task["startDateTime"] > task["dueDateTime"]:
        raise _error(400, "The request is invalid: the start date is after the due date.")
    task["@odata.etag"] = planner_etag(ctx.state.tenant)


async def create_task(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx)
    plan_id = body.get("planId")
    if not plan_id or not body.get("title"):
        raise _error(400, "The request is invalid: planId and title are required.")
    _plan(ctx, str(plan_id))
    task = planner_task(ctx.state.tenant, plan_id=str(plan_id), bucket_id=None, title="", created=utc_stamp(ctx.state.clock.now()), creator=ctx.principal.oid, assignees=[], due=None)
    _apply(ctx, task, body)
    ctx.state.tenant.planner_tasks[task["id"]] = task
    return ok({"@odata.context": CONTEXT_BASE + "planner/tasks/$entity", **task}, 201)


def _check_etag(ctx: Ctx, task: dict[str, Any]) -> None:
    sent = ctx.request.header("if-match")
    if not sent:
        raise _error(412, "The If-Match header must be specified for this kind of request.")
    if sent.strip() == "*":
        return
    if not sent.strip().endswith('"'):
        raise _error(412, "The If-Match header contains an invalid value.")
    if sent.strip() != task["@odata.etag"]:
        raise _error(412, "The resource has been modified since it was last retrieved.")


async def update_task(ctx: Ctx) -> GraphResponse:
    task = _task(ctx)
    _check_etag(ctx, task)
    body = require_content_type(ctx)
    staged = dict(task)
    _apply(ctx, staged, body)
    task.update(staged)
    if (ctx.prefer("return") or "") == "representation":
        return ok({"@odata.context": CONTEXT_BASE + "planner/tasks/$entity", **task}, headers={"Preference-Applied": "return=representation", "ETag": task["@odata.etag"]})
    return no_content()


async def delete_task(ctx: Ctx) -> GraphResponse:
    task = _task(ctx)
    _check_etag(ctx, task)
    del ctx.state.tenant.planner_tasks[task["id"]]
    return no_content()


def register(router: Router) -> None:
    router.add("GET", "/me/planner/tasks", my_tasks, scopes=READ, workload="planner")
    router.add("GET", "/me/planner/plans", my_plans, scopes=READ, workload="planner")
    router.add("GET", "/groups/{group}/planner/plans", group_plans, scopes=READ, workload="planner")
    router.add("GET", "/planner/plans", all_plans, scopes=READ, workload="planner")
    router.add("GET", "/planner/plans/{plan}", get_plan, scopes=READ, workload="planner")
    router.add("GET", "/planner/plans/{plan}/tasks", plan_tasks, scopes=READ, workload="planner")
    router.add("GET", "/planner/plans/{plan}/buckets", plan_buckets, scopes=READ, workload="planner")
    router.add("POST", "/planner/tasks", create_task, scopes=WRITE, workload="planner")
    router.add("GET", "/planner/tasks/{task}", get_task, scopes=READ, workload="planner")
    router.add("PATCH", "/planner/tasks/{task}", update_task, scopes=WRITE, workload="planner")
    router.add("DELETE", "/planner/tasks/{task}", delete_task, scopes=WRITE, workload="planner")
