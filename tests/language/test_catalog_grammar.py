"""Labels and French grammar over every catalog: elision, plurals, capital letters, field labels, durations."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from language.formatting import format_duration
from language.grammar import elide, elide_template, starts_with_vowel_sound
from language.messages import catalog, placeholders, t, tn

FR, EN = catalog("fr"), catalog("en")
# Brands written with their own capitals.
BRANDS = ("SharePoint", "OneDrive", "OneNote", "PowerPoint", "MIPA")
# Message families that are fragments inserted inside a sentence, so they start in lower case.
FRAGMENTS = ("bot.read_only.action.", "conversation.intent.", "core.ordinal.", "cards.planner.completed",
             "cards.planner.in_progress", "cards.planner.not_started", "calendar.agenda.all_day", "cards.list.and_more",
             "tasks.planner.no_buckets", "core.duration.", "mailbox.refused.", "notify.days.", "calendar.free.day_span",
             "writes.noun.")


@pytest.mark.parametrize(("word", "following", "expected"), [
    ("de", "Adele", "d'Adele"), ("de", "Élodie", "d'Élodie"), ("De", "Isaiah", "D'Isaiah"),
    ("de", "Hélène", "d'Hélène"), ("que", "elle", "qu'elle"), ("le", "agenda", "l'agenda"), ("de", "Yves", "d'Yves"),
    ("de", "Megan", "de Megan"), ("de", "Yann", "de Yann"), ("le", "héros", "le héros"), ("le", "8 mars", "le 8 mars"),
    ("de", "OneDrive", "de OneDrive"), ("du", "Adele", "du Adele"),
])
def test_elide(word: str, following: str, expected: str) -> None:
    assert elide(word, following) == expected


def test_elision_is_applied_where_a_name_is_inserted() -> None:
    assert t("directory.mail.search_sender", "fr", sender="Adele Vance") == "Messages d'Adele Vance"
    assert t("directory.mail.search_sender", "fr", sender="Megan Bowen") == "Messages de Megan Bowen"
    assert t("directory.mail.search_sender", "en", sender="Adele Vance") == "Messages from Adele Vance"
    assert elide_template("Messages de {a} et de {b}", {"a": "Isaiah", "b": "Lidia"}) == "Messages d'{a} et de {b}"


def test_every_french_placeholder_after_de_le_que_elides_before_a_vowel() -> None:
    checked = 0
    for key, template in FR.items():
        for match in re.finditer(r"(?<![\w'])(de|le|que) \{(\w+)\}", template, re.IGNORECASE):
            params = {name: "0" for name in placeholders(template)}
            params[match[2]] = "Adele"
            said = t(key, "fr", **params)
            assert f"{match[1][:-1]}'Adele" in said, f"{key}: {said!r}"
            checked += 1
    assert checked >= 2


def test_french_catalog_writes_no_unelided_vowel_after_de_le_que() -> None:
    pattern = re.compile(r"(?<![\w'-])(?:de|le|que|je|ne|se|me|te) (?!(?:one|oui)\w*)[aeiouéèêàâîôûy]\w*", re.IGNORECASE)
    found = {key: m[0] for key, value in FR.items() for m in [pattern.search(value)] if m}
    assert found == {}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_catalog_writes_a_plural_with_parentheses(lang: str) -> None:
    found = [key for key, value in catalog(lang).items() if re.search(r"\w\((?:s|es|x)\)", value)]
    assert found == []


@pytest.mark.parametrize(("count", "en", "fr"), [
    (0, "0 flagged messages.", "0 message avec indicateur."),
    (1, "1 flagged message.", "1 message avec indicateur."),
    (2, "2 flagged messages.", "2 messages avec indicateur."),
])
def test_counts_take_the_plural_of_their_language(count: int, en: str, fr: str) -> None:
    assert tn("tasks.mail.summary", count, "en") == en
    assert tn("tasks.mail.summary", count, "fr") == fr


def test_plural_keys_come_in_pairs_in_both_languages() -> None:
    for lang in ("en", "fr"):
        keys = catalog(lang)
        for key in keys:
            if key.endswith(".one") and "{count}" in keys[key]:
                assert key[:-4] + ".other" in keys, key
            if key.endswith(".other") and "{count}" in keys[key]:
                assert key[:-6] + ".one" in keys, key


def test_both_languages_agree_on_capital_letters() -> None:
    differ = [key for key, english in EN.items() if english[:1].isalpha() and FR[key][:1].isalpha()
              and english[0].isupper() != FR[key][0].isupper()]
    assert differ == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sentences_and_labels_start_with_a_capital(lang: str) -> None:
    lower = [key for key, value in catalog(lang).items()
             if value[:1].isalpha() and value[0].islower() and not key.startswith(FRAGMENTS)]
    assert lower == []
    labels = {k: v for k, v in catalog(lang).items() if k.startswith(("cards.field.", "cards.action."))}
    assert labels and all(v[0].isupper() for v in labels.values()), labels


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_label_is_a_code_name(lang: str) -> None:
    """"DueDate", "displayName": a column or property name is never shown; brands keep their capitals."""
    found = {m for value in catalog(lang).values() for m in re.findall(r"\b[A-Za-z]+[a-z][A-Z]\w*", value)}
    assert found <= set(BRANDS), found


def test_a_reminder_is_labelled_reminder_and_a_sender_from() -> None:
    assert (EN["cards.field.reminder"], FR["cards.field.reminder"]) == ("Reminder", "Rappel")
    assert (EN["cards.field.sender"], FR["cards.field.sender"]) == ("From", "De")


def test_one_duration_format_per_language() -> None:
    assert format_duration(timedelta(minutes=90), "en") == "1 hr 30 min"
    assert format_duration(timedelta(minutes=90), "fr") == "1 h 30 min"
    assert format_duration(timedelta(hours=2), "en") == "2 hr"
    units = re.compile(r"\{\w+\}\s*(?:hrs?|hours?|heures?|h|mins?|minutes?)\b")
    for lang in ("en", "fr"):
        outside = [k for k, v in catalog(lang).items() if units.search(v) and not k.startswith("core.duration.")]
        assert outside == [], f"{lang}: durations formatted outside language.formatting: {outside}"


def test_vowel_sound() -> None:
    assert starts_with_vowel_sound("« Adele")
    assert not starts_with_vowel_sound("")
