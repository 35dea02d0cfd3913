""""more" / "show me more" / "next" / "suivant" / "la suite" / "encore" over HTTP (issue 20): every page of the
agenda, a week's agenda, To Do and flagged mail, counted "n to m of N" in the card and the text; "more" with nothing
to page says so. The pages are checked against the sandbox's own Graph."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from language import t
from sandbox.testing import AdminClient
from tests.e2e.test_calendar import add_event, card_text, cards, user, view
from tests.e2e.test_calendar import shown as joined
from tests.e2e.test_tasks_support import block_texts, card_of, plain_texts, todo_lists, todo_tasks
from tests.support.bot import BotServer
from tests.support.clock import day_start

TZ = "Europe/Paris"


def open_titles(graph: httpx.Client) -> list[str]:
    return [task["title"] for li in todo_lists(graph) if li.get("wellknownListName") != "flaggedEmails"
            for task in todo_tasks(graph, li["id"]) if task["status"] != "completed"]


def shown_titles(replies: list[dict[str, Any]], titles: list[str]) -> list[str]:
    return [text for text in plain_texts(card_of(replies)) if text in set(titles)]


async def page_through_tasks(conv: Any, graph: httpx.Client, words: list[str], locale: str) -> None:
    titles = open_titles(graph)
    total = len(titles)
    assert total > 20, "the seed has more than a page of tasks"
    first = await conv.say(words[0])
    seen = shown_titles(first, titles)
    assert len(seen) == 20
    line = t("context.page.line", locale, first=1, last=20, count=total)
    assert line in joined(first) and line in card_text(card_of(first))
    shown = 20
    for word in words[1:]:
        replies = await conv.say(word)
        if shown >= total:
            assert joined(replies) == t("context.more.none", locale)
            continue
        page = shown_titles(replies, titles)
        last = min(shown + 20, total)
        assert len(page) == last - shown
        assert t("context.page.line", locale, first=shown + 1, last=last, count=total) in joined(replies)
        seen += page
        shown = last
    assert shown == total and sorted(seen) == sorted(titles)  # every task once, none twice


async def test_more_pages_through_my_tasks(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    await page_through_tasks(conv, graph_as(adele["id"]), ["show my tasks", "more", "show me more", "more"], "en")


async def test_suivant_la_suite_encore_in_french(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale="fr-FR", timezone=TZ)
    await page_through_tasks(conv, graph_as(adele["id"]), ["montre mes tâches", "suivant", "la suite", "encore"], "fr")


async def test_show_me_more_on_a_week_agenda(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    monday = day_start(TZ, 7 - day_start(TZ).weekday())
    for i in range(10):  # more than a page whatever the seed holds that week
        add_event(client, f"Planning block {i}", monday + timedelta(days=1, hours=7, minutes=5 * i),
                  monday + timedelta(days=1, hours=7, minutes=5 * i + 4), TZ)
    expected = [e["subject"] for e in view(client, monday, monday + timedelta(days=7), TZ)]
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    first = joined(await conv.say("what's on next week?"))
    second = await conv.say("show me more")
    body = joined(second)
    unique = [s for s in expected[:16] if expected.count(s) == 1]
    assert len(unique) >= 8
    for index, subject in enumerate(expected[:16]):
        if subject in unique:
            on, off = (first, body) if index < 8 else (body, first)
            assert subject in on and subject not in off, subject
    assert cards(second)


async def test_next_then_more_after_the_last_page_of_today(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    today = day_start(TZ)
    for i in range(6):
        add_event(client, f"Extra slot {i}", today + timedelta(hours=20, minutes=5 * i),
                  today + timedelta(hours=20, minutes=5 * i + 4), TZ)
    expected = [e["subject"] for e in view(client, today, today + timedelta(days=1), TZ)]
    assert 8 < len(expected) <= 16
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    one = joined(await conv.say("what's on today?"))
    assert t("calendar.agenda.more_hint", "en", count=len(expected) - 8) in one
    after = joined(await conv.say("next"))
    assert [s for s in expected if s in after] == expected[8:], after
    assert joined(await conv.say("more")) == t("context.more.none", "en")


async def test_more_pages_through_flagged_mail(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    response = client.get("/me/messages", params={"$top": "50"})
    response.raise_for_status()
    for message in response.json()["value"][:15]:  # more than a page of flagged messages
        client.patch(f"/me/messages/{message['id']}", json={"flag": {"flagStatus": "flagged"}}).raise_for_status()
    flagged = client.get("/me/messages", params={"$filter": "flag/flagStatus eq 'flagged'", "$top": "50"})
    flagged.raise_for_status()
    total = len(flagged.json()["value"])
    assert total > 10
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    first = await conv.say("show my flagged emails")
    assert t("context.page.line", "en", first=1, last=10, count=total) in joined(first)
    second = await conv.say("more")
    assert t("context.page.line", "en", first=11, last=min(20, total), count=total) in joined(second)
    assert card_text(card_of(second)) != card_text(card_of(first))


async def test_more_with_nothing_to_page_says_so(bot: BotServer, sandbox: AdminClient) -> None:
    adele = user(sandbox, "adelev")
    assert joined(await bot.conversation(user_id=adele["userPrincipalName"]).say("more")) == \
        t("context.more.none", "en")
    assert joined(await bot.conversation(user_id=adele["userPrincipalName"], locale="fr-FR").say("suivant")) == \
        t("context.more.none", "fr")
    # A short list has no next page either.
    conv = bot.conversation(user_id=adele["userPrincipalName"], timezone=TZ)
    assert "Planner task" in joined(await conv.say("show my Planner tasks"))
    assert joined(await conv.say("show me more")) == t("context.more.none", "en")


async def test_more_pages_through_recent_mail_in_both_languages(bot: BotServer, sandbox: AdminClient,
                                                                graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    client = graph_as(adele["id"])
    response = client.get("/me/messages", params={"$orderby": "receivedDateTime desc", "$top": "50"})
    response.raise_for_status()
    subjects = [m["subject"] for m in response.json()["value"]]
    total = len(subjects)
    assert 10 < total <= 20, "the seed has between one and two pages of mail"
    for locale, ask, more in (("en-US", "show my recent emails", "more"), ("fr-FR", "montre mes derniers mails",
                                                                             "la suite")):
        lang = locale[:2]
        conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone=TZ)
        first = await conv.say(ask)
        assert t("context.page.line", lang, first=1, last=10, count=total) in joined(first)
        second = await conv.say(more)
        assert t("context.page.line", lang, first=11, last=total, count=total) in joined(second)
        page = set(plain_texts(card_of(second)) + block_texts(card_of(second)))
        assert all(s in page for s in subjects[10:] if subjects.count(s) == 1), page
        assert not any(s in page for s in subjects[:10] if subjects.count(s) == 1), page
        assert joined(await conv.say(more)) == t("context.more.none", lang)
