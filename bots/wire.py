"""Bot Framework JSON without msrest's per-node walk: inbound activities, reply bodies, token answers (issues 13, 25).

msrest serialises an activity one attribute and one card node at a time (~1 ms for a reply with a
card). `activity_json` gives the same JSON for the shapes MIPA sends (strings, enums, booleans and
numbers, nested schema models, lists, card contents that are plain JSON, aware datetimes) and hands
anything else to msrest, whole or for the card contents only. `activity_from_json` is
`Activity().deserialize(body)` the same way (~0.15 ms of msrest per inbound activity): strings, booleans,
plain JSON objects, ISO dates (msrest's own parser), the accounts, attachments, entities and reactions,
unknown keys in `additional_properties`; any other shape goes to msrest whole. `reference_json` is a turn's
conversation reference as msrest serialises it, without the SDK's three account copies (~0.2 ms per turn in
which the alerts look at the reference). Tests compare each with msrest on every shape.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from enum import Enum
from functools import lru_cache
from typing import Any

from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    Entity,
    MessageReaction,
)
from botframework.connector import Channels
from botframework.connector.token_api.models import TokenResponse
from msrest.serialization import Deserializer, Model

__all__ = ["activity_from_json", "activity_json", "model_json", "plain_json", "reference_json", "token_response"]


class _Unsupported(Exception):
    """A value msrest would treat in a way this module does not reproduce: msrest does it all."""


def plain_json(value: Any) -> bool:
    """True when `value` holds only dict (str keys), list, str, int, float, bool and None: JSON as it is.

    A str subclass counts when its str() is its text (StrEnum): msrest sends str(x), json sends the text.
    """
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:  # leaves first: most nodes of a card are strings
        item = pop()
        kind = type(item)
        if kind is str or item is None or kind is bool or kind is int or kind is float:
            continue
        if kind is dict:
            for key in item:
                if type(key) is not str:
                    return False
            push(item.values())
        elif kind is list:
            push(item)
        elif isinstance(item, str) and str(item) == item:  # StrEnum (card verbs): msrest sends str(item)
            continue
        else:
            return False
    return True


def _iso(value: Any) -> str:
    """msrest's `serialize_iso` for an aware datetime: UTC, milliseconds at least, trailing zeros cut, Z."""
    if type(value) is not datetime or value.tzinfo is None:
        raise _Unsupported
    utc = value.utctimetuple()
    if not 1 <= utc.tm_year <= 9999:
        raise _Unsupported
    fraction = str(value.microsecond).rjust(6, "0").rstrip("0").ljust(3, "0")
    return (f"{utc.tm_year:04}-{utc.tm_mon:02}-{utc.tm_mday:02}T{utc.tm_hour:02}:{utc.tm_min:02}:"
            f"{utc.tm_sec:02}.{fraction}Z")


def _value(value: Any, kind: str) -> Any:
    if kind == "str":
        if type(value) is str:
            return value
        if isinstance(value, Enum) and type(value.value) is str:
            return value.value
        raise _Unsupported
    if kind in ("bool", "int", "float"):
        if type(value).__name__ == kind:
            return value
        raise _Unsupported
    if kind == "object":
        if plain_json(value):
            return value
        if isinstance(value, Model) and not isinstance(value, Enum):  # e.g. TeamsChannelData
            return model_json(value)
        raise _Unsupported
    if kind == "iso-8601":
        return _iso(value)
    if kind.startswith("[") and kind.endswith("]"):
        if type(value) not in (list, tuple):
            raise _Unsupported
        return [None if item is None else _value(item, kind[1:-1]) for item in value]
    if kind.startswith("{") and kind.endswith("}"):
        if type(value) is not dict or not all(type(key) is str for key in value):
            raise _Unsupported
        return {key: None if item is None else _value(item, kind[1:-1]) for key, item in value.items()}
    if isinstance(value, Model) and not isinstance(value, Enum):
        return model_json(value)
    raise _Unsupported


def model_json(model: Model) -> dict[str, Any]:
    """`model.serialize()` for the shapes above; raises `_Unsupported` for anything else."""
    fields = _fields(type(model))
    if fields is None:
        raise _Unsupported
    out: dict[str, Any] = {}
    for attr, key, kind in fields:
        value = getattr(model, attr, None)
        if value is not None:
            out[key] = _value(value, kind)
    return out


#: A model class's (attribute, JSON key, msrest type), in its attribute map's order; None when one of its keys is
#: flattened ("a.b"), empty or read-only, which msrest treats in ways `model_json` does not reproduce.
_FIELDS: dict[type[Model], tuple[tuple[str, str, str], ...] | None] = {}


def _fields(cls: type[Model]) -> tuple[tuple[str, str, str], ...] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        pass
    fields: tuple[tuple[str, str, str], ...] | None = tuple(
        (attr, description["key"], description["type"]) for attr, description in cls._attribute_map.items())
    validation = cls._validation
    if any(not key or "." in key or validation.get(attr, {}).get("readonly") for attr, key, _ in fields or ()):
        fields = None
    _FIELDS[cls] = fields
    return fields


def activity_json(activity: Activity) -> dict[str, Any]:
    """`activity.serialize()`: fast for the usual shapes, msrest for the rest (see the module docstring)."""
    try:
        return model_json(activity)
    except _Unsupported:
        pass
    attachments = activity.attachments or []
    contents = [attachment.content for attachment in attachments]
    if not contents or not all(plain_json(content) for content in contents):
        return dict(activity.serialize())
    try:  # msrest for the envelope, the plain JSON card contents put back as they are
        for attachment in attachments:
            attachment.content = None
        body = dict(activity.serialize())
    finally:
        for attachment, content in zip(attachments, contents, strict=True):
            attachment.content = content
    items = body.get("attachments") or []
    if len(items) != len(contents):  # msrest left an attachment out: let it do the whole activity
        return dict(activity.serialize())
    for item, content in zip(items, contents, strict=True):
        if content is not None:
            item["content"] = content
    return body


def reference_json(activity: Activity) -> dict[str, Any]:
    """`TurnContext.get_conversation_reference(activity).serialize()`, without copying the accounts first."""
    keeps_id = activity.type != ActivityTypes.conversation_update and activity.channel_id not in (
        Channels.direct_line, Channels.webchat)
    reference = ConversationReference(
        activity_id=activity.id if keeps_id else None, user=activity.from_property, bot=activity.recipient,
        conversation=activity.conversation, channel_id=activity.channel_id, locale=activity.locale,
        service_url=activity.service_url,
    )
    try:
        return model_json(reference)
    except _Unsupported:
        return dict(reference.serialize())


_TOKEN_FIELDS = {"channelId": "channel_id", "connectionName": "connection_name", "token": "token",
                 "expiration": "expiration"}


def token_response(data: dict[str, Any]) -> TokenResponse:
    """`TokenResponse.deserialize(data)` for the token service's usual all-string answer, without msrest."""
    if not all(isinstance(data.get(key), str | None) for key in _TOKEN_FIELDS):
        return TokenResponse.deserialize(data)
    return TokenResponse(**{name: data.get(key) for key, name in _TOKEN_FIELDS.items()})


# ---- inbound: JSON → Activity ------------------------------------------------------------------------------

_MODELS: dict[str, type[Model]] = {
    cls.__name__: cls
    for cls in (Activity, Attachment, CardAction, ChannelAccount, ConversationAccount, Entity, MessageReaction)
}
#: model → {JSON key: (attribute, msrest type)}
_KEYS: dict[type[Model], dict[str, tuple[str, str]]] = {
    cls: {spec["key"]: (attr, spec["type"]) for attr, spec in cls._attribute_map.items()} for cls in _MODELS.values()
}


#: The usual channel timestamp: seconds, 0 to 7 fraction digits, `Z` or an offset (Teams sends 7 digits).
_TIMESTAMP = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?(Z|[+-]\d\d:\d\d)")


@lru_cache(maxsize=64)
def _zone(suffix: str) -> tzinfo | None:
    """The tzinfo msrest (isodate) gives a timestamp ending in `suffix`: its own objects, not datetime.timezone."""
    return Deserializer.deserialize_iso("2000-01-01T00:00:00" + suffix).tzinfo


def _iso_in(value: Any) -> datetime:
    """`Deserializer.deserialize_iso(value)`: the usual shape parsed directly, anything else by msrest."""
    match = _TIMESTAMP.fullmatch(value) if type(value) is str else None
    if match is not None:
        stamp, fraction, suffix = match.groups()
        try:
            parsed = datetime.fromisoformat(stamp).replace(
                microsecond=int((fraction or "0")[:6].ljust(6, "0")), tzinfo=_zone(suffix))
            if 1 <= parsed.utctimetuple().tm_year <= 9999:
                return parsed
        except (ValueError, OverflowError):
            pass
    result: datetime = Deserializer.deserialize_iso(value)
    return result


def _from_json(value: Any, kind: str) -> Any:
    if kind == "str":
        if type(value) is not str:
            raise _Unsupported(kind)
        return value
    if kind == "object":
        return value
    if kind == "bool":
        if type(value) is not bool:
            raise _Unsupported(kind)
        return value
    if kind == "iso-8601":
        return _iso_in(value)
    if kind.startswith("[") and kind.endswith("]"):
        if type(value) is not list:
            raise _Unsupported(kind)
        inner = kind[1:-1]
        return [None if item is None else _from_json(item, inner) for item in value]
    model = _MODELS.get(kind)
    if model is None or type(value) is not dict:
        raise _Unsupported(kind)
    return _model_from_json(model, value)


def _model_from_json(model: type[Model], data: dict[str, Any]) -> Model:
    keys = _KEYS[model]
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        known = keys.get(key)
        if known is None:
            extra[key] = value
        elif value is not None:  # a string where one is expected (most fields) without the call: the same value
            values[known[0]] = value if type(value) is str and known[1] == "str" else _from_json(value, known[1])
    built = model(**values)
    built.additional_properties = extra
    return built


def activity_from_json(data: dict[str, Any]) -> Activity:
    """`Activity().deserialize(data)`: fast for the usual shapes, msrest for the rest (see the module docstring)."""
    try:
        activity = _model_from_json(Activity, data)
    except Exception:  # noqa: BLE001 - any shape this walk does not reproduce: msrest decides, as before
        return Activity().deserialize(data)
    assert isinstance(activity, Activity)
    return activity
