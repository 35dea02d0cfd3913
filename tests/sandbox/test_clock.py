"""The sandbox's clock: pinned over the admin API or `--now`, each person's demo week around their own today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from sandbox.testing import AdminClient, SandboxProcess
from tests.support.clock import suite_clock

NEW_YEARS_EVE = datetime(2026, 12, 31, 23, 10, tzinfo=UTC)  # already 1 January in Paris, still 31 December in LA


def _subjects_on(client: httpx.Client, day: str, tz: str) -> list[str]:
    view = client.get("/me/calendarView", params={"startDateTime": f"{day}T00:00:00", "endDateTime": f"{day}T23:59:59"},
                      headers={"Prefer": f'outlook.timezone="{tz}"'}).raise_for_status().json()["value"]
    zone = ZoneInfo(tz)
    return [e["subject"] for e in view
            if datetime.fromisoformat(e["start"]["dateTime"][:19]).replace(tzinfo=zone).date().isoformat() == day]


def test_a_pinned_clock_seeds_each_persons_week_around_their_own_today(
        sandbox: AdminClient, graph_for: Callable[..., httpx.Client]) -> None:
    answer = sandbox.set_clock(NEW_YEARS_EVE, running=False)
    assert datetime.fromisoformat(answer["now"]) == NEW_YEARS_EVE and answer["seedDate"] == "2026-12-31"
    adele, _, megan = sandbox.users()[:3]
    paris = _subjects_on(graph_for(adele["id"]), "2027-01-01", "Europe/Paris")
    los_angeles = _subjects_on(graph_for(megan["id"]), "2026-12-31", "America/Los_Angeles")
    assert "Contoso project review" in paris and "Team lunch" in paris
    assert "Contoso project review" in los_angeles and "Team lunch" in los_angeles
    assert "Contoso project review" not in _subjects_on(graph_for(adele["id"]), "2026-12-31", "Europe/Paris")


def test_writes_are_stamped_by_the_sandbox_clock_and_reset_restores_it(
        sandbox: AdminClient, graph_for: Callable[..., httpx.Client]) -> None:
    sandbox.set_clock(NEW_YEARS_EVE, running=False)
    graph = graph_for(sandbox.users()[0]["id"])
    todo = graph.get("/me/todo/lists").json()["value"][0]
    task = graph.post(f"/me/todo/lists/{todo['id']}/tasks", json={"title": "Stamped"}).raise_for_status().json()
    assert task["createdDateTime"].startswith("2026-12-31T23:10:00")
    assert sandbox.clock() == NEW_YEARS_EVE  # a stopped clock stays put
    sandbox.reset()
    assert abs((sandbox.clock() - suite_clock().now()).total_seconds()) < 60


def test_a_bad_clock_is_a_400_and_changes_nothing(sandbox: AdminClient) -> None:
    before = sandbox.clock()
    for body in ({}, {"now": "tomorrow"}, {"now": "2026-12-05T21:40:00"}, {"now": "2026-12-05T21:40:00Z", "running": "no"}):
        response = httpx.put(f"{sandbox.url}/_sandbox/clock", json=body, timeout=10)
        assert response.status_code == 400, body
    assert abs((sandbox.clock() - before).total_seconds()) < 60


def test_the_now_option_starts_the_clock_there() -> None:
    with SandboxProcess(now=NEW_YEARS_EVE) as process, AdminClient(process.url) as admin:
        now = admin.clock()
        assert NEW_YEARS_EVE <= now < NEW_YEARS_EVE + timedelta(minutes=1)  # it runs from there
