"""Shared by the directory dialogs: the original sentence (questions are asked with dialogs/asking.py)."""

from __future__ import annotations

from botbuilder.core import TurnContext

from dialogs.request import Request
from dialogs.services import TurnFacts

__all__ = ["utterance"]


def utterance(context: TurnContext, request: Request) -> str:
    """The sentence that started this request, when this turn is that sentence (not a sign-in code)."""
    facts = TurnFacts.of(context)
    if not facts.text:
        return ""
    if facts.intent() != request.intent:
        return ""
    return facts.text
