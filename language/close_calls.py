"""Close calls that a name caused: "what's left on the Salon de Lyon plan?" read again without "Salon de Lyon"."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from .dates import has_date_cue
from .features import features
from .intents import classify, load_model
from .models import Recognition
from .recognizer import extract_entities
from .text import fold

__all__ = ["settle"]

logger = logging.getLogger(__name__)


def settle(recognition: Recognition, text: str, *, now: datetime, tz: str) -> Recognition:
    """A close call between two intents that a name inside the sentence caused ("what's left on the Salon de
    Lyon plan?"): the sentence read again without the plan, list or title it names; the same recognition when
    that does not decide it either."""
    if len(recognition.alternatives) != 2:
        return recognition
    entities = recognition.entities
    names = [n for n in (entities.plan_name, entities.list_name, entities.title) if n and n in text]
    if not names:
        return recognition
    plain = text
    for name in names:
        plain = plain.replace(name, " ")
    plain = " ".join(plain.split())
    folded = fold(plain)
    intent, score, alternatives = classify(load_model()[recognition.locale], folded,
                                           features(plain, date_cue=has_date_cue(folded)), plain,
                                           recognition.locale)
    if alternatives or intent not in recognition.alternatives:
        return recognition
    logger.info("close call settled without the name: %s", intent)
    return replace(recognition, intent=intent, score=score, alternatives=(),
                   entities=extract_entities(text, recognition.locale, intent, now, tz))
