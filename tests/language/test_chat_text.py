"""The intent reader's spelling: chat shorthand and slips spelt out (`typos.chat_text`, `typos.correct_words`)."""

from __future__ import annotations

from language.intents import known_words, load_model
from language.recognizer import recognize_intent
from language.typos import chat_text, correct_words, strip_politeness


def test_chat_shorthand_is_spelt_out_and_the_rest_is_kept() -> None:
    assert chat_text("can u set up a call w/ Raj tmrw pls") == "can you set up a call with Raj tomorrow please"
    assert chat_text("nvm") == "never mind"
    assert chat_text("whats on, dont know") == "what's on, don't know"
    assert chat_text("R&D sync, u-lock, Demian") == "R&D sync, u-lock, Demian"
    assert chat_text("rdv demain") == "rdv demain"  # French is read as typed


def test_a_slip_of_a_keyword_is_read_as_the_keyword_but_known_words_and_names_are_not() -> None:
    known = known_words(load_model()["en"])
    assert correct_words("meetnig with raj", known) == "meeting with raj"
    assert correct_words("mial from tom", known) == "mail from tom"
    assert correct_words("my calnedar", known) == "my calendar"
    assert correct_words("water the plants", known) == "water the plants"  # not "plans"
    assert correct_words("the contract email", known) == "the contract email"  # a word the scorer knows
    assert correct_words("lunch with Meetnig", known) == "lunch with Meetnig"  # a capital: a name


def test_typed_the_chat_way_the_request_is_understood() -> None:
    assert recognize_intent("cancel this pls", "en") == "general.cancel"
    assert recognize_intent("whats on my calnedar tmrw", "en") == "calendar.agenda"
    assert recognize_intent("kthxbye nvm lol jk", "en") != "general.cancel"  # nonsense is never a session command


def test_politeness_around_an_english_request_is_left_out() -> None:
    assert strip_politeness("could you possibly list my meetings for friday") == "list my meetings for friday"
    assert strip_politeness("I was wondering if you could cancel my 3pm") == "cancel my 3pm"
    assert strip_politeness("i was wondering whether i have a free slot on monday") == "do i have a free slot on monday"
    assert strip_politeness("can you tell me who's coming to the retro") == "who's coming to the retro"
    assert strip_politeness("flag the mail from raj for me") == "flag the mail from raj"
    assert strip_politeness("can you?") == "can you?"  # nothing but politeness: read as typed
    assert strip_politeness("would you mind moving it to 4") == "moving it to 4"
    assert strip_politeness("would you mind?") == "would you mind?"
    assert strip_politeness("any chance you could book a call with raj") == "book a call with raj"
    assert chat_text("cxl mtgs fri, c u") == "cancel meetings Friday, see you"


def test_politely_wrapped_the_request_is_understood() -> None:
    assert recognize_intent("I was wondering if you could push my 4pm to thursday", "en") == "calendar.update"
    assert recognize_intent("would it be possible to show me my tasks", "en") == "todo.list"
    assert recognize_intent("any chance you could book a call with raj on monday at 2", "en") == "calendar.create"
    assert recognize_intent("would you mind cancelling my 3pm", "en") == "calendar.cancel"
