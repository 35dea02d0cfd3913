"""People named in an utterance: lists joined by "and", commas, "et" or addresses, names with particles,
apostrophes, parentheses and non-Latin scripts ("李四(David Li)", "Shannon O'Brien", "Maria de la Cruz")."""

from __future__ import annotations

import re

from .text import fold

__all__ = ["find_people", "strip_article"]

_EMAIL = r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"
# a capitalised word (O'Brien, Jean-Luc, D'Arcy) or a run of non-Latin letters (李四, 田中, Ольга)
_CAP = r"[A-Z\u00C0-\u00D6\u00D8-\u00DE][\w'’-]*"
_SCRIPT = (r"[\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u0900-\u097F\u0E00-\u0E7F\u1100-\u11FF\u3040-\u30FF\u3400-\u4DBF"
           r"\u4E00-\u9FFF\uAC00-\uD7AF]+")
_PAREN = r"(?:\s?\([^()]{1,60}\))"
_WORD = r"(?:" + _SCRIPT + r"|" + _CAP + r"|d['’]" + _CAP + r")" + _PAREN + r"?"
_PARTICLE = r"(?:de la|de|del|della|van der|van|von|der|du|da|dos|di|bin|ben|al|le|la)\s+"
_NAME = r"(?:" + _SCRIPT + r"|" + _CAP + r")" + _PAREN + r"?(?:\s+(?:" + _PARTICLE + r")?" + _WORD + r"){0,3}"
_ITEM = r"(?:" + _EMAIL + r"|" + _NAME + r")"
_LIST = _ITEM + r"(?:\s*,\s*(?:(?:and|et|&)\s+)?" + _ITEM + r"|\s+(?:and|et|&)\s+" + _ITEM + r")*"
_TRIGGER = (
    r"(?i:\b(?:with|invite|inviting|include|for|to|assign(?:ed)? to|from|by|of|is|contact|call|find|look up|lookup|"
    r"search for|named|called|cc|avec|invite[rz]?|pour|assignée? à|assigne[rz]? à|attribuée? à|de la part de|"
    r"envoyés? par|reçus? de|de|par|trouve|cherche|recherche|nommée?|appelée?|qui est|est)\s+|\bd['’](?=\S))"
)
_PEOPLE = re.compile(_TRIGGER + r"(" + _LIST + r")")
_SPLIT = re.compile(r"\s*,\s*(?:(?:and|et|&)\s+)?|\s+(?:and|et|&)\s+")
_POSSESSIVE = re.compile(r"\b(" + _CAP + r"(?:\s+" + _CAP + r")?)['’]s\b")
_LOWER = re.compile(r"\b(?:with|avec)\s+([a-z\u00E0-\u00FF][\w\u00E0-\u00FF'-]+)\b")
_STOP = frozenset(
    "me my him her them us you it the a an all everyone team this that tomorrow today tonight yesterday next noon "
    "moi lui elle eux nous vous le la les un une tous demain aujourd'hui hier midi ce cette mon ma mes son sa ses "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche "
    "january february march april may june july august september october november december janvier fevrier mars "
    "avril mai juin juillet aout septembre octobre novembre decembre regards at on in for about with and et to of "
    "from by is are planner sharepoint onedrive teams outlook i mipa email e-mail mail phone number address "
    "numero adresse courriel telephone high low priority importance urgent important haute basse priorite "
    "q1 q2 q3 q4 end fin please merci my our your notre votre leur room salle".split()
)
_ADDRESSLESS = frozenset({"contacts.add"})
# "a meeting called Retro", "une tâche nommée Budget": after these words an item's title follows, not a person,
# when the request is about a meeting, a task or a list ("a contact named Zed Quill" still names a person).
_TITLE_WORDS = re.compile(r"(?i)\b(?:named|called|nommée?s?|appelée?s?)\s+$")
_TITLED_FAMILIES = ("calendar.", "todo.", "planner.", "lists.", "flagged.")


def _clean(item: str) -> str:
    """An item cut at its first calendar or filler word ("Megan On Friday" -> "Megan")."""
    words = item.split()
    kept: list[str] = []
    for word in words:
        bare = fold(re.sub(r"\(.*$", "", word)).strip("'’")
        if bare in _STOP and not (kept and bare in ("de", "la", "le", "du", "da", "van", "von", "der", "del")):
            break
        kept.append(word)
    while kept and kept[-1] in ("de", "la", "le", "du", "da", "van", "von", "der", "del", "dos", "di"):
        kept.pop()
    return " ".join(kept)


def find_people(text: str, intent: str = "") -> tuple[str, ...]:
    """Names and addresses of people in `text`, as written, in order, each once."""
    found: list[str] = []
    titled = intent.startswith(_TITLED_FAMILIES)
    for m in _PEOPLE.finditer(text):
        if titled and _TITLE_WORDS.search(text[: m.start(1)]):
            continue
        for item in _SPLIT.split(m.group(1)):
            item = item.strip()
            if "@" in item:
                if intent not in _ADDRESSLESS:
                    found.append(item)
                continue
            name = _clean(item)
            if not name:
                break  # "with Megan and Friday": the list ends at the first word that is no name
            found.append(name)
    for m in _POSSESSIVE.finditer(text):
        name = _clean(m.group(1))
        if name and not any(name in f for f in found):
            found.append(name)
    if intent not in _ADDRESSLESS:
        for m in _LOWER.finditer(text):
            name = m.group(1)
            if fold(name) not in _STOP and not any(fold(name) in fold(f) for f in found) and not name[0].isdigit() \
                    and not re.match(r"[ldjmtsnc]['’]", name):
                found.append(name)
    return tuple(dict.fromkeys(found))


_ARTICLE = re.compile(r"^(?:(?:the|an|a|les|le|la|une|un|des|du|de la)\s+|(?:de l|l|d)['’]\s*)(?=\S)", re.IGNORECASE)


def strip_article(text: str) -> str:
    """"the invoice" -> "invoice", "l'audit" -> "audit"; the text itself when only an article is left."""
    return _ARTICLE.sub("", text.strip()).strip() or text.strip()
