"""Titles said loosely (language/matching.py), the phrase that names an item (language/named.py) and close calls
a name caused (language/close_calls.py): English and French, accents, typos, number words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from language import recognize
from language.close_calls import settle
from language.matching import best, names_something, score, title_words
from language.named import clean_name, meeting_title, plan_in_sentence

WEEK = ["Daily stand-up", "Contoso project review", "Q3 budget check-in", "Team lunch", "1:1 with Camille",
        "Workshop 1", "Workshop 2", "Workshop 3", "Workshop 5", "Workshop 6", "Workshop 7", "Training day",
        "Call with the West Coast"]
SEMAINE = ["Point quotidien", "Revue du projet Contoso", "Budget Q3", "Déjeuner d'équipe", "Entretien individuel",
           "Atelier 1", "Atelier 2", "Atelier 3", "Atelier 5", "Atelier 6", "Atelier 7", "Formation",
           "Appel avec Seattle"]
NOW = datetime(2026, 12, 6, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))


def same(title: str) -> str:
    return title


@pytest.mark.parametrize(("said", "found"), [
    ("call with the west coast", ["Call with the West Coast"]),
    ("the west cost call", ["Call with the West Coast"]),  # a typo and another order
    ("budget", ["Q3 budget check-in"]),
    ("team lunch", ["Team lunch"]),
    ("Workshop 7", ["Workshop 7"]),
    ("workshop seven", ["Workshop 7"]),
    ("worshop 6", ["Workshop 6"]),
    ("l'atelier 7", ["Workshop 7"]),  # the same word in the other language
    ("workshop", ["Workshop 1", "Workshop 2", "Workshop 3", "Workshop 5", "Workshop 6", "Workshop 7"]),
    ("Workshop 9", []),  # a number said must be in the title
    ("board dinner", []),
])
def test_best_in_english(said: str, found: list[str]) -> None:
    assert best(said, WEEK, same) == found


@pytest.mark.parametrize(("said", "found"), [
    ("atelier 7", ["Atelier 7"]),
    ("l'atelier sept", ["Atelier 7"]),
    ("dejeuner d'equipe", ["Déjeuner d'équipe"]),  # no accents typed
    ("DÉJEUNER", ["Déjeuner d'équipe"]),
    ("appel avec Seattle", ["Appel avec Seattle"]),
    ("budget", ["Budget Q3"]),
    ("atelier 4", []),
])
def test_best_in_french(said: str, found: list[str]) -> None:
    assert best(said, SEMAINE, same) == found


def test_scores_order_closer_titles_first_and_stay_in_range() -> None:
    assert score("Salon de Lyon", "Salon de Lyon") == 1.0
    assert 0 < score("salon", "Salon de Lyon") < score("salon de lyon", "Salon de Lyon")
    assert score("supplier", "Follow up with the supplier") > 0
    assert score("fournisseur", "Relancer le fournisseur") > 0
    assert score("inventory", "Orders") == 0.0
    assert score("commandes", "Orders") > 0  # the list's French name
    assert score("Task 1", "Task 01") == 1.0
    assert score("", "Orders") == 0.0 and score("orders", "") == 0.0


def test_title_words_fold_and_read_numbers() -> None:
    assert title_words("L’Atelier SEPT") == ("workshop", "7")
    assert title_words("Déjeuner d'équipe") == ("lunch", "team")
    assert title_words("the second one") == ("second",)


@pytest.mark.parametrize("phrase", ["my next meeting", "it", "my 3pm", "tomorrow's meeting", "the second one",
                                    "ma réunion de 15h", "meeting with Megan", "", "la prochaine réunion", "the call",
                                    "l'appel"])
def test_phrases_that_name_nothing(phrase: str) -> None:
    assert not names_something(phrase, besides=["Megan"])


@pytest.mark.parametrize("phrase", ["Workshop 6", "budget", "l'atelier 7", "call with the west coast", "Q4"])
def test_phrases_that_name_something(phrase: str) -> None:
    assert names_something(phrase)


@pytest.mark.parametrize(("text", "intent", "title"), [
    ("when is the call with the west coast?", "calendar.details", "call with the west coast"),
    ("who is coming to the team lunch?", "calendar.details", "team lunch"),
    ("tell me about the Workshop 6 meeting", "calendar.details", "Workshop 6"),
    ("move budget to 6pm", "calendar.update", "budget"),
    ("move Workshop 7 to Friday", "calendar.update", "Workshop 7"),
    ("déplace l'atelier 7 à jeudi 10h", "calendar.update", "atelier 7"),
    ("qui vient au déjeuner d'équipe ?", "calendar.details", "déjeuner d'équipe"),
    ("cancel the budget meeting tomorrow because I'm ill", "calendar.cancel", "budget"),
    ("accept the Workshop 6 invite", "calendar.accept", "Workshop 6"),
    ("what's my next meeting?", "calendar.details", None),
    ("move my 3pm to 4pm", "calendar.update", None),
    ("move it to 5pm", "calendar.update", None),
    ("move my meeting with Megan to 3pm", "calendar.update", None),
    ("déplace ma réunion de 15h à 16h", "calendar.update", None),
    ("cancel my 3pm meeting", "calendar.cancel", None),
    ("join my next meeting", "calendar.join", None),
    ("move budget", "calendar.update", None),  # no new time: the dialog asks, and the rest may be a time
    ("tell me about the Workshop 6 meeting", "calendar.create", None),  # creating names a new meeting
])
def test_meeting_titles_in_sentences(text: str, intent: str, title: str | None) -> None:
    assert meeting_title(text, intent, ["Megan"]) == title


def test_recognized_entities_keep_titles_out_of_dates_and_counts() -> None:
    moved = recognize("déplace l'atelier 7 à jeudi 10h", "fr-FR", NOW, "Europe/Paris").entities
    assert moved.title == "atelier 7" and moved.new_start == moved.start
    assert moved.new_start is not None and (moved.new_start.weekday(), moved.new_start.hour) == (3, 10)
    details = recognize("tell me about the Workshop 6 meeting", "en-US", NOW, "Europe/Paris").entities
    assert details.title == "Workshop 6" and details.count is None and details.start is None
    task = recognize("mark the supplier task as done", "en-US", NOW, "Europe/Paris").entities
    assert task.title == "supplier"


def test_names_cleaned_and_plans_found() -> None:
    assert clean_name("the Workshop 6 meeting tomorrow at 3pm") == "Workshop 6"
    assert clean_name("la tâche fournisseur") == "fournisseur"
    assert clean_name("the planner task moon landing") == "moon landing"
    assert clean_name("la tâche Planner brochures") == "brochures"
    assert plan_in_sentence("what's left on the Salon de Lyon plan?") == "Salon de Lyon"
    assert plan_in_sentence("show my tasks on the plan") is None


def test_a_close_call_a_name_caused_is_settled_and_a_real_one_is_not() -> None:
    text = "what's left on the Salon de Lyon plan?"
    close = recognize(text, "en-US", NOW, "Europe/Paris")
    settled = settle(close, text, now=NOW, tz="Europe/Paris")
    assert settled.intent == "planner.list" and settled.alternatives == ()
    assert settled.entities.plan_name == "Salon de Lyon" and not settled.entities.people  # Lyon is no person
    real = recognize("show the Orders list", "en-US", NOW, "Europe/Paris")  # a To Do or a SharePoint list
    assert set(real.alternatives) == {"lists.items", "todo.list"}
    assert settle(real, "show the Orders list", now=NOW, tz="Europe/Paris") == real


def test_day_and_order_words_in_a_title_said_do_not_count_against_it() -> None:
    assert best("next workshop", WEEK, same) == best("workshop", WEEK, same)
    assert best("today's team lunch", WEEK, same) == ["Team lunch"]
    assert best("Workshop 7 at 2pm", WEEK, same) == ["Workshop 7"]


def test_a_kind_of_meeting_with_a_name_may_be_a_title() -> None:
    assert meeting_title("quand est l'appel avec Seattle ?", "calendar.details", ["Seattle"]) == "appel avec Seattle"
    assert meeting_title("join the call", "calendar.join", []) is None
    assert meeting_title("tell me about the meeting with Megan", "calendar.details", ["Megan"]) is None
