"""`bots.adapter`: replies keep their cards without the SDK's deep copy of the card; nothing else changes."""

from __future__ import annotations

import copy
import pickle
from typing import Any

from botbuilder.core import BotAdapter, CloudAdapterBase, MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    Entity,
    ResourceResponse,
)

from bots.adapter import ReplyTurnContext, SharedAttachment
from bots.connector import activity_json

ADAPTIVE = "application/vnd.microsoft.card.adaptive"


class _Recorder(BotAdapter):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        self.sent.extend(activities)
        return [ResourceResponse(id=str(i)) for i, _ in enumerate(activities)]

    async def update_activity(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        raise NotImplementedError

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        raise NotImplementedError


def _incoming() -> Activity:
    return Activity(
        type=ActivityTypes.message, id="in-1", channel_id="msteams", service_url="http://channel",
        from_property=ChannelAccount(id="29:user"), recipient=ChannelAccount(id="28:bot"),
        conversation=ConversationAccount(id="a:conv"), text="my day",
    )


async def _send(context_class: type[TurnContext], reply: Activity) -> Activity:
    adapter = _Recorder()
    context = context_class(adapter, _incoming())
    await context.send_activity(reply)
    [sent] = adapter.sent
    return sent


async def test_reply_shares_the_card_and_leaves_the_callers_activity_alone() -> None:
    card: dict[str, Any] = {"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "TextBlock", "text": "x"}]}
    reply = MessageFactory.attachment(Attachment(content_type=ADAPTIVE, content=card), text="summary")
    before = copy.deepcopy(reply.serialize())
    sent = await _send(ReplyTurnContext, reply)
    assert isinstance(sent.attachments[0], SharedAttachment)
    assert sent.attachments[0].content is card  # no copy of the card
    assert sent is not reply and sent.attachments[0] is not reply.attachments[0]
    assert type(reply.attachments[0]) is Attachment and reply.serialize() == before  # caller untouched
    assert sent.reply_to_id == "in-1" and sent.conversation.id == "a:conv" and sent.recipient.id == "29:user"


async def test_sent_activity_is_the_same_as_with_the_sdk_context() -> None:
    def reply() -> Activity:
        card = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "é"}], "actions": []}
        return MessageFactory.carousel([Attachment(content_type=ADAPTIVE, content=card)], text="t")

    fast = await _send(ReplyTurnContext, reply())
    sdk = await _send(TurnContext, reply())
    assert activity_json(fast) == sdk.serialize()
    assert fast.serialize() == sdk.serialize()


async def test_text_replies_are_passed_as_they_are() -> None:
    sent = await _send(ReplyTurnContext, MessageFactory.text("hello"))
    assert sent.text == "hello" and not sent.attachments


async def test_nested_parts_of_a_reply_are_copied_not_shared() -> None:
    reply = MessageFactory.suggested_actions([CardAction(type="imBack", title="Oui", value="oui")], text="Confirmer ?")
    reply.entities = [Entity(type="clientInfo")]
    reply.channel_data = {"notification": {"alert": True}}
    before = copy.deepcopy(reply.serialize())
    sent = await _send(ReplyTurnContext, reply)
    assert type(sent) is Activity
    assert sent.suggested_actions is not reply.suggested_actions and sent.entities[0] is not reply.entities[0]
    assert sent.channel_data == reply.channel_data and sent.channel_data is not reply.channel_data
    sent.channel_data["notification"]["alert"] = False
    assert reply.serialize() == before
    sdk = await _send(TurnContext, reply)
    assert sdk.serialize() == (await _send(ReplyTurnContext, reply)).serialize()


class _CloudRecorder(CloudAdapterBase):
    def __init__(self) -> None:
        super().__init__(object())  # type: ignore[arg-type]  (never used: nothing is authenticated here)
        self.sent: list[Activity] = []

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        self.sent.extend(activities)
        return [ResourceResponse(id="recorded") for _ in activities]


async def test_traces_cloud_adapter_would_drop_are_not_copied_to_it() -> None:
    trace = Activity.create_trace_activity("BotState", value={"dialog": {"stack": []}})
    adapter = _CloudRecorder()
    teams = ReplyTurnContext(adapter, _incoming())
    response = await teams.send_activity(trace)
    assert isinstance(response, ResourceResponse) and response.id is None  # what CloudAdapter answers for it
    assert adapter.sent == [] and not teams.responded

    emulator = _incoming()
    emulator.channel_id = "emulator"  # the Emulator shows the trace: it is sent as the SDK sends it
    await ReplyTurnContext(adapter, emulator).send_activity(trace)
    assert [a.type for a in adapter.sent] == ["trace"]

    seen: list[str] = []

    async def handler(context: TurnContext, activities: list[Activity], next_send: Any) -> Any:
        seen.extend(a.type for a in activities)
        return await next_send()

    watched = ReplyTurnContext(adapter, _incoming())
    watched.on_send_activities(handler)  # a send handler sees every activity, traces too
    await watched.send_activity(trace)
    assert seen == ["trace"]


async def test_t4_a_dialog_turn_leaves_the_same_state_whether_its_snapshot_trace_is_built_or_skipped() -> None:
    from botbuilder.core import ConversationState, MemoryStorage, UserState
    from botbuilder.dialogs import DialogExtensions, DialogTurnResult, WaterfallDialog, WaterfallStepContext

    import bots  # noqa: F401  (installs the sdkfix modules)
    from bots.memory_scopes import MemoryScopes
    from bots.sdkfix import turn_dropped_snapshot
    from bots.sdkfix.turn_dropped_snapshot import SDK_SNAPSHOT_TRACE

    assert turn_dropped_snapshot.installed()
    turn_dropped_snapshot.install()  # idempotent

    async def step(step_context: WaterfallStepContext) -> DialogTurnResult:
        step_context.values["seen"] = step_context.context.activity.text
        return await step_context.end_dialog(7)

    async def turn(channel: str, snapshot: Any) -> tuple[list[str], bytes, _CloudRecorder]:
        DialogExtensions._send_state_snapshot_trace = staticmethod(snapshot)  # type: ignore[method-assign,assignment]
        try:
            storage = MemoryStorage()
            conversation, user = ConversationState(storage), UserState(storage)
            adapter = _CloudRecorder()
            incoming = _incoming()
            incoming.channel_id = channel
            context = ReplyTurnContext(adapter, incoming)
            MemoryScopes().put(context)
            context.turn_state["ConversationState"], context.turn_state["UserState"] = conversation, user
            await DialogExtensions.run_dialog(WaterfallDialog("w", [step]), context,
                                              conversation.create_property("dialogs"))
            dialogs = conversation.get_cached_state(context).state
            return sorted(map(str, context.turn_state)), pickle.dumps(dialogs), adapter
        finally:
            turn_dropped_snapshot.install()

    ours = await turn("msteams", turn_dropped_snapshot._snapshot_trace)
    sdks = await turn("msteams", SDK_SNAPSHOT_TRACE)
    assert ours[0] == sdks[0] and "DialogStateManagerConfiguration" in ours[0]
    assert ours[1] == sdks[1] and b"dialogs" in ours[1]  # the same conversation state, byte for byte
    assert ours[2].sent == sdks[2].sent == []  # dropped either way
    emulator = await turn("emulator", turn_dropped_snapshot._snapshot_trace)  # the Emulator gets the SDK's trace
    assert [(a.type, a.name) for a in emulator[2].sent] == [("trace", "BotState")]
