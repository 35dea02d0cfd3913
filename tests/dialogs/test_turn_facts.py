"""TurnFacts recognises a turn off the loop with the locale tag as sent: en-GB reads 10/12 as 10 December."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

import language.dates
from dialogs.services import TurnFacts
from language import recognize

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=PARIS)  # any day before 10 October of the next year works


def _context(text: str, locale: str) -> TurnContext:
    activity = Activity(type=ActivityTypes.message, text=text, locale=locale, channel_id="test",
                        from_property=ChannelAccount(id="u1"), recipient=ChannelAccount(id="bot"),
                        conversation=ConversationAccount(id="c1"))
    return TurnContext(TestAdapter(), activity)


@pytest.mark.parametrize(("locale", "month", "day"), [("en-GB", 12, 10), ("en-US", 10, 12)])
async def test_off_loop_recognition_reads_numeric_dates_in_the_sent_region(locale: str, month: int, day: int) -> None:
    facts = TurnFacts(_context("what's on 10/12?", locale))
    recognition = await facts.recognize_off_loop("Europe/Paris", NOW)
    assert recognition.entities.start is not None
    assert (recognition.entities.start.month, recognition.entities.start.day) == (month, day)
    assert await facts.recognize_off_loop("Europe/Paris", NOW) is recognition  # one recognition per turn and zone
    assert facts.intent() == recognition.intent


def test_the_intent_alone_never_runs_the_date_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before any recognition this turn, `intent()` classifies the text alone: the same intent as `recognize`,
    without the date reader (Recognizers-Text, tens of milliseconds), so it may run on the event loop."""
    text = "add a meeting from monday to wednesday"  # a weekday range: only Recognizers-Text reads it
    expected = recognize(text, "en-US", NOW, "Europe/Paris").intent

    def no_reading(lang: str) -> None:
        raise AssertionError("the date reader ran")

    monkeypatch.setattr(language.dates, "_model", no_reading)
    assert TurnFacts(_context(text, "en-US")).intent() == expected


async def test_a_sentence_read_this_minute_is_not_handed_to_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second turn with the same sentence in the same minute and zone gets the first one's recognition from
    `recognized` on the loop; a new sentence still goes to the worker thread."""
    import asyncio

    handed: list[str] = []
    real = asyncio.to_thread

    async def counting(func, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        handed.append(args[0])
        return await real(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", counting)
    first = await TurnFacts(_context("what's on my calendar on 10/12?", "en-GB")).recognize_off_loop("Europe/Paris", NOW)
    again = await TurnFacts(_context("what's on my calendar on 10/12?", "en-GB")).recognize_off_loop("Europe/Paris", NOW)
    assert again is first
    other_region = await TurnFacts(_context("what's on my calendar on 10/12?", "en-US")).recognize_off_loop(
        "Europe/Paris", NOW)
    assert other_region.entities.start is not None and other_region.entities.start.month == 10  # not en-GB's answer
    assert handed == ["what's on my calendar on 10/12?"] * 2  # the first en-GB turn and the en-US one
