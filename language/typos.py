"""Common typing slips, fixed before a sentence is read: date and calendar words ("tmrw", "calender", "demian") before
entities are read, and chat shorthand too ("pls", "u", "wat", "nvm") before the intent is read (`chat_text`)."""

from __future__ import annotations

import re

__all__ = ["chat_text", "fix_typos"]

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


# Chat shorthand of English office talk, spelt out for the intent reader only (entities keep the words as typed).
_SHORTHAND = {
    "please": ("pls", "plz", "plse", "pleez", "plss"),
    "never mind": ("nvm", "nevermind", "nmind"),
    "what": ("wat", "wht", "wut"),
    "what's": ("wats", "wuts"),
    "you": ("u", "yu"),
    "are": ("r",),
    "your": ("ur",),
    "with": ("w/",),
    "about": ("abt",),
    "through": ("thru",),
    "thanks": ("thnks", "thanx", "tks"),
    "message": ("msg",),
    "messages": ("msgs",),
    "appointment": ("appt",),
    "tomorrow's": ("tmrw's", "tomorrows"),
}
_ENGLISH_FIXES = ("tomorrow", "tonight", "today", "calendar", "meeting", "Wednesday", "Tuesday", "Thursday")
_CHAT = {wrong: right for right, wrongs in _SHORTHAND.items() for wrong in wrongs}
_CHAT.update({wrong: right for right in _ENGLISH_FIXES for wrong in _FIXES[right] if wrong not in _NAMES_TOO})
_CHAT_PATTERN = re.compile(r"(?<![\w@.'’&/-])(" + "|".join(sorted(map(re.escape, _CHAT), key=len, reverse=True))
                           + r")(?![\w@'’&-])", re.IGNORECASE)


def chat_text(text: str) -> str:
    """`text` as the intent reader reads it: English chat shorthand ("pls", "u", "nvm") and the English slips of
    `fix_typos` ("tmrw", "calandar") spelt out; French text as typed ("rdv" is a word the scorer learnt as such);
    other text, its case and spacing unchanged."""
    return _CHAT_PATTERN.sub(lambda m: _CHAT[m.group(1).lower()], text)
