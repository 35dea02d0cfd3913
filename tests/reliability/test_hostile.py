"""Hostile text: OData operators and quotes, markdown/HTML/links, 10 KB, right-to-left, emoji, empty, attachments only."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from language import t
from sandbox.testing import AdminClient
from tests.reliability.support import reply_text, tasks_titled, writes
from tests.support.bot import BotServer, texts

ERROR = t("bot.error", "en")

HOSTILE: dict[str, dict[str, Any]] = {
    "odata_in_title": {"text": "add x' or 1 eq 1 or title eq 'y to my tasks"},
    "quotes_in_title": {"text": "add call O'Brien about the \"big\" deal to my tasks"},
    "odata_in_name": {"text": "what's on Camille' or startswith(displayName,'a') calendar today?"},
    "filter_syntax": {"text": "show my tasks $filter=true&$top=999"},
    "odata_in_contact": {"text": "what's the phone number of O'Brien') or startswith(displayName,'"},
    "odata_in_mail_search": {"text": "find emails from x\" OR from:* \\\" about ') or true"},
    "quotes_in_person": {"text": "what's on d'Artagnan's calendar today?"},
    "markdown_html_link": {"text": "add **read** <script>alert(1)</script> [this](https://evil.example/x) to my tasks"},
    "ten_kb": {"text": "what's on my calendar " + "very " * 2048 + "today?"},
    "ten_kb_task": {"text": "add " + "a" * 10_000 + " to my tasks"},
    "right_to_left": {"text": "מה יש לי היום ביומן? ما هو جدولي اليوم؟"},
    "emoji": {"text": "🎉🎂 add 🍰 party prep 🥳 to my tasks"},
    "zero_width": {"text": "he\u200blp\u200d\u2060"},
    "control_chars": {"text": "help\u0000\u0007\u001b[31m"},
    "lone_surrogate": {"text": "add \ud83d broken to my tasks"},
    "empty": {"text": ""},
    "whitespace": {"text": " \n\t "},
    "attachments_only": {"attachments": [{"contentType": "image/png", "contentUrl": "https://example.invalid/a.png"}]},
    "text_null": {"text": None},
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
async def test_hostile_text_gets_one_sensible_reply_and_no_write(
    bot: BotServer, sandbox: AdminClient, case: str, summary: Callable[..., None]
) -> None:
    conv = bot.conversation(user_id=sandbox.users()[0]["userPrincipalName"])
    fields = dict(HOSTILE[case])
    text = fields.pop("text", None)
    activity = conv.activity(**fields)
    if text is not None or "text" in HOSTILE[case]:
        activity["text"] = text
    # Raw JSON with \u escapes: a lone surrogate cannot be UTF-8 encoded, but a channel can still send its escape.
    response = await bot.http.post(
        f"{bot.url}/api/messages", content=json.dumps(activity, ensure_ascii=True).encode(),
        headers={"Content-Type": "application/json"},
    )
    replies = bot.channel.activities(conv.conversation_id)
    said = texts(replies)
    summary(load="1 message", faults=case.replace("_", " "), notes=f"HTTP {response.status_code}, {len(replies)} replies")
    assert response.status_code == 201, response.text
    assert 1 <= len(replies) <= 2, said
    assert ERROR not in said
    assert reply_text(replies).strip()
    assert writes(sandbox) == [], "nothing is written without a confirmation"
    rejected = [r["status"] for r in sandbox.requests() if r["status"] == 400]
    assert rejected == [], "user text must never produce a malformed Graph query"


async def test_markup_in_a_title_is_stored_as_typed_and_not_rendered(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, summary: Callable[..., None]
) -> None:
    summary(load="2 messages", faults="markdown, HTML, link in a title")
    me = sandbox.users()[0]
    title = "read **this** <b>memo</b> [link](https://evil.example/x)"
    conv = bot.conversation(user_id=me["userPrincipalName"])
    confirm = await conv.say(f"add {title} to my tasks")
    assert writes(sandbox) == []
    shown = reply_text(confirm)
    assert "](https://evil.example/x)" not in shown, "a link in user text must not become a live markdown link"
    done = await conv.say("yes")
    assert ERROR not in texts(done)
    stored = tasks_titled(graph_as, me["id"], title)
    assert len(stored) == 1, "the title is stored exactly as typed, once"


async def test_emoji_and_right_to_left_titles_round_trip(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, summary: Callable[..., None]
) -> None:
    summary(load="4 messages", faults="emoji, right-to-left in titles")
    me = sandbox.users()[0]
    conv = bot.conversation(user_id=me["userPrincipalName"])
    for title in ("🍰 party prep 🥳", "לקנות חלב"):
        await conv.say(f"add {title} to my tasks")
        await conv.say("yes")
        assert len(tasks_titled(graph_as, me["id"], title)) == 1, title
