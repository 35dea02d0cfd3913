"""Adaptive Card building blocks: envelope, attachment, escaped user text, actions and refresh."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "CONTENT_TYPE",
    "OUTLOOK_VERSION",
    "TEAMS_VERSION",
    "Card",
    "action_set",
    "adaptive_card",
    "attachment",
    "column",
    "columns",
    "escape_markdown",
    "execute_action",
    "fact_set",
    "open_url_action",
    "plain_text",
    "refresh_block",
    "text_block",
]

Card = dict[str, Any]

CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json"
TEAMS_VERSION = "1.5"
OUTLOOK_VERSION = "1.4"
MAX_REFRESH_USERS = 60

# CommonMark backslash-escapable characters that carry meaning in Teams / Outlook markdown
# anywhere in a line, plus the braces of the Adaptive Card {{DATE()}} / {{TIME()}} functions.
_MARKDOWN_META = re.compile(r"([\\`*_\[\]()#<>|~{}])")
# List markers only matter at the start of the text (line breaks are folded first).
_LIST_MARKER = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))")
_URL_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|msteams):(//)?")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def escape_markdown(value: str) -> str:
    """User text made literal inside a markdown-processed TextBlock or FactSet value.

    Every markdown metacharacter is backslash-escaped, so `**bold**`, `[a](http://x)`,
    `<b>html</b>` and `{{DATE(...)}}` are shown as typed; line breaks become spaces.
    """
    flat = _LINE_BREAKS.sub(" ", value)
    escaped = _MARKDOWN_META.sub(r"\\\1", flat)
    escaped = _LIST_MARKER.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", escaped)
    # Hosts autolink bare URLs: a zero-width joiner after the scheme keeps them text.
    return _URL_SCHEME.sub(lambda m: f"{m[1]}\u2060:{m[2] or ''}", escaped)


def plain_text(value: str, **props: Any) -> dict[str, Any]:
    """User text in a RichTextBlock / TextRun, which hosts never run through markdown.

    `{{` is split with a zero-width space so the card date functions cannot fire either.
    """
    literal = _LINE_BREAKS.sub(" ", value).replace("{{", "{\u200b{")
    run: dict[str, Any] = {"type": "TextRun", "text": literal}
    block_props = {k: v for k, v in props.items() if k in {"id", "spacing", "separator", "isVisible"}}
    run.update({k: v for k, v in props.items() if k not in block_props})
    return {"type": "RichTextBlock", "inlines": [run], **block_props}


def text_block(value: str, **props: Any) -> dict[str, Any]:
    """A wrapped TextBlock for catalog text (user parts must already be `escape_markdown`-ed)."""
    return {"type": "TextBlock", "text": value, "wrap": True, **props}


def fact_set(facts: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A FactSet; titles and values are escaped here, so pass raw user text."""
    return {"type": "FactSet", "facts": [{"title": escape_markdown(t), "value": escape_markdown(v)} for t, v in facts]}


def column(items: Sequence[Mapping[str, Any]], *, width: str = "stretch", **props: Any) -> dict[str, Any]:
    return {"type": "Column", "width": width, "items": list(items), **props}


def columns(cols: Sequence[Mapping[str, Any]], **props: Any) -> dict[str, Any]:
    return {"type": "ColumnSet", "columns": list(cols), **props}


def action_set(actions: Sequence[Mapping[str, Any]], **props: Any) -> dict[str, Any]:
    return {"type": "ActionSet", "actions": list(actions), **props}


def execute_action(
    title: str,
    verb: str,
    data: Mapping[str, Any],
    *,
    fallback_submit: bool = True,
    style: str | None = None,
) -> dict[str, Any]:
    """An `Action.Execute` with `verb` and `data`, degrading to an `Action.Submit` carrying both."""
    action: dict[str, Any] = {"type": "Action.Execute", "title": title, "verb": verb, "data": dict(data)}
    if style:
        action["style"] = style
    if fallback_submit:
        action["fallback"] = {"type": "Action.Submit", "title": title, "data": {"verb": verb, **data}}
    return action


def open_url_action(title: str, url: str) -> dict[str, Any]:
    """An `Action.OpenUrl`; only http(s) and Teams deep links are allowed."""
    if not url.startswith(("https://", "http://", "msteams:")):
        raise ValueError("open_url_action takes an http(s) or msteams: URL")
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def refresh_block(verb: str, data: Mapping[str, Any], *, user_ids: Sequence[str] | None) -> dict[str, Any]:
    """A card `refresh`: each listed viewer (MRI, at most 60) automatically gets their own state.

    `user_ids=None` leaves `userIds` out (Teams then refreshes for everyone in small chats);
    an empty list means manual refresh only. Outlook ignores `userIds` and always refreshes.
    """
    block: dict[str, Any] = {
        "action": {"type": "Action.Execute", "title": "Refresh", "verb": verb, "data": dict(data)}
    }
    if user_ids is not None:
        block["userIds"] = list(user_ids)[:MAX_REFRESH_USERS]
    return block


def adaptive_card(
    body: Sequence[Mapping[str, Any]],
    actions: Sequence[Mapping[str, Any]] = (),
    *,
    version: str,
    originator: str | None = None,
    refresh: Mapping[str, Any] | None = None,
    full_width: bool = True,
) -> Card:
    """The card envelope. Use `TEAMS_VERSION` (1.5) for Teams-only cards and `OUTLOOK_VERSION`
    (1.4, with the `originator` from settings) for cards that may reach Outlook."""
    if version not in (TEAMS_VERSION, OUTLOOK_VERSION):
        raise ValueError(f"unsupported card version {version!r}")
    card: Card = {"type": "AdaptiveCard", "$schema": SCHEMA_URL, "version": version, "body": list(body)}
    if actions:
        card["actions"] = list(actions)
    if refresh is not None:
        card["refresh"] = dict(refresh)
    if originator:
        card["originator"] = originator
    if full_width:
        card["msteams"] = {"width": "Full"}
    return card


def attachment(card: Mapping[str, Any]) -> dict[str, Any]:
    """The Bot Framework attachment dict for a card."""
    return {"contentType": CONTENT_TYPE, "content": dict(card)}
