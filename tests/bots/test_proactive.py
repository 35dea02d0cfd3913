"""ProactiveSender's limits with fakes: 7 sends per second per conversation, 429 with Retry-After, 403 is Gone."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace
from typing import Any

import pytest

from bots.connector import ChannelError
from bots.proactive import Gone, ProactiveSender, RateLimiter


class FakeContext:
    def __init__(self, failures: list[ChannelError]) -> None:
        self.activity = SimpleNamespace(conversation=SimpleNamespace(id="a:1"))
        self.failures = failures
        self.sent: list[Any] = []

    async def send_activity(self, activity: Any) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(activity)


class FakeAdapter:
    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.calls: list[tuple[Any, str]] = []

    async def continue_conversation(self, reference: Any, callback: Any, bot_app_id: str) -> None:
        self.calls.append((reference, bot_app_id))
        if self.error is not None:
            raise self.error
        await callback(FakeContext([]))


async def test_at_most_seven_per_second_per_conversation() -> None:
    limiter = RateLimiter(limit=7, window=1.0)
    stamps = []
    for _ in range(15):
        await limiter.wait("a:1")
        # The time the limiter let this send go (its own record), not when the test got to run again: on a loaded
        # machine the test's own wake-up can come late, and a late first stamp made two sends look too close.
        stamps.append(limiter._sent["a:1"][-1])
    assert all(stamps[i + 7] - stamps[i] >= 0.99 for i in range(len(stamps) - 7))
    assert stamps[7] - stamps[0] < 10  # it waited, it did not stall
    other = time.monotonic()
    await limiter.wait("a:2")  # another conversation does not wait (a wait would be close to a second)
    assert time.monotonic() - other < 0.5


async def test_429_waits_retry_after_then_sends() -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    sender = ProactiveSender(FakeAdapter(), app_id="app", sleep=sleep)
    context = FakeContext([ChannelError("send", 429, retry_after=2.5), ChannelError("send", 503)])
    await sender.send(context, "hello")  # type: ignore[arg-type]
    assert context.sent == ["hello"] and slept[0] == 2.5 and len(slept) == 2
    failing = FakeContext([ChannelError("send", 400)])
    with pytest.raises(ChannelError):
        await sender.send(failing, "hello")  # type: ignore[arg-type]


@pytest.mark.parametrize("status", [403, 404])
async def test_403_and_404_mean_the_conversation_is_gone(status: int) -> None:
    adapter = FakeAdapter(ChannelError("send", status))
    sender = ProactiveSender(adapter, app_id="the-app-id")  # type: ignore[arg-type]
    reference = {"conversation": {"id": "a:1"}, "serviceUrl": "http://127.0.0.1:1/", "channelId": "msteams"}
    with pytest.raises(Gone):
        await sender.run(reference, lambda context: asyncio.sleep(0))
    assert adapter.calls[0][1] == "the-app-id" and adapter.calls[0][0].conversation.id == "a:1"
