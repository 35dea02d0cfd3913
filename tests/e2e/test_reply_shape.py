"""One reply shape: a card answer is one activity whose text and summary are one sentence (what notifications and
screen readers show); the card holds the rest, and no item of the card is repeated in the text."""

from __future__ import annotations

import re
from typing import Any

from clock import Clock, PinnedClock
from language import t
from tests.e2e.test_tasks_support import ADELE, CAMILLE, CARD, plain_texts
from tests.support.bot import BotServer
from tests.support.clock import next_working_day

#: A sentence ends, and another one starts, within the text.
_SECOND_SENTENCE = re.compile(r"[.!?]\s+[\"«]?\s*[A-ZÀ-Ý]")

#: The read features, asked in English (by Adele) and in French (by Camille).
READS_EN = (
    "what's on my calendar today?",
    "what's on my calendar next week?",
    "when am I free on {working_day}?",
    "my day",
    "show my tasks",
    "show my planner tasks",
    "show my flagged emails",
    "show my unread emails",
    "find contact O'Brien",
    "show my recent files",
    "show items in the Orders list on the Operations site",
    "what are my working hours?",
    "show my alerts",
)
READS_FR = (
    "qu'est-ce que j'ai aujourd'hui ?",
    "qu'est-ce que j'ai la semaine prochaine ?",
    "quand suis-je libre le {working_day} ?",
    "ma journée",
    "montre mes tâches",
    "montre mes tâches planner",
    "quels mails ai-je marqués d'un indicateur ?",
    "montre mes mails non lus",
    "trouve le contact Tremblay",
    "montre mes fichiers récents",
    "montre les éléments de la liste Orders du site Operations",
    "quelles sont mes heures de travail ?",
    "montre mes alertes",
)


def _card_messages(replies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in replies if any(a.get("contentType") == CARD for a in r.get("attachments") or [])]


def _without_page_line(text: str) -> str:
    """The text without the page line a paged list adds after its sentence (dialogs/context/paging.py)."""
    for locale in ("en", "fr"):
        marker = t("context.page.line", locale, first=0, last=0, count=0).split("0")[0].strip()
        at = text.find(marker)
        if at > 0:
            return text[:at].rstrip()
    return text


def _one_sentence(activity: dict[str, Any]) -> str:
    text = _without_page_line(activity.get("text") or "")
    assert text and "\n" not in text, text
    assert not _SECOND_SENTENCE.search(text), text
    assert _without_page_line(activity.get("summary") or "") == text
    return text


def _card(activity: dict[str, Any]) -> dict[str, Any]:
    [content] = [a["content"] for a in activity["attachments"] if a.get("contentType") == CARD]
    return dict(content)


_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
         "décembre")


def _next_working_day(locale: str, clock: Clock) -> str:
    """The first Monday-to-Friday after today in Paris, as typed ("March 15", "15 mars"): a day off answers
    with a sentence and no card, whatever day the suite runs on."""
    day = next_working_day("Europe/Paris", clock)
    return f"{day.day} {_MOIS[day.month - 1]}" if locale.startswith("fr") else day.strftime("%B ") + str(day.day)


async def _walk_reads(bot: BotServer, user_id: str, locale: str, asks: tuple[str, ...], clock: Clock) -> None:
    conv = bot.conversation(user_id=user_id, locale=locale, timezone="Europe/Paris")
    for ask in (a.format(working_day=_next_working_day(locale, clock)) for a in asks):
        replies = [r for r in await conv.say(ask) if r.get("type") == "message"]
        assert len(replies) == 1, (ask, [r.get("text") for r in replies])
        [answer] = _card_messages(replies) or [None]
        assert answer is not None, (ask, replies[0].get("text"))
        text = _one_sentence(answer)
        card = _card(answer)
        # Items sit in containers and rows; top-level text is the card's title and subtitle.
        headings = {s for block in card["body"] if block.get("type") == "RichTextBlock" for s in plain_texts(block)}
        items = [s for s in plain_texts(card) if len(s) >= 4 and s not in headings]
        for item in items:
            assert item not in text, (ask, item, text)


async def test_every_read_answers_one_card_with_one_sentence_in_english(bot: BotServer, bot_clock: PinnedClock) -> None:
    await _walk_reads(bot, ADELE, "en-US", READS_EN, bot_clock)


async def test_every_read_answers_one_card_with_one_sentence_in_french(bot: BotServer, bot_clock: PinnedClock) -> None:
    await _walk_reads(bot, CAMILLE, "fr-FR", READS_FR, bot_clock)


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
