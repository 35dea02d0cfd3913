"""The directory's own cards (mail listing, list item confirmation and result): official schema, escaping."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from dialogs.directory.cards import list_confirm_card, list_result_card, mail_list_card
from graph.models import Message
from tests.cards.samples import HOSTILE, HOSTILE_MARKERS
from tests.cards.test_quality import markdown_strings, schema_validator, strip_host_keys, walk

MESSAGES = [
    Message(id="m1", subject=HOSTILE, sender_name="Liam O'Brien", sender_email="liamo@contoso.com",
            received=datetime(2026, 11, 28, 9, tzinfo=UTC), is_read=False,
            web_link="https://outlook.office365.com/owa/?ItemID=m1"),
    Message(id="m2", subject="", sender_name=None, sender_email=None, received=None, is_read=True),
]


def builders() -> dict[str, Any]:
    return {
        "mail": lambda loc: mail_list_card(MESSAGES, title=f"Messages about {HOSTILE}", locale=loc,
                                           tz="Europe/Paris", today=date(2026, 11, 29), empty="none"),
        "mail_empty": lambda loc: mail_list_card([], title="t", locale=loc, tz="UTC", today=date(2026, 11, 29),
                                                 empty="Nothing"),
        "confirm": lambda loc: list_confirm_card(HOSTILE, [("Title", HOSTILE), ("Quantity", "12")], ref="r1",
                                                 locale=loc),
        "result": lambda loc: list_result_card(HOSTILE, [("Title", HOSTILE)], locale=loc, undo_ref="u1",
                                               web_url="https://contoso.sharepoint.com/sites/x/Lists/Orders/7_.000"),
    }


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
@pytest.mark.parametrize("name", sorted(builders()))
def test_valid_and_escaped(name: str, locale: str) -> None:
    card = builders()[name](locale)
    errors = list(schema_validator(card["version"]).iter_errors(strip_host_keys(card)))
    assert not errors, errors[0].message
    for value in markdown_strings(card):
        for marker in HOSTILE_MARKERS:
            assert marker not in value, f"unescaped {marker!r} in {value!r}"


def test_mail_listing_is_read_only_and_marks_unread() -> None:
    card = builders()["mail"]("en")
    verbs = [v.get("verb") for node, k, v in walk(card) if k == "actions" for v in v]
    assert verbs == [None], "only the Open Outlook link, no write buttons"
    runs = [v for node, k, v in walk(card) if node and node.get("type") == "TextRun" and k == "text"]
    assert f"Messages about {HOSTILE}".replace("{{", "{\u200b{") in runs
    unread = [v for node, k, v in walk(card) if node and node.get("type") == "TextBlock" and v == "●"]
    assert len(unread) == 1


def test_confirm_and_result_buttons_carry_refs() -> None:
    confirm = builders()["confirm"]("en")
    data = [v for node, k, v in walk(confirm) if k == "data" and node.get("type") == "Action.Execute"]
    assert data == [{"ref": "r1"}, {"ref": "r1"}]
    result = builders()["result"]("fr")
    verbs = [node.get("verb") for node, k, v in walk(result) if k == "type" and v == "Action.Execute"]
    assert verbs == ["undo"]
