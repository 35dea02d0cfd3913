"""A repeating task's card says "Every day" / "Tous les jours" (never "Every 1 days"), before and after Confirm."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.testing import AdminClient
from tests.e2e.test_calendar import card_text, cards, user
from tests.support.bot import BotServer


@pytest.mark.parametrize(("locale", "say", "yes", "every"), [
    ("en-US", "add water the plants every day to my tasks", "yes", "Every day"),
    ("fr-FR", "ajoute arroser les plantes tous les jours à mes tâches", "oui", "Tous les jours"),
])
async def test_every_day_has_no_number(bot: BotServer, sandbox: AdminClient, graph_as: Any, locale: str, say: str,
                                       yes: str, every: str) -> None:
    adele = user(sandbox, "adelev")
    conv = bot.conversation(user_id=adele["userPrincipalName"], locale=locale)
    asked = card_text(cards(await conv.say(say))[0])
    assert every in asked and " 1 " not in asked.replace(every, "")
    done = card_text(cards(await conv.say(yes))[0])
    assert every in done
