"""The move card shows the meeting's old time and its new time, in English and French, before and after Confirm."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.testing import AdminClient
from tests.e2e.test_calendar import cards, user
from tests.support.bot import BotServer


def facts(card: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(card, dict):
        if card.get("type") == "FactSet":
            found.update({f["title"]: f["value"] for f in card["facts"]})
        for value in card.values():
            found.update(facts(value))
    elif isinstance(card, list):
        for value in card:
            found.update(facts(value))
    return found


@pytest.mark.parametrize(("locale", "say", "old", "new", "old_label", "new_label"), [
    ("en-US", "move my 4pm to 5pm", "4:00", "5:00", "Old time", "New time"),
    ("fr-FR", "déplace ma réunion de 16h à 17h", "16:00", "17:00", "Ancien horaire", "Nouvel horaire"),
])
async def test_move_card_shows_old_and_new_time(bot: BotServer, sandbox: AdminClient, at: Any, locale: str, say: str,
                                                old: str, new: str, old_label: str, new_label: str) -> None:
    at("08:00", "Europe/Paris")  # the seeded 16:00 meeting is still to come
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale, timezone="Europe/Paris")
    shown = facts(cards(await conv.say(say))[0])
    assert old in shown[old_label] and new not in shown[old_label]
    assert new in shown[new_label] and old not in shown[new_label]
    done = cards(await conv.say("yes" if locale == "en-US" else "oui"))
    after = facts(done[0])
    assert old in after[old_label] and new in after[new_label]
