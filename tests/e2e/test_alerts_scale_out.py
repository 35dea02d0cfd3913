"""The issue's scenario on the real clock: two MIPA processes on one Redis server and one sandbox.

A person opts in through instance A (reminders 1 minute before meetings, "my day" at the next whole minute), then
A stops. Graph's notifications reach the instances through a small fail-over proxy (a load balancer's job), so
B receives them once A is gone. B sends exactly one reminder for a meeting 90 s later, announces a colleague's
invitation and sends "my day" in the chosen minute; opting out stops each kind; uninstalling deletes the
subscription and the stored record; the processes' logs hold no subject, name or address.

The clock runs for real, but the sandbox and both processes share an offset that starts the scenario at 15 s past
a minute, so "my day" in the next whole minute comes 45 s later instead of up to three minutes.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from aiohttp import ClientTimeout, web
from redis import Redis

from clock import OFFSET_ENV, OffsetClock, clock_from_env, offset_to
from devkit import MipaProcess, RedisServer, free_port
from graph.http_session import HttpSession
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.support.channel import FakeChannel

PARIS = ZoneInfo("Europe/Paris")


def start_instance(*, port: int, sandbox_url: str, storage_url: str, notification_url: str,
                   offset: float) -> MipaProcess:
    """`python app.py` on a chosen port, state on Redis, logs (INFO) kept in a file, its clock `offset` ahead."""
    bot = MipaProcess(name="mipa-alerts", settings={
        "PORT": str(port), "SANDBOX_URL": sandbox_url, "STORAGE_URL": storage_url, "LOG_LEVEL": "INFO",
        "NOTIFICATION_URL": notification_url, "ALERTS_TICK_SECONDS": "2", OFFSET_ENV: repr(offset)})
    bot.start()
    return bot


class FailOver:
    """Forwards POST /api/notifications to the first instance that answers (what a load balancer does)."""

    def __init__(self, targets: list[str]) -> None:
        self.targets = targets
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._http = HttpSession(timeout=ClientTimeout(total=10))

    async def start(self, port: int) -> None:
        app = web.Application()
        app.router.add_post("/api/notifications", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}/api/notifications"

    async def _forward(self, request: web.Request) -> web.Response:
        body = await request.read()
        for target in self.targets:
            try:
                async with self._http.get().post(target + "/api/notifications", params=request.query, data=body,
                                                headers={"Content-Type": request.content_type}) as answer:
                    return web.Response(status=answer.status, body=await answer.read(),
                                        content_type=answer.content_type)
            except OSError:
                continue
        return web.Response(status=503)

    async def stop(self) -> None:
        await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()


@pytest.fixture
def shared_clock(sandbox: AdminClient) -> OffsetClock:
    """The sandbox's, the processes' and the test's clock: running, started at 15 s past the current minute."""
    real = clock_from_env().now()
    offset = offset_to(real.replace(second=15, microsecond=0))
    sandbox.set_clock(OffsetClock(offset).now())  # rebuilds the tenant around today: before anything reads it
    return OffsetClock(offset)


@pytest.fixture
async def deployment(sandbox: AdminClient, sandbox_url: str, redis: RedisServer,
                     shared_clock: OffsetClock) -> AsyncIterator[tuple[MipaProcess, MipaProcess, FailOver]]:
    set_signin(sandbox_url, autoSignIn=True)
    port_a, port_b, port_proxy = free_port(), free_port(), free_port()
    proxy = FailOver([f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"])
    await proxy.start(port_proxy)
    instances: list[MipaProcess] = []
    try:
        for port in (port_a, port_b):
            instances.append(await asyncio.to_thread(start_instance, port=port, sandbox_url=sandbox_url, storage_url=redis.url,
                                                     notification_url=proxy.url, offset=shared_clock.offset))
        yield instances[0], instances[1], proxy
    finally:
        for instance in instances:
            instance.stop()
        await proxy.stop()


class Person:
    def __init__(self, channel: FakeChannel, user_id: str, offset: float) -> None:
        self.channel = channel
        self.offset = offset
        self.user_id = user_id
        self.conversation_id = f"a:alerts-{uuid.uuid4().hex[:10]}"
        self.count = 0

    def activity(self, **fields: Any) -> dict[str, Any]:
        self.count += 1
        activity = {"type": "message", "id": f"act-{self.count}", "channelId": "msteams", "serviceUrl": self.channel.url,
                    "from": {"id": self.user_id}, "recipient": {"id": "28:mipa"},
                    "conversation": {"id": self.conversation_id, "conversationType": "personal"},
                    "channelData": {"tenant": {"id": "00000000-0000-4000-8000-000000000001"}},
                    "locale": "en-US", "localTimezone": "Europe/Paris"}
        activity.update(fields)
        return activity

    async def say(self, http: httpx.AsyncClient, instance: MipaProcess, text: str) -> None:
        response = await http.post(f"{instance.url}/api/messages", json=self.activity(text=text))
        assert response.status_code == 201, response.text

    def received(self, fragment: str) -> list[tuple[float, dict[str, Any]]]:
        """(arrival on the shared clock, activity) for each message holding `fragment`.

        The fake channel stamps arrivals with the suite's clock; the scenario runs on `offset` from it."""
        return [(a["_received"] + self.offset, a) for a in self.channel.activities(self.conversation_id)
                if fragment in (a.get("text") or "")]


def _suite_offset() -> float:
    """The offset of the suite's own clock (MIPA_TEST_NOW), which stamps the fake channel's arrivals."""
    suite = clock_from_env()
    return suite.offset if isinstance(suite, OffsetClock) else 0.0


def _next_minute(instant: datetime, *, at_least: float) -> datetime:
    """The first whole minute (Paris) at least `at_least` seconds after `instant`."""
    later = (instant + timedelta(seconds=at_least)).astimezone(PARIS)
    return later.replace(second=0, microsecond=0) + timedelta(minutes=1) if later.second or later.microsecond else later


async def _until(check: Any, within: float) -> Any:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        await asyncio.sleep(0.2)
    return check()


def _event(subject: str, start: datetime, attendees: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"subject": subject, "isOnlineMeeting": True,
                            "start": {"dateTime": start.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "Europe/Paris"},
                            "end": {"dateTime": (start + timedelta(minutes=30)).astimezone(PARIS).strftime("%Y-%m-%dT%H:%M:%S"),
                                    "timeZone": "Europe/Paris"}}
    if attendees:
        body["attendees"] = [{"emailAddress": {"address": a}, "type": "required"} for a in attendees]
    return body


@pytest.mark.timeout(600)
async def test_two_instances_one_redis_real_clock(deployment: tuple[MipaProcess, MipaProcess, FailOver], channel: FakeChannel,
                                                 sandbox: AdminClient, sandbox_url: str, redis: RedisServer,
                                                 shared_clock: OffsetClock) -> None:
    first, second, _proxy = deployment
    adele, camille = sandbox.users()[:2]
    person = Person(channel, adele["userPrincipalName"], shared_clock.offset - _suite_offset())
    now = shared_clock.now
    graph = {user["id"]: httpx.Client(base_url=f"{sandbox_url}/v1.0", timeout=10,
                                      headers={"Authorization": f"Bearer {sandbox.token(user['id'])}"}) for user in (adele, camille)}
    async with httpx.AsyncClient(timeout=30) as http:
        # Opt in through A: reminders 1 minute before, "my day" in the next whole minute (her zone), ~45 s away.
        await person.say(http, first, "remind me 1 minute before my meetings")
        slot = _next_minute(now(), at_least=20)
        await person.say(http, first, f"send me my day every day at {slot:%H:%M}")
        subs = sandbox.subscriptions()
        assert len(subs) == 1 and subs[0]["owner"] == adele["id"]
        first.stop()

        # A meeting 90 s from now: exactly one reminder, from B, between 100 s before its start and its start.
        start = now() + timedelta(seconds=90)
        assert graph[adele["id"]].post("/me/events", json=_event("Quarterly numbers", start)).status_code == 201
        # An invitation from a colleague, for later today.
        invite_start = now() + timedelta(hours=2)
        assert graph[camille["id"]].post("/me/events", json=_event("Budget review", invite_start,
                                                                 attendees=[adele["userPrincipalName"]])).status_code == 201
        invitation = await _until(lambda: person.received("New invitation"), 20)
        assert invitation and "Budget review" in invitation[0][1]["text"]

        reminders = await _until(lambda: person.received("Starting in"), (start - now()).total_seconds() + 5)
        assert len(reminders) == 1 and "Quarterly numbers" in reminders[0][1]["text"]
        sent_at = reminders[0][0]
        assert start.timestamp() - 100 <= sent_at <= start.timestamp()

        digest = await _until(lambda: person.received("here is your day"), slot.timestamp() + 60 - now().timestamp())
        assert len(digest) == 1
        arrived = datetime.fromtimestamp(digest[0][0], PARIS)
        assert arrived.replace(second=0, microsecond=0) == slot
        await asyncio.sleep(3)
        assert len(person.received("Starting in")) == 1 and len(person.received("here is your day")) == 1

        # Opting out stops each kind: no reminder for a meeting 70 s away, no "my day" in a newly chosen minute.
        await person.say(http, second, "stop meeting reminders")
        soon = now() + timedelta(seconds=70)
        graph[adele["id"]].post("/me/events", json=_event("Late sync", soon))
        next_slot = _next_minute(now(), at_least=20)
        await person.say(http, second, f"send me my day every day at {next_slot:%H:%M}")
        await person.say(http, second, "stop my day")
        assert sandbox.subscriptions() == []
        # Past the reminder's would-be time (a minute before `soon`) and the whole chosen minute, ticks included.
        await asyncio.sleep(max(soon.timestamp() - 45, next_slot.timestamp() + 20) - now().timestamp())
        assert not person.received("Late sync") and len(person.received("here is your day")) == 1

        # Uninstalling deletes the subscription and the stored reference.
        await person.say(http, second, "remind me 5 minutes before my meetings")
        assert len(sandbox.subscriptions()) == 1
        removed = await http.post(f"{second.url}/api/messages", json=person.activity(type="installationUpdate", action="remove"))
        assert removed.status_code in (200, 201)
        assert sandbox.subscriptions() == []
        keys = Redis.from_url(redis.url).keys("*notify:user:*")
        assert keys == []

    for client in graph.values():
        client.close()
    logs = first.logs() + second.logs()
    assert "alerts changed" in logs and "reminder sent" in logs
    for secret in ("Quarterly numbers", "Budget review", "Late sync", adele["userPrincipalName"], camille["userPrincipalName"],
                   adele["displayName"], camille["displayName"]):
        assert secret not in logs
