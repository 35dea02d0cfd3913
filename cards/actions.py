"""The verb catalogue of every card button and the data contract the action router relies on.

Each button is an `Action.Execute` with a `verb` and `data` holding ids only (camelCase keys):

| verb | required data | optional data |
|---|---|---|
| todo.complete, todo.reopen | listId, itemId | |
| todo.snooze | listId, itemId, days | |
| planner.complete | itemId | planId |
| planner.progress | itemId, percent (0, 50, 100) | planId |
| mail.flag.complete, mail.flag.clear, mail.to_task | itemId | |
| event.accept, event.tentative, event.decline | itemId | |
| confirm, reject, undo | ref | |
| choose | ref, index | |
| more | ref, cursor | |
| digest.refresh | | |

The `Action.Submit` fallback carries the same keys plus `verb`; host inputs are merged in and
come back as `inputs`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cards.errors import InvalidActionError, UnknownVerbError

__all__ = ["Action", "Verb", "action_data", "parse_action", "with_extra"]


class Verb(StrEnum):
    TODO_COMPLETE = "todo.complete"
    TODO_REOPEN = "todo.reopen"
    TODO_SNOOZE = "todo.snooze"
    PLANNER_COMPLETE = "planner.complete"
    PLANNER_PROGRESS = "planner.progress"
    MAIL_FLAG_COMPLETE = "mail.flag.complete"
    MAIL_FLAG_CLEAR = "mail.flag.clear"
    MAIL_TO_TASK = "mail.to_task"
    EVENT_ACCEPT = "event.accept"
    EVENT_TENTATIVE = "event.tentative"
    EVENT_DECLINE = "event.decline"
    CONFIRM = "confirm"
    REJECT = "reject"
    UNDO = "undo"
    CHOOSE = "choose"
    MORE = "more"
    DIGEST_REFRESH = "digest.refresh"


_REQUIRED: dict[Verb, tuple[str, ...]] = {
    Verb.TODO_COMPLETE: ("listId", "itemId"),
    Verb.TODO_REOPEN: ("listId", "itemId"),
    Verb.TODO_SNOOZE: ("listId", "itemId", "days"),
    Verb.PLANNER_COMPLETE: ("itemId",),
    Verb.PLANNER_PROGRESS: ("itemId", "percent"),
    Verb.MAIL_FLAG_COMPLETE: ("itemId",),
    Verb.MAIL_FLAG_CLEAR: ("itemId",),
    Verb.MAIL_TO_TASK: ("itemId",),
    Verb.EVENT_ACCEPT: ("itemId",),
    Verb.EVENT_TENTATIVE: ("itemId",),
    Verb.EVENT_DECLINE: ("itemId",),
    Verb.CONFIRM: ("ref",),
    Verb.REJECT: ("ref",),
    Verb.UNDO: ("ref",),
    Verb.CHOOSE: ("ref", "index"),
    Verb.MORE: ("ref", "cursor"),
    Verb.DIGEST_REFRESH: (),
}
_ID_KEYS = ("itemId", "listId", "planId", "ref", "cursor")
_INT_KEYS = {"days": (1, 366), "percent": (0, 100), "index": (0, 999)}
_ID_PATTERN = re.compile(r"^[A-Za-z0-9_\-=+/.:!@$%~]{1,1024}$")
_MAX_INPUTS = 20
_MAX_INPUT_LENGTH = 4000
_HOST_KEYS = {"verb", "msteams", "type", "id", "title"}


@dataclass(frozen=True, slots=True)
class Action:
    """A validated button press: the verb, the ids it acts on and any card inputs."""

    verb: Verb
    item_id: str | None = None
    list_id: str | None = None
    plan_id: str | None = None
    ref: str | None = None
    cursor: str | None = None
    days: int | None = None
    percent: int | None = None
    index: int | None = None
    inputs: Mapping[str, str] = field(default_factory=dict)
    execute: bool = True
    trigger: str = "manual"


def action_data(verb: Verb | str, **ids: str | int | None) -> dict[str, Any]:
    """Button `data` for `verb`, from snake_case ids (`item_id=...`), checked against the contract."""
    verb = verb if type(verb) is Verb else Verb(verb)
    data: dict[str, Any] = {}
    for name, value in ids.items():
        if value is None:
            continue
        key = _DATA_KEYS.get(name)
        if key is None:
            key = re.sub(r"_([a-z])", lambda m: m[1].upper(), name)
            if key not in _ID_KEYS and key not in _INT_KEYS:
                raise InvalidActionError(f"{key} is not part of the data contract")
            _DATA_KEYS[name] = key
        data[key] = value
    _check(verb, data)
    return data


#: snake_case argument name -> its camelCase data key, for the names of the contract met so far (a handful).
_DATA_KEYS: dict[str, str] = {}


def with_extra(data: dict[str, Any], extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """`data` with `extra` keys added after its ids (e.g. where a card came from), outside the checked contract."""
    if extra:
        data.update(extra)
    return data


def _check(verb: Verb, data: Mapping[str, Any]) -> None:
    for key in _REQUIRED[verb]:
        if data.get(key) is None:
            raise InvalidActionError(f"{verb} needs {key}")
    for key in _ID_KEYS:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not _ID_PATTERN.match(value)):
            raise InvalidActionError(f"{key} is not a valid id")
    for key, (low, high) in _INT_KEYS.items():
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidActionError(f"{key} must be an integer in [{low}, {high}]")
    if verb is Verb.PLANNER_PROGRESS and data["percent"] not in (0, 50, 100):
        raise InvalidActionError("percent must be 0, 50 or 100")


def _coerce_int(value: Any) -> Any:
    # Action.Submit through some clients turns numbers into strings.
    if isinstance(value, str) and value.isdigit() and len(value) <= 4:
        return int(value)
    return value


def parse_action(value: Mapping[str, Any]) -> Action:
    """Validate an `adaptiveCard/action` invoke value, a bare `Action.Execute`, or an
    `Action.Submit` message value; raise `InvalidActionError` / `UnknownVerbError` otherwise."""
    if not isinstance(value, Mapping):
        raise InvalidActionError("action value must be an object")
    trigger = value.get("trigger", "manual")
    if "action" in value:
        inner = value["action"]
        if not isinstance(inner, Mapping):
            raise InvalidActionError("action must be an object")
        value = inner
    execute = value.get("type", "Action.Execute" if "data" in value else "Action.Submit") == "Action.Execute"
    if execute:
        raw_data = value.get("data") or {}
        if isinstance(raw_data, str) or not isinstance(raw_data, Mapping):
            raise InvalidActionError("data must be an object")
        verb_name = value.get("verb")
        if "verb" in raw_data and raw_data["verb"] != verb_name:
            raise InvalidActionError("verb in data does not match the action's verb")
    else:
        raw_data = value
        verb_name = value.get("verb")
    if not isinstance(verb_name, str) or not verb_name:
        raise InvalidActionError("action has no verb")
    try:
        verb = Verb(verb_name)
    except ValueError as exc:
        raise UnknownVerbError("unknown verb") from exc
    if trigger not in ("manual", "automatic"):
        raise InvalidActionError("unknown trigger")

    data = {k: (_coerce_int(v) if k in _INT_KEYS else v) for k, v in raw_data.items()}
    _check(verb, data)
    inputs: dict[str, str] = {}
    for key, item in data.items():
        if key in _ID_KEYS or key in _INT_KEYS or key in _HOST_KEYS:
            continue
        if not isinstance(key, str) or not isinstance(item, str) or len(item) > _MAX_INPUT_LENGTH:
            raise InvalidActionError("inputs must be short strings")
        inputs[key] = item
    if len(inputs) > _MAX_INPUTS:
        raise InvalidActionError("too many inputs")
    return Action(
        verb=verb,
        item_id=data.get("itemId"),
        list_id=data.get("listId"),
        plan_id=data.get("planId"),
        ref=data.get("ref"),
        cursor=data.get("cursor"),
        days=data.get("days"),
        percent=data.get("percent"),
        index=data.get("index"),
        inputs=inputs,
        execute=execute,
        trigger=trigger,
    )
