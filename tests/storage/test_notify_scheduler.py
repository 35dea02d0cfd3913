"""notify on a shared store (memory and a real Redis server): two instances, exactly one alert each, moved clock."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from clock import PinnedClock
from notify import Digest, Due, NotifyStore, Scheduler, SubscriptionInfo, UserRecord, digest_slot
from storage import claim_once

from .conftest import StoreFactory

# A fixed Monday morning (07:45 in Paris): the scheduler runs on the clock it is given, never on today.
START = datetime(2026, 12, 7, 6, 45, tzinfo=UTC)
USER = "29:user-a"


class Recorder:
    """The host's side, recorded: meetings come from `meetings_list`, sends are appended to `sent`."""

    def __init__(self, clock: PinnedClock, sent: list[tuple[str, str, str]], meetings_list: list[tuple[str, datetime]]) -> None:
        self.clock = clock
        self.sent = sent
        self.meetings_list = meetings_list
        self.renewed = 0
        self.signed_out = False

    async def meetings(self, record: UserRecord) -> Sequence[tuple[str, datetime]] | None:
        return None if self.signed_out else list(self.meetings_list)

    async def remind(self, record: UserRecord, due: Due) -> None:
        await asyncio.sleep(0)  # let the other instance run in between
        self.sent.append(("reminder", record.user_id, due.event_id))

    async def digest(self, record: UserRecord, day: str) -> None:
        await asyncio.sleep(0)
        self.sent.append(("digest", record.user_id, day))

    async def renew(self, record: UserRecord) -> SubscriptionInfo | None:
        self.renewed += 1
        return SubscriptionInfo("sub-1", (self.clock.now() + timedelta(minutes=4230)).timestamp(), "state")


def _instance(store_factory: StoreFactory, clock: PinnedClock, sent: list[tuple[str, str, str]],
              meetings: list[tuple[str, datetime]]) -> tuple[NotifyStore, Scheduler, Recorder]:
    storage = store_factory()

    async def claim(key: str, ttl: float) -> bool:
        return await claim_once(storage, key, ttl_seconds=ttl)

    store = NotifyStore(storage, claim=claim)
    actions = Recorder(clock, sent, meetings)
    return store, Scheduler(store, actions, clock=clock), actions


def _opted_in(**extra: object) -> UserRecord:
    return UserRecord(user_id=USER, tz="Europe/Paris", locale="fr", reminders=1, digest=Digest(at=time(8, 0)),
                      reference={"user": {"id": USER}, "conversation": {"id": "a:1"}, "serviceUrl": "http://127.0.0.1:1/"},
                      **extra)  # type: ignore[arg-type]


async def _both(a: Scheduler, b: Scheduler) -> None:
    await asyncio.gather(a.run_once(), b.run_once())


async def test_two_instances_send_each_alert_exactly_once(store_factory: StoreFactory) -> None:
    clock = PinnedClock(START, running=False)
    sent: list[tuple[str, str, str]] = []
    meetings = [("event-1", START + timedelta(seconds=150))]
    store_a, sched_a, _ = _instance(store_factory, clock, sent, meetings)
    _store_b, sched_b, _ = _instance(store_factory, clock, sent, meetings)
    await store_a.update(USER, lambda _r: _opted_in())
    assert await store_a.users() == [USER]

    await _both(sched_a, sched_b)  # plans the reminder for start - 1 min; nothing is due yet
    assert sent == []
    record = await store_a.get(USER)
    assert record is not None and [d.event_id for d in record.due] == ["event-1"] and record.next_refresh > START.timestamp()

    clock.advance(89)
    await _both(sched_a, sched_b)
    assert sent == []
    clock.advance(2)  # 59 s before the start
    for _ in range(3):
        await _both(sched_a, sched_b)
    assert sent == [("reminder", USER, "event-1")]

    slot = digest_slot(_opted_in(), START.date())
    assert slot is not None and slot.astimezone(UTC).hour == 7 and slot.minute == 0
    clock.set(slot + timedelta(seconds=1))
    for _ in range(3):
        await _both(sched_a, sched_b)
    assert sent[1:] == [("digest", USER, "2026-12-07")]
    stored = await store_a.get(USER)
    assert stored is not None and stored.digest_sent == "2026-12-07"


async def test_instance_b_carries_on_when_a_stops(store_factory: StoreFactory) -> None:
    clock = PinnedClock(START, running=False)
    sent: list[tuple[str, str, str]] = []
    meetings = [("event-2", START + timedelta(minutes=10))]
    store_a, sched_a, _ = _instance(store_factory, clock, sent, meetings)
    await store_a.update(USER, lambda _r: _opted_in())
    await sched_a.run_once()
    del sched_a, store_a  # instance A is gone; only the shared store remains
    _store_b, sched_b, _ = _instance(store_factory, clock, sent, meetings)
    clock.advance(timedelta(minutes=9, seconds=1))
    await sched_b.run_once()
    assert sent == [("reminder", USER, "event-2")]


async def test_opting_out_and_pausing_stop_alerts(store_factory: StoreFactory) -> None:
    clock = PinnedClock(START, running=False)
    sent: list[tuple[str, str, str]] = []
    meetings = [("event-3", START + timedelta(minutes=5))]
    store, sched, actions = _instance(store_factory, clock, sent, meetings)
    await store.update(USER, lambda _r: _opted_in())
    await sched.run_once()
    await store.update(USER, lambda r: r.with_(reminders=None, due=()) if r else None)
    clock.advance(timedelta(minutes=4, seconds=30))
    await sched.run_once()
    assert sent == []
    await store.update(USER, lambda r: r.with_(paused=True) if r else None)
    slot = digest_slot(_opted_in(), START.date())
    assert slot is not None
    clock.set(slot + timedelta(seconds=5))
    await sched.run_once()
    assert sent == []
    await store.update(USER, lambda r: r.with_(paused=False, digest=None) if r else None)
    await sched.run_once()
    assert sent == []
    await store.delete(USER)
    assert await store.get(USER) is None and await store.users() == []


async def test_refresh_renews_a_subscription_close_to_expiry_and_pauses_without_a_token(store_factory: StoreFactory) -> None:
    clock = PinnedClock(START, running=False)
    sent: list[tuple[str, str, str]] = []
    store, sched, actions = _instance(store_factory, clock, sent, [])
    soon = SubscriptionInfo("sub-1", (START + timedelta(hours=2)).timestamp(), "state")
    await store.update(USER, lambda _r: _opted_in(subscription=soon))
    await sched.run_once()
    record = await store.get(USER)
    assert actions.renewed == 1 and record is not None and record.subscription is not None
    assert record.subscription.expires > (START + timedelta(days=2)).timestamp()
    actions.signed_out = True
    clock.advance(timedelta(hours=1))
    await sched.run_once()
    assert actions.renewed == 1


async def test_subscription_links_and_records_carry_no_subjects(store_factory: StoreFactory) -> None:
    store, _sched, _ = _instance(store_factory, PinnedClock(START, running=False), [], [])
    await store.link_subscription("sub-9", USER, "client-state")
    assert await store.subscription_owner("sub-9") == (USER, "client-state")
    await store.unlink_subscription("sub-9")
    assert await store.subscription_owner("sub-9") is None
    record = await store.update(USER, lambda _r: _opted_in())
    assert record is not None
    assert set(record.as_dict()) >= {"user_id", "reminders", "digest", "due", "reference"}
    assert "subject" not in str(record.as_dict()).lower()


async def test_an_update_starts_from_an_earlier_read_and_reads_again_after_a_conflict(store_factory: StoreFactory) -> None:
    store = NotifyStore(store_factory(), claim=lambda key, ttl: asyncio.sleep(0, True))
    await store.update(USER, lambda _r: _opted_in())
    first = await store.read(USER)
    assert first.record is not None and first.record.reminders == 1
    changes: list[UserRecord | None] = []

    def later(current: UserRecord | None) -> UserRecord | None:
        changes.append(current)
        return current.with_(reminders=15) if current else None

    await store.update(USER, later, read=first)
    assert changes == [first.record]  # started from the record read, without reading it again
    assert (await store.get(USER)).reminders == 15  # type: ignore[union-attr]

    stale = await store.read(USER)
    await store.update(USER, lambda r: r.with_(locale="en") if r else None)  # someone else, meanwhile
    changes.clear()
    await store.update(USER, later, read=stale)
    final = await store.get(USER)
    assert final is not None and final.reminders == 15
    if isinstance(stale.raw, dict) and stale.raw.get("e_tag"):  # a store with eTags (Redis): the write was refused,
        assert len(changes) == 2 and final.locale == "en"  # the record read again and the change made on it
    else:  # memory mode keeps no eTag on these records: the stale read is written, as a fresh read just before would be
        assert len(changes) == 1 and final.locale == "fr"
