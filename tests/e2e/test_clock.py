"""The bot answers by its own clock, shared with the sandbox: a leap day, New Year's Eve in Paris, undo expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from clock import PinnedClock
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import card_text, cards, joined, user
from tests.e2e.test_tasks_support import todo_lists, todo_tasks
from tests.support.bot import BotServer

PARIS = "Europe/Paris"


def default_tasks(client: Any) -> list[dict[str, Any]]:
    default = next(li for li in todo_lists(client) if li["wellknownListName"] == "defaultList")
    return todo_tasks(client, default["id"])


def pin_both(bot_clock: PinnedClock, sandbox: AdminClient, instant: datetime) -> None:
    sandbox.set_clock(instant)
    bot_clock.set(instant)


async def test_tomorrow_after_a_leap_day_is_the_first_of_march(bot: BotServer, sandbox: AdminClient,
                                                               bot_clock: PinnedClock, graph_as: Any) -> None:
    pin_both(bot_clock, sandbox, datetime(2028, 2, 29, 8, 0, tzinfo=ZoneInfo(PARIS)))
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    assert "Your meetings on Wed, Mar 1" in joined(await conv.say("what's on my calendar tomorrow?"))
    await conv.say("add renew the badge to my tasks due tomorrow")
    await conv.say("yes")
    tasks = default_tasks(graph_as(adele["id"]))
    [task] = [t for t in tasks if t["title"].lower() == "renew the badge"]
    assert task["dueDateTime"]["dateTime"].startswith("2028-03-01")


async def test_new_years_eve_in_utc_is_new_years_day_in_paris(bot: BotServer, sandbox: AdminClient,
                                                             bot_clock: PinnedClock) -> None:
    pin_both(bot_clock, sandbox, datetime(2026, 12, 31, 23, 10, tzinfo=UTC))
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    replies = await conv.say("what's on my calendar today?")
    assert "Here's your day, Fri, Jan 1" in joined(replies) and "Contoso project review" in card_text(cards(replies)[0])


async def test_undo_expires_on_the_bots_clock(bot: BotServer, sandbox: AdminClient, bot_clock: PinnedClock,
                                             graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=PARIS)
    await conv.say("add water the plants to my tasks")
    done = await conv.say("yes")
    undo = [a for card in cards(done) for a in _actions(card) if a.get("verb") == "undo"]
    assert undo, "a write offers an undo"
    bot_clock.advance(timedelta(days=2))  # past the undo's lifetime, without waiting
    response, replies = await conv.invoke("adaptiveCard/action", {"action": undo[0]})
    assert response.status_code == 200
    answer = response.json()
    assert answer["type"] == "application/vnd.microsoft.activity.message" and "undo" in answer["value"].lower(), answer
    tasks = default_tasks(graph_as(adele["id"]))
    assert [t["title"] for t in tasks].count("water the plants") == 1  # still there: the undo had expired


def _actions(card: Any) -> list[dict[str, Any]]:
    if isinstance(card, dict):
        own = [card] if card.get("type") == "Action.Execute" else []
        return own + [a for v in card.values() for a in _actions(v)]
    if isinstance(card, list):
        return [a for v in card for a in _actions(v)]
    return []
