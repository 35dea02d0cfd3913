"""Every card, in English and French: official schema, size budget, escaped user text, catalog parity."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import pytest

import cards
from cards.text import catalog
from tests.cards.samples import HOSTILE, HOSTILE_MARKERS, ORIGINATOR, RTL, budget, builders

LOCALES = ("en-US", "fr-FR")
# Host-only keys the official schema (additionalProperties: false on AdaptiveCard) rejects.
HOST_ONLY_KEYS = ("msteams", "originator")
NAMES = sorted(builders())


@cache
def schema_validator(version: str) -> jsonschema.Draft6Validator:
    path = resources.files("adaptive_cards") / "schemas" / f"schema-{version}.json"
    return jsonschema.Draft6Validator(json.loads(path.read_text(encoding="utf-8")))


def strip_host_keys(card: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in card.items() if k not in HOST_ONLY_KEYS}


def walk(node: Any, parent: dict[str, Any] | None = None) -> Iterator[tuple[dict[str, Any] | None, str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key, value
            yield from walk(value, node)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item, parent)


def markdown_strings(card: dict[str, Any]) -> list[str]:
    """Strings that hosts run through markdown: TextBlock text and FactSet titles and values."""
    out = []
    for node, key, value in walk(card):
        if node is None or not isinstance(value, str):
            continue
        if node.get("type") == "TextBlock" and key == "text":
            out.append(value)
        elif "title" in node and "value" in node and "type" not in node and key in ("title", "value"):
            out.append(value)
    return out


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", NAMES)
def test_card_validates_against_official_schema(name: str, locale: str) -> None:
    card = builders()[name](locale)
    errors = sorted(schema_validator(card["version"]).iter_errors(strip_host_keys(card)), key=str)
    assert not errors, f"{name}/{locale}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_schema_check_can_fail() -> None:
    card = builders()["todo"]("en")
    card["body"].append({"type": "TextBlock"})  # no text
    assert list(schema_validator("1.5").iter_errors(strip_host_keys(card)))
    assert list(schema_validator("1.4").iter_errors(builders()["my_day"]("en")))  # originator is rejected unstripped


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", NAMES)
def test_card_stays_under_size_budget(name: str, locale: str) -> None:
    card = builders()[name](locale)
    size = len(json.dumps(card, ensure_ascii=False).encode("utf-8"))
    assert size < budget(card), f"{name}/{locale} is {size} bytes"


def test_outlook_cards_are_1_4_with_originator_and_teams_cards_1_5() -> None:
    for name in NAMES:
        card = builders()[name]("en")
        if name.startswith(("my_day", "digest")):
            assert card["version"] == "1.4" and card["originator"] == ORIGINATOR
            assert card["refresh"]["action"]["verb"] == "digest.refresh"
        else:
            assert card["version"] == "1.5" and "originator" not in card


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", NAMES)
def test_user_text_is_escaped(name: str, locale: str) -> None:
    card = builders()[name](locale)
    for value in markdown_strings(card):
        for marker in HOSTILE_MARKERS:
            assert marker not in value, f"{name}: unescaped {marker!r} in markdown text {value!r}"
    runs = [v for node, k, v in walk(card) if node and node.get("type") == "TextRun" and k == "text"]
    assert all("{{" not in run for run in runs)


@pytest.mark.parametrize("name", ["agenda", "todo", "planner", "flagged_mail", "choice", "people", "my_day"])
def test_hostile_and_rtl_text_reach_the_card_literally(name: str) -> None:
    card = builders()[name]("en")
    runs = [v for node, k, v in walk(card) if node and node.get("type") == "TextRun" and k == "text"]
    assert HOSTILE.replace("{{", "{\u200b{") in runs
    assert RTL in runs


@pytest.mark.parametrize("name", NAMES)
def test_card_exists_in_both_languages(name: str) -> None:
    english, french = builders()[name]("en"), builders()[name]("fr")
    assert english != french, f"{name} is not translated"
    assert json.dumps(english).count('"type"') == json.dumps(french).count('"type"')


def _placeholders(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    english, french = catalog("en"), catalog("fr")
    assert set(english) == set(french)
    assert all(key.startswith("cards.") for key in english)
    for key in english:
        assert _placeholders(english[key]) == _placeholders(french[key]), key


def test_every_catalog_key_is_used_by_a_builder() -> None:
    used: set[str] = set()
    source = "\n".join(p.read_text(encoding="utf-8") for p in resources.files("cards").iterdir()
                       if p.name.endswith(".py"))
    for key in catalog("en"):
        parts = key.split(".")
        if key in source or any(".".join(parts[:i]) + "." in source for i in range(2, len(parts))):
            used.add(key)
    assert set(catalog("en")) == used


def test_missing_key_raises() -> None:
    with pytest.raises(cards.MissingTextError):
        cards.text.text("cards.nope", "fr")


def test_times_are_in_the_users_zone() -> None:
    card = builders()["meeting_join"]("fr")
    facts = {f["title"]: f["value"] for node, k, v in walk(card) if k == "facts" for f in v}
    assert re.search(r"09:30 – 10:30", facts["Quand"]), facts
    english = builders()["meeting_join"]("en")
    facts = {f["title"]: f["value"] for node, k, v in walk(english) if k == "facts" for f in v}
    assert "9:30\u202fAM" in facts["When"] or "9:30 AM" in facts["When"], facts


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", NAMES)
def test_no_card_text_holds_a_backslash_escape(name: str, locale: str) -> None:
    """Some Teams and Outlook clients show markdown escapes literally: `\\+1 425`, `Megan \\<…\\>`."""
    card = builders()[name](locale)
    strings = [v for _, _, v in walk(card) if isinstance(v, str)]
    assert strings
    for value in strings:
        for escape in ("\\+", "\\<", "\\>", "\\-", "\\*", "\\_", "\\[", "\\(", "\\#", "\\."):
            assert escape not in value, f"{name}: {escape!r} in {value!r}"


def test_backslash_check_sees_the_samples_phone_and_hostile_text() -> None:
    people = json.dumps(builders()["people"]("en"), ensure_ascii=False)
    assert "+33 1 23 45 67 89" in people
    assert "<\u2060b>" in json.dumps(builders()["meeting"]("en"), ensure_ascii=False)
