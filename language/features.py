"""Features of an utterance for the intent scorer: folded words, word pairs and hand-made concept tags."""

from __future__ import annotations

import re

from .text import fold, tokens
from .typos import read_shorthand

__all__ = ["CONCEPTS", "features"]

# Concept tags let the scorer generalise to words it was not shown: a new synonym of "move" only
# needs a line here. Keys are folded words (no accents, lower case).
CONCEPTS: dict[str, tuple[str, ...]] = {
    "MEETING": ("meeting", "meetings", "appointment", "appointments", "event", "events", "call", "calls",
                "reunion", "reunions", "rendez-vous", "rdv", "evenement", "evenements", "rencontre",
                "entretien", "conference", "lunch", "dejeuner", "dinner", "diner", "session", "sync"),
    "CALENDAR": ("calendar", "calendrier", "agenda", "schedule", "planning", "horaire"),
    "MOVE": ("move", "reschedule", "postpone", "push", "shift", "change", "update", "modify", "edit",
             "delay", "bring", "changed", "moved", "rescheduled", "postponed", "shifted", "extended", "deplace", "deplacer", "decale", "decaler", "reporte", "reporter", "change",
             "changer", "modifie", "modifier", "avance", "avancer", "repousse", "repousser", "mettre",
             "remplace", "remplacer", "retarde", "retarder", "prolonge", "prolonger", "extend"),
    "CANCEL": ("cancel", "delete", "remove", "drop", "clear", "erase", "omit", "discard", "scratch", "cancelled", "canceled", "annule", "annuler", "annulez",
               "supprime", "supprimer", "supprimez", "efface", "effacer", "enleve", "enlever", "retire",
               "retirer"),
    "CREATE": ("create", "schedule", "book", "set", "setup", "arrange", "organize", "plan", "new", "make",
               "cree", "creer", "creez", "planifie", "planifier", "organise", "organiser", "programme",
               "programmer", "fixe", "fixer", "nouveau", "nouvelle", "prevoir", "prevois", "caler", "cale"),
    "ADD": ("add", "put", "insert", "append", "appending", "adding", "include", "ajoute", "ajouter", "ajoutez", "rajoute",
            "mets", "mettre", "inscris", "noter", "note"),
    "REMIND": ("remind", "reminder", "rappelle", "rappeler", "rappel", "memo", "souviens"),
    "TASK": ("task", "tasks", "todo", "to-do", "todos", "chore", "chores", "tache", "taches", "item",
             "items", "element", "elements", "list", "lists", "liste", "listes", "courses", "grocery",
             "groceries", "shopping", "epicerie", "achats"),
    "DONE": ("done", "complete", "completed", "finish", "finished", "mark", "check", "tick", "termine",
             "terminee", "terminer", "fini", "finie", "finir", "acheve", "fait", "faite", "marque",
             "marquer", "coche", "cocher", "accompli", "purchased"),
    "SHOW": ("show", "list", "display", "see", "view", "read", "check", "what", "what's", "whats", "tell",
             "give", "get", "look", "find", "locate", "obtain", "browse", "montre", "montrer", "affiche", "afficher", "voir", "lis", "lire",
             "donne", "quels", "quelles", "quel", "quelle", "qu'est-ce", "dis", "consulter", "ouvre"),
    "MAIL": ("email", "emails", "e-mail", "e-mails", "mail", "mails", "message", "messages", "inbox",
             "courriel", "courriels", "boite", "reception", "lettre", "msg"),
    "SEND": ("send", "reply", "respond", "forward", "write", "compose", "answer", "draft", "envoie",
             "envoyer", "envoyez", "reponds", "repondre", "transfere", "transferer", "ecris", "ecrire",
             "rediger", "redige", "informe", "informer", "dis-lui", "tell"),
    "ROOM": ("room", "rooms", "salle", "salles", "chambre", "chambres", "conference-room", "bureau",
             "hotel", "floor", "etage", "building", "batiment", "reserve", "reserver"),
    "ACCEPT": ("accept", "accepte", "accepter", "acceptez", "confirm"),
    "DECLINE": ("decline", "reject", "refuse", "refuser", "refusez", "decliner", "decline", "rejette",
                "rejeter"),
    "FREE": ("free", "available", "availability", "busy", "libre", "libres", "disponible",
             "disponibles", "disponibilite", "occupe", "occupee", "creneau", "slot", "slots", "open"),
    "JOIN": ("join", "connect", "dial", "rejoindre", "rejoins", "joindre", "connecter", "connecte",
             "participer", "lien", "link", "teams", "skype", "bridge", "rejoignez", "rejoint", "rejoignons",
             "rejoignez-moi"),
    "WHEN": ("when", "time", "quand", "heure", "long", "duree", "combien", "where", "ou", "who", "qui",
             "location", "locations", "lieu", "endroit", "attending", "attendee", "attendees", "participants", "details",
             "detail", "about", "duration", "particulars", "info",
             "sujet"),
    "YES": ("yes", "yeah", "yep", "sure", "ok", "okay", "correct", "right", "confirm", "absolutely",
            "oui", "ouais", "d'accord", "bien", "exactement", "parfait", "vas-y", "go"),
    "NO": ("no", "nope", "nah", "non", "pas", "never", "jamais", "wrong", "incorrect"),
    "HELP": ("help", "aide", "aider", "assistance", "capable", "can"),
    "SIGNOUT": ("logout", "log", "sign", "signout", "deconnecte", "deconnecter", "deconnexion"),
    "SEARCH": ("search", "find", "look", "cherche", "chercher", "recherche", "rechercher", "trouve",
               "trouver", "about", "concernant", "sujet", "from", "de"),
    "FLAG": ("flag", "flagged", "drapeau", "indicateur", "signaler", "signale", "marquer", "important"),
    "UNREAD": ("unread", "new", "latest", "recent", "non", "lus", "nouveaux", "nouveau", "derniers",
               "dernier", "recents"),
}

_WORD_TAGS: dict[str, list[str]] = {}
for _tag, _words in CONCEPTS.items():
    for _w in _words:
        _WORD_TAGS.setdefault(_w, []).append(_tag)

_DIGITS = re.compile(r"\d+")


def _norm(tok: str) -> str:
    tok = _DIGITS.sub("#", tok)
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith("ss"):
        tok = tok[:-1]
    return tok


def features(text: str, *, date_cue: bool) -> list[str]:
    """The feature names of one utterance (duplicates kept: they count twice); chat shorthand is read written out
    (`typos.read_shorthand`)."""
    toks = tokens(read_shorthand(fold(text)))
    words = [_norm(t) for t in toks]
    feats = ["_bias"]
    feats.extend("w:" + w for w in words)
    feats.extend("b:" + a + "_" + b for a, b in zip(["^", *words], [*words, "$"], strict=True))
    feats.extend("p:" + w[:5] for w in words if len(w) > 5)  # a stem: "reunions", "reunion"; typos at the end
    tags: list[str] = []
    for tok in toks:
        tags.extend(_WORD_TAGS.get(tok, ()))
    feats.extend("c:" + tag for tag in tags)
    uniq = sorted(set(tags))
    feats.extend("cc:" + a + "+" + b for i, a in enumerate(uniq) for b in uniq[i + 1:])
    if date_cue:
        feats.append("_date")
    feats.append(f"_len{min(len(toks), 6)}")
    return feats
