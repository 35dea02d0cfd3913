"""`bots.wire.activity_from_json` builds exactly the Activity msrest's `Activity().deserialize(body)` builds."""

from __future__ import annotations

from typing import Any

import pytest
from botbuilder.schema import Activity
from msrest.serialization import Deserializer, Model

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


@pytest.mark.parametrize("stamp", [
    "2026-12-06T05:30:00.1234567Z", "2026-12-06T05:30:00.123Z", "2026-12-06T05:30:00Z", "2026-12-06T05:30:00.5Z",
    "2026-12-06T06:30:00.123456+01:00", "2026-12-05T23:30:00-05:30", "2026-12-06T05:30:00.000000+00:00",
    "2026-12-06T05:30:00-00:00", "2028-02-29T23:59:59.9999999+14:00", "0001-01-01T00:30:00+01:00",
    "9999-12-31T23:30:00-01:00", "2026-13-06T05:30:00Z", "2026-12-06T24:00:00Z", "2026-12-06t05:30:00z",
    "2026-12-06T05:30:00", "2026-12-06T05:30Z", "2026-12-06", "20261206T053000Z", "not a date", "",
])
def test_timestamps_are_read_as_msrest_reads_them(stamp: str) -> None:
    def read(parse: Any) -> Any:
        try:
            value = parse(stamp)
        except Exception as exc:  # noqa: BLE001 - compared with what msrest raises
            return type(exc)
        return value, value.isoformat(), type(value.tzinfo), value.tzinfo and value.tzinfo.tzname(value)

    assert read(wire._iso_in) == read(Deserializer.deserialize_iso)


def test_the_usual_timestamps_do_not_go_through_msrest(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [Deserializer.deserialize_iso(s) for s in ("2026-12-06T05:30:00.1234567Z", "2026-12-06T06:30:00+01:00")]
    wire._iso_in("2000-01-01T00:00:00Z"), wire._iso_in("2000-01-01T00:00:00+01:00")  # each zone asked once

    def refuse(*_args: Any) -> Any:
        raise AssertionError("msrest was used")

    monkeypatch.setattr(Deserializer, "deserialize_iso", refuse)  # the zones are known: nothing else asks msrest
    assert [wire._iso_in(s) for s in ("2026-12-06T05:30:00.1234567Z", "2026-12-06T06:30:00+01:00")] == expected
