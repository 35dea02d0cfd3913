"""Where the shared corpus's LUIS-era labels mean something else in MIPA's catalog, and what MIPA reads instead.

The corpus maps the Calendar skill's `RejectCalendar` to `calendar.decline`, but its utterances are
answers to the skill's own question ("no", "non merci", "annuler", "not that time"): in MIPA they are
`general.reject` or `general.cancel`; `calendar.decline` is reserved for declining an invitation, a write.
It also maps "decline my meeting on monday" / "refuser ma réunion lundi" (`DeleteCalendarEntry`) to
`calendar.cancel`; declining a meeting is `calendar.decline`. These rows are relabelled for training
and accepted under either reading for evaluation (CORPUS README: note plainly wrong labels, do not bend).

Three more kinds of rows are plainly not requests in MIPA's catalog, and are read as `none`:
- room bookings filed under `CheckAvailability` ("is there a room available on floor 6 now?", "puis-je réserver
  chambre Gandhi ?"): MIPA books no rooms, and the corpus itself maps `FindMeetingRoom` to out of scope;
- slot-filling fragments, answers to a skill's own question, filed under a request intent: a bare item
  ("bananas", "garbage bags") under `ShowToDo`, a bare pronoun or place ("her", "notre", "conference room",
  "Étage") under the calendar's `Find*`/`TimeRemaining` intents;
- `Confirm` rows that thank ("thank you very much") are `general.thanks`, which MIPA now has;
- possessive fragments filed under the calendar's intents ("your", "our own", "their own"): answers to a skill's
  question like the bare pronouns above;
- `TimeRemaining` rows that count the time to a date, a holiday or an hour, with no item of the calendar in them
  ("how many days until christmas", "how much time until noon"): MIPA keeps no calendar of holidays.
And `FindCalendarWhen` rows asking when the person has free time ("when do i have free time today") are
`calendar.availability`, MIPA's intent for free time.
Rows that are LUIS pattern templates, not utterances ("^do i have time (at|on|for) {FromTime} [on] {FromDate}"),
are left out of training and of evaluation alike (`is_template`), in both locales (the French ones, 8 rows, all out of
scope, are machine translations of templates: "(trouver le livre de réserve) {MeetingRoom} [à l'on'for)] ...").
And one reading is accepted beside the label: "my next meeting" / "ma prochaine réunion" filed under
`FindCalendarEntry` or under a `FindCalendar*` detail intent is answered by `calendar.agenda` and by
`calendar.details` (which shows the next meeting by default) alike.
`python -m language.evaluate --label-rules` prints how many rows each rule relabels or leaves out, per locale.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .text import fold

__all__ = ["accepted_labels", "is_template", "label_rule", "mipa_label"]

_CANCEL_WORDS = re.compile(r"annul|cancel|abandon|oubli|peu importe|n'y pense plus|ne fait rien|never ?mind|forget")
_DECLINE_VERB = re.compile(r"^(?:please )?(?:decline|refuse|refuser|decliner)\b")
_ROOM = re.compile(r"\b(?:rooms?|salles?|chambres?|pieces?|floor|etage|building|batiment|reserve|reserver|hoth|"
                   r"alderaan|tatooine)\b")
_FRAGMENT = re.compile(r"^(?:our|her|his|their|my|mine|its|ton|son|sa|mien|notre|leur|leur propre|nos|confroom|"
                       r"meeting room|conference room|salle de reunion|salle de conference|etage|batiment|floor|"
                       r"building)[ .?!]*$")
# French rows are machine translations of the English ones; some fragments and idioms came out as words that say
# nothing in French. Slot-filling fragments: a bare possessive ("mon", "votre propre") or "ni".
_FRAGMENT_FR = re.compile(r"^(?:mon|ma|mes|ton|ta|tes|votre|vos|son|sa|ses|notre|leur|(?:mon|ma|ton|ta|votre|son|sa|notre|"
                          r"leur) propre|ni)[ .?!]*$")
# A short reply (cancel, confirm, reject, sign out) whose translation holds no word of that reply: "esprit nerveux"
# (never mind), "Myosotis" (forget me), "déjà", "se lancer" (go for it). Words of each reply, folded.
_REPLY_WORDS = {
    "general.cancel": re.compile(r"\b(?:annul\w*|arret\w*|stop\w*|oubli\w*|abandon\w*|rien|pas|plus|importe|laisse\w*|"
                                 r"tomber|fini\w*|assez|suffit|quitt\w*|sort\w*|non|ne|n'\w+|grave|pense)\b"),
    "general.confirm": re.compile(r"\b(?:oui|ouais|ok|d'accord|sur|sure|bien|bon|bonne|parfait|exact\w*|absolument|"
                                  r"certain\w*|vas-y|allez-y|allez|go|confirm\w*|correct\w*|super|genial|merci|volontiers|"
                                  r"entendu|evidemment|vrai|juste|fait|fais\w*|doute|marche|ca|c'est|cela|tout)\b"),
    "general.reject": re.compile(r"\b(?:non|pas|ne|n'\w+|jamais|aucun\w*|rien|faux|erreur|mauvais\w*|rejet\w*|refus\w*|"
                                 r"ni|autre|nul\w*|incorrect\w*|negati\w*)\b"),
    "general.signout": re.compile(r"\b(?:deconnect\w*|deconnexion|sortir|sors|sortez|quitter|quitte\w*|fermer|ferme\w*|"
                                  r"session|compte|log\w*|sign\w*)\b"),
}
_TODO_WORDS = re.compile(r"\b(?:tasks?|to ?do|todos|lists?|taches?|listes?|show|display|montre|affiche|what|quel\w*|"
                         r"my|mes|ma|mon)\b")
_THANKS = re.compile(r"^(?:thank you|thanks|merci)(?: (?:very much|so much|beaucoup|bien))?[ .!]*$")
_FRAGMENT_OWN = re.compile(r"^(?:your|(?:our|her|his|their|my|your|its) own)[ .?!]*$")
_TO_A_DATE = re.compile(r"\b(?:until|till|til|to|before) (?:the )?(?:christmas|thanksgiving|easter|halloween|new year\w*|"
                        r"noon|midnight|january|february|march|april|may|june|july|august|september|october|november|"
                        r"december|\d{1,2}(?:st|nd|rd|th))\b")
_CALENDAR_ITEM = re.compile(r"\b(?:meetings?|appointments?|appt|events?|call|ceremony|party|trip|flight|my|next)\b")
_FREE_TIME = re.compile(r"\bfree (?:time|slots?)\b|\bwhen am i free\b")
# LUIS pattern syntax: {Slot}, ^anchors^, [optional] parts, (a|b) alternatives.
_TEMPLATE = re.compile(r"[{}^\[\]]|\([^)]*\|[^)]*\)")
_CALENDAR_FINDS = frozenset({"FindCalendarEntry", "FindCalendarDetail", "FindCalendarWhen", "FindCalendarWhere",
                             "FindCalendarWho"})
_NEXT = re.compile(r"\b(?:next|prochaine?s?)\b")


def is_template(row: Mapping[str, object]) -> bool:
    """True for a row that is a LUIS pattern template rather than something a person typed: never trained on nor
    scored."""
    return bool(_TEMPLATE.search(str(row.get("text", ""))))


def label_rule(row: Mapping[str, object]) -> tuple[str, str | None]:
    """The intent MIPA gives a corpus row, and the name of the rule that relabelled it (None: the corpus's own)."""
    gold = str(row.get("intent") or "none")
    text = fold(str(row.get("text", "")))
    va = row.get("va_intent")
    if va == "RejectCalendar":
        return ("general.cancel" if _CANCEL_WORDS.search(text) else "general.reject"), "reject-calendar"
    if gold == "calendar.cancel" and _DECLINE_VERB.search(text):
        return "calendar.decline", "decline-verb"
    if va == "CheckAvailability" and _ROOM.search(text):
        return "none", "room-booking"
    if gold.startswith("calendar.") and _FRAGMENT.search(text):
        return "none", "fragment"
    if gold.startswith("calendar.") and _FRAGMENT_OWN.search(text):
        return "none", "possessive-fragment"
    if va == "TimeRemaining" and _TO_A_DATE.search(text) and not _CALENDAR_ITEM.search(text):
        return "none", "time-to-a-date"
    if va == "FindCalendarWhen" and _FREE_TIME.search(text):
        return "calendar.availability", "free-time-question"
    # only the corpus's rows (a `va_intent`) are machine translations; MIPA's own sentences are read as labelled
    french = va is not None and str(row.get("locale", "")).lower().startswith("fr")
    if french and _FRAGMENT_FR.search(text):
        return "none", "fr-possessive-fragment"
    if french and gold in _REPLY_WORDS and va != "RejectCalendar" and not _REPLY_WORDS[gold].search(text):
        return "none", "fr-reply-without-its-words"
    if va == "ShowToDo" and len(text.split()) <= 2 and not _TODO_WORDS.search(text):
        return "none", "shopping-item"
    if va == "Confirm" and _THANKS.search(text):
        return "general.thanks", "confirm-thanks"
    return gold, None


def mipa_label(row: Mapping[str, object]) -> str:
    """The intent MIPA gives a corpus row (its `intent`, `none` when null, relabelled as described above)."""
    return label_rule(row)[0]


def accepted_labels(row: Mapping[str, object]) -> frozenset[str]:
    """Intents that count as right for a corpus row: its MIPA label; both replies for a `RejectCalendar` row."""
    if row.get("va_intent") == "RejectCalendar":
        return frozenset({"general.reject", "general.cancel"})
    label = mipa_label(row)
    if row.get("va_intent") in _CALENDAR_FINDS and label in ("calendar.agenda", "calendar.details") and \
            _NEXT.search(fold(str(row.get("text", "")))):
        return frozenset({"calendar.agenda", "calendar.details"})
    return frozenset({label})
