"""The conversation helpers: every suggestion is understood as typed, every intent has a clarification label."""

from __future__ import annotations

import pytest

from cards.suggestions import im_back_actions
from dialogs.conversation.clarify import label
from dialogs.conversation.replies import SUGGESTIONS
from language import INTENTS, recognize, t

EXPECTED = {"conversation.suggest.agenda": "calendar.agenda", "conversation.suggest.tasks": "todo.list",
            "conversation.suggest.day": "digest.today", "conversation.suggest.help": "general.help"}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_each_suggestion_is_understood_as_what_it_says(locale: str) -> None:
    assert set(SUGGESTIONS) == EXPECTED.keys()
    for key in SUGGESTIONS:
        recognition = recognize(t(key, locale), locale)
        assert recognition.intent == EXPECTED[key] and not recognition.alternatives, key


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_every_intent_has_a_distinct_label(locale: str) -> None:
    labels = [label(i, locale) for i in INTENTS if i != "none"]
    assert all(labels) and len(set(labels)) == len(labels)


def test_buttons_send_their_title_and_are_cut_to_fifty_characters() -> None:
    actions = im_back_actions(["Show my tasks", "x" * 80, "  "])
    assert actions[0] == {"type": "imBack", "title": "Show my tasks", "value": "Show my tasks"}
    assert len(actions) == 2 and actions[1]["title"] == "x" * 50 == actions[1]["value"]
