"""Mailbox settings and richer To Do over HTTP (issue 22): out of office set, shown, turned off and undone; working
hours shown and changed; a time zone by city; a reminder; a monthly task. Effects are read from the sandbox.

Dates come from the suite clock (tests/support/clock.py): "21 December" is this season's or the next one, whatever
the date; the reminder test pins the time of day with `at`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from clock import PinnedClock
from config import Settings
from graph.mailbox import parse_automatic_replies, parse_mailbox_settings
from graph.todo import parse_task
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.e2e.test_tasks_support import (
    ADELE,
    CAMILLE,
    block_texts,
    card_of,
    facts_of,
    find_actions,
    todo_lists,
    todo_tasks,
)
from tests.support.bot import BotServer, run_bot, texts
from tests.support.channel import FakeChannel

PARIS = ZoneInfo("Europe/Paris")


def _autoreply(graph: Any) -> Any:
    return parse_automatic_replies(graph.get("/me/mailboxSettings/automaticRepliesSetting").json())


def _last_day(end: datetime) -> date:
    return (end.astimezone(PARIS) - timedelta(microseconds=1)).date()


def _holiday_span(replies: Any, now: datetime) -> tuple[date, date]:
    """The first and last day away; checks they are a 21 December and the 2 January after it, still to come."""
    assert replies.start is not None and replies.end is not None
    first, last = replies.start.astimezone(PARIS).date(), _last_day(replies.end)
    assert (first.month, first.day) == (12, 21)
    assert last == date(first.year + 1, 1, 2)
    assert replies.end > now  # the next (or current) holidays, never past ones
    assert replies.start - now < timedelta(days=366)  # and not a later year's
    return first, last


async def test_out_of_office_scheduled_shown_then_turned_off_in_english(bot: BotServer, graph_as: Any,
                                                                       bot_clock: PinnedClock) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    confirm = card_of(await conv.say('set my out of office from 21 December to 2 January with "I\'m on holiday"'))
    facts = facts_of(confirm)
    assert "December 21" in facts["Status"] and "January 2" in facts["Status"]
    assert facts["Message to your organization"] == "I'm on holiday"
    assert _autoreply(graph).status == "disabled"  # nothing before yes

    result = card_of(await conv.say("yes"))
    assert find_actions(result, "undo")
    replies = _autoreply(graph)
    assert replies.status == "scheduled"
    assert replies.internal_message == "I'm on holiday" and replies.external_message == "I'm on holiday"
    assert replies.external_audience == "all"
    _holiday_span(replies, bot_clock.now())

    shown = card_of(await conv.say("is my out of office on?"))
    shown_facts = facts_of(shown)
    assert shown_facts["Status"].startswith("Scheduled from") and "January 2" in shown_facts["Status"]
    assert "Working hours" in block_texts(shown)

    off = card_of(await conv.say("turn off my out of office"))
    assert facts_of(off)["Status"] == "Off"
    card_of(await conv.say("yes"))
    assert _autoreply(graph).status == "disabled"
    assert "already off" in " ".join(texts(await conv.say("turn off my out of office")))


async def test_out_of_office_in_french_with_its_dates(bot: BotServer, graph_as: Any, bot_clock: PinnedClock) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone="Europe/Paris")
    confirm = card_of(await conv.say("mets mon message d'absence du 21 décembre au 2 janvier"))
    facts = facts_of(confirm)
    assert "21 décembre" in facts["État"] and "2 janvier" in facts["État"]
    assert "absent du bureau jusqu'au" in facts["Message à votre organisation"]  # the default, in French
    card_of(await conv.say("oui"))
    replies = _autoreply(graph)
    assert replies.status == "scheduled"
    assert replies.internal_message.startswith("Merci pour votre message")
    _holiday_span(replies, bot_clock.now())


async def test_undo_restores_the_previous_out_of_office(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    card_of(await conv.say('turn on my out of office saying "Back soon", internal only'))
    card_of(await conv.say("yes"))
    first = _autoreply(graph)
    assert first.status == "alwaysEnabled" and first.internal_message == "Back soon" and first.external_audience == "none"

    card_of(await conv.say('set my out of office from 21 December to 2 January with "I\'m on holiday"'))
    card_of(await conv.say("yes"))
    assert _autoreply(graph).status == "scheduled"

    undone = " ".join(texts(await conv.say("undo")))
    assert "out of office is back as it was" in undone
    back = _autoreply(graph)
    assert back.status == "alwaysEnabled" and back.internal_message == "Back soon" and back.external_audience == "none"


async def test_a_bad_range_is_refused_with_a_clear_answer(bot: BotServer, graph_as: Any, sandbox: AdminClient) -> None:
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    sandbox.clear_requests()
    replies = texts(await conv.say("turn on my out of office until yesterday"))
    assert any("already over" in r for r in replies), replies
    assert not [r for r in sandbox.requests() if r["method"] == "PATCH"]
    assert _autoreply(graph_as(ADELE)).status == "disabled"


async def test_working_hours_shown_then_changed_then_undone(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    shown = card_of(await conv.say("what are my working hours?"))
    facts = facts_of(shown)
    assert facts["Days"] == "Monday to Friday" and " ".join(facts["Hours"].split()) == "9:00 AM – 5:00 PM"

    confirm = card_of(await conv.say("my working hours are 8 to 4, Monday to Thursday"))
    assert facts_of(confirm)["Days"] == "Monday to Thursday"
    assert " ".join(facts_of(confirm)["Hours"].split()) == "8:00 AM – 4:00 PM"
    card_of(await conv.say("yes"))
    hours = parse_mailbox_settings(graph.get("/me/mailboxSettings").json()).working_hours
    assert hours.days == ("monday", "tuesday", "wednesday", "thursday")
    assert (hours.start.hour, hours.end.hour) == (8, 16)

    again = facts_of(card_of(await conv.say("show my working hours")))
    assert again["Days"] == "Monday to Thursday"
    assert "back as they were" in " ".join(texts(await conv.say("undo")))
    hours = parse_mailbox_settings(graph.get("/me/mailboxSettings").json()).working_hours
    assert len(hours.days) == 5 and hours.start.hour == 9


async def test_time_zone_by_city_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR")
    confirm = card_of(await conv.say("mon fuseau horaire est Montréal"))
    assert facts_of(confirm)["Fuseau horaire"] == "America/Toronto"
    card_of(await conv.say("oui"))
    settings = parse_mailbox_settings(graph.get("/me/mailboxSettings").json())
    assert settings.time_zone == "America/Toronto" and settings.working_hours.time_zone == "America/Toronto"
    assert settings.working_hours.start.hour == 8  # the hours themselves are kept


async def test_reminder_tomorrow_at_nine_in_the_users_zone(bot: BotServer, graph_as: Any,
                                                         at: Callable[..., datetime]) -> None:
    now = at("23:30", "Europe/Paris")  # late in the evening: "tomorrow" is still the next day in Paris
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    card_of(await conv.say("remind me to call Anna tomorrow at 9"))
    card_of(await conv.say("yes"))
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    task = next(t for t in todo_tasks(graph, default["id"]) if t["title"] == "call Anna")
    assert task["isReminderOn"] is True
    reminder = parse_task(task, default["id"], PARIS).reminder
    assert reminder is not None
    local = reminder.astimezone(PARIS)
    assert (local.hour, local.minute) == (9, 0)
    assert local.date() == now.astimezone(PARIS).date() + timedelta(days=1)


async def test_french_reminder_creates_the_task(bot: BotServer, graph_as: Any, at: Callable[..., datetime]) -> None:
    now = at("08:00", "Europe/Paris")
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone="Europe/Paris")
    card_of(await conv.say("rappelle-moi d'appeler la banque demain à 10h"))
    card_of(await conv.say("oui"))
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    task = next(t for t in todo_tasks(graph, default["id"]) if t["title"] == "appeler la banque")
    reminder = parse_task(task, default["id"], PARIS).reminder
    assert task["isReminderOn"] is True and reminder is not None and reminder.astimezone(PARIS).hour == 10
    assert reminder.astimezone(PARIS).date() == now.astimezone(PARIS).date() + timedelta(days=1)


async def test_monthly_task_on_the_first(bot: BotServer, graph_as: Any, bot_clock: PinnedClock) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    confirm = card_of(await conv.say("add a task to pay the rent every month on the 1st"))
    facts = facts_of(confirm)
    assert facts["Title"] == "pay the rent" and facts["Repeats"] == "Every month on day 1"
    card_of(await conv.say("yes"))
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    task = next(t for t in todo_tasks(graph, default["id"]) if t["title"] == "pay the rent")
    pattern = task["recurrence"]["pattern"]
    assert pattern["type"] == "absoluteMonthly" and pattern["dayOfMonth"] == 1 and pattern["interval"] == 1
    due = parse_task(task, default["id"], PARIS).due
    today = bot_clock.now().astimezone(PARIS).date()
    assert due is not None and due.day == 1 and today <= due <= today + timedelta(days=31)
    listed = card_of(await conv.say("show my tasks"))
    assert "Every month on day 1" in block_texts(listed)


async def test_weekly_task_in_french(bot: BotServer, graph_as: Any) -> None:
    graph = graph_as(CAMILLE)
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone="Europe/Paris")
    confirm = card_of(await conv.say("ajoute une tâche sortir les poubelles tous les mardis et vendredis"))
    assert facts_of(confirm)["Titre"] == "sortir les poubelles"
    card_of(await conv.say("oui"))
    default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
    task = next(t for t in todo_tasks(graph, default["id"]) if t["title"] == "sortir les poubelles")
    assert task["recurrence"]["pattern"]["type"] == "weekly"
    assert task["recurrence"]["pattern"]["daysOfWeek"] == ["tuesday", "friday"]


@pytest.fixture
async def read_only_bot(sandbox: AdminClient, sandbox_url: str, channel: FakeChannel) -> AsyncIterator[BotServer]:
    set_signin(sandbox_url, autoSignIn=True)
    async with run_bot(replace(Settings(sandbox_url=sandbox_url), read_only=True), channel) as server:
        yield server


@pytest.mark.parametrize(("locale", "text", "expected"), [
    ("en-US", "set my out of office from december 21 to 25", "I can't set your out of office here"),
    ("en-US", "turn off my out of office", "I can't turn off your out of office here"),
    ("en-US", "my working hours are 8 to 4, Monday to Thursday", "I can't change your working hours or time zone here"),
    ("fr-FR", "mon fuseau horaire est Montréal", "Je ne peux pas modifier vos heures de travail ou votre fuseau horaire ici"),
])
async def test_read_only_covers_every_settings_write(read_only_bot: BotServer, sandbox: AdminClient, locale: str,
                                                     text: str, expected: str) -> None:
    conv = read_only_bot.conversation(user_id=ADELE, locale=locale)
    sandbox.clear_requests()
    replies = texts(await conv.say(text))
    assert len(replies) == 1 and replies[0].startswith(expected)
    assert not [r for r in sandbox.requests() if r["method"] != "GET"]


async def test_changing_the_dates_keeps_the_message(bot: BotServer, graph_as: Any, bot_clock: PinnedClock) -> None:
    graph = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    card_of(await conv.say('set my out of office from 21 December to 2 January with "I\'m on holiday"'))
    card_of(await conv.say("yes"))
    _holiday_span(_autoreply(graph), bot_clock.now())
    confirm = card_of(await conv.say("change my out of office dates to december 22 to 26"))
    assert facts_of(confirm)["Message to your organization"] == "I'm on holiday"
    card_of(await conv.say("yes"))
    moved = _autoreply(graph)
    assert moved.status == "scheduled" and moved.internal_message == "I'm on holiday"
    assert moved.start is not None and moved.end is not None
    start, last = moved.start.astimezone(PARIS).date(), _last_day(moved.end)
    assert (start.month, start.day, last.month, last.day) == (12, 22, 12, 26) and last > start
