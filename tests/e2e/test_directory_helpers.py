"""Helpers for the directory transcripts (no tests here): demo users, card texts, effects read from the sandbox."""

from __future__ import annotations

from typing import Any

from tests.cards.test_quality import walk

ADELE = "adelev@contoso.onmicrosoft.com"  # en-US
CAMILLE = "camilled@contoso.onmicrosoft.com"  # fr-FR


def replies_text(replies: list[dict[str, Any]]) -> str:
    """Chat texts and card summaries, joined."""
    parts = []
    for reply in replies:
        parts.append(reply.get("text") or "")
        parts.append(reply.get("summary") or "")
    return "\n".join(p for p in parts if p)


def card_of(replies: list[dict[str, Any]]) -> dict[str, Any]:
    cards = [a["content"] for r in replies for a in r.get("attachments") or []
             if a.get("contentType") == "application/vnd.microsoft.card.adaptive"]
    assert cards, f"no Adaptive Card in {replies!r}"
    return cards[-1]


def card_texts(card: dict[str, Any]) -> str:
    """Every visible string of a card (and its links), markdown escapes and zero-width characters removed."""
    found = [v for _, k, v in walk(card) if k in ("text", "title", "value", "url") and isinstance(v, str)]
    return "\n".join(found).replace("\\", "").replace("\u2060", "").replace("\u200b", "")


def card_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node, k, v in walk(card) if node is not None and k == "type" and str(v).startswith("Action.")]


def contacts_of(graph_as: Any, user: str) -> list[dict[str, Any]]:
    response = graph_as(user).get("/me/contacts", params={"$top": "100"})
    response.raise_for_status()
    return response.json()["value"]
