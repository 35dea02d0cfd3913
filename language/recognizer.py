"""`recognize`: one utterance in, its intent and entities out (English and French, offline, cached)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from .dates import extract_dates, has_date_cue
from .features import features
from .intents import classify, load_model
from .models import Entities, Recognition
from .text import detect_locale, fold, normalize_locale

__all__ = ["recognize"]

logger = logging.getLogger(__name__)


def _zone(tz: str | tzinfo | None) -> tzinfo:
    if tz is None:
        return ZoneInfo("UTC")
    if isinstance(tz, str):
        return ZoneInfo(tz)
    return tz


def _lang(text: str, locale: str | None) -> str:
    if isinstance(locale, str) and locale.strip().lower()[:2] in ("en", "fr"):
        return normalize_locale(locale)
    return detect_locale(text)


def recognize(
    text: str,
    locale: str | None = None,
    now: datetime | None = None,
    tz: str | ZoneInfo | tzinfo | None = None,
) -> Recognition:
    """The intent (from the catalog, `none` outside MIPA) and entities of `text`.

    locale: "en", "en-US", "fr", "fr-FR", ...; None (or another language) means detect from the text.
    now: the reference time (aware, or naive meaning in `tz`); default: the current time.
    tz: the user's IANA zone name or tzinfo; dates are resolved and returned in it (default UTC).
    """
    zone = _zone(tz)
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    lang = _lang(text or "", locale)
    minute = now.astimezone(UTC).replace(second=0, microsecond=0)
    return _recognize_cached(text or "", lang, minute, zone)


@lru_cache(maxsize=2048)
def _recognize_cached(text: str, lang: str, now: datetime, zone: tzinfo) -> Recognition:
    folded = fold(text)
    if not folded:
        return Recognition(intent="none", score=1.0, locale=lang)
    cue = has_date_cue(folded)
    intent, score = classify(load_model()[lang], folded, features(text, date_cue=cue), text)
    from .entities import extract_text_entities

    fields = extract_text_entities(text, lang, intent)
    entities = Entities(**fields)  # type: ignore[arg-type]
    if cue:
        date_text = text
        for name in (entities.plan_name, entities.bucket_name, entities.list_name):
            if name:  # "the Q4 plan" names a plan, not a quarter
                date_text = date_text.replace(name, " ")
        info = extract_dates(date_text, lang, now, zone)
        entities = replace(
            entities, start=info.start, end=info.end, all_day=info.all_day, duration=info.duration,
            time_given=info.time_given, ambiguities=info.ambiguities,
        )
    logger.debug("recognised intent=%s score=%.2f locale=%s", intent, score, lang)
    return Recognition(intent=intent, score=score, locale=lang, entities=entities)
