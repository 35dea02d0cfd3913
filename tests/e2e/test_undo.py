"""Typed undo over HTTP, in English and French, after each kind of write; each revert is checked in the sandbox.

Task add, complete and delete; meeting create, move and respond; contact add; list item add; mail flag;
then "nothing to undo", an item changed since the write, and "annule" alone still leaving a question.
Every item the tests touch is made by the test itself or found by its state, so any date and hour will do.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from language import t
from tests.e2e.test_actions import invitation
from tests.e2e.test_calendar import add_event, day_start, local
from tests.e2e.test_directory_lists import items, new_items
from tests.e2e.test_tasks_support import ADELE, CAMILLE, card_of, todo_lists, todo_tasks
from tests.support.bot import BotServer, texts

PARIS = "Europe/Paris"


def _said(replies: list[dict[str, Any]]) -> str:
    return "\n".join(texts(replies))


def _default_list(graph: httpx.Client) -> dict[str, Any]:
    return next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")


def _titles(graph: httpx.Client, list_id: str) -> list[str]:
    return [t["title"] for t in todo_tasks(graph, list_id)]


def _new_task(graph: httpx.Client, list_id: str, title: str) -> dict[str, Any]:
    response = graph.post(f"/me/todo/lists/{list_id}/tasks", json={"title": title})
    response.raise_for_status()
    return response.json()


# ---- To Do --------------------------------------------------------------------------------------
async def test_undo_a_task_add_in_english(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    default = _default_list(graph)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say("add buy oat milk to my tasks"))
    await conv.say("yes")
    assert "buy oat milk" in _titles(graph, default["id"])
    replies = await conv.say("undo")
    assert "I deleted the task I had just added" in _said(replies)
    assert "buy oat milk" not in _titles(graph, default["id"])
    again = await conv.say("undo")  # the only write is undone: nothing left
    assert "nothing to undo" in _said(again)


async def test_undo_a_task_add_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("ajoute acheter du lait à mes courses pour vendredi"))
    await conv.say("oui")
    courses = next(li for li in todo_lists(graph) if li["displayName"] == "Courses")
    assert "acheter du lait" in _titles(graph, courses["id"])
    replies = await conv.say("annule la dernière action")
    assert "j'ai supprimé la tâche que je venais d'ajouter" in _said(replies)
    assert "acheter du lait" not in _titles(graph, courses["id"])


async def test_undo_a_task_complete(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    default = _default_list(graph)
    task = _new_task(graph, default["id"], "Polish the quarterly slides")
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say("mark the task polish the quarterly slides as done"))
    await conv.say("yes")
    assert graph.get(f"/me/todo/lists/{default['id']}/tasks/{task['id']}").json()["status"] == "completed"
    replies = await conv.say("take that back")
    assert "the task is open again" in _said(replies)
    assert graph.get(f"/me/todo/lists/{default['id']}/tasks/{task['id']}").json()["status"] == "notStarted"


async def test_undo_a_task_delete_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    default = _default_list(graph)
    _new_task(graph, default["id"], "Rappeler le garage")
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("supprime la tâche rappeler le garage"))
    await conv.say("oui")
    assert "Rappeler le garage" not in _titles(graph, default["id"])
    replies = await conv.say("défais ça")
    assert "la tâche supprimée est de retour" in _said(replies)
    assert _titles(graph, default["id"]).count("Rappeler le garage") == 1


# ---- calendar -----------------------------------------------------------------------------------
async def test_undo_a_meeting_create(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say('schedule "Undo rehearsal" tomorrow at 3pm'))
    await conv.say("yes")
    created = graph.get("/me/events", params={"$filter": "subject eq 'Undo rehearsal'"}).json()["value"]
    assert len(created) == 1
    replies = await conv.say("undo that")
    assert "I deleted the meeting I had just booked" in _said(replies)
    assert graph.get(f"/me/events/{created[0]['id']}").status_code == 404


async def test_undo_a_meeting_move_in_french(bot: BotServer, graph_as: Any, at: Any) -> None:
    at("08:00", PARIS)  # 20h10 is still to come (a time already past today would mean tomorrow)
    graph = graph_as(CAMILLE)
    today = day_start(PARIS)
    start = today + timedelta(hours=20, minutes=10)
    event = add_event(graph, "Point tardif", start, start + timedelta(minutes=20), PARIS)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("déplace ma réunion de 20h10 à 21h10"))
    await conv.say("oui")
    paris = {"Prefer": f'outlook.timezone="{PARIS}"'}
    moved = graph.get(f"/me/events/{event['id']}", headers=paris).json()
    assert local(moved["start"], PARIS) == start + timedelta(hours=1)
    replies = await conv.say("reviens en arrière")
    assert "la réunion est revenue à son horaire précédent" in _said(replies)
    back = graph.get(f"/me/events/{event['id']}", headers=paris).json()
    assert local(back["start"], PARIS) == start
    assert local(back["end"], PARIS) == start + timedelta(minutes=20)


async def test_undo_a_meeting_response(bot: BotServer, sandbox: Any, graph_as: Any, at: Any) -> None:
    now = at("08:00", PARIS)  # this morning's invitations are still to come
    adele = next(u for u in sandbox.users() if u["userPrincipalName"] == ADELE)
    graph = graph_as(adele["id"])
    event = invitation(graph, now)
    assert graph.post(f"/me/events/{event['id']}/tentativelyAccept", json={"sendResponse": True}).status_code == 202
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    action = {"type": "Action.Execute", "verb": "event.accept", "data": {"verb": "event.accept", "itemId": event["id"]}}
    response, _ = await conv.invoke("adaptiveCard/action", {"action": action})
    assert response.status_code == 200
    assert graph.get(f"/me/events/{event['id']}").json()["responseStatus"]["response"] == "accepted"
    replies = await conv.say("undo")
    assert "your earlier answer to the meeting is sent again" in _said(replies)
    assert graph.get(f"/me/events/{event['id']}").json()["responseStatus"]["response"] == "tentativelyAccepted"


# ---- directory and mail ---------------------------------------------------------------------------
async def test_undo_a_contact_add(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE)
    card_of(await conv.say("add a contact Pat Undo pat.undo@example.org"))
    await conv.say("yes")
    found = graph.get("/me/contacts", params={"$filter": "givenName eq 'Pat'"}).json()["value"]
    assert [c["surname"] for c in found] == ["Undo"]
    replies = await conv.say("please undo")
    assert "I deleted the contact I had just added" in _said(replies)
    assert graph.get(f"/me/contacts/{found[0]['id']}").status_code == 404


async def test_undo_a_list_item_add(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    before = items(graph_as, ADELE)
    await conv.say("add an item to the Orders SharePoint list with quantity 3, status done, "
                   "due date 2026-12-24 and approved yes")
    card_of(await conv.say("Undo widget"))
    await conv.say("yes")
    assert len(new_items(before, items(graph_as, ADELE))) == 1
    replies = await conv.say("undo")
    assert "I deleted the list item I had just added" in _said(replies)
    assert new_items(before, items(graph_as, ADELE)) == []


async def test_undo_a_mail_flag_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    messages = graph.get("/me/messages", params={"$top": "50", "$select": "id,subject,flag"}).json()["value"]
    message = next(m for m in messages if m["subject"] == "Contrat à signer")
    assert message["flag"]["flagStatus"] == "flagged"
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("marque l'indicateur du mail d'Adele sur le contrat comme terminé"))
    await conv.say("oui")
    assert graph.get(f"/me/messages/{message['id']}").json()["flag"]["flagStatus"] == "complete"
    replies = await conv.say("annule la dernière action")
    assert "l'indicateur du message est comme avant" in _said(replies)
    assert graph.get(f"/me/messages/{message['id']}").json()["flag"]["flagStatus"] == "flagged"


# ---- the plain answers ----------------------------------------------------------------------------
async def test_nothing_to_undo_in_english_and_french(bot: BotServer, sandbox: Any) -> None:
    sandbox.clear_requests()
    english = await bot.conversation(user_id=ADELE).say("undo")
    assert _said(english) == ("There is nothing to undo: I have not changed anything in this conversation "
                              "lately.")
    french = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("annule la dernière action")
    assert _said(french).startswith("Il n'y a rien à annuler")
    assert [r for r in sandbox.requests() if r["method"] != "GET"] == []


async def test_an_item_changed_since_is_left_as_it_is(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    default = _default_list(graph)
    task = _new_task(graph, default["id"], "Renew the parking permit")
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say("mark the task renew the parking permit as done"))
    await conv.say("yes")
    path = f"/me/todo/lists/{default['id']}/tasks/{task['id']}"
    assert graph.patch(path, json={"status": "notStarted"}).status_code == 200  # reopened elsewhere meanwhile
    assert graph.patch(path, json={"status": "inProgress"}).status_code == 200
    replies = await conv.say("undo")
    assert "has changed since" in _said(replies)
    assert graph.get(path).json()["status"] == "inProgress"


async def test_annule_alone_still_cancels_a_pending_question(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    default = _default_list(graph)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("ajoute arroser le ficus à mes tâches"))
    replies = await conv.say("annule")
    assert _said(replies) == t("bot.cancelled", "fr")
    assert not card_of(await conv.say("oui"), required=False)
    assert "arroser le ficus" not in _titles(graph, default["id"])

