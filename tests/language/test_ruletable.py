"""The intents read by rules only share one shape (language/ruletable.py): the scorer never answers them."""

from __future__ import annotations

import re

import pytest

from language.intents import _RULE_ONLY, RULE_TABLES, classify, load_model
from language.models import INTENTS
from language.ruletable import RuleTable
from language.text import fold


def test_every_rule_table_reads_catalog_intents_and_the_scorer_never_answers_them() -> None:
    names = {table.name for table in RULE_TABLES}
    assert {"alerts", "mailbox"} <= names
    for table in RULE_TABLES:
        assert table.intents <= set(INTENTS), table.name
        assert table.intents <= _RULE_ONLY, table.name


@pytest.mark.parametrize(("text", "intent"), [
    ("remind me 10 minutes before my meetings", "notify.reminders.on"),
    ("arrête le résumé du matin", "notify.digest.off"),
    ("set my out of office from december 21 to 25", "mailbox.autoreply.set"),
    ("quel est mon fuseau horaire ?", "mailbox.settings"),
])
def test_a_table_answers_through_classify(text: str, intent: str) -> None:
    lang = "fr" if any(c in text for c in "éèêàç") or text.startswith("quel") else "en"
    got, score, alternatives = classify(load_model()[lang], fold(text), [], text)
    assert (got, alternatives) == (intent, ())
    assert score >= 0.9


def test_the_scorer_alone_never_answers_a_rule_only_intent() -> None:
    """Weights pushing a rule-only intent: without its rule, the utterance is declined."""
    model = {"_bias": {"notify.digest.on": 50.0, "mailbox.autoreply.set": 40.0}}
    got, _, _ = classify(model, fold("zorglub wibble"), ["_bias"], "zorglub wibble")
    assert got == "none"


def test_a_table_refuses_an_intent_it_does_not_own() -> None:
    sloppy = RuleTable(name="sloppy", intents=frozenset({"todo.add"}), read=lambda folded: "todo.delete")
    with pytest.raises(ValueError, match="not one of its intents"):
        sloppy("anything")
    with pytest.raises(ValueError, match="evidence for intents it does not read"):
        RuleTable(name="odd", intents=frozenset({"todo.add"}), read=lambda folded: None,
                  evidence={"todo.delete": re.compile("x")})
