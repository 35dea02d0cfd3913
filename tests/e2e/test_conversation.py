"""Conversation over HTTP in English and French: nonsense leaves the person signed in, thanks get an answer,
weather, pizza and jokes are declined with suggestion buttons, and a close call is clarified, then acted on.
The real app, a fake channel and the sandbox process, on real sockets."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest

from dialogs.conversation.clarify import label
from language import t
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.e2e.test_calendar import add_event, card_text, cards, day_start
from tests.e2e.test_skeleton import CALENDAR_EN, CALENDAR_FR, oauth_card
from tests.e2e.test_tasks_support import todo_lists, todo_tasks
from tests.support.bot import BotServer, texts

OAUTH = "application/vnd.microsoft.card.oauth"


def buttons(replies: list[dict[str, Any]]) -> list[str]:
    """The titles of the suggested-action buttons of the replies."""
    return [a["title"] for r in replies for a in (r.get("suggestedActions") or {}).get("actions") or []]


def asks_sign_in(replies: list[dict[str, Any]]) -> bool:
    return any(a.get("contentType") == OAUTH for r in replies for a in r.get("attachments") or [])


def said(replies: list[dict[str, Any]]) -> str:
    return "\n".join(texts(replies))


@pytest.mark.parametrize(("locale", "nonsense", "calendar"), [
    ("en-US", ["xyzzy plugh", "blah blah", "asdfgh", "sign", "next page", "design review", "lol"], CALENDAR_EN),
    ("fr-FR", ["bla bla bla", "azerty", "quitter", "super", "signe", "mdr"], CALENDAR_FR),
])
async def test_nonsense_leaves_the_person_signed_in(manual_bot: BotServer, sandbox: AdminClient, sandbox_url: str,
                                                    locale: str, nonsense: list[str], calendar: str) -> None:
    set_signin(sandbox_url, magicCode=False)
    user = sandbox.users()[0]
    conv = manual_bot.conversation(locale=locale)
    card = oauth_card(await conv.say(calendar))
    link = next(b["value"] for b in card["buttons"] if b["type"] == "signin")
    async with httpx.AsyncClient(timeout=10) as http:
        page = await http.get(link)
        state = re.search(r'name="state" value="([^"]+)"', page.text)
        assert state
        await http.post(f"{sandbox_url}/api/botsignin/signin", data={"state": state.group(1), "user": user["id"]})
    assert not asks_sign_in(await conv.say(calendar))  # completes the pending sign-in
    signed_out = t("bot.signout.done", locale)
    for text in nonsense:
        replies = await conv.say(text)
        assert signed_out not in said(replies), text
        assert not asks_sign_in(replies), text
    assert not asks_sign_in(await conv.say(calendar))  # still signed in: no sign-in card


@pytest.mark.parametrize(("locale", "text"), [("en-US", "thanks"), ("en-US", "thank you!"), ("fr-FR", "merci"),
                                              ("fr-FR", "merci beaucoup")])
async def test_thanks_get_an_answer(bot: BotServer, locale: str, text: str) -> None:
    replies = await bot.conversation(locale=locale).say(text)
    assert said(replies) == t("conversation.thanks", locale)


async def test_goodbye_gets_an_answer_in_both_languages(bot: BotServer) -> None:
    assert said(await bot.conversation(locale="en-US").say("bye!")) == t("conversation.goodbye", "en")
    assert said(await bot.conversation(locale="fr-FR").say("au revoir")) == t("conversation.goodbye", "fr")


@pytest.mark.parametrize(("locale", "text"), [
    ("en-US", "what's the weather tomorrow?"), ("en-US", "order a pizza for noon"), ("en-US", "tell me a joke"),
    ("fr-FR", "quel temps fera-t-il demain ?"), ("fr-FR", "commande une pizza pour midi"),
    ("fr-FR", "raconte-moi une blague"),
])
async def test_weather_pizza_and_jokes_are_declined_with_suggestions(bot: BotServer, locale: str, text: str) -> None:
    conv = bot.conversation(locale=locale)
    replies = await conv.say(text)
    assert said(replies) == t("conversation.declined", locale)
    suggestions = buttons(replies)
    assert suggestions == [t(k, locale) for k in ("conversation.suggest.agenda", "conversation.suggest.tasks",
                                                   "conversation.suggest.day", "conversation.suggest.help")]
    # A suggestion, pressed (sent back as the person's message), does what it says: the help here.
    assert said(await conv.say(suggestions[-1])) == t("bot.help", locale)


@pytest.mark.parametrize(("locale", "text", "choice", "shown"), [
    ("en-US", "meetings and tasks tomorrow", 1, "todo.list"),
    ("fr-FR", "mes taches et mes reunions aujourd'hui", 0, "calendar.agenda"),
])
async def test_a_close_call_is_clarified_then_acted_on(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                       locale: str, text: str, choice: int, shown: str) -> None:
    user = sandbox.users()[0]
    conv = bot.conversation(locale=locale, user_id=user["userPrincipalName"])
    asked = await conv.say(text)
    options = buttons(asked)
    assert len(options) == 3 and options[-1] == t("conversation.clarify.neither", locale)
    assert label(shown, locale).casefold() == options[choice].casefold()
    assert said(asked) == t("conversation.clarify", locale, first=options[0][:1].lower() + options[0][1:],
                            second=options[1][:1].lower() + options[1][1:])
    graph = graph_as(user["id"])
    if shown == "todo.list":  # the open tasks of the default To Do list, read from the sandbox
        default = next(li for li in todo_lists(graph) if li["wellknownListName"] == "defaultList")
        titles = [task["title"] for task in todo_tasks(graph, default["id"]) if task.get("status") != "completed"]
    else:  # a meeting made for today by the test, whatever the hour
        noon = day_start("Europe/Paris") + timedelta(hours=12)
        add_event(graph, "Clarified noon sync", noon, noon + timedelta(minutes=30), "Europe/Paris")
        titles = ["Clarified noon sync"]
    answer = await conv.say(options[choice])
    body = said(answer) + "\n" + "\n".join(card_text(c) for c in cards(answer))
    assert titles and any(title in body for title in titles), body


async def test_neither_drops_a_close_call(bot: BotServer) -> None:
    conv = bot.conversation(locale="en-US")
    options = buttons(await conv.say("meetings and tasks tomorrow"))
    assert said(await conv.say(options[-1])) == t("conversation.clarify.dropped", "en")
    # and the conversation goes on
    assert said(await conv.say("thanks")) == t("conversation.thanks", "en")
