"""A Confirm click answers with the result card itself: it replaces the clicked card, so no live confirm or cancel
button is left (Teams and Outlook replace an Action.Execute card with the card of the invoke response)."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.testing import AdminClient
from tests.e2e.test_actions import CARD, actions_in, card_in, execute, titled, users, writes
from tests.support.bot import BotServer

SPENT = ("confirm", "reject")


@pytest.mark.parametrize(("locale", "say"), [("en-US", "add water the plants to my tasks"),
                                             ("fr-FR", "ajoute arroser les plantes à mes tâches")])
async def test_confirm_click_returns_the_result_card_without_confirm_or_cancel(
        bot: BotServer, sandbox: AdminClient, graph_as: Any, locale: str, say: str) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"], locale=locale)
    confirmation = card_in(await conv.say(say))
    confirm = actions_in(confirmation, "confirm")[0]
    posted_before = len(bot.channel.activities(conv.conversation_id))
    _, body = await execute(conv, "confirm", confirm["data"])
    assert body["statusCode"] == 200 and body["type"] == CARD, body
    result = body["value"]
    assert not [a for verb in SPENT for a in actions_in(result, verb)], "a spent button is still live"
    assert actions_in(result, "undo"), "the result card offers Undo"
    assert len(bot.channel.activities(conv.conversation_id)) == posted_before, "no second card in the chat"
    title = "water the plants" if locale == "en-US" else "arroser les plantes"
    assert len(titled(graph_as(user["id"]), title)) == 1
    # The old card's Confirm, clicked again (another client, a stale view), writes nothing.
    sandbox.clear_requests()
    _, again = await execute(conv, "confirm", confirm["data"])
    assert again["type"] != CARD or not actions_in(again["value"], "confirm")
    assert writes(sandbox) == []


async def test_typed_yes_still_posts_the_result_card(bot: BotServer, sandbox: AdminClient) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    await conv.say("add feed the cat to my tasks")
    result = card_in(await conv.say("yes"))
    assert actions_in(result, "undo") and not actions_in(result, "confirm")


@pytest.mark.parametrize(("locale", "say"), [("en-US", "add water the plants to my tasks"),
                                             ("fr-FR", "ajoute arroser les plantes à mes tâches")])
async def test_keep_it_click_replaces_the_card_and_writes_nothing(
        bot: BotServer, sandbox: AdminClient, locale: str, say: str) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"], locale=locale)
    reject = actions_in(card_in(await conv.say(say)), "reject")[0]
    sandbox.clear_requests()
    _, body = await execute(conv, "reject", reject["data"])
    assert body["type"] == CARD
    assert not [a for verb in SPENT for a in actions_in(body["value"], verb)]
    shown = str(body["value"])
    assert ("nothing" in shown.lower()) if locale == "en-US" else ("rien" in shown.lower() or "pas" in shown.lower())
    assert writes(sandbox) == []
