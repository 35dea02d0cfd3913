"""A multi-day agenda over HTTP: each day has its heading, and each meeting sits under its own day (EN and FR)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from language.formatting import format_day
from sandbox.testing import AdminClient
from tests.cards.test_quality import walk
from tests.e2e.test_calendar import cards, local, user, view
from tests.support.bot import BotServer
from tests.support.clock import day_start


@pytest.mark.parametrize(("login", "locale", "question"), [
    ("camilled", "fr-FR", "qu'est-ce que j'ai la semaine prochaine ?"),
    ("adelev", "en-US", "what do I have next week?"),
])
async def test_each_day_of_next_week_has_its_heading(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                     login: str, locale: str, question: str) -> None:
    person = user(sandbox, login)
    tz = "Europe/Paris"
    monday = day_start(tz) + timedelta(days=7 - day_start(tz).weekday())
    events = view(graph_as(person["id"]), monday, monday + timedelta(days=7), tz)
    conv = bot.conversation(user_id=person["userPrincipalName"], locale=locale, timezone=tz)
    card = cards(await conv.say(question))[-1]
    texts = [v for node, k, v in walk(card) if node and node.get("type") in ("TextBlock", "TextRun") and k == "text"]
    headings = {format_day(local(e["start"], tz), locale, tz) for e in events}
    assert len(headings) > 1, "the demo week has meetings on several days"
    current, placed = None, 0
    for value in texts:
        if value in headings:
            current = value
        elif placed < len(events) and value == events[placed]["subject"]:
            assert current == format_day(local(events[placed]["start"], tz), locale, tz), value
            placed += 1
    assert placed >= 2, "the card lists the week's first meetings, each under its day"
