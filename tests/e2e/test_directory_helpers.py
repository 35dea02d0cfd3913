"""Helpers for the directory transcripts (no tests here): demo users, card texts, effects read from the sandbox."""

from __future__ import annotations

from typing import Any

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


def _walk(node: Any, out: list[str]) -> None:
    if isinstance(node, dict):
        for key in ("text", "title", "value", "url"):
            if isinstance(node.get(key), str):
                out.append(node[key])
        for value in node.values():
            if isinstance(value, dict | list):
                _walk(value, out)
    elif isinstance(node, list):
        for item in node:
            _walk(item, out)


def card_texts(card: dict[str, Any]) -> str:
    """Every visible string of a card, with the markdown escapes and zero-width characters removed."""
    out: list[str] = []
    _walk(card.get("body", []), out)
    _walk(card.get("actions", []), out)
    text = "\n".join(out)
    return text.replace("\\", "").replace("\u2060", "").replace("\u200b", "")


def card_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def contacts_of(graph_as: Any, user: str) -> list[dict[str, Any]]:
    response = graph_as(user).get("/me/contacts", params={"$top": "100"})
    response.raise_for_status()
    return response.json()["value"]
