"""Pure helpers for the directory features: read names, e-mails, phones, search terms and typed answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.answers import EMAIL, AnswerError, is_skip, parse_answer
from language.text import fold

__all__ = [
    "AnswerError",
    "ContactDraft",
    "MailQuery",
    "contact_draft",
    "is_skip",
    "mail_query",
    "search_terms",
    "mentions_unread",
    "parse_answer",
    "person_query",
    "site_name",
    "split_name",
]

PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*", re.UNICODE)

# Words that carry the request rather than the name, in English and French.
_CONTACT_FILLER = {
    "add", "save", "create", "new", "a", "an", "the", "contact", "contacts", "to", "my", "in", "as", "named",
    "called", "email", "e-mail", "mail", "address", "phone", "number", "mobile", "with", "and", "please",
    "ajoute", "ajouter", "ajouté", "enregistre", "enregistrer", "crée", "créer", "cree", "creer", "nouveau",
    "nouvelle", "un", "une", "le", "la", "les", "à", "mes", "dans", "mon", "ma", "nommé", "nommée",
    "appelé", "appelée", "courriel", "adresse", "téléphone", "telephone", "numéro", "numero", "portable",
    "avec", "et", "s'il", "plaît", "plait", "vous", "te", "de", "du", "comme",
}
_FIND_FILLER = {
    "find", "search", "look", "lookup", "up", "for", "who", "is", "what", "what's", "whats", "the", "a", "an",
    "phone", "number", "numbers", "email", "e-mail", "address", "of", "contact", "contacts", "details", "info",
    "information", "person", "colleague", "show", "me", "get", "give", "my", "in", "directory", "job", "title",
    "s", "please", "can", "you", "do", "i", "have", "how", "to", "reach", "trouve", "trouver", "cherche",
    "chercher", "recherche", "rechercher", "qui", "est", "le", "la", "les", "l'", "un", "une", "numéro", "numero",
    "de", "du", "des", "d'", "téléphone", "telephone", "adresse", "mail", "courriel", "coordonnées",
    "coordonnees", "collègue", "collegue", "personne", "montre", "moi", "donne", "mes", "dans",
    "l'annuaire", "annuaire", "poste", "fonction", "quel", "quelle", "s'il", "plaît", "plait", "te",
}
_MAIL_FILLER = {
    "search", "find", "look", "for", "show", "me", "my", "the", "all", "any", "mail", "mails", "email", "emails",
    "e-mail", "e-mails", "message", "messages", "inbox", "in", "through", "please", "get", "list", "query",
    "cherche", "chercher", "recherche", "rechercher", "trouve", "trouver", "montre", "moi", "mes", "les", "le",
    "la", "dans", "ma", "boîte", "boite", "courriel", "courriels", "des", "un", "une", "affiche", "afficher",
}
_SEARCH_MARKERS = (
    r"\b(?:for|about|containing|contains?|with the words?|with words?|with|titled|mentioning|regarding)\s+(?P<q>.+)$",
    r"\b(?:pour|sur|concernant|contenant|qui contiennent|qui contient|avec|intitulés?|à propos de|au sujet de)\s+(?P<q>.+)$",
)
_SENDER_MARKERS = (
    r"\bfrom\s+(?P<s>.+?)(?:\s+(?:about|containing|contains?|with|titled|regarding)\b.*)?$",
    r"\b(?:de la part de|envoyés? par|reçus? de|venant de)\s+(?P<s>.+?)(?:\s+(?:sur|concernant|contenant|avec)\b.*)?$",
)
_UNREAD = re.compile(r"\b(?:unread|not read|new|non[- ]lus?|pas lus?|nouveaux|nouveau|nouvelles?)\b", re.IGNORECASE)
_SITE = (
    r"\bon (?:the )?(?P<a>.+?) site\b",
    r"\b(?:in|from) (?:the )?(?P<a>.+?) site\b",
    r"\bsite (?P<b>.+?)(?:\s*$|\s*[,.?!])",
    r"\b(?:du|sur le|dans le) site (?:de |d')?(?P<c>.+?)(?:\s*$|\s*[,.?!])",
)


@dataclass(frozen=True, slots=True)
class ContactDraft:
    given_name: str | None
    surname: str | None
    email: str | None
    phone: str | None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.surname) if p)


@dataclass(frozen=True, slots=True)
class MailQuery:
    words: str | None
    sender: str | None



def _strip_words(text: str, filler: set[str], *, elide: bool = False) -> str:
    folded_filler = {fold(w) for w in filler}
    words = [w for w in _WORD.findall(text) if fold(w) not in folded_filler]
    # French elisions ("l'adresse d'Élise"): drop a leading article glued to the word.
    cleaned = [re.sub(r"^(?:[ldLD])['’](?=\w)", "", w) for w in words] if elide else words
    return " ".join(w for w in cleaned if w and fold(w) not in folded_filler)


def split_name(name: str) -> tuple[str, str | None]:
    """("Sean", "O'Brien") from "Sean O'Brien"; a single word is a given name."""
    parts = name.split()
    if len(parts) == 1:
        return parts[0], None
    return parts[0], " ".join(parts[1:])


def contact_draft(text: str, people: tuple[str, ...] = (), *, answer: bool = False) -> ContactDraft:
    """The contact a sentence describes: name (recognised or what is left), e-mail and phone.

    `answer`: the text answers "what is the name?", so every word left is the name ("Anne Le Du")."""
    email_match = EMAIL.search(text)
    email = email_match.group(0).rstrip(".") if email_match else None
    rest = EMAIL.sub(" ", text)
    phone_match = PHONE.search(rest)
    phone = " ".join(phone_match.group(0).split()) if phone_match else None
    if phone_match:
        rest = rest[: phone_match.start()] + " " + rest[phone_match.end():]
    name = people[0].strip() if people else ""
    if answer:
        name = " ".join(re.sub(r"[,;:!?]", " ", rest).split()).strip(" .")
    elif not name or EMAIL.search(name):
        name = _strip_words(rest, _CONTACT_FILLER)
    if not name:
        return ContactDraft(None, None, email, phone)
    given, surname = split_name(name)
    return ContactDraft(given, surname, email, phone)


def person_query(text: str, people: tuple[str, ...] = ()) -> str | None:
    """The name (or e-mail) a "find" request is about."""
    email = EMAIL.search(text)
    if email:
        return email.group(0)
    if people:
        return people[0].strip() or None
    rest = re.sub(r"[?!.,;:]", " ", text)
    name = _strip_words(rest, _FIND_FILLER, elide=True)
    return name or None


def mail_query(text: str, *, query: str | None = None, people: tuple[str, ...] = ()) -> MailQuery:
    """Sender and words of a mail search; the raw words are kept as typed (quoted later, never parsed)."""
    sender = None
    for pattern in _SENDER_MARKERS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            sender = match.group("s").strip(" ?!.,")
            break
    if sender is None and people:
        sender = people[0]
    words = None
    for pattern in _SEARCH_MARKERS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            words = match.group("q").strip(" ?!.")
            if sender:
                words = re.sub(r"\s*\b(?:from|de la part de|envoyés? par|reçus? de)\s+.*$", "", words, flags=re.I)
            break
    if words is None and query and query != sender:
        words = query
    if words is None and sender is None:
        rest = _strip_words(text, _MAIL_FILLER)
        words = rest or None
    if words and sender and fold(words) == fold(sender):
        words = None
    return MailQuery(words=search_terms(words) if words else None, sender=sender or None)


_STOP_WORDS = frozenset("the a an of le la les un une des du de d' l'".split())


def search_terms(words: str) -> str:
    """Search words without stop words ("the invoice" -> "invoice", "la facture" -> "facture"): a search for
    "the" or "la" finds every message or none. Words that are all stop words are kept as typed."""
    split = re.sub(r"\b([ldLD])['’]", r"\1' ", words).split()
    kept = [w for w in split if fold(w) not in _STOP_WORDS]
    return " ".join(kept) if kept else words


def mentions_unread(text: str) -> bool:
    return bool(_UNREAD.search(text))


def site_name(text: str) -> str | None:
    for pattern in _SITE:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            value = next(v for v in match.groupdict().values() if v)
            return value.strip(" \"'«»") or None
    return None
