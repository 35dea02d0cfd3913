"""The state store check: memory is fine for one instance; Redis must answer PING; Azure stores one read."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

from config import Settings
from storage import RedisStorage, StorageError, create_storage

from .report import Check

__all__ = ["check_store"]

NAME = "STORAGE_URL"
_PROBE_KEY = "mipa-doctor-probe"


def _where(url: str) -> str:
    """scheme://host:port of the store, never its password or key."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}"


async def check_store(settings: Settings, *, wait_seconds: float = 5.0) -> Check:
    url = settings.storage_url.strip() or "memory://"
    try:
        scheme = urlsplit(url).scheme.lower()
        where = _where(url)
    except ValueError:
        return Check.fail(NAME, "STORAGE_URL is not a URL: see storage/README.md for its forms.")
    if scheme == "memory":
        return Check.ok(
            NAME, "memory://: state lives in this one process and is lost on restart (use Redis for several instances)"
        )
    try:
        storage = create_storage(
            url=url, key=settings.storage_key or None, ttl_seconds=settings.storage_ttl_seconds,
            prefix=settings.storage_prefix,
        )
    except StorageError as exc:
        return Check.fail(NAME, f"{exc}: see storage/README.md.")
    except ImportError as exc:
        return Check.fail(NAME, f"the {scheme} store needs a package that is not installed ({exc.name}): "
                                "pip install -r requirements.txt.")
    started = time.perf_counter()
    try:
        if isinstance(storage, RedisStorage):
            try:
                async with asyncio.timeout(wait_seconds):
                    await storage.client.ping()
            finally:
                await storage.client.aclose()
        else:
            async with asyncio.timeout(wait_seconds):
                await storage.read([_PROBE_KEY])
    except Exception as exc:  # noqa: BLE001 - any failure of the store is the finding
        if isinstance(exc, TimeoutError):
            reason = f"no answer within {wait_seconds:.0f} s"
        else:
            reason = f"{type(exc).__name__}: {str(exc)[:200]}" if str(exc) else type(exc).__name__
        hint = "check the host, the port, the password (STORAGE_KEY or in the URL), TLS (rediss://) and the firewall"
        return Check.fail(NAME, f"{where} does not answer ({reason}): {hint}.")
    elapsed = (time.perf_counter() - started) * 1000
    verb = "answers PING" if isinstance(storage, RedisStorage) else "answers a read"
    return Check.ok(NAME, f"{where} {verb} in {elapsed:.0f} ms")
