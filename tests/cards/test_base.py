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


def test_escape_markdown_keeps_text_literal() -> None:
    escaped = escape_markdown("**b** _i_ [l](https://e.x) <b>h</b> `c` # h {{DATE(x)}}")
    for raw in ("**", "_i_", "[l]", "](", "<b>", "`c`", "{{"):
        assert raw not in escaped
    assert escaped.replace("\\", "").replace("\u2060", "") == "**b** _i_ [l](https://e.x) <b>h</b> `c` # h {{DATE(x)}}"
    assert escape_markdown("1. first\n- second") == "1\\. first - second"
    assert escape_markdown("- item") == "\\- item"
    assert escape_markdown("Déjà vu, v1.2 — ok 🎉") == "Déjà vu, v1.2 — ok 🎉"


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
