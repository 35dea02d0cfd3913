"""Typed undo: "undo", "take that back", "annule la dernière action", "reviens en arrière" -> `general.undo`.

A small explicit rule in the dialog layer, used until the intent model answers `general.undo` itself
(and kept as a guard after: these phrasings must never fall to `general.cancel`, which leaves a
pending question instead of reverting the last write). "annule" / "cancel" alone stay a cancel.
"""

from __future__ import annotations

import re

from language import Recognition
from language.text import fold

__all__ = ["UNDO_INTENT", "as_undo", "is_undo"]

UNDO_INTENT = "general.undo"

_POLITE = r"(?:(?:please|stp|s'il te plait|s'il vous plait|merci)[ ,]*)?"
_EN = (r"undo(?: (?:that|it|this|the last (?:one|action|change|thing)|what you (?:just )?did|my last (?:action|change)))?"
       r"|take (?:that|it|this) back|revert (?:that|it|this|the last (?:action|change))|reverse (?:that|it)")
_FR = (r"annule(?:r|z)? (?:la|ma) derniere (?:action|modification|operation)|annule(?:r|z)? ce que tu (?:viens|as) "
       r"(?:de faire|fait)|reviens? en arriere|revenez en arriere|retour en arriere|defai(?:s|tes|re) (?:ca|cela|ceci)"
       r"|defai(?:s|tes|re)(?: la derniere action)?")
_UNDO = re.compile(rf"^{_POLITE}(?:{_EN}|{_FR})(?:[ ,]*{_POLITE})?[ .!]*$")


def is_undo(text: str) -> bool:
    """True when the whole message asks to revert the last change, in English or French."""
    return bool(_UNDO.match(fold(text).strip()))


def as_undo(recognition: Recognition, text: str) -> Recognition:
    """`recognition`, as `general.undo` when the text is a typed undo."""
    if recognition.intent == UNDO_INTENT or not is_undo(text):
        return recognition
    return Recognition(intent=UNDO_INTENT, score=1.0, locale=recognition.locale, entities=recognition.entities)
