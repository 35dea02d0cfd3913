"""Site search and the Orders list's required columns (reference graph-api.md §5.8, §2.3, §1.3)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from .conftest import assert_graph_error


def _names(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["@odata.context"].endswith("$metadata#sites")
    return [s["displayName"] for s in body["value"]]


def test_site_search_returns_the_matching_sites(graph: httpx.Client) -> None:
    # §5.8: site ids are {hostname},{siteCollectionGuid},{webGuid}; search is free text over the site's properties.
    found = graph.get("/sites", params={"search": "Operations"}).json()["value"]
    assert [s["displayName"] for s in found] == ["Operations"]
    assert found[0]["id"] == graph.get("/sites/root").json()["id"] and found[0]["id"].count(",") == 2
    assert found[0]["webUrl"] == "https://contoso.sharepoint.com/sites/operations"
    assert _names(graph.get("/sites", params={"search": "marketing"})) == ["Marketing"]
    assert _names(graph.get("/sites", params={"search": "campaigns"})) == ["Marketing"]  # the description counts
    assert _names(graph.get("/sites", params={"search": "oper"})) == ["Operations"]  # word prefix
    assert _names(graph.get("/sites", params={"search": "Operations Marketing"})) == []  # every word must match
    assert _names(graph.get("/sites", params={"search": "Nowhere"})) == []


def test_site_search_star_or_empty_lists_every_site_and_no_search_none(graph: httpx.Client) -> None:
    assert _names(graph.get("/sites", params={"search": "*"})) == ["Operations", "Marketing"]
    assert _names(graph.get("/sites?search=")) == ["Operations", "Marketing"]
    assert _names(graph.get("/sites")) == []  # as real Graph: without `search` the collection is empty


def test_a_found_site_opens_and_lists_its_lists(graph: httpx.Client) -> None:
    marketing = graph.get("/sites", params={"search": "Marketing"}).json()["value"][0]
    assert graph.get(f"/sites/{marketing['id']}").json()["name"] == "Marketing"
    assert graph.get(f"/sites/{marketing['id']}/lists").json()["value"] == []


def test_site_search_needs_a_sites_scope(graph_for: Callable[..., httpx.Client], me: dict[str, str]) -> None:
    # §2.3 lists/sites: Sites.Read.All; §1.3 OneDrive/SharePoint permission code.
    assert_graph_error(graph_for(me["id"], ["User.Read"]).get("/sites", params={"search": "*"}), 403, "accessDenied")
    assert graph_for(me["id"], ["Sites.Read.All"]).get("/sites", params={"search": "*"}).status_code == 200


def test_orders_has_two_required_columns_of_different_types(graph: httpx.Client) -> None:
    site = graph.get("/sites/root").json()
    columns = graph.get(f"/sites/{site['id']}/lists/Orders/columns").json()["value"]
    required = {c["name"]: next(k for k in ("text", "number", "choice", "boolean", "dateTime") if k in c)
                for c in columns if c["required"]}
    assert required == {"Title": "text", "Quantity": "number"}
    assert len(columns) == 5


def test_orders_refuses_an_item_without_each_required_column(graph: httpx.Client) -> None:
    items = f"/sites/{graph.get('/sites/root').json()['id']}/lists/Orders/items"
    body = assert_graph_error(graph.post(items, json={"fields": {"Title": "No quantity"}}), 400, "invalidRequest")
    assert "Quantity" in body["error"]["message"]
    body = assert_graph_error(graph.post(items, json={"fields": {"Quantity": 3}}), 400, "invalidRequest")
    assert "Title" in body["error"]["message"]
    zero = graph.post(items, json={"fields": {"Title": "Zero is a value", "Quantity": 0}})
    assert zero.status_code == 201 and zero.json()["fields"]["Quantity"] == 0
    assert_graph_error(graph.post(items, json={"fields": {"Title": "Text qty", "Quantity": "3"}}), 400, "invalidRequest")
