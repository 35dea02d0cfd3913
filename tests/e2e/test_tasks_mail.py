"""Flagged mail over HTTP: list, flag (with a due day), mark the flag done, clear it, turn a message into a task.

The real app, a fake channel and the sandbox process; every write is checked in the sandbox itself.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from graph.mail import parse_message
from tests.e2e.test_tasks_support import (
    ADELE,
    CAMILLE,
    card_of,
    facts_of,
    find_actions,
    plain_texts,
    todo_lists,
    todo_tasks,
)
from tests.support.bot import BotServer

PARIS = "Europe/Paris"


def _messages(graph: Any, **params: str) -> list[dict[str, Any]]:
    response = graph.get("/me/messages", params={"$top": "50", **params})
    response.raise_for_status()
    return list(response.json()["value"])


def _message(graph: Any, message_id: str) -> dict[str, Any]:
    response = graph.get(f"/me/messages/{message_id}")
    response.raise_for_status()
    return dict(response.json())


def _one(graph: Any, sender_first: str, subject: str) -> dict[str, Any]:
    found = [m for m in _messages(graph) if m["subject"] == subject
             and m["from"]["emailAddress"]["name"].startswith(sender_first)]
    assert len(found) == 1, [m["subject"] for m in _messages(graph)]
    return found[0]


async def test_flagged_list_shows_sender_subject_and_buttons(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    flagged = [m for m in _messages(graph) if m["flag"]["flagStatus"] == "flagged"]
    assert flagged
    card = card_of(await bot.conversation(user_id=ADELE, timezone=PARIS).say("show my flagged emails"))
    shown = plain_texts(card)
    for message in flagged[:10]:
        assert message["subject"] in shown
        assert message["from"]["emailAddress"]["name"] in shown
    not_flagged = {m["subject"] for m in _messages(graph) if m["flag"]["flagStatus"] != "flagged"}
    assert not (not_flagged & set(shown))
    assert len(find_actions(card, "mail.flag.complete")) == min(len(flagged), 10)
    assert find_actions(card, "mail.to_task") and find_actions(card, "mail.flag.clear")


async def test_flag_a_message_with_a_due_day(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    message = _one(graph, "Megan", "Quick question")
    assert message["flag"]["flagStatus"] == "notFlagged"
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("flag the email from Megan about the quick question for Friday"))
    facts = facts_of(confirm)
    assert facts["Message"] == "Quick question" and facts["From"] == "Megan Bowen"
    assert "Fri" in facts["Due"]
    result = card_of(await conv.say("yes"))
    assert find_actions(result, "undo")
    after = parse_message(_message(graph, message["id"]))
    assert after.flag_status == "flagged"
    assert after.flag_due is not None and after.flag_due.astimezone(ZoneInfo(PARIS)).weekday() == 4


async def test_mark_a_flag_done_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    message = next(m for m in _messages(graph) if m["subject"] == "Contrat à signer")
    assert message["flag"]["flagStatus"] == "flagged"
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    confirm = card_of(await conv.say("marque l'indicateur du mail d'Adele sur le contrat comme terminé"))
    assert confirm["body"][0]["text"] == "Marquer cet indicateur comme terminé ?"
    assert facts_of(confirm)["Message"] == "Contrat à signer"
    result = card_of(await conv.say("oui"))
    assert result["body"][0]["text"] == "Indicateur marqué comme terminé"
    assert _message(graph, message["id"])["flag"]["flagStatus"] == "complete"


async def test_clear_a_flag_then_undo(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    message = _one(graph, "Élise", "Team news")
    assert message["flag"]["flagStatus"] == "flagged"
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("clear the flag on the email from Élise about team news"))
    assert confirm["body"][0]["text"] == "Clear the flag on this message?"
    result = card_of(await conv.say("yes"))
    assert _message(graph, message["id"])["flag"]["flagStatus"] == "notFlagged"
    undo = find_actions(result, "undo")[0]
    response, _ = await conv.invoke("adaptiveCard/action", {"action": {"type": "Action.Execute", "verb": "undo",
                                                                       "data": undo["data"]}})
    assert response.status_code == 200
    assert _message(graph, message["id"])["flag"]["flagStatus"] == "flagged"


async def test_turn_a_message_into_a_linked_task(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    message = _one(graph, "Megan", "Quick question")
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("turn the email from Megan about the quick question into a task"))
    facts = facts_of(confirm)
    assert facts["Title"] == "Quick question" and facts["List"] == "Tasks" and facts["From"] == "Megan Bowen"
    await conv.say("yes")
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    task = next(t for t in todo_tasks(graph, default["id"]) if t["title"] == "Quick question")
    links = graph.get(f"/me/todo/lists/{default['id']}/tasks/{task['id']}/linkedResources")
    assert links.status_code == 200
    resources = links.json()["value"]
    assert [r["webUrl"] for r in resources] == [message["webLink"]]
    assert resources[0]["applicationName"] == "Outlook"
    assert resources[0]["displayName"] == "Quick question"


async def test_second_flagged_message_into_a_task_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    listed = card_of(await conv.say("quels mails ai-je marqués d'un indicateur ?"))
    second_id = find_actions(listed, "mail.to_task")[1]["data"]["itemId"]
    second = _message(graph, second_id)
    confirm = card_of(await conv.say("transforme le deuxième mail en tâche"))
    assert facts_of(confirm)["Titre"] == second["subject"].replace("(", "\\(").replace(")", "\\)")
    await conv.say("oui")
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    created = [t for t in todo_tasks(graph, default["id"]) if t["title"] == second["subject"]]
    assert len(created) == 1
    links = graph.get(f"/me/todo/lists/{default['id']}/tasks/{created[0]['id']}/linkedResources").json()["value"]
    assert [r["webUrl"] for r in links] == [second["webLink"]]
