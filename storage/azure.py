"""botbuilder-azure's Cosmos DB and Blob stores, decoding with MIPA's allowlist instead of bare jsonpickle.

botbuilder-azure 4.17.1 restores stored documents with `jsonpickle.Unpickler().restore`, which
builds any class a document names. These subclasses route that one step through
`StateSerializer.restore`; everything else (eTags via the services' conditional writes, key
escaping) is botbuilder-azure's. Import this module only when an Azure store is configured.
"""

from __future__ import annotations

import json
from typing import Any

from botbuilder.azure import (
    BlobStorage,
    BlobStorageSettings,
    CosmosDbPartitionedConfig,
    CosmosDbPartitionedStorage,
)

from .serialization import StateSerializer

__all__ = ["SafeBlobStorage", "SafeCosmosDbPartitionedStorage"]


class SafeBlobStorage(BlobStorage):
    """`BlobStorage` whose reads only build allowlisted types."""

    def __init__(self, settings: BlobStorageSettings, *, serializer: StateSerializer | None = None) -> None:
        super().__init__(settings)
        self._serializer = serializer or StateSerializer()

    async def _blob_to_store_item(self, blob: Any) -> object:  # type: ignore[override]
        data = json.loads(await blob.content_as_text())
        e_tag = blob.properties.etag.replace('"', "")
        return self._serializer.restore(data, e_tag=e_tag)


class SafeCosmosDbPartitionedStorage(CosmosDbPartitionedStorage):
    """`CosmosDbPartitionedStorage` whose reads only build allowlisted types."""

    def __init__(
        self, config: CosmosDbPartitionedConfig, *, serializer: StateSerializer | None = None
    ) -> None:
        super().__init__(config)
        self._serializer = serializer or StateSerializer()

    # The base class calls `self.__create_si(...)`, which Python names `_CosmosDbPartitionedStorage__create_si`.
    def _CosmosDbPartitionedStorage__create_si(self, result: dict[str, Any]) -> object:  # noqa: N802
        document = result.get("document")
        return self._serializer.restore(document, e_tag=result.get("_etag") or None)
