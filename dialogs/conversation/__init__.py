"""Conversation beyond the features: declining with suggestions, small talk, and clarifying close calls."""

from dialogs.conversation.clarify import ClarifyDialog, clarification
from dialogs.conversation.replies import SMALL_TALK, decline, small_talk

__all__ = ["SMALL_TALK", "ClarifyDialog", "clarification", "decline", "small_talk"]
