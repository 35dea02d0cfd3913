"""Calendar writes over HTTP in English and French, each checked in the sandbox itself: create (Teams meeting,
attendees, organiser's zone, questions one at a time, ambiguous name, undo), move, cancel, decline, accept,
tentative, a recurring occurrence, and confirmations that are turned down and change nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from sandbox.testing import AdminClient
from tests.e2e.test_calendar import actions, add_event, card_text, cards, joined, local, shown, user, view
from tests.support.bot import BotServer, Conversation
from tests.support.clock import day_start, local_now


def all_events(client: httpx.Client, tz: str) -> list[dict[str, Any]]:
    start = day_start(tz, -7)
    return view(client, start, start + timedelta(days=30), tz)


def by_subject(client: httpx.Client, subject: str, tz: str) -> list[dict[str, Any]]:
    return [e for e in all_events(client, tz) if e["subject"] == subject]


async def press(conv: Conversation, card: dict[str, Any], verb: str) -> list[dict[str, Any]]:
    action = actions(card, verb)[0]
    response, replies = await conv.invoke("adaptiveCard/action", {"action": action})
    assert response.status_code == 200, response.text
    return replies


def posted(sandbox: AdminClient, suffix: str) -> list[dict[str, Any]]:
    return [r for r in sandbox.requests() if r["method"] == "POST" and r["path"].split("?")[0].endswith(suffix)]


# ---- create ---------------------------------------------------------------------------------------
async def test_create_with_attendee_then_undo(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele, megan = user(sandbox, "adelev"), user(sandbox, "meganb")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    replies = await conv.say('schedule "Budget review" with Megan tomorrow at 3pm for 45 minutes')
    confirm = cards(replies)[0]
    shown = card_text(confirm)
    assert "Create this meeting?" in shown and "Budget review" in shown and "45 min" in shown
    assert "Megan Bowen" in shown and "Microsoft Teams meeting" in shown
    assert by_subject(client, "Budget review", tz) == []  # nothing written before the yes
    done = await conv.say("yes")
    assert "the meeting is in your calendar" in joined(done)
    [event] = by_subject(client, "Budget review", tz)
    tomorrow = day_start(tz, 1)
    assert local(event["start"], tz) == tomorrow + timedelta(hours=15)
    assert local(event["end"], tz) == tomorrow + timedelta(hours=15, minutes=45)
    assert event["isOnlineMeeting"] is True and event["onlineMeeting"]["joinUrl"]
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == [megan["userPrincipalName"]]
    # A second "yes" is a new message, not a second write.
    await conv.say("yes")
    assert len(by_subject(client, "Budget review", tz)) == 1
    await press(conv, cards(done)[0], "undo")
    assert by_subject(client, "Budget review", tz) == []


async def test_create_in_los_angeles_uses_the_organisers_zone(bot: BotServer, sandbox: AdminClient,
                                                               graph_as: Any) -> None:
    megan = user(sandbox, "meganb")
    tz = "America/Los_Angeles"
    client = graph_as(megan["id"])
    conv = bot.conversation(user_id=megan["userPrincipalName"], timezone=tz)
    await conv.say('schedule "Pipeline sync" tomorrow at 9am')
    await conv.say("yes")
    [event] = by_subject(client, "Pipeline sync", tz)
    start = day_start(tz, 1) + timedelta(hours=9)
    assert local(event["start"], tz) == start
    assert local(event["end"], tz) == start + timedelta(minutes=30)
    [utc] = by_subject(client, "Pipeline sync", "UTC")
    assert local(utc["start"], "UTC") == start.astimezone(ZoneInfo("UTC"))
    assert event["isOnlineMeeting"] is True


async def test_create_in_french_asks_one_thing_at_a_time(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille = user(sandbox, "camilled")
    tz = "Europe/Paris"
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    assert "Quel est l'objet" in joined(await conv.say("organise une réunion"))
    assert "Quand doit-elle commencer" in joined(await conv.say("Revue budget"))
    asked_again = joined(await conv.say("je ne sais pas"))
    assert "date et l'heure" in asked_again
    confirm = cards(await conv.say("demain à 15h"))[0]
    assert "Revue budget" in card_text(confirm)
    assert "30 min" in card_text(confirm)
    assert "C'est fait" in joined(await conv.say("oui"))
    [event] = by_subject(client, "Revue budget", tz)
    assert local(event["start"], tz) == day_start(tz, 1) + timedelta(hours=15)
    assert event["isOnlineMeeting"] is True


async def test_create_with_an_ambiguous_name_asks_which_person(bot: BotServer, sandbox: AdminClient,
                                                               graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    choice = cards(await conv.say('schedule "Sync" with O\'Brien tomorrow at 11am'))[0]
    text = card_text(choice)
    assert "Which person" in text
    options = [line for line in text.splitlines() if "@" in line and "(" in line]
    assert len(options) >= 2
    second = options[1]
    confirm = cards(await conv.say("the second one"))[0]
    email = second[second.rindex("(") + 1:second.rindex(")")]
    assert email in card_text(confirm)
    await conv.say("yes")
    [event] = by_subject(client, "Sync", tz)
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == [email]


async def test_turned_down_confirmations_change_nothing(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    before = all_events(client, tz)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    confirm = cards(await conv.say('schedule "Never" tomorrow at 8am'))[0]
    response, _ = await conv.invoke("adaptiveCard/action", {"action": actions(confirm, "reject")[0]})
    assert "haven't changed anything" in card_text(response.json()["value"])  # the sentence replaces the card
    await conv.say('schedule "Never again" tomorrow at 8am')
    assert "haven't changed anything" in joined(await conv.say("no"))
    await conv.say("move my 4pm to 5pm")
    assert "stopped" in joined(await conv.say("cancel"))
    await conv.say("cancel my 4pm meeting")
    await conv.say("annuler")
    sandbox.clear_requests()
    await conv.say("yes")  # nothing is waiting for it any more
    assert all_events(client, tz) == before
    assert not [r for r in sandbox.requests() if r["method"] != "GET"]


# ---- move, cancel, decline, respond ---------------------------------------------------------------
async def test_move_my_4pm_then_undo(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    subject = "1:1 with Camille"
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    confirm = cards(await conv.say("move my 4pm to 5pm"))[0]
    assert subject in card_text(confirm)
    done = await conv.say("yes")
    assert "has moved" in joined(done)
    [event] = by_subject(client, subject, tz)
    today = day_start(tz)
    assert local(event["start"], tz) == today + timedelta(hours=17)
    assert local(event["end"], tz) == today + timedelta(hours=17, minutes=30)
    await press(conv, cards(done)[0], "undo")
    [event] = by_subject(client, subject, tz)
    assert local(event["start"], tz) == today + timedelta(hours=16)


async def test_non_in_french_changes_nothing(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    camille = user(sandbox, "camilled")
    tz = "Europe/Paris"
    client = graph_as(camille["id"])
    before = all_events(client, tz)
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    await conv.say("déplace ma réunion de 16h à 17h")
    assert "je n'ai rien modifié" in joined(await conv.say("non"))
    assert all_events(client, tz) == before


async def test_move_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    camille = user(sandbox, "camilled")
    tz = "Europe/Paris"
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    await conv.say("déplace ma réunion de 16h à 17h")
    assert "C'est fait" in joined(await conv.say("oui"))
    [event] = by_subject(client, "Entretien individuel", tz)
    assert local(event["start"], tz) == day_start(tz) + timedelta(hours=17)


async def test_move_to_another_day_and_time(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    """"my 4pm" is the meeting, "tomorrow at 10am" the target (Entities.new_start), in en and fr."""
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    tz = "Europe/Paris"
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    assert "1:1 with Camille" in card_text(cards(await conv.say("move my 4pm to tomorrow at 10am"))[0])
    assert "has moved" in joined(await conv.say("yes"))
    [event] = by_subject(graph_as(adele["id"]), "1:1 with Camille", tz)
    tomorrow = day_start(tz) + timedelta(days=1)
    assert local(event["start"], tz) == tomorrow + timedelta(hours=10)
    assert local(event["end"], tz) == tomorrow + timedelta(hours=10, minutes=30)
    camille = user(sandbox, "camilled")
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    await conv.say("déplace ma réunion de 16h à demain 10h")
    assert "C'est fait" in joined(await conv.say("oui"))
    [event] = by_subject(graph_as(camille["id"]), "Entretien individuel", tz)
    assert local(event["start"], tz) == tomorrow + timedelta(hours=10)


async def test_cancel_as_organiser(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    confirm = cards(await conv.say("cancel my 4pm meeting"))[0]
    assert "Cancel this meeting?" in card_text(confirm) and "Camille Dubois" in card_text(confirm)
    assert "cancelled" in joined(await conv.say("yes"))
    assert by_subject(client, "1:1 with Camille", tz) == []
    assert len(posted(sandbox, "/cancel")) == 1


async def test_decline_with_a_comment_as_attendee(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    tomorrow = day_start(tz, 1)
    [workshop] = [e for e in view(client, tomorrow, tomorrow + timedelta(days=1), tz)
                  if local(e["start"], tz) == tomorrow + timedelta(hours=14)]
    assert not workshop["isOrganizer"]
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    confirm = cards(await conv.say("decline my meeting tomorrow at 2pm because I'm on leave"))[0]
    assert "Decline this meeting?" in card_text(confirm) and "I'm on leave" in card_text(confirm)
    assert "declined" in joined(await conv.say("yes"))
    assert by_subject(client, workshop["subject"], tz) == []
    assert len(posted(sandbox, "/decline")) == 1 and not posted(sandbox, "/cancel")


async def test_accept_an_invitation(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    confirm = cards(await conv.say("accept my 10am meeting"))[0]
    assert "Contoso project review" in card_text(confirm)  # the 10:30 one is mine: not an invitation
    await conv.say("yes")
    [event] = by_subject(client, "Contoso project review", tz)
    assert event["responseStatus"]["response"] == "accepted"


async def test_tentative_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    camille = user(sandbox, "camilled")
    tz = "Europe/Paris"
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    confirm = cards(await conv.say("accepte provisoirement ma réunion de ce matin à 10h"))[0]
    assert "Revue du projet Contoso" in card_text(confirm)
    await conv.say("oui")
    [event] = by_subject(client, "Revue du projet Contoso", tz)
    assert event["responseStatus"]["response"] == "tentativelyAccepted"


async def test_cancel_one_occurrence_of_a_recurring_meeting(bot: BotServer, sandbox: AdminClient,
                                                            graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    day = day_start(tz, 1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    weekday = day.strftime("%A")
    before = by_subject(client, "Daily stand-up", tz)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    confirm = cards(await conv.say(f"cancel my meeting on {weekday} at 9:30am"))[0]
    assert "Daily stand-up" in card_text(confirm)
    await conv.say("yes")
    after = by_subject(client, "Daily stand-up", tz)
    gone = {e["id"] for e in before} - {e["id"] for e in after}
    assert len(gone) == 1 and len(after) == len(before) - 1
    [occurrence] = [e for e in before if e["id"] in gone]
    assert occurrence["type"] == "occurrence" and local(occurrence["start"], tz).date() == day.date()
    master = client.get(f"/me/events/{occurrence['seriesMasterId']}")
    assert master.status_code == 200


async def test_created_meeting_is_found_by_time(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    """A meeting added elsewhere is seen at once: no stale cache between turns."""
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    start = day_start(tz, 1) + timedelta(hours=7)
    add_event(graph_as(adele["id"]), "Early bird", start, start + timedelta(minutes=20), tz)
    body = shown(await bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
                 .say("tell me about my meeting tomorrow at 7am"))
    assert "Early bird" in body and "20 min" in body
    assert local_now(tz) < start


async def test_meeting_card_buttons_answer_the_invitation(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    """The details card carries the accept / tentative / decline verbs that the action router runs."""
    at("08:00", "Europe/Paris")  # the seeded 10:00 and 16:00 meetings are still to come
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    await conv.say("details of my 10am")
    card = cards(await conv.say("the first one"))[0]
    assert "Contoso project review" in card_text(card)
    assert actions(card, "event.accept") and actions(card, "event.decline")
    await press(conv, card, "event.tentative")
    [event] = by_subject(client, "Contoso project review", tz)
    assert event["responseStatus"]["response"] == "tentativelyAccepted"
