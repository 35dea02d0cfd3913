"""Adaptive Card building blocks: envelope, attachment, escaped user text, actions and refresh."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "CONTENT_TYPE",
    "LOOKALIKES",
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

# Adaptive Card TextBlock markdown is a small subset (bold, italic, lists, links) and hosts differ on
# backslash escapes: some Teams and Outlook clients show `\+` or `\<` literally. So user text is made
# inert WITHOUT backslashes: invisible joiners break the patterns, and `*` becomes a look-alike.
# Look-alikes that stand for markdown emphasis and code characters in user text (the reader sees the same sign).
LOOKALIKES = {"*": "\u2217", "`": "\u02cb"}
_WJ = "\u2060"  # word joiner: zero width, no line break
_ZWSP = "\u200b"
_BLOCK_PROPS = frozenset({"id", "spacing", "separator", "isVisible"})  # a RichTextBlock's; the rest are the run's
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# A line start that markdown would read as a list, heading or quote: "- x", "+ x", "* x", "1. x", "# x", "> x".
_BLOCK_START = re.compile(r"^(\s*)(?=[-+*#]+(?:\s|$)|>|\d+[.)](?:\s|$))")
_URL_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|msteams|www)(:|\.)(//)?")
# A backslash before ASCII punctuation would be eaten by CommonMark.
_BACKSLASH_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
# An intraword underscore (snake_case, file_names) is literal in CommonMark; any other one may open emphasis,
# unless word joiners on both sides make it intraword too.
_LONE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z\u00c0-\u024f])_|_(?![0-9A-Za-z\u00c0-\u024f])")


def escape_markdown(value: str) -> str:
    """User text made literal inside a markdown-processed TextBlock or FactSet value, with no backslashes.

    `**bold**` shows as `∗∗bold∗∗` (U+2217), `[a](http://x)` and `<b>` are broken by zero-width joiners,
    `{{DATE(...)}}` is split, bare URLs are not autolinked, a leading `- `/`1. `/`# `/`> ` is not a block;
    line breaks become spaces. Phone numbers (`+1 425`) and `<address>` keep their look.
    """
    flat = _LINE_BREAKS.sub(" ", value)
    flat = _BACKSLASH_ESCAPE.sub("\\\\" + _WJ, flat)  # the backslash stays, no longer an escape
    flat = flat.replace("*", LOOKALIKES["*"]).replace("`", LOOKALIKES["`"]).replace("{{", "{" + _ZWSP + "{")
    flat = _LONE_UNDERSCORE.sub(_WJ + "_" + _WJ, flat)
    flat = flat.replace("](", "]" + _ZWSP + "(").replace("<", "<" + _WJ).replace("~~", "~" + _WJ + "~")
    flat = _BLOCK_START.sub(lambda m: m[1] + _WJ, flat)
    # Hosts autolink bare URLs: a joiner after the scheme keeps them text.
    return _URL_SCHEME.sub(lambda m: f"{m[1]}{_WJ}{m[2]}{m[3] or ''}", flat)


def plain_text(value: str, **props: Any) -> dict[str, Any]:
    """User text in a RichTextBlock / TextRun, which hosts never run through markdown.

    `{{` is split with a zero-width space so the card date functions cannot fire either.
    """
    literal = _LINE_BREAKS.sub(" ", value).replace("{{", "{\u200b{")
    run: dict[str, Any] = {"type": "TextRun", "text": literal}
    block: dict[str, Any] = {"type": "RichTextBlock", "inlines": [run]}
    for key, prop in props.items():
        (block if key in _BLOCK_PROPS else run)[key] = prop
    return block


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
