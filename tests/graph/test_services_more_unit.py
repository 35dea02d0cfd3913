"""Unit tests of mail, contacts, files and lists against the fake Graph, plus the package's import boundary."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from urllib.parse import unquote

import httpx
import pytest

from graph import ListColumn, Unavailable

from .fakes import FakeGraph, error


def query(request: httpx.Request) -> str:
    return unquote(request.url.query.decode())


async def test_flagged_mail_puts_the_order_property_first_in_the_filter() -> None:
    fake = FakeGraph()
    seen: list[httpx.Request] = []

    def messages(request: httpx.Request, _ctx: dict) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"value": [{
            "id": "m1", "subject": "s", "receivedDateTime": "2026-08-01T10:00:00Z",
            "from": {"emailAddress": {"name": "N", "address": "n@x"}}, "flag": {"flagStatus": "flagged"},
        }]})

    fake.route("GET", "/me/messages", messages)
    async with fake.client() as client:
        mail = await client.for_user("t").mail.flagged(limit=5)
    assert mail[0].flag_status == "flagged" and mail[0].received == datetime(2026, 8, 1, 10, tzinfo=UTC)
    q = query(seen[0])
    assert "$filter=receivedDateTime ge 1900-01-01T00:00:00Z and flag/flagStatus eq 'flagged'" in q
    assert "$orderby=receivedDateTime desc" in q and "$top=5" in q


async def test_mail_search_quotes_kql_and_flag_updates() -> None:
    fake = FakeGraph()
    seen: list[httpx.Request] = []
    fake.route("GET", "/me/messages", lambda r, c: seen.append(r) or httpx.Response(200, json={"value": []}))
    patched: list[dict] = []

    def patch(request: httpx.Request, _ctx: dict) -> httpx.Response:
        patched.append(json.loads(request.content))
        return httpx.Response(200, json={"id": "m1", "flag": patched[-1]["flag"]})

    fake.route("PATCH", "/me/messages/m1", patch)
    async with fake.client() as client:
        user = client.for_user("t")
        await user.mail.search(words='budget "Q3" \\ report', sender="O'Brien")
        done = await user.mail.complete("m1")
        await user.mail.clear_flag("m1")
    assert '$search="from:O\'Brien budget Q3 report"' in query(seen[0])
    assert "$orderby" not in query(seen[0])
    assert done.flag_status == "complete" and patched[1] == {"flag": {"flagStatus": "notFlagged"}}


async def test_contact_create_is_not_duplicated_after_504() -> None:
    fake = FakeGraph()
    created: list[dict] = []

    def create(request: httpx.Request, _ctx: dict) -> httpx.Response:
        body = json.loads(request.content)
        created.append({"id": "c1", "displayName": "Pavel Bansky", **body})
        return error(504, "GatewayTimeout")

    fake.route("POST", "/me/contacts", create)
    fake.route("GET", "/me/contacts", lambda r, c: httpx.Response(200, json={"value": created}))
    async with fake.client() as client:
        contact = await client.for_user("t").contacts.create(given_name="Pavel", surname="Bansky", email="p@x.com")
    assert len(created) == 1 and contact.emails == ("p@x.com",)
    assert fake.count("POST", "/me/contacts") == 1


async def test_list_item_post_is_not_resent_after_504() -> None:
    fake = FakeGraph()
    fake.route("POST", "/sites/s,1,2/lists/L/items", lambda r, c: error(504))
    async with fake.client() as client:
        with pytest.raises(Unavailable):
            await client.for_user("t").lists.add_item(
                "s,1,2", "L", {"Title": "x"}, columns=[ListColumn(name="Title", display_name="Title")]
            )
    assert fake.count("POST", "/items") == 1


async def test_files_recent_reads_remote_items_and_empty_state() -> None:
    fake = FakeGraph()
    fake.route("GET", "/me/drive/recent", [{
        "id": "local", "remoteItem": {"id": "R1", "name": "Plan.docx", "webUrl": "https://x/Plan.docx",
                                      "parentReference": {"driveId": "D2"}, "file": {"mimeType": "m"}},
        "fileSystemInfo": {"lastAccessedDateTime": "2026-08-01T10:00:00Z"},
    }])
    fake.route("GET", "/me/drive/sharedWithMe", [])
    async with fake.client() as client:
        user = client.for_user("t")
        recent = await user.files.recent()
        shared = await user.files.shared_with_me()
    assert recent[0].id == "R1" and recent[0].name == "Plan.docx" and recent[0].drive_id == "D2"
    assert shared == []


def test_graph_imports_nothing_from_botbuilder() -> None:
    code = "import sys, graph, graph.user; print(any(m.startswith('botbuilder') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_token_is_not_in_reprs() -> None:
    from graph import GraphClient

    user = GraphClient(base_url="https://g/v1.0").for_user("secret-token")
    assert "secret-token" not in repr(user) and "secret-token" not in repr(user.session)
