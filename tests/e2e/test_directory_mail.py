"""Reading mail and files over HTTP: recent and unread mail, search by sender or words, a search term that
tries OData injection, recent and shared files with their links; answers checked against the sandbox."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from sandbox.testing import AdminClient
from tests.e2e.test_directory_helpers import ADELE, CAMILLE, card_actions, card_of, card_texts, replies_text
from tests.support.bot import BotServer


def messages(graph_as: Any, user: str, **params: str) -> list[dict[str, Any]]:
    response = graph_as(user).get("/me/messages", params={"$select": "subject,from,isRead", **params})
    response.raise_for_status()
    return response.json()["value"]


def message_requests(sandbox: AdminClient) -> list[dict[str, list[str]]]:
    return [parse_qs(urlsplit(r["path"]).query) for r in sandbox.requests()
            if urlsplit(r["path"]).path == "/v1.0/me/messages"]


# ---- mail.list ----------------------------------------------------------------------------------
async def test_recent_mail_lists_the_newest_messages(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=ADELE).say("show my recent emails")
    newest = messages(graph_as, ADELE, **{"$orderby": "receivedDateTime desc", "$top": "10"})
    card = card_of(replies)
    texts = card_texts(card)
    assert "Your 10 most recent messages" in texts
    subjects = [line for line in texts.splitlines() if line in {m["subject"] for m in newest}]
    assert subjects == [m["subject"] for m in newest]
    assert not [a for a in card_actions(card) if a["type"] == "Action.Execute"], "mail listing is read-only"


async def test_unread_mail_in_french_only_shows_unread(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("montre mes mails non lus")
    everything = messages(graph_as, CAMILLE, **{"$top": "100"})
    unread = {m["subject"] for m in everything if not m["isRead"]}
    read = {m["subject"] for m in everything if m["isRead"]} - unread
    texts = card_texts(card_of(replies)).splitlines()
    assert "derniers messages non lus" in texts[0]
    shown = [line for line in texts if line in unread | read]
    assert shown and set(shown) <= unread


# ---- mail.search --------------------------------------------------------------------------------
async def test_search_by_sender(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=ADELE).say("find emails from Megan")
    expected = {m["subject"] for m in messages(graph_as, ADELE, **{"$top": "100"})
                if m["from"]["emailAddress"]["name"].startswith("Megan")}
    texts = card_texts(card_of(replies))
    assert "Messages from Megan" in texts
    shown = {line for line in texts.splitlines() if line in expected}
    assert shown == expected and expected
    assert "Megan Bowen" in texts


async def test_search_by_words_in_french(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("cherche dans mes mails facture")
    texts = card_texts(card_of(replies))
    expected = [m["subject"] for m in messages(graph_as, CAMILLE, **{"$top": "100"}) if "Facture" in m["subject"]]
    assert "Messages sur facture" in texts
    assert expected and all(subject in texts for subject in expected)


async def test_search_term_trying_odata_injection_is_one_quoted_phrase(
        bot: BotServer, sandbox: AdminClient) -> None:
    conv = bot.conversation(user_id=ADELE)
    for attempt in ("search my mail for x') or (isRead eq true", "search emails about ' or 1 eq 1 or '"):
        sandbox.clear_requests()
        replies = await conv.say(attempt)
        assert "I found no messages matching that." in replies_text(replies)
        (query,) = message_requests(sandbox)
        assert "$filter" not in query and "$orderby" not in query
        (search,) = query["$search"]
        assert search.startswith('"') and search.endswith('"') and search.count('"') == 2


async def test_search_without_terms_asks_for_them(bot: BotServer) -> None:
    conv = bot.conversation(user_id=ADELE)
    assert "What should I look for in your mail" in replies_text(await conv.say("search my emails"))
    replies = await conv.say("invoice")
    assert "Messages about invoice" in card_texts(card_of(replies))


# ---- files --------------------------------------------------------------------------------------
async def test_recent_files_with_links(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=ADELE).say("show my recent files")
    recent = graph_as(ADELE).get("/me/drive/recent").json()["value"]
    texts = card_texts(card_of(replies))
    assert recent
    for item in recent:
        assert item["name"] in texts and item["webUrl"] in texts


async def test_files_shared_with_me_in_french(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("fichiers partagés avec moi")
    shared = graph_as(CAMILLE).get("/me/drive/sharedWithMe").json()["value"]
    texts = card_texts(card_of(replies))
    assert "Partagés avec vous" in texts or "partagés avec vous" in texts.lower()
    assert shared
    for item in shared:
        assert item["remoteItem"]["name"] in texts and item["remoteItem"]["webUrl"] in texts


async def test_search_by_sender_and_words(bot: BotServer, graph_as: Any) -> None:
    everything = messages(graph_as, ADELE, **{"$top": "100"})
    megan = [m for m in everything if m["from"]["emailAddress"]["name"].startswith("Megan")]
    word = megan[0]["subject"].split()[0]
    expected = {m["subject"] for m in megan if word.casefold() in m["subject"].casefold()}
    others = {m["subject"] for m in everything if m not in megan} - expected
    replies = await bot.conversation(user_id=ADELE).say(f"find emails from Megan about {word}")
    texts = card_texts(card_of(replies))
    assert f"Messages from Megan about {word}" in texts
    shown = {line for line in texts.splitlines() if line in expected | others}
    assert shown == expected
