"""Deletes the undo buttons need: contacts (reference graph-api.md §5.5, §1.3) and list items (§5.8, §1.3)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from .conftest import assert_graph_error


def _orders(graph: httpx.Client) -> tuple[str, str]:
    site = graph.get("/sites/root").json()
    lists = graph.get(f"/sites/{site['id']}/lists").json()["value"]
    return site["id"], next(li["id"] for li in lists if li["displayName"] == "Orders")


def test_delete_contact_then_it_is_gone(graph: httpx.Client) -> None:
    created = graph.post("/me/contacts", json={"givenName": "Pavel", "surname": "Bansky",
                                               "emailAddresses": [{"address": "pavelb@contoso.com", "name": "Pavel Bansky"}]})
    assert created.status_code == 201
    contact_id = created.json()["id"]
    deleted = graph.delete(f"/me/contacts/{contact_id}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert deleted.headers["request-id"]
    # §1.3 Outlook item missing: 404 ErrorItemNotFound, for the read and for a second delete.
    assert_graph_error(graph.get(f"/me/contacts/{contact_id}"), 404, "ErrorItemNotFound")
    body = assert_graph_error(graph.delete(f"/me/contacts/{contact_id}"), 404, "ErrorItemNotFound")
    assert body["error"]["message"] == "The specified object was not found in the store."
    listed = graph.get("/me/contacts", params={"$top": "100"}).json()["value"]
    assert contact_id not in {c["id"] for c in listed}


def test_delete_a_seeded_contact_and_an_unknown_one(graph: httpx.Client) -> None:
    before = graph.get("/me/contacts", params={"$top": "100"}).json()["value"]
    assert graph.delete(f"/me/contacts/{before[0]['id']}").status_code == 204
    after = graph.get("/me/contacts", params={"$top": "100"}).json()["value"]
    assert len(after) == len(before) - 1
    assert_graph_error(graph.delete("/me/contacts/AAMkAGnope="), 404, "ErrorItemNotFound")


def test_delete_contact_needs_contacts_readwrite(graph_for: Callable[..., httpx.Client], me: dict[str, str], graph: httpx.Client) -> None:
    contact_id = graph.get("/me/contacts").json()["value"][0]["id"]
    reader = graph_for(me["id"], ["Contacts.Read"])
    # §2.3: Contacts.ReadWrite for writes; §1.3 Outlook 403 code.
    assert_graph_error(reader.delete(f"/me/contacts/{contact_id}"), 403, "ErrorAccessDenied")
    assert graph.get(f"/me/contacts/{contact_id}").status_code == 200


def test_delete_list_item_then_it_is_gone(graph: httpx.Client) -> None:
    site_id, list_id = _orders(graph)
    created = graph.post(f"/sites/{site_id}/lists/{list_id}/items", json={"fields": {"Title": "Undo me", "Quantity": 3}})
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    assert graph.get(f"/sites/{site_id}/lists/{list_id}/items/{item_id}", params={"expand": "fields"}).json()["fields"]["Title"] == "Undo me"
    deleted = graph.delete(f"/sites/{site_id}/lists/{list_id}/items/{item_id}")
    assert deleted.status_code == 204 and deleted.content == b""
    # §1.3 OneDrive/SharePoint item missing: 404 itemNotFound.
    assert_graph_error(graph.get(f"/sites/{site_id}/lists/{list_id}/items/{item_id}"), 404, "itemNotFound")
    body = assert_graph_error(graph.delete(f"/sites/{site_id}/lists/{list_id}/items/{item_id}"), 404, "itemNotFound")
    assert body["error"]["message"] == "The resource could not be found."
    titles = [i["fields"]["Title"] for i in graph.get(f"/sites/{site_id}/lists/{list_id}/items",
                                                       params={"expand": "fields", "$top": "5000"}).json()["value"]]
    assert "Undo me" not in titles and len(titles) == 230


def test_delete_list_item_by_list_title_and_unknown_list(graph: httpx.Client) -> None:
    site_id, _list_id = _orders(graph)
    assert graph.delete(f"/sites/{site_id}/lists/Orders/items/7").status_code == 204
    assert_graph_error(graph.get(f"/sites/{site_id}/lists/Orders/items/7"), 404, "itemNotFound")
    assert graph.get(f"/sites/{site_id}/lists/Orders/items/8").status_code == 200
    body = assert_graph_error(graph.delete(f"/sites/{site_id}/lists/Nope/items/8"), 404, "itemNotFound")
    assert body["error"]["message"] == "The specified list was not found"


def test_delete_list_item_needs_sites_readwrite(graph_for: Callable[..., httpx.Client], me: dict[str, str], graph: httpx.Client) -> None:
    site_id, list_id = _orders(graph)
    reader = graph_for(me["id"], ["Sites.Read.All"])
    assert_graph_error(reader.delete(f"/sites/{site_id}/lists/{list_id}/items/9"), 403, "accessDenied")
    assert graph.get(f"/sites/{site_id}/lists/{list_id}/items/9").status_code == 200
