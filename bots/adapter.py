"""The CloudAdapter MIPA runs on: the SDK's, with turn contexts that do not deep-copy card contents.

`TurnContext.send_activities` deep-copies every outgoing activity before it applies the conversation
reference; for a reply with an Adaptive Card that walks the whole card (~1 ms for the "my day" card,
issue 13). The reply's attachments are handed over as `SharedAttachment`s, whose deep copy shares
the card content: the SDK still gets its own copy of everything it changes (ids, addresses, input
hint), and the caller's activity is left untouched. The rest of the activity is deep-copied field by
field, skipping its ~40 empty or plain fields (`_HandedActivity`). The dialog memory snapshot the SDK sends
as a trace at the end of every dialog turn is answered as `CloudAdapter` answers it outside the Emulator
(a no-op), without the copies on the way there (issue 25).

`process_json` is the SDK's `process` for a POST whose body the route has already parsed: the JSON is not
parsed twice, and the activity is built by `bots.wire.activity_from_json` instead of msrest (issue 25).
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from botbuilder.core import Bot, CloudAdapterBase, TurnContext
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ActivityTypes, Attachment, DeliveryModes, ResourceResponse
from botframework.connector import Channels
from botframework.connector.auth import ClaimsIdentity, ConnectorFactory, UserTokenClient

from .sdkfix.turn_account_copies import shallow_copy
from .wire import activity_from_json

__all__ = ["AppCloudAdapter", "ReplyTurnContext", "SharedAttachment"]


class SharedAttachment(Attachment):
    """An Attachment whose deep copy is shallow: the copy shares `content` (the card) with the original."""

    def __deepcopy__(self, memo: dict[int, Any]) -> SharedAttachment:
        return shallow_copy(self)  # copy.copy(self), without copyreg's generic protocol


def _shared(attachment: Any) -> Any:
    if type(attachment) is not Attachment:
        return attachment
    shared = SharedAttachment.__new__(SharedAttachment)
    shared.__dict__.update(attachment.__dict__)
    return shared


_PLAIN = (str, int, float, bool, type(None))


class _HandedActivity(Activity):
    """A shallow copy of a reply whose deep copy is a plain `Activity` that copies only its nested objects."""

    def __deepcopy__(self, memo: dict[int, Any]) -> Activity:
        copied = Activity.__new__(Activity)
        memo[id(self)] = copied
        copied.__dict__.update({
            name: value if type(value) in _PLAIN else copy.deepcopy(value, memo) for name, value in vars(self).items()
        })
        return copied


def _handed(activity: Activity) -> Activity:
    if type(activity) is not Activity:
        return activity
    handed = _HandedActivity.__new__(_HandedActivity)
    handed.__dict__.update(activity.__dict__)
    if activity.attachments:  # the caller's activity keeps its own attachment list
        handed.attachments = [_shared(attachment) for attachment in activity.attachments]
    return handed


class ReplyTurnContext(TurnContext):
    """A TurnContext whose outgoing activities carry `SharedAttachment`s (see the module docstring)."""

    async def send_activities(self, activities: list[Activity]) -> list[ResourceResponse]:
        if self._dropped_traces(activities):
            return [ResourceResponse() for _ in activities]
        return await super().send_activities([_handed(activity) for activity in activities])

    def _dropped_traces(self, activities: list[Activity]) -> bool:
        """Traces that CloudAdapter would drop (not the Emulator), with no send handler or buffer to see them."""
        return (  # the cheapest test first: a reply (not a trace) settles it
            bool(activities) and all(getattr(activity, "type", None) == ActivityTypes.trace for activity in activities)
            and not self._on_send_activities and isinstance(self.adapter, CloudAdapterBase)
            and self.activity.channel_id != Channels.emulator
            and self.activity.delivery_mode != DeliveryModes.expect_replies
        )


class AppCloudAdapter(CloudAdapter):
    """The SDK's CloudAdapter; its turns run on `ReplyTurnContext`."""

    async def process_json(self, request: web.Request, body: dict[str, Any], bot: Bot) -> web.Response:
        """`CloudAdapter.process` for a POST whose JSON body is `body` (same statuses, same exceptions)."""
        activity = activity_from_json(body)
        if not activity.type:
            raise web.HTTPBadRequest
        auth_header = request.headers.get("Authorization", "")
        try:
            invoke_response = await self.process_activity(auth_header, activity, bot.on_turn)
        except PermissionError as exc:
            raise web.HTTPUnauthorized from exc
        if invoke_response:
            return web.json_response(data=serializer_helper(invoke_response.body), status=invoke_response.status)
        return web.Response(status=201)

    def _create_turn_context(
        self,
        activity: Activity,
        claims_identity: ClaimsIdentity,
        oauth_scope: str,
        connector_client: Any,
        user_token_client: UserTokenClient,
        logic: Callable[[TurnContext], Awaitable[Any]],
        connector_factory: ConnectorFactory,
    ) -> TurnContext:
        sdk = super()._create_turn_context(
            activity, claims_identity, oauth_scope, connector_client, user_token_client, logic, connector_factory
        )
        context = ReplyTurnContext(self, activity)
        context.turn_state.update(sdk.turn_state)
        return context
