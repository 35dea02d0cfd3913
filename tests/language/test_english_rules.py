"""English wordings read by rule (issue 18, session 3): short replies, requests whose wording says the intent, close
calls asked by rule, and the guard that declines a calendar guess made on a bare question word. New sentences, not
the development corpus's nor the test sets'."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from language import recognize
from language.corpus_labels import is_template, mipa_label

NOW = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "intent"), [
    ("ya", "general.confirm"),
    ("great!", "general.confirm"),
    ("oh yes please", "general.confirm"),
    ("thanks, yes", "general.confirm"),
    ("canceled", "general.cancel"),
    ("please do nothing", "general.cancel"),
    ("reject it", "general.reject"),
    ("i'm busy then", "general.reject"),
    ("i'm not available on friday afternoon", "general.reject"),
    ("it's the wrong meeting", "general.reject"),
    ("i dont understand", "general.help"),
    ("take the eggs off my shopping list", "todo.delete"),
    ("did i get any emails from priya", "mail.search"),
    ("find the email about the audit", "mail.search"),
    ("check my inbox please", "mail.list"),
    ("new calendar entry for monday", "calendar.create"),
    ("can you book a meeting in the blue room tomorrow at 10", "calendar.create"),
    ("what's on next friday?", "calendar.agenda"),
    ("i want to check my grocery list", "todo.list"),
    ("where will it be held?", "calendar.details"),
    ("when does priya have time this week", "calendar.availability"),
    ("mark it as flagged", "mail.flag"),
    ("my tasks for tomorrow", "todo.list"),
    ("tick off pay the rent", "todo.complete"),
    ("say no to the vendor call invite", "calendar.decline"),
    ("yes to the roadmap invitation", "calendar.accept"),
    ("make the standup 15 minutes long", "calendar.update"),
    ("any meetings this afternoon?", "calendar.agenda"),
])
def test_english_wordings_read_by_rule(text: str, intent: str) -> None:
    assert recognize(text, "en-US", NOW, "UTC").intent == intent


@pytest.mark.parametrize(("text", "pair"), [
    ("show the Suppliers list", ("lists.items", "todo.list")),
    ("my tasks and meetings tomorrow", ("todo.list", "calendar.agenda")),
])
def test_two_readings_named_by_the_wording_are_asked(text: str, pair: tuple[str, str]) -> None:
    got = recognize(text, "en-US", NOW, "UTC")
    assert (got.intent, got.alternatives) == (pair[0], pair)


@pytest.mark.parametrize("text", ["when do the olympics start", "what time is it", "who won the cup final",
                                  "go away", "book a table for two at 8", "i'm busy"])
def test_no_calendar_guess_nor_yes_without_its_words(text: str) -> None:
    got = recognize(text, "en-US", NOW, "UTC")
    assert got.intent == "none" and not got.alternatives


def test_corpus_label_rules_for_english_rows() -> None:
    template = {"text": "^(accept|join) the {Subject}^", "locale": "en-us", "intent": "calendar.accept"}
    assert is_template(template) and is_template({**template, "locale": "fr-fr"})  # both locales (session 4)
    assert not is_template({"text": "accept the (new) meeting", "locale": "en-us"})
    days = {"text": "how many days till easter", "locale": "en-us", "va_intent": "TimeRemaining",
            "intent": "calendar.details"}
    assert mipa_label(days) == "none"
    assert mipa_label({**days, "text": "how many days till my next meeting"}) == "calendar.details"
    assert mipa_label({"text": "their own", "locale": "en-us", "intent": "calendar.details"}) == "none"
    assert mipa_label({"text": "when am i free today", "locale": "en-us", "va_intent": "FindCalendarWhen",
                       "intent": "calendar.details"}) == "calendar.availability"


# Session 5: kinds of phrasing of the second English validation set (new sentences, not that set's own).
@pytest.mark.parametrize(("text", "intent"), [
    ("check off the second task in the Hiring plan", "planner.complete"),  # a plan named: Planner, not To Do
    ("Roadmap plan tasks", "planner.list"),
    ("say yes to the design review friday", "calendar.accept"),
    ("are there any free slots on wednesday", "calendar.availability"),
    ("hop on the budget call", "calendar.join"),
    ("delete thursday's interview", "calendar.cancel"),
    ("has priya replied about the quote", "mail.search"),
    ("where's the email about the parking badge", "mail.search"),
    ("what's tom's mobile", "contacts.find"),
    ("add raj's email to my to do", "mail.to_task"),
    ("what did i work on last week", "files.recent"),
    ("push my 10 oclock to 11", "calendar.update"),
    ("can the retro be moved to friday", "calendar.update"),
    ("nah forget it", "general.cancel"),
    ("what are you able to do", "general.help"),
    ("ooo off", "mailbox.autoreply.off"),
    ("my notifications", "notify.settings"),
    ("turn reminders on", "notify.reminders.on"),
    ("great, thanks!", "general.thanks"),
    ("reserve 30 min with tom on friday", "calendar.create"),
    ("i need 2 hours with the design team next week", "calendar.create"),
    ("no need to get bread from the shopping list", "todo.delete"),
    ("make a to do water the plants", "todo.add"),
    ("todo call the garage", "todo.add"),
    ("accept it please", "calendar.accept"),
    ("mails frm priya", "mail.search"),
])
def test_english_wordings_of_session_5(text: str, intent: str) -> None:
    assert recognize(text, "en-US", NOW, "UTC").intent == intent


@pytest.mark.parametrize("text", ["sign out of spotify on my laptop", "join the book club next month", "flag on the field",
                                  "add pepper to the sauce", "call grandma", "outlook keeps crashing", "remind me why i did this",
                                  "post a tweet tomorrow", "where is my parcel", "mark my words", "you are so useless",
                                  "book a conference hall for the board meeting", "let everyone know the sync is moved to 3",
                                  "when is the next nba game", "show me a list of good films",
                                  "email the deck to the client"])
def test_near_misses_of_a_feature_are_declined(text: str) -> None:
    got = recognize(text, "en-US", NOW, "UTC")
    assert got.intent == "none" and not got.alternatives
