"""Isolation: 50 channel users on concurrent conversations; every Graph call and every reply belongs to its own user."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Callable
from typing import Any

from sandbox.testing import AdminClient
from tests.reliability.support import case_variant, reply_text, todays_subjects
from tests.support.bot import BotServer, Conversation

AGENDA = "what's on my calendar today?"
CHANNEL_USERS = 50
ROUNDS = 2


async def test_fifty_users_interleaved_see_only_their_own_calendar(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, summary: Callable[..., None]
) -> None:
    users = sandbox.users()
    assert len(users) >= 6
    demo = users[:-1]  # the last person never takes part: no request may ever carry their id
    outsider = users[-1]["id"]
    summary(load=f"{CHANNEL_USERS} users x {ROUNDS} turns, concurrent", faults="none",
            notes=f"{len(demo)} demo identities round-robin")
    subjects = {u["id"]: todays_subjects(graph_as, u["id"]) for u in users}
    convs: list[tuple[str, Conversation]] = []
    for i in range(CHANNEL_USERS):
        person = demo[i % len(demo)]
        channel_id = case_variant(person["userPrincipalName"], i // len(demo) + 1)
        convs.append((person["id"], bot.conversation(user_id=channel_id)))
    assert len({c.user_id for _, c in convs}) == CHANNEL_USERS

    # Warm one turn per identity to learn how many calendar reads one agenda turn makes.
    sandbox.clear_requests()
    probe = bot.conversation(user_id=demo[0]["userPrincipalName"])
    assert reply_text(await probe.say(AGENDA))
    per_turn = sum(1 for r in sandbox.requests() if "/calendarView" in r["path"])
    assert per_turn >= 1
    sandbox.clear_requests()

    turns: list[tuple[str, Conversation]] = [pair for _ in range(ROUNDS) for pair in convs]
    random.Random(12).shuffle(turns)
    # Each conversation's turns stay in order (a channel does not overlap one user's messages); users interleave.
    locks = {id(c): asyncio.Lock() for _, c in convs}

    async def turn(person: str, conv: Conversation) -> tuple[str, str]:
        async with locks[id(conv)]:
            return person, reply_text(await conv.say(AGENDA))

    results = await asyncio.gather(*(turn(p, c) for p, c in turns))

    log = sandbox.requests()
    callers = Counter(r["userId"] for r in log if "/calendarView" in r["path"])
    expected = Counter(p for p, _ in turns)
    assert outsider not in {r["userId"] for r in log}
    assert set(callers) == set(expected)
    assert {u: callers[u] for u in expected} == {u: n * per_turn for u, n in expected.items()}
    assert all(r["status"] < 400 for r in log), [r["status"] for r in log if r["status"] >= 400]

    for person, text in results:
        own = subjects[person]
        foreign = {s for u, ss in subjects.items() if u != person for s in ss}
        foreign = {s for s in foreign if s not in own and not any(s in o for o in own)}
        assert foreign, "the seed gives each person meetings nobody else has"
        assert any(s in text for s in own), "the reply shows this user's agenda"
        shown = [s for s in foreign if s in text]
        assert shown == [], f"another user's subjects in a reply for {person}: {len(shown)}"
