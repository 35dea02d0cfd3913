"""Mail, contacts, people, files, SharePoint and getSchedule (reference graph-api.md §5.5–§5.8)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from sandbox.testing import AdminClient
from tests.support.clock import local_now

from .conftest import assert_graph_error


def test_flagged_and_unread_filters(graph: httpx.Client) -> None:
    flagged = graph.get("/me/messages", params={"$filter": "flag/flagStatus eq 'flagged'", "$top": "50"}).json()["value"]
    assert flagged and all(m["flag"]["flagStatus"] == "flagged" for m in flagged)
    unread = graph.get("/me/messages", params={"$filter": "isRead eq false", "$top": "50"}).json()["value"]
    assert unread and all(m["isRead"] is False for m in unread)
    page = graph.get("/me/messages").json()
    assert len(page["value"]) == 10 and "$skip=10" in page["@odata.nextLink"]


def test_messages_ids_differ_only_by_case(graph: httpx.Client) -> None:
    ids = [m["id"] for m in graph.get("/me/messages", params={"$top": "100", "$select": "id"}).json()["value"]]
    lowered = [i.lower() for i in ids]
    assert len(set(lowered)) < len(set(ids))  # §1.1: ids are case-sensitive
    pair = [i for i in ids if lowered.count(i.lower()) == 2]
    subjects = {graph.get(f"/me/messages/{i}").json()["subject"] for i in pair}
    assert len(subjects) == 2
    assert all(i.endswith("=") or "=" in i for i in ids)


def test_orderby_must_lead_the_filter(graph: httpx.Client) -> None:
    bad = graph.get("/me/messages", params={"$filter": "flag/flagStatus eq 'flagged'", "$orderby": "receivedDateTime desc"})
    assert_graph_error(bad, 400, "InefficientFilter")
    good = graph.get("/me/messages", params={"$filter": "receivedDateTime ge 1900-01-01T00:00:00Z and flag/flagStatus eq 'flagged'", "$orderby": "receivedDateTime desc"})
    received = [m["receivedDateTime"] for m in good.json()["value"]]
    assert good.status_code == 200 and received == sorted(received, reverse=True)


def test_search_and_flag_patch(graph: httpx.Client) -> None:
    first = graph.get("/me/messages", params={"$top": "1"}).json()["value"][0]
    word = first["subject"].split()[0]
    found = graph.get("/me/messages", params={"$search": f'"{word}"'}).json()["value"]
    assert first["id"] in {m["id"] for m in found}
    assert graph.get("/me/messages", params={"$search": '"zzzqqq"'}).json()["value"] == []
    flagged = graph.patch(f"/me/messages/{first['id']}", json={"flag": {"flagStatus": "flagged"}})
    assert flagged.status_code == 200 and flagged.json()["flag"]["flagStatus"] == "flagged"
    done = graph.patch(f"/me/messages/{first['id']}", json={"flag": {"flagStatus": "complete"}}).json()
    assert done["flag"]["completedDateTime"]
    due_only = graph.patch(f"/me/messages/{first['id']}", json={"flag": {"flagStatus": "flagged", "dueDateTime": {"dateTime": "2026-08-05T00:00:00", "timeZone": "UTC"}}})
    assert due_only.status_code == 400
    assert_graph_error(graph.get("/me/messages/AAMkAGMnope="), 404, "ErrorItemNotFound")


def test_contacts_filter_with_doubled_quote_and_post(graph: httpx.Client) -> None:
    found = graph.get("/me/contacts", params={"$filter": "surname eq 'O''Brien'"}).json()["value"]
    assert [c["surname"] for c in found] == ["O'Brien"]
    by_mail = graph.get("/me/contacts", params={"$filter": "emailAddresses/any(a:a/address eq 'pavelb@litware.example')"}).json()["value"]
    assert [c["givenName"] for c in by_mail] == ["Pavel"]
    assert graph.get("/me/contacts", params={"$filter": "surname eq 'O'Brien'"}).status_code == 400
    created = graph.post("/me/contacts", json={"givenName": "Pavel", "surname": "Bansky", "emailAddresses": [{"address": "pavelb@contoso.com", "name": "Pavel Bansky"}]})
    assert created.status_code == 201 and created.json()["displayName"] == "Pavel Bansky"
    assert_graph_error(graph.post("/me/contacts", json={"firstName": "x"}), 400, "RequestBodyRead")


def test_people(graph: httpx.Client, me: dict[str, str]) -> None:
    people = graph.get("/me/people").json()["value"]
    assert people and me["id"] not in {p["id"] for p in people}
    assert all(p["scoredEmailAddresses"][0]["address"] for p in people)


@pytest.mark.parametrize(("search", "found"), [
    ('"david li"', True), ('"li david"', True), ('"李四(David Li)"', True), ('"Li"', True), ('"dav"', True),
    ('"o\'brien"', True), ('"david x"', False), ('"avid"', False),
])
def test_people_search_matches_words_like_graph(graph: httpx.Client, search: str, found: bool) -> None:
    """Every searched word starts a word of the name (split at spaces, symbols, case changes) or address."""
    names = {p["displayName"] for p in graph.get("/me/people", params={"$search": search}).json()["value"]}
    wanted = "李四(David Li)" if "brien" not in search else "Liam O'Brien"
    assert (wanted in names) is found, names


def test_drive_recent_and_shared(graph: httpx.Client, graph_for) -> None:
    recent = graph.get("/me/drive/recent").json()["value"]
    assert recent and all(i["remoteItem"]["parentReference"]["driveId"] for i in recent)
    shared = graph.get("/me/drive/sharedWithMe").json()["value"]
    assert shared and all("remoteItem" in i and i["remoteItem"]["shared"]["sharedBy"]["user"]["displayName"] for i in shared)
    assert len({i["remoteItem"]["parentReference"]["driveId"] for i in shared}) >= 2


def test_sharepoint_site_lists_and_items(graph: httpx.Client) -> None:
    site = graph.get("/sites/root").json()
    assert site["id"].count(",") == 2  # hostname,siteCollectionGuid,webGuid (§5.8)
    assert graph.get(f"/sites/{site['id']}").json()["id"] == site["id"]
    lists = graph.get(f"/sites/{site['id']}/lists").json()["value"]
    the_list = lists[0]
    columns = graph.get(f"/sites/{site['id']}/lists/{the_list['id']}/columns").json()["value"]
    assert any(c["required"] for c in columns) and {"number", "boolean", "choice", "dateTime"} <= {k for c in columns for k in ("number", "boolean", "choice", "dateTime") if k in c}
    items_url = f"/sites/{site['id']}/lists/{the_list['id']}/items"
    first = graph.get(items_url, params={"expand": "fields"}).json()
    assert len(first["value"]) == 200 and first["value"][0]["fields"]["Title"]
    assert first["value"][0]["@odata.etag"].startswith('"') and "$skiptoken=" in first["@odata.nextLink"]
    rest = httpx.get(first["@odata.nextLink"], headers=graph.headers).json()
    assert rest["value"] and "@odata.nextLink" not in rest
    plain = graph.get(items_url, params={"$top": "1"}).json()["value"][0]
    assert "fields" not in plain and "fields@odata.navigationLink" in plain
    slim = graph.get(items_url, params={"$expand": "fields($select=Title)", "$top": "1"}).json()["value"][0]
    assert set(slim["fields"]) == {"@odata.etag", "Title"}
    assert graph.get(items_url, params={"$filter": "fields/Status eq 'Done'"}).status_code == 400  # not indexed
    honoured = graph.get(items_url, params={"$filter": "fields/Status eq 'Done'", "expand": "fields"}, headers={"Prefer": "HonorNonIndexedQueriesWarningMayFailRandomly"})
    assert honoured.status_code == 200 and all(i["fields"]["Status"] == "Done" for i in honoured.json()["value"])
    created = graph.post(items_url, json={"fields": {"Title": "Widget", "Quantity": 32, "Approved": True, "Status": "New"}})
    assert created.status_code == 201 and created.json()["fields"]["Quantity"] == 32
    assert graph.post(items_url, json={"fields": {"Quantity": 1}}).status_code == 400  # required Title
    assert graph.post(items_url, json={"fields": {"Title": "x", "Quantity": "many"}}).status_code == 400
    assert graph.post(items_url, json={"fields": {"Title": "x", "Colour": "red"}}).status_code == 400
    assert_graph_error(graph.get(f"/sites/{site['id']}/lists/nope/items"), 404, "itemNotFound")


def test_get_schedule(graph: httpx.Client, sandbox: AdminClient) -> None:
    users = sandbox.users()
    day = local_now("Europe/Paris").date()
    body = {
        "schedules": [users[0]["userPrincipalName"], users[2]["userPrincipalName"], "ghost@contoso.onmicrosoft.com"],
        "startTime": {"dateTime": f"{day - timedelta(days=1)}T00:00:00", "timeZone": "UTC"},
        "endTime": {"dateTime": f"{day + timedelta(days=1)}T00:00:00", "timeZone": "UTC"},
        "availabilityViewInterval": 60,
    }
    result = graph.post("/me/calendar/getSchedule", json=body).json()["value"]
    assert len(result[0]["availabilityView"]) == 48 and "2" in result[0]["availabilityView"]
    assert result[1]["scheduleItems"] and result[1]["workingHours"]["timeZone"]["name"]
    assert "error" in result[2]
