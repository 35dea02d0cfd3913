"""PATCH /me/mailboxSettings and To Do reminders and recurrence, validated as Graph does (proactive-copilot-mailbox.md §3)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from sandbox.testing import AdminClient

from .conftest import assert_graph_error

_START = {"dateTime": "2030-12-21T00:00:00", "timeZone": "Romance Standard Time"}
_END = {"dateTime": "2031-01-03T00:00:00", "timeZone": "Romance Standard Time"}


def test_schedule_automatic_replies_then_turn_them_off(graph: httpx.Client) -> None:
    patched = graph.patch("/me/mailboxSettings", json={"automaticRepliesSetting": {
        "status": "Scheduled", "externalAudience": "contactsOnly", "internalReplyMessage": "I'm on holiday",
        "externalReplyMessage": "<p>Away</p>", "scheduledStartDateTime": _START, "scheduledEndDateTime": _END,
    }})
    assert patched.status_code == 200, patched.text
    replies = patched.json()["automaticRepliesSetting"]
    assert replies["status"] == "scheduled"  # enum literals are read case-insensitively, answered canonically
    # kept in UTC: midnight in Paris is 23:00 UTC the day before
    assert replies["scheduledStartDateTime"] == {"dateTime": "2030-12-20T23:00:00.0000000", "timeZone": "UTC"}
    assert "workingHours" not in patched.json()  # the answer holds the updated properties only
    read = graph.get("/me/mailboxSettings/automaticRepliesSetting").json()
    assert read["status"] == "scheduled" and read["internalReplyMessage"] == "I'm on holiday"
    assert read["externalAudience"] == "contactsOnly"
    off = graph.patch("/me/mailboxSettings", json={"automaticRepliesSetting": {"status": "disabled"}}).json()
    kept = off["automaticRepliesSetting"]
    assert kept["status"] == "disabled" and kept["internalReplyMessage"] == "I'm on holiday"  # merged, not replaced
    assert graph.get("/me/mailboxSettings").json()["automaticRepliesSetting"]["status"] == "disabled"


def test_scheduled_end_before_start_is_refused_and_changes_nothing(graph: httpx.Client) -> None:
    before = graph.get("/me/mailboxSettings").json()
    bad = graph.patch("/me/mailboxSettings", json={
        "timeZone": "Tokyo Standard Time",
        "automaticRepliesSetting": {"status": "scheduled", "scheduledStartDateTime": _END, "scheduledEndDateTime": _START},
    })
    assert_graph_error(bad, 400, "ErrorInvalidScheduledOofDuration")
    assert graph.get("/me/mailboxSettings").json() == before


def test_bad_enums_unknown_fields_and_zones(graph: httpx.Client) -> None:
    bad_status = graph.patch("/me/mailboxSettings", json={"automaticRepliesSetting": {"status": "sometimes"}})
    assert "automaticRepliesStatus" in assert_graph_error(bad_status, 400, "RequestBodyRead")["error"]["message"]
    bad_audience = graph.patch("/me/mailboxSettings", json={"automaticRepliesSetting": {"externalAudience": "friends"}})
    assert "externalAudienceScope" in assert_graph_error(bad_audience, 400, "RequestBodyRead")["error"]["message"]
    assert_graph_error(graph.patch("/me/mailboxSettings", json={"outOfOffice": True}), 400, "RequestBodyRead")
    assert_graph_error(graph.patch("/me/mailboxSettings", json={"timeZone": "Mars/Olympus"}), 400, "TimeZoneNotSupportedException")
    assert_graph_error(graph.patch("/me/mailboxSettings", json={"userPurpose": {"value": "shared"}}), 400, "ErrorInvalidRequest")


def test_working_hours_and_time_zone(graph: httpx.Client) -> None:
    changed = graph.patch("/me/mailboxSettings", json={
        "timeZone": "America/Toronto",
        "workingHours": {"daysOfWeek": ["Thursday", "monday", "tuesday", "wednesday"], "startTime": "08:00:00", "endTime": "16:00:00.0000000",
                         "timeZone": {"name": "Eastern Standard Time"}},
    })
    assert changed.status_code == 200, changed.text
    hours = graph.get("/me/mailboxSettings/workingHours").json()
    assert hours["daysOfWeek"] == ["monday", "tuesday", "wednesday", "thursday"]
    assert (hours["startTime"], hours["endTime"]) == ("08:00:00.0000000", "16:00:00.0000000")
    assert hours["timeZone"] == {"name": "Eastern Standard Time"}
    assert graph.get("/me/mailboxSettings/timeZone").json()["value"] == "America/Toronto"
    inverted = graph.patch("/me/mailboxSettings", json={"workingHours": {"startTime": "17:00:00", "endTime": "09:00:00"}})
    assert_graph_error(inverted, 400, "ErrorInvalidWorkingHours")
    assert_graph_error(graph.patch("/me/mailboxSettings", json={"workingHours": {"daysOfWeek": []}}), 400, "ErrorInvalidWorkingHours")
    assert_graph_error(graph.patch("/me/mailboxSettings", json={"workingHours": {"daysOfWeek": ["funday"]}}), 400, "RequestBodyRead")
    assert_graph_error(graph.patch("/me/mailboxSettings", json={"workingHours": {"startTime": "8 o'clock"}}), 400, "RequestBodyRead")
    assert graph.get("/me/mailboxSettings/workingHours").json()["startTime"] == "08:00:00.0000000"


def test_changed_working_hours_show_in_get_schedule(graph: httpx.Client, me: dict[str, str]) -> None:
    graph.patch("/me/mailboxSettings", json={"workingHours": {"daysOfWeek": ["saturday"], "startTime": "10:00:00", "endTime": "12:00:00"}})
    body = {"schedules": [me["userPrincipalName"]], "startTime": {"dateTime": "2030-01-01T00:00:00", "timeZone": "UTC"},
            "endTime": {"dateTime": "2030-01-02T00:00:00", "timeZone": "UTC"}}
    hours = graph.post("/me/calendar/getSchedule", json=body).json()["value"][0]["workingHours"]
    assert hours["daysOfWeek"] == ["saturday"] and hours["startTime"] == "10:00:00.0000000"


def test_patch_needs_the_read_write_scope(graph_for: Callable[..., httpx.Client], me: dict[str, str]) -> None:
    reader = graph_for(me["id"], ["MailboxSettings.Read"])
    assert reader.get("/me/mailboxSettings").status_code == 200
    assert_graph_error(reader.patch("/me/mailboxSettings", json={"timeZone": "UTC"}), 403, "ErrorAccessDenied")


def test_settings_come_back_after_a_reset(graph: httpx.Client, sandbox: AdminClient) -> None:
    graph.patch("/me/mailboxSettings", json={"automaticRepliesSetting": {"status": "alwaysEnabled"}})
    sandbox.reset()
    assert graph.get("/me/mailboxSettings").json()["automaticRepliesSetting"]["status"] == "disabled"


def _tasks_url(graph: httpx.Client) -> str:
    lists = graph.get("/me/todo/lists").json()["value"]
    default = next(x for x in lists if x["wellknownListName"] == "defaultList")
    return f"/me/todo/lists/{default['id']}/tasks"


def test_task_with_a_reminder(graph: httpx.Client) -> None:
    url = _tasks_url(graph)
    created = graph.post(url, json={"title": "Call Anna", "isReminderOn": True,
                                    "reminderDateTime": {"dateTime": "2030-05-02T09:00:00", "timeZone": "Eastern Standard Time"}})
    assert created.status_code == 201, created.text
    task = created.json()
    assert task["isReminderOn"] is True
    assert task["reminderDateTime"] == {"dateTime": "2030-05-02T13:00:00.0000000", "timeZone": "UTC"}
    local = graph.get(f"{url}/{task['id']}", headers={"Prefer": 'outlook.timezone="Eastern Standard Time"'}).json()
    assert local["reminderDateTime"]["dateTime"] == "2030-05-02T09:00:00.0000000"
    no_time = graph.post(url, json={"title": "x", "isReminderOn": True})
    assert_graph_error(no_time, 400, "invalidRequest")
    assert_graph_error(graph.post(url, json={"title": "x", "isReminderOn": "yes"}), 400, "RequestBodyRead")
    off = graph.patch(f"{url}/{task['id']}", json={"reminderDateTime": None}).json()
    assert off["isReminderOn"] is False and off["reminderDateTime"] is None


def test_task_recurrence_is_checked_and_completed_with_defaults(graph: httpx.Client) -> None:
    fresh = graph.post("/me/todo/lists", json={"displayName": "Recurring"}).json()
    url = f"/me/todo/lists/{fresh['id']}/tasks"
    due = {"dateTime": "2030-06-01T00:00:00", "timeZone": "UTC"}
    monthly = graph.post(url, json={"title": "Pay rent", "dueDateTime": due,
                                    "recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 1}}})
    assert monthly.status_code == 201, monthly.text
    rec = monthly.json()["recurrence"]
    assert rec["pattern"] == {"type": "absoluteMonthly", "interval": 1, "month": 0, "dayOfMonth": 1, "daysOfWeek": [],
                              "firstDayOfWeek": "sunday", "index": "first"}
    assert rec["range"] == {"type": "noEnd", "startDate": "2030-06-01", "endDate": "0001-01-01", "recurrenceTimeZone": "UTC",
                            "numberOfOccurrences": 0}
    weekly = graph.post(url, json={"title": "Standup notes", "dueDateTime": due, "recurrence": {
        "pattern": {"type": "weekly", "interval": 1, "daysOfWeek": ["Monday", "friday"]},
        "range": {"type": "numbered", "startDate": "2030-06-03", "numberOfOccurrences": 10}}}).json()
    assert weekly["recurrence"]["pattern"]["daysOfWeek"] == ["monday", "friday"]
    assert weekly["recurrence"]["range"]["numberOfOccurrences"] == 10
    for bad in (
        {"pattern": {"type": "weekly", "interval": 1}},                               # weekly without days
        {"pattern": {"type": "absoluteMonthly", "interval": 1}},                      # monthly without a day
        {"pattern": {"type": "absoluteYearly", "interval": 1, "dayOfMonth": 3}},      # yearly without a month
        {"pattern": {"type": "daily", "interval": 0}},
        {"pattern": {"type": "daily", "interval": 1}, "range": {"type": "endDate", "startDate": "2030-06-01", "endDate": "2030-05-01"}},
        {"pattern": {"type": "daily", "interval": 1}, "range": {"type": "numbered", "startDate": "2030-06-01"}},
    ):
        assert_graph_error(graph.post(url, json={"title": "bad", "dueDateTime": due, "recurrence": bad}), 400, "invalidRequest")
    wrong_type = graph.post(url, json={"title": "bad", "dueDateTime": due, "recurrence": {"pattern": {"type": "hourly"}}})
    assert_graph_error(wrong_type, 400, "RequestBodyRead")
    no_due = graph.post(url, json={"title": "bad", "recurrence": {"pattern": {"type": "daily", "interval": 1}}})
    assert_graph_error(no_due, 400, "invalidRequest")
    titles = sorted(t["title"] for t in graph.get(url).json()["value"])
    assert titles == ["Pay rent", "Standup notes"]  # nothing half-written
    cleared = graph.patch(f"{url}/{monthly.json()['id']}", json={"recurrence": None}).json()
    assert cleared["recurrence"] is None
