"""Planner: my tasks with plan and bucket names, plans, buckets, create, progress with If-Match."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from ._json import obj
from .batch import BatchRequest
from .errors import PreconditionFailed
from .models import PlannerBucket, PlannerPlan, PlannerTask
from .response import GraphResponse
from .session import Session
from .timezones import parse_offset_datetime

__all__ = ["PlannerService", "parse_bucket", "parse_plan", "parse_planner_task"]


def parse_plan(item: dict[str, Any]) -> PlannerPlan:
    container = obj(item.get("container"))
    return PlannerPlan(
        id=str(item["id"]),
        title=str(item.get("title") or ""),
        group_id=container.get("containerId") or item.get("owner"),
    )


def parse_bucket(item: dict[str, Any]) -> PlannerBucket:
    return PlannerBucket(
        id=str(item["id"]),
        name=str(item.get("name") or ""),
        plan_id=str(item.get("planId") or ""),
        order_hint=item.get("orderHint"),
    )


def parse_planner_task(
    item: dict[str, Any], plans: dict[str, str] | None = None, buckets: dict[str, str] | None = None
) -> PlannerTask:
    assignments = obj(item.get("assignments"))
    plan_id = str(item.get("planId") or "")
    bucket_id = item.get("bucketId")
    return PlannerTask(
        id=str(item["id"]),
        title=str(item.get("title") or ""),
        plan_id=plan_id,
        bucket_id=bucket_id,
        plan_name=(plans or {}).get(plan_id),
        bucket_name=(buckets or {}).get(bucket_id) if bucket_id else None,
        percent_complete=int(item.get("percentComplete") or 0),
        due=parse_offset_datetime(item.get("dueDateTime")),
        assignee_ids=tuple(k for k, v in assignments.items() if v is not None),
        priority=item["priority"] if isinstance(item.get("priority"), int) else 5,
        etag=item.get("@odata.etag"),
    )


def _task_path(task_id: str) -> str:
    return f"/planner/tasks/{quote(task_id, safe='')}"


class PlannerService:
    """Planner tasks assigned to me, plans shared with me, and writes guarded by etags."""

    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def plans(self) -> list[PlannerPlan]:
        return [parse_plan(i) for i in await self._session.get_all("/me/planner/plans")]

    async def group_plans(self, group_id: str) -> list[PlannerPlan]:
        path = f"/groups/{quote(group_id, safe='')}/planner/plans"
        return [parse_plan(i) for i in await self._session.get_all(path)]

    async def buckets(self, plan_id: str) -> list[PlannerBucket]:
        path = f"/planner/plans/{quote(plan_id, safe='')}/buckets"
        return [parse_bucket(i) for i in await self._session.get_all(path)]

    async def plan_tasks(self, plan: PlannerPlan, *, include_completed: bool = False) -> list[PlannerTask]:
        """The tasks of one plan with its bucket names (both reads at once, every page followed)."""
        path = f"/planner/plans/{quote(plan.id, safe='')}"
        items, raw_buckets = await asyncio.gather(
            self._session.get_all(f"{path}/tasks"), self._session.get_all(f"{path}/buckets")
        )
        buckets = {b.id: b.name for b in (parse_bucket(i) for i in raw_buckets)}
        tasks = [parse_planner_task(i, {plan.id: plan.title}, buckets) for i in items]
        return tasks if include_completed else [t for t in tasks if t.percent_complete < 100]

    async def my_tasks(self, *, include_completed: bool = False) -> list[PlannerTask]:
        """My tasks with plan and bucket names: two `$batch` round trips, sorted by due date."""
        first = await self._session.batch(
            [BatchRequest.get("tasks", "/me/planner/tasks"), BatchRequest.get("plans", "/me/planner/plans")]
        )
        raw_tasks = first["tasks"].raise_for_status().values()
        plans = {p.id: p.title for p in (parse_plan(i) for i in first["plans"].raise_for_status().values())}
        if not include_completed:
            raw_tasks = [t for t in raw_tasks if int(t.get("percentComplete") or 0) < 100]
        plan_ids = sorted({str(t.get("planId")) for t in raw_tasks if t.get("planId")})
        buckets: dict[str, str] = {}
        if plan_ids:
            second = await self._session.batch(
                [
                    BatchRequest.get(f"b{n}", f"/planner/plans/{quote(pid, safe='')}/buckets")
                    for n, pid in enumerate(plan_ids)
                ]
            )
            for n, pid in enumerate(plan_ids):
                answer = second[f"b{n}"]
                if answer.ok:
                    buckets.update({b.id: b.name for b in (parse_bucket(i) for i in answer.values())})
                if pid not in plans:
                    plans[pid] = ""
        tasks = [parse_planner_task(t, plans, buckets) for t in raw_tasks]
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(tasks, key=lambda t: (t.due or far, t.title))

    async def get(self, task_id: str) -> PlannerTask:
        return parse_planner_task((await self._session.get(_task_path(task_id))).json())

    async def create(
        self,
        *,
        plan_id: str,
        title: str,
        bucket_id: str | None = None,
        assignee_id: str | None = None,
        due: datetime | None = None,
    ) -> PlannerTask:
        """Create a task (first in its bucket); after an ambiguous failure, look it up first."""
        payload: dict[str, Any] = {"planId": plan_id, "title": title, "orderHint": " !"}
        if bucket_id:
            payload["bucketId"] = bucket_id
        if assignee_id:
            payload["assignments"] = {
                assignee_id: {"@odata.type": "#microsoft.graph.plannerAssignment", "orderHint": " !"}
            }
        if due is not None:
            payload["dueDateTime"] = due.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        started = self._session.client.wall_clock.now() - timedelta(seconds=60)

        async def reconcile() -> GraphResponse | None:
            found = await self._session.get(f"/planner/plans/{quote(plan_id, safe='')}/tasks")
            for item in found.values():
                created = parse_offset_datetime(item.get("createdDateTime"))
                if item.get("title") == title and item.get("bucketId") == (bucket_id or item.get("bucketId")):
                    if created is None or created >= started:
                        return GraphResponse(status=201, body=item)
            return None

        response = await self._session.post("/planner/tasks", payload, reconcile=reconcile)
        return parse_planner_task(response.json())

    async def update(self, task_id: str, changes: dict[str, Any], *, etag: str | None = None) -> PlannerTask:
        """PATCH with If-Match; on 412 refetch once, skip if already applied, else retry once, then raise."""
        current = await self.get(task_id) if etag is None else None
        tag = etag or (current.etag if current else None) or "*"
        try:
            return await self._patch(task_id, changes, tag)
        except PreconditionFailed:
            fresh = await self.get(task_id)
            if _applied(fresh, changes):
                return fresh
            return await self._patch(task_id, changes, fresh.etag or "*")

    async def _patch(self, task_id: str, changes: dict[str, Any], etag: str) -> PlannerTask:
        response = await self._session.patch(
            _task_path(task_id), changes, headers={"If-Match": etag, "Prefer": "return=representation"}
        )
        if response.json():
            return parse_planner_task(response.json())
        return await self.get(task_id)

    async def delete(self, task_id: str, *, etag: str | None = None) -> None:
        """Delete a task; Planner wants its etag in If-Match (read first when not given)."""
        tag = etag or (await self.get(task_id)).etag or "*"
        await self._session.delete(_task_path(task_id), headers={"If-Match": tag})

    async def set_progress(self, task_id: str, percent: int, *, etag: str | None = None) -> PlannerTask:
        if not 0 <= percent <= 100:
            raise ValueError("percent must be between 0 and 100")
        return await self.update(task_id, {"percentComplete": percent}, etag=etag)

    async def complete(self, task_id: str, *, etag: str | None = None) -> PlannerTask:
        return await self.set_progress(task_id, 100, etag=etag)


def _applied(task: PlannerTask, changes: dict[str, Any]) -> bool:
    mapping = {"percentComplete": task.percent_complete, "title": task.title, "bucketId": task.bucket_id}
    return all(k in mapping and mapping[k] == v for k, v in changes.items())
