"""Intent accuracy on the shared en/fr development corpus, and out-of-scope utterances never becoming writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from language.evaluate import Report, evaluate_rows

CORPUS = Path(__file__).resolve().parents[2] / "language" / "data" / "corpus" / "va-utterances-dev.jsonl"


@pytest.fixture(scope="module")
def report() -> Report:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) > 3000
    return evaluate_rows(rows)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_in_scope_accuracy_is_at_least_95_percent(report: Report, lang: str) -> None:
    assert report.total[lang] > 1000
    assert report.accuracy(lang) >= 0.95, report.confusions.most_common(15)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_out_of_scope_rarely_becomes_a_write(report: Report, lang: str) -> None:
    assert report.oos_total[lang] > 500
    assert report.oos_write_rate(lang) <= 0.01


def test_every_corpus_intent_is_mostly_recognised(report: Report) -> None:
    weak = {key: ok / n for key, (ok, n) in report.per_intent.items() if n >= 10 and ok / n < 0.85}
    assert not weak, weak
