"""French elision where a name or word is inserted: "Messages de {sender}" with Adele -> "Messages d'Adele"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

__all__ = ["elide", "elide_template", "starts_with_vowel_sound"]

# Words that elide before a vowel sound, and their elided form.
_ELIDING = {"de": "d'", "le": "l'", "la": "l'", "que": "qu'", "je": "j'", "ne": "n'", "se": "s'", "me": "m'", "te": "t'"}
# `de {name}`, `le {name}`, `que {name}` in a template (capitalised too).
_BEFORE_PLACEHOLDER = re.compile(r"(?<![\w'])([DdLlQq](?:e|ue)) \{(\w+)\}")
# Common words whose h is aspirated (no elision): "le héros", "de Hollande", "le haut".
_ASPIRATED_H = ("hache", "haie", "hall", "hamac", "hameau", "hamster", "hanche", "handicap", "hangar", "hard",
                "haricot", "hasard", "haut", "héros", "hibou", "hockey", "hollande", "homard", "honte", "hors",
                "hublot", "huit", "hurl")
_VOWELS = "aeiouy"


def _base(text: str) -> str:
    """Lower-case without accents: "Élodie" -> "elodie"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def starts_with_vowel_sound(word: str) -> bool:
    """True for "Adele", "Élodie", "Hélène", "Yves", "ordre"; False for "Megan", "Yann", "héros", "8 mars"."""
    stripped = word.lstrip(" \"«“(")
    if not stripped or not stripped[0].isalpha():
        return False
    base = _base(stripped)
    if base.startswith(("one", "oui")):  # OneDrive, OneNote and "le oui" start with a consonant sound
        return False
    if base.startswith("y"):
        return len(base) > 1 and base[1] not in _VOWELS  # Yves elides, Yann and Yolande do not
    if base.startswith("h"):
        return len(base) > 1 and base[1] in _VOWELS and not base.startswith(tuple(_base(w) for w in _ASPIRATED_H))
    return base[0] in _VOWELS


def elide(word: str, following: str) -> str:
    """`word` joined to `following`, elided when French asks for it: ("de", "Adele") -> "d'Adele"."""
    elided = _ELIDING.get(word.lower())
    if elided is None or not starts_with_vowel_sound(following):
        return f"{word} {following}"
    return f"{word[0]}{elided[1:]}{following}"


def elide_template(template: str, params: Mapping[str, object]) -> str:
    """The French template with `de {x}`, `le {x}`, `que {x}` elided for the values about to be inserted."""

    def one(match: re.Match[str]) -> str:
        value = params.get(match[2])
        if isinstance(value, str) and starts_with_vowel_sound(value):
            return f"{match[1][:-1]}'{{{match[2]}}}"
        return match[0]

    return _BEFORE_PLACEHOLDER.sub(one, template)
