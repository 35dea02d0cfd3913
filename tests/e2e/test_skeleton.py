"""The running skeleton over HTTP: welcome, help, today's agenda, sign-in (card, magic code, SSO), sign-out,
Graph down, and protocol errors. The real app, a fake channel and the sandbox process, on real sockets."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.e2e.test_calendar import shown
from tests.support.bot import BotServer, Conversation, texts
from tests.support.clock import suite_clock

CALENDAR_EN = "what's on my calendar today?"
CALENDAR_FR = "qu'est-ce que j'ai aujourd'hui ?"


def todays_subjects(graph_as: Any, user: str, tz: str) -> list[str]:
    """Today's meeting subjects for `user`, read from the sandbox's Graph (not from the bot)."""
    zone = ZoneInfo(tz)
    start = suite_clock().now().astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=1)
    response = graph_as(user).get(
        "/me/calendarView",
        params={"startDateTime": start.isoformat(), "endDateTime": end.isoformat(), "$top": "50"},
        headers={"Prefer": f'outlook.timezone="{tz}"'},
    )
    response.raise_for_status()
    return [e["subject"] for e in response.json()["value"] if not e.get("isCancelled")]


def default_user(sandbox: AdminClient) -> dict[str, Any]:
    return sandbox.users()[0]


def oauth_card(replies: list[dict[str, Any]]) -> dict[str, Any]:
    for reply in replies:
        for attachment in reply.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.oauth":
                return attachment["content"]
    raise AssertionError(f"no OAuth card in {replies!r}")


# ---- basics ------------------------------------------------------------------------------------
async def test_healthz(bot: BotServer) -> None:
    response = await bot.http.get(f"{bot.url}/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_welcome_once_says_sample_data(bot: BotServer) -> None:
    conv = bot.conversation()
    added = conv.activity(type="conversationUpdate", membersAdded=[{"id": conv.user_id}, {"id": "28:mipa"}])
    response, replies = await conv.send(added)
    assert response.status_code == 201
    assert len(texts(replies)) == 1
    assert "sample data" in texts(replies)[0]
    _, again = await conv.send(conv.activity(type="conversationUpdate", membersAdded=[{"id": conv.user_id}]))
    assert texts(again) == []


async def test_welcome_in_french(bot: BotServer) -> None:
    conv = bot.conversation(locale="fr-FR")
    _, replies = await conv.send(conv.activity(type="conversationUpdate", membersAdded=[{"id": conv.user_id}]))
    assert "données d'exemple" in texts(replies)[0]


async def test_help_in_both_languages(bot: BotServer) -> None:
    english = await bot.conversation().say("help")
    assert "Here is what I can do" in texts(english)[0]
    french = await bot.conversation(locale="fr-FR").say("aide")
    assert "Voici ce que je sais faire" in texts(french)[0]


async def test_message_without_text_gets_a_sentence(bot: BotServer) -> None:
    conv = bot.conversation()
    response, replies = await conv.send(conv.activity(attachments=[{"contentType": "image/png", "contentUrl": "x"}]))
    assert response.status_code == 201
    assert texts(replies) == ["I can only read text for now. Please type your request."]


# ---- the first real answer -----------------------------------------------------------------------
async def test_calendar_today_in_english(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user = default_user(sandbox)
    subjects = todays_subjects(graph_as, user["id"], "Europe/Paris")
    assert subjects, "the seed promises meetings today"
    replies = await bot.conversation(user_id=user["userPrincipalName"]).say(CALENDAR_EN)
    body = shown(replies)
    for subject in subjects:
        assert subject in body


async def test_calendar_today_in_french_for_another_user(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    users = sandbox.users()
    user = users[1]
    subjects = todays_subjects(graph_as, user["id"], "America/Los_Angeles")
    conv = bot.conversation(user_id=user["id"], locale="fr-FR", timezone="America/Los_Angeles")
    body = shown(await conv.say(CALENDAR_FR))
    if subjects:
        for subject in subjects:
            assert subject in body
    else:
        assert "aucune réunion" in body
    # Every Graph call of that turn carried this user's own token.
    calls = [r for r in sandbox.requests() if "/v1.0/" in r["path"]]
    assert calls and {r["userId"] for r in calls} == {user["id"]}


# ---- sign-in paths --------------------------------------------------------------------------------
async def test_sign_in_through_the_card_and_a_magic_code(manual_bot: BotServer, sandbox: AdminClient,
                                                         sandbox_url: str, graph_as: Any) -> None:
    set_signin(sandbox_url, magicCode=True)
    user = sandbox.users()[2]
    conv = manual_bot.conversation()
    card = oauth_card(await conv.say(CALENDAR_EN))
    link = next(b["value"] for b in card["buttons"] if b["type"] == "signin")
    async with httpx.AsyncClient(timeout=10) as http:
        page = await http.get(link)
        assert page.status_code == 200 and 'name="user"' in page.text
        state = re.search(r'name="state" value="([^"]+)"', page.text)
        assert state
        done = await http.post(f"{sandbox_url}/api/botsignin/signin", data={"state": state.group(1), "user": user["id"]})
        code = re.search(r'id="magic-code">(\d{6})<', done.text)
        assert code
    body = shown(await conv.say(code.group(1)))
    for subject in todays_subjects(graph_as, user["id"], "Europe/Paris"):
        assert subject in body
    # Signed in now: the next question needs no sign-in card (the agenda itself comes with an Adaptive Card).
    again = await conv.say(CALENDAR_EN)
    assert not any(a.get("contentType") == "application/vnd.microsoft.card.oauth"
                   for r in again for a in r.get("attachments") or [])
    assert any(subject in shown(again) for subject in todays_subjects(graph_as, user["id"], "Europe/Paris"))


async def test_sign_in_through_verify_state(manual_bot: BotServer, sandbox: AdminClient, sandbox_url: str) -> None:
    """Teams' pop-up sign-in ends with a signin/verifyState invoke carrying the code."""
    set_signin(sandbox_url, magicCode=True)
    user = sandbox.users()[0]
    conv = manual_bot.conversation(locale="fr-FR")
    card = oauth_card(await conv.say(CALENDAR_FR))
    link = next(b["value"] for b in card["buttons"] if b["type"] == "signin")
    async with httpx.AsyncClient(timeout=10) as http:
        page = await http.get(link)
        state = re.search(r'name="state" value="([^"]+)"', page.text)
        assert state
        done = await http.post(f"{sandbox_url}/api/botsignin/signin", data={"state": state.group(1), "user": user["id"]})
        code = re.search(r'id="magic-code">(\d{6})<', done.text)
        assert code
    response, replies = await conv.invoke("signin/verifyState", {"state": code.group(1)})
    assert response.status_code == 200
    assert any("journée" in t or "aucune réunion" in t for t in texts(replies))


async def test_sso_exchange_signs_in_once_despite_duplicates(manual_bot: BotServer, sandbox: AdminClient,
                                                             sandbox_url: str) -> None:
    user = sandbox.users()[0]
    conv = manual_bot.conversation()
    card = oauth_card(await conv.say(CALENDAR_EN))
    assert card["tokenExchangeResource"]["uri"].startswith("api://botid-")
    sso = (await manual_bot.http.post(f"{sandbox_url}/_sandbox/tokens", json={"user": user["id"], "sso": True})).json()[
        "access_token"
    ]
    value = {"id": "exchange-1", "connectionName": "graph", "token": sso}
    first, second = await asyncio.gather(
        manual_bot.post(conv.activity(type="invoke", name="signin/tokenExchange", value=value)),
        manual_bot.post(conv.activity(type="invoke", name="signin/tokenExchange", value=value)),
    )
    assert sorted([first.status_code, second.status_code]) == [200, 200]
    bodies = [r.json() for r in (first, second)]
    assert {"id": "exchange-1", "connectionName": "graph"} in bodies
    replies = manual_bot.channel.activities(conv.conversation_id)[conv.seen:]
    agenda_replies = [t for t in texts(replies) if "your day" in t or "no meetings" in t]
    assert len(agenda_replies) == 1


async def test_sso_consent_required_answers_412(manual_bot: BotServer, sandbox: AdminClient, sandbox_url: str) -> None:
    set_signin(sandbox_url, consentRequired=True)
    user = sandbox.users()[0]
    conv = manual_bot.conversation()
    oauth_card(await conv.say(CALENDAR_EN))
    sso = (await manual_bot.http.post(f"{sandbox_url}/_sandbox/tokens", json={"user": user["id"], "sso": True})).json()[
        "access_token"
    ]
    response, _ = await conv.invoke("signin/tokenExchange", {"id": "x-1", "connectionName": "graph", "token": sso})
    assert response.status_code == 412
    assert "failureDetail" in response.json()


async def test_sso_with_a_bad_token_answers_412(manual_bot: BotServer) -> None:
    conv = manual_bot.conversation()
    oauth_card(await conv.say(CALENDAR_EN))
    response, _ = await conv.invoke("signin/tokenExchange", {"id": "x-2", "connectionName": "graph", "token": "BAD"})
    assert response.status_code == 412


async def test_sign_out_then_the_card_again(manual_bot: BotServer, sandbox: AdminClient, sandbox_url: str) -> None:
    set_signin(sandbox_url, magicCode=False)
    user = sandbox.users()[0]
    conv = manual_bot.conversation()
    card = oauth_card(await conv.say(CALENDAR_EN))
    link = next(b["value"] for b in card["buttons"] if b["type"] == "signin")
    async with httpx.AsyncClient(timeout=10) as http:
        page = await http.get(link)
        state = re.search(r'name="state" value="([^"]+)"', page.text)
        assert state
        await http.post(f"{sandbox_url}/api/botsignin/signin", data={"state": state.group(1), "user": user["id"]})
    signed_in = await conv.say("hello there, are you ready?")  # completes the prompt without a code
    assert not any(a.get("contentType") == "application/vnd.microsoft.card.oauth"
                   for r in signed_in for a in r.get("attachments") or [])
    out = await conv.say("déconnexion")
    assert any("signed out" in t or "déconnecté" in t for t in texts(out))
    oauth_card(await conv.say(CALENDAR_EN))


# ---- failures ----------------------------------------------------------------------------------------
async def test_graph_down_gives_one_sentence_and_clears_state(bot: BotServer, sandbox: AdminClient) -> None:
    sandbox.set_faults({"rate": 100, "allowedErrors": [503], "retryAfterInSeconds": 0})
    conv: Conversation = bot.conversation(locale="fr-FR")
    replies = await conv.say(CALENDAR_FR)
    assert texts(replies) == [
        "Microsoft 365 ne répond pas pour le moment, je n'ai donc pas pu le faire. Veuillez réessayer dans une minute."
    ]
    sandbox.clear_faults()
    after = await conv.say(CALENDAR_FR)
    assert "Traceback" not in "\n".join(texts(after))
    assert texts(after) and "Microsoft 365 ne répond pas" not in texts(after)[0]


async def test_protocol_errors_get_statuses(bot: BotServer) -> None:
    url = f"{bot.url}/api/messages"
    bad_json = await bot.http.post(url, content=b"{not json", headers={"Content-Type": "application/json"})
    assert bad_json.status_code == 400
    wrong_type = await bot.http.post(url, content=b"hello", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415
    huge = await bot.http.post(url, content=b"{" + b" " * (300 * 1024) + b"}", headers={"Content-Type": "application/json"})
    assert huge.status_code == 413
    no_type = await bot.http.post(url, json={"text": "hi"})
    assert no_type.status_code == 400


async def test_a_new_request_replaces_a_pending_confirmation(bot: BotServer, sandbox: AdminClient,
                                                             graph_as: Any) -> None:
    """Nothing is written when the person asks something else instead of answering yes or no."""
    user = default_user(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    pending = await conv.say("add water the ficus to my tasks")
    assert any(r.get("attachments") for r in pending)  # the confirmation card
    answered = await conv.say(CALENDAR_EN)
    body = shown(answered)
    assert "Please answer yes or no." not in body
    for subject in todays_subjects(graph_as, user["id"], "Europe/Paris"):
        assert subject in body
    after = await conv.say("yes")
    assert "Please answer yes or no." not in "\n".join(texts(after))
    client = graph_as(user["id"])
    lists = client.get("/me/todo/lists").raise_for_status().json()["value"]
    titles = [
        task["title"]
        for todo_list in lists
        for task in client.get(f"/me/todo/lists/{todo_list['id']}/tasks?$top=100").raise_for_status().json()["value"]
    ]
    assert "water the ficus" not in titles
