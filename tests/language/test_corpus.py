"""Intent accuracy only on data the model did not train on: k-fold on the development corpus, MIPA's independent
test set, and the out-of-scope set (declined, never a write, never a sign-out or a cancel).

The floors are the figures measured when this file was written (issue 18), so that a change that makes the
recognizer worse fails here; `python -m language.evaluate` prints the current figures. Issue 18's targets
(96 % k-fold, 95 % on the test set, 90 % declined) are higher than some of these floors: see language/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from language import INTENTS
from language.evaluate import (
    OOS_FILE,
    TEST_FILE,
    CrossValidation,
    OutOfScope,
    Report,
    cross_validation,
    evaluate_rows,
    load_rows,
    out_of_scope,
)
from language.train import TESTSETS, TRAINING_FILES, TrainingOnTestSetError, load_examples

REPO = Path(__file__).resolve().parents[2]

# (k-fold in-scope accuracy, test-set accuracy, out-of-scope declined) floors per locale. The English test-set
# floor went from 0.91 to 0.89 when issue 22 added 80 mailbox sentences per locale, read by rules only at 66/80:
# the 330 sentences before them are read as before (301/330), the set grew (367/410 = 0.895). On 2026-12-06 (450 test
# sentences per locale with the alerts): k-fold 0.913 / 0.902, test 0.902 / 0.891, declined 0.904 / 0.904.
# English, session 3 (2026-12-06): k-fold 0.964 (LUIS templates left out, corpus_labels), test 0.911, declined 0.918.
# French, session 3 (lang-fr): k-fold 0.902 -> 0.955 (1133/1186), test 406-409/450, declined 0.938 (196/209).
# French, session 4 (lang-fr, tuned on a validation set): k-fold 0.960 (1139/1186), test 0.949 (427/450), declined 0.952
# (199/209): floors a point below.
# French, session 5 (lang-fr, tuned on a second validation set): k-fold 0.964 (1143/1186), test 0.956 (430/450), declined
# 0.952 (199/209): floors a point below.
# English, session 4 (lang-en, tuned on a validation set): k-fold 0.962 (1200/1247), test 0.942 (424/450), declined
# 0.942 (196/208): floors a point below.
# English, session 5 (lang-en, tuned on a second validation set; the summary run twice): k-fold 0.966 (1205/1247), test
# 0.953 (429/450), declined 0.976 (203/208): k-fold and declined floors at what was reached, the test set's a point below.
# Issue 18's targets met in both locales on main 8afd469 (the lead's summary run, 2026-12-06 12:53 UTC): k-fold 0.966 /
# 0.964, test 0.953 / 0.956, declined 0.976 / 0.952. The k-fold and test-set floors are now the targets (96 %, 95 %),
# so a change that takes a locale below a target fails here; the declined floors stay at what was reached (target 90 %).
FLOORS = {"en": (0.966, 0.95, 0.975), "fr": (0.96, 0.95, 0.95)}
OOS_CATEGORIES = {"weather", "music", "travel", "shopping", "jokes", "sport", "arithmetic", "other_apps", "mashing",
                  "single_words", "emoji", "rudeness"}


@pytest.fixture(scope="module")
def folds() -> dict[str, CrossValidation]:
    return {lang: cross_validation(lang) for lang in ("en", "fr")}


@pytest.fixture(scope="module")
def test_report() -> Report:
    return evaluate_rows(load_rows(TEST_FILE))


@pytest.fixture(scope="module")
def oos() -> dict[str, OutOfScope]:
    rows = load_rows(OOS_FILE)
    return {lang: out_of_scope(rows, lang) for lang in ("en", "fr")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_k_fold_accuracy_on_the_development_corpus(folds: dict[str, CrossValidation], lang: str) -> None:
    cv = folds[lang]
    assert cv.in_scope > 1000 and cv.out_of_scope > 500
    assert cv.accuracy >= FLOORS[lang][0], cv
    assert cv.out_of_scope_declined / cv.out_of_scope >= 0.95, cv


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_accuracy_on_the_independent_test_set(test_report: Report, lang: str) -> None:
    assert test_report.total[lang] >= 300
    assert test_report.accuracy(lang) >= FLOORS[lang][1], test_report.confusions.most_common(20)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_out_of_scope_is_declined_never_a_write_nor_a_session_command(oos: dict[str, OutOfScope], lang: str) -> None:
    got = oos[lang]
    assert got.total >= 200
    assert got.writes == 0
    assert got.session == 0
    assert got.declined_rate >= FLOORS[lang][2], got.answered


def test_the_test_sets_cover_the_catalog_and_the_out_of_scope_kinds() -> None:
    rows = load_rows(TEST_FILE)
    for lang in ("en", "fr"):
        per_intent = Counter(r["intent"] for r in rows if r["locale"] == lang)
        assert sum(per_intent.values()) >= 300
        missing = [i for i in INTENTS if i != "none" and per_intent[i] < 8]
        assert not missing, missing
        kinds = Counter(r["category"] for r in load_rows(OOS_FILE) if r["locale"] == lang)
        assert sum(kinds.values()) >= 200
        assert OOS_CATEGORIES <= kinds.keys()


def test_training_never_reads_a_test_set(tmp_path: Path) -> None:
    assert all(not path.resolve().is_relative_to(TESTSETS) for path in TRAINING_FILES)
    with pytest.raises(TrainingOnTestSetError):
        load_examples([TEST_FILE])
    trained = {text.casefold() for path in TRAINING_FILES for pairs in load_examples([path]).values()
               for text, _ in pairs}
    tested = {str(r["text"]).casefold() for path in (TEST_FILE, OOS_FILE) for r in load_rows(path)}
    assert not trained & tested


VALIDATION_FILE = REPO / "language" / "data" / "validation" / "mipa-validation-en.jsonl"
# The English validation set (a tuning set written in session 4 before the tuning, language/data/validation/README.md):
# in-scope accuracy, out-of-scope declined. Tuned figures, held so that a change does not undo the tuning.
VALIDATION_FLOORS = {"en": (0.97, 0.93)}
VALIDATION2_FILE = REPO / "language" / "data" / "validation" / "mipa-validation2-en.jsonl"
# The second English validation set, written in session 5 before that session's tuning (language/data/validation/README.md):
# 0.830 (318/383) in scope and 0.798 (99/124) declined with 8 writes and 1 sign-out before; tuned on since, so these
# floors (a point below the session's end figures, 0.974 (373/383) and 0.976 (121/124) with 0 writes and 0 sign-outs)
# hold the tuning, they do not measure accuracy.
VALIDATION2_FLOORS = {"en": (0.964, 0.966)}


def test_training_never_holds_a_validation_sentence() -> None:
    trained = {text.casefold() for path in TRAINING_FILES for pairs in load_examples([path]).values()
               for text, _ in pairs}
    validated = {str(r["text"]).casefold() for r in load_rows(VALIDATION_FILE)}
    assert len(validated) >= 550
    assert not trained & validated
    second = {str(r["text"]).casefold() for r in load_rows(VALIDATION2_FILE)}
    assert len(second) >= 400
    assert not trained & second


@pytest.mark.parametrize(("path", "floors", "in_scope", "outside"), [
    (VALIDATION_FILE, VALIDATION_FLOORS["en"], 400, 150),
    (VALIDATION2_FILE, VALIDATION2_FLOORS["en"], 300, 100),
], ids=["first", "second"])
def test_an_english_validation_set_is_read_as_tuned(
        path: Path, floors: tuple[float, float], in_scope: int, outside: int) -> None:
    rows = [r for r in load_rows(path) if r["locale"] == "en"]
    report = evaluate_rows(rows)
    assert report.total["en"] >= in_scope
    assert report.accuracy("en") >= floors[0], report.misses
    got = out_of_scope([r for r in rows if r["intent"] is None], "en")
    assert got.total >= outside
    assert got.writes == 0 and got.session == 0
    assert got.declined_rate >= floors[1], got.answered
    assert not [i for i in INTENTS if i != "none" and i not in {r["intent"] for r in rows}]


def test_the_misses_of_a_test_set_are_never_printed() -> None:
    from language.evaluate import MissesOfATestSetError, main

    with pytest.raises(MissesOfATestSetError):
        main([str(TEST_FILE), "--show-misses"])


def test_evaluate_prints_the_held_out_figures() -> None:
    out = subprocess.run([sys.executable, "-m", "language.evaluate", "--folds", "2"], cwd=REPO, capture_output=True,
                         text=True, check=True, timeout=300).stdout
    for lang in ("en", "fr"):
        assert f"[{lang}] development corpus, 2-fold: in-scope accuracy 0." in out
        assert f"[{lang}] independent test set: accuracy 0." in out
        assert f"[{lang}] out-of-scope set: declined 0." in out and "writes 0; sign-outs or cancels 0" in out


def test_the_shipped_model_is_trained_on_the_training_files_only() -> None:
    """Retraining from `TRAINING_FILES` gives the shipped table (nobody trained it on something else)."""
    from language.intents import load_model
    from language.train import train

    shipped = load_model()
    for lang, pairs in load_examples(TRAINING_FILES).items():
        assert json.loads(json.dumps(train(pairs, lang=lang))) == shipped[lang]
