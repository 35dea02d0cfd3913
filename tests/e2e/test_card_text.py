"""Card text renders the same in Teams, Outlook and the Playground: no markdown backslash escapes reach the wire."""

from __future__ import annotations

import json
from typing import Any

from tests.e2e.test_directory import directory_people
from tests.e2e.test_directory_helpers import ADELE, card_of
from tests.support.bot import BotServer

ESCAPES = ("\\+", "\\<", "\\>", "\\-", "\\.", "\\(", "\\)", "\\[", "\\_", "\\*")


def raw_strings(card: dict[str, Any]) -> str:
    """Every string of the card as sent, nothing stripped."""
    return json.dumps(card, ensure_ascii=False)


def assert_no_escapes(card: dict[str, Any]) -> None:
    wire = raw_strings(card)
    # json.dumps doubles a real backslash: look for the doubled form.
    for escape in ESCAPES:
        assert escape.replace("\\", "\\\\") not in wire, f"{escape!r} in the card"


async def test_contact_card_shows_phone_and_address_without_backslashes(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=ADELE).say("find contact O'Brien")
    card = card_of(replies)
    assert_no_escapes(card)
    person = directory_people(graph_as, ADELE, "O'Brien")[0]
    phone = person["businessPhones"][0]
    wire = raw_strings(card)
    assert phone.startswith("+") and phone in wire, "the phone is sent exactly as stored"
    assert person["mail"] in wire


async def test_mail_card_shows_senders_without_backslashes(bot: BotServer) -> None:
    replies = await bot.conversation(user_id=ADELE).say("find emails from Megan")
    card = card_of(replies)
    assert_no_escapes(card)
    assert "Megan Bowen" in raw_strings(card)
