"""A repeating task's card says "Every day" / "Tous les jours" (never "Every 1 days"), before and after Confirm."""

from __future__ import annotations

import pytest

from sandbox.testing import AdminClient
from tests.e2e.test_calendar import cards, user
from tests.e2e.test_move_card import facts
from tests.support.bot import BotServer


@pytest.mark.parametrize(("locale", "say", "yes", "label", "every"), [
    ("en-US", "add water the plants every day to my tasks", "yes", "Repeats", "Every day"),
    ("fr-FR", "ajoute arroser les plantes tous les jours à mes tâches", "oui", "Répétition", "Tous les jours"),
])
async def test_every_day_has_no_number(bot: BotServer, sandbox: AdminClient, locale: str, say: str, yes: str,
                                       label: str, every: str) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale)
    assert facts(cards(await conv.say(say))[0])[label] == every
    assert facts(cards(await conv.say(yes))[0])[label] == every
