"""graph.mailbox updates (out of office, working hours, time zone) and To Do reminders and recurrence, against the sandbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from graph import AutomaticReplies, BadRequest, GraphClient, Recurrence, WorkingHours
from graph.todo import parse_recurrence, recurrence_body
from sandbox.testing import AdminClient

from .conftest import graph_calls

PARIS = ZoneInfo("Europe/Paris")


async def test_out_of_office_scheduled_read_back_and_turned_off(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    user = client.for_user(token)
    before = (await user.mailbox.fresh()).automatic_replies
    assert before.status == "disabled"
    start = datetime(2030, 12, 21, tzinfo=PARIS)
    end = datetime(2031, 1, 3, tzinfo=PARIS)
    wanted = AutomaticReplies("scheduled", "contactsOnly", "I'm on holiday", "Away", start, end)
    written = await user.mailbox.set_automatic_replies(wanted)
    assert written == wanted  # the same instants (kept in UTC by Graph)
    read = (await user.mailbox.fresh()).automatic_replies
    assert read.status == "scheduled" and read.start == start and read.end == end
    assert read.internal_message == "I'm on holiday" and read.external_audience == "contactsOnly"
    patch = graph_calls(sandbox, method="PATCH", contains="/me/mailboxSettings")
    assert len(patch) == 1 and patch[0]["status"] == 200
    off = await user.mailbox.set_automatic_replies(replace(read, status="disabled"))
    assert not off.is_on and (await user.mailbox.fresh()).automatic_replies.status == "disabled"


async def test_out_of_office_refused_by_graph(client: GraphClient, token: str) -> None:
    user = client.for_user(token)
    start = datetime(2030, 12, 21, tzinfo=UTC)
    with pytest.raises(BadRequest):  # Graph: ErrorInvalidScheduledOofDuration
        await user.mailbox.set_automatic_replies(AutomaticReplies("scheduled", start=start, end=start))
    with pytest.raises(ValueError):
        await user.mailbox.set_automatic_replies(AutomaticReplies("scheduled", start=start))
    assert (await user.mailbox.fresh()).automatic_replies.status == "disabled"


async def test_working_hours_and_time_zone_change(client: GraphClient, token: str) -> None:
    user = client.for_user(token)
    hours = WorkingHours(("monday", "tuesday", "wednesday", "thursday"), time(8), time(16), "America/Toronto")
    changed = await user.mailbox.update(working_hours=hours, time_zone="America/Toronto")
    assert changed.working_hours == hours
    assert changed.time_zone == "America/Toronto" and changed.graph_time_zone == "America/Toronto"
    with pytest.raises(BadRequest):
        await user.mailbox.update(working_hours=replace(hours, start=time(17)))
    assert (await user.mailbox.fresh()).working_hours.start == time(8)


async def test_task_with_reminder_and_monthly_recurrence(client: GraphClient, token: str) -> None:
    user = client.for_user(token)
    todo = await user.todo.default_list()
    reminder = datetime(2030, 5, 2, 9, 0, tzinfo=PARIS)
    monthly = Recurrence("absoluteMonthly", day_of_month=1, start=date(2030, 6, 1))
    task = await user.todo.create(list_id=todo.id, title="Pay rent", reminder=reminder, recurrence=monthly)
    assert task.reminder == reminder and task.due == date(2030, 6, 1)
    assert task.recurrence == monthly
    again = await user.todo.get(todo.id, task.id)
    assert again.recurrence is not None and again.recurrence.day_of_month == 1 and again.recurrence.kind == "absoluteMonthly"


def test_recurrence_bodies_carry_only_their_fields() -> None:
    weekly = Recurrence("weekly", days_of_week=("monday", "thursday"), start=date(2030, 1, 6), end=date(2030, 3, 1))
    body = recurrence_body(weekly)
    assert body == {"pattern": {"type": "weekly", "interval": 1, "daysOfWeek": ["monday", "thursday"]},
                    "range": {"type": "endDate", "startDate": "2030-01-06", "endDate": "2030-03-01"}}
    yearly = recurrence_body(Recurrence("absoluteYearly", day_of_month=14, month=2))
    assert yearly["pattern"] == {"type": "absoluteYearly", "interval": 1, "dayOfMonth": 14, "month": 2}
    assert parse_recurrence(None) is None and parse_recurrence({"pattern": "x"}) is None
    assert parse_recurrence(body) == weekly


async def test_free_time_follows_changed_working_hours(client: GraphClient, token: str) -> None:
    user = client.for_user(token)
    hours = WorkingHours(("saturday",), time(10), time(12), "Europe/Paris")
    await user.mailbox.update(working_hours=hours)
    after = client.for_user(token)  # the next turn's facade reads the settings again
    start = datetime(2030, 6, 3, tzinfo=PARIS)  # a Monday, far from the seeded meetings
    slots = await after.calendar.availability(start, start.replace(day=10))
    assert slots and all(s.start.astimezone(PARIS).weekday() == 5 for s in slots)
    assert all(time(10) <= s.start.astimezone(PARIS).time() and s.end.astimezone(PARIS).time() <= time(12) for s in slots)
