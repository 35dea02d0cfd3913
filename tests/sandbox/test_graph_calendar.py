"""Calendar contract (reference graph-api.md §3.5, §3.6, §4, §5.2)."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from tests.support.clock import local_now

from .conftest import assert_graph_error

DAY = local_now("Europe/Paris").date()  # the first demo user's today: her demo week is built around it
TODAY = {"startDateTime": f"{DAY}T00:00:00Z", "endDateTime": f"{DAY + timedelta(days=1)}T00:00:00Z"}
WEEK = {"startDateTime": f"{DAY - timedelta(days=4)}T00:00:00Z", "endDateTime": f"{DAY + timedelta(days=4)}T00:00:00Z"}


def _event(subject: str = "Planning", **extra: object) -> dict:
    return {
        "subject": subject,
        "start": {"dateTime": f"{DAY + timedelta(days=1)}T10:00:00", "timeZone": "Pacific Standard Time"},
        "end": {"dateTime": f"{DAY + timedelta(days=1)}T10:30:00", "timeZone": "Pacific Standard Time"},
        **extra,
    }


def test_calendar_view_requires_window(graph: httpx.Client) -> None:
    body = assert_graph_error(graph.get("/me/calendarView"), 400, "ErrorInvalidParameter")
    assert "StartDateTime" in body["error"]["message"]
    assert_graph_error(graph.get("/me/calendarView", params={"startDateTime": "nope", "endDateTime": "2026-01-01"}), 400, "ErrorInvalidParameter")


def test_today_has_meetings_in_utc_by_default(graph: httpx.Client) -> None:
    body = graph.get("/me/calendarView", params={**TODAY, "$orderby": "start/dateTime"}).json()
    assert len(body["value"]) >= 2
    starts = [e["start"]["dateTime"] for e in body["value"]]
    assert starts == sorted(starts)
    assert all(e["start"]["timeZone"] == "UTC" and e["start"]["dateTime"].endswith(".0000000") for e in body["value"])
    assert all(e["type"] != "seriesMaster" for e in body["value"])


def test_prefer_timezone_is_applied(graph: httpx.Client) -> None:
    response = graph.get("/me/calendarView", params=TODAY, headers={"Prefer": 'outlook.timezone="Pacific Standard Time"'})
    assert response.headers["Preference-Applied"] == 'outlook.timezone="Pacific Standard Time"'
    assert {e["start"]["timeZone"] for e in response.json()["value"]} == {"Pacific Standard Time"}
    utc = graph.get("/me/calendarView", params={**TODAY, "$orderby": "start/dateTime"}).json()["value"][0]
    pst = graph.get("/me/calendarView", params={**TODAY, "$orderby": "start/dateTime"}, headers={"Prefer": 'outlook.timezone="America/Los_Angeles"'}).json()["value"][0]
    as_utc = datetime.fromisoformat(utc["start"]["dateTime"][:19])
    as_pst = datetime.fromisoformat(pst["start"]["dateTime"][:19])
    assert timedelta(hours=7) <= as_utc - as_pst <= timedelta(hours=8)
    assert_graph_error(graph.get("/me/calendarView", params=TODAY, headers={"Prefer": 'outlook.timezone="Mars/Olympus"'}), 400, "TimeZoneNotSupportedException")


def test_paging_follows_next_link_and_select(graph: httpx.Client) -> None:
    first = graph.get("/me/calendarView", params={**WEEK, "$top": "3", "$select": "subject,start", "$orderby": "start/dateTime"}).json()
    assert first["@odata.context"].endswith("calendarView(subject,start)")
    seen = list(first["value"])
    link = first.get("@odata.nextLink")
    assert link and "$skip=3" in link and "startDateTime=" in link
    while link:
        page = httpx.get(link, headers=graph.headers).json()
        seen += page["value"]
        link = page.get("@odata.nextLink")
    assert len(seen) > 10
    assert set(seen[0]) == {"@odata.etag", "id", "subject", "start"}
    assert len({e["id"] for e in seen}) == len(seen)


def test_recurring_series_expanded_in_view_but_master_in_events(graph: httpx.Client) -> None:
    view = graph.get("/me/calendarView", params={**WEEK, "$top": "100"}).json()["value"]
    occurrences = [e for e in view if e["type"] == "occurrence"]
    assert len(occurrences) >= 3
    master_id = occurrences[0]["seriesMasterId"]
    events = graph.get("/me/events", params={"$top": "100"}).json()["value"]
    masters = [e for e in events if e["type"] == "seriesMaster"]
    assert master_id in {m["id"] for m in masters}
    assert all(e["type"] != "occurrence" for e in events)
    one = graph.get(f"/me/events/{occurrences[0]['id']}")
    assert one.status_code == 200 and one.json()["seriesMasterId"] == master_id


def test_online_meetings_and_pending_invitations_are_seeded(graph: httpx.Client) -> None:
    view = graph.get("/me/calendarView", params={**WEEK, "$top": "100"}).json()["value"]
    assert any(e["isOnlineMeeting"] and e["onlineMeeting"]["joinUrl"].startswith("https://teams.microsoft.com/l/meetup-join/") for e in view)
    assert any(e["responseStatus"]["response"] in ("none", "notResponded") for e in view)


def test_create_get_update_delete(graph: httpx.Client) -> None:
    created = graph.post("/me/events", json=_event(isOnlineMeeting=True, attendees=[{"emailAddress": {"address": "meganb@contoso.onmicrosoft.com"}, "type": "Required"}]))
    assert created.status_code == 201
    event = created.json()
    assert event["responseStatus"]["response"] == "organizer" and event["isOrganizer"] is True
    assert event["attendees"][0]["type"] == "required" and event["attendees"][0]["status"]["response"] == "none"
    assert event["onlineMeeting"]["joinUrl"] and event["onlineMeetingProvider"] == "teamsForBusiness"
    assert event["originalStartTimeZone"] == "Pacific Standard Time" and event["start"]["timeZone"] == "UTC"
    assert event["start"]["dateTime"].endswith("T18:00:00.0000000") or event["start"]["dateTime"].endswith("T17:00:00.0000000")
    got = graph.get(f"/me/events/{event['id']}?$select=subject").json()
    assert set(got) == {"@odata.context", "@odata.etag", "id", "subject"}
    patched = graph.patch(f"/me/events/{event['id']}", json={"subject": "Moved", "location": {"displayName": "Room 1"}})
    assert patched.status_code == 200
    assert patched.json()["subject"] == "Moved" and patched.json()["changeKey"] != event["changeKey"]
    assert graph.delete(f"/me/events/{event['id']}").status_code == 204
    assert_graph_error(graph.get(f"/me/events/{event['id']}"), 404, "ErrorItemNotFound")


def test_transaction_id_makes_post_idempotent(graph: httpx.Client) -> None:
    first = graph.post("/me/events", json=_event(transactionId="7E163156-7762-4BEB-A1C6-729EA81755A7")).json()
    again = graph.post("/me/events", json=_event(transactionId="7E163156-7762-4BEB-A1C6-729EA81755A7"))
    assert again.status_code == 201 and again.json()["id"] == first["id"]
    assert first["transactionId"] == "7E163156-7762-4BEB-A1C6-729EA81755A7"
    events = graph.get("/me/events", params={"$filter": "subject eq 'Planning'", "$top": "50"}).json()["value"]
    assert len(events) == 1


def test_write_validation_errors(graph: httpx.Client) -> None:
    backwards = _event()
    backwards["end"], backwards["start"] = backwards["start"], backwards["end"]
    assert_graph_error(graph.post("/me/events", json=backwards), 400, "ErrorPropertyValidationFailure")
    assert_graph_error(graph.post("/me/events", json=_event(foo=1)), 400, "RequestBodyRead")
    assert_graph_error(graph.post("/me/events", content=b"{nope", headers={"Content-Type": "application/json"}), 400, "BadRequest")
    assert_graph_error(graph.post("/me/events", content=b"{}"), 415, "RequestBodyRead")
    bad_zone = _event()
    bad_zone["start"]["timeZone"] = bad_zone["end"]["timeZone"] = "Nowhere/Land"
    assert_graph_error(graph.post("/me/events", json=bad_zone), 400, "TimeZoneNotSupportedException")
    assert_graph_error(graph.get("/me/events/not*an*id"), 400, "ErrorInvalidIdMalformed")
    assert_graph_error(graph.get("/me/events/AAMkAGI1AAAt9AHjAAA="), 404, "ErrorItemNotFound")


def test_respond_to_invitation_and_organizer_errors(graph: httpx.Client) -> None:
    view = graph.get("/me/calendarView", params={**TODAY, "$top": "50"}).json()["value"]
    invite = next(e for e in view if not e["isOrganizer"] and e["type"] == "singleInstance")
    mine = next(e for e in view if e["isOrganizer"] and e["type"] == "singleInstance")
    accepted = graph.post(f"/me/events/{invite['id']}/accept", json={"comment": "See you", "sendResponse": True})
    assert accepted.status_code == 202 and accepted.content == b""
    assert graph.get(f"/me/events/{invite['id']}").json()["responseStatus"]["response"] == "accepted"
    tentative = graph.post(f"/me/events/{invite['id']}/tentativelyAccept", json={"sendResponse": False})
    assert tentative.status_code == 202
    assert graph.get(f"/me/events/{invite['id']}").json()["responseStatus"]["response"] == "tentativelyAccepted"
    body = assert_graph_error(graph.post(f"/me/events/{mine['id']}/accept", json={}), 400, "ErrorInvalidRequest")
    assert "organizer" in body["error"]["message"]
    assert graph.post(f"/me/events/{invite['id']}/decline", json={"comment": "Sorry"}).status_code == 202
    assert graph.get(f"/me/events/{invite['id']}").status_code == 404
    assert graph.post(f"/me/events/{mine['id']}/cancel", json={"comment": "Cancelled"}).status_code == 202
    assert graph.get(f"/me/events/{mine['id']}").status_code == 404


def test_default_order_is_not_chronological(graph: httpx.Client) -> None:
    unsorted = [e["start"]["dateTime"] for e in graph.get("/me/calendarView", params={**WEEK, "$top": "100"}).json()["value"]]
    assert unsorted != sorted(unsorted)  # §3.5: clients must send $orderby


def test_a_moved_occurrence_keeps_every_later_change(graph: httpx.Client) -> None:
    """A second PATCH of a recurring occurrence (an undo of a move) is saved, and so are a delete and a response."""
    view = graph.get("/me/calendarView", params={**WEEK, "$top": "100"}).json()["value"]
    occ = next(e for e in view if e["type"] == "occurrence")
    original = {"start": occ["start"], "end": occ["end"]}
    first_start = datetime.fromisoformat(occ["start"]["dateTime"][:19])
    moved = {
        "start": {"dateTime": (first_start + timedelta(hours=2)).isoformat(), "timeZone": "UTC"},
        "end": {"dateTime": (datetime.fromisoformat(occ["end"]["dateTime"][:19]) + timedelta(hours=2)).isoformat(), "timeZone": "UTC"},
    }
    assert graph.patch(f"/me/events/{occ['id']}", json=moved).status_code == 200
    once = graph.get(f"/me/events/{occ['id']}").json()
    assert once["start"]["dateTime"][:19] == moved["start"]["dateTime"][:19] and once["type"] == "exception"
    back = graph.patch(f"/me/events/{occ['id']}", json=original)
    assert back.status_code == 200 and back.json()["start"]["dateTime"][:19] == occ["start"]["dateTime"][:19]
    again = graph.get(f"/me/events/{occ['id']}").json()
    assert again["start"]["dateTime"][:19] == occ["start"]["dateTime"][:19]
    assert again["end"]["dateTime"][:19] == occ["end"]["dateTime"][:19]
    assert graph.patch(f"/me/events/{occ['id']}", json={"subject": "Renamed once moved"}).json()["subject"] == "Renamed once moved"
    assert graph.get(f"/me/events/{occ['id']}").json()["subject"] == "Renamed once moved"
    master = graph.get(f"/me/events/{occ['seriesMasterId']}").json()
    assert master["subject"] == occ["subject"]
    assert graph.delete(f"/me/events/{occ['id']}").status_code == 204
    assert_graph_error(graph.get(f"/me/events/{occ['id']}"), 404, "ErrorItemNotFound")
    assert graph.get(f"/me/events/{occ['seriesMasterId']}").status_code == 200
