"""To Do over HTTP: list, add (due date, reminder, importance, list by name), complete, delete, undo, escaping.

The real app, a fake channel and the sandbox process; every write is checked in the sandbox itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from cards.base import escape_markdown
from graph.todo import parse_task
from tests.e2e.test_tasks_support import (
    ADELE,
    CAMILLE,
    block_texts,
    card_of,
    facts_of,
    find_actions,
    plain_texts,
    todo_lists,
    todo_tasks,
)
from tests.support.bot import BotServer, texts
from tests.support.clock import local_now

PARIS = "Europe/Paris"


def _today(tz: str = PARIS) -> date:
    return local_now(tz).date()


def _find(tasks: list[dict[str, Any]], title: str) -> dict[str, Any]:
    found = [task for task in tasks if task["title"] == title]
    assert len(found) == 1, [task["title"] for task in tasks]
    return found[0]


async def test_add_with_due_date_and_importance_in_english(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    replies = await conv.say("add call the bank to my tasks for Friday, important")
    confirm = card_of(replies)
    facts = facts_of(confirm)
    assert facts["Title"] == "call the bank"
    assert facts["List"] == "Tasks"
    assert facts["Importance"] == "High"
    assert "Fri" in facts["Due"]
    graph = graph_as(ADELE)
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    assert not [t for t in todo_tasks(graph, default["id"]) if t["title"] == "call the bank"]  # nothing before yes

    done = await conv.say("yes")
    result = card_of(done)
    assert facts_of(result)["Title"] == "call the bank"
    assert find_actions(result, "undo")
    task = _find(todo_tasks(graph, default["id"]), "call the bank")
    assert task["importance"] == "high"
    due = parse_task(task, default["id"], ZoneInfo(PARIS)).due
    assert due is not None and due.weekday() == 4 and 0 <= (due - _today()).days < 7

    again = await conv.say("yes")  # a repeated yes writes nothing more
    assert len([t for t in todo_tasks(graph, default["id"]) if t["title"] == "call the bank"]) == 1
    assert again and not card_of(again, required=False)


async def test_add_to_a_named_list_in_french(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    confirm = card_of(await conv.say("ajoute acheter du lait à mes courses pour vendredi"))
    facts = facts_of(confirm)
    assert facts["Titre"] == "acheter du lait"
    assert facts["Liste"] == "Courses"
    assert "vendredi" in facts["Échéance"]
    result = card_of(await conv.say("oui"))
    assert facts_of(result)["Liste"] == "Courses"
    graph = graph_as(CAMILLE)
    courses = next(li for li in todo_lists(graph) if li["displayName"] == "Courses")
    task = _find(todo_tasks(graph, courses["id"]), "acheter du lait")
    assert task["importance"] == "normal"
    due = parse_task(task, courses["id"], ZoneInfo(PARIS)).due
    assert due is not None and due.weekday() == 4


async def test_reminder_from_a_clock_time(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("remind me to call the bank tomorrow at 9am"))
    assert "9:00" in facts_of(confirm)["Reminder"]
    await conv.say("yes")
    graph = graph_as(ADELE)
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    task = _find(todo_tasks(graph, default["id"]), "call the bank")
    assert task["isReminderOn"] is True
    reminder = parse_task(task, default["id"], ZoneInfo(PARIS)).reminder
    assert reminder is not None
    local = reminder.astimezone(ZoneInfo(PARIS))
    assert (local.hour, local.minute) == (9, 0)
    assert (local.date() - _today()).days == 1


async def test_no_writes_when_the_person_presses_cancel(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("add water the plants to my tasks"))
    reject = find_actions(confirm, "reject")[0]["data"]
    sandbox.clear_requests()
    _, replies = await conv.send(conv.activity(value={**reject, "verb": "reject"}))  # the Action.Submit fallback
    assert "changed nothing" in texts(replies)[0]
    assert not [r for r in sandbox.requests() if r["method"] != "GET"]
    graph = graph_as(ADELE)
    assert not any(t["title"] == "water the plants" for li in todo_lists(graph) for t in todo_tasks(graph, li["id"]))


async def test_title_with_quotes_and_markup_is_intact_and_escaped(bot: BotServer, graph_as: Any) -> None:
    title = 'Read "Q4 <b>plan</b>" & **notes** [x](http://e.example)'
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    # Ask without a title, then give the title as its own message: it must travel untouched.
    asked = await conv.say("add a task to my groceries list")
    assert "What's the task?" in texts(asked)
    confirm = card_of(await conv.say(title))
    assert facts_of(confirm)["List"] == "Groceries"
    fact = next(f for f in confirm["body"][1]["facts"] if f["title"] == "Title")
    assert fact["value"] == escape_markdown(title)
    assert "<b>" not in fact["value"] and "**" not in fact["value"]
    await conv.say("yes")
    graph = graph_as(ADELE)
    groceries = next(li for li in todo_lists(graph) if li["displayName"] == "Groceries")
    assert _find(todo_tasks(graph, groceries["id"]), title)["title"] == title
    listed = card_of(await conv.say("show my groceries list"))
    assert title in plain_texts(listed)  # a RichTextBlock TextRun: never run through markdown


async def test_list_shows_open_tasks_overdue_marked(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card = card_of(await conv.say("show my tasks"))
    graph = graph_as(ADELE)
    open_titles = {t["title"] for li in todo_lists(graph) if li["wellknownListName"] != "flaggedEmails"
                   for t in todo_tasks(graph, li["id"]) if t["status"] != "completed"}
    shown = plain_texts(card)
    assert shown[0] == "Send the meeting notes"  # overdue, first
    assert "Update the budget" not in shown  # completed
    assert set(shown) <= open_titles
    assert any("Overdue" in text for text in block_texts(card))
    assert find_actions(card, "todo.complete")


async def test_list_by_name(bot: BotServer) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card = card_of(await conv.say("show my groceries list"))
    shown = plain_texts(card)
    assert "Coffee" in shown and "Groceries" in shown
    assert "Send the meeting notes" not in shown


async def test_complete_by_words_then_undo_reopens(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("mark the task send the meeting notes as done"))
    assert confirm["body"][0]["text"] == "Complete this task?"
    assert facts_of(confirm)["Title"] == "Send the meeting notes"
    result = card_of(await conv.say("yes"))
    graph = graph_as(ADELE)
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    assert _find(todo_tasks(graph, default["id"]), "Send the meeting notes")["status"] == "completed"
    undo = find_actions(result, "undo")[0]
    response, _ = await conv.invoke("adaptiveCard/action", {"action": {"type": "Action.Execute", "verb": "undo",
                                                                       "data": undo["data"]}})
    assert response.status_code == 200
    assert _find(todo_tasks(graph, default["id"]), "Send the meeting notes")["status"] == "notStarted"


async def test_complete_the_second_one_of_the_shown_list_in_french(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    listed = card_of(await conv.say("montre mes tâches"))
    second = find_actions(listed, "todo.complete")[1]["data"]
    confirm = card_of(await conv.say("termine la deuxième"))
    assert facts_of(confirm)["Titre"]
    await conv.say("oui")
    graph = graph_as(CAMILLE)
    task = next(t for t in todo_tasks(graph, second["listId"]) if t["id"] == second["itemId"])
    assert task["status"] == "completed"
    assert facts_of(confirm)["Titre"] == task["title"]


async def test_delete_asks_confirmation_then_deletes(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    graph = graph_as(ADELE)
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    confirm = card_of(await conv.say("delete the task prepare the quarterly review"))
    assert confirm["body"][0]["text"] == "Delete this task?"
    assert facts_of(confirm)["Title"] == "Prepare the quarterly review"
    assert any(t["title"] == "Prepare the quarterly review" for t in todo_tasks(graph, default["id"]))
    await conv.say("yes")
    assert not any(t["title"] == "Prepare the quarterly review" for t in todo_tasks(graph, default["id"]))



async def test_list_name_matching_several_asks_which_one_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    for name in ("Shopping maison", "Shopping bureau"):
        assert graph.post("/me/todo/lists", json={"displayName": name}).status_code == 201
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    choice = card_of(await conv.say("ajoute du pain à ma liste shopping"))
    assert plain_texts(choice) == ["Shopping maison", "Shopping bureau"]
    confirm = card_of(await conv.say("la deuxième"))
    assert facts_of(confirm)["Liste"] == "Shopping bureau"
    await conv.say("oui")
    bureau = next(li for li in todo_lists(graph) if li["displayName"] == "Shopping bureau")
    maison = next(li for li in todo_lists(graph) if li["displayName"] == "Shopping maison")
    assert [t["title"] for t in todo_tasks(graph, bureau["id"])] == ["du pain"]
    assert todo_tasks(graph, maison["id"]) == []


async def test_double_clicked_confirm_writes_once(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = card_of(await conv.say("add renew the passport to my tasks"))
    data = find_actions(confirm, "confirm")[0]["data"]
    click = {"action": {"type": "Action.Execute", "verb": "confirm", "data": data}}
    sandbox.clear_requests()
    first, _ = await conv.invoke("adaptiveCard/action", click)
    second, _ = await conv.invoke("adaptiveCard/action", click)
    assert first.status_code == 200 and second.status_code in (200, 400)
    posts = [r for r in sandbox.requests() if r["method"] == "POST" and "/todo/lists/" in r["path"]]
    assert len(posts) == 1
    graph = graph_as(ADELE)
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    assert len([t for t in todo_tasks(graph, default["id"]) if t["title"] == "renew the passport"]) == 1


async def test_double_clicked_complete_button_completes_once(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    listed = card_of(await conv.say("show my tasks"))
    button = find_actions(listed, "todo.complete")[0]
    click = {"action": {"type": "Action.Execute", "verb": "todo.complete", "data": button["data"]}}
    sandbox.clear_requests()
    first, _ = await conv.invoke("adaptiveCard/action", click)
    second, _ = await conv.invoke("adaptiveCard/action", click)
    assert first.status_code == 200 and second.status_code == 200
    patches = [r for r in sandbox.requests() if r["method"] == "PATCH"]
    assert len(patches) == 1
    graph = graph_as(ADELE)
    task = next(t for t in todo_tasks(graph, button["data"]["listId"]) if t["id"] == button["data"]["itemId"])
    assert task["status"] == "completed"


async def test_annule_leaves_the_confirmation_without_writing(bot: BotServer, graph_as: Any, sandbox: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("ajoute arroser les plantes à mes tâches"))
    sandbox.clear_requests()
    replies = await conv.say("annule")  # "annuler" is read as calendar.decline by language/ today (reported)
    assert texts(replies) and not card_of(replies, required=False)
    assert not [r for r in sandbox.requests() if r["method"] != "GET"]
    after = await conv.say("oui")  # the confirmation is gone: a late "oui" writes nothing
    assert not card_of(after, required=False)
    graph = graph_as(CAMILLE)
    assert not any(t["title"] == "arroser les plantes" for li in todo_lists(graph) for t in todo_tasks(graph, li["id"]))
