"""Buttons that answer for the person: suggestions after a declined request, the choices of a clarification."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["im_back_actions"]


def im_back_actions(titles: Sequence[str]) -> list[dict[str, str]]:
    """Bot Framework `suggestedActions` buttons (imBack): pressing one sends its title as the person's message,
    so a suggestion is understood exactly as if it had been typed. Titles are plain text, at most 50 characters
    (longer ones are cut: Teams shows no more)."""
    return [{"type": "imBack", "title": title[:50], "value": title[:50]} for title in titles if title.strip()]
