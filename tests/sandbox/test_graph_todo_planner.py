"""To Do and Planner contracts (reference graph-api.md §5.3, §5.4)."""

from __future__ import annotations

from datetime import timedelta

import httpx

from sandbox.testing import AdminClient
from tests.support.clock import local_now, suite_clock

from .conftest import assert_graph_error


def _default_list(graph: httpx.Client) -> dict:
    lists = graph.get("/me/todo/lists").json()["value"]
    assert {"defaultList", "flaggedEmails"} <= {x["wellknownListName"] for x in lists}
    return next(x for x in lists if x["wellknownListName"] == "defaultList")


def test_lists_and_task_paging(graph: httpx.Client) -> None:
    todo = _default_list(graph)
    first = graph.get(f"/me/todo/lists/{todo['id']}/tasks").json()
    assert len(first["value"]) == 50 and "$skip=50" in first["@odata.nextLink"]  # page 50 observed (§5.3)
    rest = httpx.get(first["@odata.nextLink"], headers=graph.headers).json()
    assert rest["value"] and "@odata.nextLink" not in rest
    tasks = first["value"] + rest["value"]
    today = local_now("Europe/Paris").date().isoformat()
    due = [t for t in tasks if t["dueDateTime"]]
    assert any(t["dueDateTime"]["dateTime"][:10] < today and t["status"] != "completed" for t in due)  # overdue
    assert any(t["importance"] == "high" for t in tasks) and any(t["status"] == "completed" for t in tasks)
    # httpx percent-encodes `$` in params, which To Do rejects (§5.3): write the query by hand.
    open_only = graph.get(f"/me/todo/lists/{todo['id']}/tasks?$filter=status%20ne%20'completed'&$top=100").json()["value"]
    assert open_only and all(t["status"] != "completed" for t in open_only)


def test_percent_encoded_option_names_are_rejected(graph: httpx.Client) -> None:
    todo = _default_list(graph)
    quirk = graph.get(f"/me/todo/lists/{todo['id']}/tasks?%24top=5")
    body = assert_graph_error(quirk, 400, "invalidRequest")
    assert body["error"]["innerError"]["code"] == "RequestBroker--ParseUri"
    assert len(graph.get(f"/me/todo/lists/{todo['id']}/tasks?$top=5").json()["value"]) == 5


def test_task_create_update_complete_delete(graph: httpx.Client) -> None:
    todo = _default_list(graph)
    url = f"/me/todo/lists/{todo['id']}/tasks"
    created = graph.post(url, json={
        "title": "Call O'Brien", "importance": "high",
        "dueDateTime": {"dateTime": "2026-08-05T18:30:00", "timeZone": "Pacific Standard Time"},
        "linkedResources": [{"webUrl": "https://outlook.office.com/mail/id/1", "applicationName": "MIPA", "displayName": "Mail"}],
    })
    assert created.status_code == 201
    task = created.json()
    assert task["dueDateTime"] == {"dateTime": "2026-08-05T00:00:00.0000000", "timeZone": "UTC"}  # time part dropped
    assert task["linkedResources"][0]["id"] and task["linkedResources"][0]["applicationName"] == "MIPA"
    done = graph.patch(f"{url}/{task['id']}", json={"status": "completed"}).json()
    assert done["status"] == "completed" and done["completedDateTime"]["dateTime"].endswith("T00:00:00.0000000")
    assert done["@odata.etag"] != task["@odata.etag"]
    reopened = graph.patch(f"{url}/{task['id']}", json={"status": "notStarted"}).json()
    assert reopened["completedDateTime"] is None
    links = graph.get(f"{url}/{task['id']}/linkedResources").json()["value"]
    assert len(links) == 1
    assert graph.delete(f"{url}/{task['id']}").status_code == 204
    assert_graph_error(graph.get(f"{url}/{task['id']}"), 404, "ErrorItemNotFound")
    assert_graph_error(graph.get("/me/todo/lists/AAMkADIyUnknown=/tasks"), 404, "ErrorItemNotFound")
    assert_graph_error(graph.post(url, json={"title": "x", "colour": "red"}), 400, "RequestBodyRead")


def _etag_error(response: httpx.Response, status: int) -> None:
    assert response.status_code == status
    assert response.json()["error"]["code"] == ""  # Planner uses an empty code (§1.3)


def test_planner_reads(graph: httpx.Client, me: dict[str, str]) -> None:
    tasks = graph.get("/me/planner/tasks?$top=1").json()["value"]
    assert len(tasks) > 1  # $top is ignored by Planner
    assert all(me["id"] in t["assignments"] for t in tasks)
    assert any(len(t["assignments"]) > 1 for t in tasks)
    plans = graph.get("/me/planner/plans").json()["value"]
    assert len({p["container"]["containerId"] for p in plans}) == 2
    group_id = plans[0]["container"]["containerId"]
    group_plans = graph.get(f"/groups/{group_id}/planner/plans").json()["value"]
    assert plans[0]["id"] in {p["id"] for p in group_plans}
    buckets = graph.get(f"/planner/plans/{plans[0]['id']}/buckets").json()["value"]
    assert len(buckets) >= 2 and all(b["planId"] == plans[0]["id"] for b in buckets)
    plan_tasks = graph.get(f"/planner/plans/{plans[0]['id']}/tasks").json()["value"]
    assert any(t["percentComplete"] == 100 for t in plan_tasks)
    _etag_error(graph.get("/planner/plans"), 400)
    _etag_error(graph.get("/planner/plans/xqQg5FS2LkCp935s-FIFm2QAFkHM"), 404)


def test_planner_create_and_if_match(graph: httpx.Client, sandbox: AdminClient) -> None:
    plan = graph.get("/me/planner/plans").json()["value"][0]
    bucket = graph.get(f"/planner/plans/{plan['id']}/buckets").json()["value"][0]
    other = sandbox.users()[1]["id"]
    bad = graph.post("/planner/tasks", json={"planId": plan["id"], "title": "x", "assignments": {other: {"orderHint": " !"}}})
    _etag_error(bad, 400)  # assignment without @odata.type
    due = (suite_clock().now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    created = graph.post("/planner/tasks", json={
        "planId": plan["id"], "bucketId": bucket["id"], "title": "Draft the brief", "dueDateTime": due, "orderHint": "whatever !",
        "assignments": {other: {"@odata.type": "#microsoft.graph.plannerAssignment", "orderHint": " !"}},
    })
    assert created.status_code == 201
    task = created.json()
    assert task["orderHint"] != "whatever !" and other in task["assignments"] and task["dueDateTime"].endswith("Z")
    url = f"/planner/tasks/{task['id']}"
    _etag_error(graph.patch(url, json={"percentComplete": 50}), 412)
    first = graph.patch(url, json={"percentComplete": 50}, headers={"If-Match": task["@odata.etag"]})
    assert first.status_code == 204 and first.content == b""
    _etag_error(graph.patch(url, json={"percentComplete": 100}, headers={"If-Match": task["@odata.etag"]}), 412)  # stale
    fresh = graph.get(url).json()
    assert fresh["@odata.etag"] != task["@odata.etag"] and fresh["percentComplete"] == 50
    rep = graph.patch(url, json={"percentComplete": 100}, headers={"If-Match": fresh["@odata.etag"], "Prefer": "return=representation"})
    assert rep.status_code == 200 and rep.json()["completedDateTime"]
    _etag_error(graph.delete(url), 412)
    assert graph.delete(url, headers={"If-Match": rep.json()["@odata.etag"]}).status_code == 204
    _etag_error(graph.get(url), 404)


def test_planner_scope_and_membership(graph_for, sandbox: AdminClient) -> None:
    users = sandbox.users()
    outsider = graph_for(users[-1]["id"])
    plan = graph_for(users[0]["id"]).get("/me/planner/plans").json()["value"][0]
    _etag_error(outsider.get(f"/planner/plans/{plan['id']}/tasks"), 403)
    no_scope = graph_for(users[0]["id"], ["User.Read"])
    _etag_error(no_scope.get("/me/planner/tasks"), 403)
