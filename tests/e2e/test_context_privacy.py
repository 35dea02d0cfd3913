"""The stored conversation state after context dialogues (issue 20): ids, intents, dates and pages only. Dialogues
run over HTTP against the sandbox; then the very store the bot uses (memory, and a real Redis server) is read and
no subject, title, name or message text of the sandbox's items may appear in it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import redis as redis_client

from app import BOT_PARTS
from clock import PinnedClock
from config import Settings
from devkit import RedisServer
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.e2e.test_calendar import joined, user, view
from tests.e2e.test_tasks_support import todo_lists, todo_tasks
from tests.support.bot import BotServer, run_bot
from tests.support.channel import FakeChannel
from tests.support.clock import day_start

TZ = "Europe/Paris"

DIALOGUES = [
    ("en-US", ["what's on today?", "what about tomorrow?", "and the day after?", "the second one", "show my tasks",
               "more", "what about Planner?", "show my flagged emails", "book a meeting called Retro tomorrow at 3pm",
               "yes", "actually, move it to 4pm", "yes", "open it", "what's on tomorrow?", "the one with Megan",
               "add renew my passport to my tasks", "yes", "mark it as done", "yes"]),
    ("fr-FR", ["qu'est-ce que j'ai jeudi ?", "et mardi ?", "et la semaine prochaine ?", "suivant", "le premier",
               "montre mes tâches", "la suite", "supprime le premier", "oui"]),
]


def strings(node: Any) -> Iterator[str]:
    """Every string in a stored value: dicts, lists, and the attributes of stored objects (prompt options)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(key)
            yield from strings(value)
    elif isinstance(node, (list, tuple, set)):
        for value in node:
            yield from strings(value)
    elif hasattr(node, "__dict__"):
        yield from strings(vars(node))


def private_words(sandbox: AdminClient, graph: httpx.Client) -> set[str]:
    """Subjects, titles, names and message texts the sandbox holds for the person (and the names of everyone)."""
    words: set[str] = {"Retro", "renew my passport"}
    start = day_start(TZ, -1)
    for event in view(graph, start, start + timedelta(days=21), TZ):
        words.add(event["subject"])
        words.update(a["emailAddress"]["name"] for a in event.get("attendees") or [] if a["emailAddress"].get("name"))
    for li in todo_lists(graph):
        words.update(task["title"] for task in todo_tasks(graph, li["id"]))
    planner = graph.get("/me/planner/tasks")
    planner.raise_for_status()
    words.update(task["title"] for task in planner.json()["value"])
    mail = graph.get("/me/messages", params={"$top": "50"})
    mail.raise_for_status()
    for message in mail.json()["value"]:
        words.add(message.get("subject") or "")
        words.add(((message.get("from") or {}).get("emailAddress") or {}).get("name") or "")
        words.add((message.get("bodyPreview") or "")[:40])
    words.update(u["displayName"] for u in sandbox.users())
    return {w for w in words if len(w.strip()) >= 5}


def passport_id(graph: httpx.Client) -> str:
    """The id of the task the English dialogue added and completed: "it" of the context, so it is stored."""
    return next(task["id"] for li in todo_lists(graph) for task in todo_tasks(graph, li["id"])
                if task["title"] == "renew my passport")


def leaks(stored: str, words: set[str]) -> list[str]:
    return sorted(w for w in words if w in stored or json.dumps(w)[1:-1] in stored)


async def talk(server: BotServer, user_id: str) -> list[str]:
    answers = []
    for locale, turns in DIALOGUES:
        conv = server.conversation(user_id=user_id, locale=locale, timezone=TZ)
        for text in turns:
            answers.append(joined(await conv.say(text)))
    return answers


async def test_memory_state_holds_no_subject_title_name_or_text(bot: BotServer, sandbox: AdminClient,
                                                                 graph_as: Any) -> None:
    adele = user(sandbox, "adelev")
    answers = await talk(bot, adele["userPrincipalName"])
    assert any("Retro" in a for a in answers)  # the dialogues did reach the items
    storage = bot.app[BOT_PARTS].storage
    memory: dict[str, Any] = storage.memory  # type: ignore[attr-defined]
    stored = "\n".join(strings(memory))
    graph = graph_as(adele["id"])
    assert passport_id(graph) in stored  # ids are kept ...
    words = private_words(sandbox, graph)
    assert len(words) > 20
    assert leaks(stored, words) == []  # ... words are not


@pytest.mark.redis
async def test_redis_state_holds_no_subject_title_name_or_text(sandbox: AdminClient, sandbox_url: str,
                                                                channel: FakeChannel, bot_clock: PinnedClock,
                                                                redis: RedisServer, graph_as: Any) -> None:
    set_signin(sandbox_url, autoSignIn=True)
    adele = user(sandbox, "adelev")
    async with run_bot(Settings(sandbox_url=sandbox_url, storage_url=redis.url), channel, clock=bot_clock) as server:
        answers = await talk(server, adele["userPrincipalName"])
    assert any("Retro" in a for a in answers)
    client = redis_client.Redis.from_url(redis.url)
    try:
        values: list[bytes] = [bytes(client.get(key) or b"") for key in client.keys("*")  # type: ignore[arg-type]
                               if client.type(key) == b"string"]
    finally:
        client.close()
    stored = "\n".join(v.decode("utf-8", "replace") for v in values)
    graph = graph_as(adele["id"])
    assert passport_id(graph) in stored  # the context was stored here, ids only
    assert leaks(stored, private_words(sandbox, graph)) == []
