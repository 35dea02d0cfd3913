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
# The second French set, written in session 5 before any tuning because the first was saturated: 0.776 (377/486) in
# scope, 0.908 declined with 8 writes before; tuned on since, so a floor a point below what it reached, not a measure.
FR_FILE_2 = VALIDATION / "mipa-validation2-fr.jsonl"
FLOORS_2 = {"in_scope": 0.97, "declined": 0.96}


_KINDS = {"weather", "music", "travel", "shopping", "jokes", "sport", "arithmetic", "other_apps", "mashing",
          "single_words", "emoji", "rudeness"}


@pytest.mark.parametrize(("path", "in_scope", "per_intent", "out_of_scope", "kinds"), [
    (FR_FILE, 400, 8, 150, _KINDS),
    (FR_FILE_2, 300, 7, 100, _KINDS | {"near_miss"}),
], ids=["first", "second"])
def test_a_french_validation_set_covers_the_catalog_and_the_out_of_scope_kinds(
        path: Path, in_scope: int, per_intent: int, out_of_scope: int, kinds: set[str]) -> None:
    rows = load_rows(path)
    assert all(r["locale"] == "fr" for r in rows)
    intents = Counter(r["intent"] for r in rows if r["intent"] is not None)
    assert sum(intents.values()) >= in_scope
    assert not [i for i in INTENTS if i != "none" and intents[i] < per_intent]
    found = Counter(r["category"] for r in rows if r["intent"] is None)
    assert sum(found.values()) >= out_of_scope
    assert kinds <= found.keys()


def test_training_never_holds_a_validation_sentence() -> None:
    """No sentence of either validation set is a training sentence of its locale's model (accents and case folded)."""
    trained = {(lang, fold(text)) for lang, pairs in load_examples(TRAINING_FILES).items() for text, _ in pairs}
    paths = sorted(VALIDATION.glob("*.jsonl"))
    assert FR_FILE in paths and FR_FILE_2 in paths
    validation = {(normalize_locale(r["locale"]), fold(str(r["text"]))) for path in paths for r in load_rows(path)}
    assert validation and not trained & validation


@pytest.mark.parametrize(("path", "floors", "outside"), [(FR_FILE, FLOORS, 150), (FR_FILE_2, FLOORS_2, 100)],
                         ids=["first", "second"])
def test_a_french_validation_set_stays_above_its_tuned_floor(path: Path, floors: dict[str, float], outside: int) -> None:
    rows = load_rows(path)
    report = evaluate_rows(rows)
    assert report.accuracy("fr") >= floors["in_scope"], report.confusions.most_common(20)
    oos = out_of_scope([r for r in rows if r["intent"] is None], "fr")
    assert oos.total >= outside and oos.writes == 0 and oos.session == 0
    assert oos.declined_rate >= floors["declined"], oos.answered


@pytest.mark.parametrize(("typed", "read"), [
    ("bjr", "bonjour"), ("slt ca va", "salut ca va"), ("ouiii", "oui"), ("merciii bcp", "merci beaucoup"),
    ("la reu de 15h", "la reunion de 15h"), ("mes notifs", "mes notifications"), ("d'acc", "d'accord"),
    ("prends rdv la semaine pro", "prends rdv la semaine prochaine"), ("qu est ce que j ai demain", "qu'est-ce que j'ai demain"),
    ("flagge le mail de Tom", "flag le mail de tom"), ("mes mails flaggés", "mes mails flagged"),
    ("g koi cet aprem", "j'ai quoi cet apres-midi"), ("c koi la salle pr la reu", "c'est quoi la salle pour la reunion"),
    ("jai des mails", "j'ai des mails"), ("cimer", "merci"), ("flagger le mail", "flag le mail"), ("plan c", "plan c"),
    ("ooo jusqu'a lundi", "ooo jusqu'a lundi"), ("book room 14b in first flooor", "book room 14b in first flooor"),
    ("flagged emails please", "flagged emails please"), ("my to-do list", "my to-do list"),
])
def test_chat_shorthand_is_read_written_out_and_english_is_left_alone(typed: str, read: str) -> None:
    assert read_shorthand(fold(typed)) == read


def test_slips_of_french_keywords_are_read_as_the_keyword_and_names_are_kept() -> None:
    from language.intents import known_words, load_model
    from language.typos import correct_words_fr

    known = known_words(load_model()["fr"])
    assert correct_words_fr("Marie a une reunoin, agnda de mardi", known) == "Marie a une reunion, agenda de mardi"
    assert correct_words_fr("Agnda et apeler", known) == "Agnda et appeler"  # a capital: a name, kept
    assert correct_words_fr("appelle Paul", known) == "appelle Paul"  # a keyword itself is no slip of "rappelle"


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
    # session 5, the second validation set's kinds of phrasing
    ("defais ce changement stp", "general.undo"), ("remets les choses comme avant", "general.undo"),
    ("pouvez-vous m'en montrer davantage", "general.more"), ("salut salut, t'es la ?", "general.greeting"),
    ("je prefere annuler", "general.cancel"), ("pas du tout ce que je demandais", "general.reject"),
    ("pourriez-vous me deconnecter de mon compte s'il vous plait ?", "general.signout"),
    ("non pour l'invitation de lundi", "calendar.decline"), ("reponds oui aux invitations du comite", "calendar.accept"),
    ("ecourte la revue de 15 minutes", "calendar.update"), ("invite Lea au point budget", "calendar.update"),
    ("deprogramme la visio de jeudi", "calendar.cancel"), ("bloque moi 30 min jeudi matin", "calendar.create"),
    ("est-ce que Nadia viendra au comite ?", "calendar.details"), ("a-t-on du temps pour un point lundi", "none"),
    ("ai-je un creneau mardi", "calendar.availability"), ("les reunions de lundi", "calendar.agenda"),
    ("tache pour lundi : rappeler le syndic", "todo.add"), ("la tache devis est terminee", "todo.complete"),
    ("ai-je recu des mails de tom ?", "mail.search"), ("qu'est-ce que Paul m'a envoye ?", "mail.search"),
    ("mes messages pas lus", "mail.list"), ("enregistre le numero 06 11 22 33 44 pour Lea", "contacts.add"),
    ("coupe les notifications avant les reunions", "notify.reminders.off"), ("un recap tous les matins", "notify.digest.on"),
    ("etat des rappels", "notify.settings"), ("pourriez-vous activer ma reponse automatique ?", "mailbox.autoreply.set"),
    # never a write: a question, a bare word, a booking with someone else, a reminder of something that is no task
    ("qu'est-ce qui est marque d'un indicateur", "mail.flagged"), ("quelles taches ai-je finies hier ?", "todo.list"),
    ("termine", "none"), ("fait !", "none"), ("fait-il beau demain", "none"), ("comment enlever une tache de vin", "none"),
    ("quelle est la couleur du drapeau italien", "none"), ("prends rendez-vous chez le garagiste lundi", "none"),
    ("trouve un bon restaurant pour ce soir", "none"), ("rappelle-moi pourquoi on fait ca", "none"),
    # a slip of a French keyword the scorer never saw (typos.correct_words_fr)
    ("mon agnda de jeudi", "calendar.agenda"), ("annule la reunoin de 15h", "calendar.cancel"),
    ("appelle Paul sur skype", "none"),
    # items of a SharePoint list ("élément", "entrée", "ligne"); a list named with a capital: asked (see below)
    ("nouvelle ligne dans la liste sharepoint Achats : 4 chaises", "lists.add"), ("ajoute du pain a la liste Courses", "todo.add"),
])
def test_french_phrasings_read_by_rule(text: str, intent: str) -> None:
    assert recognize_intent(text, "fr") == intent


@pytest.mark.parametrize(("text", "asked"), [
    ("ajoute un projecteur à la liste Matériel", ("lists.add", "todo.add")),
    ("qu'est-ce qu'il y a dans la liste Fournisseurs", ("lists.items", "todo.list")),
])
def test_a_french_list_named_with_a_capital_is_asked_about(text: str, asked: tuple[str, str]) -> None:
    from datetime import UTC, datetime

    from language import recognize

    got = recognize(text, "fr", datetime(2026, 1, 5, 9, 0, tzinfo=UTC), "Europe/Paris")
    assert (got.intent, got.alternatives) == (asked[0], asked)
