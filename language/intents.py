"""Intent scoring: the trained weight table, MIPA's own rules for intents the corpus lacks, and safety guards."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .errors import ModelError
from .mailbox import mailbox_intent
from .models import WRITE_INTENTS
from .recurrence import repeat_task_intent

__all__ = ["classify", "load_model", "reply_intent", "rule_intent", "score_intents"]

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
              r"|\bsuivis?\b|\ba suivre\b|\bfollow[- ]up\b")
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

# Short replies and commands (the whole utterance, polite words allowed): the bot lets cancel, sign out
# and help interrupt a waiting dialog only above a score of 0.5, so these answer with a high score.
_POLITE = r"(?:[ ,]+(?:please|thanks|thank you|merci|s'il (?:te|vous) plait|svp|stp))*[ !.,?]*$"
_YES_WORDS = (r"(?:yes|yeah|yep|yup|yes please|sure|of course|ok|okay|k|alright|all right|d'accord|daccord|dac|oui|ouais|"
              r"ouaip|bien sur|vas-y|vas y|allez-y|allez y|go|go ahead|go for it|do it|fais-le|fais le|confirm|confirmed|"
              r"confirme|confirmer|je confirme|c'est bon|ca marche|parfait|perfect|absolutely|absolument|exactly|"
              r"exactement|correct|that's right|c'est ca|tout a fait|volontiers|sounds good|fine|good|that works|"
              r"ca me va|entendu|yes do it|sure thing)")
_CONFIRM = _R(r"^" + _YES_WORDS + r"(?:[ ,!]+" + _YES_WORDS + r")*" + _POLITE)
_REJECT = _R(r"^(?:no|non|nope|nah|no thanks|no thank you|non merci|non non|no no|oh non|oh no|pas du tout|"
             r"absolutely not|certainly not|negative|no way|not now|pas maintenant|surtout pas|not really|pas vraiment|"
             r"pas question|certainement pas|don't|ne le fais pas|don't do it|nope not now)" + _POLITE)
_CANCEL_WORDS = (r"(?:cancel|cancel (?:it|that|this|everything)|annuler?|annulez|annule(?:-le|-la|-tout| ca| tout)?|"
                 r"laisse tomber|laissez tomber|stop|stop it|stop that|arrete|arretez|arrete ca|never ?mind|forget it|"
                 r"forget about it|forget that|oublie|oublie ca|oublie-ca|oubliez|abandon|abandonne|abandonner|quit|"
                 r"exit|enough|ca suffit|tant pis|peu importe|on arrete|cancel please)")
_CANCEL = _R(r"^(?:no[ ,]+|non[ ,]+)?" + _CANCEL_WORDS + r"(?:[ ,]+" + _CANCEL_WORDS + r")*" + _POLITE)
_HELP = _R(r"^(?:help|aide|aide-moi|aidez-moi|help me|au secours|\?|what can you do|what can i ask|what can you help with|"
           r"que sais-tu faire|que peux-tu faire|qu'est-ce que tu sais faire|qu'est-ce que tu peux faire|"
           r"comment ca marche|how does this work|how do i use (?:this|you)|commands|commandes)" + _POLITE)
_SIGNOUT = _R(r"^(?:please )?(?:sign|log)(?: me)? ?(?:out|off)\b|^(?:signout|logout|logoff)\b|\bdeconnexion\b|"
              r"\bdeconnecte[rz]?(?:-moi| moi)?\b|\b(?:me|se) deconnecter\b|\bsign me out\b|\blog me out\b")
_EMAIL_ONLY = _R(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+[ .]*$")

# Answers to invitations. Folded text.
_MEETING = r"(?:meeting|meetings|invitation|invite|event|appointment|call|reunion|rendez-vous|rdv|evenement|invit)"
_DECLINE = _R(r"^(?:please |peux-tu |pouvez-vous )?(?:decline|refuse|refuser|refusez|decliner|declinez|decline[rz]?)\b"
              r"(?! (?:the |la |cette )?(?:task|tache|call from))"
              r"|\b(?:can't|cannot|can not|won't be able to|unable to|won't) (?:make it|attend|come|go|join|be there)\b"
              r".*\b" + _MEETING + r"|\bne (?:peux|pourrai|pourrais|peut|pourra) pas (?:venir|assister|participer|etre (?:la|present))"
              r"|\bje ne viendrai pas\b|\bje n'y serai pas\b|\bi won't attend\b|\bje n'assisterai pas\b"
              r"|\b(?:decline|refuse|decliner|refuser)\b.*\b" + _MEETING)
_TENTATIVE = _R(r"\btentative(?:ly)?\b|\bprovisoirement\b|\bsous reserve\b|\bpeut-etre\b.*\b" + _MEETING +
                r"|\b(?:maybe|perhaps)\b.*\b" + _MEETING + r"|\b" + _MEETING + r"\b.*\b(?:maybe|peut-etre)[ ?!.]*$")

# To Do by position, by "mark ... as done" and by "the task X". Folded text.
_ORD_WORDS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|\dth|"
              r"premier|premiere|deuxieme|seconde?|troisieme|quatrieme|cinquieme|sixieme|dernier|derniere|\d(?:e|eme|er|re))")
_BY_ORDINAL = (r"\s+(?:the|le|la|l')\s*" + _ORD_WORDS + r"(?:\s+(?:one|task|item|to-?do|tache|element|un|une))?"
               r"(?:\s+(?:as |comme )?(?:done|complete|completed|finished|fait|faite|termine|terminee))?" + _POLITE)
_TODO_DONE_ORD = _R(r"^(?:please )?(?:complete|finish|tick(?: off)?|check(?: off)?|mark|close|termine|terminer|coche|"
                    r"cocher|finis|acheve|marque|marquer)" + _BY_ORDINAL)
_TODO_DELETE_ORD = _R(r"^(?:please )?(?:delete|remove|erase|drop|supprime|supprimer|efface|effacer|enleve|enlever|retire|"
                      r"retirer)" + _BY_ORDINAL)
_TODO_MARK = _R(r"^(?:please )?(?:mark|marque|marquer|set)\b.+\b(?:as|comme|en)\s+(?:done|complete|completed|finished|"
                r"fait|faite|faits|faites|termine|terminee|terminees|termines|accompli|accomplie|finie?s?)" + _POLITE)
_TODO_DELETE = _R(r"^(?:please )?(?:delete|remove|erase|supprime|supprimer|efface|effacer|enleve|enlever|retire|retirer)\s+"
                  r"(?:the|my|this|that|la|ma|cette|le|mon)\s+(?:task|to-?do|item|tache|element)\b(?!s)")
_CREATE_MEETING = _R(r"^(?:please |can you |could you |peux-tu |pouvez-vous )?(?:book|schedule|set up|arrange|organi[sz]e|"
                     r"plan|create|cree|creer|planifie|planifier|organiser|programme|prevois|cale)\s+(?:me\s+)?(?:a|an|une?|"
                     r"new|nouvelle?|un nouveau|une nouvelle)\s+(?:meeting|call|appointment|event|reunion|rendez-vous|rdv|"
                     r"appel|evenement|visio|sync)\b")
# "find O'Brien", "find Liam O'Brien": original text, a capitalised name and nothing else.
_ADD_TODO = _R(r"^(?:please |can you |peux-tu )?(?:add|ajoute|rajoute|ajouter)\s+(?!.*\b(?:meeting|meetings|event|appointment|"
               r"reunion|rendez-vous|rdv|call|appel|evenement|calendar|agenda|calendrier|contact|contacts|with|avec|"
               r"flag|drapeau|indicateur|e-?mails?|mails?|courriels?|messages?|rooms?|salles?)\b)"
               r"(?!.*(?:\d ?(?:am|pm|h)\b|\d ?h\d\d|\b(?:at|a) \d|\bheures?\b|\bhours?\b|\bpendant\b|\bevery\b|\btous les\b))")
# The Teams command titles (appPackage) and their close variants.
_AGENDA_COMMAND = _R(r"^(?:what's on |what is on |whats on |show |show me |montre |affiche |voir )?(?:my|mon|ma) (?:calendar|agenda|"
                     r"calendrier)(?: (?:today|for today|tomorrow|aujourd'hui|d'aujourd'hui|du jour|demain|pour aujourd'hui))?[ ?!.]*$")
_TASKS_COMMAND = _R(r"^(?:show |show me |montre |affiche |voir )?(?:my|mes) (?:tasks|to-?dos?|taches|to-do list)[ ?!.]*$")
_REMIND = _R(r"^(?:please )?(?:remind me to|remember to|rappelle-moi de|rappelle moi de|rappelle-moi d'|rappelle moi d'|"
             r"rappelez-moi de|rappelez-moi d'|n'oublie pas de|n'oublie pas d')(?:\b|(?<='))")
_FLAG = _R(r"\b(?:clear|remove|take off|delete|unset|enleve|enlever|retire|retirer|supprime|supprimer|efface|effacer|"
           r"ote|oter)\b.*\b(?:flag|drapeau|indicateur)\b|^(?:please )?(?:flag|unflag|signale)\b|"
           r"\bmark\b.*\bas flagged\b|\bmarque\b.*\b(?:d'un|avec un) (?:indicateur|drapeau)\b")
_ROOM = _R(r"\b(?:rooms?|salles?|chambres?|floor|etage|hotel|building|batiment)\b")
_FIND_NAME = re.compile(r"^(?:please |can you |peux-tu )?(?:find|look up|lookup|search for|who is|cherche|trouve|"
                        r"recherche|qui est)\s+(?:[A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'’-]+)(?:\s+[A-Z\u00C0-\u00DD]"
                        r"[\w\u00C0-\u00FF'’-]+){0,2}\s*[?.!]*$")
_NAME_WORDS = re.compile(r"\b(?:planner|sharepoint|onedrive|teams|outlook|q\d)\b")
_BUCKET_PHRASE = _R(r"\b(?:in|into|to|the|dans|au|le)\s+(?:the\s+|le\s+)?[\w' -]{1,30}?\s+bucket\b|"
                    r"\b(?:compartiment|bucket)\s+[\w' -]{1,30}?(?=\s+(?:comme|as|pour|for|avec|with|du plan|in the)\b|$)")


def reply_intent(folded: str) -> str | None:
    """The short replies and commands, which answer with a high score."""
    if _REJECT.search(folded):
        return "general.reject"
    if _CANCEL.search(folded):
        return "general.cancel"
    if _CONFIRM.search(folded):
        return "general.confirm"
    if _HELP.search(folded):
        return "general.help"
    if _SIGNOUT.search(folded) and len(folded) <= 40:
        return "general.signout"
    return None


def rule_intent(folded: str, text: str = "") -> str | None:
    """MIPA's own rules, applied before the scorer; None when no rule speaks."""
    reply = reply_intent(folded)
    if reply is not None:
        return reply
    if _GREETING.search(folded):
        return "general.greeting"
    mailbox = mailbox_intent(folded) or repeat_task_intent(folded)  # language/mailbox.py, language/recurrence.py
    if mailbox is not None:
        return mailbox
    if _AGENDA_COMMAND.search(folded):
        return "calendar.agenda"
    if _TASKS_COMMAND.search(folded):
        return "todo.list"
    if _DIGEST.search(folded):
        return "digest.today"
    if _TENTATIVE.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "calendar.tentative"
    if _DECLINE.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "calendar.decline"
    if _TO_TASK.search(folded):
        return "mail.to_task"
    if _FLAG.search(folded) and re.search(_MAIL_WORD, folded) and not _OUT_OF_SCOPE.search(folded):
        return "mail.flag"
    if _FLAGGED.search(folded) and not _NOT_FLAGGED.search(folded) and re.search(_MAIL_WORD + r"|\bflagged\b", folded) and not re.search(
        r"^(?:flag|add|mark|signale|marque|ajoute)\b", folded
    ):
        return "mail.flagged"
    if _SP_LIST.search(folded):
        return "lists.add" if _SP_ADD.search(folded) else "lists.items"
    if _PLANNER.search(folded) and not re.search(r"\b(?:meeting|reunion|trip|voyage|dinner|diner)\b", folded):
        unbucketed = _BUCKET_PHRASE.sub(" ", folded)  # "the In progress bucket" names a bucket, not progress
        if _PLANNER_DONE.search(unbucketed):
            return "planner.complete"
        if _PLANNER_ADD.search(folded):
            return "planner.add"
        if _PLANNER_PLANS.search(folded) and not re.search(r"\b(?:left|task|reste|tache)", folded):
            return "planner.plans"
        return "planner.list"
    if _PLANS.search(folded) and not _NOT_PLANS.search(folded):
        return "planner.plans"
    if _TODO_DONE_ORD.search(folded) or (_TODO_MARK.search(folded) and not re.search(_MAIL_WORD, folded)):
        return "todo.complete"
    if _TODO_DELETE_ORD.search(folded) or _TODO_DELETE.search(folded):
        return "todo.delete"
    if _REMIND.search(folded) and not _OUT_OF_SCOPE.search(folded):  # "remind me to call the bank at 9am"
        return "todo.add"
    if _ADD_TODO.search(folded) and not _OUT_OF_SCOPE.search(folded):  # "add pay the July invoice"
        return "todo.add"
    if _CREATE_MEETING.search(folded) and not _OUT_OF_SCOPE.search(folded) and not _ROOM.search(folded):
        return "calendar.create"
    if _FIND_NAME.search(text.strip()) and not _NAME_WORDS.search(folded):
        return "contacts.find"
    if _SHARED_ME.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "files.shared"
    if _FILES.search(folded) and not _ATTACH.search(folded) and not _OUT_OF_SCOPE.search(folded) and not _REMIND.search(folded):
        return "files.shared" if _SHARED.search(folded) else "files.recent"
    if _CONTACT_ADD.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "contacts.add"
    if _CONTACT_FIND.search(folded) and not _OUT_OF_SCOPE.search(folded):
        return "contacts.find"
    return None


def classify(model: Model, folded: str, feats: list[str], text: str = "") -> tuple[str, float]:
    """The intent and its confidence: rules first, then the scorer, then the out-of-scope guard.

    `text` is the utterance as typed (some rules look at capitals); `folded` is `text.fold`-ed.
    """
    if _EMAIL_ONLY.search(folded):  # an address typed as an answer is no request
        return "none", 0.2
    ruled = rule_intent(folded, text)
    if ruled is not None:
        return ruled, 0.95 if ruled.startswith("general.") else 0.9
    scores = score_intents(model, feats)
    best = max(scores, key=scores.__getitem__)
    confidence = _confidence(scores, best)
    if best in WRITE_INTENTS and _OUT_OF_SCOPE.search(folded) and not best.startswith("calendar"):
        return "none", confidence
    return best, confidence
