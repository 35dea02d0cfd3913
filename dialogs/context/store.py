"""`ConversationContext` (`services.context`): read and write the context in conversation state, 30-minute TTL."""

from __future__ import annotations

import logging
from dataclasses import replace

from botbuilder.core import ConversationState, TurnContext

from clock import Clock
from dialogs.context.models import Context, Item, LastRequest, ShownList

__all__ = ["LIFETIME_SECONDS", "ConversationContext"]

logger = logging.getLogger(__name__)

#: The context ends after this much silence.
LIFETIME_SECONDS = 30 * 60
_PROPERTY = "context"
#: turn_state key: (the stored dict, the Context read from it or saved as it), so that a turn's several
#: reads (touch, remember_request, remember_list...) parse the stored dict once.
_PARSED = "mipa.context.parsed"
#: turn_state key: the dicts of the parts this turn's saves wrote, by identity (`Context.to_json`'s `known`).
_WRITTEN = "mipa.context.written"


class ConversationContext:
    """The last request, the last list shown and the last item of one conversation, ids only.

    Every read that finds the context alive refreshes its time (silence ends it, not age).
    """

    def __init__(self, conversation_state: ConversationState, clock: Clock) -> None:
        self._property = conversation_state.create_property(_PROPERTY)
        self._clock = clock

    async def get(self, context: TurnContext) -> Context:
        """The live context (empty when none, or after 30 minutes of silence)."""
        raw = await self._property.get(context, dict)
        now = self._clock.timestamp()
        parsed = context.turn_state.get(_PARSED)
        if raw and parsed is not None and parsed[0] is raw:
            found = parsed[1]
        else:
            found = Context.from_json(raw) if raw else Context()
            if raw:
                context.turn_state[_PARSED] = (raw, found)
        if not raw or now - found.at >= LIFETIME_SECONDS:
            if raw:
                logger.info("conversation context expired")
                await self._property.delete(context)
            return Context(at=now)
        return found

    async def touch(self, context: TurnContext) -> Context:
        """The live context, its silence timer restarted (called once per message)."""
        found = await self.get(context)
        if found.request or found.shown or found.item:
            await self._save(context, found)
        return found

    async def remember_request(self, context: TurnContext, request: LastRequest) -> None:
        await self._save(context, replace(await self.get(context), request=request))

    async def remember_list(self, context: TurnContext, shown: ShownList, *,
                            request: LastRequest | None = None) -> None:
        """The list just shown and the request it answered (its next page is that request's next page)."""
        current = await self.get(context)
        await self._save(context, replace(current, shown=shown, request=request or current.request, pager=request,
                                          latest="list"))

    async def remember_item(self, context: TurnContext, item: Item) -> None:
        """The item just created, changed or shown on its own."""
        await self._save(context, replace(await self.get(context), item=item, latest="item"))

    async def clear(self, context: TurnContext) -> None:
        """Forget everything (sign-out)."""
        await self._property.delete(context)

    async def _save(self, context: TurnContext, value: Context) -> None:
        saved = replace(value, at=self._clock.timestamp())
        written = context.turn_state.get(_WRITTEN)
        if written is None:
            written = context.turn_state[_WRITTEN] = {}
        raw = saved.to_json(written)
        await self._property.set(context, raw)
        context.turn_state[_PARSED] = (raw, saved)
