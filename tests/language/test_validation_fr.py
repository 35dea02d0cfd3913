"""The French validation set (a tuning set, language/data/validation/README.md): its coverage, a floor on the tuned
figures, and that no validation sentence is ever trained on; plus the chat shorthand and French rules tuned on it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from language import INTENTS
from language.evaluate import evaluate_rows, load_rows, out_of_scope
from language.recognizer import recognize_intent
from language.text import fold, normalize_locale
from language.train import TRAINING_FILES, load_examples
from language.typos import read_shorthand

VALIDATION = Path(__file__).resolve().parents[2] / "language" / "data" / "validation"
FR_FILE = VALIDATION / "mipa-validation-fr.jsonl"
# Session 4 (2026-12-06): 0.807 (409/507) before tuning, 0.974 (494/507) after; out of scope declined 0.943 -> 0.968.
# Tuned figures (the rules were written from its misses): a floor against regressions, not a measure of accuracy.
FLOORS = {"in_scope": 0.96, "declined": 0.93}


def test_the_french_validation_set_covers_the_catalog_and_the_out_of_scope_kinds() -> None:
    rows = load_rows(FR_FILE)
    assert all(r["locale"] == "fr" for r in rows)
    per_intent = Counter(r["intent"] for r in rows if r["intent"] is not None)
    assert sum(per_intent.values()) >= 400
    assert not [i for i in INTENTS if i != "none" and per_intent[i] < 8]
    kinds = Counter(r["category"] for r in rows if r["intent"] is None)
    assert sum(kinds.values()) >= 150
    assert {"weather", "music", "travel", "shopping", "jokes", "sport", "arithmetic", "other_apps", "mashing",
            "single_words", "emoji", "rudeness"} <= kinds.keys()


def test_training_never_holds_a_validation_sentence() -> None:
    """No validation sentence is a training sentence of its locale's model (accents and case folded)."""
    trained = {(lang, fold(text)) for lang, pairs in load_examples(TRAINING_FILES).items() for text, _ in pairs}
    validation = {(normalize_locale(r["locale"]), fold(str(r["text"]))) for path in sorted(VALIDATION.glob("*.jsonl"))
                  for r in load_rows(path)}
    assert validation and not trained & validation


def test_the_french_validation_set_stays_above_its_tuned_floor() -> None:
    rows = load_rows(FR_FILE)
    report = evaluate_rows(rows)
    assert report.accuracy("fr") >= FLOORS["in_scope"], report.confusions.most_common(20)
    oos = out_of_scope([r for r in rows if r["intent"] is None], "fr")
    assert oos.total >= 150 and oos.writes == 0 and oos.session == 0
    assert oos.declined_rate >= FLOORS["declined"], oos.answered


@pytest.mark.parametrize(("typed", "read"), [
    ("bjr", "bonjour"), ("slt ca va", "salut ca va"), ("ouiii", "oui"), ("merciii bcp", "merci beaucoup"),
    ("la reu de 15h", "la reunion de 15h"), ("mes notifs", "mes notifications"), ("d'acc", "d'accord"),
    ("prends rdv la semaine pro", "prends rdv la semaine prochaine"), ("qu est ce que j ai demain", "qu'est-ce que j'ai demain"),
    ("flagge le mail de Tom", "flag le mail de tom"), ("mes mails flaggés", "mes mails flagged"),
    ("ooo jusqu'a lundi", "ooo jusqu'a lundi"), ("book room 14b in first flooor", "book room 14b in first flooor"),
    ("flagged emails please", "flagged emails please"), ("my to-do list", "my to-do list"),
])
def test_chat_shorthand_is_read_written_out_and_english_is_left_alone(typed: str, read: str) -> None:
    assert read_shorthand(fold(typed)) == read


@pytest.mark.parametrize(("text", "intent"), [
    ("a quoi tu sers ?", "general.help"), ("t'es qui toi", "general.help"), ("mille mercis", "general.thanks"),
    ("jamais de la vie", "general.reject"), ("c'est tout bon", "general.confirm"), ("retour arriere", "general.undo"),
    ("les autres ?", "general.more"), ("nouvelle task : rappeler le syndic", "todo.add"),
    ("done pour le rapport", "todo.complete"), ("dis non a l'invit du comite", "calendar.decline"),
    ("reponse provisoire pour la revue", "calendar.tentative"), ("c'est ou la reu avec Marc", "calendar.details"),
    ("Marc m'a ecrit ?", "mail.search"), ("marque le mail de Marc a suivre", "mail.flag"),
    ("quel est le poste de Marc", "contacts.find"), ("changer le titre de mon rendez-vous", "calendar.update"),
    ("mets le telephone en silencieux", "none"), ("ajoute des piles a mon panier amazon", "none"),
    ("envoie un mail a Sean sur le budget", "none"), ("previens Marc que la reunion est decalee a 10h", "none"),
    ("message aux collegues : le point est annule", "none"), ("previens moi 10 minutes avant mes reunions", "notify.reminders.on"),
])
def test_french_phrasings_read_by_rule(text: str, intent: str) -> None:
    assert recognize_intent(text, "fr") == intent
