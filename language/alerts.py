"""Requests about MIPA's own alerts (reminders before meetings, "my day" at a time): intent and settings.

"remind me 10 minutes before my meetings", "préviens-moi 15 minutes avant mes réunions" → notify.reminders.on (10, 15);
"send me my day every weekday at 8:00", "envoie-moi ma journée chaque matin à 7h30" → notify.digest.on (08:00,
weekdays; 07:30, every day); "stop reminding me", "arrête le résumé" → .off; "what notifications do I have?" →
notify.settings. Rules on the folded text (language.text.fold), so accents and case do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from .ruletable import RuleTable
from .text import fold

__all__ = ["RULES", "AlertRequest", "alert_intent", "parse_alert"]

_R = re.compile
_OFF = (r"(?:stop|turn off|switch off|disable|cancel|no more|don't|dont|do not|arrete|arreter|desactive|desactiver|coupe|couper|coupez|"
        r"plus de|ne m'envoie plus|ne me previens plus|ne me rappelle plus|supprime|enleve|enlever|retire|retirer|je (?:ne )?veux plus)")
_REMIND = (r"(?:remind|reminders?|alert me|notify me|warn me|ping me|rappelle|rappels?|rappeler|previens|prevenir|prevenue?|avertis|alerte|"
           r"alertes|notifie|notifications)")
_MEETINGS = r"(?:meetings?|calls?|events?|appointments?|calendar|reunions?|rendez-vous|rdv|evenements?|agenda)"
_DIGEST = (r"(?:my day|ma journee|daily (?:digest|summary|brief(?:ing)?)|morning (?:digest|summary|brief(?:ing)?)|digest|"
           r"resume (?:du matin|quotidien|journalier|matinal|de (?:ma|la) journee)|recap)")
# "un résumé chaque matin", "un résumé journalier": a summary said with its schedule
_SCHEDULED_SUMMARY = r"(?:resume|recap|recapitulatif|digest|brief)\b.*\b(?:chaque (?:matin|jour)|tous les (?:matins|jours)|quotidien\w*|journalier\w*|en semaine)"
_SEND = r"(?:send|give|show|deliver|post|envoie|envoyer|envoyez|donne|montre|presente)"
_EVERY = r"(?:every|each|chaque|tous les|toutes les|daily|weekdays?|tous les jours|chaque jour|chaque matin|en semaine|at \d|a \d|\d{1,2}\s*(?:h|:|am|pm))"

_SETTINGS = _R(r"\b(?:what|which|show|list|quelles?|quels?|montre|affiche|mes|my)\b.*\b(?:notifications?|alerts?|alertes|reminders?|rappels?)\b"
               r"|^(?:les |l')?(?:reglages?|etat|statut|configuration|parametres) (?:de |des |du )(?:mes )?(?:notifications?|alertes|rappels)\b"
               r"|\b(?:" + _DIGEST + r"|rappels?|alertes|notifications?)\b.*\b(?:est|sont)(?: bien| toujours)? (?:activee?s?|actif|actifs)\b"
               r"|\b(?:notification|alert|reminder) settings\b|\bparametres (?:de|des) (?:notifications?|alertes|rappels)\b")
_REMINDER_NOUN = r"(?:reminders?|rappels?|alerts?|alertes?|notifications?)"
_REMINDERS_OFF = _R(r"\b" + _OFF + r"\b.*\b" + _REMINDER_NOUN + r"\b|\b" + _REMINDER_NOUN + r"\b.*\b(?:off|desactive(?:e|s|es)?)\b"
                    r"|\b(?:stop|quit)\b.*\b(?:reminding|alerting|notifying|pinging|warning) me\b"
                    r"|\b(?:arrete|arreter|cesse)\b.*\bde me (?:rappeler|prevenir|notifier|alerter)\b|\bne me (?:previens|rappelle|notifie) plus\b")
#: To Do, Planner and out-of-office talk: "delete the task Call the garage", "supprime ma notification d'absence"
#: are no alert requests.
_TASKS = _R(r"\b(?:tasks?|taches?|to-?dos?|planner|todo|absence|absent|out of (?:the )?office|ooo|auto-?reply|automatic repl\w*|"
            r"reponses? automatiques?|message d'absence)\b")
_REMINDERS_ON = _R(r"\b" + _REMIND + r"\b.*\b(?:before|avant)\b.*\b" + _MEETINGS + r"\b|\b" + _REMIND + r"\b.*\b" + _MEETINGS + r"\b.*\b(?:before|avant|minutes?|min)\b"
                   r"|\b(?:meeting|reunion) (?:reminders?|rappels?|alerts?|alertes)\b.*\bon\b|\b(?:turn|switch) on\b.*\b(?:meeting )?(?:reminders?|alerts?)\b"
                   r"|^(?:please )?(?:turn|switch|put) (?:the |my )?(?:meeting )?(?:reminders?|alerts?) (?:back )?on\b"
                   r"|\bactive\b.*\b(?:rappels?|alertes)\b|\b(?:mets|met|mettre|ajoute)\b.*\b(?:rappels|alertes)\b (?:de |des |pour les |avant les )"
                   + _MEETINGS + r"\b")
_DIGEST_OFF = _R(r"\b" + _OFF + r"\b.*\b" + _DIGEST + r"\b|\b" + _DIGEST + r"\b.*\b(?:off|desactive)\b")
_DIGEST_ON = _R(r"\b" + _SEND + r"\b.*\b" + _DIGEST + r"\b.*" + _EVERY + r"|\b" + _DIGEST + r"\b.*\b(?:every|each|chaque|tous les|daily)\b"
                r"|\b(?:turn|switch) on\b.*\b" + _DIGEST + r"\b|\bactive\b.*\b" + _DIGEST + r"\b|\b" + _SCHEDULED_SUMMARY + r"\b"
                r"|\b" + _DIGEST + r"\b.*\b(?:en semaine|a \d{1,2} ?h)")

_MINUTES = _R(r"\b(\d{1,4})\s*(?:minutes?|mins?|mn|m)\b")
_HOURS_BEFORE = _R(r"\b(?:an|one|une|1)\s*(?:hour|heure)\b")
_CLOCK = _R(r"\b(\d{1,2})(?:\s*[:h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\W|$)")
_AT_CLOCK = _R(r"\b(?:at|a|vers|for|pour)\s+(\d{1,2})(?:\s*[:h]\s*(\d{2}))?\s*(am|pm)?\b|\b(\d{1,2})\s*[:h]\s*(\d{2})?\b|\b(\d{1,2})\s*(am|pm)\b")
_WEEKDAYS = _R(r"\bweekdays?\b|\bworking days?\b|\bwork days?\b|\ben semaine\b|\bjours? ouvres?\b|\bdu lundi au vendredi\b|\bmonday to friday\b")
_DAY_NAMES = {
    0: ("monday", "mondays", "lundi", "lundis"), 1: ("tuesday", "tuesdays", "mardi", "mardis"),
    2: ("wednesday", "wednesdays", "mercredi", "mercredis"), 3: ("thursday", "thursdays", "jeudi", "jeudis"),
    4: ("friday", "fridays", "vendredi", "vendredis"), 5: ("saturday", "saturdays", "samedi", "samedis"),
    6: ("sunday", "sundays", "dimanche", "dimanches"),
}
DEFAULT_MINUTES = 10
DEFAULT_TIME = time(8, 0)
WEEKDAYS = (0, 1, 2, 3, 4)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


@dataclass(frozen=True, slots=True)
class AlertRequest:
    """What an alert request asks for; `None` fields were not said (the dialog uses the defaults)."""

    intent: str
    minutes: int | None = None
    at: time | None = None
    days: tuple[int, ...] | None = None


def alert_intent(folded: str) -> str | None:
    """notify.settings / notify.reminders.on|off / notify.digest.on|off, or None."""
    if _TASKS.search(folded):
        return None
    if _DIGEST_OFF.search(folded):
        return "notify.digest.off"
    if _SETTINGS.search(folded) and re.search(r"\b(?:est|sont)(?: bien| toujours)? (?:activee?s?|actif|actifs)\b", folded):
        return "notify.settings"  # "est-ce que le résumé du matin est activé ?"
    if _REMINDERS_OFF.search(folded) and not _DIGEST_ON.search(folded):
        return "notify.reminders.off"
    if _DIGEST_ON.search(folded):
        return "notify.digest.on"
    if _REMINDERS_ON.search(folded):
        return "notify.reminders.on"
    if _SETTINGS.search(folded):
        return "notify.settings"
    return None


def _time(folded: str) -> time | None:
    for match in _AT_CLOCK.finditer(folded):
        groups = match.groups()
        if groups[0] is not None:
            hour, minute, meridiem = groups[0], groups[1], groups[2]
        elif groups[3] is not None:
            hour, minute, meridiem = groups[3], groups[4], None
        else:
            hour, minute, meridiem = groups[5], None, groups[6]
        h, m = int(hour), int(minute or 0)
        if meridiem and meridiem.startswith("p") and h < 12:
            h += 12
        if meridiem and meridiem.startswith("a") and h == 12:
            h = 0
        if 0 <= h <= 23 and 0 <= m <= 59:
            return time(h, m)
    return None


def _days(folded: str) -> tuple[int, ...] | None:
    if _WEEKDAYS.search(folded):
        return WEEKDAYS
    named = tuple(sorted(d for d, names in _DAY_NAMES.items() if any(re.search(rf"\b{n}\b", folded) for n in names)))
    if named:
        return named
    if re.search(r"\b(?:every ?day|each day|daily|every morning|each morning|tous les jours|chaque jour|chaque matin|tous les matins)\b", folded):
        return EVERY_DAY
    return None


def parse_alert(text: str, locale: str | None = None) -> AlertRequest | None:
    """The alert request in `text`, with the minutes, time and days it states, else None."""
    folded = fold(text)
    intent = alert_intent(folded)
    if intent is None:
        return None
    if intent == "notify.reminders.on":
        found = _MINUTES.search(folded)
        minutes = int(found.group(1)) if found else (60 if _HOURS_BEFORE.search(folded) else None)
        return AlertRequest(intent, minutes=minutes)
    if intent == "notify.digest.on":
        return AlertRequest(intent, at=_time(folded), days=_days(folded))
    return AlertRequest(intent)


#: MIPA's own alert settings for `language/intents.py`: read by `alert_intent` only, never guessed by the scorer.
RULES = RuleTable(
    name="alerts",
    intents=frozenset({"notify.reminders.on", "notify.reminders.off", "notify.digest.on", "notify.digest.off",
                       "notify.settings"}),
    read=alert_intent,
)
