"""MIPA's own English and French utterances for the intents the corpus lacks, with entities checked."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from language import recognize
from language.text import fold

DATA = Path(__file__).parent / "data" / "extra_utterances.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
REQUIRED = [
    "planner.list", "planner.add", "planner.complete", "planner.plans", "mail.flagged", "mail.to_task",
    "contacts.find", "contacts.add", "files.recent", "files.shared", "lists.items", "lists.add",
    "digest.today", "general.greeting",
]


def test_at_least_twenty_utterances_per_intent_and_locale() -> None:
    counts = Counter((row["locale"], row["intent"]) for row in ROWS)
    for intent in REQUIRED:
        for lang in ("en", "fr"):
            assert counts[(lang, intent)] >= 20, (lang, intent)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_intent_accuracy_per_locale(lang: str) -> None:
    rows = [r for r in ROWS if r["locale"] == lang]
    wrong = [(r["text"], r["intent"], recognize(r["text"], lang).intent) for r in rows]
    wrong = [w for w in wrong if w[1] != w[2]]
    assert len(wrong) / len(rows) <= 0.02, wrong


@pytest.mark.parametrize("intent", REQUIRED)
def test_each_intent_is_mostly_right(intent: str) -> None:
    rows = [r for r in ROWS if r["intent"] == intent]
    ok = sum(recognize(r["text"], r["locale"]).intent == intent for r in rows)
    assert ok / len(rows) >= 0.95, (intent, ok, len(rows))


def test_entities_match_the_labels() -> None:
    checked = 0
    failures = []
    for row in ROWS:
        if not row["entities"]:
            continue
        ent = recognize(row["text"], row["locale"]).entities
        for key, want in row["entities"].items():
            got = getattr(ent, key)
            if key == "people":
                ok = all(any(fold(w) == fold(g) for g in got) for w in want)
            elif isinstance(want, str):
                ok = got is not None and fold(got) == fold(want)
            else:
                ok = got == want
            checked += 1
            if not ok:
                failures.append((row["text"], key, want, got))
    assert checked >= 80
    assert len(failures) <= checked * 0.05, failures


def test_locale_detection_on_the_extra_utterances() -> None:
    rows = [r for r in ROWS if len(r["text"].split()) >= 4]
    right = sum(recognize(r["text"]).locale == r["locale"] for r in rows)
    assert right / len(rows) >= 0.95
