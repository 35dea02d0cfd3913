"""One reply shape: a card answer carries one sentence as its text and summary (what notifications and screen
readers show); the card holds the rest."""

from __future__ import annotations

from typing import Any

from language import t
from tests.e2e.test_tasks_support import ADELE, CAMILLE, CARD
from tests.support.bot import BotServer


def _card_messages(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in replies if any(a.get("contentType") == CARD for a in r.get("attachments") or [])]


def _one_sentence(activity: dict[str, Any]) -> str:
    text = activity.get("text") or ""
    assert text and "\n" not in text, text
    assert activity.get("summary") == text
    return text


async def test_a_write_asks_and_answers_with_one_sentence_and_a_card(bot: BotServer) -> None:
    conv = bot.conversation(user_id=ADELE, timezone="Europe/Paris")
    [confirm] = _card_messages(await conv.say("add renew the car insurance to my tasks"))
    assert _one_sentence(confirm) == t("tasks.confirm.summary", "en")
    [result] = _card_messages(await conv.say("yes"))
    assert _one_sentence(result) == t("tasks.result.summary", "en")


async def test_the_same_shape_in_french_for_a_contact(bot: BotServer) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR")
    [confirm] = _card_messages(await conv.say("ajoute un contact Paul Girard paul.girard@example.org"))
    _one_sentence(confirm)
    [result] = _card_messages(await conv.say("oui"))
    assert _one_sentence(result) == t("directory.contact.added", "fr")
