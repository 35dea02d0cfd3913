"""Every write by button follows the typed rule, over HTTP against the sandbox, in Teams and in Outlook:

- Decline on a meeting's card asks first (the confirmation replaces the clicked card); Confirm declines once and
  leaves no live confirm or cancel button; Keep it writes nothing; the Action.Submit fallback asks in the chat;
- a Confirm click on the Outlook (Universal Actions) path returns the result card with no spent button left.
"""

from __future__ import annotations

from typing import Any

import pytest

from cards import action_data
from sandbox.testing import AdminClient
from tests.e2e.test_actions import (
    CARD,
    CHANNELS,
    MESSAGE,
    actions_in,
    execute,
    invitation,
    titled,
    users,
    writes,
)
from tests.e2e.test_calendar import card_text, cards, joined
from tests.support.bot import BotServer

SPENT = ("confirm", "reject")


def declines(sandbox: AdminClient) -> list[dict[str, Any]]:
    return [r for r in writes(sandbox) if r["path"].split("?")[0].endswith("/decline")]


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_decline_button_asks_then_declines_once(bot: BotServer, sandbox: AdminClient, graph_as: Any, at: Any,
                                                      channel_id: str) -> None:
    now = at("08:00", "Europe/Paris")  # this morning's invitations are still to come
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    event = invitation(client, now)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    sandbox.clear_requests()
    _, asked = await execute(conv, "event.decline", action_data("event.decline", item_id=event["id"]))
    assert asked["type"] == CARD, asked
    question = asked["value"]
    assert "Decline this meeting?" in card_text(question)
    assert event["subject"] in card_text(question)
    assert [a["title"] for a in actions_in(question)] == ["Decline the meeting", "Keep it"]
    assert writes(sandbox) == [], "nothing is declined before Confirm"
    assert client.get(f"/me/events/{event['id']}").status_code == 200
    confirm = actions_in(question, "confirm")[0]
    _, done = await execute(conv, "confirm", confirm["data"])
    assert done["type"] == CARD and "Meeting declined" in card_text(done["value"])
    assert not [a for verb in SPENT for a in actions_in(done["value"], verb)], "a spent button is still live"
    assert len(declines(sandbox)) == 1
    assert client.get(f"/me/events/{event['id']}").status_code == 404
    # The old card's Confirm again (another client, a stale view) writes nothing more.
    sandbox.clear_requests()
    _, again = await execute(conv, "confirm", confirm["data"])
    assert again["type"] != CARD or not actions_in(again["value"], "confirm")
    assert writes(sandbox) == []


@pytest.mark.parametrize(("locale", "keep", "kept"), [("en-US", "Keep it", "changed"), ("fr-FR", "La garder", "rien")])
async def test_decline_button_then_keep_it_writes_nothing(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                          at: Any, locale: str, keep: str, kept: str) -> None:
    now = at("08:00", "Europe/Paris")
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    event = invitation(client, now)
    conv = bot.conversation(user_id=user["userPrincipalName"], locale=locale)
    sandbox.clear_requests()
    _, asked = await execute(conv, "event.decline", action_data("event.decline", item_id=event["id"]))
    reject = actions_in(asked["value"], "reject")[0]
    assert reject["title"] == keep
    _, body = await execute(conv, "reject", reject["data"])
    assert body["type"] == CARD and kept in card_text(body["value"]).lower()
    assert not [a for verb in SPENT for a in actions_in(body["value"], verb)]
    assert writes(sandbox) == []
    seen = client.get(f"/me/events/{event['id']}").raise_for_status().json()
    assert seen["responseStatus"]["response"] == event["responseStatus"]["response"]


async def test_decline_button_on_my_own_meeting_is_refused(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    mine = next(e for e in client.get("/me/events", params={"$top": "50"}).raise_for_status().json()["value"]
                if e.get("isOrganizer") and not e.get("isCancelled"))
    conv = bot.conversation(user_id=user["userPrincipalName"])
    sandbox.clear_requests()
    _, body = await execute(conv, "event.decline", action_data("event.decline", item_id=mine["id"]))
    assert body == {"statusCode": 200, "type": MESSAGE,
                    "value": "You organise this meeting, so there is nothing to answer."}
    assert writes(sandbox) == []


async def test_decline_by_submit_asks_in_the_chat(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                  at: Any) -> None:
    """Clients without Universal Actions send the button as a message: the question is posted, "yes" declines."""
    now = at("08:00", "Europe/Paris")
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    event = invitation(client, now)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    sandbox.clear_requests()
    replies = await conv.say("", value={"verb": "event.decline", "itemId": event["id"]})
    [question] = cards(replies)
    assert actions_in(question, "confirm") and "Decline this meeting?" in card_text(question)
    assert writes(sandbox) == []
    assert "declined" in joined(await conv.say("yes")).lower()
    assert len(declines(sandbox)) == 1


async def test_confirm_click_in_outlook_leaves_no_live_confirm_or_cancel(bot: BotServer, sandbox: AdminClient,
                                                                        graph_as: Any) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id="outlook")
    confirmation = cards(await conv.say("add water the plants to my tasks"))[0]
    confirm = actions_in(confirmation, "confirm")[0]
    _, body = await execute(conv, "confirm", confirm["data"])
    assert body["statusCode"] == 200 and body["type"] == CARD, body
    assert not [a for verb in SPENT for a in actions_in(body["value"], verb)]
    assert actions_in(body["value"], "undo")
    assert len(titled(graph_as(user["id"]), "water the plants")) == 1
