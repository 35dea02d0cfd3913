"""Common typing slips and office shorthand: date and calendar slips fixed before entities are read ("tmrw", "calender",
"demian"), and chat shorthand read as the words it stands for before the intent is ("bjr", "reu", "d'acc", "ouiii";
English: "pls", "u", "nvm", "whats" in `chat_text`, and slips of request keywords in `correct_words`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from .text import fold

__all__ = ["chat_text", "correct_words", "correct_words_fr", "fix_typos", "read_shorthand", "strip_politeness"]

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
_EN_SHORTHAND = {
    "please": ("pls", "plz", "plse", "pleez", "plss"),
    "never mind": ("nvm", "nevermind", "nmind"),
    "what": ("wat", "wht", "wut"),
    "you": ("u", "yu"),
    "are": ("r",),
    "your": ("ur",),
    "with": ("w/",),
    "about": ("abt",),
    "from": ("frm",),
    "through": ("thru",),
    "thanks": ("thnks", "thanx", "tks"),
    "message": ("msg",),
    "messages": ("msgs",),
    "appointment": ("appt",),
    "appointments": ("appts",),
    "meetings": ("mtgs", "meetngs"),
    "cancel": ("cxl", "cncl"),
    "reschedule": ("resched", "reschd"),
    "have": ("hv",),
    "week": ("wk",),
    "people": ("ppl",),
    "anything": ("anythin", "anyting"),
    "something": ("somethin",),
    "see you": ("c u", "c ya"),
    "nah": ("naa", "naah", "nahh"),
    "Friday": ("fri",),
    "Tuesday": ("tues", "tue"),
    "Thursday": ("thur", "thu"),
    "Wednesday": ("weds", "wed"),
    "tomorrow's": ("tmrw's", "tomorrows", "tmrws"),
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
_CHAT = {wrong: right for right, wrongs in _EN_SHORTHAND.items() for wrong in wrongs}
_CHAT.update({wrong: right for right in _ENGLISH_FIXES for wrong in _FIXES[right] if wrong not in _NAMES_TOO})
_CHAT_PATTERN = re.compile(r"(?<![\w@.'’&/-])(" + "|".join(sorted(map(re.escape, _CHAT), key=len, reverse=True))
                           + r")(?![\w@'’&-])", re.IGNORECASE)


def chat_text(text: str) -> str:
    """`text` as the intent reader reads it: English chat shorthand ("pls", "u", "nvm") and the English slips of
    `fix_typos` ("tmrw", "calandar") spelt out; French text as typed ("rdv" is a word the scorer learnt as such);
    other text, its case and spacing unchanged."""
    return _CHAT_PATTERN.sub(lambda m: _CHAT[m.group(1).lower()], text)


# English politeness around a request, left out before the intent is read: "could you possibly list my meetings", "I was
# wondering if you could cancel my 3pm", "would it be possible to move the sync" are read as the request they wrap;
# "I was wondering whether I have a free slot" as "do I have a free slot"; "could you tell me who's invited" as "who's
# invited". The text is read as typed when nothing is left but politeness ("can you?").
_ASKING = (r"(?:(?:could|can|would|will) (?:you|u)(?! mind\b)|i was wondering (?:if|whether) (?:you|u) (?:could|can|would|might)|"
           r"i wonder (?:if|whether) (?:you|u) (?:could|can|would)|i(?: would|'d) like (?:you|u) to|i need (?:you|u) to|"
           r"would it be possible (?:for (?:you|u) )?to|is it possible (?:for (?:you|u) )?to|(?:would|will) (?:you|u) be able to|"
           r"(?:could|can|would) (?:you|u) be so kind as to|(?:is there )?any chance (?:you|u) (?:could|can|would)|"
           r"(?:would|do) (?:you|u) mind(?= \w+ing\b))"
           r"(?: (?:possibly|please|kindly|just|maybe|quickly|also|perhaps))*(?: be able to)?")
_POLITE_HEAD = re.compile(r"^(?:(?:please|kindly|so|ok|okay|hi|hey|hello|um+|hmm+)(?: mipa)?[ ,]+)*" + _ASKING + r"[ ,]+(?=\w)",
                          re.IGNORECASE)
_WONDER_HEAD = re.compile(r"^(?:i was wondering|i wonder|i'd like to know|i would like to know|(?:could|can) (?:you|u) tell me|"
                          r"tell me|do you know|i want to know)[ ,]+(?:(if|whether) )?"
                          r"(?=(?:what|what's|when|who|who's|where|which|how|why|if|whether|i|i'm|i've|there|anyone|someone|"
                          r"[a-z]+ (?:is|has|sent|replied|wrote))\b)", re.IGNORECASE)
_WONDER_CLAUSE = {"i have": "do i have", "i've got": "have i got", "i got": "did i get", "i am": "am i", "i'm": "am i",
                  "there is": "is there", "there are": "are there", "i need": "do i need", "i can": "can i"}
_CLAUSE = re.compile(r"^(" + "|".join(map(re.escape, sorted(_WONDER_CLAUSE, key=len, reverse=True))) + r")\b", re.IGNORECASE)
_POLITE_TAIL = re.compile(r"(?:[ ,]+(?:for me|if (?:you|u) (?:can|could|don't mind|do not mind)|if possible|"
                          r"when (?:you|u) (?:can|have a (?:sec|second|minute|moment))|thanks in advance))+"
                          r"(?=[ ?!.]*$)", re.IGNORECASE)


def strip_politeness(text: str) -> str:
    """`text` (English, after `chat_text`) without the politeness around its request; as typed when that leaves nothing
    (see `_POLITE_HEAD`)."""
    stripped = _POLITE_HEAD.sub("", text.strip(), count=1)
    wondered = _WONDER_HEAD.match(stripped)
    if wondered is not None:
        rest = stripped[wondered.end():]
        if wondered.group(1):  # "if I have a free slot" -> "do I have a free slot"
            rest = _CLAUSE.sub(lambda m: _WONDER_CLAUSE[m.group(1).lower()], rest, count=1)
        stripped = rest
    stripped = _POLITE_TAIL.sub("", stripped)
    return stripped if len(stripped.split()) >= 2 or (stripped and stripped != text.strip() and len(stripped) >= 4) else text


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


def _long_slip(word: str, keywords: Iterable[str]) -> str | None:
    """The first keyword of six letters or more that `word` (six or more) is one slip from: a letter added, left out,
    changed or two swapped ("meetnig", "availble", "reunoin"); a keyword with one letter added at its end is no slip of
    it ("events", "invited", "taches")."""
    for keyword in keywords:
        if len(keyword) >= 6 and abs(len(keyword) - len(word)) <= 1 and OSA.distance(word, keyword, score_cutoff=1) <= 1 \
                and not (word.startswith(keyword) and len(word) == len(keyword) + 1):
            return keyword
    return None


@lru_cache(maxsize=4096)
def _keyword_for(word: str) -> str | None:
    if len(word) >= 6:  # "meetnig", "availble", "calandr"
        return _long_slip(word, _KEYWORDS)
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
    # SMS spellings of a manager typing on a phone: "g koi cet aprem", "jai", "pr", "ds", "nvx", "cimer", "annul"
    "jai": "j'ai", "koi": "quoi", "pr": "pour", "ds": "dans", "nvx": "nouveaux", "nvlle": "nouvelle", "nvl": "nouvel",
    "cimer": "merci", "annul": "annule", "dmain": "demain",
}
_SHORTHAND_WORD = re.compile(r"(?<![\w'-])(" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True)) +
                             r")(?![\w'-])")
# "ouiii", "merciii", "nonnn": a word's last letter typed three times or more ("ooo", "zzz" alone stay)
_REPEATED = re.compile(r"(?<=[a-z])([a-z])\1{2,}\b")
_SEMAINE_PRO = re.compile(r"\b(semaine|mois|annee) pro\b")
# "g quoi demain", "c koi la salle", "c ou la reu": "g" and "c" typed for "j'ai" and "c'est" before a question word
_G_C = re.compile(r"(?<![\w'-])([gc]) (?=(?:quoi|qui|ou|quand|combien|des|un|une|rdv|bon|ok|fait|pas|moi)\b)")
# Apostrophes and hyphens left out: "qu est ce que j ai", "rendez vous", "peut etre"; "réponse auto".
_PHRASES = {"qu est-ce": "qu'est-ce", "qu est ce": "qu'est-ce", "qu'est ce": "qu'est-ce", "est ce que": "est-ce que",
            "j ai": "j'ai", "c est": "c'est", "n est": "n'est", "rendez vous": "rendez-vous", "peut etre": "peut-etre",
            "reponse auto": "reponse automatique", "reponses auto": "reponses automatiques", "averti moi": "avertis-moi",
            "ma to do": "ma todo", "mes to do": "mes todos", "une to do": "une todo", "un to do": "un todo"}
_PHRASE = re.compile(r"(?<![\w'-])(" + "|".join(map(re.escape, sorted(_PHRASES, key=len, reverse=True))) + r")(?![\w'-])")
_FLAG_ORDER = re.compile(r"^((?:(?:stp|svp|peux-tu|tu peux)[ ,]+)?)(?:flagge|flagger|flaguer)\b")


@lru_cache(maxsize=4096)
def read_shorthand(folded: str) -> str:
    """`folded` (see `language.text.fold`) with chat shorthand written out: "bjr" -> "bonjour", "la reu de 15h" -> "la
    reunion de 15h", "ouiii" -> "oui", "la semaine pro" -> "la semaine prochaine", "flaggé" -> "flagged" (an order
    "flagge le mail" stays an order: "flag le mail")."""
    text = _FLAG_ORDER.sub(r"\1flag", _REPEATED.sub(r"\1", folded))
    text = _SHORTHAND_WORD.sub(lambda m: _SHORTHAND[m.group(1)], text)
    text = _SEMAINE_PRO.sub(r"\1 prochaine", text)
    text = _G_C.sub(lambda m: "j'ai " if m.group(1) == "g" else "c'est ", text)
    text = _PHRASE.sub(lambda m: _PHRASES[m.group(1)], text)
    return text


# The words that say what a French request is about, folded: a lower-case word the French scorer never saw that is one
# slip away from one of them ("agnda", "reunoin", "apeler", "calendirer") is read as that word (`correct_words_fr`).
_KEYWORDS_FR = (
    "reunion reunions rendez-vous agenda calendrier planning annule annuler supprime supprimer deplace deplacer decale "
    "decaler reporte reporter repousse ajoute ajouter rajoute rappelle rappeler rappel rappels tache taches liste courses "
    "demain aujourd'hui lundi mardi mercredi jeudi vendredi samedi dimanche matin apres-midi semaine prochaine prochain "
    "disponible libre creneau invitation accepte refuse participants contacts contact numero telephone fichiers fichier "
    "documents partages messages courriels indicateur drapeau termine terminee montre affiche cherche trouve envoie "
    "appeler rejoindre rejoins planner notifications absence horaires fuseau resume journee merci bonjour salut"
).split()
_LOWER_WORD_FR = re.compile(r"(?<![\w@.'’/-])([a-zàâäçéèêëîïôöùûüÿœ]{4,})(?![\w@'’/-])")


_KEYWORD_SET_FR = frozenset(_KEYWORDS_FR) | {"appelle", "appel", "appels", "tacher", "listes", "courrier", "annulee", "monte", "montee"}


@lru_cache(maxsize=4096)
def _keyword_fr(word: str) -> str | None:
    if word in _KEYWORD_SET_FR:  # "appelle" is no slip of "rappelle"
        return None
    if len(word) >= 6:  # "reunoin", "calendrer" ("agnda", five letters, below)
        return _long_slip(word, _KEYWORDS_FR)
    if 4 <= len(word) <= 5:  # shorter words: a letter left out of a longer keyword ("agnda") or two swapped ("mial")
        for keyword in _KEYWORDS_FR:
            if (len(keyword) == len(word) + 1 and len(keyword) >= 5 or sorted(word) == sorted(keyword)) \
                    and OSA.distance(word, keyword, score_cutoff=1) <= 1:
                return keyword
    return None


def correct_words_fr(text: str, known: Collection[str]) -> str:
    """`text` with each lower-case word whose folded form the French scorer never saw (`known`) and that is one slip away
    from a French keyword spelt as that keyword ("agnda pr demain", "apeler le plombier"); names (a capital) are kept."""
    def fix(m: re.Match[str]) -> str:
        word = m.group(1)
        folded = fold(word)
        if folded in known or (folded.endswith("s") and folded[:-1] in known) or folded + "s" in known:
            return word
        keyword = _keyword_fr(folded)
        if keyword is None or keyword.rstrip("s") == folded.rstrip("s"):  # "notification" is no slip of "notifications"
            return word
        return keyword
    return _LOWER_WORD_FR.sub(fix, text)
