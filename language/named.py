"""The item a request names by its title ("when is the call with the west coast?", "déplace l'atelier 7 à jeudi").

Rules only, read after the intent is known: the phrase after a question or a verb ("who is coming to X",
"move X to 6pm", "parle-moi de X"), without its articles, its date and time words and a trailing kind word
("the Workshop 6 meeting" is "Workshop 6"). A phrase that names nothing ("my next meeting", "it", "my 3pm",
"the meeting with Megan") gives no title, so the dialogs go on finding meetings by time and people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .matching import names_something

__all__ = ["clean_name", "meeting_title", "plan_in_sentence"]

_I = re.IGNORECASE
_MEETING_INTENTS = frozenset({"calendar.details", "calendar.join", "calendar.update", "calendar.cancel",
                              "calendar.accept", "calendar.decline", "calendar.tentative"})

_P = r"(?:please\s+|can you\s+|could you\s+|peux-tu\s+|pouvez-vous\s+|merci de\s+)?"
# The phrase that names the meeting, by the shape of the request; group "t" holds it.
_ASK = [
    re.compile(r"^" + _P + r"(?:when|what time|where)(?:'s|\s+is|\s+are|\s+does|\s+do|\s+will)\s+(?P<t>.+?)"
               r"(?:\s+(?:start|starts|begin|begins|end|ends|take place|happen|be))?$", _I),
    re.compile(r"^who(?:'s|\s+is|\s+are|\s+will be)?\s+(?:coming|going|attending|invited|joining|in|at|on|"
               r"participating)\s+(?:(?:to|at|in|on|for)\s+)?(?P<t>.+)$", _I),
    re.compile(r"^" + _P + r"(?:tell me|give me|show me|show|what are|what's|what is|send me)?\s*(?:more\s+)?"
               r"(?:the\s+)?(?:details|detail|info|information|infos|more)\s+(?:about|on|of|for|regarding)\s+(?P<t>.+)$",
               _I),
    re.compile(r"^" + _P + r"(?:tell me|talk to me|what about|remind me)\s+(?:more\s+)?about\s+(?P<t>.+)$", _I),
    re.compile(r"^(?:quand|a quelle heure|à quelle heure|où|ou)\s+(?:est|a lieu|commence|se passe|se tient|"
               r"se termine|finit|sera|aura lieu|c'est)\s+(?P<t>.+)$", _I),
    re.compile(r"^(?:c'est quand|c'est à quelle heure|c'est où)\s+(?P<t>.+)$", _I),
    re.compile(r"^(?P<t>.+?)\s*,?\s+(?:c'est quand|c'est à quelle heure|c'est où|is when)$", _I),
    re.compile(r"^qui\s+(?:vient|viendra|participe|participera|assiste|assistera|est invitée?s?|sera|est|va)\s+"
               r"(?:(?:à|a|au|aux|en|dans)\s+|(?=l'))?(?P<t>.+)$", _I),
    re.compile(r"^" + _P + r"(?:parle-moi|parlez-moi|dis-moi|dites-moi|raconte-moi)\s+(?:tout\s+)?(?:de|du|des|d'|sur|"
               r"à propos de|à propos du)\s*(?P<t>.+)$", _I),
    re.compile(r"^" + _P + r"(?:les\s+)?(?:détails|details|infos|informations|montre-moi|affiche|donne-moi les détails)"
               r"\s+(?:de|du|des|d'|sur|pour)\s*(?P<t>.+)$", _I),
]
_ACT = {
    # "move budget to 6pm", "déplace l'atelier 7 à jeudi 10h": the phrase before the new time.
    "calendar.update": re.compile(
        r"^" + _P + r"(?:move|reschedule|push(?: back)?|pull(?: forward)?|shift|postpone|bring forward|change|"
        r"déplace|deplace|déplacer|décale|decale|décaler|reporte|reporter|avance|avancer|repousse|repousser|bouge)"
        r"\s+(?P<t>.+?)\s+(?:to|until|till|at|on|by|for|into|à|a|au|pour|vers|en|jusqu'à|de \d)\s+.+$", _I),
    "calendar.cancel": re.compile(r"^" + _P + r"(?:cancel|call off|delete|remove|drop|annule|annuler|supprime|"
                                  r"supprimer)\s+(?P<t>.+)$", _I),
    "calendar.accept": re.compile(r"^" + _P + r"(?:accept|say yes to|accepte|accepter)\s+(?P<t>.+)$", _I),
    "calendar.tentative": re.compile(r"^" + _P + r"(?:tentatively accept|maybe to|accepte provisoirement|"
                                     r"accepte sous réserve)\s+(?P<t>.+)$", _I),
    "calendar.decline": re.compile(r"^" + _P + r"(?:decline|refuse|reject|say no to|décline|decline|refuse|"
                                   r"refuser|décliner)\s+(?P<t>.+)$", _I),
    "calendar.join": re.compile(r"^" + _P + r"(?:join|open|link (?:to|for)|rejoindre|rejoins|lien (?:de|du|pour))"
                                r"\s+(?P<t>.+)$", _I),
}
# "the Workshop 6 meeting", "the budget call": a name before a kind word anywhere in the sentence.
_BEFORE_KIND = re.compile(r"\b(?:the|my|our)\s+(?P<t>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:meeting|invite|invitation|"
                          r"event|appointment|session)\b", _I)

_TAIL = re.compile(
    r"(?:\s+|,\s*)(?:because|since|as i|saying|parce que|parce qu'|car|puisque|en disant)\b.*$"
    r"|(?:\s+|,\s*)(?:(?:on|at|for|this|next|today|tomorrow|tonight|le|la|à|a|ce|cet|cette|demain|aujourd'hui|"
    r"de|du|prévue?|scheduled|planned)\s+)*(?:today|tomorrow|tonight|yesterday|this (?:week|morning|afternoon|evening)|"
    r"next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|demain|aujourd'hui|hier|ce (?:matin|soir)|cet après-midi|cette semaine|"
    r"la semaine prochaine|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d{1,2}(?::\d{2})?\s*(?:am|pm|h\d*)"
    r"|\d{1,2}h\d{0,2}|noon|midi)\b.*$", _I)
_LEAD = re.compile(r"^(?:(?:the|my|our|this|that|le|la|les|mon|ma|mes|notre|ce|cet|cette|du|au|aux|des|de)\s+|"
                   r"(?:l|d)['’]\s*)+", _I)
_KIND_END = re.compile(r"\s+(?:meeting|meetings|invite|invitation|event|appointment|session|task|to-?do|item|plan|"
                       r"list|réunion|reunion|tâche|tache|liste)$", _I)
_KIND_START = re.compile(r"^(?:(?:la|le|l')\s*)?(?:planner\s+)?(?:(?:réunion|reunion|tâche|tache|liste|plan|meeting|task|list)"
                         r"(?:\s+planner)?\s+|planner\s+)(?=\S)", _I)


def clean_name(phrase: str) -> str:
    """`phrase` without its articles, trailing date or reason, trailing kind word and punctuation."""
    out = phrase.strip().strip(" ?!.,;:\"“”«»")
    for _ in range(2):
        out = _TAIL.sub("", out).strip(" ,")
        out = _LEAD.sub("", out).strip()
        out = _KIND_END.sub("", out).strip()
        out = _KIND_START.sub("", out).strip()
    return out.strip(" ?!.,;:\"“”«»")


def meeting_title(text: str, intent: str, people: Sequence[str] = ()) -> str | None:
    """The title a meeting request names ("Workshop 6" in "tell me about the Workshop 6 meeting"), or None."""
    if intent not in _MEETING_INTENTS:
        return None
    s = " ".join(text.replace("’", "'").split()).strip(" ?!.")
    found: list[str] = []
    act = _ACT.get(intent)
    if act is not None:
        m = act.match(s)
        if m:
            found.append(m.group("t"))
    if intent == "calendar.update" and not found:
        return None  # "move X" with no new time: the rest is the time said ("move my 3pm")
    for pattern in _ASK:
        m = pattern.match(s)
        if m:
            found.append(m.group("t"))
    m = _BEFORE_KIND.search(s)
    if m:
        found.append(m.group("t"))
    for phrase in found:
        title = clean_name(phrase)
        # "the meeting with Megan" names no meeting; "the call with Seattle" may (the dialog falls back to people)
        if names_something(title, besides=people) or (people and names_something(title, besides=people, kinds=True)):
            return title
    return None


_ON_PLAN = re.compile(r"\b(?:on|in|of|for|from|to)\s+(?:the|my|our)\s+(?P<t>(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+plan\b", _I)


def plan_in_sentence(text: str) -> str | None:
    """A plan named before the word "plan" ("what's left on the Salon de Lyon plan?"), or None."""
    m = _ON_PLAN.search(text)
    if not m:
        return None
    name = clean_name(m.group("t"))
    return name if names_something(name) else None
