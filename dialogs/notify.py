"""Opt-in alerts in chat: reminders before meetings, "my day" at a time, and the settings card.

Turning an alert on is explicit (the person asks for it); the first alert turned on creates the person's one
Graph subscription on /me/events, the last one turned off deletes it. Preferences are MIPA's own data: they
are saved at once, no confirmation card. Nothing of the person's calendar is stored.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, time

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext
from botbuilder.schema import ConversationReference

from cards.notify import alert_settings_card, days_text, minutes_text, time_text
from dialogs.alert_settings import AlertSettings
from dialogs.feature import FeatureDialog
from dialogs.services import Services, card_activity
from graph import GraphError, NotFound, UserGraph
from language import t
from language.alerts import DEFAULT_MINUTES, DEFAULT_TIME, WEEKDAYS, parse_alert
from notify import BadPreference, Digest, SubscriptionInfo, UserRecord, strip_names

__all__ = ["AlertSettings", "NotifyDialog", "reference_of", "subscribe", "unsubscribe"]

logger = logging.getLogger(__name__)


def reference_of(context: TurnContext) -> dict[str, object]:
    """The conversation reference of this turn, as stored: ids and URLs, no display names."""
    reference = TurnContext.get_conversation_reference(context.activity)
    return strip_names(ConversationReference.serialize(reference))


async def subscribe(graph: UserGraph, alerts: AlertSettings, record: UserRecord, *, now: datetime) -> UserRecord:
    """The record with a live subscription (created when it has none)."""
    if record.subscription is not None:
        return record
    url = alerts.notification_url()
    if not url:
        raise LookupError("no notification URL")
    state = secrets.token_urlsafe(24)
    created = await graph.subscriptions.create(notification_url=url, lifecycle_url=url, client_state=state, now=now)
    await alerts.store.link_subscription(created.id, record.user_id, state)
    logger.info("subscription created for alerts")
    return record.with_(subscription=SubscriptionInfo(created.id, created.expires.timestamp(), state))


async def unsubscribe(graph: UserGraph | None, alerts: AlertSettings, record: UserRecord) -> UserRecord:
    """The record without its subscription (deleted in Graph when a token is at hand)."""
    sub = record.subscription
    if sub is None:
        return record
    if graph is not None:
        try:
            await graph.subscriptions.delete(sub.id)
        except NotFound:
            pass
        except GraphError as exc:
            logger.info("subscription delete failed: %s", type(exc).__name__)
    await alerts.store.unlink_subscription(sub.id)
    logger.info("subscription deleted for alerts")
    return record.with_(subscription=None)


class NotifyDialog(FeatureDialog):
    """notify.reminders.on/off, notify.digest.on/off, notify.settings."""

    intents = ("notify.reminders.on", "notify.reminders.off", "notify.digest.on", "notify.digest.off", "notify.settings")

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(WaterfallDialog("NotifyDialog.waterfall", [self.act_step]))
        self.initial_dialog_id = "NotifyDialog.waterfall"

    async def act_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        await self.handle(step.context, request.intent, request.locale, request.tz)
        return await step.end_dialog()

    async def handle(self, context: TurnContext, intent: str, locale: str, tz: str) -> None:
        alerts = self.services.alerts
        conversation = context.activity.conversation
        if alerts is None or not alerts.notification_url():
            await self.say(context, "notify.unavailable")
            return
        if conversation is not None and conversation.conversation_type not in (None, "personal"):
            await self.say(context, "notify.not_personal")
            return
        graph = await self.graph(context)
        user_id = context.activity.from_property.id
        current = await alerts.store.get(user_id) or UserRecord(user_id=user_id)
        asked = parse_alert(context.activity.text or "", locale)
        record = current.with_(locale=locale, tz=tz, reference=reference_of(context), paused=False, told_paused=False)
        try:
            if intent == "notify.reminders.on":
                minutes = asked.minutes if asked and asked.minutes is not None else DEFAULT_MINUTES
                record = record.with_(reminders=minutes, next_refresh=0.0)
            elif intent == "notify.digest.on":
                at: time = asked.at if asked and asked.at else DEFAULT_TIME
                record = record.with_(digest=Digest(at=at, days=asked.days if asked and asked.days else WEEKDAYS), digest_sent=None)
            elif intent == "notify.reminders.off":
                record = record.with_(reminders=None, due=(), watch=())
            elif intent == "notify.digest.off":
                record = record.with_(digest=None)
        except BadPreference:
            await self.say(context, "notify.bad_value")
            return
        if intent.endswith(".on"):
            record = await subscribe(graph, alerts, record, now=self.services.clock.now())
        elif not record.active:
            record = await unsubscribe(graph, alerts, record)
        await alerts.store.update(user_id, lambda _stored: record)
        logger.info("alerts changed: %s", intent)
        if intent == "notify.reminders.on":
            said = t(intent, locale, minutes=minutes_text(record.reminders or 0, locale))
        elif intent == "notify.digest.on" and record.digest is not None:
            said = t(intent, locale, time=time_text(record.digest.at, locale), days=days_text(record.digest.days, locale))
        elif intent in ("notify.reminders.off", "notify.digest.off"):
            was_on = current.reminders is not None if intent == "notify.reminders.off" else current.digest is not None
            said = t(intent if was_on else "notify.already_off", locale)
        else:
            said = t("notify.settings.summary", locale)
        card = alert_settings_card(reminders=record.reminders, digest_at=record.digest.at if record.digest else None,
                                   digest_days=record.digest.days if record.digest else None, paused=record.paused,
                                   locale=locale)
        await context.send_activity(card_activity(card, summary=said))
