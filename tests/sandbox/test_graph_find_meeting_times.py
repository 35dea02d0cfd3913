"""POST /me/findMeetingTimes, brief form (reference graph-api.md §5.2 findMeetingTimes, §4.2, §2.3, §1.3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from sandbox.testing import AdminClient
from tests.support.clock import local_now

from .conftest import assert_graph_error

PARIS = ZoneInfo("Europe/Paris")


def _weekday(client: httpx.Client) -> date:
    """The first working day after today (in Paris, by the suite's clock) that the user spends at work.

    The demo week has an all-day out-of-office training two days after the seed date: on a Saturday, that is
    the coming Monday, when nobody can book the user.
    """
    day = local_now("Europe/Paris").date() + timedelta(days=1)
    while True:
        if day.weekday() < 5:
            view = client.get("/me/calendarView", params={"startDateTime": f"{day}T00:00:00", "endDateTime": f"{day}T23:59:59",
                                                          "$top": "100"}, headers={"Prefer": 'outlook.timezone="Romance Standard Time"'})
            if not any(e["isAllDay"] and e["showAs"] == "oof" for e in view.raise_for_status().json()["value"]):
                return day
        day += timedelta(days=1)


def _slot(day: date, start: str, end: str) -> dict:
    return {"start": {"dateTime": f"{day}T{start}:00", "timeZone": "Romance Standard Time"},
            "end": {"dateTime": f"{day}T{end}:00", "timeZone": "Romance Standard Time"}}


def _paris(value: dict) -> datetime:
    assert value["timeZone"] == "Romance Standard Time"
    return datetime.fromisoformat(value["dateTime"][:19]).replace(tzinfo=PARIS)


def _busy(client: httpx.Client, day: date) -> list[tuple[datetime, datetime]]:
    view = client.get("/me/calendarView", params={"startDateTime": f"{day - timedelta(days=1)}T00:00:00Z",
                                                  "endDateTime": f"{day + timedelta(days=2)}T00:00:00Z", "$top": "500"})
    return [(datetime.fromisoformat(e["start"]["dateTime"][:19]).replace(tzinfo=UTC),
             datetime.fromisoformat(e["end"]["dateTime"][:19]).replace(tzinfo=UTC))
            for e in view.json()["value"] if e["showAs"] != "free" and not e["isCancelled"]]


def _free(busy: list[tuple[datetime, datetime]], start: datetime, end: datetime) -> bool:
    return not any(s < end and e > start for s, e in busy)


def _find(client: httpx.Client, body: dict, zone: str = "Romance Standard Time") -> httpx.Response:
    return client.post("/me/findMeetingTimes", json=body, headers={"Prefer": f'outlook.timezone="{zone}"'})


def test_suggestions_follow_calendars_working_hours_and_confidence(sandbox: AdminClient,
                                                                   graph_for: Callable[..., httpx.Client]) -> None:
    adele, camille = sandbox.users()[:2]
    me, other = graph_for(adele["id"]), graph_for(camille["id"])
    day = _weekday(me)
    response = _find(me, {
        "attendees": [{"type": "required", "emailAddress": {"address": camille["userPrincipalName"], "name": "C"}}],
        "timeConstraint": {"activityDomain": "work", "timeSlots": [_slot(day, "00:00", "23:59")]},
        "meetingDuration": "PT1H", "returnSuggestionReasons": "true", "minimumAttendeePercentage": "0",
        "locationConstraint": {"isRequired": "false", "suggestLocation": "false", "locations": [{"displayName": "Room 1"}]},
    })
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["@odata.context"].endswith("$metadata#microsoft.graph.meetingTimeSuggestionsResult")
    assert response.headers["Preference-Applied"] == 'outlook.timezone="Romance Standard Time"'  # §4.2
    suggestions = body["meetingTimeSuggestions"]
    assert suggestions and body["emptySuggestionsReason"] == ""
    mine, theirs = _busy(me, day), _busy(other, day)
    for suggestion in suggestions:
        start, end = _paris(suggestion["meetingTimeSlot"]["start"]), _paris(suggestion["meetingTimeSlot"]["end"])
        assert end - start == timedelta(hours=1)
        assert start.hour >= 9 and (end.hour, end.minute) <= (17, 0)  # Adele's working hours (work domain)
        assert suggestion["organizerAvailability"] == "free" and _free(mine, start, end)
        (seen,) = suggestion["attendeeAvailability"]
        assert seen["attendee"]["emailAddress"]["address"] == camille["userPrincipalName"]
        if _free(theirs, start, end):
            assert seen["availability"] == "free"
        else:
            assert seen["availability"] in ("busy", "tentative", "oof", "workingElsewhere")
        assert suggestion["confidence"] == {"free": 100, "tentative": 50}.get(seen["availability"], 0)
        assert suggestion["locations"] == [{"displayName": "Room 1"}] and suggestion["suggestionReason"]
    # sorted by confidence, then time; order numbers 1..n
    assert {s["attendeeAvailability"][0]["availability"] for s in suggestions} != {"free"} or len(suggestions) >= 8
    keys = [(-s["confidence"], s["meetingTimeSlot"]["start"]["dateTime"]) for s in suggestions]
    assert keys == sorted(keys) and [s["order"] for s in suggestions] == list(range(1, len(suggestions) + 1))


def test_a_busy_organizer_gets_no_suggestion_unless_optional(graph: httpx.Client) -> None:
    day = _weekday(graph)
    created = graph.post("/me/events", json={"subject": "Blocker", "showAs": "busy", **_slot(day, "10:00", "11:00")})
    assert created.status_code == 201
    window = {"timeConstraint": {"timeSlots": [_slot(day, "10:00", "11:00")]}, "meetingDuration": "PT1H"}
    body = _find(graph, window).json()
    assert body["meetingTimeSuggestions"] == [] and body["emptySuggestionsReason"] == "organizerUnavailable"
    optional = _find(graph, {**window, "isOrganizerOptional": True}).json()["meetingTimeSuggestions"]
    assert [s["organizerAvailability"] for s in optional] == ["busy"]
    assert _paris(optional[0]["meetingTimeSlot"]["start"]).hour == 10


def test_unknown_attendees_count_49_against_the_minimum_percentage(graph: httpx.Client) -> None:
    day = _weekday(graph)
    body = {"attendees": [{"type": "required", "emailAddress": {"address": "someone@fabrikam.com"}}],
            "timeConstraint": {"timeSlots": [_slot(day, "06:00", "23:00")], "activityDomain": "unrestricted"},
            "meetingDuration": "PT30M"}
    empty = _find(graph, body).json()  # default minimumAttendeePercentage 50 > 49
    assert empty["meetingTimeSuggestions"] == [] and empty["emptySuggestionsReason"] == "attendeesUnavailableOrUnknown"
    found = _find(graph, {**body, "minimumAttendeePercentage": 40, "maxCandidates": "3"}).json()["meetingTimeSuggestions"]
    assert len(found) == 3
    assert all(s["confidence"] == 49 and s["attendeeAvailability"][0]["availability"] == "unknown" for s in found)
    assert all(s["suggestionReason"] == "" for s in found)  # reasons only when asked for


def test_work_domain_keeps_to_working_hours_unrestricted_does_not(graph: httpx.Client) -> None:
    day = _weekday(graph)
    early = {"timeConstraint": {"timeSlots": [_slot(day, "05:00", "07:00")], "activityDomain": "work"}}
    assert _find(graph, early).json()["meetingTimeSuggestions"] == []
    early["timeConstraint"]["activityDomain"] = "unrestricted"
    found = _find(graph, early, zone="UTC").json()["meetingTimeSuggestions"]
    assert found and all(s["meetingTimeSlot"]["start"]["timeZone"] == "UTC" for s in found)
    busy = _busy(graph, day)
    for s in found:  # default duration PT30M, every slot inside the window and free
        start = datetime.fromisoformat(s["meetingTimeSlot"]["start"]["dateTime"][:19]).replace(tzinfo=UTC)
        end = datetime.fromisoformat(s["meetingTimeSlot"]["end"]["dateTime"][:19]).replace(tzinfo=UTC)
        assert end - start == timedelta(minutes=30) and _free(busy, start, end)
        assert 5 <= start.astimezone(PARIS).hour and end.astimezone(PARIS).hour <= 7


def test_find_meeting_times_errors(graph: httpx.Client, graph_for: Callable[..., httpx.Client], me: dict[str, str]) -> None:
    assert_graph_error(_find(graph, {"meetingDuration": "one hour"}), 400, "ErrorInvalidParameter")
    assert_graph_error(_find(graph, {"nope": 1}), 400, "RequestBodyRead")
    day = _weekday(graph)
    backwards = {"timeConstraint": {"timeSlots": [_slot(day, "11:00", "10:00")]}}
    assert_graph_error(_find(graph, backwards), 400, "ErrorInvalidParameter")
    # §2.3: Calendars.Read.Shared; §1.3 Outlook 403 code
    assert_graph_error(_find(graph_for(me["id"], ["Calendars.Read"]), {}), 403, "ErrorAccessDenied")
    assert graph.post("/me/findMeetingTimes").status_code == 200  # every body field is optional
