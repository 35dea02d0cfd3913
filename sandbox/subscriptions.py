"""Graph change notifications in the sandbox: subscriptions, the validation call, deliveries, lifecycle, changes.

What it follows (reference proactive-copilot-mailbox.md §1, Graph's change-notification docs):
- creating a subscription first POSTs `?validationToken=` to the notification URL (and to the lifecycle URL when
  there is one); the endpoint must answer 200 with the token as text within 10 s, or the creation fails with 400;
- Outlook events live at most 4,230 minutes; an expired subscription is gone (no deliveries, 404);
- a change to an event in a subscribed mailbox is POSTed as `{"value": [{subscriptionId, clientState, changeType,
  resource, resourceData, subscriptionExpirationDateTime, tenantId}]}`; the receiver must answer 2xx within 3 s,
  or the delivery is retried (here: a few times, seconds apart, instead of Graph's four hours);
- lifecycle notifications (`reauthorizationRequired`, `missed`, `subscriptionRemoved`) go to the lifecycle URL;
  `subscriptionRemoved` deletes the subscription.

Every change is also kept in a change log (sequence number, mailbox, event id, kind) that the delta query reads.
Time comes from the sandbox's clock, never from the wall.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

__all__ = [
    "CHANGE_TYPES",
    "LIFECYCLE_EVENTS",
    "MAX_MINUTES",
    "Change",
    "Delivery",
    "Hub",
    "Subscription",
    "ValidationFailed",
]

logger = logging.getLogger(__name__)

#: Longest lifetime of an Outlook event subscription, in minutes.
MAX_MINUTES = 4230
CHANGE_TYPES = ("created", "updated", "deleted")
LIFECYCLE_EVENTS = ("reauthorizationRequired", "missed", "subscriptionRemoved")
VALIDATION_TIMEOUT = 10.0
DELIVERY_TIMEOUT = 3.0
#: Seconds to wait before each new attempt of a failed delivery (Graph retries for up to four hours).
RETRY_DELAYS = (1.0, 3.0)


class ValidationFailed(Exception):
    """The notification or lifecycle endpoint did not echo the validation token in time."""


@dataclass(slots=True)
class Subscription:
    id: str
    owner: str
    resource: str
    change_types: tuple[str, ...]
    notification_url: str
    lifecycle_url: str | None
    expiration: datetime
    client_state: str | None
    application_id: str
    tenant_id: str

    def graph(self) -> dict[str, Any]:
        """The subscription resource as Graph returns it."""
        return {
            "id": self.id,
            "resource": self.resource,
            "applicationId": self.application_id,
            "changeType": ",".join(self.change_types),
            "clientState": self.client_state,
            "notificationUrl": self.notification_url,
            "notificationQueryOptions": None,
            "lifecycleNotificationUrl": self.lifecycle_url,
            "expirationDateTime": stamp(self.expiration),
            "creatorId": self.owner,
            "includeResourceData": False,
            "latestSupportedTlsVersion": "v1_2",
            "encryptionCertificate": None,
            "encryptionCertificateId": None,
            "notificationUrlAppId": None,
        }


@dataclass(frozen=True, slots=True)
class Change:
    """One change to an event in a mailbox, for the delta query."""

    seq: int
    owner: str
    event_id: str
    kind: str


@dataclass(slots=True)
class Delivery:
    """One POST to a receiver, as the admin API reports it (ids and outcomes only)."""

    subscription_id: str
    kind: str
    url: str
    status: int | None = None
    attempts: int = 0
    delivered: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"subscriptionId": self.subscription_id, "kind": self.kind, "url": self.url, "status": self.status,
                "attempts": self.attempts, "delivered": self.delivered}


def stamp(value: datetime) -> str:
    """Graph's DateTimeOffset for subscriptions: UTC, seven fraction digits, `Z`."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


@dataclass(slots=True)
class Hub:
    """Every subscription of the sandbox, the change log and the deliveries in flight."""

    #: The sandbox's "now" (its clock, read at each call so that a clock set later is followed).
    now: Callable[[], datetime]
    tenant_id: str
    subscriptions: dict[str, Subscription] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    seq: int = 0
    deliveries: list[Delivery] = field(default_factory=list)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _session: aiohttp.ClientSession | None = None

    # -- subscriptions -------------------------------------------------------------------------------------------
    def active(self) -> list[Subscription]:
        """Subscriptions that have not expired; expired ones are removed, as Graph deletes them."""
        now = self.now()
        for sub_id in [s.id for s in self.subscriptions.values() if s.expiration <= now]:
            del self.subscriptions[sub_id]
        return list(self.subscriptions.values())

    def get(self, sub_id: str, owner: str | None = None) -> Subscription | None:
        found = next((s for s in self.active() if s.id == sub_id), None)
        if found is None or (owner is not None and found.owner != owner):
            return None
        return found

    async def validate(self, url: str) -> None:
        """POST `url?validationToken=...`; the endpoint must answer 200 with the token as text within 10 s."""
        token = "Validation: Testing client application reachability for subscription Request-Id: " + str(uuid.uuid4())
        try:
            async with self._client().post(url, params={"validationToken": token}, headers={"Content-Type": "text/plain; charset=utf-8"},
                                           timeout=aiohttp.ClientTimeout(total=VALIDATION_TIMEOUT)) as response:
                text = await response.text()
                if response.status != 200 or text != token:
                    raise ValidationFailed(f"status {response.status}")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ValidationFailed(type(exc).__name__) from exc

    def add(self, sub: Subscription) -> None:
        self.subscriptions[sub.id] = sub

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def remove(self, sub_id: str) -> None:
        self.subscriptions.pop(sub_id, None)

    # -- changes -------------------------------------------------------------------------------------------------
    def changed(self, owner: str, event_id: str, kind: str) -> None:
        """Record a change to an event in `owner`'s mailbox and notify that mailbox's subscribers."""
        self.seq += 1
        self.changes.append(Change(self.seq, owner, event_id, kind))
        if len(self.changes) > 100_000:
            del self.changes[:20_000]
        for sub in self.active():
            if sub.owner != owner or kind not in sub.change_types:
                continue
            resource = f"Users/{owner}/Events/{event_id}"
            item = {
                "id": secrets.token_hex(8),
                "subscriptionId": sub.id,
                "subscriptionExpirationDateTime": stamp(sub.expiration),
                "changeType": kind,
                "resource": resource,
                "resourceData": {"@odata.type": "#Microsoft.Graph.Event", "@odata.id": resource, "id": event_id},
                "clientState": sub.client_state,
                "tenantId": self.tenant_id,
            }
            self._deliver(sub, kind, sub.notification_url, {"value": [item]})

    def lifecycle(self, sub: Subscription, event: str) -> Delivery:
        """Send a lifecycle notification; `subscriptionRemoved` also deletes the subscription."""
        assert sub.lifecycle_url is not None
        item = {
            "subscriptionId": sub.id,
            "subscriptionExpirationDateTime": stamp(sub.expiration),
            "tenantId": self.tenant_id,
            "clientState": sub.client_state,
            "lifecycleEvent": event,
        }
        if event == "subscriptionRemoved":
            self.remove(sub.id)
        return self._deliver(sub, event, sub.lifecycle_url, {"value": [item]})

    def changes_since(self, owner: str, seq: int) -> list[Change]:
        return [c for c in self.changes if c.owner == owner and c.seq > seq]

    # -- delivery ------------------------------------------------------------------------------------------------
    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    def _deliver(self, sub: Subscription, kind: str, url: str, payload: dict[str, Any]) -> Delivery:
        delivery = Delivery(sub.id, kind, url)
        self.deliveries.append(delivery)
        if len(self.deliveries) > 10_000:
            del self.deliveries[:2_000]
        task = asyncio.get_running_loop().create_task(self._post(delivery, payload))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return delivery

    async def _post(self, delivery: Delivery, payload: dict[str, Any]) -> None:
        for delay in (0.0, *RETRY_DELAYS):
            if delay:
                await asyncio.sleep(delay)
            delivery.attempts += 1
            try:
                async with self._client().post(delivery.url, json=payload, timeout=aiohttp.ClientTimeout(total=DELIVERY_TIMEOUT)) as response:
                    delivery.status = response.status
                    if 200 <= response.status < 300:
                        delivery.delivered = True
                        return
            except (aiohttp.ClientError, TimeoutError):
                delivery.status = None
        logger.info("notification for subscription %s not delivered after %d attempts", delivery.subscription_id, delivery.attempts)

    async def drain(self) -> None:
        """Wait for the deliveries in flight (tests and shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None

    def reset(self) -> None:
        """Forget subscriptions, changes and deliveries (the tenant went back to its seed)."""
        for task in list(self._tasks):
            task.cancel()
        self.subscriptions.clear()
        self.changes.clear()
        self.deliveries.clear()


def expiry_limit(now: datetime) -> datetime:
    return now + timedelta(minutes=MAX_MINUTES)
