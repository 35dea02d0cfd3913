"""Bots: activity routing, invokes, authentication fixes, SSO de-duplication and error handling."""

from bots.assistant_bot import AssistantBot
from bots.auth import AppBotFrameworkAuthentication
from bots.sdkfix import DedupingTeamsSSOMiddleware

__all__ = ["AppBotFrameworkAuthentication", "AssistantBot", "DedupingTeamsSSOMiddleware"]
