"""The verb catalogue and `parse_action`: Execute invokes, Submit fallbacks, malformed values."""

from __future__ import annotations

from typing import Any

import pytest

from cards import InvalidActionError, UnknownVerbError, Verb, action_data, execute_action, parse_action
from tests.cards.samples import builders


def buttons(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "Action.Execute":
            found.append(node)
        for value in node.values():
            found += buttons(value)
    elif isinstance(node, list):
        for item in node:
            found += buttons(item)
    return found


def test_invoke_value_round_trips() -> None:
    button = execute_action("Done", Verb.TODO_COMPLETE, action_data(Verb.TODO_COMPLETE, item_id="t1", list_id="l1"))
    invoke = {"action": {"type": "Action.Execute", "id": "x", "verb": button["verb"], "data": button["data"]},
              "trigger": "manual"}
    action = parse_action(invoke)
    assert (action.verb, action.item_id, action.list_id, action.execute) == (Verb.TODO_COMPLETE, "t1", "l1", True)


def test_submit_fallback_parses_to_the_same_action() -> None:
    button = execute_action("Snooze", Verb.TODO_SNOOZE,
                            action_data(Verb.TODO_SNOOZE, item_id="t1", list_id="l1", days=1))
    submitted = {**button["fallback"]["data"], "comment": "typed by the user"}
    action = parse_action(submitted)
    assert action.verb is Verb.TODO_SNOOZE and action.days == 1 and not action.execute
    assert action.inputs == {"comment": "typed by the user"}
    assert button["fallback"]["type"] == "Action.Submit" and button["fallback"]["data"]["verb"] == "todo.snooze"


def test_every_button_of_every_card_parses() -> None:
    seen = set()
    for name, build in builders().items():
        for locale in ("en", "fr"):
            card = build(locale)
            for button in buttons(card) + ([card["refresh"]["action"]] if "refresh" in card else []):
                action = parse_action({"action": button, "trigger": "automatic"})
                assert action.verb == button["verb"], name
                if "fallback" in button:
                    assert parse_action(button["fallback"]["data"]).verb == action.verb
                seen.add(action.verb)
    assert seen >= {Verb.TODO_COMPLETE, Verb.TODO_SNOOZE, Verb.PLANNER_COMPLETE, Verb.PLANNER_PROGRESS,
                    Verb.MAIL_FLAG_COMPLETE, Verb.MAIL_FLAG_CLEAR, Verb.MAIL_TO_TASK, Verb.EVENT_ACCEPT,
                    Verb.EVENT_TENTATIVE, Verb.EVENT_DECLINE, Verb.CONFIRM, Verb.REJECT, Verb.UNDO,
                    Verb.CHOOSE, Verb.MORE, Verb.DIGEST_REFRESH}


def test_string_numbers_from_submit_are_accepted() -> None:
    assert parse_action({"verb": "choose", "ref": "q", "index": "2"}).index == 2


@pytest.mark.parametrize("value, error", [
    ({"action": {"type": "Action.Execute", "verb": "todo.explode", "data": {}}}, UnknownVerbError),
    ({"action": {"type": "Action.Execute", "data": {"itemId": "t"}}}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "todo.complete", "data": {"itemId": "t"}}}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "todo.complete", "data": "t1"}}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "event.accept", "data": {"itemId": "a b"}}}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "event.accept", "data": {"itemId": 5}}}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "event.accept", "data": {"itemId": "x" * 2000}}},
     InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "undo", "data": {"ref": "r", "verb": "confirm"}}},
     InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "planner.progress", "data": {"itemId": "p", "percent": 30}}},
     InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "todo.snooze",
                 "data": {"itemId": "t", "listId": "l", "days": True}}}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "confirm", "data": {"ref": "r", "nested": {"a": 1}}}},
     InvalidActionError),
    ({"action": "confirm"}, InvalidActionError),
    ({"action": {"type": "Action.Execute", "verb": "confirm", "data": {"ref": "r"}}, "trigger": "robot"},
     InvalidActionError),
    ({"text": "hello"}, InvalidActionError),
])
def test_malformed_values_are_rejected(value: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_action(value)


def test_action_data_rejects_unknown_keys_and_missing_ids() -> None:
    with pytest.raises(InvalidActionError):
        action_data(Verb.MAIL_TO_TASK, subject="private")
    with pytest.raises(InvalidActionError):
        action_data(Verb.TODO_COMPLETE, item_id="t1")
    assert action_data(Verb.PLANNER_COMPLETE, item_id="p1", plan_id=None) == {"itemId": "p1"}
