"""A confirmation left for a new request: say it was dropped, and answer a later "yes" that finds nothing waiting.

Only the dropped write's operation name (an intent such as "calendar.create") and the instant are kept in
conversation state, for `KEEP` seconds; never its title or anything else of the write.
"""

from __future__ import annotations

import logging

from botbuilder.core import TurnContext

from dialogs.services import Services
from language import t
from language.messages import catalog

__all__ = ["KEEP", "answer_stray_confirm", "dropped"]

logger = logging.getLogger(__name__)

_PROPERTY = "dropped"
#: How long a later "yes" is told about the dropped write (seconds).
KEEP = 30 * 60


def _key(prefix: str, operation: str, locale: str) -> str:
    """`prefix` + the operation ("writes.dropped.calendar.create"), or its "other" key for an unknown one."""
    key = f"{prefix}.{operation}"
    return key if key in catalog(locale) else f"{prefix}.other"


async def dropped(services: Services, context: TurnContext, operation: str) -> None:
    """Say that the unconfirmed write was dropped ("I dropped the meeting you hadn't confirmed."), and remember
    which kind it was for a later "yes"."""
    locale = services.locale(context)
    logger.info("pending confirmation of %s dropped for a new request", operation or "a write")
    await services.say(context, _key("writes.dropped", operation, locale))
    accessor = services.conversation_state.create_property(_PROPERTY)
    await accessor.set(context, {"operation": operation, "at": services.clock.timestamp()})


async def answer_stray_confirm(services: Services, context: TurnContext) -> bool:
    """A "yes" or "no" with no question waiting: say that nothing waits (and nothing was written), naming the
    write dropped earlier when there is one. True when answered."""
    accessor = services.conversation_state.create_property(_PROPERTY)
    kept = await accessor.get(context, dict)
    await accessor.delete(context)
    locale = services.locale(context)
    at = kept.get("at") if isinstance(kept, dict) else None
    if isinstance(at, int | float) and 0 <= services.clock.timestamp() - at <= KEEP:
        what = t(_key("writes.noun", str(kept.get("operation") or ""), locale), locale)
        await services.say(context, "writes.stray_confirm.dropped", what=what)
        return True
    await services.say(context, "writes.stray_confirm")
    return True
