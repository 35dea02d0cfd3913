"""Card envelope, attachment, escaping, actions and refresh helpers."""

from __future__ import annotations

import pytest

from cards import (
    CONTENT_TYPE,
    adaptive_card,
    attachment,
    escape_markdown,
    execute_action,
    open_url_action,
    plain_text,
    refresh_block,
)
from cards.base import LOOKALIKES


def _visible(text: str) -> str:
    """What a reader sees: zero-width characters dropped, look-alikes read as the original."""
    for hidden in ("\u2060", "\u200b"):
        text = text.replace(hidden, "")
    for sign, lookalike in LOOKALIKES.items():
        text = text.replace(lookalike, sign)
    return text


def test_escape_markdown_keeps_text_literal_without_backslashes() -> None:
    typed = "**b** _i_ [l](https://e.x) <b>h</b> `c` # h {{DATE(x)}}"
    escaped = escape_markdown(typed)
    for raw in ("**", "_i_", "](", "<b>", "`c`", "{{", "https:"):
        assert raw not in escaped
    assert "\\" not in escaped
    assert _visible(escaped) == typed
    assert _visible(escape_markdown("1. first\n- second")) == "1. first - second"
    assert not escape_markdown("- item").startswith("-")
    assert not escape_markdown("> quoted").startswith(">")
    assert escape_markdown("Déjà vu, v1.2 — ok 🎉 snake_case_name") == "Déjà vu, v1.2 — ok 🎉 snake_case_name"


def test_escape_markdown_keeps_phones_and_addresses_as_typed() -> None:
    assert escape_markdown("+1 425 555 0100") == "+1 425 555 0100"
    megan = escape_markdown("Megan Bowen <megan@contoso.example>")
    assert "\\" not in megan and _visible(megan) == "Megan Bowen <megan@contoso.example>"
    assert _visible(escape_markdown("C:\\(x)")) == "C:\\(x)"


def test_plain_text_uses_a_text_run() -> None:
    block = plain_text("**x** {{DATE(y)}}\nnext", weight="Bolder", spacing="None")
    assert block["type"] == "RichTextBlock" and block["spacing"] == "None"
    assert block["inlines"] == [{"type": "TextRun", "text": "**x** {\u200b{DATE(y)}} next", "weight": "Bolder"}]


def test_envelope_and_attachment() -> None:
    card = adaptive_card([{"type": "TextBlock", "text": "hi"}], version="1.4", originator="guid",
                         refresh=refresh_block("digest.refresh", {}, user_ids=["29:a"]))
    assert card["version"] == "1.4" and card["originator"] == "guid" and card["refresh"]["userIds"] == ["29:a"]
    assert attachment(card) == {"contentType": CONTENT_TYPE, "content": card}
    assert CONTENT_TYPE == "application/vnd.microsoft.card.adaptive"
    with pytest.raises(ValueError):
        adaptive_card([], version="1.6")


def test_refresh_user_ids() -> None:
    assert "userIds" not in refresh_block("v", {}, user_ids=None)
    assert refresh_block("v", {}, user_ids=[])["userIds"] == []
    assert len(refresh_block("v", {}, user_ids=[f"29:{i}" for i in range(100)])["userIds"]) == 60


def test_execute_action_has_submit_fallback() -> None:
    action = execute_action("Go", "confirm", {"ref": "r1"})
    assert action["fallback"] == {"type": "Action.Submit", "title": "Go", "data": {"verb": "confirm", "ref": "r1"}}
    assert "fallback" not in execute_action("Go", "confirm", {"ref": "r1"}, fallback_submit=False)


def test_open_url_rejects_scripts() -> None:
    assert open_url_action("Open", "https://x.example")["url"] == "https://x.example"
    with pytest.raises(ValueError):
        open_url_action("Open", "javascript:alert(1)")
