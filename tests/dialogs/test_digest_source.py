"""Every button of a "my day" card says it came from the digest, nothing else changes: the card `build_my_day` marks
as it builds it equals the finished card marked by a walk (`mark_source`, the reference, kept here)."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

import cards
from cards.base import Card
from dialogs.digest import _MARK, DIGEST_SOURCE, SOURCE_KEY
from tests.cards.samples import DIGEST, EVENTS, MAIL, NOW, PLANNER, TODOS, TZ

_ACTIONS = ("Action.Execute", "Action.Submit")


def mark_source(card: Card, source: str = DIGEST_SOURCE) -> Card:
    """Add `source` to the data of every Action.Execute (and its Action.Submit fallback) in `card`.

    One walk with an explicit stack that descends only into dicts and lists (a card is ~800 nodes, most of
    them strings: a recursive call per node was 3 % of a "my day" turn).
    """
    stack: list[Any] = [card]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if isinstance(node, dict):
            if node.get("type") in _ACTIONS:
                data = node.get("data")
                if isinstance(data, dict):
                    data[SOURCE_KEY] = source
            for value in node.values():
                if isinstance(value, (dict, list)):
                    push(value)
        else:
            for value in node:
                if isinstance(value, (dict, list)):
                    push(value)
    return card


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


def test_my_day_card_built_marked_equals_the_marked_card() -> None:
    """`build_my_day` marks each button as it builds it (`extra=`): the same card, key order included, as marking
    the finished card, for every kind of button (To Do open and done, Planner started or not, mail, refresh)."""
    for locale in ("en-US", "fr-FR"):
        def from_digest(extra: Mapping[str, str] | None, locale: str = locale) -> dict[str, Any]:
            return cards.digest_card(DIGEST, locale=locale, now=NOW, originator="o", user_ids=["29:1"], extra=extra)

        def from_lists(extra: Mapping[str, str] | None, locale: str = locale) -> dict[str, Any]:
            return cards.my_day_card(events=EVENTS, todo_tasks=TODOS, planner_tasks=PLANNER, flagged=MAIL,
                                     locale=locale, tz=TZ, now=NOW, extra=extra)

        for build in (from_digest, from_lists):
            plain, marked = build(None), build(_MARK)
            assert plain != marked
            assert json.dumps(marked) == json.dumps(mark_source(copy.deepcopy(plain)))
            assert mark_source(copy.deepcopy(marked)) == marked
            assert '"source"' not in json.dumps(plain)
