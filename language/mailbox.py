"""Mailbox settings in a request: out-of-office dates, message and audience; working hours; a time zone by city."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import available_timezones

from .dates import extract_dates
from .recurrence import WEEKDAYS, fold_same_length
from .ruletable import RuleTable
from .text import fold

__all__ = [
    "AUTOREPLY_WORDS", "MAILBOX_WORDS", "RULES", "AutoReplyRequest", "HoursRequest", "SETTINGS_WORDS", "find_time_zone", "mailbox_intent",
    "parse_autoreply", "parse_hours",
]

_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    r"jul|aug|sept?|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\.?"
)
# "du 21 au 25 décembre" -> "du 21 décembre au 25 décembre"; "from december 21 to 25" -> "... to december 25"
_FR_DAY_RANGE = re.compile(r"\b(du|entre le)\s+(\d{1,2})(?:er)?\s+(au|et le)\s+(\d{1,2})(?:er)?\s+(" + _MONTHS + r")", re.I)
_EN_DAY_RANGE = re.compile(r"\b(from\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|to|through|till|until)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?("
                           + _MONTHS + r")", re.I)
_UNTIL = re.compile(r"\b(?:until|till|jusqu'(?:a|au|à)|jusqu’(?:a|au|à))\s+", re.I)
_EN_MONTH_FIRST = re.compile(r"\b(" + _MONTHS + r")\s+(\d{1,2})(?:st|nd|rd|th)?\s*(-|to|through|till|until)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[:h]|am|pm))",
                             re.I)
_QUOTED = re.compile(r"[\"“«]\s*([^\"”»]{1,500}?)\s*[\"”»]")
_SAYING = re.compile(r"\b(?:saying|that says|with the message|with message|message:|avec le message|disant|qui dit|message :)\s*(.+)$",
                     re.I | re.S)


@dataclass(frozen=True, slots=True)
class AutoReplyRequest:
    """What an out-of-office request says; None where it says nothing.

    start/end: aware, in the user's zone; `end` is exclusive (the day after the last day away, at midnight).
    audience: Graph's externalAudience: "none", "contactsOnly" or "all".
    """

    start: datetime | None = None
    end: datetime | None = None
    message: str | None = None
    audience: str | None = None


def _sub_folded(pattern: re.Pattern[str], text: str, make: object) -> str:
    """Replace matches found on the accent-free text, with the original words (indices are the same)."""
    folded = fold_same_length(text)
    out, last = [], 0
    for m in pattern.finditer(folded):
        groups = [text[m.start(i):m.end(i)] if m.start(i) >= 0 else None for i in range(pattern.groups + 1)]
        out.append(text[last:m.start()] + make(groups))  # type: ignore[operator]
        last = m.end()
    return "".join(out) + text[last:]


def _unify_ranges(text: str) -> str:
    """Give both ends of a day range their month, the way the date reader reads ranges."""
    text = _sub_folded(_FR_DAY_RANGE, text, lambda g: f"{g[1]} {g[2]} {g[5]} {g[3]} {g[4]} {g[5]}")
    text = _sub_folded(_EN_DAY_RANGE, text, lambda g: f"{g[1] or ''}{g[4]} {g[2]} to {g[4]} {g[3]}")
    return _sub_folded(_EN_MONTH_FIRST, text, lambda g: f"{g[1]} {g[2]} to {g[1]} {g[4]}")


def _message(text: str) -> str | None:
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip() or None
    saying = _SAYING.search(text)
    if saying:
        said = saying.group(1).strip().strip("'\"").strip()
        return said or None
    return None


_NO_EXTERNAL = re.compile(r"\b(?:internal(?:ly)? only|only (?:internal(?:ly)?|inside|within|to (?:my )?(?:colleagues|coworkers|co-workers))|"
                          r"not (?:to )?(?:external|outside)|no external|(?:don't|do not) (?:reply|answer|send) (?:to )?(?:external|outside)|"
                          r"en interne seulement|seulement en interne|uniquement en interne|(?:que|qu') ?en interne|"
                          r"pas (?:aux|pour les|de reponse aux) (?:externes|personnes externes|exterieurs)|aucune reponse externe)\b")
_CONTACTS = re.compile(r"\b(?:(?:only )?(?:my )?contacts only|only (?:to )?(?:my )?contacts|external contacts|"
                       r"(?:seulement|uniquement) (?:a |pour )?mes contacts|mes contacts (?:seulement|uniquement)|contacts externes)\b")
_EVERYONE = re.compile(r"\b(?:everyone|everybody|all external|external senders|anyone|all senders|"
                       r"tout le monde|tous les (?:externes|expediteurs)|(?:a|aux) tous)\b")


def _audience(folded: str) -> str | None:
    if _NO_EXTERNAL.search(folded):
        return "none"
    if _CONTACTS.search(folded):
        return "contactsOnly"
    if _EVERYONE.search(folded):
        return "all"
    return None


def parse_autoreply(text: str, lang: str, now: datetime, zone: tzinfo) -> AutoReplyRequest:
    """The dates, message and audience of "set my out of office from december 21 to 25 saying I'm on holiday"."""
    message = _message(text)
    dated = text
    if message:
        dated = dated.replace(message, " ")
    dated = _unify_ranges(dated)
    start, end = _span(dated, lang, now, zone)
    return AutoReplyRequest(start=start, end=end, message=message, audience=_audience(fold(text)))


def _span(text: str, lang: str, now: datetime, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """(start, exclusive end) of the time away: a range, one day, "until Friday" (from now), or nothing."""
    local_now = now.astimezone(zone)
    folded = fold(text)
    until = _UNTIL.search(text)
    if until and not re.search(r"\b(?:from|du|des|depuis|entre|between|starting|a partir)\b", folded):
        last = extract_dates(text[until.end():], lang, now, zone)
        if last.start is not None:
            return local_now, _midnight(last.start.astimezone(zone).date() + timedelta(days=1), zone)
    info = extract_dates(text, lang, now, zone)
    if info.start is None:
        return None, None
    start, end = info.start.astimezone(zone), info.end
    if end is None or end <= start:
        end = _midnight(start.date() + timedelta(days=1), zone) if info.all_day or not info.time_given else None
    elif info.all_day and end - start > timedelta(days=1, hours=1):
        # "from the 21st to the 25th": away through the 25th (the range ends at the last day's midnight)
        end = _midnight(end.astimezone(zone).date() + timedelta(days=1), zone)
    if start.time() == time(0) and start.date() == local_now.date():
        start = local_now  # "today" starts now, not at last midnight
    return start, end


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone)


# ---- working hours ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HoursRequest:
    """Working hours said in a request: days (Graph's names), start and end times; None where not said."""

    days: tuple[str, ...] | None = None
    start: time | None = None
    end: time | None = None


_DAY_NAMES = {
    "monday": 0, "mon": 0, "lundi": 0, "tuesday": 1, "tue": 1, "mardi": 1, "wednesday": 2, "wed": 2, "mercredi": 2,
    "thursday": 3, "thu": 3, "jeudi": 3, "friday": 4, "fri": 4, "vendredi": 4, "saturday": 5, "sat": 5, "samedi": 5,
    "sunday": 6, "sun": 6, "dimanche": 6,
}
_DAY_RE = r"(?:" + "|".join(sorted(_DAY_NAMES, key=len, reverse=True)) + r")s?"
_DAY_SPAN = re.compile(r"\b(" + _DAY_RE + r")\s*(?:to|through|thru|until|-|a|au|jusqu'au)\s*(" + _DAY_RE + r")\b")
_DAY_ONE = re.compile(r"\b(" + _DAY_RE + r")\b")
_CLOCK = r"(\d{1,2})(?:[:h.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h)?"
_TIME_SPAN = re.compile(r"(?:\bfrom\s+|\bde\s+|\bentre\s+)?\b" + _CLOCK + r"\s*(?:to|until|till|-|–|a|à|et)\s*" + _CLOCK + r"(?!\s*(?:days?|jours?))")


def _clock(hour: str, minute: str | None, suffix: str | None) -> time | None:
    h, m = int(hour), int(minute or 0)
    suffix = (suffix or "").replace(".", "")
    if suffix == "pm" and h < 12:
        h += 12
    if suffix == "am" and h == 12:
        h = 0
    if not (0 <= h <= 24 and 0 <= m < 60):
        return None
    return time(23, 59) if h == 24 else time(h, m)


def parse_hours(text: str) -> HoursRequest:
    """ "my working hours are 8 to 4, Monday to Thursday" -> Monday..Thursday, 08:00..16:00."""
    folded = fold_same_length(fold(text))
    days: tuple[str, ...] | None = None
    span = _DAY_SPAN.search(folded)
    if span:
        first, last = _DAY_NAMES[span[1].rstrip("s") if span[1] not in _DAY_NAMES else span[1]], \
            _DAY_NAMES[span[2].rstrip("s") if span[2] not in _DAY_NAMES else span[2]]
        picked = [(first + i) % 7 for i in range((last - first) % 7 + 1)]
        days = tuple(WEEKDAYS[i] for i in sorted(picked))
    elif re.search(r"\bweekdays\b|\ben semaine\b|\bjours ouvres\b", folded):
        days = WEEKDAYS[:5]
    else:
        found = sorted({_DAY_NAMES[w if w in _DAY_NAMES else w.rstrip("s")] for w in _DAY_ONE.findall(folded)})
        days = tuple(WEEKDAYS[i] for i in found) or None
    start = end = None
    times = _TIME_SPAN.search(folded)
    if times:
        start = _clock(times[1], times[2], times[3])
        end = _clock(times[4], times[5], times[6])
        if start is not None and end is not None and end <= start and not times[6] and end.hour < 12:
            end = end.replace(hour=end.hour + 12)  # "8 to 4": four in the afternoon
    return HoursRequest(days=days, start=start, end=end)


# ---- time zones -------------------------------------------------------------------------------
#: Cities and names people say that are not the last part of an IANA name.
_ZONE_ALIASES = {
    "montreal": "America/Toronto", "quebec": "America/Toronto", "ottawa": "America/Toronto",
    "new york": "America/New_York", "boston": "America/New_York", "washington": "America/New_York",
    "miami": "America/New_York", "atlanta": "America/New_York", "eastern": "America/New_York",
    "new jersey": "America/New_York", "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "pst": "America/Los_Angeles", "central": "America/Chicago",
    "mountain": "America/Denver", "calgary": "America/Edmonton", "londres": "Europe/London", "bruxelles": "Europe/Brussels",
    "geneve": "Europe/Zurich", "geneva": "Europe/Zurich", "bern": "Europe/Zurich", "berne": "Europe/Zurich",
    "lyon": "Europe/Paris", "marseille": "Europe/Paris", "toulouse": "Europe/Paris", "nice": "Europe/Paris",
    "bordeaux": "Europe/Paris", "lille": "Europe/Paris", "nantes": "Europe/Paris", "france": "Europe/Paris",
    "munich": "Europe/Berlin", "frankfurt": "Europe/Berlin", "francfort": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "allemagne": "Europe/Berlin", "germany": "Europe/Berlin", "milan": "Europe/Rome", "rome": "Europe/Rome",
    "varsovie": "Europe/Warsaw", "vienne": "Europe/Vienna", "lisbonne": "Europe/Lisbon", "copenhague": "Europe/Copenhagen",
    "athenes": "Europe/Athens", "moscou": "Europe/Moscow", "pekin": "Asia/Shanghai", "beijing": "Asia/Shanghai",
    "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata", "india": "Asia/Kolkata", "inde": "Asia/Kolkata", "japan": "Asia/Tokyo",
    "japon": "Asia/Tokyo", "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne", "utc": "UTC", "gmt": "UTC",
    "greenwich": "Europe/London", "uk": "Europe/London", "royaume-uni": "Europe/London", "dubai": "Asia/Dubai",
    "singapour": "Asia/Singapore", "le cap": "Africa/Johannesburg", "cape town": "Africa/Johannesburg",
    "la reunion": "Indian/Reunion", "reunion": "Indian/Reunion", "guadeloupe": "America/Guadeloupe",
    "martinique": "America/Martinique", "tahiti": "Pacific/Tahiti", "noumea": "Pacific/Noumea",
    "vancouver": "America/Vancouver", "toronto": "America/Toronto", "paris": "Europe/Paris",
}


@lru_cache(maxsize=1)
def _iana_cities() -> dict[str, str]:
    """The last part of every IANA name, as said ("los angeles" -> America/Los_Angeles)."""
    out: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" not in name or name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        city = fold(name.rsplit("/", 1)[1].replace("_", " "))
        out.setdefault(city, name)
    return out


@lru_cache(maxsize=1)
def _zone_names() -> tuple[frozenset[str], dict[str, str], re.Pattern[str]]:
    """The IANA names, every way of saying a zone (city or alias), and one pattern finding any of them."""
    names = {**_iana_cities(), **_ZONE_ALIASES}
    said = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return frozenset(available_timezones()), names, re.compile(r"(?<![\w-])(?:" + said + r")(?![\w-])")


def find_time_zone(text: str) -> str | None:
    """The IANA zone a request names: a written IANA name, a known city or region, or None."""
    zones, names, pattern = _zone_names()
    written = re.search(r"\b([A-Z][A-Za-z_]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\b", text)
    if written and written.group(1) in zones:
        return written.group(1)
    found = [m.group(0) for m in pattern.finditer(fold(text))]
    return names[max(found, key=len)] if found else None


# ---- intents ----------------------------------------------------------------------------------
_OOF = (r"(?:out[ -]of[ -](?:the[ -])?office|\booo\b|\boof\b|auto(?:matic)?[ -]?(?:repl(?:y|ies)|responder|answer)s?|away message|"
        r"vacation (?:message|reply|responder|auto-?reply)|holiday (?:message|reply|auto-?reply)|"
        r"messages? (?:d'|de )absence|absence du bureau|reponses? automatiques?|repondeur(?: automatique)?|gestionnaire d'absence|"
        r"message de (?:vacances|conges)|notification d'absence|message automatique|absente? du bureau|"
        r"(?:mets|mettre|met)(?:-moi| moi) (?:en )?absente?\b|^(?:je suis |je serai )?absente? (?:jusqu|a partir|du \d|du (?:lundi|"
        r"mardi|mercredi|jeudi|vendredi)|toute la)|^(?:mets|mettre|met|active[rz]?|programme[rz]?) (?:mon|une|l') ?absence\b)")
_OFF = re.compile(r"\b(?:turn(?:ing)?|switch|shut|put)\s+(?:it\s+|my\s+|the\s+)?(?:\w+[ -]){0,5}?off\b|\b(?:disable|deactivate|stop|end|remove|cancel|"
                  r"kill|clear|delete)\b|\bi'?m back\b|\bi am back\b|\bno more\b|\bdesactive[rz]?\b|\barrete[rz]?\b|\bcoupe[rz]?\b|"
                  r"\benleve[rz]?\b|\bsupprime[rz]?\b|\bretire[rz]?\b|\bannule[rz]?\b|\beteins\b|\beteindre\b|\bje suis de retour\b|"
                  r"\bplus de\b|\bfin (?:de|du)\b|^(?:my )?(?:ooo|oof|out of office|auto-?reply|away message) off[ !.]*$")
_SET = re.compile(r"\b(?:set|turn on|switch on|put on|enable|activate|start|schedule|create|add|make|change|update|move|"
                  r"extend|shift|modify|write|i'?ll be|i will be|i'?m away|i am away|going on|mets|mettre|met|active[rz]?|"
                  r"programme[rz]?|planifie[rz]?|configure[rz]?|cree[rz]?|creer|change[rz]?|modifie[rz]?|decale[rz]?|"
                  r"prolonge[rz]?|allume[rz]?|lance[rz]?|je serai|je pars|ajoute[rz]?)\b")
_QUESTION = re.compile(r"^(?:what|what's|whats|which|when|show|display|check|tell me|do i|is|are|am i|did i|have i|"
                       r"quel|quelle|quels|quelles|montre|affiche|est-ce|ai-je|mon .* est-il|c'est quoi|voir|dis-moi)\b|\?\s*$")
_HOURS = (r"(?:working hours|work hours|business hours|office hours|work(?:ing)? days|work schedule|working schedule|"
          r"my work ?day|my workday|my hours|"
          r"heures de (?:travail|bureau)|horaires? de (?:travail|bureau)|plages? de travail|jours de travail|jours travailles|"
          r"heures ouvrees|mes horaires)")
_ZONE = r"(?:time ?zone|fuseau(?:x)? horaires?|fuseau)"
_SETTINGS = (r"(?:mailbox settings|mail settings|outlook settings|(?:parametres|reglages|configuration) (?:(?:de|d')\s*(?:ma )?)?"
             r"(?:boite|messagerie|outlook))")
_NOT_SETTINGS = re.compile(r"\b(?:free|available|availability|busy|meeting|meetings|slot|book|schedule a|find a time|"
                           r"libre|disponible|disponibilite|reunion|creneau|rendez-vous|what time is it|quelle heure)\b")
#: Evidence a guessed mailbox write needs (language/intents.py `_WRITE_EVIDENCE`).
AUTOREPLY_WORDS = re.compile(_OOF)
SETTINGS_WORDS = re.compile(_HOURS + "|" + _ZONE)
#: What any mailbox intent guessed by the scorer needs (language/intents.py `_has_evidence`).
MAILBOX_WORDS = re.compile(_OOF + "|" + _HOURS + "|" + _ZONE + "|" + _SETTINGS)
_MINE = re.compile(r"\b(?:my|mine|i|i'm|im|me|mon|ma|mes|je|j'|moi|suis-je)\b|\bj'")
_I_WORK = re.compile(r"\b(?:i work|je travaille|i start at|je commence a)\b")
_STATES = re.compile(r"\b(?:are|is|sont|est|work|travaille|set|mets|change)\b")


# "pourriez-vous activer ma réponse automatique ?": a request asked politely, not a question about the settings
_ASKING = re.compile(r"^(?:please|can you|could you|would you|peux-tu|pouvez-vous|pourriez-vous|pourrais-tu|tu peux|vous pouvez)[ ,]+")


def mailbox_intent(folded: str) -> str | None:
    """mailbox.autoreply.set / .off, mailbox.settings, mailbox.settings.update for a folded utterance, or None."""
    question = bool(_QUESTION.search(folded)) and not _ASKING.search(folded)
    if re.search(_OOF, folded):
        if question:
            return "mailbox.settings"  # "is my OOO still active?", "when does my out of office end?"
        starts_set = _SET.match(_ASKING.sub("", folded))
        dated = re.search(r"\d|\b(?:tomorrow|today|next|until|demain|aujourd'hui|prochaine?|jusqu|pendant|durant)\b", folded)
        if _OFF.search(folded) and not starts_set and not (dated and _SET.search(folded)):
            return "mailbox.autoreply.off"
        if _SET.search(folded) or dated:
            return "mailbox.autoreply.set"
        return "mailbox.settings"
    about_hours = re.search(_HOURS, folded) or (_I_WORK.search(folded) and (
        re.search(r"\d", folded) or parse_hours(folded).days is not None))
    about_zone = re.search(_ZONE, folded)
    if not (about_hours or about_zone or re.search(_SETTINGS, folded)) or _NOT_SETTINGS.search(folded):
        return None
    has_value = False
    if about_hours:
        said = parse_hours(folded)
        has_value = bool(re.search(r"\d", folded)) or (said.days is not None and bool(_STATES.search(folded)))
    if about_zone and find_time_zone(folded.replace("time zone", " ").replace("timezone", " ")) is not None:
        if question and not _MINE.search(folded):
            return None  # "what time zone is Tokyo in" asks about a place, not about the person's settings
        has_value = True
    if has_value or (_SET.search(folded) and not question):
        return "mailbox.settings.update"
    return "mailbox.settings"


#: The mailbox intents for `language/intents.py`: read by `mailbox_intent` only, never guessed by the scorer.
RULES = RuleTable(
    name="mailbox",
    intents=frozenset({"mailbox.autoreply.set", "mailbox.autoreply.off", "mailbox.settings", "mailbox.settings.update"}),
    read=mailbox_intent,
    evidence={"mailbox.autoreply.set": AUTOREPLY_WORDS, "mailbox.autoreply.off": AUTOREPLY_WORDS,
              "mailbox.settings": MAILBOX_WORDS, "mailbox.settings.update": SETTINGS_WORDS},
)
