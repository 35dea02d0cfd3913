"""The mailbox intents (issue 22), read by rules only (language/mailbox.py, `_RULE_ONLY`): the sentences the rules
were written and fixed from must be read right, sentences that must not become mailbox intents, and the test set's
20 per intent and locale (language/data/testsets/mipa-test.jsonl, never trained or tuned on) measured with a floor."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from language import INTENTS, WRITE_INTENTS, recognize
from language.intents import _RULE_ONLY

DATA = Path(__file__).resolve().parent / "data"
TESTSET = Path(__file__).resolve().parents[2] / "language" / "data" / "testsets" / "mipa-test.jsonl"
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
#: Measured on 2026-12-06 (see test_test_set_figure).
FLOOR = {"en": 66, "fr": 69}
MAILBOX = ("mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings", "mailbox.settings.update")


def _rows(name: str | Path) -> list[dict[str, str]]:
    path = name if isinstance(name, Path) else DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_catalog_has_the_mailbox_intents_and_their_writes() -> None:
    assert set(MAILBOX) <= set(INTENTS)
    assert {"mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings.update"} <= WRITE_INTENTS
    assert "mailbox.settings" not in WRITE_INTENTS
    assert {"mailbox.autoreply.set", "mailbox.settings"} <= _RULE_ONLY  # never guessed by the scorer


def test_at_least_twenty_test_sentences_per_intent_and_locale() -> None:
    counts = Counter((row["locale"], row["intent"]) for row in _rows(TESTSET))
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


def test_test_set_figure() -> None:
    """The 160 test sentences: half written after the rules (en 34/40, fr 36/40 when first measured, en 33/40
    after the "I work" fix made for files sentences), half written later and measured once: en 66/80, fr 69/80.
    Never tuned on (a retrained model with mailbox sentences was tried and dropped, see the issue note)."""
    rows = [row for row in _rows(TESTSET) if row["intent"] in MAILBOX]
    right, total = Counter(), Counter()
    for row in rows:
        total[row["locale"]] += 1
        right[row["locale"]] += recognize(row["text"], row["locale"], NOW, "Europe/Paris").intent == row["intent"]
    assert total == {"en": 80, "fr": 80}
    assert right["en"] >= FLOOR["en"] and right["fr"] >= FLOOR["fr"], right
