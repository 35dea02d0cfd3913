"""Intent scoring: the trained weight table, MIPA's own rules for intents the corpus lacks, and safety guards."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .errors import ModelError
from .models import WRITE_INTENTS

__all__ = ["classify", "load_model", "score_intents"]

_MODEL_PATH = Path(__file__).resolve().parent / "data" / "intent_model.json"

Model = dict[str, dict[str, float]]


@lru_cache(maxsize=1)
def load_model() -> dict[str, Model]:
    """The weight tables per locale, read once from `language/data/intent_model.json`."""
    try:
        data = json.loads(_MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the intent model: {exc}") from exc
    if not isinstance(data, dict) or not {"en", "fr"} <= data.keys():
        raise ModelError("the intent model has no 'en' and 'fr' tables")
    return data


def score_intents(model: Model, feats: list[str]) -> dict[str, float]:
    """Sum of the weights of each intent over the features."""
    scores: dict[str, float] = {"none": 0.0}
    for f in feats:
        row = model.get(f)
        if row:
            for label, w in row.items():
                scores[label] = scores.get(label, 0.0) + w
    return scores


def _confidence(scores: dict[str, float], best: str) -> float:
    top = scores[best]
    total = sum(math.exp(max(-30.0, (s - top) / 2.0)) for s in scores.values())
    return 1.0 / total


# Rules for the intents the corpus has no examples of. Patterns run on folded text (no accents).
_R = re.compile
_PLANNER = _R(r"\bplanner\b|\bbuckets?\b|\bcompartiments?\b|"
              r"\b(?:the|my|our|this|that|on|in|to|from|of|le|du|au|mon|mes|nos|notre|ce|dans|sur|les|des|mon)"
              r"\s+(?:[\w-]+\s+){0,2}plans?\b")
_PLANNER_PLANS = _R(r"\b(?:which|what|list|show|all|my|our|quels?|quelles?|liste|mes|nos|tous|affiche|montre)"
                    r"\b[\w' ]{0,20}\bplans\b(?![\w ]{0,12}\b(?:task|tache))")
_PLANNER_ADD = _R(r"\b(?:add|create|new|put|assign|ajoute|ajouter|cree|creer|nouvelle|mets|assigne)\b")
_PLANNER_DONE = _R(r"\b(?:done|complete|completed|finish|finished|close|progress|tick|coche|check off|termine|terminee|"
                   r"fini|finie|achevee?|avancement|progression)\b|%|\bpercent\b|pour ?cent")
_PLANS = _R(r"\bplans\b")
_NOT_PLANS = _R(r"\b(?:for|pour|tonight|tomorrow|weekend|demain|ce soir|dinner|diner|trip|voyage|lunch|dejeuner|"
                r"vacation|vacances|party|fete|today|aujourd'hui|soiree|evening|night|change|cancel|annule)\b|'s plans")
_MAIL_WORD = r"(?:e-?mails?|mails?|messages?|courriels?|inbox|boite)"
_FLAGGED = _R(r"\bflagged\b|\bdid i flag\b|\bmarquee?s? d'un (?:indicateur|drapeau)|\b(?:avec|a|en) (?:un )?(?:indicateur|drapeau)|\b(?:signales|marques d'un indicateur)"
              r"|\bsuivis?\b|\bfollow[- ]up\b")
_NOT_FLAGGED = _R(r"\bbe flagged\b|\bit flagged\b|\b(?:send|envoyer|envoie|write|ecris)\b")
_TO_TASK = _R(r"\b(?:turn|make|convert|create|add|save|transforme|transformer|convertis|convertir|cree|creer|"
              r"ajoute|ajouter|fais|faire)\b.*" + _MAIL_WORD + r".*\b(?:tasks?|to-?dos?|taches?)\b|"
              + r"\b(?:create|make|add|cree|creer|fais|faire)\b.*\b(?:tasks?|to-?dos?|taches?)\b.*\b(?:from|out of|"
              r"a partir|depuis|de|du)\b.*" + _MAIL_WORD + r"|" + _MAIL_WORD + r"\b.*\b(?:into|as|to|en|comme)\b (?:an? |une )?(?:tasks?|to-?do|taches?)\b")
_CONTACT_ADD = _R(r"\b(?:add|create|save|new|store|ajoute|ajouter|cree|creer|enregistre|enregistrer|nouveau|"
                  r"sauvegarde)\b.*\bcontacts?\b|\bas (?:a )?(?:new )?contact\b|\bcomme (?:nouveau )?contact\b"
                  r"|\bto (?:my|the) contacts\b")
_CONTACT_FIND = _R(r"\b(?:phone|(?:mobile|cell) (?:number|phone)|telephone|numero de (?:portable|mobile)|"
                   r"numero (?:de |d')(?!la |le |l'|chambre|conference|reunion|salle)|email address|e-mail address|adresse (?:e-?mail|"
                   r"mail|courriel)|contact (?:details|info|information|card)|coordonnees|fiche)\b|"
                   r"\b(?:my|mes|the|les|in|dans)\s+contacts\b|\bcontacts? (?:named|for|nomme)\b|"
                   r"\b(?:find|look up|lookup|search|cherche|trouve|recherche)\b.*\bcontacts?\b|"
                   r"\bjob title\b")
_FILES = _R(r"\b(?:files?|documents?|docs|fichiers?|presentations?|spreadsheets?|decks?|workbooks?|"
            r"onedrive|classeurs?|pdfs?|word documents?)\b")
_SHARED_ME = _R(r"\bshared? with me\b|\bpartagee?s? avec moi\b|\bm'a(?:-t-on)? partage|\bm'a-t-elle partage|"
                r"\bdid \w+ share\b|\bqu'on m'a partage")
_ATTACH = _R(r"\battach|\bpiece jointe|\bpieces jointes|\bjoindre\b|\bjoint\b")
_SHARED = _R(r"\bshared\b|\bpartages?\b|\bpartagees?\b|\bsent me\b|\bm'a (?:envoye|partage)")
_SP_LIST = _R(r"\bsharepoint\b|\bsite list|\bteam list|\b(?:the|our) [\w-]+ (?:site|tracker)\b|"
              r"\bliste (?:sharepoint|d'equipe|du site)|\bdu site\b|\bsite d'equipe\b|\bteam site\b|\btracker\b|\bregistre\b|\bsuivi des\b")
_SP_ADD = _R(r"(?<!what's )(?<!whats )\b(?:add|create|new|insert|log|put|ajoute|ajouter|cree|creer|nouvelle|nouvel|nouveau|insere|"
             r"enregistre|inscris)\b")
_DIGEST = _R(r"\bmy day\b|\bma journee\b|\bdaily (?:brief|digest|summary|overview)\b|\b(?:digest|briefing)\b|"
             r"\bbrief me\b|\b(?:brief|summary|overview|rundown|recap|resume|apercu|bilan|point) (?:of |for |de |d'|sur |on )?"
             r"(?:my |ma |the |la )?(?:day|journee|today|aujourd'hui)\b|\bmy today\b|"
             r"\bwhat(?:'s| is| does)? (?:my day|today) look|\bprogramme du jour\b")
_GREETING = _R(r"^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings|bonjour|salut|"
               r"coucou|bonsoir|hello there|hey there|bonne journee|re|allo)(?: (?:there|mipa|bot|you|all|"
               r"tout le monde|a toi|a vous|l'assistant|assistant|ca va|how are you|comment ca va|"
               r"comment allez-vous))*(?:[ ,]+(?:ca va|how are you|comment ca va|comment allez-vous))?[ !.?,]*$|^(?:how are you|comment ca va|ca va)[ ?!.]*$")
_OUT_OF_SCOPE = _R(r"\b(?:send|reply|respond|forward|compose|write|envoie|envoyer|envoyez|reponds|repondre|"
                   r"repondez|transfere|transferer|transferez|redige|rediger|ecris|ecrire)\b.*"
                   + _MAIL_WORD + r"|^(?:reply|forward|respond|reponds|repondre|transfere|transferer)\b|"
                   r"\b(?:meeting|conference) rooms?\b|\bsalles? de (?:reunion|conference)\b|"
                   r"\b(?:book|reserve|reserver|reservez)\b.*\b(?:room|salle|chambre)s?\b")

# A bare "no" / "non" answers a question; the scorer alone read it as calendar.decline.
_REJECT = _R(r"^(?:no|non|nope|nah|no thanks|no thank you|non merci)[ !.,]*$")


def rule_intent(folded: str) -> str | None:
    """MIPA's own rules, applied before the scorer; None when no rule speaks."""
    if _REJECT.search(folded):
        return "general.reject"
    if _GREETING.search(folded):
        return "general.greeting"
    if _DIGEST.search(folded):
        return "digest.today"
    if _TO_TASK.search(folded):
        return "mail.to_task"
    if _FLAGGED.search(folded) and not _NOT_FLAGGED.search(folded) and re.search(_MAIL_WORD + r"|\bflagged\b", folded) and not re.search(
        r"^(?:flag|add|mark|signale|marque|ajoute)\b", folded
    ):
        return "mail.flagged"
    if _SP_LIST.search(folded):
        return "lists.add" if _SP_ADD.search(folded) else "lists.items"
    if _PLANNER.search(folded) and not re.search(r"\b(?:meeting|reunion|trip|voyage|dinner|diner)\b", folded):
        if _PLANNER_DONE.search(folded):
            return "planner.complete"
        if _PLANNER_ADD.search(folded):
            return "planner.add"
        if _PLANNER_PLANS.search(folded) and not re.search(r"\b(?:left|task|reste|tache)", folded):
            return "planner.plans"
        return "planner.list"
    if _PLANS.search(folded) and not _NOT_PLANS.search(folded):
        return "planner.plans"
    if _SHARED_ME.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "files.shared"
    if _FILES.search(folded) and not _ATTACH.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "files.shared" if _SHARED.search(folded) else "files.recent"
    if _CONTACT_ADD.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "contacts.add"
    if _CONTACT_FIND.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "contacts.find"
    return None


def classify(model: Model, folded: str, feats: list[str]) -> tuple[str, float]:
    """The intent and its confidence: rules first, then the scorer, then the out-of-scope guard."""
    ruled = rule_intent(folded)
    if ruled is not None:
        return ruled, 0.9
    scores = score_intents(model, feats)
    best = max(scores, key=scores.__getitem__)
    confidence = _confidence(scores, best)
    if best in WRITE_INTENTS and _OUT_OF_SCOPE.search(folded) and not best.startswith("calendar"):
        return "none", confidence
    return best, confidence
