"""Where the shared corpus's LUIS-era labels mean something else in MIPA's catalog, and what MIPA reads instead.

The corpus maps the Calendar skill's `RejectCalendar` to `calendar.decline`, but its utterances are
answers to the skill's own question ("no", "non merci", "annuler", "not that time"): in MIPA they are
`general.reject` or `general.cancel`; `calendar.decline` is reserved for declining an invitation, a write.
It also maps "decline my meeting on monday" / "refuser ma réunion lundi" (`DeleteCalendarEntry`) to
`calendar.cancel`; declining a meeting is `calendar.decline`. These rows are relabelled for training
and accepted under either reading for evaluation (CORPUS README: note plainly wrong labels, do not bend).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .text import fold

__all__ = ["accepted_labels", "mipa_label"]

_CANCEL_WORDS = re.compile(r"annul|cancel|abandon|oubli|peu importe|n'y pense plus|ne fait rien|never ?mind|forget")
_DECLINE_VERB = re.compile(r"^(?:please )?(?:decline|refuse|refuser|decliner)\b")


def mipa_label(row: Mapping[str, object]) -> str:
    """The intent MIPA gives a corpus row (its `intent`, `none` when null, relabelled as described above)."""
    gold = str(row.get("intent") or "none")
    text = fold(str(row.get("text", "")))
    if row.get("va_intent") == "RejectCalendar":
        return "general.cancel" if _CANCEL_WORDS.search(text) else "general.reject"
    if gold == "calendar.cancel" and _DECLINE_VERB.search(text):
        return "calendar.decline"
    return gold


def accepted_labels(row: Mapping[str, object]) -> frozenset[str]:
    """Intents that count as right for a corpus row: its MIPA label; both replies for a `RejectCalendar` row."""
    if row.get("va_intent") == "RejectCalendar":
        return frozenset({"general.reject", "general.cancel"})
    return frozenset({mipa_label(row)})
