"""notify's time rules: "my day" slots in the person's zone with a stable jitter, reminder plans, records."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from notify import (
    EVERY_DAY,
    WEEKDAYS,
    BadPreference,
    Digest,
    UserRecord,
    digest_slot,
    due_digest,
    jitter,
    next_digest,
    reminder_plan,
    strip_names,
)
from notify.schedule import DIGEST_GRACE, DIGEST_JITTER, HORIZON

PARIS = ZoneInfo("Europe/Paris")
# Fixed dates: a Monday and a Saturday, so no test depends on today.
MONDAY = date(2026, 12, 7)
SATURDAY = date(2026, 12, 12)


def _record(**extra: object) -> UserRecord:
    return UserRecord(user_id="29:user-a", tz="Europe/Paris", digest=Digest(at=time(8, 0)), **extra)  # type: ignore[arg-type]


def test_jitter_is_stable_within_the_minute_and_differs_between_people() -> None:
    values = {jitter(f"29:user-{i}") for i in range(50)}
    assert all(0 <= v < DIGEST_JITTER < 60 for v in values)
    assert jitter("29:user-a") == jitter("29:user-a")
    assert len(values) > 40


def test_digest_slot_is_the_chosen_minute_in_the_persons_zone_on_its_days() -> None:
    record = _record()
    slot = digest_slot(record, MONDAY)
    assert slot is not None
    local = slot.astimezone(PARIS)
    assert (local.date(), local.hour, local.minute) == (MONDAY, 8, 0)
    assert digest_slot(record, SATURDAY) is None
    assert digest_slot(record.with_(digest=Digest(at=time(7, 30), days=EVERY_DAY)), SATURDAY) is not None


def test_due_digest_is_due_once_from_its_slot_for_the_grace_period() -> None:
    record = _record()
    slot = digest_slot(record, MONDAY)
    assert slot is not None
    assert due_digest(record, slot - timedelta(seconds=1)) is None
    assert due_digest(record, slot) == MONDAY.isoformat()
    assert due_digest(record, slot + DIGEST_GRACE - timedelta(seconds=1)) == MONDAY.isoformat()
    assert due_digest(record, slot + DIGEST_GRACE) is None
    assert due_digest(record.with_(digest_sent=MONDAY.isoformat()), slot) is None
    assert due_digest(record.with_(paused=True), slot) is None


def test_due_digest_across_midnight_utc_uses_the_local_date() -> None:
    record = UserRecord(user_id="29:u", tz="Pacific/Auckland", digest=Digest(at=time(0, 0), days=EVERY_DAY))
    slot = digest_slot(record, MONDAY)
    assert slot is not None and slot.astimezone(UTC).date() == MONDAY - timedelta(days=1)
    assert due_digest(record, slot + timedelta(minutes=1)) == MONDAY.isoformat()


def test_next_digest_skips_days_off() -> None:
    record = _record()
    friday_after = datetime(2026, 12, 11, 9, 0, tzinfo=PARIS)
    upcoming = next_digest(record, friday_after)
    assert upcoming is not None and upcoming.astimezone(PARIS).date() == date(2026, 12, 14)


def test_reminder_plan_keeps_meetings_of_the_next_24_hours() -> None:
    now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    meetings = [("soon", now + timedelta(minutes=30)), ("started", now - timedelta(minutes=1)),
                ("later", now + timedelta(hours=5)), ("far", now + HORIZON + timedelta(minutes=1))]
    dues, watch = reminder_plan(meetings, 10, now)
    assert [(d.event_id, d.at) for d in dues] == [("soon", (now + timedelta(minutes=20)).timestamp()),
                                                   ("later", (now + timedelta(hours=5, minutes=-10)).timestamp())]
    assert [w.event_id for w in watch] == ["soon", "later"]
    assert reminder_plan(meetings, None, now)[0] == ()


def test_records_round_trip_and_refuse_bad_values() -> None:
    record = _record(reminders=10, reference={"user": {"id": "29:user-a"}})
    assert UserRecord.from_dict(record.as_dict()) == record
    assert Digest.from_dict({"at": "07:30"}).days == WEEKDAYS
    with pytest.raises(BadPreference):
        UserRecord(user_id="u", reminders=-1)
    with pytest.raises(BadPreference):
        UserRecord(user_id="u", tz="Mars/Olympus")
    with pytest.raises(BadPreference):
        Digest(at=time(8), days=(7,))


def test_references_are_stored_without_names() -> None:
    reference = {"user": {"id": "29:u", "name": "Adele Vance", "aadObjectId": "oid"}, "bot": {"id": "28:b", "name": "MIPA"},
                 "conversation": {"id": "a:1", "name": "chat"}, "serviceUrl": "https://smba.example/"}
    stored = strip_names(reference)
    assert "Adele" not in str(stored) and "MIPA" not in str(stored)
    assert stored["user"] == {"id": "29:u", "aadObjectId": "oid"} and stored["serviceUrl"] == reference["serviceUrl"]
