"""Free time over HTTP in English and French: "am I free tomorrow at 3pm?" gets a yes or a no (and what is in the
way), and a day outside the working hours is said to be so, with the hours. The day is chosen by date arithmetic
from the clock and the user's own working hours (read from the sandbox), never by assuming today's weekday."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from cards.mailbox import days_text, hours_text
from graph.mailbox import parse_mailbox_settings
from graph.models import MailboxSettings
from language.formatting import format_clock_range, format_day, format_time_range
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import add_event, cards, joined, user, view
from tests.support.bot import BotServer
from tests.support.clock import local_now

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PHRASES = {
    "yes_no": {"en-US": "am I free tomorrow at 3pm?", "fr-FR": "suis-je libre demain à 15h ?"},
    "when": {"en-US": "when am I free tomorrow?", "fr-FR": "quand suis-je libre demain ?"},
}


def settings_of(client: httpx.Client) -> MailboxSettings:
    return parse_mailbox_settings(client.get("/me/mailboxSettings").raise_for_status().json())


def days_until(tz: str, *, working: bool, settings: MailboxSettings) -> int:
    """How many days from today until a day whose TOMORROW is (or is not) a working day."""
    today = local_now(tz).date()
    for offset in range(8):
        tomorrow = today + timedelta(days=offset + 1)
        if (DAYS[tomorrow.weekday()] in settings.working_hours.days) == working:
            return offset
    raise AssertionError("the seeded working hours have no such day")


def clear(client: httpx.Client, start: datetime, end: datetime, tz: str) -> None:
    """Take every meeting overlapping [start, end) off the calendar, so the slot is known to be free."""
    for event in view(client, start, end, tz):
        client.delete(f"/me/events/{quote(event['id'], safe='')}").raise_for_status()
    assert view(client, start, end, tz) == []


def adele_at(sandbox: AdminClient, graph_as: Any, at: Any, *, working: bool) -> tuple[dict[str, Any], httpx.Client,
                                                                                       MailboxSettings, datetime]:
    """Adele, her Graph client, her settings and tomorrow's midnight, the clock pinned so tomorrow is (not) worked."""
    adele = user(sandbox, "adelev")
    settings = settings_of(graph_as(adele["id"]))
    tz = settings.time_zone
    now = at("08:00", tz, days=days_until(tz, working=working, settings=settings))
    adele = user(sandbox, "adelev")  # the sandbox rebuilt its tenant around the pinned day
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0), now.tzinfo)
    return adele, graph_as(adele["id"]), settings, tomorrow


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
async def test_am_i_free_at_3pm_gets_a_yes_then_a_no_naming_the_meeting(
        bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any, locale: str) -> None:
    adele, client, settings, tomorrow = adele_at(sandbox, graph_as, at, working=True)
    tz = settings.time_zone
    assert settings.working_hours.time_zone == tz
    assert settings.working_hours.start <= time(15) and time(15, 30) <= settings.working_hours.end
    start = tomorrow + timedelta(hours=15)
    clear(client, start, start + timedelta(minutes=30), tz)
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone=tz)
    lang = locale[:2]
    yes = joined(await conv.say(PHRASES["yes_no"][locale]))
    assert yes.startswith("Yes" if lang == "en" else "Oui"), yes
    assert format_time_range(start, start + timedelta(minutes=30), lang, tz) in yes
    assert ("outside" if lang == "en" else "en dehors") not in yes
    add_event(client, "Budget review", start - timedelta(minutes=30), start + timedelta(hours=1), tz)
    no = joined(await conv.say(PHRASES["yes_no"][locale]))
    assert no.startswith("No" if lang == "en" else "Non"), no
    span = format_clock_range(start - timedelta(minutes=30), start + timedelta(hours=1), lang, tz)
    assert f"Budget review ({span})" in no


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
async def test_a_day_off_says_the_working_hours_out_loud(
        bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any, locale: str) -> None:
    adele, client, settings, tomorrow = adele_at(sandbox, graph_as, at, working=False)
    tz, hours, lang = settings.time_zone, settings.working_hours, locale[:2]
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone=tz)
    replies = await conv.say(PHRASES["when"][locale])
    said = joined(replies)
    assert format_day(tomorrow.date(), lang) in said
    assert days_text(hours.days, lang).lower() in said.lower()
    assert hours_text(hours.start, hours.end, lang) in said
    assert ("outside your working hours" if lang == "en" else "en dehors de vos heures de travail") in said
    assert cards(replies) == [], "no empty free-time card"
    # A time on that day is free (nothing planned) but still outside the working hours: both are said.
    start = tomorrow + timedelta(hours=15)
    clear(client, start, start + timedelta(minutes=30), tz)
    answer = joined(await conv.say(PHRASES["yes_no"][locale]))
    assert answer.startswith("Yes" if lang == "en" else "Oui")
    assert hours_text(hours.start, hours.end, lang) in answer
