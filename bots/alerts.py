"""The alerts' sending side: reminders, "my day", invitations and changes, sent in the person's conversation.

`Alerts` is the `notify.Actions` the scheduler calls and the target of Graph change notifications. Each send
runs in the stored conversation (`ProactiveSender`, with the app's identity) and gets the person's token from
the token service for the connection; when there is none (signed out), alerts pause and the person is told
once. What a card shows (subject, time, join link) is read from Graph at send time, never stored.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from botbuilder.core import MessageFactory, TurnContext

from cards import meeting_card
from cards.notify import minutes_text
from clock import Clock
from dialogs.alert_settings import AlertSettings
from dialogs.digest import build_my_day
from dialogs.notify import subscribe, unsubscribe
from dialogs.services import Services, card_activity
from graph import Event, GraphError, NotFound, UserGraph
from language import t
from language.formatting import format_time
from notify import Due, SubscriptionInfo, UserRecord, reminder_plan, strip_names
from notify.schedule import HORIZON

from .proactive import Gone, ProactiveSender
from .wire import reference_json

__all__ = ["Alerts"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
CLAIM_TTL = 3 * 86400.0


def _same_place(stored: dict[str, Any] | None, current: dict[str, Any]) -> bool:
    """Two conversation references that reach the same conversation: equal but for the activity id."""
    if stored is None:
        return False
    return {k: v for k, v in stored.items() if k != "activityId"} == {k: v for k, v in current.items() if k != "activityId"}


class Alerts:
    """Sends alerts and keeps references; see the module docstring."""

    def __init__(self, *, settings: AlertSettings, sender: ProactiveSender, services: Services, clock: Clock) -> None:
        self.settings = settings
        self.store = settings.store
        self.sender = sender
        self.services = services
        self.clock = clock
        self._known: dict[str, tuple[str | None, ...]] = {}

    # ---- turns: references, sign-in again, uninstall -----------------------------------------
    async def remember(self, context: TurnContext) -> None:
        """Keep (or refresh) the person's conversation reference; resume paused alerts once they can be read."""
        activity = context.activity
        sender = activity.from_property
        conversation = activity.conversation
        if sender is None or not sender.id or conversation is None or conversation.conversation_type not in (None, "personal"):
            return
        # What the stored reference is made of, bar the activity id (new each turn) and names (never stored):
        # read from the activity's fields, since serialising the reference each turn cost ~3 % of a turn.
        recipient = activity.recipient
        marker = (sender.id, sender.aad_object_id, conversation.id, conversation.conversation_type,
                  conversation.tenant_id, recipient.id if recipient is not None else None, activity.channel_id,
                  activity.service_url, activity.locale)
        stored = None
        if self._known.get(sender.id) == marker:
            stored = await self.store.read(sender.id)
            if stored.record is None or not stored.record.paused:
                return
        reference = strip_names(reference_json(activity))  # as dialogs.notify.reference_of, without its copies
        if stored is None:
            stored = await self.store.read(sender.id)
        record = stored.record
        resume = False
        if record is not None and record.paused:
            token = await self.services.signin.get_user_token(context)
            resume = token is not None and bool(token.token)
            stored = None  # the token call let other turns run: the update reads the record again
        if record is not None and _same_place(record.reference, reference) and not resume:
            self._known[sender.id] = marker
            return

        def change(current: UserRecord | None) -> UserRecord:
            base = current or UserRecord(user_id=sender.id)
            if resume:
                base = base.with_(paused=False, told_paused=False, next_refresh=0.0)
            return base.with_(reference=reference)

        await self.store.update(sender.id, change, read=stored)  # from the record just read (no await since)
        self._known[sender.id] = marker
        if resume:
            logger.info("alerts resumed after sign-in")

    async def forget(self, context: TurnContext) -> None:
        """The app was removed: delete the subscription (with a token when one is at hand) and the record."""
        sender = context.activity.from_property
        if sender is None or not sender.id:
            return
        record = await self.store.get(sender.id)
        self._known.pop(sender.id, None)
        if record is None:
            return
        graph = await self._graph(context, record)
        await unsubscribe(graph, self.settings, record)
        await self.store.delete(sender.id)
        logger.info("alerts forgotten after uninstall")

    # ---- notify.Actions ------------------------------------------------------------------------
    async def meetings(self, record: UserRecord) -> Sequence[tuple[str, datetime]] | None:
        async def read(context: TurnContext, graph: UserGraph) -> list[tuple[str, datetime]]:
            now = self.clock.now()
            events = await graph.calendar.view(now, now + HORIZON)
            return [(e.id, e.start) for e in events if _upcoming(e)]

        return await self._run(record, read)

    async def remind(self, record: UserRecord, due: Due) -> None:
        async def send(context: TurnContext, graph: UserGraph) -> None:
            try:
                event = await graph.calendar.get(due.event_id)
            except NotFound:
                return
            if not _upcoming(event):
                return
            minutes = max(0, round((event.start - self.clock.now()).total_seconds() / 60))
            text = t("notify.reminder.text", record.locale, minutes=minutes_text(minutes, record.locale), subject=event.subject)
            await self._send(context, card_activity(meeting_card(event, locale=record.locale, tz=record.tz, now=self.clock.now()),
                                                    text=text, summary=text))
            logger.info("reminder sent")

        await self._run(record, send)

    async def digest(self, record: UserRecord, day: str) -> None:
        async def send(context: TurnContext, graph: UserGraph) -> None:
            my_day = await build_my_day(graph, locale=record.locale, originator=self.services.settings.outlook_originator_id,
                                        user_ids=None, now=self.clock.now())
            text = t("notify.digest.text", record.locale) + " " + my_day.summary
            await self._send(context, card_activity(my_day.card, text=text, summary=my_day.summary))
            logger.info("my day sent")

        await self._run(record, send)

    async def renew(self, record: UserRecord) -> SubscriptionInfo | None:
        async def extend(context: TurnContext, graph: UserGraph) -> SubscriptionInfo | None:
            sub = record.subscription
            if sub is None:
                return None
            try:
                renewed = await graph.subscriptions.renew(sub.id, now=self.clock.now())
            except NotFound:  # gone (expired or removed): a new one
                await self.store.unlink_subscription(sub.id)
                fresh = await subscribe(graph, self.settings, record.with_(subscription=None), now=self.clock.now())
                return fresh.subscription
            logger.info("subscription renewed")
            return SubscriptionInfo(sub.id, renewed.expires.timestamp(), sub.client_state)

        return await self._run(record, extend)

    # ---- change and lifecycle notifications ----------------------------------------------------
    async def changed(self, user_id: str, event_id: str, change: str) -> None:
        """An event of the person changed: announce invitations, changes and cancellations of the next 24 h."""
        record = await self.store.get(user_id)
        if record is None or record.reminders is None or record.paused or record.reference is None:
            return
        watched = {w.event_id: w.start for w in record.watch}

        async def announce(context: TurnContext, graph: UserGraph) -> None:
            now = self.clock.now()
            event: Event | None = None
            if change != "deleted":
                try:
                    event = await graph.calendar.get(event_id)
                except NotFound:
                    event = None
            if event is None:
                if event_id in watched and await self.store.claim(f"gone:{user_id}:{event_id}", ttl_seconds=CLAIM_TTL):
                    when = datetime.fromtimestamp(watched[event_id], now.tzinfo)
                    await self._send(context, MessageFactory.text(
                        t("notify.removed.text", record.locale, time=format_time(when, record.locale, record.tz))))
                await self._replan(user_id, event_id, None)
                return
            soon = now < event.start <= now + HORIZON
            key, text_key = None, None
            if event.is_cancelled and (soon or event_id in watched):
                key, text_key = f"cancelled:{user_id}:{event_id}", "notify.cancelled.text"
            elif change == "created" and not event.is_organizer and event.my_response in ("none", "notResponded") and event.start > now:
                key, text_key = f"invite:{user_id}:{event_id}", "notify.invitation.text"
            elif change == "updated" and soon and event_id in watched and abs(watched[event_id] - event.start.timestamp()) >= 60:
                key, text_key = f"changed:{user_id}:{event_id}:{int(event.start.timestamp())}", "notify.changed.text"
            if key and text_key and await self.store.claim(key, ttl_seconds=CLAIM_TTL):
                text = t(text_key, record.locale, subject=event.subject)
                await self._send(context, card_activity(meeting_card(event, locale=record.locale, tz=record.tz, now=now),
                                                        text=text, summary=text))
                logger.info("meeting change announced: %s", text_key.split(".")[1])
            await self._replan(user_id, event_id, event if _upcoming(event) else None)

        await self._run(record, announce)

    async def lifecycle(self, user_id: str, subscription_id: str, event: str) -> None:
        """reauthorizationRequired: reauthorize (or renew); missed / subscriptionRemoved: resubscribe and resync."""
        record = await self.store.get(user_id)
        if record is None or record.subscription is None or record.subscription.id != subscription_id:
            return

        async def handle(context: TurnContext, graph: UserGraph) -> None:
            now = self.clock.now()
            current = record
            if event == "reauthorizationRequired":
                try:
                    await graph.subscriptions.reauthorize(subscription_id)
                except GraphError:
                    renewed = await graph.subscriptions.renew(subscription_id, now=now)
                    current = current.with_(subscription=SubscriptionInfo(subscription_id, renewed.expires.timestamp(),
                                                                          current.subscription.client_state if current.subscription else ""))
                logger.info("subscription reauthorized")
            else:
                if event == "subscriptionRemoved":
                    await self.store.unlink_subscription(subscription_id)
                    current = await subscribe(graph, self.settings, current.with_(subscription=None), now=now)
                delta = await graph.subscriptions.delta(start=now, end=now + HORIZON)
                meetings = [(event_id, start) for event_id, start in delta.changes if start is not None]
                dues, watch = reminder_plan(meetings, current.reminders, now)
                current = current.with_(due=dues, watch=watch)
                logger.info("alerts resynchronised after %s", event)
            final = current
            await self.store.update(user_id, lambda r: final if r is not None else None)

        await self._run(record, handle)

    # ---- helpers ---------------------------------------------------------------------------------
    async def _replan(self, user_id: str, event_id: str, event: Event | None) -> None:
        now = self.clock.now()

        def change(current: UserRecord | None) -> UserRecord | None:
            if current is None:
                return None
            meetings = [(w.event_id, datetime.fromtimestamp(w.start, now.tzinfo)) for w in current.watch if w.event_id != event_id]
            if event is not None:
                meetings.append((event.id, event.start))
            dues, watch = reminder_plan(meetings, current.reminders, now)
            return current.with_(due=dues, watch=watch)

        await self.store.update(user_id, change)

    async def _graph(self, context: TurnContext, record: UserRecord) -> UserGraph | None:
        response = await self.services.signin.get_user_token(context)
        if response is None or not response.token:
            return None
        return self.services.graph.for_user(response.token, time_zone=record.tz)

    async def _send(self, context: TurnContext, activity: Any) -> None:
        await self.sender.send(context, activity)

    async def _run(self, record: UserRecord, work: Callable[[TurnContext, UserGraph], Awaitable[T]]) -> T | None:
        """`work` in the person's conversation with their Graph; pauses (telling them once) without a token."""
        if record.reference is None:
            return None

        async def logic(context: TurnContext) -> T | None:
            graph = await self._graph(context, record)
            if graph is None:
                await self._pause(context, record)
                return None
            return await work(context, graph)

        try:
            return await self.sender.run(record.reference, logic)
        except Gone:
            logger.info("conversation gone (403/404): reference forgotten")
            await self.store.update(record.user_id, lambda r: r.with_(reference=None) if r else None)
            return None

    async def _pause(self, context: TurnContext, record: UserRecord) -> None:
        stored = await self.store.update(record.user_id, lambda r: r.with_(paused=True) if r else None)
        if stored is not None and not record.told_paused and await self.store.claim(
                f"paused:{record.user_id}:{int(self.clock.now().timestamp() // 86400)}", ttl_seconds=86400):
            await self._send(context, MessageFactory.text(t("notify.paused", record.locale)))
            await self.store.update(record.user_id, lambda r: r.with_(told_paused=True) if r else None)
            logger.info("alerts paused: signed out")


def _upcoming(event: Event) -> bool:
    return not event.is_cancelled and not event.is_all_day and event.my_response != "declined"


