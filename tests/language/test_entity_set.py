"""The held-out entity set: exact-match entity accuracy of at least 95 % in each of en-US, en-GB, fr-FR and fr-CA."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from language.entity_eval import evaluate_entities, load_rows

SET = Path(__file__).parent / "data" / "entity_set.jsonl"
LOCALES = ("en-US", "en-GB", "fr-FR", "fr-CA")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return load_rows(SET)


def test_the_set_has_150_utterances_per_locale_at_a_pinned_now(rows: list[dict[str, object]]) -> None:
    per_locale = Counter(str(r["locale"]) for r in rows)
    assert all(per_locale[loc] >= 150 for loc in LOCALES), per_locale
    assert all(r["now"] and r["tz"] and r["expected"] is not None for r in rows)
    assert len({str(r["text"]) + str(r["locale"]) for r in rows}) == len(rows)  # no duplicate row


def test_exact_match_entity_accuracy_is_at_least_95_percent_per_locale(rows: list[dict[str, object]]) -> None:
    report = evaluate_entities(rows)
    figures = {loc: round(report.accuracy(loc), 3) for loc in LOCALES}
    assert all(figures[loc] >= 0.95 for loc in LOCALES), (figures, report.misses[:10])


def test_a_wrong_extraction_counts_as_a_miss() -> None:
    row = {"id": "x", "locale": "en-US", "tz": "UTC", "now": "2026-11-19T10:15:00+00:00", "intent": "calendar.create",
           "text": "book a meeting with Megan and Liam tomorrow at 9am",
           "expected": {"people": ["Megan"], "start": "2026-11-20T09:00:00+00:00"}}
    report = evaluate_entities([row])
    assert report.correct["en-US"] == 0 and report.total["en-US"] == 1
    assert report.misses[0][3] == {"people": ["Megan", "Liam"]}
    unexpected = dict(row, expected={"start": "2026-11-20T09:00:00+00:00"})  # an attendee nobody expected is wrong
    assert evaluate_entities([unexpected]).correct["en-US"] == 0
