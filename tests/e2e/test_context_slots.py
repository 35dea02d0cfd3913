"""Slot questions that listen, over HTTP in English and French, with the effect checked in the sandbox.

While MIPA asks for a missing piece, an answer that fills another slot ("with Megan and Liam" while the title is
asked) fills that slot and the question comes again; an answer that is a new request ("what's on the 10th?") is
answered as one and never becomes the title. "show my SharePoint lists" then "what lists are on the Marketing
site?" answers the lists of that site.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sandbox.testing import AdminClient
from tests.e2e.test_calendar import card_text, cards, joined, local, user
from tests.e2e.test_calendar_writes import all_events, by_subject
from tests.e2e.test_tasks_support import ADELE, CAMILLE, todo_lists, todo_tasks
from tests.support.bot import BotServer
from tests.support.clock import day_start, local_now

PARIS = "Europe/Paris"


def _all_task_titles(graph: Any) -> list[str]:
    return [task["title"] for li in todo_lists(graph) for task in todo_tasks(graph, li["id"])]


# ---- an answer that fills another slot ---------------------------------------------------------------
async def test_with_megan_and_liam_while_the_title_is_asked(bot: BotServer, sandbox: AdminClient,
                                                            graph_as: Any) -> None:
    adele, megan, liam = user(sandbox, "adelev"), user(sandbox, "meganb"), user(sandbox, "liamo")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    assert "give me a title" in joined(await conv.say("book a meeting")).lower()
    again = joined(await conv.say("with Megan and Liam"))
    assert "Got it." in again and "give me a title" in again.lower()  # the title is asked again
    assert "When" in joined(await conv.say("Retro with the team"))
    confirm = card_text(cards(await conv.say("tomorrow at 3pm"))[0])
    assert "Megan Bowen" in confirm and "Liam O'Brien" in confirm and "Retro with the team" in confirm
    await conv.say("yes")
    assert by_subject(client, "with Megan and Liam", PARIS) == []
    [event] = by_subject(client, "Retro with the team", PARIS)
    assert sorted(a["emailAddress"]["address"] for a in event["attendees"]) == sorted(
        [megan["userPrincipalName"], liam["userPrincipalName"]])
    assert local(event["start"], PARIS) == day_start(PARIS, 1) + timedelta(hours=15)


async def test_avec_megan_et_liam_en_francais(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille, megan, liam = user(sandbox, "camilled"), user(sandbox, "meganb"), user(sandbox, "liamo")
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=PARIS)
    assert "Quel est l'objet" in joined(await conv.say("organise une réunion"))
    again = joined(await conv.say("avec Megan et Liam"))
    assert "C'est noté." in again and "Quel est l'objet" in again
    assert "Quand doit-elle commencer" in joined(await conv.say("Point hebdo"))
    confirm = card_text(cards(await conv.say("demain à 15h"))[0])
    assert "Megan Bowen" in confirm and "Liam O'Brien" in confirm
    await conv.say("oui")
    [event] = by_subject(client, "Point hebdo", PARIS)
    assert sorted(a["emailAddress"]["address"] for a in event["attendees"]) == sorted(
        [megan["userPrincipalName"], liam["userPrincipalName"]])


async def test_a_time_said_while_the_title_is_asked_is_not_asked_again(bot: BotServer, sandbox: AdminClient,
                                                                       graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    await conv.say("schedule a meeting")
    assert "Got it." in joined(await conv.say("tomorrow at 3pm"))
    confirm = cards(await conv.say("Planning sync"))  # straight to the card: the time is known
    assert confirm and "Planning sync" in card_text(confirm[0])
    await conv.say("yes")
    [event] = by_subject(client, "Planning sync", PARIS)
    assert local(event["start"], PARIS) == day_start(PARIS, 1) + timedelta(hours=15)


async def test_a_day_said_while_a_task_title_is_asked_is_its_due_day(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    await conv.say("ajoute une tâche")
    assert "C'est noté." in joined(await conv.say("jeudi"))
    assert "jeu" in card_text(cards(await conv.say("payer le loyer"))[0])
    await conv.say("oui")
    [task] = [t for li in todo_lists(graph) for t in todo_tasks(graph, li["id"]) if t["title"] == "payer le loyer"]
    due = date.fromisoformat(task["dueDateTime"]["dateTime"][:10])
    today = local_now(PARIS).date()
    assert due.weekday() == 3 and today <= due <= today + timedelta(days=7)


async def test_with_megan_while_the_time_is_asked(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele, megan = user(sandbox, "adelev"), user(sandbox, "meganb")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    assert "When" in joined(await conv.say('schedule "Slot sync"'))
    again = joined(await conv.say("with Megan"))
    assert "Got it." in again and "When" in again
    assert "Megan Bowen" in card_text(cards(await conv.say("tomorrow at 10am"))[0])
    await conv.say("yes")
    [event] = by_subject(client, "Slot sync", PARIS)
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == [megan["userPrincipalName"]]
    assert local(event["start"], PARIS) == day_start(PARIS, 1) + timedelta(hours=10)


# ---- an answer that is a new request ----------------------------------------------------------------
async def test_a_question_while_the_meeting_title_is_asked_is_answered(bot: BotServer, sandbox: AdminClient,
                                                                       graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    before = all_events(client, PARIS)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    await conv.say("book a meeting")
    replies = await conv.say("what's on my calendar on the 10th?")
    assert cards(replies), "the agenda is shown"
    assert "When" not in joined(replies)  # not taken as the title, so no question about the time
    fresh = await bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS).say(
        "what's on my calendar on the 10th?")
    assert joined(replies) == joined(fresh)  # the same answer as the request on its own
    assert all_events(client, PARIS) == before


async def test_whats_on_the_10th_while_a_task_title_is_asked(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    before = _all_task_titles(graph)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    assert "task" in joined(await conv.say("add a task")).lower()
    replies = await conv.say("what's on the 10th?")
    fresh = await bot.conversation(user_id=ADELE, timezone=PARIS).say("what's on the 10th?")
    assert joined(replies) == joined(fresh)  # answered as the request it is
    assert cards(replies), "the agenda of the 10th is shown"
    await conv.say("yes")
    assert _all_task_titles(graph) == before  # never a task called "what's on the 10th?"


async def test_une_question_pendant_le_titre_d_une_tache(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    before = _all_task_titles(graph)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    await conv.say("ajoute une tâche")
    replies = await conv.say("qu'est-ce que j'ai demain ?")
    fresh = await bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS).say("qu'est-ce que j'ai demain ?")
    assert joined(replies) == joined(fresh)
    assert _all_task_titles(graph) == before


# ---- SharePoint lists ---------------------------------------------------------------------------------
async def test_sharepoint_lists_then_the_lists_of_the_marketing_site(bot: BotServer) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    shown = joined(await conv.say("show my SharePoint lists"))
    assert "Lists on the Operations site:" in shown and "Orders" in shown
    marketing = joined(await conv.say("what lists are on the Marketing site?"))
    assert "The Marketing site has no lists." in marketing
    assert "couldn't find a SharePoint list" not in marketing
    operations = joined(await conv.say("what lists are on the Operations site?"))
    assert "Lists on the Operations site:" in operations and "Orders" in operations
    assert "Marketing" not in operations


async def test_a_question_about_lists_while_the_list_is_asked(bot: BotServer) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    assert "Which SharePoint list?" in joined(await conv.say("add an item to a SharePoint list"))
    replies = joined(await conv.say("what lists are on the Operations site?"))
    assert "Lists on the Operations site:" in replies and "Orders" in replies
    assert "couldn't find a SharePoint list" not in replies


async def test_les_listes_du_site_marketing(bot: BotServer) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    shown = joined(await conv.say("montre mes listes SharePoint"))
    assert "Listes du site Operations :" in shown
    assert "Le site Marketing n'a aucune liste." in joined(await conv.say("quelles sont les listes du site Marketing ?"))


async def test_quelles_listes_sur_le_site_marketing(bot: BotServer) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    await conv.say("montre mes listes SharePoint")
    marketing = joined(await conv.say("quelles listes y a-t-il sur le site Marketing ?"))  # was the To Do lists
    operations = joined(await conv.say("quelles listes y a-t-il sur le site Operations ?"))
    assert "Marketing" in marketing and "Commandes" not in marketing and "Orders" not in marketing
    assert "Operations" in operations and ("Orders" in operations or "Commandes" in operations)
