"""A botbuilder `Storage` on Redis: eTag concurrency, a time to live on every key, per-bot prefixes.

Each item is one Redis string `"{etag}\\n{json}"` under `{prefix}:{key}` with a time to live (set
again on every write). A write runs one Lua script that compares the stored eTag with the caller's
and replaces the value only when they match (or the caller sent none or `*`), so concurrent writers
on several instances cannot both win. Every successful write assigns a new eTag, including the
first one (unlike botbuilder's `MemoryStorage`, bug B6), and records it on the caller's item.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable
from types import TracebackType
from typing import Any, TypeVar

from botbuilder.core import Storage
from redis import exceptions as redis_errors
from redis.asyncio import Redis

from .errors import ETagConflict, StorageError, StorageUnavailable
from .serialization import StateSerializer, e_tag_of, set_e_tag

__all__ = ["RedisStorage"]

logger = logging.getLogger(__name__)

_T = TypeVar("_T")

# eTags are uuid4().hex, 32 characters at the start of the value.
# KEYS[1] key; ARGV[1] expected eTag ('' = any); ARGV[2] new value; ARGV[3] ttl ms.
# Returns {1, ''} on success or {0, current eTag} on a conflict.
_WRITE_SCRIPT = """
if ARGV[1] ~= '' then
  local head = redis.call('GETRANGE', KEYS[1], 0, 31)
  if head ~= '' and head ~= ARGV[1] then
    return {0, head}
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return {1, ''}
"""


class RedisStorage(Storage):
    """botbuilder `Storage` backed by Redis (redis-py asyncio); see the module docstring."""

    def __init__(
        self,
        *,
        url: str,
        prefix: str = "mipa",
        ttl_seconds: int = 86400,
        client: Redis | None = None,
        password: str | None = None,
        serializer: StateSerializer | None = None,
        socket_timeout: float = 5.0,
    ) -> None:
        super().__init__()
        if ttl_seconds <= 0:
            raise StorageError("ttl_seconds must be positive")
        if not prefix:
            raise StorageError("prefix must not be empty")
        self._prefix = prefix
        self._ttl_ms = int(ttl_seconds * 1000)
        self._serializer = serializer or StateSerializer()
        self._owns_client = client is None
        if client is None:
            options: dict[str, Any] = {
                "socket_timeout": socket_timeout,
                "socket_connect_timeout": socket_timeout,
                "health_check_interval": 30,
            }
            if password:
                options["password"] = password
            try:
                client = Redis.from_url(url, **options)
            except ValueError as exc:  # redis-py's message may quote the URL; do not repeat it
                raise StorageError("STORAGE_URL is not a valid redis:// or rediss:// URL") from exc
        self._client = client
        self._write_script = client.register_script(_WRITE_SCRIPT)

    @property
    def client(self) -> Redis:
        """The redis-py client (for health checks and tests)."""
        return self._client

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def ttl_seconds(self) -> float:
        return self._ttl_ms / 1000

    def redis_key(self, key: str) -> str:
        """The Redis key that holds the item stored under `key`."""
        return f"{self._prefix}:{key}"

    # -- Storage ---------------------------------------------------------------------------------

    async def read(self, keys: list[str]) -> dict[str, object]:
        if not keys:
            return {}
        values = await self._call("read", self._client.mget([self.redis_key(k) for k in keys]))
        items: dict[str, object] = {}
        for key, raw in zip(keys, values, strict=True):
            if raw is None:
                continue
            e_tag, payload = _split(raw)
            items[key] = self._serializer.loads(payload, e_tag=e_tag)
        return items

    async def write(self, changes: dict[str, object]) -> None:
        if changes is None:
            raise StorageError("changes are required when writing")
        for key, item in changes.items():
            expected = e_tag_of(item)
            if expected == "":
                raise StorageError("write: the item's e_tag is empty")
            new_e_tag = uuid.uuid4().hex
            value = f"{new_e_tag}\n{self._serializer.dumps(item)}".encode()
            args: list[bytes | str | int] = ["" if expected in (None, "*") else expected, value, self._ttl_ms]
            result = await self._call(
                "write", self._write_script(keys=[self.redis_key(key)], args=args)
            )
            if int(result[0]) != 1:
                logger.info("eTag conflict on a write (prefix %s)", self._prefix)
                raise ETagConflict()
            set_e_tag(item, new_e_tag)

    async def delete(self, keys: list[str]) -> None:
        if keys is None:
            raise StorageError("keys are required when deleting")
        if keys:
            await self._call("delete", self._client.delete(*[self.redis_key(k) for k in keys]))

    # -- extras ----------------------------------------------------------------------------------

    async def claim(self, key: str, *, ttl_seconds: float) -> bool:
        """Atomically create `key` if absent (Redis `SET NX PX`); True for the one caller that did."""
        if ttl_seconds <= 0:
            raise StorageError("ttl_seconds must be positive")
        value = f"{uuid.uuid4().hex}\n{self._serializer.dumps({'claimed': True})}".encode()
        ttl_ms = max(1, int(ttl_seconds * 1000))
        created = await self._call(
            "claim", self._client.set(self.redis_key(key), value, nx=True, px=ttl_ms)
        )
        return bool(created)

    async def ping(self) -> bool:
        """True when Redis answers; `StorageUnavailable` otherwise."""
        return bool(await self._call("ping", self._client.ping()))

    async def close(self) -> None:
        """Close the connection pool if this store created the client."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> RedisStorage:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def _call(self, operation: str, pending: Awaitable[_T]) -> _T:
        """Run one Redis call, translating redis-py errors into the storage tree."""
        try:
            return await pending
        except (redis_errors.AuthenticationError, redis_errors.AuthorizationError) as exc:
            logger.warning("redis %s refused: %s", operation, type(exc).__name__)
            raise StorageUnavailable(f"the state store refused the credentials ({operation})") from exc
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            logger.warning("redis %s failed: %s", operation, type(exc).__name__)
            raise StorageUnavailable(f"the state store is unavailable ({operation})") from exc
        except redis_errors.ResponseError as exc:
            if "NOAUTH" in str(exc) or "WRONGPASS" in str(exc):
                logger.warning("redis %s refused: authentication required", operation)
                raise StorageUnavailable(f"the state store requires a password ({operation})") from exc
            logger.warning("redis %s error: %s", operation, type(exc).__name__)
            raise StorageError(f"the state store rejected a {operation}") from exc
        except redis_errors.RedisError as exc:
            logger.warning("redis %s error: %s", operation, type(exc).__name__)
            raise StorageError(f"the state store failed a {operation}") from exc


def _split(raw: bytes | str) -> tuple[str, bytes | str]:
    """Split a stored `"{etag}\\n{json}"` value."""
    separator: Any = b"\n" if isinstance(raw, bytes) else "\n"
    e_tag, sep, payload = raw.partition(separator)
    if not sep:
        raise StorageError("stored value has no eTag header")
    return (e_tag.decode("ascii", "replace") if isinstance(e_tag, bytes) else e_tag), payload
