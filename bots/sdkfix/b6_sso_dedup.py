"""B6: process each Teams SSO `signin/tokenExchange` once, even when several clients or instances receive it."""

from __future__ import annotations

import logging

from botbuilder.core import Storage, TurnContext
from botbuilder.core.teams.teams_sso_token_exchange_middleware import (
    TeamsSSOTokenExchangeMiddleware,
    _TokenStoreItem,
)

from storage.claims import claim_once

__all__ = ["DedupingTeamsSSOMiddleware"]

logger = logging.getLogger(__name__)

CLAIM_TTL_SECONDS = 15 * 60  # Teams retries an exchange for minutes at most


class DedupingTeamsSSOMiddleware(TeamsSSOTokenExchangeMiddleware):
    """The SDK middleware with an atomic "first writer wins" claim instead of its eTag write.

    The SDK's write lets the second duplicate through on MemoryStorage (B6) and is not atomic across
    instances; `claim_once` is atomic on memory (no await between check and set) and on Redis (SET NX).
    """

    def __init__(self, storage: Storage, connection_name: str) -> None:
        super().__init__(storage, connection_name)

    async def _deduplicated_token_exchange_id(self, turn_context: TurnContext) -> bool:
        key = "sso-exchange/" + _TokenStoreItem.get_storage_key(turn_context)
        if await claim_once(self._storage, key, ttl_seconds=CLAIM_TTL_SECONDS):
            return True
        logger.info("duplicate token exchange ignored")
        await self._send_invoke_response(turn_context)
        return False
