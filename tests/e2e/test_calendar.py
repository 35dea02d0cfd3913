"""Calendar reads over HTTP in English and French: agenda pages, conflicts, next meeting, details, join link, free
time. The real app, a fake channel and the sandbox process; expectations come from the sandbox's own Graph."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from graph.calendar import free_slots
from graph.mailbox import parse_mailbox_settings
from language.formatting import format_clock_range, format_duration, format_time_range
from sandbox.testing import AdminClient
from tests.support.bot import BotServer, texts
from tests.support.clock import day_start, local_now

CARD = "application/vnd.microsoft.card.adaptive"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# ---- helpers (also used by test_calendar_writes.py) -------------------------------------------------
def user(sandbox: AdminClient, login: str) -> dict[str, Any]:
    return next(u for u in sandbox.users() if u["userPrincipalName"].startswith(login + "@"))


def view(client: httpx.Client, start: datetime, end: datetime, tz: str) -> list[dict[str, Any]]:
    """calendarView from the sandbox itself, chronological, cancelled ones left out."""
    response = client.get(
        "/me/calendarView",
        params={"startDateTime": start.isoformat(), "endDateTime": end.isoformat(), "$top": "200"},
        headers={"Prefer": f'outlook.timezone="{tz}"'},
    )
    response.raise_for_status()
    events = [e for e in response.json()["value"] if not e.get("isCancelled")]
    return sorted(events, key=lambda e: (e["start"]["dateTime"], e["end"]["dateTime"]))


def local(value: dict[str, str], tz: str) -> datetime:
    return datetime.fromisoformat(value["dateTime"][:19]).replace(tzinfo=ZoneInfo(tz))




def cards(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a["content"] for r in replies for a in r.get("attachments") or [] if a.get("contentType") == CARD]


def card_text(card: Any) -> str:
    """Every string of a card, for "is it shown" checks."""
    if isinstance(card, dict):
        return "\n".join(card_text(v) for v in card.values())
    if isinstance(card, list):
        return "\n".join(card_text(v) for v in card)
    return card if isinstance(card, str) else ""


def actions(card: Any, verb: str) -> list[dict[str, Any]]:
    if isinstance(card, dict):
        own = [card] if card.get("type") == "Action.Execute" and card.get("verb") == verb else []
        return own + [a for v in card.values() for a in actions(v, verb)]
    if isinstance(card, list):
        return [a for v in card for a in actions(v, verb)]
    return []


def add_event(client: httpx.Client, subject: str, start: datetime, end: datetime, tz: str) -> dict[str, Any]:
    body = {"subject": subject, "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": tz},
            "end": {"dateTime": end.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": tz}}
    response = client.post("/me/events", json=body)
    response.raise_for_status()
    return response.json()


def joined(replies: list[dict[str, Any]]) -> str:
    """The replies' text: one sentence per card answer."""
    return "\n".join(texts(replies))


def shown(replies: list[dict[str, Any]]) -> str:
    """Everything the replies show: their text and their cards'."""
    return "\n".join([*texts(replies), *(card_text(card) for card in cards(replies))])


def rows(card: Any) -> list[str]:
    """The text of each row (ColumnSet) of a card: one meeting each in an agenda."""
    if isinstance(card, dict):
        own = [card_text(card)] if card.get("type") == "ColumnSet" else []
        return own + [r for v in card.values() for r in rows(v)]
    if isinstance(card, list):
        return [r for v in card for r in rows(v)]
    return []


# ---- agenda --------------------------------------------------------------------------------------
async def test_agenda_pages_with_more_and_marks_conflicts(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    today = day_start(tz)
    for hour in range(6):  # enough meetings today for two pages
        add_event(client, f"Extra slot {hour}", today + timedelta(hours=18, minutes=10 * hour),
                  today + timedelta(hours=18, minutes=10 * hour + 5), tz)
    expected = [e["subject"] for e in view(client, today, today + timedelta(days=1), tz)]
    assert len(expected) > 8
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    first = await conv.say("what's on my calendar today?")
    [sentence] = texts(first)
    assert sentence.startswith("Here's your day") and f"{len(expected)} meetings" in sentence
    assert f'say "more" for the next {len(expected) - 8}' in sentence
    assert not [s for s in expected if s in sentence]  # the card lists them, the text does not
    card = cards(first)[0]
    assert [s for s in expected if s in card_text(card)] == expected[:8]
    # The seed's 10:00 and 10:30 meetings overlap: both rows say so, and the sentence counts them.
    clash = [row for row in rows(card) if "Conflict" in row]
    assert any("Contoso project review" in row for row in clash)
    assert any("Q3 budget check-in" in row for row in clash)
    assert "overlapping" in sentence
    assert actions(card, "more")
    second = shown(await conv.say("more"))
    assert [s for s in expected if s in second] == expected[8:]
    # The conversation goes on normally after the pages.
    assert "Here's your day" in joined(await conv.say("what's on my calendar today?"))


async def test_more_button_then_a_new_question_is_answered(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    client = graph_as(adele["id"])
    today = day_start(tz)
    for hour in range(6):
        add_event(client, f"Extra slot {hour}", today + timedelta(hours=19, minutes=5 * hour),
                  today + timedelta(hours=19, minutes=5 * hour + 5), tz)
    expected = [e["subject"] for e in view(client, today, today + timedelta(days=1), tz)]
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
    more = actions(cards(await conv.say("what's on my calendar today?"))[0], "more")[0]
    response, replies = await conv.invoke("adaptiveCard/action", {"action": more})
    assert response.status_code == 200
    assert [s for s in expected if s in shown(replies)] == expected[8:]
    # Waiting for "more" no longer: a new request is answered as such, not swallowed.
    answer = joined(await conv.say("when am I free tomorrow?"))
    assert "free" in answer


async def test_agenda_next_week_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille = user(sandbox, "camilled")
    tz = "Europe/Paris"
    monday = day_start(tz) + timedelta(days=7 - day_start(tz).weekday())
    expected = [e["subject"] for e in view(graph_as(camille["id"]), monday, monday + timedelta(days=7), tz)]
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    body = shown(await conv.say("qu'est-ce que j'ai la semaine prochaine ?"))
    assert "Vos réunions du" in body
    for subject in expected[:8]:
        assert subject in body


async def test_this_afternoon_only(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    body = shown(await bot.conversation(user_id=adele["userPrincipalName"], timezone=tz)
                 .say("what's on my calendar this afternoon"))
    assert "Team lunch" in body  # 12:30
    assert "Contoso project review" not in body  # 10:00


# ---- next meeting, details, join ----------------------------------------------------------------
async def test_next_meeting_details_in_los_angeles(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                  at: Any) -> None:
    tz = "America/Los_Angeles"
    now = at("08:00", tz)  # before the day's first meeting: none is under way, the next one is plain
    megan = user(sandbox, "meganb")
    coming = [e for e in view(graph_as(megan["id"]), now, now + timedelta(days=7), tz)
              if not e["isAllDay"] and local(e["start"], tz) >= now]
    conv = bot.conversation(user_id=megan["userPrincipalName"], timezone=tz)
    replies = await conv.say("when is my next meeting")
    body = joined(replies)
    nxt = coming[0]
    assert nxt["subject"] in body
    assert format_time_range(local(nxt["start"], tz), local(nxt["end"], tz), "en", tz) in body
    assert ", starting in" in body and "\n" not in body
    assert nxt["subject"] in card_text(cards(replies)[0]) and "Duration" in card_text(cards(replies)[0])


async def test_details_of_a_time_asks_which_when_two_match(bot: BotServer, sandbox: AdminClient, at: Any) -> None:
    at("08:00", "Europe/Paris")  # "my 10am" is this morning's, still to come
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone="Europe/Paris")
    replies = await conv.say("details of my 10am")
    choice = cards(replies)[0]
    assert "Which meeting" in card_text(choice)
    labels = card_text(choice)
    assert "Contoso project review" in labels and "Q3 budget check-in" in labels
    assert labels.index("Contoso project review") < labels.index("Q3 budget check-in")
    replies = await conv.say("the second one")
    assert joined(replies).startswith("Q3 budget check-in")
    assert "Conference Room Rainier" in card_text(cards(replies)[0])


async def test_details_in_french_with_ordinal(bot: BotServer, sandbox: AdminClient, at: Any) -> None:
    at("08:00", "Europe/Paris")
    camille = user(sandbox, "camilled")
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone="Europe/Paris")
    await conv.say("détails de ma réunion de ce matin à 10h")
    replies = await conv.say("le deuxième")
    assert "Budget Q3" in joined(replies) and "Salle Lumière" in card_text(cards(replies)[0])


async def test_join_link_of_the_next_online_meeting(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    tz = "Europe/Paris"
    now = local_now(tz)
    online = [e for e in view(graph_as(adele["id"]), now - timedelta(hours=4), now + timedelta(days=14), tz)
              if not e["isAllDay"] and local(e["end"], tz) > now and (e.get("onlineMeeting") or {}).get("joinUrl")]
    body = joined(await bot.conversation(user_id=adele["userPrincipalName"], timezone=tz).say("join my meeting"))
    assert online[0]["onlineMeeting"]["joinUrl"] in body
    assert online[0]["subject"] in body


async def test_join_in_french(bot: BotServer, sandbox: AdminClient) -> None:
    camille = user(sandbox, "camilled")
    body = joined(await bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR",
                                         timezone="Europe/Paris").say("rejoindre ma réunion"))
    assert "https://teams.microsoft.com/l/meetup-join/" in body
    assert "rejoindre" in body.lower() or "Rejoindre" in body


# ---- free time ------------------------------------------------------------------------------------
def expected_slots(client: httpx.Client, start: datetime, end: datetime, tz: str) -> list[tuple[datetime, datetime]]:
    settings = parse_mailbox_settings(client.get("/me/mailboxSettings").raise_for_status().json())
    busy = [(local(e["start"], tz), local(e["end"], tz)) for e in view(client, start, end, tz)
            if e.get("showAs") not in ("free", "workingElsewhere")]
    return [(s.start, s.end) for s in free_slots(busy, start=start, end=end, settings=settings, minutes=30)]


async def test_free_time_tomorrow_in_working_hours(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                   at: Any) -> None:
    tz = "Europe/Paris"
    settings = parse_mailbox_settings(graph_as(user(sandbox, "adelev")["id"]).get("/me/mailboxSettings").json())
    today = local_now(tz).date()
    offset = next(d for d in range(7)
                  if WEEKDAYS[(today + timedelta(days=d + 1)).weekday()] in settings.working_hours.days)
    now = at("08:00", tz, days=offset)  # tomorrow is a working day (a day off: tests/e2e/test_free_time.py)
    adele = user(sandbox, "adelev")
    start = datetime.combine(now.date() + timedelta(days=1), time(0), ZoneInfo(tz))
    slots = expected_slots(graph_as(adele["id"]), start, start + timedelta(days=1), tz)
    replies = await bot.conversation(user_id=adele["userPrincipalName"], timezone=tz).say("when am I free tomorrow?")
    [sentence] = texts(replies)
    if not slots:
        assert "no free time" in sentence
    else:
        assert f"{len(slots)} free slot" in sentence
    card = card_text(cards(replies)[0])
    for s, e in slots:
        assert format_clock_range(s, e, "en", tz) in card
    assert "Free time" in card


async def test_free_time_with_someone_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    camille, adele = user(sandbox, "camilled"), user(sandbox, "adelev")
    tz = "Europe/Paris"
    start = day_start(tz, 1)
    end = start + timedelta(days=1)
    client = graph_as(camille["id"])
    settings = parse_mailbox_settings(client.get("/me/mailboxSettings").raise_for_status().json())
    busy = [(local(e["start"], tz), local(e["end"], tz))
            for who in (camille, adele) for e in view(graph_as(who["id"]), start, end, tz)
            if e.get("showAs") not in ("free", "workingElsewhere")]
    slots = free_slots(busy, start=start, end=end, settings=settings, minutes=30)
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=tz)
    replies = await conv.say("quand suis-je libre demain avec Adele ?")
    assert ("Vous êtes tous libres" if slots else "aucun créneau") in joined(replies)
    if not slots:  # tomorrow is a day off or full: the sentence says so, and there is no card of slots
        return
    card = card_text(cards(replies)[0])
    for slot in slots:
        assert format_clock_range(slot.start, slot.end, "fr", tz) in card
        assert format_duration(slot.end - slot.start, "fr") in card
