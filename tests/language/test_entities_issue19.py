"""Issue 19's entities on phrasings of their own (not the held-out set): people lists, names, dates, titles."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from language import recognize
from language.people import find_people, strip_article
from language.recognizer import day_first, extract_entities
from language.typos import fix_typos

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 8, 10, 15, tzinfo=PARIS)  # a Tuesday, 10:15


def ent(text: str, intent: str, locale: str = "en-US"):  # type: ignore[no-untyped-def]
    return extract_entities(text, locale, intent, NOW, PARIS)


def at(d: int, h: int = 0, mi: int = 0, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, d, h, mi, tzinfo=PARIS)


@pytest.mark.parametrize(("text", "people"), [
    ("set up a meeting with Kim and Ravi on Thursday at 3pm", ("Kim", "Ravi")),
    ("meeting with Kim, Ravi, and Sam Taylor tomorrow", ("Kim", "Ravi", "Sam Taylor")),
    ("book time with kim@contoso.com, ravi@contoso.com and Sam on Friday", ("kim@contoso.com", "ravi@contoso.com", "Sam")),
    ("réunion avec Paul Martin, Marie Curie et jean@contoso.com lundi à 10h", ("Paul Martin", "Marie Curie", "jean@contoso.com")),
    ("organise une réunion avec Inès et Zoé demain", ("Inès", "Zoé")),
    ("who is Rosa van der Berg", ("Rosa van der Berg",)),
    ("find Anne Le Du", ("Anne Le Du",)),
    ("email of 王伟(Wei Wang)", ("王伟(Wei Wang)",)),
    ("look up Ольга Петрова", ("Ольга Петрова",)),
    ("quel est le mail de François d'Argent", ("François d'Argent",)),
    ("les messages d'Émilie Roy", ("Émilie Roy",)),
    ("meet with Conan O'Neill on Monday and Tuesday", ("Conan O'Neill",)),
])
def test_people_lists_and_names(text: str, people: tuple[str, ...]) -> None:
    assert find_people(text) == people


def test_a_contact_named_with_an_address_is_one_person_and_no_address() -> None:
    e = ent("add a contact named Ivy Lark with email ivy.lark@example.com", "contacts.add")
    assert e.people == ("Ivy Lark",)
    assert find_people("add a contact named Ivy Lark with email ivy@x.org", "contacts.add") == ("Ivy Lark",)


@pytest.mark.parametrize(("text", "locale", "people", "title"), [
    ("book a meeting called Retro tomorrow at 3pm", "en-US", (), "Retro"),
    ("book a meeting named Budget sync with Megan tomorrow at 10am", "en-US", ("Megan",), "Budget sync"),
    ("réserve une réunion appelée Rétro demain à 15h", "fr-FR", (), "Rétro"),
])
def test_a_meeting_called_something_is_a_title_not_a_person(text: str, locale: str, people: tuple[str, ...],
                                                            title: str) -> None:
    e = ent(text, "calendar.create", locale)
    assert e.people == people and e.title == title
    assert find_people("find the contact called Megan Bowen", "contacts.find") == ("Megan Bowen",)


@pytest.mark.parametrize(("text", "locale", "importance", "title"), [
    ("add a task sweep the porch, not that important", "en-US", "low", "sweep the porch"),
    ("add task call the garage - not urgent", "en-US", "low", "call the garage"),
    ("add high priority task pay the fine", "en-US", "high", "pay the fine"),
    ("add a task pay the fine, urgent", "en-US", "high", "pay the fine"),
    ("ajoute une tâche peu importante trier les papiers", "fr-FR", "low", "trier les papiers"),
    ("ajoute une tâche de faible importance trier les papiers", "fr-FR", "low", "trier les papiers"),
    ("ajoute une tâche appeler Paul, c'est urgent", "fr-FR", "high", "appeler Paul"),
    ("ajoute une tâche relancer le fournisseur, pas très urgent", "fr-FR", "low", "relancer le fournisseur"),
])
def test_importance_and_negations(text: str, locale: str, importance: str, title: str) -> None:
    e = ent(text, "todo.add", locale)
    assert (e.importance, e.title) == (importance, title)


@pytest.mark.parametrize(("text", "locale", "title", "start"), [
    ("remind me to feed the cat in 3 hours", "en-US", "feed the cat", NOW + timedelta(hours=3)),
    ("remind me tomorrow at 8am to walk the dog", "en-US", "walk the dog", at(9, 8)),
    ("rappelle-moi demain à 8h de sortir le chien", "fr-FR", "sortir le chien", at(9, 8)),
    ("rappelle-moi de payer la cantine dans une heure", "fr-FR", "payer la cantine", NOW + timedelta(hours=1)),
    ("ajoute relancer le fournisseur d'ici vendredi", "fr-FR", "relancer le fournisseur", at(11)),
    ("ajoute envoyer les vœux pour le 24/12", "fr-FR", "envoyer les vœux", at(24)),
    ("add file taxes due end of the month", "en-US", "file taxes", at(31)),
    ("ajoute faire le bilan à la fin du mois", "fr-FR", "faire le bilan", at(31)),
    ("add a task send the cards by December 21", "en-US", "send the cards", at(21)),
])
def test_titles_lose_the_words_that_became_dates(text: str, locale: str, title: str, start: datetime) -> None:
    e = ent(text, "todo.add", locale)
    assert (e.title, e.start) == (title, start)


def test_planner_titles_lose_the_plan_and_assignees() -> None:
    e = ent("ajoute une tâche Planner relire le plan pour Paul et Marie", "planner.add", "fr-FR")
    assert (e.title, e.people, e.plan_name) == ("relire le plan", ("Paul", "Marie"), None)


@pytest.mark.parametrize(("text", "locale", "start", "new_start"), [
    ("move my 11am on Thursday to 1pm", "en-US", at(10, 11), at(10, 13)),
    ("push my 4:30pm tomorrow to 5pm", "en-US", at(9, 16, 30), at(9, 17)),
    ("décale ma réunion de jeudi 10h à 11h30", "fr-FR", at(10, 10), at(10, 11, 30)),
    ("move my 3pm on Friday to Monday", "en-US", at(11, 15), at(14, 15)),
])
def test_a_reschedule_naming_only_a_time_keeps_the_day(text: str, locale: str, start: datetime,
                                                       new_start: datetime) -> None:
    e = ent(text, "calendar.update", locale)
    assert (e.start, e.new_start) == (start, new_start)


@pytest.mark.parametrize(("text", "locale", "day"), [
    ("agenda for 3/1", "en-US", at(1, month=3, year=2027)),
    ("agenda for 3/1", "en-GB", at(3, month=1, year=2027)),
    ("agenda for 3/1", "en-AU", at(3, month=1, year=2027)),
    ("mon agenda du 3/1", "fr-FR", at(3, month=1, year=2027)),
    ("mon agenda du 3/1", "fr-CA", at(3, month=1, year=2027)),
    ("what's on 2027-01-05", "en-US", at(5, month=1, year=2027)),
    ("what's on 12/20", "en", at(20)),
])
def test_numeric_dates_follow_the_locale(text: str, locale: str, day: datetime) -> None:
    assert ent(text, "calendar.agenda", locale).start == day


def test_day_first_by_region() -> None:
    assert [day_first(x, x[:2]) for x in ("en-US", "en", "en-GB", "en_IE", "fr-FR", "fr-CA")] == \
        [False, False, True, True, True, True]


@pytest.mark.parametrize(("text", "locale", "start"), [
    ("what do I have tmrw", "en-US", at(9)),
    ("meetings tomorow", "en-US", at(9)),
    ("my calender for 2day", "en-US", at(8)),
    ("mes réunions demian", "fr-FR", at(9)),
    ("what's on tonight", "en-US", at(8, 20)),
    ("qu'est-ce que j'ai ce soir", "fr-FR", at(8, 20)),
    ("book it for the day after tomorrow at noon", "en-US", at(10, 12)),
    ("réunion après-demain à midi", "fr-FR", at(10, 12)),
])
def test_typos_and_relative_days(text: str, locale: str, start: datetime) -> None:
    assert ent(text, "calendar.agenda", locale).start == start


def test_typos_keep_the_rest_of_the_text() -> None:
    assert fix_typos("Lunch TMRW with Demian") == "Lunch tomorrow with Demian"  # a capitalised Demian is a name
    assert fix_typos("whats on my calender") == "whats on my calendar"


@pytest.mark.parametrize(("text", "locale", "intent"), [
    ("book a meeting about pricing yesterday at 3pm", "en-US", "calendar.create"),
    ("book a meeting today at 9am", "en-US", "calendar.create"),
    ("rappelle-moi de rappeler Paul hier", "fr-FR", "todo.add"),
])
def test_a_new_item_in_the_past_is_flagged(text: str, locale: str, intent: str) -> None:
    e = ent(text, intent, locale)
    assert "past" in e.ambiguities
    assert e.title is None or "yesterday" not in e.title


def test_a_new_item_later_today_is_not_flagged() -> None:
    assert "past" not in ent("book a meeting today at 4pm", "calendar.create").ambiguities
    assert "past" not in ent("remind me to call Ana at 9am", "todo.add").ambiguities  # the next 9am: tomorrow


@pytest.mark.parametrize(("text", "locale", "duration"), [
    ("book a 20 minute call with Ana tomorrow at 2pm", "en-US", 20),
    ("a two hour meeting with Ana on Friday", "en-US", 120),
    ("planifie un point de 15 minutes avec Paul demain à 9h", "fr-FR", 15),
    ("un appel d'une heure avec Paul vendredi", "fr-FR", 60),
])
def test_durations_said_with_the_meeting(text: str, locale: str, duration: int) -> None:
    assert ent(text, "calendar.create", locale).duration == timedelta(minutes=duration)


@pytest.mark.parametrize(("text", "locale", "query", "people"), [
    ("find emails about the annual review", "en-US", "annual review", ()),
    ("search my inbox for the lease", "en-US", "lease", ()),
    ("cherche les messages au sujet des congés", "fr-FR", "congés", ()),
    ("trouve les mails d'Émilie sur le budget", "fr-FR", "budget", ("Émilie",)),
    ("mails from Ravi about the launch", "en-US", "launch", ("Ravi",)),
])
def test_search_terms_and_senders(text: str, locale: str, query: str, people: tuple[str, ...]) -> None:
    e = ent(text, "mail.search", locale)
    assert (e.query, e.people) == (query, people)


def test_strip_article() -> None:
    assert [strip_article(x) for x in ("the invoice", "les congés", "l'audit", "the")] == ["invoice", "congés", "audit", "the"]


def test_recognize_reads_the_region_of_the_locale() -> None:
    us = recognize("what's on 10/12?", "en-US", NOW, PARIS).entities.start
    gb = recognize("what's on 10/12?", "en-GB", NOW, PARIS).entities.start
    assert gb == at(10) and us == at(12, month=10, year=2027)
