"""One shape for the intents read by rules only (mailbox, alerts, ...): how they are read, and what a guess needs.

A module whose intents the scorer must never guess (`language/mailbox.py`, `language/alerts.py`) exports one
`RuleTable`; `language/intents.py` consults every table in `RULE_TABLES` order before the scorer, never lets the
scorer answer one of their intents, and asks a write of theirs for its evidence words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = ["RuleTable"]


@dataclass(frozen=True, slots=True)
class RuleTable:
    """The intents a rule module reads, its reader (folded text in, an intent of `intents` or None out), and the
    words each intent needs when something else proposes it (`evidence`: a write proposed without them is no write)."""

    name: str
    intents: frozenset[str]
    read: Callable[[str], str | None]
    evidence: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.evidence) - self.intents
        if unknown:
            raise ValueError(f"{self.name}: evidence for intents it does not read: {sorted(unknown)}")

    def __call__(self, folded: str) -> str | None:
        intent = self.read(folded)
        if intent is not None and intent not in self.intents:
            raise ValueError(f"{self.name} read {intent!r}, which is not one of its intents")
        return intent
