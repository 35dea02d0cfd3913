"""Helpers for the task transcripts (cards, facts, sandbox reads), and checks of the helpers themselves."""

from __future__ import annotations

from typing import Any

ADELE = "adelev@contoso.onmicrosoft.com"  # en-US, Europe/Paris, member of both Planner groups
CAMILLE = "camilled@contoso.onmicrosoft.com"  # fr-FR, Romance Standard Time, member of both groups

CARD = "application/vnd.microsoft.card.adaptive"


def card_of(replies: list[dict[str, Any]], *, required: bool = True) -> dict[str, Any]:
    """The last Adaptive Card among the replies."""
    cards = [a["content"] for r in replies for a in (r.get("attachments") or []) if a.get("contentType") == CARD]
    if not cards:
        assert not required, f"no card in {[r.get('text') for r in replies]!r}"
        return {}
    return cards[-1]


def walk(node: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        out.append(node)
        for value in node.values():
            out.extend(walk(value))
    elif isinstance(node, list):
        for value in node:
            out.extend(walk(value))
    return out


def facts_of(card: dict[str, Any]) -> dict[str, str]:
    """FactSet titles to values (values are markdown-escaped by the builders)."""
    return {f["title"]: f["value"] for node in walk(card) if node.get("type") == "FactSet" for f in node["facts"]}


def plain_texts(card: dict[str, Any]) -> list[str]:
    """The TextRun texts (user text, never markdown-processed)."""
    return [node["text"] for node in walk(card) if node.get("type") == "TextRun"]


def block_texts(card: dict[str, Any]) -> list[str]:
    return [node["text"] for node in walk(card) if node.get("type") == "TextBlock"]


def find_actions(card: dict[str, Any], verb: str) -> list[dict[str, Any]]:
    return [node for node in walk(card) if node.get("type") == "Action.Execute" and node.get("verb") == verb]


def todo_lists(graph: Any) -> list[dict[str, Any]]:
    response = graph.get("/me/todo/lists")
    response.raise_for_status()
    return list(response.json()["value"])


def todo_tasks(graph: Any, list_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = f"/me/todo/lists/{list_id}/tasks"
    while url:
        response = graph.get(url)
        response.raise_for_status()
        body = response.json()
        items.extend(body["value"])
        url = body.get("@odata.nextLink")
    return items


def test_helpers_read_cards() -> None:
    card = {"type": "AdaptiveCard", "body": [
        {"type": "FactSet", "facts": [{"title": "Title", "value": "x"}]},
        {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "a <b>"}]},
        {"type": "ActionSet", "actions": [{"type": "Action.Execute", "verb": "undo", "data": {"ref": "r"}}]},
    ]}
    replies = [{"type": "message", "attachments": [{"contentType": CARD, "content": card}]}]
    assert card_of(replies) is card
    assert facts_of(card) == {"Title": "x"}
    assert plain_texts(card) == ["a <b>"]
    assert find_actions(card, "undo")[0]["data"] == {"ref": "r"}
    assert card_of([{"type": "message", "text": "hi"}], required=False) == {}
