"""Planner over HTTP: my tasks by plan, a plan's open tasks, plans and buckets, add, progress and complete, 412 race.

The real app, a fake channel and the sandbox process; every write is checked in the sandbox itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.e2e.test_tasks_support import ADELE, CAMILLE, block_texts, card_of, facts_of, plain_texts
from tests.support.bot import BotServer, texts

PARIS = "Europe/Paris"


def _get(graph: Any, path: str) -> Any:
    response = graph.get(path)
    response.raise_for_status()
    return response.json()


def _plans(graph: Any) -> dict[str, dict[str, Any]]:
    return {p["title"]: p for p in _get(graph, "/me/planner/plans")["value"]}


def _plan_tasks(graph: Any, plan_id: str) -> list[dict[str, Any]]:
    return list(_get(graph, f"/planner/plans/{plan_id}/tasks")["value"])


def _buckets(graph: Any, plan_id: str) -> dict[str, str]:
    return {b["id"]: b["name"] for b in _get(graph, f"/planner/plans/{plan_id}/buckets")["value"]}


def _user_id(sandbox: Any, upn: str) -> str:
    return next(u["id"] for u in sandbox.users() if u["userPrincipalName"] == upn)


def _my_open_task(graph: Any) -> dict[str, Any]:
    """An open task assigned to me whose title no other of my tasks shares a word-prefix with."""
    tasks = [t for t in _get(graph, "/me/planner/tasks")["value"] if t["percentComplete"] < 100]
    assert tasks
    return sorted(tasks, key=lambda t: t["title"])[0]


async def test_my_tasks_grouped_by_plan(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    mine = [t for t in _get(graph, "/me/planner/tasks")["value"] if t["percentComplete"] < 100]
    plan_titles = {p["id"]: p["title"] for p in _get(graph, "/me/planner/plans")["value"]}
    card = card_of(await bot.conversation(user_id=ADELE, timezone=PARIS).say("show my planner tasks"))
    shown = plain_texts(card)
    assert {t["title"] for t in mine} <= set(shown)
    for plan_id in {t["planId"] for t in mine}:
        assert plan_titles[plan_id] in shown  # one group header per plan
    assert any(text.startswith("Progress: ") for text in block_texts(card))


async def test_whats_left_on_a_plan(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    plan = _plans(graph)["Website refresh"]
    left = {t["title"] for t in _plan_tasks(graph, plan["id"]) if t["percentComplete"] < 100}
    done = {t["title"] for t in _plan_tasks(graph, plan["id"]) if t["percentComplete"] == 100}
    card = card_of(await bot.conversation(user_id=ADELE, timezone=PARIS).say("what's left on the Website refresh plan?"))
    shown = set(plain_texts(card))
    assert left <= shown
    assert not (done & shown)
    assert not any(title.startswith("Campaign launch:") for title in shown)


async def test_plans_and_buckets_in_french(bot: BotServer) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS).say("quels sont mes plans ?")
    text = texts(replies)[0]
    assert "Vos plans" in text
    assert "Salon de Lyon : À faire, En cours, Terminé" in text


async def test_add_to_plan_and_bucket_assigned_to_a_person(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("add review budget to the Campaign launch plan in the To do bucket assigned to Megan"))
    facts = facts_of(confirm)
    assert facts["Title"] == "review budget"
    assert facts["Plan"] == "Campaign launch"
    assert facts["Bucket"] == "To do"
    assert facts["Assigned to"] == "Megan Bowen"
    result = card_of(await conv.say("yes"))
    assert facts_of(result)["Title"] == "review budget"
    graph = graph_as(ADELE)
    plan = _plans(graph)["Campaign launch"]
    created = [t for t in _plan_tasks(graph, plan["id"]) if t["title"] == "review budget"]
    assert len(created) == 1
    assert _buckets(graph, plan["id"])[created[0]["bucketId"]] == "To do"
    assert list(created[0]["assignments"]) == [_user_id(sandbox, "meganb@contoso.onmicrosoft.com")]


async def test_add_in_french_with_due_date_and_assignee(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    confirm = card_of(await conv.say(
        "ajoute préparer le stand au plan Salon de Lyon dans le compartiment En cours pour Liam pour vendredi"))
    facts = facts_of(confirm)
    assert facts["Titre"] == "préparer le stand"
    assert facts["Plan"] == "Salon de Lyon"
    assert facts["Compartiment"] == "En cours"
    assert facts["Attribuée à"] == "Liam O'Brien"
    assert "vendredi" in facts["Échéance"]
    await conv.say("oui")
    graph = graph_as(CAMILLE)
    plan = _plans(graph)["Salon de Lyon"]
    created = next(t for t in _plan_tasks(graph, plan["id"]) if t["title"] == "préparer le stand")
    assert _buckets(graph, plan["id"])[created["bucketId"]] == "En cours"
    assert list(created["assignments"]) == [_user_id(sandbox, "liamo@contoso.onmicrosoft.com")]
    due = datetime.fromisoformat(created["dueDateTime"].replace("Z", "+00:00")).astimezone(ZoneInfo(PARIS))
    assert due.weekday() == 4 and (due.hour, due.minute) == (0, 0)


async def test_add_assigned_to_me_by_default(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say('add "check the banner" to the Website refresh plan'))
    assert facts_of(confirm)["Assigned to"] == "Adele Vance"
    assert facts_of(confirm)["Bucket"] == "To do"  # the plan's first bucket
    await conv.say("yes")
    graph = graph_as(ADELE)
    plan = _plans(graph)["Website refresh"]
    created = next(t for t in _plan_tasks(graph, plan["id"]) if t["title"] == "check the banner")
    assert list(created["assignments"]) == [_user_id(sandbox, ADELE)]


async def test_complete_a_planner_task(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    task = _my_open_task(graph)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say(f"mark the planner task {task['title']} as done"))
    assert facts_of(confirm)["Title"].replace("\\", "") == task["title"]
    await conv.say("yes")
    assert _get(graph, f"/planner/tasks/{task['id']}")["percentComplete"] == 100


async def test_progress_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    task = next(t for t in _get(graph, "/me/planner/tasks")["value"] if t["title"] == "Réserver le stand")
    assert task["percentComplete"] == 0
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    confirm = card_of(await conv.say("mets la tâche planner réserver le stand à 50 %"))
    assert facts_of(confirm)["Titre"] == "Réserver le stand"
    assert confirm["body"][0]["text"] == "Passer cette tâche Planner à 50 % ?"
    result = card_of(await conv.say("oui"))
    assert result["body"][0]["text"] == "Tâche Planner passée à 50 %"
    assert _get(graph, f"/planner/tasks/{task['id']}")["percentComplete"] == 50


async def test_complete_racing_another_update_refetches_once(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    graph = graph_as(ADELE)
    task = _my_open_task(graph)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say(f"mark the planner task {task['title']} as done"))
    # Someone renames the task between the confirmation card and the "yes": the bot's etag is now stale.
    current = _get(graph, f"/planner/tasks/{task['id']}")
    renamed = graph.patch(f"/planner/tasks/{task['id']}", json={"title": "Renamed meanwhile"},
                          headers={"If-Match": current["@odata.etag"]})
    assert renamed.status_code in (200, 204)
    sandbox.clear_requests()
    result = card_of(await conv.say("yes"))
    assert result["body"][0]["text"] == "Planner task completed"
    after = _get(graph, f"/planner/tasks/{task['id']}")
    assert after["percentComplete"] == 100
    assert after["title"] == "Renamed meanwhile"  # the other update is kept
    patches = [r["status"] for r in sandbox.requests() if r["method"] == "PATCH"]
    assert patches[0] == 412 and patches[-1] in (200, 204) and len(patches) == 2


async def test_complete_racing_twice_tells_the_user(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    graph = graph_as(ADELE)
    task = _my_open_task(graph)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say(f"mark the planner task {task['title']} as done"))
    # Every PATCH of a Planner task now loses the race: the one refetch is not enough.
    conflict = {"error": {"code": "PreconditionFailed", "message": "The etag does not match."}}
    sandbox.set_faults({"rules": [{"match": {"method": "PATCH", "path": "*planner/tasks/*"},
                                   "respond": {"status": 412, "body": conflict}}]})
    sandbox.clear_requests()
    replies = await conv.say("yes")
    sandbox.clear_faults()
    assert texts(replies) == [
        "Someone else changed this Planner task at the same time, so I didn't save your change. "
        "Please look at it again and retry."
    ]
    assert [r["status"] for r in sandbox.requests() if r["method"] == "PATCH"] == [412, 412]
    assert _get(graph, f"/planner/tasks/{task['id']}")["percentComplete"] == task["percentComplete"]
