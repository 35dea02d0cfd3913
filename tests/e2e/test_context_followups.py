"""Elliptical follow-ups over HTTP (issue 20): "what about tomorrow?", "and the day after?", "et mardi ?",
"same for next week", "what about Planner?", "and for Megan?". The real app, a fake channel and the sandbox;
what each answer must show is read from the sandbox's own Graph."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from clock import PinnedClock
from language import recognize, t
from language.formatting import format_date, format_day
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import cards, user, view
from tests.e2e.test_calendar import shown as joined
from tests.support.bot import BotServer
from tests.support.clock import day_start, local_now, next_working_day

TZ = "Europe/Paris"


def subjects_between(client: Any, start: datetime, end: datetime) -> list[str]:
    return [e["subject"] for e in view(client, start, end, TZ)]


def shows_day(body: str, client: Any, day: datetime, locale: str) -> bool:
    """The answer is that day's agenda: its header names the day and its first meetings are listed."""
    expected = subjects_between(client, day, day + timedelta(days=1))[:8]
    header = format_date(day, locale, TZ)
    return header in body and all(s in body for s in expected)


def said_day(text: str, locale: str, clock: PinnedClock) -> datetime:
    """The day a word like "jeudi" means right now, as the recognizer reads it (midnight in TZ)."""
    start = recognize(text, locale, clock.now(), TZ).entities.start
    assert start is not None
    return start.astimezone(local_now(TZ, clock).tzinfo).replace(hour=0, minute=0, second=0, microsecond=0)


async def test_what_about_tomorrow_after_today_then_the_day_after(bot: BotServer, sandbox: AdminClient,
                                                                  graph_as: Any, bot_clock: PinnedClock) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    assert "Here's your day" in joined(await conv.say("what's on my calendar today?"))
    tomorrow = joined(await conv.say("what about tomorrow?"))
    assert t("calendar.find.which", "en") not in tomorrow  # not a meeting picker
    assert shows_day(tomorrow, client, day_start(TZ, 1, bot_clock), "en")
    after = joined(await conv.say("and the day after?"))
    assert shows_day(after, client, day_start(TZ, 2, bot_clock), "en")


async def test_and_tomorrow_then_what_about_friday(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                   bot_clock: PinnedClock) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("what's on today?")
    assert shows_day(joined(await conv.say("and tomorrow?")), client, day_start(TZ, 1, bot_clock), "en")
    friday = said_day("what about Friday?", "en", bot_clock)
    assert shows_day(joined(await conv.say("what about Friday?")), client, friday, "en")


async def test_french_thursday_then_tuesday_then_next_week(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                           bot_clock: PinnedClock) -> None:
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=TZ)
    thursday = said_day("qu'est-ce que j'ai jeudi ?", "fr", bot_clock)
    assert shows_day(joined(await conv.say("qu'est-ce que j'ai jeudi ?")), client, thursday, "fr")
    tuesday = said_day("et mardi ?", "fr", bot_clock)
    assert shows_day(joined(await conv.say("et mardi ?")), client, tuesday, "fr")
    week = joined(await conv.say("et la semaine prochaine ?"))
    monday = day_start(TZ, 7 - local_now(TZ, bot_clock).weekday(), bot_clock)
    assert "Vos réunions du" in week
    assert all(s in week for s in subjects_between(client, monday, monday + timedelta(days=7))[:8])


async def test_same_for_next_week_after_today(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                              bot_clock: PinnedClock) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("what's on today?")
    week = joined(await conv.say("same for next week"))
    monday = day_start(TZ, 7 - local_now(TZ, bot_clock).weekday(), bot_clock)
    assert "Your meetings from" in week
    assert all(s in week for s in subjects_between(client, monday, monday + timedelta(days=7))[:8])


async def test_french_the_day_after_tomorrow_then_the_next_day(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                               bot_clock: PinnedClock) -> None:
    camille = user(sandbox, "camilled")
    client = graph_as(camille["id"])
    conv = bot.conversation(user_id=camille["userPrincipalName"], locale="fr-FR", timezone=TZ)
    await conv.say("qu'est-ce que j'ai demain ?")
    assert shows_day(joined(await conv.say("et après-demain ?")), client, day_start(TZ, 2, bot_clock), "fr")
    assert shows_day(joined(await conv.say("et le lendemain ?")), client, day_start(TZ, 3, bot_clock), "fr")
    thursday = said_day("et jeudi ?", "fr", bot_clock)
    assert shows_day(joined(await conv.say("et jeudi ?")), client, thursday, "fr")


async def test_what_about_planner_after_my_tasks(bot: BotServer, sandbox: AdminClient) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    tasks = await conv.say("show my tasks")
    assert "open task" in joined(tasks)
    planner = await conv.say("what about Planner?")
    assert "Planner task" in joined(planner)
    assert cards(planner) and "Planner" in str(cards(planner)[0])
    back = await conv.say("and my calendar?")
    assert "Here's your day" in joined(back)


async def test_french_planner_then_tasks(bot: BotServer, sandbox: AdminClient) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale="fr-FR", timezone=TZ)
    assert "Planner" in joined(await conv.say("montre mes tâches Planner"))
    assert "tâche" in joined(await conv.say("et mes tâches ?"))


async def test_and_for_megan_after_free_time(bot: BotServer, sandbox: AdminClient, bot_clock: PinnedClock) -> None:
    adele = user(sandbox, "adelev")
    day = next_working_day(TZ, bot_clock)
    when = day.strftime("%B ") + str(day.day)
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    mine = joined(await conv.say(f"when am I free on {when}?"))
    free, all_free = (t(key, "en", count=0).split("0")[0] for key in ("calendar.free.summary.other",
                                                                       "calendar.free.summary_with.other"))
    assert free in mine or t("calendar.free.none", "en") in mine
    with_megan = joined(await conv.say("and for Megan?"))
    assert all_free in with_megan or t("calendar.free.none_with", "en") in with_megan
    if all_free in with_megan:  # the same day, now with Megan
        assert format_day(day, "en", TZ) in with_megan  # the card's heading ("Monday, March 15")


async def test_a_follow_up_with_nothing_before_reads_on_its_own(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                               bot_clock: PinnedClock) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    assert shows_day(joined(await conv.say("and tomorrow?")), client, day_start(TZ, 1, bot_clock), "en")
    fresh = bot.conversation(user_id=adele["userPrincipalName"], locale="fr-FR", timezone=TZ)
    assert joined(await fresh.say("et le lendemain ?")) == t("context.followup.no_base", "fr")


async def test_the_context_ends_after_thirty_minutes_of_silence(bot: BotServer, sandbox: AdminClient,
                                                                bot_clock: PinnedClock) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await conv.say("what's on tomorrow?")
    bot_clock.advance(timedelta(minutes=29))
    assert t("context.followup.no_base", "en") not in joined(await conv.say("and the day after?"))
    bot_clock.advance(timedelta(minutes=31))
    assert joined(await conv.say("and the day after?")) == t("context.followup.no_base", "en")


async def test_signing_out_ends_the_context(bot: BotServer, sandbox: AdminClient) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale="fr-FR", timezone=TZ)
    await conv.say("qu'est-ce que j'ai demain ?")
    assert t("context.followup.no_base", "fr") not in joined(await conv.say("et le lendemain ?"))
    assert t("bot.signout.done", "fr") in joined(await conv.say("déconnecte-moi"))
    assert joined(await conv.say("et le lendemain ?")) == t("context.followup.no_base", "fr")
