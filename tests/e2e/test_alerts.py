"""Alerts end to end, in process: opt in by chat, a Graph subscription in the sandbox, reminders, invitations,
"my day", opting out and uninstalling. The bot's clock is moved (the clock seam); the sandbox runs on real time
and delivers its change notifications to MIPA's own /api/notifications."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from clock import PinnedClock, clock_from_env
from config import Settings
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.support.bot import BotServer, Conversation, run_bot, texts
from tests.support.channel import FakeChannel

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
async def alerts_bot(sandbox: AdminClient, sandbox_url: str, channel: FakeChannel) -> AsyncIterator[tuple[BotServer, PinnedClock]]:
    set_signin(sandbox_url, autoSignIn=True)
    clock = PinnedClock(clock_from_env().now())
    async with run_bot(Settings(sandbox_url=sandbox_url, alerts_tick_seconds=1), channel, clock=clock) as server:
        yield server, clock


def _event(subject: str, start: datetime, attendees: list[str] | None = None, online: bool = True) -> dict[str, Any]:
    end = start + timedelta(minutes=30)
    body: dict[str, Any] = {"subject": subject, "isOnlineMeeting": online,
                            "start": {"dateTime": start.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "Europe/Paris"},
                            "end": {"dateTime": end.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "Europe/Paris"}}
    if attendees:
        body["attendees"] = [{"emailAddress": {"address": a}, "type": "required"} for a in attendees]
    return body


async def _wait_for(conv: Conversation, predicate: Callable[[dict[str, Any]], bool], within: float = 10.0) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + within
    while True:
        found = [a for a in conv.server.channel.activities(conv.conversation_id) if predicate(a)]
        if found:
            return found[0]
        assert asyncio.get_running_loop().time() < deadline, "no such message: " + repr(texts(conv.server.channel.activities(conv.conversation_id))[-5:])
        await asyncio.sleep(0.1)


async def _planned(server: BotServer, user_id: str, start: datetime) -> bool:
    """Wait until the bot's store holds a reminder for the meeting that starts at `start`."""
    from app import BOT_PARTS

    storage: Any = server.app[BOT_PARTS].storage
    for _ in range(100):
        raw = (await storage.read([f"notify:user:{user_id}"])).get(f"notify:user:{user_id}") or {}
        if any(abs(d["start"] - start.timestamp()) < 1 for d in raw.get("due") or []):
            return True
        await asyncio.sleep(0.1)
    return False


def _says(fragment: str) -> Callable[[dict[str, Any]], bool]:
    return lambda a: fragment in (a.get("text") or "")


def _buttons(activity: dict[str, Any]) -> list[str]:
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action.") and "title" in node:
                found.append(str(node["title"]))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(activity.get("attachments") or [])
    return found


async def test_reminders_invitations_my_day_opt_out_and_uninstall(
    alerts_bot: tuple[BotServer, PinnedClock], sandbox: AdminClient, graph_as: Callable[[str], httpx.Client],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    server, clock = alerts_bot
    adele, camille = sandbox.users()[:2]
    conv = server.conversation(user_id=adele["userPrincipalName"])

    replies = await conv.say("remind me 1 minute before my meetings")
    assert "remind you 1 min before each meeting" in "\n".join(texts(replies))
    assert "Turn reminders off" in _buttons(replies[-1])
    subs = sandbox.subscriptions()
    assert len(subs) == 1 and subs[0]["owner"] == adele["id"] and subs[0]["notificationUrl"] == server.url + "/api/notifications"

    # A meeting of her own, 12 minutes from now: one reminder a minute before it, with Join. (The bot's clock is
    # moved ahead of the sandbox's by less than the hour the bot keeps off Graph's 4,230-minute maximum.)
    start = (clock.now() + timedelta(minutes=12)).replace(second=0, microsecond=0)
    me = graph_as(adele["id"])
    assert me.post("/me/events", json=_event("Quarterly numbers", start)).status_code == 201
    assert await _planned(server, conv.user_id, start)  # the change notification re-planned her reminders
    clock.set(start - timedelta(seconds=59))
    reminder = await _wait_for(conv, _says("Starting in 1 min"))
    assert "Quarterly numbers" in reminder["text"] and "Join" in _buttons(reminder)
    await asyncio.sleep(2.5)
    assert len([a for a in conv.server.channel.activities(conv.conversation_id) if _says("Starting in")(a)]) == 1

    # An invitation from a colleague is announced with Accept / Tentative / Decline.
    colleague = graph_as(camille["id"])
    assert colleague.post("/me/events", json=_event("Budget review", clock.now() + timedelta(hours=3),
                                                    attendees=[adele["userPrincipalName"]])).status_code == 201
    invitation = await _wait_for(conv, _says("New invitation"))
    assert "Budget review" in invitation["text"]
    assert {"Accept", "Tentative", "Decline"} <= set(_buttons(invitation))

    # "My day" at a minute two minutes ahead (in her zone), every day.
    slot = (clock.now() + timedelta(minutes=2)).astimezone(PARIS).replace(second=0, microsecond=0)
    replies = await conv.say(f"send me my day every day at {slot:%H:%M}")
    assert f"send you your day at {slot:%H:%M}" in "\n".join(texts(replies)) or "send you your day at" in "\n".join(texts(replies))
    clock.set(slot + timedelta(seconds=45))
    digest = await _wait_for(conv, _says("here is your day"))
    assert digest.get("attachments")

    # Opting out stops reminders; turning both off deletes the subscription.
    replies = await conv.say("stop meeting reminders")
    assert "reminders are off" in "\n".join(texts(replies)).lower()
    later = (clock.now() + timedelta(minutes=6)).replace(second=0, microsecond=0)
    me.post("/me/events", json=_event("Late sync", later))
    await asyncio.sleep(1.5)  # time for a (wrong) re-plan to happen
    clock.set(later - timedelta(seconds=50))
    await asyncio.sleep(2.5)
    assert not [a for a in conv.server.channel.activities(conv.conversation_id) if "Late sync" in (a.get("text") or "")]
    assert len(sandbox.subscriptions()) == 1
    replies = await conv.say("stop my day")
    assert "off" in "\n".join(texts(replies)).lower()
    assert sandbox.subscriptions() == []

    # Uninstalling deletes the subscription and the stored reference.
    await conv.say("remind me 5 minutes before my meetings")
    assert len(sandbox.subscriptions()) == 1
    response, _ = await conv.send(conv.activity(type="installationUpdate", action="remove", text=None))
    assert response.status_code in (200, 201)
    assert sandbox.subscriptions() == []
    from app import BOT_PARTS

    storage: Any = server.app[BOT_PARTS].storage
    stored = await storage.read([f"notify:user:{adele['userPrincipalName']}"])
    assert stored == {}

    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("Quarterly numbers", "Budget review", "Late sync", adele["userPrincipalName"], camille["userPrincipalName"],
                   adele["displayName"], camille["displayName"]):
        assert secret not in logged


async def _until(check: Callable[[], Any], within: float = 10.0) -> Any:
    for _ in range(int(within * 10)):
        found = check()
        if found:
            return found
        await asyncio.sleep(0.1)
    return check()


async def test_lifecycle_events_resync_resubscribe_and_reauthorize(alerts_bot: tuple[BotServer, PinnedClock], sandbox: AdminClient) -> None:
    server, _clock = alerts_bot
    adele = sandbox.users()[0]
    conv = server.conversation(user_id=adele["userPrincipalName"])
    await conv.say("remind me 10 minutes before my meetings")
    first = sandbox.subscriptions()[0]
    assert first["lifecycleNotificationUrl"] == server.url + "/api/notifications"
    sandbox.clear_requests()

    assert sandbox.lifecycle(first["id"], "missed").status_code == 202
    assert await _until(lambda: [r for r in sandbox.requests() if r["path"].startswith("/v1.0/me/calendarView/delta")])

    assert sandbox.lifecycle(first["id"], "subscriptionRemoved").status_code == 202
    renewed = await _until(lambda: [s for s in sandbox.subscriptions() if s["id"] != first["id"]])
    assert len(renewed) == 1 and renewed[0]["owner"] == adele["id"] and len(sandbox.subscriptions()) == 1

    assert sandbox.lifecycle(renewed[0]["id"], "reauthorizationRequired").status_code == 202
    assert await _until(lambda: [r for r in sandbox.requests()
                                 if r["path"] == f"/v1.0/subscriptions/{renewed[0]['id']}/reauthorize" and r["status"] == 200])


async def test_signed_out_alerts_pause_and_say_so_once(alerts_bot: tuple[BotServer, PinnedClock], sandbox: AdminClient,
                                                       sandbox_url: str, graph_as: Callable[[str], httpx.Client]) -> None:
    server, clock = alerts_bot
    adele = sandbox.users()[0]
    conv = server.conversation(user_id=adele["userPrincipalName"])
    await conv.say("remind me 1 minute before my meetings")
    start = (clock.now() + timedelta(minutes=20)).replace(second=0, microsecond=0)
    assert graph_as(adele["id"]).post("/me/events", json=_event("Private thing", start)).status_code == 201
    assert await _planned(server, conv.user_id, start)
    set_signin(sandbox_url, autoSignIn=False)
    signed_out = await server.http.delete(f"{sandbox_url}/api/usertoken/SignOut",
                                          params={"userId": conv.user_id, "connectionName": "graph", "channelId": "msteams"})
    assert signed_out.status_code in (200, 204)
    clock.set(start - timedelta(seconds=59))
    await _wait_for(conv, _says("signed out"))
    clock.advance(20)
    await asyncio.sleep(2.5)
    said = texts(conv.server.channel.activities(conv.conversation_id))
    assert len([t for t in said if "signed out" in t]) == 1
    assert not [t for t in said if "Starting in" in t]
