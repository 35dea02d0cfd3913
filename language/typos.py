"""Common typing slips and office shorthand: date and calendar slips fixed before entities are read ("tmrw", "calender",
"demian"), and chat shorthand read as the words it stands for before the intent is ("bjr", "reu", "d'acc", "ouiii")."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["fix_typos", "read_shorthand"]

_FIXES = {
    "tomorrow": ("tmrw", "tmr", "tmrow", "tmro", "tmw", "tomoz", "2moro", "2morrow", "2morow", "tomorow", "tommorow",
                 "tommorrow", "tomorrw", "tomrrow", "tomorrrow", "tomorro", "tomoorow", "tomm", "tommrow"),
    "tonight": ("tonite", "2nite", "tonigth", "toniht"),
    "today": ("2day", "tday", "todya", "tody"),
    "calendar": ("calender", "calandar", "calander", "calnder", "calendr", "calednar"),
    "meeting": ("meting", "meetng", "mtg"),
    "Wednesday": ("wenesday", "wedensday", "wednsday", "wensday"),
    "Tuesday": ("tuesay", "teusday", "tusday"),
    "Thursday": ("thrusday", "thursay", "thurday"),
    "demain": ("demian", "deamin", "dmain", "demin", "deman", "dmn", "dem1"),
    "aujourd'hui": ("aujourdhui", "aujourd hui", "auj", "ajd", "aujoudhui", "aujourdui"),
    "mercredi": ("mecredi", "mercerdi"),
    "réunion": ("reunoin", "réunoin", "runion"),
    "rendez-vous": ("rdv",),
}
_NAMES_TOO = frozenset({"demian", "deman", "tody"})
_TYPO = {wrong: right for right, wrongs in _FIXES.items() for wrong in wrongs}
_PATTERN = re.compile(r"(?<![\w@.'’-])(" + "|".join(sorted(map(re.escape, _TYPO), key=len, reverse=True)) + r")(?![\w@'’-])",
                      re.IGNORECASE)


def fix_typos(text: str) -> str:
    """`text` with the known slips replaced by the word meant; other text, its case and spacing unchanged."""
    return _PATTERN.sub(_fix, text)


def _fix(m: re.Match[str]) -> str:
    word = m.group(1)
    if word.lower() in _NAMES_TOO and word != word.lower():
        return word  # "Demian" is a name, "demian" a slip
    return _TYPO[word.lower()]


# Chat shorthand of office workers, in folded text (no accents, lower case), and the words it stands for. Only forms
# that are no word of English or French of their own, so that both locales can read them the same way.
_SHORTHAND = {
    "bjr": "bonjour", "bjour": "bonjour", "bsr": "bonsoir", "slt": "salut", "re-bonjour": "rebonjour",
    "reu": "reunion", "reus": "reunions", "reun": "reunion", "reuns": "reunions",
    "dej": "dejeuner", "dejeune": "dejeuner", "invit": "invitation", "invits": "invitations",
    "notif": "notification", "notifs": "notifications",
    "aprem": "apres-midi", "aprm": "apres-midi", "ap-midi": "apres-midi", "apmidi": "apres-midi",
    "d'acc": "d'accord", "dacc": "d'accord", "d'ac": "d'accord", "okok": "ok", "okey": "ok", "oki": "ok",
    "bcp": "beaucoup", "mci": "merci", "mrc": "merci", "pk": "pourquoi", "pq": "pourquoi", "qd": "quand",
    "qqn": "quelqu'un", "qqch": "quelque chose", "qqc": "quelque chose", "mtn": "maintenant", "tjs": "toujours",
    "tel": "telephone", "tels": "telephones", "num": "numero", "dispo": "disponible", "dispos": "disponibilites",
    "auj": "aujourd'hui", "ajd": "aujourd'hui", "dem1": "demain",
    "jsuis": "je suis", "chui": "je suis", "jsp": "je ne sais pas",
    "nan": "non", "nn": "non", "ui": "oui", "wi": "oui", "ouai": "ouais", "ouep": "ouais",
    "flagge": "flagged", "flagges": "flagged",
    "flaggee": "flagged", "flaggees": "flagged", "flague": "flagged", "flagues": "flagged",
}
_SHORTHAND_WORD = re.compile(r"(?<![\w'-])(" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True)) +
                             r")(?![\w'-])")
# "ouiii", "merciii", "nonnn": a word's last letter typed three times or more ("ooo", "zzz" alone stay)
_REPEATED = re.compile(r"(?<=[a-z])([a-z])\1{2,}\b")
_SEMAINE_PRO = re.compile(r"\b(semaine|mois|annee) pro\b")
# Apostrophes and hyphens left out: "qu est ce que j ai", "rendez vous", "peut etre"; "réponse auto".
_PHRASES = {"qu est-ce": "qu'est-ce", "qu est ce": "qu'est-ce", "qu'est ce": "qu'est-ce", "est ce que": "est-ce que",
            "j ai": "j'ai", "c est": "c'est", "n est": "n'est", "rendez vous": "rendez-vous", "peut etre": "peut-etre",
            "reponse auto": "reponse automatique", "reponses auto": "reponses automatiques", "averti moi": "avertis-moi",
            "ma to do": "ma todo", "mes to do": "mes todos", "une to do": "une todo", "un to do": "un todo"}
_PHRASE = re.compile(r"(?<![\w'-])(" + "|".join(map(re.escape, sorted(_PHRASES, key=len, reverse=True))) + r")(?![\w'-])")
_FLAG_ORDER = re.compile(r"^((?:(?:stp|svp|peux-tu|tu peux)[ ,]+)?)flagge\b")


@lru_cache(maxsize=4096)
def read_shorthand(folded: str) -> str:
    """`folded` (see `language.text.fold`) with chat shorthand written out: "bjr" -> "bonjour", "la reu de 15h" -> "la
    reunion de 15h", "ouiii" -> "oui", "la semaine pro" -> "la semaine prochaine", "flaggé" -> "flagged" (an order
    "flagge le mail" stays an order: "flag le mail")."""
    text = _FLAG_ORDER.sub(r"\1flag", _REPEATED.sub(r"\1", folded))
    text = _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group(1)], text)
    text = _SEMAINE_PRO.sub(r"\1 prochaine", text)
    text = _PHRASE.sub(lambda m: _PHRASES[m.group(1)], text)
    return text
