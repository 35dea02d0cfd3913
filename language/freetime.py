"""Free-time questions: "am I free at 3pm?" wants a yes or a no, "when am I free?" wants the free slots."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from language.models import Entities

__all__ = ["asks_when", "yes_no_span"]

#: Longest span still asked about as one block ("am I free from 3 to 5pm?"); longer ones list the free slots.
LONGEST_QUESTION = timedelta(hours=2)
#: "am I free at 3pm?" asks about this much time from 3pm.
POINT = timedelta(minutes=30)

_WHEN = re.compile(
    r"\b(when|what time|which time|find|show|list|slots?|quand|quelle heure|quels? cr[ée]neaux?|trouve|montre|cherche)\b",
    re.IGNORECASE,
)


def asks_when(text: str) -> bool:
    """The person asks for free times, not whether one time is free."""
    return bool(_WHEN.search(text))


def yes_no_span(entities: Entities, text: str) -> tuple[datetime, datetime] | None:
    """The span a yes-or-no free-time question is about ("am I free tomorrow at 3pm?"), or None."""
    start, end = entities.start, entities.end
    if start is None or not entities.time_given or asks_when(text):
        return None
    if end is None or end <= start:
        length = entities.duration if entities.duration and entities.duration > timedelta(0) else POINT
        return start, start + length
    if end - start <= LONGEST_QUESTION:
        return start, end
    return None
