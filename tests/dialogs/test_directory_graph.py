"""The directory's own Graph calls on httpx.MockTransport: undo of its writes, people lookup with one
source refusing, list lookup when the tenant cannot search sites."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from dialogs.directory.contacts import find_people
from dialogs.directory.lists import find_lists
from dialogs.undo_kinds import undo_kinds
from graph import Forbidden, GraphClient, UserGraph

BASE = "https://graph.test/v1.0"


class Routes:
    """Answers by (method, path); records every request."""

    def __init__(self, answers: dict[tuple[str, str], tuple[int, dict[str, Any]]]) -> None:
        self.answers = answers
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        path = request.url.raw_path.decode().split("?")[0].removeprefix("/v1.0")
        status, body = self.answers.get((request.method, path), (404, {"error": {"code": "itemNotFound",
                                                                                  "message": "no route"}}))
        return httpx.Response(status, json=body if status != 204 else None)


@pytest.fixture
async def client() -> AsyncIterator[Any]:
    clients: list[GraphClient] = []

    async def nosleep(_: float) -> None:
        return None

    def make(routes: Routes) -> UserGraph:
        graph_client = GraphClient(base_url=BASE, transport=httpx.MockTransport(routes), sleep=nosleep)
        clients.append(graph_client)
        return graph_client.for_user("token")

    yield make
    for graph_client in clients:
        await graph_client.aclose()


async def test_undo_deletes_exactly_the_written_items(client: Any) -> None:
    routes = Routes({
        ("DELETE", "/me/contacts/AAMk%2Fab%3D%3D"): (204, {}),
        ("DELETE", "/sites/host,1,2/lists/L1/items/7"): (204, {}),
    })
    graph = client(routes)
    kinds = {kind.name: kind for kind in undo_kinds()}
    await kinds["contacts.create"].inverse(graph, {"itemId": "AAMk/ab=="}, {})
    await kinds["lists.create"].inverse(graph, {"siteId": "host,1,2", "listId": "L1", "itemId": "7"}, {})
    assert [(r.method, r.url.raw_path.decode()) for r in routes.seen] == [
        ("DELETE", "/v1.0/me/contacts/AAMk%2Fab%3D%3D"), ("DELETE", "/v1.0/sites/host,1,2/lists/L1/items/7")]


def _contacts(*names: tuple[str, str]) -> dict[str, Any]:
    return {"value": [{"id": f"c{n}", "displayName": name, "emailAddresses": [{"address": mail}],
                       "businessPhones": ["+1 555 0100"]} for n, (name, mail) in enumerate(names)]}


async def test_people_from_contacts_when_the_directory_refuses(client: Any) -> None:
    routes = Routes({
        ("GET", "/users"): (403, {"error": {"code": "Authorization_RequestDenied", "message": "denied"}}),
        ("GET", "/me/contacts"): (200, _contacts(("Siobhan O'Brien", "s@fabrikam.com"))),
    })
    found = await find_people(client(routes), "O'Brien")
    assert [(p.display_name, p.phones, p.source) for p in found] == [("Siobhan O'Brien", ("+1 555 0100",), "contact")]
    users = next(r for r in routes.seen if r.url.path.endswith("/users"))
    assert "startswith(surname,'O''Brien')" in users.url.params["$filter"]


async def test_people_merged_by_address_and_exact_name_first(client: Any) -> None:
    users = {"value": [
        {"displayName": "Liam O'Brien-Walsh", "mail": "lw@contoso.com", "jobTitle": "Sales"},
        {"displayName": "Liam O'Brien", "mail": "liam@contoso.com", "jobTitle": "Lead", "businessPhones": ["+1"]},
    ]}
    routes = Routes({("GET", "/users"): (200, users),
                     ("GET", "/me/contacts"): (200, _contacts(("Liam (work)", "liam@contoso.com")))})
    found = await find_people(client(routes), "liam o'brien")
    assert [p.display_name for p in found] == ["Liam O'Brien", "Liam O'Brien-Walsh"]


async def test_people_lookup_fails_when_both_sources_fail(client: Any) -> None:
    denied = (403, {"error": {"code": "ErrorAccessDenied", "message": "denied"}})
    with pytest.raises(Forbidden):
        await find_people(client(Routes({("GET", "/users"): denied, ("GET", "/me/contacts"): denied})), "Ann")


async def test_lists_found_in_the_root_site_when_sites_cannot_be_searched(client: Any) -> None:
    routes = Routes({
        ("GET", "/sites"): (400, {"error": {"code": "BadRequest", "message": "Resource not found for the segment"}}),
        ("GET", "/sites/root"): (200, {"id": "host,1,2", "displayName": "Operations"}),
        ("GET", "/sites/host,1,2/lists"): (200, {"value": [
            {"id": "L1", "name": "Orders", "displayName": "Orders"},
            {"id": "L2", "name": "OrdersArchive", "displayName": "Orders archive"}]}),
    })
    graph = client(routes)
    exact = await find_lists(graph, "orders", None)
    assert [(s.name, li.id) for s, li in exact] == [("Operations", "L1")]
    partial = await find_lists(graph, "archive", None)
    assert [li.id for _, li in partial] == ["L2"]
    trailing = await find_lists(graph, "Orders list with quantity 12", None)
    assert [li.id for _, li in trailing] == ["L1"]
    assert await find_lists(graph, "orders", "Marketing") == []
