"""Seed Planner: two groups, their plans, buckets and tasks assigned to several people."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ..timezones import utc_stamp
from .model import Tenant

__all__ = ["planner_etag", "planner_id", "seed_planner"]


def planner_id(tenant: Tenant) -> str:
    """A 28-character case-sensitive Planner id."""
    return base64.urlsafe_b64encode(bytes(tenant.rng.getrandbits(8) for _ in range(21))).decode("ascii")


def planner_etag(tenant: Tenant) -> str:
    raw = "1-Task" + "".join(chr(64 + tenant.rng.randrange(26)) for _ in range(12))
    return 'W/"' + base64.b64encode(raw.encode()).decode() + '"'


def seed_planner(tenant: Tenant, today: date) -> None:
    people = tenant.people
    created = utc_stamp(datetime.combine(today - timedelta(days=21), time(9), tzinfo=UTC))
    groups = [
        ("Marketing", "Lancement produit", [people[0], people[1], people[2], people[3]], ["Campaign launch", "Website refresh"]),
        ("Équipe France", "Équipe France", [people[0], people[1], people[4]], ["Salon de Lyon"]),
    ]
    for group_name, mail_nick, members, plan_titles in groups:
        group_id = str(__import__("uuid").UUID(int=tenant.rng.getrandbits(128), version=4))
        tenant.groups[group_id] = {"id": group_id, "displayName": group_name, "mailNickname": mail_nick.replace(" ", ""), "members": [m.id for m in members]}
        for plan_title in plan_titles:
            plan_id = planner_id(tenant)
            tenant.plans[plan_id] = {
                "@odata.etag": planner_etag(tenant),
                "id": plan_id,
                "title": plan_title,
                "owner": group_id,
                "createdDateTime": created,
                "createdBy": {"user": {"id": members[0].id}},
                "container": {"containerId": group_id, "type": "group", "url": f"https://graph.microsoft.com/v1.0/groups/{group_id}"},
            }
            fr = group_name.startswith("É")
            bucket_names = ["À faire", "En cours", "Terminé"] if fr else ["To do", "In progress", "Done"]
            bucket_ids = []
            for n, name in enumerate(bucket_names):
                bucket_id = planner_id(tenant)
                bucket_ids.append(bucket_id)
                tenant.buckets[bucket_id] = {"@odata.etag": planner_etag(tenant), "id": bucket_id, "name": name, "planId": plan_id, "orderHint": f"85{n}"}
            titles = (
                ["Réserver le stand", "Imprimer les brochures", "Préparer la démo", "Inviter les clients"]
                if fr
                else [f"{plan_title}: brief", f"{plan_title}: assets", f"{plan_title}: review", f"{plan_title}: go-live", f"{plan_title}: retro"]
            )
            for n, title in enumerate(titles):
                assignees = [members[n % len(members)]] + ([members[(n + 1) % len(members)]] if n % 2 == 0 else [])
                percent = 100 if n == len(titles) - 1 else (50 if n == 1 else 0)
                task = planner_task(
                    tenant,
                    plan_id=plan_id,
                    bucket_id=bucket_ids[2 if percent == 100 else (1 if percent else 0)],
                    title=title,
                    created=created,
                    creator=members[0].id,
                    assignees=[a.id for a in assignees],
                    due=utc_stamp(datetime.combine(today + timedelta(days=n - 1), time(17), tzinfo=UTC)).replace(".0000000Z", "Z"),
                    percent=percent,
                    priority=[1, 3, 5, 9][n % 4],
                )
                tenant.planner_tasks[task["id"]] = task


def planner_task(tenant: Tenant, *, plan_id: str, bucket_id: str | None, title: str, created: str, creator: str, assignees: list[str], due: str | None, percent: int = 0, priority: int = 5) -> dict[str, Any]:
    task_id = planner_id(tenant)
    return {
        "@odata.etag": planner_etag(tenant),
        "planId": plan_id,
        "bucketId": bucket_id,
        "title": title,
        "orderHint": str(8585269241124027581 - tenant.rng.randrange(10**6)),
        "assigneePriority": "",
        "percentComplete": percent,
        "priority": priority,
        "startDateTime": None,
        "createdDateTime": created,
        "dueDateTime": due,
        "hasDescription": False,
        "previewType": "automatic",
        "completedDateTime": created if percent == 100 else None,
        "completedBy": {"user": {"id": creator}} if percent == 100 else None,
        "referenceCount": 0,
        "checklistItemCount": 0,
        "activeChecklistItemCount": 0,
        "conversationThreadId": None,
        "id": task_id,
        "createdBy": {"user": {"id": creator}},
        "appliedCategories": {},
        "assignments": {
            uid: {"@odata.type": "#microsoft.graph.plannerAssignment", "assignedDateTime": created, "orderHint": "RWk1", "assignedBy": {"user": {"id": creator}}}
            for uid in assignees
        },
    }
