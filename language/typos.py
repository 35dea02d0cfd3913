"""Common typing slips, fixed before a sentence is read: date and calendar words ("tmrw", "calender", "demian") before
entities are read, and chat shorthand too ("pls", "u", "wat", "nvm") before the intent is read (`chat_text`)."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from rapidfuzz.distance import OSA

__all__ = ["chat_text", "correct_words", "fix_typos"]

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
    # apostrophes left out
    "what's": ("wats", "wuts", "whats"),
    "don't": ("dont",),
    "i'm": ("im",),
    "can't": ("cant",),
    "didn't": ("didnt",),
    "doesn't": ("doesnt",),
    "isn't": ("isnt",),
    "aren't": ("arent",),
    "that's": ("thats",),
    "there's": ("theres",),
    "where's": ("wheres",),
    "when's": ("whens",),
    "who's": ("whos",),
    "how's": ("hows",),
    "i've": ("ive",),
    "you're": ("youre",),
    "it's": ("its",),
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


# The words that say what a request is about (English): a word the scorer never saw that is one slip away from one of
# them ("meetnig", "calnedar", "reminde", "availble", "mial") is read as that word. Names are left alone (a capital),
# and so is every word the scorer knows ("contract" is no "contact", "except" no "accept").
_KEYWORDS = (
    "meeting meetings calendar schedule appointment appointments agenda reschedule cancel delete remove remind reminder "
    "reminders tomorrow today tonight monday tuesday wednesday thursday friday saturday sunday morning afternoon evening "
    "available availability invite invitation accept decline tentative attendees participants location email emails "
    "inbox message messages unread search flagged tasks todos lists groceries grocery shopping complete completed "
    "finished planner bucket plans contact contacts number phone files document documents shared recent summary "
    "digest notifications settings office working hours please thanks postpone create update change minutes "
    "where which events event attending organizer conference"
).split()
_SHORT_KEYWORDS = "flag task list file undo help join call mail next week hour free busy move book what when show find mark done send plan".split()


@lru_cache(maxsize=4096)
def _keyword_for(word: str) -> str | None:
    if len(word) >= 6:  # one letter added, left out, changed or two swapped: "meetnig", "availble", "calandr"
        for keyword in _KEYWORDS:
            if len(keyword) >= 6 and abs(len(keyword) - len(word)) <= 1 and OSA.distance(word, keyword, score_cutoff=1) <= 1 \
                    and not (word.startswith(keyword) and len(word) == len(keyword) + 1):  # "invited", "events"
                return keyword
    if 4 <= len(word) <= 5:  # shorter words: only two letters swapped ("mial", "falg", "tsaks"): "yours" is no "hours"
        for keyword in (*_SHORT_KEYWORDS, *_KEYWORDS):
            if sorted(word) == sorted(keyword) and OSA.distance(word, keyword, score_cutoff=1) <= 1:  # "mial", "falg"
                return keyword
    return None


_LOWER_WORD = re.compile(r"(?<![\w@.'’/-])([a-z]{4,})(?![\w@'’/-])")


def correct_words(text: str, known: Collection[str]) -> str:
    """`text` with each lower-case word that is not in `known` and is one slip away from a keyword spelt as that keyword
    (English requests; `known`: the words the scorer was trained on)."""
    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        if word in known or (len(word) > 4 and word.endswith("s") and word[:-1] in known):
            return word
        return _keyword_for(word) or word
    return _LOWER_WORD.sub(fix, text)
