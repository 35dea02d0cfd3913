"""The load generator process: hosts a fake Bot Connector channel and drives conversations at a bot.

Run as `python -m bench.loadgen --port N`. It prints `bench channel listening on http://HOST:PORT`,
then reads one JSON command per line on stdin and answers one JSON line on stdout:

- `{"op": "cell", ...}` runs conversations against a bot's `/api/messages` (see `CellSpec`);
- `{"op": "get", "url": ..., "count": N, "headers": {...}}` times N sequential GETs;
- `{"op": "quit"}` stops.

A turn is timed from the request sent to the last message reply received by the fake channel.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import aiohttp
from aiohttp import web

__all__ = ["CellSpec", "FakeChannel", "LoadGenerator", "main"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CellSpec:
    """One measurement: `concurrency` conversations each looping over `turns` until the cell ends."""

    bot_url: str
    turns: tuple[dict[str, Any], ...]
    concurrency: int
    users: tuple[dict[str, str], ...]
    conversation_prefix: str
    duration: float = 5.0
    warmup: float = 1.0
    max_turns: int | None = None
    iterations: int | None = None  # fixed number of scenario runs, each in a fresh conversation
    timeout: float = 15.0
    channel_id: str = "msteams"
    locale: str = "en-US"
    timezone: str = "Europe/Paris"
    reject_texts: tuple[str, ...] = ()  # a reply containing one of these fails its turn (error sentences)
    reject_content_types: tuple[str, ...] = ()  # e.g. sign-in cards: the turn did not reach its feature

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> CellSpec:
        return cls(
            bot_url=body["bot_url"],
            turns=tuple(body["turns"]),
            concurrency=int(body["concurrency"]),
            users=tuple(body["users"]),
            conversation_prefix=body["conversation_prefix"],
            duration=float(body.get("duration", 5.0)),
            warmup=float(body.get("warmup", 1.0)),
            max_turns=body.get("max_turns"),
            iterations=body.get("iterations"),
            timeout=float(body.get("timeout", 15.0)),
            channel_id=body.get("channel_id", "msteams"),
            locale=body.get("locale", "en-US"),
            timezone=body.get("timezone", "Europe/Paris"),
            reject_texts=tuple(body.get("reject_texts", ())),
            reject_content_types=tuple(body.get("reject_content_types", ())),
        )


@dataclass(slots=True)
class _Waiter:
    expected: int
    reject_texts: tuple[str, ...] = ()
    reject_content_types: tuple[str, ...] = ()
    arrivals: list[float] = field(default_factory=list)
    shapes: list[dict[str, Any]] = field(default_factory=list)
    rejected: str | None = None
    event: asyncio.Event = field(default_factory=asyncio.Event)

    def check(self, activity: dict[str, Any]) -> None:
        """Keep the reply's shape (no content) and flag error sentences and unexpected card kinds."""
        text = activity.get("text") or ""
        kinds = [str(a.get("contentType")) for a in activity.get("attachments") or [] if isinstance(a, dict)]
        self.shapes.append({"type": activity.get("type"), "text_chars": len(text), "attachments": kinds})
        if any(reject in text for reject in self.reject_texts):
            self.rejected = "error reply"
        elif any(kind in self.reject_content_types for kind in kinds):
            self.rejected = "unexpected " + next(k for k in kinds if k in self.reject_content_types)


class FakeChannel:
    """Bot Connector `/v3` double: accepts replies and sends, and wakes the turn that waits for them."""

    def __init__(self) -> None:
        self._waiters: dict[str, _Waiter] = {}
        self._next_id = 0
        self.unexpected = 0

    def expect(self, conversation_id: str, messages: int, spec: CellSpec) -> _Waiter:
        waiter = _Waiter(
            expected=messages, reject_texts=spec.reject_texts, reject_content_types=spec.reject_content_types
        )
        self._waiters[conversation_id] = waiter
        return waiter

    def forget(self, conversation_id: str) -> None:
        self._waiters.pop(conversation_id, None)

    async def activity(self, request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        conversation_id = unquote(request.match_info["conversation_id"])
        body = await request.read()
        activity = json.loads(body) if body else {}
        waiter = self._waiters.get(conversation_id)
        if waiter is None:
            self.unexpected += 1
        elif activity.get("type", "message") == "message":
            waiter.check(activity)
            waiter.arrivals.append(arrived)
            if len(waiter.arrivals) >= waiter.expected:
                waiter.event.set()
        self._next_id += 1
        return web.json_response({"id": f"reply-{self._next_id}"})

    async def update(self, request: web.Request) -> web.Response:
        return web.json_response({"id": unquote(request.match_info["activity_id"])})

    def app(self) -> web.Application:
        app = web.Application()
        route = "/v3/conversations/{conversation_id}/activities"
        app.router.add_post(route, self.activity)
        app.router.add_post(route + "/{reply_to_id}", self.activity)
        app.router.add_put(route + "/{activity_id}", self.update)
        return app


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class LoadGenerator:
    """Drives cells of conversations through one persistent client session."""

    def __init__(self, *, channel: FakeChannel, channel_url: str, session: aiohttp.ClientSession) -> None:
        self._channel = channel
        self._channel_url = channel_url.rstrip("/") + "/"
        self._session = session
        self._activity_id = 0

    def _activity(self, spec: CellSpec, conversation_id: str, user: dict[str, str], text: str) -> dict[str, Any]:
        self._activity_id += 1
        return {
            "type": "message",
            "id": f"m{self._activity_id}",
            "timestamp": datetime.now(UTC).isoformat(),
            "localTimestamp": datetime.now(UTC).isoformat(),
            "localTimezone": spec.timezone,
            "channelId": spec.channel_id,
            "serviceUrl": self._channel_url,
            "from": {"id": user["id"], "name": "Bench user", "aadObjectId": user.get("aadObjectId", "")},
            "recipient": {"id": "28:bench-bot", "name": "MIPA"},
            "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": "bench"},
            "text": text,
            "textFormat": "plain",
            "locale": spec.locale,
            "entities": [
                {"type": "clientInfo", "locale": spec.locale, "timezone": spec.timezone, "platform": "Web"}
            ],
        }

    async def _turn(
        self, spec: CellSpec, conversation_id: str, user: dict[str, str], turn: dict[str, Any]
    ) -> tuple[float, float, str | None, list[dict[str, Any]]]:
        """One turn: (start, latency in seconds, error or None, the replies' shapes)."""
        expected = int(turn.get("messages", 1))
        waiter = self._channel.expect(conversation_id, expected, spec)
        body = json.dumps(self._activity(spec, conversation_id, user, turn["text"]))
        start = time.perf_counter()
        error: str | None = None
        try:
            async with asyncio.timeout(spec.timeout):
                async with self._session.post(
                    spec.bot_url, data=body, headers={"Content-Type": "application/json"}
                ) as response:
                    await response.read()
                    if response.status not in (200, 201, 202):
                        error = f"http {response.status}"
                if error is None and len(waiter.arrivals) < expected:
                    await waiter.event.wait()
        except TimeoutError:
            error = "timeout"
        except aiohttp.ClientError as exc:
            error = type(exc).__name__
        finally:
            self._channel.forget(conversation_id)
        end = waiter.arrivals[-1] if waiter.arrivals else time.perf_counter()
        if error is None and len(waiter.arrivals) < expected:
            error = "missing reply"
        if error is None and waiter.rejected is not None:
            error = waiter.rejected
        return start, end - start, error, waiter.shapes

    async def run_cell(self, spec: CellSpec) -> dict[str, Any]:
        began = time.perf_counter()
        warm_until = began + spec.warmup if spec.iterations is None else began
        end_at = warm_until + spec.duration if spec.iterations is None else float("inf")
        latencies: list[float] = []
        errors: dict[str, int] = {}
        counters = {"iterations": 0, "turns": 0, "measured_started": 0, "next_iteration": 0}
        last_done = [warm_until]
        shapes: dict[int, list[dict[str, Any]]] = {}
        cpu_before = _cpu_seconds()

        def more() -> bool:
            if spec.iterations is not None:
                return counters["next_iteration"] < spec.iterations
            if spec.max_turns is not None and counters["measured_started"] >= spec.max_turns:
                return False
            return time.perf_counter() < end_at

        async def worker(index: int) -> None:
            user = spec.users[index % len(spec.users)]
            conversation_id = f"a:{spec.conversation_prefix}-{index}"
            while more():
                iteration = counters["next_iteration"]
                counters["next_iteration"] += 1
                if spec.iterations is not None:
                    conversation_id = f"a:{spec.conversation_prefix}-{iteration}"
                for number, turn in enumerate(spec.turns):
                    measured = spec.iterations is not None or warm_until <= time.perf_counter() < end_at
                    if measured:
                        counters["measured_started"] += 1
                    start, latency, error, replies = await self._turn(spec, conversation_id, user, turn)
                    shapes.setdefault(number, replies)
                    counters["turns"] += 1
                    if measured:
                        last_done[0] = max(last_done[0], start + latency)
                        if error is None:
                            latencies.append(latency)
                        else:
                            errors[error] = errors.get(error, 0) + 1
                    if error is not None:
                        break  # a broken conversation does not go on to its confirmation turn
                counters["iterations"] += 1

        await asyncio.gather(*(worker(i) for i in range(spec.concurrency)))
        finished = time.perf_counter()
        window_start = began if spec.iterations is not None else warm_until
        window = max(last_done[0], min(finished, end_at)) - window_start
        return {
            "ok": True,
            "latencies_ms": [round(value * 1000, 3) for value in latencies],
            "errors": errors,
            "window_s": round(window, 4),
            "iterations_total": counters["iterations"],
            "turns_total": counters["turns"],
            "wall_s": round(finished - began, 4),
            "loadgen_cpu_s": round(_cpu_seconds() - cpu_before, 4),
            "unexpected_replies": self._channel.unexpected,
            "first_reply_shapes": [shapes.get(i, []) for i in range(len(spec.turns))],
        }

    async def timed_gets(self, url: str, count: int, headers: dict[str, str]) -> dict[str, Any]:
        latencies: list[float] = []
        statuses: dict[str, int] = {}
        for _ in range(count):
            start = time.perf_counter()
            async with self._session.get(url, headers=headers) as response:
                await response.read()
                statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
            latencies.append(time.perf_counter() - start)
        return {"ok": True, "latencies_ms": [round(v * 1000, 3) for v in latencies], "statuses": statuses}


async def _serve(host: str, port: int) -> None:
    channel = FakeChannel()
    runner = web.AppRunner(channel.app(), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    url = f"http://{host}:{port}"
    connector = aiohttp.TCPConnector(limit=512, limit_per_host=512, keepalive_timeout=60)
    async with aiohttp.ClientSession(connector=connector) as session:
        generator = LoadGenerator(channel=channel, channel_url=url, session=session)
        print(f"bench channel listening on {url}", flush=True)
        loop = asyncio.get_running_loop()
        try:
            while True:
                line = await loop.run_in_executor(None, sys.stdin.readline)
                if not line:
                    break
                command = json.loads(line)
                op = command.get("op")
                if op == "quit":
                    break
                try:
                    if op == "cell":
                        result = await generator.run_cell(CellSpec.from_json(command))
                    elif op == "get":
                        result = await generator.timed_gets(
                            command["url"], int(command.get("count", 100)), command.get("headers", {})
                        )
                    else:
                        result = {"ok": False, "error": f"unknown op {op!r}"}
                except (KeyError, ValueError, TypeError, aiohttp.ClientError) as exc:
                    result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
                sys.stdout.write(json.dumps(result) + "\n")
                sys.stdout.flush()
        finally:
            await runner.cleanup()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="MIPA benchmark load generator and fake channel")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(_serve(args.host, args.port))


if __name__ == "__main__":
    main(sys.argv[1:])
