"""`dialogs.digest.mark_source`: every button of a "my day" card says it came from the digest, nothing else changes."""

from __future__ import annotations

import copy
from typing import Any

from dialogs.digest import DIGEST_SOURCE, SOURCE_KEY, mark_source


def test_every_execute_and_submit_action_at_any_depth_is_marked_and_nothing_else() -> None:
    execute: dict[str, Any] = {"type": "Action.Execute", "verb": "todo.done", "data": {"id": "t1"},
                               "fallback": {"type": "Action.Submit", "data": {"verb": "todo.done", "id": "t1"}}}
    card: dict[str, Any] = {"type": "AdaptiveCard", "body": [
        {"type": "Container", "items": [{"type": "ColumnSet", "columns": [{"type": "Column", "items": [
            {"type": "ActionSet", "actions": [execute, {"type": "Action.OpenUrl", "url": "https://x"}]}]}]}]},
        {"type": "TextBlock", "text": "Action.Execute", "data": {"id": "not an action"}},
        {"type": "Action.Execute", "verb": "no data"},
    ], "actions": [[{"type": "Action.Submit", "data": {"n": 1}}]]}
    expected = copy.deepcopy(card)
    inner = expected["body"][0]["items"][0]["columns"][0]["items"][0]["actions"][0]
    inner["data"][SOURCE_KEY] = inner["fallback"]["data"][SOURCE_KEY] = DIGEST_SOURCE
    expected["actions"][0][0]["data"][SOURCE_KEY] = DIGEST_SOURCE
    assert mark_source(card) is card
    assert card == expected
    assert mark_source(card, "alerts")["actions"][0][0]["data"][SOURCE_KEY] == "alerts"
