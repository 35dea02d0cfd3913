"""`bots.wire.activity_from_json` builds exactly the Activity msrest's `Activity().deserialize(body)` builds."""

from __future__ import annotations

from typing import Any

import pytest
from botbuilder.schema import Activity
from msrest.serialization import Model

from bots import wire
from bots.wire import activity_from_json

TEAMS_MESSAGE: dict[str, Any] = {
    "type": "message", "id": "1733452800123", "timestamp": "2026-12-06T02:00:00.1234567Z",
    "localTimestamp": "2026-12-06T03:00:00.123+01:00", "localTimezone": "Europe/Paris",
    "serviceUrl": "https://smba.trafficmanager.net/emea/", "channelId": "msteams",
    "from": {"id": "29:1abc", "name": "Adele Vance", "aadObjectId": "00000000-0000-0000-0000-000000000001"},
    "conversation": {"conversationType": "personal", "tenantId": "t-1", "id": "a:1xyz"},
    "recipient": {"id": "28:bot", "name": "MIPA"},
    "textFormat": "plain", "locale": "fr-FR", "text": "qu'ai-je aujourd'hui ?",
    "attachments": [{"contentType": "text/html", "content": "<div>qu'ai-je</div>"}],
    "entities": [{"type": "clientInfo", "locale": "fr-FR", "country": "FR", "platform": "Web", "timezone": "Europe/Paris"}],
    "channelData": {"tenant": {"id": "t-1"}, "source": {"name": "message"}},
}
SHAPES: list[dict[str, Any]] = [
    TEAMS_MESSAGE,
    {**TEAMS_MESSAGE, "text": None, "value": {"action": "confirm", "n": 2, "ok": True, "list": [1, "a", None]}},
    {"type": "invoke", "name": "adaptiveCard/action", "id": "i1", "channelId": "msteams", "serviceUrl": "http://x/",
     "from": {"id": "u"}, "recipient": {"id": "b"}, "conversation": {"id": "c", "isGroup": False},
     "value": {"action": {"type": "Action.Execute", "verb": "yes", "data": {"k": "v"}}, "trigger": "manual"}},
    {"type": "conversationUpdate", "membersAdded": [{"id": "28:bot"}, {"id": "29:u", "role": "user"}],
     "membersRemoved": [], "conversation": {"id": "c", "properties": {"x": 1}}, "recipient": {"id": "28:bot"}},
    {"type": "messageReaction", "reactionsAdded": [{"type": "like"}], "replyToId": "r1", "unknownTop": {"a": 1},
     "from": {"id": "u", "extra": "kept"}},
    {"type": "message", "text": "x", "suggestedActions": {"actions": [{"type": "imBack", "value": "y"}]}},  # msrest
    {"type": "message", "textHighlights": [{"text": "x", "occurrence": 1}]},  # msrest
    {"type": "message", "historyDisclosed": "true"},  # a string for a bool: msrest converts it
    {"type": "message", "id": 42},  # a number for a str: msrest's str()
    {"type": "message", "timestamp": "not a date"},  # msrest raises as before
    {"type": "event", "name": "x", "expiration": "2026-12-06T02:00:00Z", "listenFor": ["a", "b"],
     "relatesTo": {"activityId": "a", "user": {"id": "u"}}},
]


def _plain(value: Any) -> Any:
    """A model tree as plain data: class names, every attribute (additional properties included)."""
    if isinstance(value, Model):
        return {"__class__": type(value).__name__, **{k: _plain(v) for k, v in vars(value).items()}}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return (value.isoformat(), value.utcoffset())
    return value


def _msrest(body: dict[str, Any]) -> Any:
    try:
        return _plain(Activity().deserialize(body))
    except Exception as exc:  # noqa: BLE001 - compared with what the fast path raises
        return type(exc)


def _fast(body: dict[str, Any]) -> Any:
    try:
        return _plain(activity_from_json(body))
    except Exception as exc:  # noqa: BLE001
        return type(exc)


@pytest.mark.parametrize("body", SHAPES, ids=lambda b: str(b.get("type")) + "-" + ",".join(sorted(b))[:40])
def test_same_activity_as_msrest(body: dict[str, Any]) -> None:
    assert _fast(body) == _msrest(body)


def test_the_usual_teams_message_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("msrest was used")

    monkeypatch.setattr(Activity, "deserialize", refuse)
    activity = activity_from_json(TEAMS_MESSAGE)
    assert activity.from_property.aad_object_id == "00000000-0000-0000-0000-000000000001"
    assert activity.entities[0].additional_properties["timezone"] == "Europe/Paris"
    assert activity.timestamp.year == 2026 and activity.local_timestamp.utcoffset().total_seconds() == 3600


def test_other_shapes_go_to_msrest_whole() -> None:
    with pytest.raises(wire._Unsupported):
        wire._model_from_json(Activity, SHAPES[5])
