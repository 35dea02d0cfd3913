"""Conflicts named before a write is confirmed, and the move picker's own meetings only, over HTTP against the sandbox.

The confirmation card of a new meeting or a move names each meeting it overlaps (title and time), in English and
French; someone else's meeting is refused before the new time is asked, and the picker lists only the person's own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from language.formatting import format_clock_range
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import add_event, card_text, cards, joined, user, view
from tests.e2e.test_calendar_writes import by_subject
from tests.e2e.test_move_card import facts
from tests.support.bot import BotServer
from tests.support.clock import day_start

TZ = "Europe/Paris"
OVERLAPS = {"en-US": "Overlaps", "fr-FR": "Chevauche"}


def writes(sandbox: AdminClient) -> list[dict[str, Any]]:
    return [r for r in sandbox.requests() if r["method"] in ("POST", "PATCH", "DELETE")]


def invite(organiser: httpx.Client, attendee: dict[str, Any], subject: str, start: datetime, end: datetime) -> None:
    """A meeting `organiser` owns with `attendee` invited (it lands in the attendee's calendar too)."""
    body = {"subject": subject,
            "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": TZ},
            "end": {"dateTime": end.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": TZ},
            "attendees": [{"type": "required", "emailAddress": {"address": attendee.get("mail") or
                                                                attendee["userPrincipalName"]}}]}
    organiser.post("/me/events", json=body).raise_for_status()


@pytest.mark.parametrize(("locale", "say", "yes"), [
    ("en-US", "book a meeting about hiring tomorrow at 10:30am", "yes"),
    ("fr-FR", "organise une réunion sur le recrutement demain à 10h30", "oui"),
])
async def test_new_meeting_names_the_meeting_it_overlaps(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                         locale: str, say: str, yes: str) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    tomorrow = day_start(TZ, 1)
    start, end = tomorrow + timedelta(hours=10), tomorrow + timedelta(hours=11)
    add_event(client, "Budget review", start, end, TZ)
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone=TZ)
    replies = await conv.say(say)
    shown = facts(cards(replies)[0])
    expected = f"Budget review ({format_clock_range(start, end, locale[:2], TZ)})"
    assert expected in shown[OVERLAPS[locale]]
    before = len(view(client, tomorrow, tomorrow + timedelta(days=1), TZ))
    await conv.say(yes)  # the person decides, knowing: the meeting is created once
    assert len(view(client, tomorrow, tomorrow + timedelta(days=1), TZ)) == before + 1


async def test_a_clear_time_has_no_overlaps_row(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    tomorrow = day_start(TZ, 1)
    for event in view(client, tomorrow + timedelta(hours=6), tomorrow + timedelta(hours=7), TZ):
        client.delete(f"/me/events/{event['id']}").raise_for_status()
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    card = cards(await conv.say("book a meeting about hiring tomorrow at 6am"))[0]
    assert "hiring" in card_text(card)
    assert "Overlaps" not in facts(card)


@pytest.mark.parametrize(("locale", "say"), [("en-US", "move my 4pm to 5pm"),
                                             ("fr-FR", "déplace ma réunion de 16h à 17h")])
async def test_move_names_the_meeting_at_the_new_time(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any,
                                                      locale: str, say: str) -> None:
    at("08:00", TZ)  # the seeded 16:00 meeting is still to come
    who = user(sandbox, "adelev" if locale == "en-US" else "camilled")
    client = graph_as(who["id"])
    today = day_start(TZ)
    start, end = today + timedelta(hours=17), today + timedelta(hours=18)
    add_event(client, "Budget review", start, end, TZ)
    conv = bot.conversation(user_id=who["userPrincipalName"], locale=locale, timezone=TZ)
    replies = await conv.say(say)
    shown = facts(cards(replies)[0])
    assert f"Budget review ({format_clock_range(start, end, locale[:2], TZ)})" in shown[OVERLAPS[locale]]
    # The meeting being moved does not conflict with itself.
    assert shown[OVERLAPS[locale]].count("(") == 1


@pytest.mark.parametrize(("locale", "refused"), [("en-US", "You don't organize"), ("fr-FR", "Vous n'organisez pas")])
async def test_someone_elses_meeting_is_refused_before_the_new_time_is_asked(
        bot: BotServer, sandbox: AdminClient, graph_as: Any, locale: str, refused: str) -> None:
    adele, megan = user(sandbox, "adelev"), user(sandbox, "meganb")
    tomorrow = day_start(TZ, 1)
    start = tomorrow + timedelta(hours=7)
    for event in view(graph_as(adele["id"]), start - timedelta(hours=1), start + timedelta(hours=1), TZ):
        graph_as(adele["id"]).delete(f"/me/events/{event['id']}").raise_for_status()
    invite(graph_as(megan["id"]), adele, "Roadmap review", start, start + timedelta(minutes=30))
    [seen] = by_subject(graph_as(adele["id"]), "Roadmap review", TZ)
    assert not seen["isOrganizer"]
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone=TZ)
    sandbox.clear_requests()
    say = "move my meeting tomorrow at 7am" if locale == "en-US" else "déplace ma réunion de demain à 7h"
    replies = await conv.say(say)
    said = joined(replies)
    assert refused in said and "Roadmap review" in said
    assert cards(replies) == [], "no time asked, no confirmation"
    assert writes(sandbox) == []


async def test_move_picker_lists_only_my_own_meetings(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele, megan = user(sandbox, "adelev"), user(sandbox, "meganb")
    client = graph_as(adele["id"])
    day = day_start(TZ, 2)
    for event in view(client, day, day + timedelta(days=1), TZ):
        client.delete(f"/me/events/{event['id']}").raise_for_status()
    add_event(client, "Design sync", day + timedelta(hours=9), day + timedelta(hours=10), TZ)
    add_event(client, "Hiring debrief", day + timedelta(hours=11), day + timedelta(hours=12), TZ)
    invite(graph_as(megan["id"]), adele, "Roadmap review", day + timedelta(hours=14), day + timedelta(hours=15))
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    replies = await conv.say("move my meeting the day after tomorrow")
    picker = card_text(cards(replies)[0]) + joined(replies)
    assert "Design sync" in picker and "Hiring debrief" in picker
    assert "Roadmap review" not in picker
