"""The state store check against a real redis-server: it answers, refuses the password, or is not there."""

from __future__ import annotations

from devkit import RedisServer, free_port
from doctor import Status, format_report
from doctor.report import secrets_of
from doctor.store_check import check_store
from tests.storage.conftest import REDIS_PASSWORD

from .conftest import settings


async def test_memory_store_is_fine_for_one_instance() -> None:
    result = await check_store(settings())
    assert result.status is Status.OK
    assert "one process" in result.detail


async def test_redis_answers_ping_with_the_password_in_the_url_or_the_key(doctor_redis: RedisServer) -> None:
    in_url = await check_store(settings(storage_url=doctor_redis.url))
    assert in_url.status is Status.OK, in_url
    assert f"redis://127.0.0.1:{doctor_redis.port}" in in_url.detail and "PING" in in_url.detail
    assert REDIS_PASSWORD not in in_url.detail
    as_key = await check_store(
        settings(storage_url=f"redis://127.0.0.1:{doctor_redis.port}/0", storage_key=REDIS_PASSWORD)
    )
    assert as_key.status is Status.OK, as_key


async def test_wrong_redis_password_fails_without_showing_it(doctor_redis: RedisServer) -> None:
    wrong = "not-the-redis-password-42"
    bot = settings(storage_url=f"redis://:{wrong}@127.0.0.1:{doctor_redis.port}/0")
    result = await check_store(bot)
    assert result.status is Status.FAIL
    assert "Authentication" in result.detail or "WRONGPASS" in result.detail or "invalid" in result.detail
    printed = format_report([result], secrets_of(bot))
    assert wrong not in printed and "STORAGE_URL" in printed


async def test_redis_that_is_not_running_fails() -> None:
    port = free_port()
    result = await check_store(settings(storage_url=f"redis://127.0.0.1:{port}/0"), wait_seconds=3)
    assert result.status is Status.FAIL
    assert f"redis://127.0.0.1:{port} does not answer" in result.detail
    assert "firewall" in result.detail


async def test_malformed_azure_store_urls_are_named() -> None:
    result = await check_store(settings(storage_url="cosmosdb://account.documents.azure.com/only-database"))
    assert result.status is Status.FAIL
    assert "cosmosdb://<host>/<database>/<container>" in result.detail
    result = await check_store(settings(storage_url="blob://account/container"))
    assert result.status is Status.FAIL and "STORAGE_KEY" in result.detail
