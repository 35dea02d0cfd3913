"""Issue 19 over HTTP: the names, dates, times and titles people type end up right in the sandbox.

Two attendees invited, a meeting moved to a new time on its own day, a task due on the month's last day, a
French reminder that books no meeting, clean titles, low importance, David Li found by part of his name, a
sender with an elided "d'", and a contact named from one sentence. Days are chosen from the real date so that
the tests pass on any day and at any hour: nothing new is set in the past.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from graph.todo import parse_task
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import add_event, card_text, cards, joined, local, user, view
from tests.e2e.test_directory_helpers import ADELE, CAMILLE, card_of, card_texts, contacts_of
from tests.e2e.test_tasks_support import facts_of, todo_lists, todo_tasks
from tests.support.bot import BotServer
from tests.support.clock import local_now

PARIS = "Europe/Paris"
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def today(tz: str = PARIS) -> date:
    return local_now(tz).date()  # the suite's clock: the bot and the sandbox read the same one


def at(day: date, hour: int, tz: str = PARIS) -> datetime:
    return datetime.combine(day, time(hour), ZoneInfo(tz))


def events(client: Any, day: date, tz: str = PARIS) -> list[dict[str, Any]]:
    return view(client, at(day, 0, tz), at(day + timedelta(days=1), 0, tz), tz)


def default_tasks(graph: Any) -> tuple[str, list[dict[str, Any]]]:
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    return default["id"], todo_tasks(graph, default["id"])


async def test_two_attendees_are_invited_in_english_and_french(bot: BotServer, sandbox: AdminClient,
                                                               graph_as: Any) -> None:
    megan, liam = user(sandbox, "meganb"), user(sandbox, "liamo")
    day = today() + timedelta(days=2)  # a named weekday that is always ahead
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    confirm = cards(await conv.say(f"book a meeting with Megan and Liam on {EN_DAYS[day.weekday()]} at 10am "
                                   "about the roadmap"))[-1]
    assert "Megan Bowen" in card_text(confirm) and "Liam O'Brien" in card_text(confirm)
    assert "meeting is in your calendar" in joined(await conv.say("yes"))
    [event] = [e for e in events(graph_as(user(sandbox, "adelev")["id"]), day) if e["subject"] == "roadmap"]
    assert local(event["start"], PARIS) == at(day, 10)
    assert sorted(a["emailAddress"]["address"] for a in event["attendees"]) == sorted(
        [megan["userPrincipalName"], liam["userPrincipalName"]])

    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    await conv.say(f"réserve une réunion avec Megan et Liam {FR_DAYS[day.weekday()]} à 15h sur le budget")
    await conv.say("oui")
    [event] = [e for e in events(graph_as(user(sandbox, "camilled")["id"]), day) if e["subject"] == "budget"]
    assert local(event["start"], PARIS) == at(day, 15)
    assert len(event["attendees"]) == 2


async def test_a_new_time_only_keeps_the_meetings_day(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    tuesday = today() + timedelta(days=(1 - today().weekday()) % 7)  # "Tuesday": today if it is one
    for event in events(client, tuesday):  # the meeting at 2pm is the only one near 2pm
        if abs(datetime.fromisoformat(event["start"]["dateTime"][:19]).hour - 14) <= 2:
            client.delete(f"/me/events/{event['id']}").raise_for_status()
    add_event(client, "Pricing sync", at(tuesday, 14), at(tuesday, 14) + timedelta(minutes=45), PARIS)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    assert "Pricing sync" in card_text(cards(await conv.say("move my 2pm on Tuesday to 4pm"))[-1])
    assert "has moved" in joined(await conv.say("yes"))
    [event] = [e for e in events(client, tuesday) if e["subject"] == "Pricing sync"]
    assert local(event["start"], PARIS) == at(tuesday, 16)  # still on Tuesday, at 4pm
    assert local(event["end"], PARIS) == at(tuesday, 16) + timedelta(minutes=45)


async def test_due_end_of_month_is_the_months_last_day(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    assert facts_of(card_of(await conv.say("add pay rent to my tasks due end of month")))["Title"] == "pay rent"
    await conv.say("yes")
    list_id, tasks = default_tasks(graph_as(ADELE))
    [task] = [t for t in tasks if t["title"] == "pay rent"]
    due = parse_task(task, list_id, ZoneInfo(PARIS)).due
    first_of_next = (today().replace(day=28) + timedelta(days=4)).replace(day=1)
    assert due == first_of_next - timedelta(days=1)


async def test_a_french_reminder_is_a_task_and_no_meeting(bot: BotServer, sandbox: AdminClient,
                                                          graph_as: Any) -> None:
    camille = user(sandbox, "camilled")
    tomorrow = today() + timedelta(days=1)
    before = events(graph_as(camille["id"]), tomorrow)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    assert facts_of(card_of(await conv.say("rappelle-moi d'appeler le plombier demain à 9h")))["Titre"] == \
        "appeler le plombier"
    await conv.say("oui")
    list_id, tasks = default_tasks(graph_as(CAMILLE))
    [task] = [t for t in tasks if t["title"] == "appeler le plombier"]
    reminder = parse_task(task, list_id, ZoneInfo(PARIS)).reminder
    assert reminder is not None and reminder.astimezone(ZoneInfo(PARIS)) == at(tomorrow, 9)
    assert events(graph_as(camille["id"]), tomorrow) == before  # no meeting was booked


async def test_clean_titles_and_importance(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    for said, title, importance in (("add low priority task tidy desk", "tidy desk", "low"),
                                    ("add a task water plants, not important", "water plants", "low"),
                                    ("add urgent task renew the passport", "renew the passport", "high")):
        assert facts_of(card_of(await conv.say(said)))["Title"] == title
        await conv.say("yes")
        [task] = [t for t in default_tasks(graph_as(ADELE))[1] if t["title"] == title]
        assert task["importance"] == importance
    assert facts_of(card_of(await conv.say("remind me to stretch in 2 hours")))["Title"] == "stretch"
    await conv.say("yes")
    assert [t for t in default_tasks(graph_as(ADELE))[1] if t["title"] == "stretch"]


async def test_david_li_is_found_by_his_whole_name_or_a_part(bot: BotServer, sandbox: AdminClient) -> None:
    david = user(sandbox, "davidl")
    for said in ("what's the email address of 李四(David Li)?", "what's the email address of David Li?",
                 "find Li"):
        texts = card_texts(card_of(await bot.conversation(user_id=ADELE).say(said)))
        assert david["userPrincipalName"] in texts, said


async def test_adeles_messages_in_french_with_an_elided_de(bot: BotServer, graph_as: Any) -> None:
    mine = graph_as(CAMILLE).get("/me/messages", params={"$top": "100", "$select": "subject,from"})
    expected = {m["subject"] for m in mine.raise_for_status().json()["value"]
                if m["from"]["emailAddress"]["name"] == "Adele Vance"}
    assert expected, "the demo tenant gives Camille mail from Adele"
    texts = card_texts(card_of(await bot.conversation(user_id=CAMILLE, locale="fr-FR").say(
        "trouve les messages d'Adele Vance")))
    assert expected <= set(texts.splitlines())


async def test_a_contact_named_in_one_sentence(bot: BotServer, graph_as: Any) -> None:
    before = contacts_of(graph_as, ADELE)
    conv = bot.conversation(user_id=ADELE)
    shown = card_texts(card_of(await conv.say("add a contact named Zed Quill with email zed.quill@example.com")))
    assert "Zed Quill" in shown and "zed.quill@example.com" in shown
    await conv.say("yes")
    [added] = [c for c in contacts_of(graph_as, ADELE) if c not in before]
    assert (added["givenName"], added["surname"]) == ("Zed", "Quill")
    assert added["emailAddresses"][0]["address"] == "zed.quill@example.com"


async def test_search_words_without_stop_words(bot: BotServer) -> None:
    english = card_texts(card_of(await bot.conversation(user_id=ADELE).say("find emails about the invoice")))
    assert "July invoice" in english.splitlines()
    french = card_texts(card_of(await bot.conversation(user_id=CAMILLE, locale="fr-FR").say(
        "trouve les mails sur la facture")))
    assert "Facture de juillet" in french.splitlines()


async def test_a_meeting_in_the_past_is_asked_about_again(bot: BotServer, sandbox: AdminClient,
                                                          graph_as: Any) -> None:
    client = graph_as(user(sandbox, "adelev")["id"])
    yesterday, tomorrow = today() - timedelta(days=1), today() + timedelta(days=1)
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    asked = joined(await conv.say("book a meeting about hiring yesterday at 10am"))
    assert "already passed" in asked and "When should it start?" in asked
    assert "hiring" in card_text(cards(await conv.say("tomorrow at 10am"))[-1])
    await conv.say("yes")
    [event] = [e for e in events(client, tomorrow) if e["subject"] == "hiring"]
    assert local(event["start"], PARIS) == at(tomorrow, 10)
    assert not [e for e in events(client, yesterday) if e["subject"].startswith("hiring")]
    french = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    await french.say("réserve une réunion sur le budget hier à 10h")
    said = joined(await french.say("hier à 11h"))  # a second time gone: nothing is booked
    assert "déjà passé" in said and "je n'ai rien modifié" in said


async def test_a_reminder_in_the_past_is_refused(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE, timezone=PARIS)
    assert "already passed" in joined(await conv.say("remind me to call the bank yesterday at 3pm"))
    assert not [t for t in default_tasks(graph_as(ADELE))[1] if t["title"] == "call the bank"]
    french = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)
    assert "déjà passé" in joined(await french.say("rappelle-moi d'appeler la banque hier à 15h"))
    assert not [t for t in default_tasks(graph_as(CAMILLE))[1] if t["title"] == "appeler la banque"]
