"""`create_storage`: the bot's state store chosen by settings (memory, Redis, Cosmos DB, Blob).

| `STORAGE_URL` | store | `STORAGE_KEY` |
|---|---|---|
| empty or `memory://` | `ExpiringMemoryStorage`: botbuilder's `MemoryStorage` with the TTL (one instance only) | — |
| `redis://[:password@]host[:port][/db]`, `rediss://...` | `RedisStorage` | password, if not in the URL |
| `cosmosdb://<account>.documents.azure.com[:port]/<database>/<container>` | `CosmosDbPartitionedStorage` | account key |
| `blob://<account>/<container>` | `BlobStorage` | account key, or a full connection string |

redis is imported only for a Redis URL (~5 MB and ~50 ms of start-up that memory mode does not need),
botbuilder-azure only when a Cosmos DB or Blob URL is used. The Azure stores are the
`SafeCosmosDbPartitionedStorage` / `SafeBlobStorage` subclasses from `storage.azure`, which decode
with the same allowlist as Redis.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from botbuilder.core import Storage

from .errors import StorageError
from .memory import ExpiringMemoryStorage
from .serialization import StateSerializer

__all__ = ["create_storage"]


def create_storage(
    *,
    url: str | None,
    key: str | None = None,
    ttl_seconds: int = 86400,
    prefix: str = "mipa",
    allowed_modules: tuple[str, ...] = (),
) -> Storage:
    """Build the store `url` names; nothing connects until the first read or write."""
    url = (url or "").strip()
    scheme = urlsplit(url).scheme.lower() if url else "memory"
    serializer = StateSerializer(allowed_modules=allowed_modules)
    if scheme == "memory":
        return ExpiringMemoryStorage(ttl_seconds=ttl_seconds)
    if scheme in ("redis", "rediss"):
        from .redis_storage import RedisStorage  # redis is imported only for a Redis URL

        has_password = bool(urlsplit(url).password)
        return RedisStorage(
            url=url,
            prefix=prefix,
            ttl_seconds=ttl_seconds,
            password=None if has_password else (key or None),
            serializer=serializer,
        )
    if scheme == "cosmosdb":
        return _cosmos(url, key, prefix=prefix, serializer=serializer)
    if scheme == "blob":
        return _blob(url, key, serializer=serializer)
    raise StorageError(f"STORAGE_URL scheme {scheme!r} is not supported (memory, redis, rediss, cosmosdb, blob)")


def _cosmos(url: str, key: str | None, *, prefix: str, serializer: StateSerializer) -> Storage:
    parts = urlsplit(url)
    path = [unquote(p) for p in parts.path.split("/") if p]
    if not parts.hostname or len(path) != 2 or not key:
        raise StorageError("a Cosmos DB STORAGE_URL is cosmosdb://<host>/<database>/<container> with STORAGE_KEY")
    from botbuilder.azure import CosmosDbPartitionedConfig

    from .azure import SafeCosmosDbPartitionedStorage

    config = CosmosDbPartitionedConfig(
        cosmos_db_endpoint=f"https://{parts.hostname}:{parts.port or 443}/",
        auth_key=key,
        database_id=path[0],
        container_id=path[1],
        key_suffix=f"-{prefix}" if prefix else "",
        compatibility_mode=False,
    )
    return SafeCosmosDbPartitionedStorage(config, serializer=serializer)


def _blob(url: str, key: str | None, *, serializer: StateSerializer) -> Storage:
    parts = urlsplit(url)
    path = [unquote(p) for p in parts.path.split("/") if p]
    if not parts.hostname or len(path) != 1 or not key:
        raise StorageError("a Blob STORAGE_URL is blob://<account>/<container> with STORAGE_KEY")
    from botbuilder.azure import BlobStorageSettings

    from .azure import SafeBlobStorage

    if key.startswith("DefaultEndpointsProtocol=") or "BlobEndpoint=" in key:
        settings = BlobStorageSettings(container_name=path[0], connection_string=key)
    else:
        settings = BlobStorageSettings(container_name=path[0], account_name=parts.hostname, account_key=key)
    return SafeBlobStorage(settings, serializer=serializer)
