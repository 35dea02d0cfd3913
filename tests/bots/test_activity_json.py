"""`bots.connector.activity_json` sends exactly what msrest's `Activity.serialize()` would."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    Entity,
    HeroCard,
    InputHints,
    RoleTypes,
    SemanticAction,
    SuggestedActions,
    TextHighlight,
)
from botbuilder.schema.teams import TeamsChannelData, TenantInfo
from botframework.connector.token_api.models import TokenResponse

from bots.connector import activity_json, token_response
from bots.wire import activity_from_json, model_json, plain_json, reference_json

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
CARD: dict[str, Any] = {
    "type": "AdaptiveCard", "version": "1.5", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
    "body": [{"type": "TextBlock", "text": "Réunion « 1:1 » <b>", "wrap": True, "size": None},
             {"type": "FactSet", "facts": [{"title": "When", "value": "09:00–09:30"}]},
             {"type": "Container", "items": [], "spacing": 0, "separator": False, "minHeight": 1.5}],
    "actions": [{"type": "Action.Execute", "verb": "calendar.accept", "data": {"id": "AAMk=", "n": 2}}],
}


class _Verb(StrEnum):
    ACCEPT = "calendar.accept"


class _Level(IntEnum):
    HIGH = 2


def _activities() -> list[Activity]:
    plain = MessageFactory.text("hello")
    card = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content=CARD), text="summary")
    card.summary = "summary"
    card.timestamp = datetime(2026, 11, 29, 3, 1, 2, 345000, tzinfo=UTC)
    card.from_property = ChannelAccount(id="28:bot", name="MIPA")
    card.conversation = ConversationAccount(id="a:1", conversation_type="personal")
    card.entities = [Entity(type="clientInfo")]
    card.channel_data = {"notification": {"alert": True}}
    two = MessageFactory.carousel([Attachment(content_type=ADAPTIVE, content=CARD),
                                   Attachment(content_type=ADAPTIVE, content={"type": "AdaptiveCard"})])
    hero = MessageFactory.attachment(CardFactory.hero_card(HeroCard(title="t", buttons=[
        CardAction(type="imBack", title="Yes", value="yes")])))  # a Model inside: msrest does it all
    odd = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content={"tuple": ("a", "b"), 1: "x"}))
    verbs = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content={
        "actions": [{"type": "Action.Execute", "verb": _Verb.ACCEPT, "data": {"verb": _Verb.ACCEPT}}]}))
    levels = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content={"level": _Level.HIGH}))
    empty = MessageFactory.attachment(Attachment(content_type="text/plain", content=None))
    empty.suggested_actions = SuggestedActions(actions=[CardAction(type="imBack", title="Oui", value="oui")])
    typing = Activity(type=ActivityTypes.typing)
    stamped = []
    for micro in (0, 345000, 123456, 7):
        activity = MessageFactory.text("t")
        activity.timestamp = datetime(2026, 3, 29, 1, 59, 58, micro, tzinfo=ZoneInfo("Europe/Paris"))
        stamped.append(activity)
    naive = MessageFactory.text("naive")
    naive.local_timestamp = datetime(2026, 11, 29, 3, 0)  # msrest assumes UTC (and warns): msrest does it
    rich = MessageFactory.suggested_actions(
        [CardAction(type=ActionTypes.im_back, title="Oui", value="oui")], text="Confirmer ?", input_hint=InputHints.expecting_input)
    rich.relates_to = ConversationReference(activity_id="x", conversation=ConversationAccount(id="a:1"))
    rich.text_highlights = [TextHighlight(text="Oui", occurrence=1)]
    rich.semantic_action = SemanticAction(id="s", entities={"e": Entity(type="clientInfo")})
    rich.value = {"verb": _Verb.ACCEPT, "n": [1, 2.5, None, True]}
    rich.channel_data = TeamsChannelData(tenant=TenantInfo(id="t"))
    rich.members_added = [ChannelAccount(id="1"), ChannelAccount(id="2", role=RoleTypes.user)]
    return [plain, card, two, hero, odd, verbs, levels, empty, typing, *stamped, naive, rich]


@pytest.mark.parametrize("activity", _activities())
def test_same_body_as_msrest(activity: Activity) -> None:
    before = activity.serialize()
    assert activity_json(activity) == before
    assert activity.serialize() == before  # the activity is left as it was


def test_plain_card_content_is_passed_through_not_rebuilt() -> None:
    activity = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content=CARD))
    assert activity_json(activity)["attachments"][0]["content"] is CARD
    assert activity.attachments[0].content is CARD


def test_str_enum_verbs_keep_the_fast_path() -> None:
    card = {"actions": [{"type": "Action.Execute", "verb": _Verb.ACCEPT}]}
    activity = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content=card))
    body = activity_json(activity)
    assert body["attachments"][0]["content"] is card
    assert json.loads(json.dumps(body)) == activity.serialize()


@pytest.mark.parametrize("data", [
    {"channelId": "msteams", "connectionName": "graph", "token": "eyJ.x.y", "expiration": "2026-11-29T04:00:00Z"},
    {"connectionName": "graph", "token": "t"},
    {"connectionName": "graph", "token": "t", "expiration": None, "extra": {"ignored": True}},
    {"connectionName": "graph", "token": 12345},  # not a string: msrest decides
])
def test_token_response_reads_what_msrest_reads(data: dict[str, Any]) -> None:
    ours, theirs = token_response(data), TokenResponse.deserialize(data)
    for name in ("channel_id", "connection_name", "token", "expiration"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert type(ours) is type(theirs)


def test_usual_replies_take_the_fast_path() -> None:
    activities = _activities()
    unusual = (4, 6, 13)  # a tuple and an int key in a card, an IntEnum in a card, a naive datetime
    for activity in (a for i, a in enumerate(activities) if i not in unusual):
        assert model_json(activity) == activity.serialize()
    for unusual_activity in (activities[i] for i in unusual):
        with pytest.raises(Exception) as caught:  # noqa: PT011  (the private _Unsupported)
            model_json(unusual_activity)
        assert type(caught.value).__name__ == "_Unsupported"


def _inbound() -> list[Activity]:
    teams = activity_from_json({
        "type": "message", "id": "1700000000001", "channelId": "msteams", "serviceUrl": "https://smba.example/emea/",
        "locale": "fr-FR", "text": "mon agenda",
        "from": {"id": "29:u", "name": "Megan", "aadObjectId": "aad-1", "role": "user", "extra": 1},
        "recipient": {"id": "28:bot", "name": "MIPA"},
        "conversation": {"id": "a:1", "conversationType": "personal", "tenantId": "t-1", "isGroup": False},
    })
    update = activity_from_json({"type": "conversationUpdate", "id": "u1", "channelId": "msteams",
                                 "conversation": {"id": "a:2"}, "recipient": {"id": "28:bot"}})
    webchat = activity_from_json({"type": "message", "id": "w1", "channelId": "webchat", "from": {"id": "x"}})
    direct = Activity(type="message", id="d1", channel_id="directline", from_property=ChannelAccount(id="y"))
    bare = Activity(type="message", id="b1")  # no accounts at all
    properties = Activity(type="message", id="p1", channel_id="emulator",
                          from_property=ChannelAccount(id="z", role=RoleTypes.user, properties={"k": [1, "v"]}),
                          conversation=ConversationAccount(id="c", properties={"k": {"n": None}}))
    odd = Activity(type="message", id="o1", conversation=ConversationAccount(id="c", properties={"set": {1, 2}}))
    return [teams, update, webchat, direct, bare, properties, odd]


@pytest.mark.parametrize("activity", _inbound())
def test_reference_json_is_the_sdk_reference_as_msrest_serialises_it(activity: Activity) -> None:
    expected = TurnContext.get_conversation_reference(activity).serialize()
    before = activity.serialize()
    assert reference_json(activity) == expected
    assert activity.serialize() == before  # the activity is left as it was


@pytest.mark.parametrize(("value", "plain"), [
    ({"a": [1, 2.5, True, None, "x", {"b": _Verb.ACCEPT}]}, True), ([], True), ("x", True), (None, True),
    ({"a": ("t",)}, False), ({1: "x"}, False), ({"a": [_Level.HIGH]}, False), ({"a": {1, 2}}, False),
    ({"a": [{"b": datetime(2026, 1, 1, tzinfo=UTC)}]}, False), ([{"deep": [[[{"k": b"bytes"}]]]}], False),
])
def test_plain_json_is_json_exactly_as_it_is(value: Any, plain: bool) -> None:
    assert plain_json(value) is plain
