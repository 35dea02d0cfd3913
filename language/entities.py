"""Entities other than dates: people, titles, list / plan / bucket names, importance, ordinals, counts."""

from __future__ import annotations

import re

from .dates import parse_number_word
from .text import fold

__all__ = ["extract_text_entities"]

_I = re.IGNORECASE
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "deuxieme": 2, "2e": 2, "2eme": 2, "seconde": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "cinquieme": 5, "5e": 5, "sixieme": 6,
    "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "dernier": -1, "derniere": -1,
}
_ORDINAL = re.compile(
    r"\b(?:the|le|la|l')\s*(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\b"
    r"|\b(?:number|numero|no\.?|n°|#)\s*(\d{1,2})\b|^(\d{1,2})$"
)
_COUNT = re.compile(
    r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
    r"\s+(?:(?:next|last|first|upcoming|latest|recent|prochaine?s?|dernier(?:e)?s?|premier(?:e)?s?|"
    r"unread|non lus?|flagged)\s+)?(?:meetings?|events?|appointments?|tasks?|to-?dos?|e-?mails?|mails?|"
    r"messages?|reunions?|rendez-vous|taches?|courriels?|items?|elements?|files?|fichiers?|documents?)\b"
)
_PERCENT = re.compile(r"\b(\d{1,3})\s*(?:%|percent|per cent|pour ?cent)")
_IMPORTANCE = (
    ("high", re.compile(r"\b(?:high|urgent|important|top|critical|haute|elevee|prioritaire|urgente|importante)"
                        r"\b(?! ?(?:emails?|mails?|messages?))")),
    ("low", re.compile(r"\b(?:low|faible|basse)(?: importance| priority| priorite)?\b")),
    ("normal", re.compile(r"\b(?:normal|normale) (?:importance|priority|priorite)\b")),
)
_NAME_STOP = frozenset(
    "me my him her them us you it the a an all everyone team this that tomorrow today tonight next noon "
    "moi lui elle eux nous vous le la les un une tous demain aujourd'hui midi ce cette mon ma mes "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi "
    "samedi dimanche my regards".split()
)
_PERSON = re.compile(
    r"\b(?:with|avec|to|from|assign(?:ed)? to|assigne[rz]? (?:à|a)|de la part de|invite|for|pour|de|by|par|of|is|"
    r"contact|call|appelle|find|trouve|cherche|recherche|look up|search for|à)\s+"
    r"([A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+(?:\s+[A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+)?)"
)
_NOT_A_NAME = re.compile(r"(?:planner|sharepoint|onedrive|teams|outlook|q\d|paris|friday|monday|i|mipa)\b")
_PERSON_LOWER = re.compile(r"\b(?:with|avec)\s+([a-z\u00E0-\u00FF][\w\u00E0-\u00FF'-]+(?:\s+[a-z][\w'-]+)?)")
_POSSESSIVE = re.compile(r"\b([A-Z\u00C0-\u00DD][\w\u00E0-\u00FF-]+)'s\b|\bde ([A-Z\u00C0-\u00DD][\w\u00E0-\u00FF-]+)\b")
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«\s*([^»]+?)\s*»|'([^']{3,})'")
_LEAD = re.compile(
    r"^(?:(?:please|can you|could you|would you|peux-tu|pouvez-vous|pourrais-tu|merci de|s'il te pla[iî]t)\s+)*"
    r"(?:add|put|create|new task|new to-?do|make a task|remind me to|remember to|add a task to|add task|"
    r"ajoute|ajouter|ajoutez|rajoute|mets|mettre|cr[ée]e|cr[ée]er|nouvelle t[âa]che|rappelle-moi de|"
    r"n'oublie pas de)"
    r"(?:\s+(?:a |an |the |une |la )?(?:task|to-?do|item|t[âa]che|[ée]l[ée]ment))?(?:\s*(?::|to|de|d'|called|named|"
    r"intitul[ée]e?))?\s+", _I)
_LIST_EN = re.compile(r"\s+(?:to|on|in|onto|into)\s+(?:my|the|our)\s+(.+?)(?:\s+(?:to-?do\s+)?list)?"
                      r"(?=\s+(?:for|by|due|on|at|before|tomorrow|today|tonight|next|this)\b|[.!?]?$)", _I)
_LIST_FR = re.compile(r"\s+(?:à|a|dans|sur)\s+(?:ma|mes|la|le|les|notre|nos)\s+(?:liste\s+(?:de\s+|d'|des\s+|du\s+)?)?"
                      r"(.+?)(?=\s+(?:pour|avant|d'ici|demain|aujourd'hui|ce soir|lundi|mardi|mercredi|jeudi|"
                      r"vendredi|samedi|dimanche|la semaine|le \d|à \d)\b|[.!?]?$)", _I)
_DATE_TAIL = re.compile(
    r"\s+(?:(?:for|by|due|on|at|before|until|pour|avant|d'ici|le|à|a|jusqu'à)\s+)?(?:the\s+)?"
    r"(?:tomorrow|today|tonight|next\b|this (?:week|afternoon|evening|morning)|end of|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|demain|aujourd'hui|ce soir|cette semaine|"
    r"la semaine|fin de|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d).*$", _I)
_IMPORTANCE_TAIL = re.compile(r"\s+(?:with |as |avec (?:une )?|en )?(?:high|low|haute|basse|faible)"
                              r"\s+(?:importance|priority|priorit[ée])\s*$|\s+(?:as )?urgent$", _I)
_PLAN = re.compile(r"\b(?:the|on|in|to|from|of)\s+([\w-]+(?:\s+[\w-]+)?)\s+plan\b|\bplan\s+([A-Z0-9][\w-]*)"
                   r"|\b(?:plan|projet)\s+(?:«\s*)?([\w-]+)", _I)
_BUCKET = re.compile(r"\b(?:bucket|compartiment)\s+(?:«\s*)?([\w-]+)|\b(?:the|in|to)\s+([\w-]+)\s+bucket\b", _I)
_COMMENT = re.compile(r"\b(?:because|since|as i|parce que|parce qu'|car|puisque|saying|en disant)\s+(.+)$", _I)
_QUERY = re.compile(r"\b(?:about|regarding|concerning|containing|mentioning|with subject|sur|concernant|"
                    r"à propos de|au sujet de|parlant de|contenant)\s+(.+?)[.?!]?$", _I)
_SENDER = re.compile(r"\b(?:from|de la part de|envoy[ée]s? par|de)\s+([A-Z\u00C0-\u00DD][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_LOCATION = re.compile(r"\b(?:in|at|dans|en|à)\s+((?:room|salle|building|bâtiment|conference room)\s+[\w-]+)", _I)

_ADD_INTENTS = frozenset({"todo.add", "planner.add", "lists.add", "mail.to_task"})


def _people(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for m in _PERSON.finditer(text):
        name = re.sub(r"'s$", "", m.group(1))
        if fold(name.split()[0]) not in _NAME_STOP and not _NOT_A_NAME.match(fold(name)):
            found.append(name)
    for m in _PERSON_LOWER.finditer(text):
        name = m.group(1).split()[0]
        if fold(name) not in _NAME_STOP and not any(name in f for f in found) and not re.match(r"\d", name):
            found.append(name)
    for m in _POSSESSIVE.finditer(text):
        name = m.group(1) or m.group(2)
        if fold(name) not in _NAME_STOP and not any(name in f for f in found):
            found.append(name)
    return tuple(dict.fromkeys(found))


def _add_title(text: str, lang: str) -> tuple[str | None, str | None]:
    """(title, list name) of an "add X to my Y list for Friday" request."""
    s = text.strip().rstrip(".!?")
    m = _LEAD.match(s)
    if m:
        s = s[m.end():]
    list_name = None
    lm = (_LIST_FR if lang == "fr" else _LIST_EN).search(s)
    if lm:
        list_name = lm.group(1).strip()
        s = s[: lm.start()] + s[lm.end():]
    s = _IMPORTANCE_TAIL.sub("", s)
    s = _DATE_TAIL.sub("", s).strip(" ,")
    return (s or None), list_name


def extract_text_entities(text: str, lang: str, intent: str) -> dict[str, object]:
    """Entity fields (names as in `Entities`) found in `text` for the recognised `intent`."""
    folded = fold(text)
    out: dict[str, object] = {}
    people = _people(text)
    if people:
        out["people"] = people
    q = _QUOTED.search(text)
    if q:
        out["title"] = next(g for g in q.groups() if g)
    if intent in _ADD_INTENTS and "title" not in out:
        title, list_name = _add_title(text, lang)
        if title:
            out["title"] = title
        if list_name and intent == "todo.add":
            out["list_name"] = list_name
    elif intent in _ADD_INTENTS:
        _, list_name = _add_title(text, lang)
        if list_name and intent == "todo.add":
            out["list_name"] = list_name
    if intent.startswith("planner"):
        pm = _PLAN.search(text)
        if pm:
            name = next(g for g in pm.groups() if g)
            if fold(name) not in {"my", "the", "mon", "le", "this", "ce", "our"}:
                out["plan_name"] = re.sub(r"^(?:my|the|our|this)\s+", "", name, flags=_I)
        bm = _BUCKET.search(text)
        if bm:
            out["bucket_name"] = next(g for g in bm.groups() if g)
    if intent.startswith("lists."):
        lm = re.search(r"\b(?:the|la|liste)\s+([\w-]+(?:\s+(?!sharepoint)[\w-]+)?)\s+(?:sharepoint\s+)?(?:list|tracker)\b"
                       r"|\bliste\s+(?:sharepoint\s+)?([\w-]+)", text, _I)
        if lm:
            out["list_name"] = next(g for g in lm.groups() if g)
    elif intent.startswith("todo.") and "list_name" not in out:
        lm = re.search(r"\b(?:my|the)\s+([\w-]+)\s+list\b|\bliste\s+(?:de\s+|d'|des\s+)?([\w-]+)", text, _I)
        if lm:
            out["list_name"] = next(g for g in lm.groups() if g)
    for level, pattern in _IMPORTANCE:
        if pattern.search(folded):
            out["importance"] = level
            break
    om = _ORDINAL.search(folded)
    if om:
        if om.group(1):
            out["ordinal"] = _ORDINALS[om.group(1)]
        else:
            out["ordinal"] = int(om.group(2) or om.group(3))
    cm = _COUNT.search(folded)
    if cm:
        out["count"] = parse_number_word(cm.group(1))
    pc = _PERCENT.search(folded)
    if pc:
        out["percent"] = int(pc.group(1))
    co = _COMMENT.search(text)
    if co and intent in {"calendar.decline", "calendar.tentative", "calendar.cancel", "calendar.accept"}:
        out["comment"] = co.group(1).strip()
    if intent.startswith("mail.search") or intent == "contacts.find":
        qm = _QUERY.search(text)
        if qm:
            out["query"] = qm.group(1).strip()
        else:
            sm = _SENDER.search(text)
            if sm:
                out["query"] = sm.group(1)
    lo = _LOCATION.search(text)
    if lo:
        out["location"] = lo.group(1)
    return out
