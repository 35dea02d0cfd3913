"""Events: `$select=transactionId` is a real property even when unset (reference graph-api.md §5.2, §3.2)."""

from __future__ import annotations

from datetime import timedelta

import httpx

from tests.support.clock import local_now

DAY = local_now("Europe/Paris").date()  # the first demo user's today: her demo week is built around it
WEEK = {"startDateTime": f"{DAY - timedelta(days=4)}T00:00:00Z", "endDateTime": f"{DAY + timedelta(days=4)}T00:00:00Z"}


def _event(subject: str, **extra: object) -> dict:
    return {
        "subject": subject,
        "start": {"dateTime": f"{DAY + timedelta(days=2)}T09:00:00", "timeZone": "UTC"},
        "end": {"dateTime": f"{DAY + timedelta(days=2)}T09:30:00", "timeZone": "UTC"},
        **extra,
    }


def test_select_transaction_id_on_seeded_events_is_null(graph: httpx.Client) -> None:
    # §5.2 event JSON lists "transactionId": null; selecting it is not an unknown property.
    response = graph.get("/me/events", params={"$select": "subject,transactionId", "$top": "50"})
    assert response.status_code == 200, response.text
    events = response.json()["value"]
    assert events and all(e["transactionId"] is None for e in events)
    assert all(set(e) <= {"@odata.etag", "id", "subject", "transactionId"} for e in events)
    assert response.json()["@odata.context"].endswith("/events(subject,transactionId)")
    view = graph.get("/me/calendarView", params={**WEEK, "$select": "transactionId", "$top": "100"})
    assert view.status_code == 200 and all("transactionId" in e for e in view.json()["value"])


def test_select_transaction_id_on_one_event_gives_the_value_set(graph: httpx.Client) -> None:
    created = graph.post("/me/events", json=_event("Txn select", transactionId="c0ffee00-0000-4000-8000-000000000001")).json()
    plain = graph.post("/me/events", json=_event("No txn")).json()
    # §5.2: "transactionId is returned only if the client set it" — the full body keeps that rule.
    assert "transactionId" not in plain
    one = graph.get(f"/me/events/{created['id']}", params={"$select": "transactionId"})
    assert one.status_code == 200 and one.json()["transactionId"] == "c0ffee00-0000-4000-8000-000000000001"
    other = graph.get(f"/me/events/{plain['id']}", params={"$select": "subject,transactionId"}).json()
    assert other["transactionId"] is None and other["subject"] == "No txn"
    listed = graph.get("/me/events", params={"$filter": "subject eq 'Txn select'", "$select": "transactionId"}).json()["value"]
    assert [e["transactionId"] for e in listed] == ["c0ffee00-0000-4000-8000-000000000001"]


def test_transaction_id_idempotency_still_holds_with_select(graph: httpx.Client) -> None:
    # §5.2: a second POST with the same transactionId returns the existing event, not a duplicate.
    body = _event("Once only", transactionId="c0ffee00-0000-4000-8000-000000000002")
    first = graph.post("/me/events", json=body, params={"$select": "id,transactionId"})
    again = graph.post("/me/events", json=body, params={"$select": "id,transactionId"})
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"] and again.json()["transactionId"] == body["transactionId"]
    events = graph.get("/me/events", params={"$filter": "subject eq 'Once only'"}).json()["value"]
    assert len(events) == 1
    # transactionId is immutable (§5.2 PATCH).
    patched = graph.patch(f"/me/events/{first.json()['id']}", json={"transactionId": "other"})
    assert patched.status_code == 400


def test_an_unknown_property_in_select_is_still_refused(graph: httpx.Client) -> None:
    response = graph.get("/me/events", params={"$select": "subject,noSuchThing"})
    assert response.status_code == 400
