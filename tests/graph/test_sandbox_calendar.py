"""Calendar and mailbox services against the real sandbox process over HTTP, request counts from its log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from graph import BadRequest, Forbidden, GraphClient, NotFound
from sandbox.testing import AdminClient
from tests.support.clock import local_now, suite_clock

from .conftest import graph_calls

PARIS = ZoneInfo("Europe/Paris")


async def week(client: GraphClient, token: str, sandbox: AdminClient) -> tuple[Any, datetime]:
    user = client.for_user(token)
    settings = await user.mailbox.settings()
    assert settings.time_zone == "Europe/Paris"
    sandbox.clear_requests()
    start = local_now("Europe/Paris").replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=7)
    return user, start


async def test_view_is_one_request_chronological_and_in_the_users_zone(
    client: GraphClient, token: str, sandbox: AdminClient
) -> None:
    user, start = await week(client, token, sandbox)
    events = await user.calendar.view(start, start + timedelta(days=21))
    calls = graph_calls(sandbox)
    assert len(calls) == 1 and "/me/calendarView" in calls[0]["path"]
    assert calls[0]["clientRequestId"] and calls[0]["status"] == 200
    assert len(events) > 10
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert all(e.start.utcoffset() == e.start.astimezone(PARIS).utcoffset() for e in events)
    assert any(e.type == "occurrence" for e in events)
    assert all(start <= e.end and e.start <= start + timedelta(days=21) for e in events)


async def test_paging_follows_next_links_verbatim(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    user, start = await week(client, token, sandbox)
    params = {
        "startDateTime": start.isoformat(),
        "endDateTime": (start + timedelta(days=21)).isoformat(),
        "$orderby": "start/dateTime",
        "$top": 4,
        "$select": "id,subject,start,end",
    }
    pages = [p async for p in client.pages("/me/calendarView", token=token, params=params, page_cap=50)]
    calls = graph_calls(sandbox)
    assert len(pages) == len(calls) >= 3
    links = [p.json().get("@odata.nextLink") for p in pages]
    assert links[-1] is None
    for link, call in zip(links[:-1], calls[1:], strict=True):
        assert link.endswith(call["path"])
    ids = [e["id"] for p in pages for e in p.values()]
    assert len(ids) == len(set(ids))
    everything = await user.calendar.view(start, start + timedelta(days=21))
    assert sorted(ids) == sorted(e.id for e in everything)


async def test_next_meeting_and_get_by_id(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    user, start = await week(client, token, sandbox)
    now = suite_clock().now()
    meeting = await user.calendar.next_meeting(now, horizon=timedelta(days=14))
    assert meeting is not None and meeting.start >= now and not meeting.is_all_day
    sandbox.clear_requests()
    again = await user.calendar.get(meeting.id)
    assert again.id == meeting.id and again.start == meeting.start
    assert len(graph_calls(sandbox)) == 1
    with pytest.raises(NotFound):
        await user.calendar.get(meeting.id[:-4] + "AAA=")


async def test_create_with_attendees_and_teams_link_then_move_and_cancel(
    client: GraphClient, token: str, sandbox: AdminClient
) -> None:
    user, _ = await week(client, token, sandbox)
    begin = (local_now("Europe/Paris") + timedelta(days=2)).replace(hour=14, minute=0, second=0, microsecond=0)
    event = await user.calendar.create(
        subject="Revue O'Brien \"Q3\"",
        start=begin,
        end=begin + timedelta(minutes=30),
        attendees=["liamo@contoso.onmicrosoft.com"],
    )
    assert event.is_online_meeting and event.join_url and event.join_url.startswith("https://teams.microsoft.com/")
    assert event.start == begin and event.is_organizer
    assert [a.email for a in event.attendees] == ["liamo@contoso.onmicrosoft.com"]
    posts = graph_calls(sandbox, method="POST")
    assert len(posts) == 1
    moved = await user.calendar.move(event.id, begin + timedelta(hours=1), begin + timedelta(hours=2))
    assert moved.start == begin + timedelta(hours=1)
    await user.calendar.cancel(event.id, "Sorry")
    with pytest.raises(NotFound):
        await user.calendar.get(event.id)


async def test_commit_then_504_creates_one_event(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    user, _ = await week(client, token, sandbox)
    sandbox.set_faults({"rules": [{"match": {"method": "POST", "path": "/v1.0/me/events"}, "fault": "commit_then_504", "once": True}]})
    begin = (local_now("Europe/Paris") + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    event = await user.calendar.create(subject="Only once", start=begin, end=begin + timedelta(hours=1))
    posts = graph_calls(sandbox, method="POST", contains="/me/events")
    assert [p["status"] for p in posts] == [504, 201]
    sandbox.clear_faults()
    same_day = await user.calendar.view(begin - timedelta(hours=1), begin + timedelta(hours=2))
    assert [e.id for e in same_day if e.subject == "Only once"] == [event.id]


async def test_respond_with_comment_and_organizer_cannot_respond(
    client: GraphClient, token: str, sandbox: AdminClient
) -> None:
    user, start = await week(client, token, sandbox)
    events = await user.calendar.view(start, start + timedelta(days=21))
    invited = next(e for e in events if not e.is_organizer and e.type != "occurrence")
    mine = next(e for e in events if e.is_organizer)
    sandbox.clear_requests()
    await user.calendar.tentative(invited.id, "Peut-être — j'essaie")
    assert len(graph_calls(sandbox)) == 1
    assert (await user.calendar.get(invited.id)).my_response == "tentativelyAccepted"
    with pytest.raises(BadRequest):
        await user.calendar.accept(mine.id)


async def test_availability_is_inside_working_hours(client: GraphClient, token: str, sandbox: AdminClient) -> None:
    user, start = await week(client, token, sandbox)
    settings = await user.mailbox.settings()
    slots = await user.calendar.availability(start, start + timedelta(days=7), minutes=30)
    assert slots
    hours = settings.working_hours
    for slot in slots:
        local_start, local_end = slot.start.astimezone(PARIS), slot.end.astimezone(PARIS)
        assert hours.start <= local_start.time() and local_end.time() <= hours.end
        assert local_start.strftime("%A").lower() in hours.days and slot.minutes >= 30
    events = await user.calendar.view(start, start + timedelta(days=7))
    busy = [e for e in events if e.show_as not in ("free", "workingElsewhere") and not e.is_all_day]
    for slot in slots:
        assert not any(e.start < slot.end and slot.start < e.end for e in busy)


async def test_mailbox_settings_map_windows_names(client: GraphClient, sandbox: AdminClient) -> None:
    camille = next(u for u in sandbox.users() if u["timeZone"] == "Romance Standard Time")
    user = client.for_user(sandbox.token(camille["userPrincipalName"]))
    settings = await user.mailbox.settings()
    assert settings.time_zone == "Europe/Paris" and settings.graph_time_zone == "Romance Standard Time"
    assert settings.language == "fr-FR"
    me = await user.me()
    assert me["id"] == camille["id"]


async def test_missing_scope_is_forbidden_without_retry(client: GraphClient, sandbox: AdminClient, adele: dict) -> None:
    token = sandbox.token(adele["userPrincipalName"], scopes=["User.Read"])
    user = client.for_user(token)
    sandbox.clear_requests()
    with pytest.raises(Forbidden) as info:
        await user.calendar.view(suite_clock().now(), suite_clock().now() + timedelta(days=1))
    assert info.value.request_id
    assert len(graph_calls(sandbox, contains="mailboxSettings")) == 1
