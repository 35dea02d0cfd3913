"""References over HTTP (issue 20): "it" after a create or a single meeting, ordinals after a list, "the one with
Megan", "cancel that", "open it", in English and French. Effects are checked in the sandbox: the right item moved,
completed or deleted; the write still goes through the confirmation."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from language import t
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import add_event, card_text, cards, local, user, view
from tests.e2e.test_calendar import shown as joined
from tests.e2e.test_calendar_writes import by_subject
from tests.e2e.test_tasks_support import card_of, plain_texts, todo_lists, todo_tasks
from tests.support.bot import BotServer
from tests.support.clock import day_start

TZ = "Europe/Paris"


def next_organised(client: httpx.Client, now: datetime, subject: str) -> dict[str, Any]:
    """A meeting the person organises, made to be their next one (five minutes from now, before any seeded one)."""
    start = now.astimezone(day_start(TZ).tzinfo) + timedelta(minutes=5)
    made = add_event(client, subject, start, start + timedelta(minutes=20), TZ)
    events = [e for e in view(client, now, now + timedelta(days=14), TZ)
              if not e.get("isAllDay") and local(e["start"], TZ) >= now]
    assert events and events[0]["id"] == made["id"]
    return made


def add_meeting(client: httpx.Client, subject: str, start: datetime, *, with_: str | None = None) -> dict[str, Any]:
    """A 20-minute meeting the person organises (with one attendee), so a test never leans on the seed's weekdays."""
    body: dict[str, Any] = {
        "subject": subject, "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": TZ},
        "end": {"dateTime": (start + timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": TZ}}
    if with_:
        body["attendees"] = [{"emailAddress": {"address": with_}, "type": "required"}]
    response = client.post("/me/events", json=body)
    response.raise_for_status()
    return dict(response.json())


def all_open(graph: httpx.Client) -> list[dict[str, Any]]:
    return [task for li in todo_lists(graph) for task in todo_tasks(graph, li["id"])]


async def test_after_a_create_it_is_the_meeting_just_created(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    assert cards(await conv.say("book a meeting called Retro tomorrow at 3pm"))
    assert "the meeting is in your calendar" in joined(await conv.say("yes"))
    [event] = by_subject(client, "Retro", TZ)
    tomorrow = day_start(TZ, 1)
    assert local(event["start"], TZ) == tomorrow + timedelta(hours=15)
    confirm = card_text(cards(await conv.say("actually, move it to 4pm"))[0])
    assert "Retro" in confirm
    assert local(by_subject(client, "Retro", TZ)[0]["start"], TZ) == tomorrow + timedelta(hours=15)  # not yet
    assert "has moved" in joined(await conv.say("yes"))
    [moved] = by_subject(client, "Retro", TZ)
    assert local(moved["start"], TZ) == tomorrow + timedelta(hours=16)
    assert local(moved["end"], TZ) == tomorrow + timedelta(hours=16, minutes=30)
    # "open it" shows that very meeting.
    assert "Retro" in joined(await conv.say("open it"))


async def test_my_next_meeting_then_move_it(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    now = at("08:00", TZ)
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    target = next_organised(client, now, "Prep for the board")
    conv = bot.conversation(user_id=camille["userPrincipalName"], timezone=TZ, locale="en-US")
    assert target["subject"] in joined(await conv.say("what's my next meeting?"))
    replies = await conv.say("move it to 5pm")
    assert t("calendar.find.which", "en") not in joined(replies)  # no picker of 10
    assert target["subject"] in card_text(cards(replies)[0])
    await conv.say("yes")
    [moved] = [e for e in view(client, now - timedelta(hours=8), now + timedelta(days=14), TZ) if e["id"] == target["id"]]
    day = local(target["start"], TZ).replace(hour=0, minute=0)
    assert local(moved["start"], TZ) == day + timedelta(hours=17)


async def test_french_next_meeting_then_deplace_la(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                   at: Any) -> None:
    now = at("08:00", TZ)
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    target = next_organised(client, now, "Préparation du comité")
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=TZ)
    await conv.say("quelle est ma prochaine réunion ?")
    assert target["subject"] in card_text(cards(await conv.say("déplace-la à 17h"))[0])
    await conv.say("oui")
    [moved] = [e for e in view(client, now - timedelta(hours=8), now + timedelta(days=14), TZ) if e["id"] == target["id"]]
    assert local(moved["start"], TZ).hour == 17


async def test_cancel_that_after_the_next_meeting(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any) -> None:
    now = at("08:00", TZ)
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    target = next_organised(client, now, "Vendor sync")
    conv = bot.conversation(user_id=camille["userPrincipalName"], timezone=TZ, locale="en-US")
    await conv.say("what's my next meeting?")
    confirm = cards(await conv.say("cancel that"))
    assert confirm and target["subject"] in card_text(confirm[0])
    await conv.say("yes")
    left = [e["id"] for e in view(client, now - timedelta(hours=8), now + timedelta(days=14), TZ)]
    assert target["id"] not in left


async def test_the_second_one_after_whats_on_tomorrow(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    tomorrow = day_start(TZ, 1)
    add_meeting(client, "Early sync", tomorrow + timedelta(hours=6))
    add_meeting(client, "Early review", tomorrow + timedelta(hours=6, minutes=30))
    expected = view(client, tomorrow, tomorrow + timedelta(days=1), TZ)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("what's on tomorrow?")
    details = joined(await conv.say("the second one"))
    assert details.startswith(expected[1]["subject"])
    assert t("bot.not_understood", "en") not in details


async def test_french_le_premier_after_an_agenda(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    tomorrow = day_start(TZ, 1)
    add_meeting(client, "Point matinal", tomorrow + timedelta(hours=6))
    expected = view(client, tomorrow, tomorrow + timedelta(days=1), TZ)
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=TZ)
    await conv.say("qu'est-ce que j'ai demain ?")
    assert joined(await conv.say("le premier")).startswith(expected[0]["subject"])


@pytest.mark.parametrize(("locale", "ask", "pointer"), [("en-US", "what's on tomorrow?", "the one with Megan"),
                                                        ("fr-FR", "qu'est-ce que j'ai demain ?", "celle avec Megan")])
async def test_the_one_with_megan_after_a_list(bot: BotServer, sandbox: AdminClient, graph_as: Any, locale: str,
                                               ask: str, pointer: str) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    tomorrow = day_start(TZ, 1)
    add_meeting(client, "Design chat", tomorrow + timedelta(hours=6), with_=user(sandbox, "meganb")["userPrincipalName"])
    add_meeting(client, "Solo focus", tomorrow + timedelta(hours=6, minutes=30))
    day = view(client, tomorrow, tomorrow + timedelta(days=1), TZ)
    with_megan = [e for e in day if any(_is_megan(a["emailAddress"]) for a in e.get("attendees", []))
                  or _is_megan((e.get("organizer") or {}).get("emailAddress") or {})]
    assert "Design chat" in [e["subject"] for e in with_megan] and "Solo focus" in [e["subject"] for e in day]
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone=TZ)
    await conv.say(ask)
    replies = await conv.say(pointer)
    answer = joined(replies)
    if len(with_megan) == 1:
        assert answer.startswith(with_megan[0]["subject"])
    else:  # several: asked, among those only
        assert t("calendar.find.which", locale[:2]) in answer
        answer = card_text(cards(replies)[0])
        assert all(m["subject"] in answer for m in with_megan[:8])
        others = [e["subject"] for e in day if e not in with_megan and e["subject"] not in
                  {m["subject"] for m in with_megan}]
        assert all(s not in answer for s in others)


async def test_move_it_after_a_list_asks_which_one(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    tomorrow = day_start(TZ, 1)
    add_meeting(client, "Plan A", tomorrow + timedelta(hours=6))
    add_meeting(client, "Plan B", tomorrow + timedelta(hours=6, minutes=30))
    day = [e for e in view(client, tomorrow, tomorrow + timedelta(days=1), TZ) if not e.get("isAllDay")]
    mine = [e for e in day if e["isOrganizer"]]
    conv = bot.conversation(user_id=camille["userPrincipalName"], timezone=TZ, locale="en-US")
    await conv.say("what's on tomorrow?")
    replies = await conv.say("move it to 7pm")
    assert t("calendar.find.which", "en") in joined(replies)  # ambiguous: asked among tomorrow's meetings only
    asked = card_text(cards(replies)[0])
    assert all(e["subject"] in asked for e in mine[:10])
    assert all(e["subject"] not in asked for e in day if not e["isOrganizer"] and e["subject"] not in
               {m["subject"] for m in mine})
    replies = await conv.say("the first one")
    assert mine[0]["subject"] in card_text(cards(replies)[0])
    await conv.say("yes")
    [moved] = [e for e in view(client, tomorrow, tomorrow + timedelta(days=2), TZ) if e["id"] == mine[0]["id"]]
    assert local(moved["start"], TZ) == tomorrow + timedelta(hours=19)


async def test_mark_the_second_one_done_after_my_tasks(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    graph = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    shown = plain_texts(card_of(await conv.say("show my tasks")))
    before = {task["id"]: task for task in all_open(graph)}
    confirm = await conv.say("mark the second one done")
    facts = card_text(card_of(confirm))
    second = [task for task in before.values() if task["title"] in facts and task["status"] != "completed"]
    assert second and second[0]["title"] in shown
    await conv.say("yes")
    after = {task["id"]: task for task in all_open(graph)}
    changed = [i for i in before if before[i]["status"] != after[i]["status"]]
    assert len(changed) == 1 and after[changed[0]]["status"] == "completed"
    assert after[changed[0]]["title"] == _nth_title(shown, before, 2)


async def test_french_supprime_le_premier_after_my_tasks(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    graph = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale="fr-FR", timezone=TZ)
    shown = plain_texts(card_of(await conv.say("montre mes tâches")))
    before = {task["id"]: task for task in all_open(graph)}
    await conv.say("supprime le premier")
    await conv.say("oui")
    after = {task["id"] for task in all_open(graph)}
    gone = [before[i]["title"] for i in before if i not in after]
    assert gone == [_nth_title(shown, before, 1)]


async def test_after_a_task_is_added_mark_it_done(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    graph = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("add renew my passport to my tasks")
    await conv.say("yes")
    [task] = [task for task in all_open(graph) if task["title"] == "renew my passport"]
    assert task["status"] != "completed"
    assert "renew my passport" in card_text(card_of(await conv.say("mark it as done")))
    await conv.say("yes")
    [task] = [task for task in all_open(graph) if task["title"] == "renew my passport"]
    assert task["status"] == "completed"


async def test_an_ordinal_past_the_list_says_so(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    tomorrow = day_start(TZ, 1)
    add_meeting(client, "Early sync", tomorrow + timedelta(hours=6))
    count = len(view(client, tomorrow, tomorrow + timedelta(days=1), TZ))
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("what's on tomorrow?")
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    assert 0 < count < len(words), "the seed has a few meetings tomorrow"
    assert joined(await conv.say(f"the {words[count]} one")) == t("context.reference.no_such", "en")


def _nth_title(shown: list[str], tasks: dict[str, dict[str, Any]], n: int) -> str:
    """The n-th task title among the card's texts (the card shows other words too: list names, dates)."""
    titles = {task["title"] for task in tasks.values()}
    return [text for text in shown if text in titles][n - 1]


def _is_megan(address: dict[str, Any]) -> bool:
    return "Megan" in (address.get("name") or "") or (address.get("address") or "").startswith("meganb@")


async def test_cancel_it_while_a_question_waits_still_cancels(bot: BotServer, sandbox: AdminClient,
                                                              graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("what's my next meeting?")  # an item in the context ...
    await conv.say("book a meeting tomorrow at 3pm")  # ... and a question waiting for the title
    assert joined(await conv.say("cancel it")) == t("bot.cancelled", "en")
    assert by_subject(client, "cancel it", TZ) == []


async def test_mark_the_second_planner_task_done(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    graph = graph_as(adele["id"])
    response = graph.get("/me/planner/tasks")
    response.raise_for_status()
    before = {task["id"]: task for task in response.json()["value"]}
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    shown = [text for text in plain_texts(card_of(await conv.say("show my Planner tasks")))
             if text in {task["title"] for task in before.values()}]
    assert len(shown) >= 2
    assert shown[1] in card_text(card_of(await conv.say("mark the second one done")))
    await conv.say("yes")
    after = graph.get("/me/planner/tasks").json()["value"]
    done = [task["title"] for task in after if task["percentComplete"] == 100
            and before[task["id"]]["percentComplete"] != 100]
    assert done == [shown[1]]
