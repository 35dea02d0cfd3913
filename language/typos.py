"""Common typing slips in date and calendar words, fixed before entities are read ("tmrw", "calender", "demian")."""

from __future__ import annotations

import re

__all__ = ["fix_typos"]

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
