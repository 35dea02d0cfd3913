"""Corrections typed at a confirmation card, over HTTP in English and French, with the effect checked in the sandbox.

"no, Thursday", "plutôt jeudi", "no, 6pm", "make it 4pm", "make it Thursday", "non, mercredi", "add Megan too",
"change the title to …", "change le titre en …": each one updates the pending write and shows the card again; the
"yes" that follows writes it once, corrected. "no" alone still cancels, and a change the write cannot take is
answered. A new request that replaces a confirmation says the pending write was dropped, and a later "yes" writes
nothing. Days are read as "the coming Thursday", so the checks ask for a Thursday within the week, at any date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from graph.mailbox import parse_automatic_replies
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import add_event, card_text, cards, joined, local, user
from tests.e2e.test_calendar_writes import all_events, by_subject
from tests.e2e.test_directory_helpers import contacts_of
from tests.e2e.test_directory_lists import items, new_items
from tests.e2e.test_tasks_support import ADELE, CAMILLE, card_of, facts_of, todo_lists, todo_tasks
from tests.support.bot import BotServer
from tests.support.clock import day_start, local_now

PARIS = "Europe/Paris"
WEDNESDAY, THURSDAY, FRIDAY = 2, 3, 4


def _tasks_titled(graph: httpx.Client, title: str) -> list[dict[str, Any]]:
    return [task for li in todo_lists(graph) for task in todo_tasks(graph, li["id"]) if task["title"] == title]


def _due(task: dict[str, Any]) -> date:
    return date.fromisoformat(task["dueDateTime"]["dateTime"][:10])


def _coming(weekday: int, tz: str) -> date:
    """The weekday said on its own ("Thursday"): today when it is that day, else the next one."""
    today = local_now(tz).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _in_the_coming_week(day: date, weekday: int, tz: str) -> bool:
    today = local_now(tz).date()
    return day.weekday() == weekday and today <= day <= today + timedelta(days=7)


# ---- To Do ----------------------------------------------------------------------------------------
async def test_no_thursday_corrects_the_due_day_of_a_task(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    first = card_of(await conv.say("add renew my passport to my tasks, due friday"))
    assert "renew my passport" in card_text(first)
    replies = await conv.say("no, thursday")
    assert "Here it is with your change." in joined(replies)
    corrected = card_of(replies)
    assert "Thu" in facts_of(corrected).get("Due", ""), facts_of(corrected)
    assert _tasks_titled(graph, "renew my passport") == []  # nothing written before the yes
    await conv.say("yes")
    [task] = _tasks_titled(graph, "renew my passport")
    assert _in_the_coming_week(_due(task), THURSDAY, PARIS)
    await conv.say("yes")  # a second yes finds nothing waiting: still one task
    assert len(_tasks_titled(graph, "renew my passport")) == 1


async def test_plutot_jeudi_corrects_a_task_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("ajoute renouveler mon passeport à mes tâches pour vendredi"))
    replies = await conv.say("plutôt jeudi")
    assert "Voici la version modifiée." in joined(replies)
    corrected = card_of(replies)
    assert "jeu" in card_text(corrected)
    await conv.say("oui")
    [task] = _tasks_titled(graph, "renouveler mon passeport")
    assert _in_the_coming_week(_due(task), THURSDAY, PARIS)


async def test_no_alone_still_cancels_and_a_title_correction_renames(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say("add book the dentist to my tasks"))
    assert "I changed nothing" in joined(await conv.say("no"))
    assert _tasks_titled(graph, "book the dentist") == []
    card_of(await conv.say("add call the plumber to my tasks"))
    renamed = card_of(await conv.say("change the title to Call the electrician"))
    assert "Call the electrician" in card_text(renamed)
    await conv.say("yes")
    assert len(_tasks_titled(graph, "Call the electrician")) == 1
    assert _tasks_titled(graph, "call the plumber") == []


# ---- meetings -----------------------------------------------------------------------------------
async def test_no_6pm_then_yes_books_the_meeting_at_6pm(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    await conv.say("book a meeting called Retro tomorrow at 3pm")
    corrected = cards(await conv.say("no, 6pm"))[0]
    assert "6:00" in card_text(corrected) and "Retro" in card_text(corrected)
    assert by_subject(client, "Retro", PARIS) == []
    await conv.say("yes")
    [event] = by_subject(client, "Retro", PARIS)
    assert local(event["start"], PARIS) == day_start(PARIS, 1) + timedelta(hours=18)
    assert local(event["end"], PARIS) == day_start(PARIS, 1) + timedelta(hours=18, minutes=30)


async def test_make_it_thursday_then_add_megan_too(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                   at: Any) -> None:
    at("08:00", PARIS)  # 10:00 on the coming Thursday is still to come, even when it is today
    adele, megan = user(sandbox, "adelev"), user(sandbox, "meganb")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    await conv.say('schedule "Planning" tomorrow at 10am')
    assert "Thu" in card_text(cards(await conv.say("make it Thursday"))[0])
    with_megan = cards(await conv.say("add Megan too"))[0]
    assert "Megan Bowen" in card_text(with_megan) and "Thu" in card_text(with_megan)
    await conv.say("yes")
    [event] = by_subject(client, "Planning", PARIS)
    start = local(event["start"], PARIS)
    assert start.date() == _coming(THURSDAY, PARIS) and (start.hour, start.minute) == (10, 0)
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == [megan["userPrincipalName"]]


async def test_meeting_corrections_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=PARIS)
    await conv.say('organise "Point équipe" demain à 10h')
    assert "18:00" in card_text(cards(await conv.say("non, 18h"))[0])
    renamed = cards(await conv.say("change le titre en Point projet"))[0]
    assert "Point projet" in card_text(renamed) and "18:00" in card_text(renamed)
    await conv.say("oui")
    assert by_subject(client, "Point équipe", PARIS) == []
    [event] = by_subject(client, "Point projet", PARIS)
    assert local(event["start"], PARIS) == day_start(PARIS, 1) + timedelta(hours=18)


async def test_a_move_corrected_with_make_it_4pm_and_non_mercredi(bot: BotServer, sandbox: AdminClient,
                                                                  graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    start = day_start(PARIS, 2) + timedelta(hours=7)  # 07:00 two days ahead: no seeded meeting then
    add_event(client, "Sync corrections", start, start + timedelta(minutes=30), PARIS)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    day = start.strftime("%A")
    await conv.say(f"move my 7am on {day} to 9am")
    assert "4:00" in card_text(cards(await conv.say("make it 4pm"))[0])
    await conv.say("yes")
    [event] = by_subject(client, "Sync corrections", PARIS)
    assert local(event["start"], PARIS) == start.replace(hour=16)
    assert local(event["end"], PARIS) == start.replace(hour=16, minute=30)
    # In French: "non, mercredi" keeps the new time and changes the day.
    camille = user(sandbox, "camilled")
    other = graph_as(camille["id"])
    add_event(other, "Point corrections", start, start + timedelta(hours=1), PARIS)
    conv_fr = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=PARIS)
    await conv_fr.say(f"déplace ma réunion de 7h {_JOURS[start.weekday()]} à 11h")
    assert "mer" in card_text(cards(await conv_fr.say("non, mercredi"))[0])
    await conv_fr.say("oui")
    [moved] = by_subject(other, "Point corrections", PARIS)
    moved_start = local(moved["start"], PARIS)
    assert moved_start.date() == _coming(WEDNESDAY, PARIS) and (moved_start.hour, moved_start.minute) == (11, 0)
    assert local(moved["end"], PARIS) - moved_start == timedelta(hours=1)


_JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


async def test_a_change_the_write_cannot_take_is_answered(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    card_of(await conv.say("add renew the car insurance to my tasks"))
    said = joined(await conv.say("add Megan too"))  # a task has no attendees
    assert "can't change that" in said
    await conv.say("yes")  # still waiting for this card: the task is added as shown
    assert len(_tasks_titled(graph, "renew the car insurance")) == 1


# ---- a confirmation replaced by a new request -------------------------------------------------------
async def test_a_new_request_drops_the_pending_meeting_and_says_so(bot: BotServer, sandbox: AdminClient,
                                                                   graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    before = all_events(client, PARIS)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    await conv.say("book a meeting called Dropped retro tomorrow at 3pm")
    replies = await conv.say("what's on my calendar tomorrow?")
    said = joined(replies)
    assert "I dropped the meeting you hadn't confirmed." in said
    assert cards(replies), "the new request is answered too"
    later = joined(await conv.say("yes"))
    assert "nothing was written" in later and "dropped the meeting" in later
    assert by_subject(client, "Dropped retro", PARIS) == []
    assert all_events(client, PARIS) == before


async def test_a_new_request_drops_the_pending_task_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say("ajoute arroser les plantes à mes tâches"))
    said = joined(await conv.say("qu'est-ce que j'ai demain ?"))
    assert "J'ai abandonné la tâche que vous n'aviez pas confirmée." in said
    later = joined(await conv.say("oui"))
    assert "rien n'a été enregistré" in later
    assert _tasks_titled(graph, "arroser les plantes") == []


def test_day_helpers() -> None:
    """The helpers above agree with the calendar (checked here so a wrong helper cannot pass a test)."""
    today = local_now(PARIS).date()
    assert _coming(today.weekday(), PARIS) == today
    assert _coming((today.weekday() + 1) % 7, PARIS) == today + timedelta(days=1)
    assert _in_the_coming_week(_coming(THURSDAY, PARIS), THURSDAY, PARIS)
    assert not _in_the_coming_week(today + timedelta(days=8), (today.weekday() + 1) % 7, PARIS)


# ---- contact, list item, out of office ------------------------------------------------------------
async def test_change_the_name_of_a_contact_before_it_is_added(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    before = contacts_of(graph_as, ADELE)
    await conv.say("add Sean Murphy to my contacts, email sean.murphy@fabrikam.com")
    renamed = card_text(card_of(await conv.say("change the name to Shane Murphy")))
    assert "Shane Murphy" in renamed and "sean.murphy@fabrikam.com" in renamed
    await conv.say("yes")
    added = [c for c in contacts_of(graph_as, ADELE) if c not in before]
    assert [(c["givenName"], c["surname"]) for c in added] == [("Shane", "Murphy")]


async def test_change_the_title_of_a_list_item(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    before = items(graph_as, ADELE)
    await conv.say("add an item to the Orders SharePoint list with quantity 4, status done, "
                   "due date 2026-12-24 and approved yes")
    assert "Gizmo 41" in card_text(card_of(await conv.say("Gizmo 41")))
    assert "Gizmo 42" in card_text(card_of(await conv.say("change the title to Gizmo 42")))
    await conv.say("yes")
    [added] = new_items(before, items(graph_as, ADELE))
    assert added["fields"]["Title"] == "Gizmo 42" and added["fields"]["Quantity"] == 4


async def test_out_of_office_until_a_corrected_day_in_french(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    await conv.say("active mon message d'absence")
    assert "ven" in card_text(card_of(await conv.say("non, jusqu'à vendredi")))
    await conv.say("oui")
    replies = parse_automatic_replies(graph_as(CAMILLE).get("/me/mailboxSettings/automaticRepliesSetting").json())
    assert replies.status == "scheduled" and replies.end is not None
    last = (replies.end.astimezone(ZoneInfo(PARIS)) - timedelta(microseconds=1)).date()
    assert last == _coming(FRIDAY, PARIS)


async def test_a_planner_task_corrected_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    card_of(await conv.say('ajoute "vérifier la bannière" au plan Website refresh pour vendredi'))
    assert "mer" in card_text(card_of(await conv.say("non, mercredi")))
    assert "contrôler la bannière" in card_text(card_of(await conv.say("change le titre en contrôler la bannière")))
    await conv.say("oui")
    plans = {p["title"]: p for p in graph.get("/me/planner/plans").json()["value"]}
    tasks = graph.get(f"/planner/plans/{plans['Website refresh']['id']}/tasks").json()["value"]
    [task] = [t for t in tasks if t["title"] == "contrôler la bannière"]
    due = datetime.fromisoformat(task["dueDateTime"].replace("Z", "+00:00")).astimezone(ZoneInfo(PARIS)).date()
    assert due == _coming(WEDNESDAY, PARIS)
    assert not [t for t in tasks if t["title"] == "vérifier la bannière"]
