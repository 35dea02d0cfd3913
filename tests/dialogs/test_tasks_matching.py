"""Unit tests of the task dialogs' pure helpers: word matching, title cleaning, flag operations, due days."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs.tasks.flagged import find_messages, said_day, sent_by
from dialogs.tasks.matching import best_matches, clean_title, flag_operation, match_names, mentioned, words
from dialogs.tasks.todo import resolve_lists
from graph import Message, TodoList
from language import Entities

PARIS = ZoneInfo("Europe/Paris")


def _message(subject: str, sender: str, email: str) -> Message:
    return Message(id=subject, subject=subject, sender_name=sender, sender_email=email, received=None)


def test_words_fold_accents_case_and_drop_command_words() -> None:
    assert words("Marque l'indicateur du Mail d'Élise comme TERMINÉ") == ["elise"]
    assert words("add a task") == []
    assert words("add a task", keep_stop=True) == ["add", "a", "task"]


def test_best_matches_prefers_the_whole_title_and_returns_ties() -> None:
    titles = ["Send the meeting notes", "Send the invoice", "Book the room"]
    assert best_matches("mark the task send the meeting notes as done", titles, str) == ["Send the meeting notes"]
    assert best_matches("complete send the notes", ["Send the invoice", "Send the notes"], str) == ["Send the notes"]
    assert best_matches("complete send", ["Send the invoice", "Send notes"], str) == ["Send the invoice", "Send notes"]
    assert best_matches("complete the task", titles, str) == []
    assert best_matches("termine réserver la salle", ["Réserver la salle", "Lait"], str) == ["Réserver la salle"]


def test_match_names_exact_first_then_every_word() -> None:
    names = ["Groceries", "Groceries office", "Work"]
    assert match_names("groceries", names, str) == ["Groceries"]
    assert match_names("office groceries", names, str) == ["Groceries office"]
    assert match_names("home", names, str) == []


def test_mentioned_needs_the_whole_name_and_the_marker() -> None:
    plans = ["Salon de Lyon", "Campaign launch"]
    assert mentioned("ajoute X au plan Salon de Lyon pour Liam", plans, str) == ["Salon de Lyon"]
    assert mentioned("ajoute X au salon", plans, str) == []
    buckets = ["To do", "In progress", "Done"]
    markers = ("bucket", "compartiment")
    assert mentioned("add X to the plan in the In progress bucket", buckets, str, markers=markers) == ["In progress"]
    assert mentioned("add things to do to the plan", buckets, str, markers=markers) == []


def test_clean_title_removes_plan_bucket_and_assignee_phrases() -> None:
    title = "préparer le stand au plan Salon de Lyon, compartiment En cours, pour Liam"
    assert clean_title(title, plan="Salon de Lyon", bucket="En cours", people=["Liam"]) == "préparer le stand"
    assert clean_title("review budget for Megan", people=["Megan"]) == "review budget"
    assert clean_title("stand for Megan", people=["Megan"]) == "stand"  # no match inside a word
    assert clean_title("Megan", people=["Megan"]) == "Megan"  # never empties a title


def test_flag_operation() -> None:
    assert flag_operation("flag the email from Lucie") == "flag"
    assert flag_operation("mark the flag on the email from Élise as done") == "complete"
    assert flag_operation("marque l'indicateur comme terminé") == "complete"
    assert flag_operation("clear the flag on the email from Élise") == "clear"
    assert flag_operation("retire l'indicateur du mail de Lucie") == "clear"


def test_messages_by_sender_and_subject() -> None:
    pool = [_message("Quick question", "Megan Bowen", "meganb@contoso.com"),
            _message("Team news", "Megan Bowen", "meganb@contoso.com"),
            _message("Team news (13)", "Élise Tremblay", "elisem@contoso.com")]
    assert sent_by(pool[2], "Elise") and not sent_by(pool[0], "Elise") and sent_by(pool[0], "meganb")
    found, matched = find_messages(pool, "flag the email from Megan about the quick question", ["Megan"])
    assert [m.subject for m in found] == ["Quick question"] and matched
    found, matched = find_messages(pool, "flag the email from Megan", ["Megan"])
    assert len(found) == 2 and not matched  # ask which
    found, matched = find_messages(pool, "flag the email from Élise", ["Élise"])
    assert [m.subject for m in found] == ["Team news (13)"] and matched


def test_said_day_ignores_month_long_spans() -> None:
    friday = datetime(2026, 12, 4, tzinfo=PARIS)
    assert said_day(Entities(start=friday, end=friday + timedelta(days=1), all_day=True), "Europe/Paris") == friday.date()
    july = datetime(2027, 7, 1, tzinfo=PARIS)
    assert said_day(Entities(start=july, end=datetime(2027, 8, 1, tzinfo=PARIS)), "Europe/Paris") is None
    assert said_day(Entities(), "UTC") is None


def test_resolve_lists_default_for_my_tasks() -> None:
    lists = [TodoList(id="f", name="Flagged email", wellknown="flaggedEmails"),
             TodoList(id="d", name="Tasks", is_default=True, wellknown="defaultList"),
             TodoList(id="g", name="Groceries")]
    assert [li.id for li in resolve_lists(None, lists)] == ["d"]
    assert [li.id for li in resolve_lists("my tasks", lists)] == ["d"]
    assert [li.id for li in resolve_lists("mes tâches", lists)] == ["d"]
    assert [li.id for li in resolve_lists("groceries", lists)] == ["g"]
    assert resolve_lists("flagged email", lists) == []
