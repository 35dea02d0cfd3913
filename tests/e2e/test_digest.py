""""My day" over HTTP: the card and summary against the sandbox's own data, two Graph round trips from the
request log, the Outlook-ready envelope, per-viewer refresh, and buttons of the card acting and refreshing it."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx
import pytest

from config import Settings
from sandbox.testing import AdminClient
from tests.cards.test_quality import schema_validator, strip_host_keys
from tests.e2e.conftest import set_signin
from tests.e2e.test_actions import CARD, actions_in, execute, todo_lists, todo_task, user_zone
from tests.support.bot import BotServer, run_bot
from tests.support.channel import FakeChannel
from tests.support.clock import suite_clock

ORIGINATOR = "6c1d2f0e-9a43-4c3b-8f51-2b7f0c9a1d44"
SUMMARY_EN = re.compile(r"^Your day: (\d+) meetings?, (\d+) tasks? due, (\d+) Planner tasks?, (\d+) flagged messages?\.$")


@pytest.fixture
async def outlook_bot(sandbox: AdminClient, sandbox_url: str, channel: FakeChannel) -> AsyncIterator[BotServer]:
    """MIPA with an Outlook originator id configured, automatic sign-in on."""
    set_signin(sandbox_url, autoSignIn=True)
    async with run_bot(Settings(sandbox_url=sandbox_url, outlook_originator_id=ORIGINATOR), channel) as server:
        yield server


@dataclass(frozen=True)
class Expected:
    meetings: list[str]
    todo: list[str]
    planner: int
    flagged: int


def expected_day(client: httpx.Client) -> Expected:
    """Today for this user, computed from the sandbox's Graph with the rules of the "my day" card."""
    tz = user_zone(client)
    start = suite_clock().now().astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=1)
    events = client.get("/me/calendarView", params={
        "startDateTime": start.isoformat(), "endDateTime": end.isoformat(), "$top": "50"}).raise_for_status().json()
    meetings = [e["subject"] for e in events["value"] if not e.get("isCancelled")]
    todo: list[str] = []
    for todo_list in todo_lists(client):
        tasks = client.get(f"/me/todo/lists/{quote(todo_list['id'], safe='')}/tasks").raise_for_status().json()
        for task in tasks["value"]:
            due = (task.get("dueDateTime") or {}).get("dateTime")
            if task["status"] != "completed" and due and due[:10] <= start.date().isoformat():
                todo.append(task["title"])
    planner = 0
    for task in client.get("/me/planner/tasks").raise_for_status().json()["value"]:
        due = task.get("dueDateTime")
        due_soon = due is not None and datetime.fromisoformat(due.replace("Z", "+00:00")) < end
        if task["percentComplete"] < 100 and (due_soon or task["percentComplete"] > 0):
            planner += 1
    flagged = client.get("/me/messages", params={"$filter": "flag/flagStatus eq 'flagged'", "$top": "50"}
                         ).raise_for_status().json()["value"]
    return Expected(meetings=meetings, todo=todo, planner=planner, flagged=min(len(flagged), 10))


def card_of(reply: dict[str, Any]) -> dict[str, Any]:
    attachment = reply["attachments"][0]
    assert attachment["contentType"] == CARD
    return attachment["content"]


def graph_calls(sandbox: AdminClient) -> list[dict[str, Any]]:
    """HTTP round trips to Graph (requests inside a $batch are not round trips of their own)."""
    return [r for r in sandbox.requests() if r["path"].startswith("/v1.0") and not r["inBatch"]]


# ---- the "my day" message -------------------------------------------------------------------------------
async def test_my_day_in_english_in_two_round_trips(outlook_bot: BotServer, sandbox: AdminClient,
                                                    graph_as: Any) -> None:
    user = sandbox.users()[0]
    expected = expected_day(graph_as(user["id"]))
    assert expected.meetings and expected.todo and expected.planner and expected.flagged, "the seed promises a full day"
    conv = outlook_bot.conversation(user_id=user["userPrincipalName"])
    sandbox.clear_requests()
    replies = await conv.say("my day")
    calls = graph_calls(sandbox)
    assert [(c["method"], c["path"]) for c in calls] == [("POST", "/v1.0/$batch")] * 2
    assert {c["userId"] for c in sandbox.requests() if c["path"].startswith("/v1.0")} == {user["id"]}

    assert len(replies) == 1
    summary = SUMMARY_EN.match(replies[0]["text"])
    assert summary, replies[0]["text"]
    assert [int(n) for n in summary.groups()] == [len(expected.meetings), len(expected.todo), expected.planner,
                                                  expected.flagged]
    card = card_of(replies[0])
    assert card["version"] == "1.4" and card["originator"] == ORIGINATOR
    assert card["refresh"]["action"]["verb"] == "digest.refresh"
    assert card["refresh"]["userIds"] == [conv.user_id]
    shown = str(card)
    assert f"Meetings ({len(expected.meetings)})" in shown and f"To Do due ({len(expected.todo)})" in shown
    for subject in expected.meetings[:6]:
        assert subject in shown
    buttons = actions_in(card)
    assert {"todo.complete", "digest.refresh"} <= {b["verb"] for b in buttons}
    assert all(b["data"]["source"] == "digest" for b in buttons)
    assert all(b["fallback"]["data"]["source"] == "digest" for b in buttons if "fallback" in b)


async def test_my_day_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user = sandbox.users()[1]
    expected = expected_day(graph_as(user["id"]))
    conv = bot.conversation(user_id=user["id"], locale="fr-FR", timezone="Europe/Paris")
    replies = await conv.say("ma journée")
    assert replies[0]["text"].startswith("Votre journée : ")
    assert f"{len(expected.meetings)} réunion" in replies[0]["text"]
    card = card_of(replies[0])
    assert "Ma journée" in str(card) and f"Réunions ({len(expected.meetings)})" in str(card)
    assert "originator" not in card  # none configured
    assert card["version"] == "1.4"


# ---- refresh and buttons of the card ------------------------------------------------------------------------
@pytest.mark.parametrize("channel_id", ["msteams", "outlook"])
@pytest.mark.parametrize("trigger", ["manual", "automatic"])
async def test_refresh_shows_each_viewer_their_own_day(outlook_bot: BotServer, sandbox: AdminClient,
                                                       graph_as: Any, channel_id: str, trigger: str) -> None:
    me, other = sandbox.users()[0], sandbox.users()[2]
    mine, theirs = expected_day(graph_as(me["id"])), expected_day(graph_as(other["id"]))
    for user, expected in ((me, mine), (other, theirs)):
        conv = outlook_bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
        sandbox.clear_requests()
        _, body = await execute(conv, "digest.refresh", {"source": "digest"}, trigger=trigger)
        assert body["statusCode"] == 200 and body["type"] == CARD
        card = body["value"]
        assert card["version"] == "1.4" and card["originator"] == ORIGINATOR
        assert card["refresh"]["userIds"] == [conv.user_id]
        assert f"Meetings ({len(expected.meetings)})" in str(card)
        assert f"Flagged mail ({expected.flagged})" in str(card)
        assert len(graph_calls(sandbox)) == 2
        assert {c["userId"] for c in sandbox.requests() if c["path"].startswith("/v1.0")} == {user["id"]}


@pytest.mark.parametrize("channel_id", ["msteams", "outlook"])
async def test_complete_from_my_day_refreshes_it_with_undo(outlook_bot: BotServer, sandbox: AdminClient,
                                                           graph_as: Any, channel_id: str) -> None:
    user = sandbox.users()[0]
    client = graph_as(user["id"])
    before = expected_day(client)
    conv = outlook_bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    card = card_of((await conv.say("my day"))[0])
    button = actions_in(card, "todo.complete")[0]
    _, body = await execute(conv, button["verb"], button["data"])
    assert body["type"] == CARD
    refreshed = body["value"]
    assert refreshed["originator"] == ORIGINATOR and "Task completed." in str(refreshed)
    assert f"To Do due ({len(before.todo) - 1})" in str(refreshed)
    data = button["data"]
    assert todo_task(client, data["listId"], data["itemId"])["status"] == "completed"
    # The second click (same button of the old card) changes nothing and says so on a fresh card.
    _, again = await execute(conv, button["verb"], button["data"])
    assert "already completed" in str(again["value"])
    assert f"To Do due ({len(before.todo) - 1})" in str(again["value"])
    # Undo from the refreshed card: the task is open again and the card counts it again.
    undo = actions_in(refreshed, "undo")[0]
    assert undo["data"]["source"] == "digest"
    _, undone = await execute(conv, "undo", undo["data"])
    assert "Undone:" in str(undone["value"]) and f"To Do due ({len(before.todo)})" in str(undone["value"])
    assert todo_task(client, data["listId"], data["itemId"])["status"] == "notStarted"


async def test_my_day_for_a_user_in_another_zone(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user = sandbox.users()[2]
    client = graph_as(user["id"])
    expected = expected_day(client)
    zone = user_zone(client)
    assert zone != ZoneInfo("Europe/Paris")
    replies = await bot.conversation(user_id=user["userPrincipalName"], timezone=None).say("my day")
    summary = SUMMARY_EN.match(replies[0]["text"])
    assert summary and int(summary.group(1)) == len(expected.meetings)
    assert int(summary.group(2)) == len(expected.todo)


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
async def test_cards_the_router_returns_are_valid_outlook_cards(outlook_bot: BotServer, sandbox: AdminClient,
                                                                graph_as: Any, locale: str) -> None:
    """The refreshed "my day" with its outcome and undo, and the small outcome card: official 1.4 schema, under
    Outlook's 28 KB, originator set."""
    user = sandbox.users()[0]
    conv = outlook_bot.conversation(user_id=user["userPrincipalName"], channel_id="outlook", locale=locale)
    day = card_of((await conv.say("ma journée" if locale.startswith("fr") else "my day"))[0])
    complete = actions_in(day, "todo.complete")[0]
    _, from_day = await execute(conv, "todo.complete", complete["data"])
    flag = actions_in(day, "mail.flag.complete")[0]
    _, from_elsewhere = await execute(conv, "mail.flag.complete", {"itemId": flag["data"]["itemId"]})
    for card in (day, from_day["value"], from_elsewhere["value"]):
        assert card["version"] == "1.4" and card["originator"] == ORIGINATOR
        errors = sorted(schema_validator("1.4").iter_errors(strip_host_keys(card)), key=str)
        assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}"
        assert len(json.dumps(card).encode()) < 28 * 1024
    assert len(actions_in(from_day["value"], "undo")) == 1 and len(actions_in(from_elsewhere["value"], "undo")) == 1
    assert actions_in(from_elsewhere["value"], "undo")[0]["data"].get("source") is None
