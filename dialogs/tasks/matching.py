"""Which task, list, plan, bucket or message the person means: word matching without botbuilder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = [
    "GENERIC_LISTS",
    "best_matches",
    "clean_title",
    "flag_operation",
    "fold",
    "match_names",
    "mentioned",
    "words",
]

T = TypeVar("T")

# Words that say nothing about which item is meant (commands, articles, prepositions), en and fr.
_STOP = frozenset(
    """
    a an the to my me of for on in at and or as is it its this that from with about into by please
    task tasks todo to-do list lists item mark marked complete completed done finish finished delete
    remove erase set planner plan email emails mail mails message messages flag flagged unflag clear
    turn make one ok can you i add create new show
    le la les l de du des d un une a au aux pour mes ma mon et ou en sur avec dans par ce cet cette
    tache taches liste listes marque marquer termine terminer terminee fini finie fait faite supprime
    supprimer efface effacer enleve retire mets mettre courriel courriels indicateur drapeau
    transforme transformer comme que qui est s il elle stp merci ajoute ajouter montre
    """.split()
)

#: List names meaning "my tasks": the default list.
GENERIC_LISTS = frozenset({"tasks", "task", "my tasks", "to do", "todo", "to-do", "to do list", "todo list",
                           "taches", "mes taches", "tache", "liste de taches", "ma liste"})

_WORD = re.compile(r"[\w']+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str, *, keep_stop: bool = False) -> list[str]:
    """The folded words of `text` (apostrophes split: "l'indicateur" -> "l", "indicateur")."""
    out: list[str] = []
    for token in _WORD.findall(fold(text)):
        for part in token.split("'"):
            if part and (keep_stop or part not in _STOP):
                out.append(part)
    return out


def _score(item_text: str, said: set[str]) -> float:
    item_words = words(item_text) or words(item_text, keep_stop=True)
    if not item_words:
        return 0.0
    hits = sum(1 for w in item_words if w in said or any(s.startswith(w) or w.startswith(s) for s in said
                                                           if len(s) >= 4 and len(w) >= 4))
    return hits / len(item_words)


def best_matches(utterance: str, items: Sequence[T], key: Callable[[T], str], *, threshold: float = 0.5) -> list[T]:
    """The items whose text `key(item)` best matches the words said; ties all come back (ask which)."""
    said = set(words(utterance))
    if not said:
        return []
    folded = fold(utterance)
    scored: list[tuple[float, int]] = []
    for index, item in enumerate(items):
        text = key(item)
        score = _score(text, said)
        if text.strip() and fold(text).strip() in folded:
            score += 1.0  # the whole title was said
        if score >= threshold:
            scored.append((score, index))
    if not scored:
        return []
    top = max(s for s, _ in scored)
    return [items[i] for s, i in scored if s == top]


def match_names(name: str, items: Sequence[T], key: Callable[[T], str]) -> list[T]:
    """Items named `name`: exact (folded) names first, else names containing every word of it."""
    wanted = " ".join(words(name, keep_stop=True))
    if not wanted:
        return []
    exact = [i for i in items if " ".join(words(key(i), keep_stop=True)) == wanted]
    if exact:
        return exact
    wanted_words = set(wanted.split())
    return [i for i in items if wanted_words <= set(words(key(i), keep_stop=True))]


def mentioned(utterance: str, items: Sequence[T], key: Callable[[T], str], *,
              markers: Sequence[str] = ()) -> list[T]:
    """Items whose whole name is said (next to one of `markers`, e.g. "bucket", when given); longest first."""
    said = " " + " ".join(words(utterance, keep_stop=True)) + " "
    hits: list[tuple[int, T]] = []
    for item in items:
        name = " ".join(words(key(item), keep_stop=True))
        if not name:
            continue
        forms = [f" {m} {name} " for m in markers] + [f" {name} {m} " for m in markers] if markers else [f" {name} "]
        if any(form in said for form in forms):
            hits.append((len(name), item))
    if not hits:
        return []
    longest = max(n for n, _ in hits)
    return [item for n, item in hits if n == longest]


_PREPOSITIONS = r"(?:to|in|into|on|for|at|under|au|à|a|dans|pour|sur|du|de|chez)"
_ARTICLES = r"(?:(?:the|my|le|la|les|mon|ma|mes|l')\s*)?"
_KINDS = r"(?:plan|bucket|compartiment|colonne|list|liste)"
_ASSIGN = r"(?:(?:and\s+|et\s+)?(?:assign(?:ed)?\s+(?:it\s+)?to|for|to|pour|à|a|(?:l')?assigne[rz]?\s+à|assignée?\s+à))"


def clean_title(title: str, *, plan: str | None = None, bucket: str | None = None,
                people: Sequence[str] = ()) -> str:
    """A task title without the plan, bucket and assignee phrases the recogniser may have left in it."""
    out = title
    for name in [n for n in (plan, bucket) if n]:
        named = re.escape(name)
        out = re.sub(rf"(?:^|[\s,]+)(?:{_PREPOSITIONS}\s+)?{_ARTICLES}(?:{_KINDS}\s+)?{named}(?:\s+{_KINDS})?(?=[\s,.;]|$)",
                     "", out, flags=re.IGNORECASE)
    for person in people:
        named = re.escape(person)
        out = re.sub(rf"(?:^|[\s,]+){_ASSIGN}\s+{named}(?=[\s,.;]|$)", "", out, flags=re.IGNORECASE)
    out = out.strip(" ,;")
    return out or title.strip()


_COMPLETE = re.compile(r"\b(done|complete|completed|finished|termine|terminee|fait|faite|traite|traitee)\b")
_CLEAR = re.compile(r"\b(unflag|clear|remove|retire|retirer|enleve|enlever|efface|effacer|supprime|supprimer)\b")


def flag_operation(utterance: str) -> str:
    """"flag", "complete" (mark the flag done) or "clear" (remove the flag), from the words said."""
    folded = fold(utterance)
    if _CLEAR.search(folded):
        return "clear"
    if _COMPLETE.search(folded):
        return "complete"
    return "flag"
