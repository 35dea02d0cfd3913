"""`bots.connector.activity_json` sends exactly what msrest's `Activity.serialize()` would."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    Entity,
    HeroCard,
    SuggestedActions,
)

from bots.connector import activity_json

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
    return [plain, card, two, hero, odd, verbs, levels, empty, typing]


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
