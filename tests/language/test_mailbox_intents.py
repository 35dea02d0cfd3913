"""The mailbox intents (issue 22): 22 sentences per intent and locale that must be read right, sentences that must not
become mailbox intents, and a separate held-out set measured once, never used to change the rules."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from language import INTENTS, WRITE_INTENTS, recognize

DATA = Path(__file__).resolve().parent / "data"
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
MAILBOX = ("mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings", "mailbox.settings.update")


def _rows(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_catalog_has_the_mailbox_intents_and_their_writes() -> None:
    assert set(MAILBOX) <= set(INTENTS)
    assert {"mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings.update"} <= WRITE_INTENTS
    assert "mailbox.settings" not in WRITE_INTENTS


def test_at_least_twenty_sentences_per_intent_and_locale() -> None:
    counts = Counter((row["locale"], row["intent"]) for row in _rows("mailbox_utterances.jsonl"))
    for intent in MAILBOX:
        for locale in ("en", "fr"):
            assert counts[(locale, intent)] >= 20, (locale, intent)


@pytest.mark.parametrize("row", _rows("mailbox_utterances.jsonl"), ids=lambda row: row["text"][:40])
def test_mailbox_sentences(row: dict[str, str]) -> None:
    got = recognize(row["text"], row["locale"], NOW, "Europe/Paris").intent
    if row["intent"] == "not_mailbox":
        assert not got.startswith("mailbox."), got
    else:
        assert got == row["intent"]


def test_held_out_set_figure() -> None:
    """Written after the rules and never used to change them: en 34/40, fr 36/40 when first measured, en 33/40 after
    the later "I work" fix (made for files sentences of tests/language/data/extra_utterances.jsonl). A floor."""
    rows = _rows("mailbox_heldout.jsonl")
    right, total = Counter(), Counter()
    for row in rows:
        total[row["locale"]] += 1
        right[row["locale"]] += recognize(row["text"], row["locale"], NOW, "Europe/Paris").intent == row["intent"]
    assert total == {"en": 40, "fr": 40}
    assert right["en"] >= 33 and right["fr"] >= 36, right
