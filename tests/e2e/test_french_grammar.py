"""French answers elide where a name is inserted: « montre les messages d'Adele » answers « Messages d'Adele »."""

from __future__ import annotations

from tests.e2e.test_directory_helpers import CAMILLE, card_of, card_texts, replies_text
from tests.support.bot import BotServer


async def test_messages_from_adele_are_messages_d_adele(bot: BotServer) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("montre les messages d'Adele")
    said = replies_text(replies) + "\n" + card_texts(card_of(replies))
    assert "d'Adele" in said
    assert "de Adele" not in said


async def test_messages_from_megan_keep_de(bot: BotServer) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("trouve les mails de Megan")
    said = replies_text(replies) + "\n" + card_texts(card_of(replies))
    assert "de Megan" in said and "d'Megan" not in said
