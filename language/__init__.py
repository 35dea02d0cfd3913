"""MIPA's language layer: intent and entity recognition in English and French, message catalogs, formatting."""

from __future__ import annotations

from .errors import LanguageError, MessageError, MessageParameterError, MissingMessageError, ModelError
from .formatting import (
    format_date,
    format_datetime,
    format_duration,
    format_relative,
    format_time,
    format_time_range,
)
from .messages import t, tn
from .models import INTENTS, WRITE_INTENTS, Entities, Recognition
from .recognizer import recognize
from .text import detect_locale, normalize_locale

__all__ = [
    "INTENTS", "WRITE_INTENTS", "Entities", "LanguageError", "MessageError", "MessageParameterError",
    "MissingMessageError", "ModelError", "Recognition", "detect_locale", "format_date", "format_datetime",
    "format_duration", "format_relative", "format_time", "format_time_range", "normalize_locale",
    "recognize", "t", "tn",
]
