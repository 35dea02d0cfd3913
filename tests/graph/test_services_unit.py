"""Unit tests of the resource services against a fake Graph on httpx.MockTransport."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from graph import FieldError, ListColumn, MailboxSettings, PreconditionFailed, WorkingHours
from graph.calendar import free_slots
from graph.lists import validate_fields
from graph.mailbox import parse_mailbox_settings
from graph.todo import open_with_due_date, parse_task
from tests.support.clock import suite_clock

from .fakes import MAILBOX, FakeGraph, error

PARIS = ZoneInfo("Europe/Paris")


def test_mailbox_settings_map_windows_zone_and_survive_garbage() -> None:
    settings = parse_mailbox_settings(MAILBOX)
    assert settings.time_zone == "Europe/Paris" and settings.graph_time_zone == "Romance Standard Time"
    assert settings.working_hours.start == time(9) and settings.language == "fr-FR"
    broken = parse_mailbox_settings({"timeZone": "undefined"})
    assert broken.time_zone == "UTC" and broken.graph_time_zone == "UTC"


async def test_calendar_view_sends_window_order_and_zone_and_follows_pages() -> None:
    fake = FakeGraph()
    fake.route("GET", "/me/mailboxSettings", MAILBOX)
    seen: list[httpx.Request] = []

    def view(request: httpx.Request, _ctx: dict) -> httpx.Response:
        seen.append(request)
        ev = {
            "id": f"e{len(seen)}",
            "subject": "s",
            "start": {"dateTime": "2026-08-03T10:00:00.0000000", "timeZone": "Romance Standard Time"},
            "end": {"dateTime": "2026-08-03T11:00:00.0000000", "timeZone": "Romance Standard Time"},
        }
        body: dict = {"value": [ev]}
        if len(seen) == 1:
            body["@odata.nextLink"] = str(request.url) + "&$skip=10"
        return httpx.Response(200, json=body)

    fake.route("GET", "/me/calendarView", view)
    async with fake.client() as client:
        user = client.for_user("tok")
        start = datetime(2026, 8, 3, tzinfo=PARIS)
        events = await user.calendar.view(start, start + timedelta(days=1))
    assert [e.id for e in events] == ["e1", "e2"]
    assert events[0].start == datetime(2026, 8, 3, 10, tzinfo=PARIS)
    query = unquote_query(seen[0])
    assert "startDateTime=2026-08-03T00:00:00+02:00" in query and "$orderby=start/dateTime" in query
    assert all(r.headers["prefer"] == 'outlook.timezone="Romance Standard Time"' for r in seen)


def unquote_query(request: httpx.Request) -> str:
    from urllib.parse import unquote

    return unquote(request.url.query.decode())


async def test_event_create_retries_504_with_the_same_transaction_id() -> None:
    fake = FakeGraph()
    fake.route("GET", "/me/mailboxSettings", MAILBOX)
    bodies: list[dict] = []

    def create(request: httpx.Request, _ctx: dict) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        if len(bodies) == 1:
            return error(504, "GatewayTimeout")
        return httpx.Response(201, json={"id": "new", "subject": body["subject"], **body})

    fake.route("POST", "/me/events", create)
    async with fake.client() as client:
        user = client.for_user("tok")
        event = await user.calendar.create(
            subject="Sync",
            start=datetime(2026, 8, 4, 10, tzinfo=PARIS),
            end=datetime(2026, 8, 4, 11, tzinfo=PARIS),
            attendees=["a@contoso.com"],
        )
    assert len(bodies) == 2 and bodies[0]["transactionId"] == bodies[1]["transactionId"]
    assert bodies[0]["isOnlineMeeting"] is True and bodies[0]["onlineMeetingProvider"] == "teamsForBusiness"
    assert bodies[0]["start"] == {"dateTime": "2026-08-04T10:00:00", "timeZone": "Romance Standard Time"}
    assert event.start == datetime(2026, 8, 4, 10, tzinfo=PARIS)


async def test_todo_create_after_commit_then_504_does_not_duplicate() -> None:
    fake = FakeGraph()
    fake.route("GET", "/me/mailboxSettings", MAILBOX)
    store: list[dict] = []

    def create(request: httpx.Request, _ctx: dict) -> httpx.Response:
        body = json.loads(request.content)
        store.append({"id": f"t{len(store)}", "createdDateTime": suite_clock().now().isoformat(), **body})
        return error(504, "GatewayTimeout")

    def listing(request: httpx.Request, _ctx: dict) -> httpx.Response:
        assert "title eq 'O''Brien''s report'" in unquote_query(request)
        return httpx.Response(200, json={"value": store})

    fake.route("POST", "/me/todo/lists/L1/tasks", create)
    fake.route("GET", "/me/todo/lists/L1/tasks", listing)
    async with fake.client() as client:
        task = await client.for_user("tok").todo.create(
            list_id="L1", title="O'Brien's report", due=date(2026, 8, 5), importance="high", link_url="https://x"
        )
    assert len(store) == 1 and task.id == "t0" and task.due == date(2026, 8, 5)
    assert store[0]["linkedResources"][0]["webUrl"] == "https://x"


async def test_planner_progress_refetches_once_on_412_then_raises() -> None:
    fake = FakeGraph()
    etags = iter(['W/"2"', 'W/"3"'])
    patches: list[str] = []

    def get(request: httpx.Request, _ctx: dict) -> httpx.Response:
        return httpx.Response(200, json={"id": "P1", "planId": "plan", "percentComplete": 0, "@odata.etag": next(etags)})

    def patch(request: httpx.Request, _ctx: dict) -> httpx.Response:
        patches.append(request.headers["if-match"])
        return error(412)

    fake.route("GET", "/planner/tasks/P1", get)
    fake.route("PATCH", "/planner/tasks/P1", patch)
    async with fake.client() as client:
        with pytest.raises(PreconditionFailed):
            await client.for_user("tok").planner.set_progress("P1", 50, etag='W/"1"')
    assert patches == ['W/"1"', 'W/"2"']


async def test_planner_412_skips_when_change_already_applied() -> None:
    fake = FakeGraph()
    fake.route("GET", "/planner/tasks/P1", {"id": "P1", "planId": "p", "percentComplete": 100, "@odata.etag": 'W/"9"'})
    fake.route("PATCH", "/planner/tasks/P1", lambda r, c: error(412))
    async with fake.client() as client:
        task = await client.for_user("tok").planner.complete("P1", etag='W/"1"')
    assert task.is_completed and fake.count("PATCH", "/planner/tasks/P1") == 1


async def test_digest_takes_two_round_trips() -> None:
    fake = FakeGraph()
    fake.route("GET", "/me/mailboxSettings", MAILBOX)
    fake.route("GET", "/me/todo/lists", [{"id": "L1", "displayName": "Tasks", "wellknownListName": "defaultList"}])
    fake.route(
        "GET",
        "/me/todo/lists/L1/tasks",
        [
            {"id": "a", "title": "due", "dueDateTime": {"dateTime": "2026-08-03T00:00:00.0000000", "timeZone": "UTC"}},
            {"id": "b", "title": "late", "dueDateTime": {"dateTime": "2026-08-01T00:00:00.0000000", "timeZone": "UTC"}},
            {"id": "c", "title": "later", "dueDateTime": {"dateTime": "2026-08-09T00:00:00.0000000", "timeZone": "UTC"}},
        ],
    )
    fake.route(
        "GET",
        "/me/planner/tasks",
        [
            {"id": "p1", "planId": "X", "title": "due", "percentComplete": 0, "dueDateTime": "2026-08-03T10:00:00Z"},
            {"id": "p2", "planId": "X", "title": "done", "percentComplete": 100},
            {"id": "p3", "planId": "X", "title": "idle", "percentComplete": 0},
        ],
    )
    fake.route("GET", "/me/planner/plans", [{"id": "X", "title": "Plan X"}])
    fake.route("GET", "/me/messages", lambda r, c: error(429, "TooManyRequests", {"Retry-After": "60"}))
    fake.route(
        "GET",
        "/me/calendarView",
        [{"id": "m", "subject": "s", "start": {"dateTime": "2026-08-03T08:00:00", "timeZone": "UTC"},
          "end": {"dateTime": "2026-08-03T09:00:00", "timeZone": "UTC"}}],
    )
    async with fake.client() as client:
        digest = await client.for_user("tok").digest.today(datetime(2026, 8, 3, 12, tzinfo=UTC))
    assert len(fake.log) == 2
    assert digest.day == date(2026, 8, 3) and digest.time_zone == "Europe/Paris"
    assert [t.id for t in digest.todo_due] == ["a"] and [t.id for t in digest.todo_overdue] == ["b"]
    assert [t.id for t in digest.planner] == ["p1"] and digest.planner[0].plan_name == "Plan X"
    assert [m.id for m in digest.meetings] == ["m"] and digest.meetings[0].start.tzinfo is not None
    assert digest.flagged == () and digest.partial == ("mail",)


async def test_people_resolve_ranks_and_uses_one_round_trip() -> None:
    fake = FakeGraph()
    fake.route("GET", "/users", [
        {"id": "1", "displayName": "Dana O'Brien", "mail": "dana@contoso.com"},
        {"id": "2", "displayName": "Brian Obrien", "mail": "brian@contoso.com"},
    ])
    fake.route("GET", "/me/contacts", [{"displayName": "Dana O'Brien", "emailAddresses": [{"address": "dana@contoso.com"}]}])
    fake.route("GET", "/me/people", [{"displayName": "Dana O'Brien", "scoredEmailAddresses": [{"address": "dana@contoso.com"}]}])
    async with fake.client() as client:
        people = await client.for_user("tok").people.resolve("O'Brien")
    assert len(fake.log) == 1
    assert people[0].email == "dana@contoso.com" and people[0].source == "people"
    directory = next(i for i in fake.inner if i["url"].startswith("/users"))
    assert "startswith(displayName,'O''Brien')" in directory["url"].replace("%20", " ")


def test_free_slots_inside_working_hours() -> None:
    settings = MailboxSettings(
        time_zone="Europe/Paris",
        working_hours=WorkingHours(start=time(9), end=time(17), time_zone="Europe/Paris"),
    )
    day = datetime(2026, 8, 3, tzinfo=PARIS)  # a Monday
    busy = [(day.replace(hour=10), day.replace(hour=11)), (day.replace(hour=10, minute=30), day.replace(hour=12))]
    slots = free_slots(busy, start=day, end=day + timedelta(days=1), settings=settings, minutes=30)
    assert [(s.start.hour, s.end.hour) for s in slots] == [(9, 10), (12, 17)]
    weekend = free_slots([], start=day + timedelta(days=5), end=day + timedelta(days=7), settings=settings)
    assert weekend == []


def test_list_fields_are_validated_and_typed() -> None:
    columns = [
        ListColumn(name="Title", display_name="Title", type="text", required=True),
        ListColumn(name="Qty", display_name="Quantity", type="number"),
        ListColumn(name="Status", display_name="Status", type="choice", choices=("Open", "Done")),
        ListColumn(name="Modified", display_name="Modified", type="dateTime", read_only=True),
    ]
    assert validate_fields(columns, {"title": "x", "quantity": "3", "status": "done"}) == {
        "Title": "x", "Qty": 3, "Status": "Done"
    }
    for bad in ({"Qty": "3"}, {"Title": "x", "Qty": "many"}, {"Title": "x", "Status": "Maybe"},
                {"Title": "x", "Modified": "y"}, {"Title": "x", "Nope": 1}):
        with pytest.raises(FieldError):
            validate_fields(columns, bad)


@pytest.mark.parametrize("item", [
    {"id": "1", "status": "notStarted", "dueDateTime": {"dateTime": "2027-05-12T00:00:00.0000000", "timeZone": "UTC"}},
    {"id": "2", "status": "completed", "dueDateTime": {"dateTime": "2027-05-12T00:00:00", "timeZone": "UTC"}},
    {"id": "3", "status": "inProgress"},
    {"id": "4", "dueDateTime": {"dateTime": "2027-05-12T00:00:00", "timeZone": "UTC"}},  # no status: not started
    {"id": "5", "status": None, "dueDateTime": {"dateTime": "not a date"}},
    {"id": "6", "status": "waitingOnOthers", "dueDateTime": {"dateTime": 20270512}},
    {"id": "7", "status": "", "dueDateTime": "2027-05-12"},
])
def test_open_with_due_date_says_what_parse_task_would(item: dict[str, object]) -> None:
    task = parse_task(item, "list", UTC)
    assert open_with_due_date(item) is (task.due is not None and not task.is_completed)
