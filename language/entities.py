"""Entities other than dates: people, titles, list / plan / bucket names, importance, ordinals, counts."""

from __future__ import annotations

import re

from .dates import has_date_cue, parse_number_word
from .matching import names_something
from .named import clean_name, meeting_title, plan_in_sentence
from .people import find_people, strip_article
from .text import fold

__all__ = ["extract_text_entities"]

_I = re.IGNORECASE
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "deuxieme": 2, "2e": 2, "2eme": 2, "seconde": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "cinquieme": 5, "5e": 5, "sixieme": 6,
    "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "dernier": -1, "derniere": -1,
}
_ORDINAL = re.compile(
    r"\b(?:the|le|la|l')\s*(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\b"
    r"|\b(?:number|numero|no\.?|n°|#)\s*(\d{1,2})\b|^(\d{1,2})$"
)
_COUNT = re.compile(
    r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
    r"\s+(?:(?:next|last|first|upcoming|latest|recent|prochaine?s?|dernier(?:e)?s?|premier(?:e)?s?|"
    r"unread|non lus?|flagged)\s+)?(?:meetings?|events?|appointments?|tasks?|to-?dos?|e-?mails?|mails?|"
    r"messages?|reunions?|rendez-vous|taches?|courriels?|items?|elements?|files?|fichiers?|documents?)\b"
)
_PERCENT = re.compile(r"\b(\d{1,3})\s*(?:%|percent|per cent|pour ?cent)")
_IMPORTANCE = (
    # negations first: "not important", "pas urgent", "peu importante", "ce n'est pas urgent" are low
    ("low", re.compile(r"\b(?:not|no|isn't|is not|pas|peu|non|n'est pas)\s+(?:(?:very|too|that|so|really|at all|du tout|"
                       r"tres|trop|si|vraiment|super)\s+)?(?:important|urgent|importante|urgente|prioritaire|pressing|pressant)"
                       r"|\b(?:low|faible|basse|minor|mineure?)(?: importance| priority| priorite)\b"
                       r"|\b(?:importance|priority|priorite)[ :]+(?:low|faible|basse)\b"
                       r"|\b(?:low|faible|basse)\b(?= ?(?:task|tache|,|$))|\bsans urgence\b|\bno rush\b|\bpas presse\b")),
    ("high", re.compile(r"\b(?:high|urgent|important|top|critical|haute|elevee|prioritaire|urgente|importante|critique|asap)"
                        r"\b(?! ?(?:emails?|mails?|messages?|courriels?))")),
    ("normal", re.compile(r"\b(?:normal|normale) (?:importance|priority|priorite)\b")),
)
_NAME_STOP = frozenset(
    "me my him her them us you it the a an all everyone team this that tomorrow today tonight next noon "
    "moi lui elle eux nous vous le la les un une tous demain aujourd'hui midi ce cette mon ma mes "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi "
    "samedi dimanche my regards".split()
)
_CALENDAR_WORDS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Lundi|Mardi|Mercredi|Jeudi|Vendredi|"
                   r"Samedi|Dimanche|January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|Today|Tomorrow|Next|This|At|On|In|For|About)\b")
_PERSON = re.compile(
    r"\b(?:with|avec|to|from|assign(?:ed)? to|assigne[rz]? (?:à|a)|de la part de|invite|for|pour|de|by|par|of|is|"
    r"contact|call|appelle|find|trouve|cherche|recherche|look up|search for)\s+"
    r"([A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+(?:\s+(?!" + _CALENDAR_WORDS + r")[A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+){0,2})"
)
# "à Lucie" is a person after a verb of giving ("assigne X à Lucie"), otherwise a place ("à Lyon").
_GIVE_VERB = re.compile(r"\b(?:assigne[rz]?|attribue[rz]?|donne[rz]?|confie[rz]?|transmets|transmettre|envoie[rz]?|"
                        r"demande[rz]?|propose[rz]?|invite[rz]?)\b", _I)
_A_NAME = re.compile(r"\bà\s+([A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+(?:\s+[A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+)?)")
_PLACE = re.compile(r"\b(?:à|in|at)\s+([A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+(?:[ -](?:de|du|sur|en|le|la)[ -]"
                    r"[A-Z\u00C0-\u00DD][\w\u00C0-\u00FF'-]+)?)")
_NOT_A_NAME = re.compile(r"(?:planner|sharepoint|onedrive|teams|outlook|q\d|paris|friday|monday|i|mipa)\b")
_PERSON_LOWER = re.compile(r"\b(?:with|avec)\s+([a-z\u00E0-\u00FF][\w\u00E0-\u00FF'-]+(?:\s+[a-z][\w'-]+)?)")
_POSSESSIVE = re.compile(r"\b([A-Z\u00C0-\u00DD][\w\u00E0-\u00FF-]+)'s\b|\bde ([A-Z\u00C0-\u00DD][\w\u00E0-\u00FF-]+)\b")
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|«\s*([^»]+?)\s*»|(?<!\w)'([^']{3,})'(?!\w)")  # not "c'est … d'équipe"
_LEAD = re.compile(
    r"^(?:(?:please|can you|could you|would you|peux-tu|pouvez-vous|pourrais-tu|merci de|s'il te pla[iî]t)\s+)*"
    r"(?:add|put|create|new task|new to-?do|make a task|remind me to|remind me|remember to|add a task to|add task|"
    r"ajoute|ajouter|ajoutez|rajoute|mets|mettre|cr[ée]e|cr[ée]er|nouvelle t[âa]che|rappelle-moi de|rappelle-moi d['’]|"
    r"rappelle moi de|rappelle moi d['’]|rappelez-moi de|rappelez-moi d['’]|n'oublie pas de|n'oublie pas d['’])"
    r"(?:\s+(?:a |an |the |une |la |un )?" + r"(?:(?:low|high|normal|top|urgent|important|critical)(?: priority| importance)?\s+)?"
    r"(?:planner\s+)?(?:task|to-?do|item|t[âa]che|[ée]l[ée]ment)"
    r"(?:\s+planner)?(?:\s+(?:(?:peu|pas|pas tr[èe]s)\s+)?(?:urgente?|importante?|prioritaire)|"
    r"\s+(?:de |en )?(?:faible|basse|haute) (?:priorit[ée]|importance)|"
    r"\s+(?:de |en )?(?:priorit[ée]|importance) (?:faible|basse|haute|[ée]lev[ée]e))?(?:\s+planner)?)?(?:\s*(?::|to|de|d'|called|named|"
    r"intitul[ée]e?))?(?:\s+|(?<=['’]))", _I)
_REMIND_LATER = re.compile(r"^((?:remind me|rappelle-moi|rappelle moi|rappelez-moi))\s+(?!to\b|de\b|d['’])((?:\S+\s+){0,5}?\S+)\s+"
                           r"((?:to|de|d['’])\s*.+)$", _I)
# "add low priority task tidy desk", "add urgent task ...": the importance said before the word "task"
_IMPORTANCE_LEAD = re.compile(r"^(?:(?:a|an|une|un)\s+)?(?:(?:low|high|normal|top)\s+(?:priority|importance)|urgent|important|critical)"
                              r"\s+(?:planner\s+)?(?:task|to-?do|item)\s+(?:called\s+|named\s+|to\s+)?", _I)
_LIST_EN = re.compile(r"\s+(?:to|on|in|onto|into)\s+(?:my|the|our)\s+(.+?)(?:\s+(?:to-?do\s+)?list)?"
                      r"(?=\s+(?:for|by|due|on|at|before|tomorrow|today|tonight|next|this)\b|[.!?]?$)", _I)
_LIST_FR = re.compile(r"\s+(?:à|a|dans|sur)\s+(?:ma|mes|la|le|les|notre|nos)\s+(?!fin\b|semaine\b|mi-|\d)(?:liste\s+(?:de\s+|d'|des\s+|du\s+)?)?"
                      r"(.+?)(?=\s+(?:pour|avant|d'ici|demain|aujourd'hui|ce soir|lundi|mardi|mercredi|jeudi|"
                      r"vendredi|samedi|dimanche|la semaine|le \d|à \d)\b|[.!?]?$)", _I)
_DATE_TAIL = re.compile(
    r"[\s,]+(?:(?:for|by|due|on|at|before|until|pour|avant|d'ici|le|à|a|jusqu'à|the|la|au|in)\s+){0,3}"
    r"(?:tomorrow|today|tonight|yesterday|next\b|this (?:week|afternoon|evening|morning)|end of|the end of|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|demain|aujourd'hui|hier|ce soir|cette semaine|"
    r"la semaine|fin d[eu]|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|"
    r"mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d|"
    r"(?:in|dans)\s+(?:an?|one|two|three|four|five|ten|twenty|thirty|une?|deux|trois|quatre|cinq|dix|vingt|trente|\d+)"
    r"\s+(?:hours?|minutes?|mins?|days?|heures?|jours?)\b|"
    r"(?:noon|midnight|midi|minuit)\b).*$", _I)
_IMPORTANCE_TAIL = re.compile(
    r"[\s,;(-]+(?:with |as |avec (?:une )?|en |de |it'?s |it is |this is |ce n'est |c'est |c'est |ce n’est )?"
    r"(?:(?:high|low|haute|basse|faible|top|normal|normale)\s+(?:importance|priority|priorit[ée])"
    r"|(?:importance|priority|priorit[ée])\s+(?:high|low|haute|basse|faible|[ée]lev[ée]e|normale?)"
    r"|(?:(?:not|no|pas|peu|non)\s+(?:(?:very|too|that|so|really|du tout|tr[èe]s|trop|si|vraiment)\s+)?)?"
    r"(?:(?:very|tr[èe]s|super)\s+)?(?:urgent|important|urgente|importante|prioritaire)(?:\s+(?:at all|du tout))?"
    r"|sans urgence|no rush)\s*[).!]*$", _I)
_PLAN = re.compile(r"\b(?:the|on|in|to|from|of)\s+([\w-]+(?:\s+[\w-]+)?)\s+plan\b|\bplan\s+([A-Z0-9][\w-]*)"
                   r"|\b(?:plan|projet)\s+(?:«\s*)?([\w-]+)", _I)
_BUCKET = re.compile(r"\b(?:bucket|compartiment)\s+(?:«\s*)?([\w-]+)|\b(?:the|in|to)\s+([\w-]+)\s+bucket\b", _I)
_COMMENT = re.compile(r"\b(?:because|since|as i|parce que|parce qu'|car|puisque|saying|en disant)\s+(.+)$", _I)
_QUERY = re.compile(r"\b(?:about|regarding|concerning|containing|mentioning|with subject|sur|concernant|"
                    r"à propos d(?:es\s|u\s|e\s|['’])|au sujet d(?:es\s|u\s|e\s|['’])|parlant d(?:es\s|u\s|e\s|['’])|"
                    r"contenant)\s*(.+?)[.?!]?$", _I)
_SEARCH_FOR = re.compile(r"\b(?:search|look|find|cherche|recherche)\b.*?\b(?:for|pour)\s+(?!(?:e-?mails?|mails?|messages?)\b)"
                         r"(.+?)[.?!]?$", _I)
_QUERY_END = re.compile(r"\s+(?:from|de la part de|envoy[ée]s? par|de|d'|by|par)\s+(?=[A-Z\u00C0-\u00DD]).*$|"
                        r"\s+d['’](?=[A-Z\u00C0-\u00DD]).*$")
_SENDER = re.compile(r"\b(?:from|de la part de|envoy[ée]s? par|de)\s+([A-Z\u00C0-\u00DD][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_LOCATION = re.compile(r"\b(?:in|at|dans|en|à)\s+((?:room|salle|building|bâtiment|conference room)\s+[\w-]+)", _I)

_ADD_INTENTS = frozenset({"todo.add", "planner.add", "lists.add", "mail.to_task"})


def _people(text: str, intent: str) -> tuple[str, ...]:
    found = list(find_people(text, intent))
    if _GIVE_VERB.search(text):  # "assigne la tâche à Lucie"
        for m in _A_NAME.finditer(text):
            name = m.group(1)
            if fold(name.split()[0]) not in _NAME_STOP and not _NOT_A_NAME.match(fold(name)) and name not in found:
                found.append(name)
    return tuple(found)


def _add_title(text: str, lang: str) -> tuple[str | None, str | None]:
    """(title, list name) of an "add X to my Y list for Friday" request."""
    s = text.strip().rstrip(".!?")
    later = _REMIND_LATER.match(s)
    if later and has_date_cue(fold(later.group(2))):  # "remind me tomorrow at 8am to walk the dog"
        s = f"{later.group(1)} {later.group(3)} {later.group(2)}"
    m = _LEAD.match(s)
    if m:
        s = s[m.end():]
    only_list = _ONLY_LIST.match(s)  # "add a task to my groceries list": a list, no title yet
    if only_list:
        return None, next(g for g in only_list.groups() if g).strip()
    list_name = None
    lm = (_LIST_FR if lang == "fr" else _LIST_EN).search(" " + s)
    if lm:
        list_name = lm.group(1).strip()
        s = (" " + s)[: lm.start()] + (" " + s)[lm.end():]
    s = _IMPORTANCE_LEAD.sub("", s.strip())
    for _ in range(2):  # "renew my badge by Friday, important": the importance, then the date, in either order
        s = _IMPORTANCE_TAIL.sub("", s.strip())
        s = _DATE_TAIL.sub("", s).strip(" ,")
    if _DAY_ONLY.match(fold(s)):  # "remind me tomorrow at 3pm": a day is left, and no title
        s = ""
    return (s or None), list_name


_DAY_ONLY = re.compile(r"^(?:(?:this|next|on|ce|cet|cette)\s+)?(?:today|tomorrow|tonight|demain|aujourd'hui|ce soir|"
                       r"morning|afternoon|evening|matin|apres-midi|soir|week|semaine|weekend|week-end|monday|tuesday|"
                       r"wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
                       r"(?:\s+(?:prochaine?|morning|afternoon|evening|matin|soir))?$")


# Names that run over several words end at the next keyword or preposition ("plan Salon de Lyon dans le
# compartiment En cours pour Liam"): "de" and "l'" stay inside a name, these words end it.
_NAME_END = (r"(?=\s*(?:»|\"|”)|\s+(?:pour|avec|dans|sur|du|au|aux|à|a|comme|et|en|par|for|with|in|into|on|to|as|"
             r"and|by|due|before|avant|d'ici|jusqu'à|demain|aujourd'hui|tomorrow|today|next|this|cette|ce|le \d|"
             r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|"
             r"saturday|sunday|compartiment|bucket|plan|assign|assigne|assigned|assignée?)\b|\s*[,.!?;:]|$)")
_PLAN_NAMED = re.compile(r"\b(?:plan|projet)\s+(?:«\s*|\")?([A-Z0-9\u00C0-\u00DD][\w'’-]*(?:\s+[\w'’-]+)*?)" + _NAME_END)
_BUCKET_NAMED = re.compile(r"\b(?:compartiment|bucket)\s+(?:«\s*|\")?([\w\u00C0-\u00FF][\w'’-]*(?:\s+[\w'’-]+)*?)"
                           + _NAME_END, _I)
_BUCKET_BEFORE = re.compile(r"\b(?:in|into|to|from|on|of)\s+(?:the\s+)?(?!the\b)([\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+bucket\b", _I)
_ONLY_LIST = re.compile(r"^(?:to\s+|on\s+|in\s+|à\s+|a\s+|dans\s+|sur\s+)?(?:my|the|our|ma|mes|la|notre)\s+(?:liste\s+"
                        r"(?:de\s+|d'|des\s+|du\s+)?(.+?)|(.+?)\s+(?:to-?do\s+)?list)$", _I)
_MEETING_TITLE = re.compile(
    r"\b(?:about|regarding|concerning|on the topic of|called|named|titled|entitled|sur|concernant|intitulée?|"
    r"appelée?|nommée?|à propos d[eu]|au sujet d[eu]|pour parler d[eu])\s+(.+)$", _I)
_TITLE_END = re.compile(
    r"\s+(?:with|avec|at|à|on|le|for|pour|pendant|during|from|de \d|in room|dans la salle)\s+.*$|"
    r"\s+(?:tomorrow|today|tonight|yesterday|next|this|demain|aujourd'hui|hier|ce soir|cet? |cette |la semaine|"
    r"end of|(?:à la |a la )?fin d[eu]|in \d|dans \d|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|\d).*$", _I)
_ARTICLE = re.compile(r"^(?:(?:the|les|le|la)\s+|l['’]\s*)(?=\S)", _I)
_TODO_MARK_TITLE = re.compile(
    r"^(?:please\s+)?(?:mark|marque|marquer|set)\s+(.+?)\s+(?:as|comme|en)\s+(?:done|complete|completed|finished|"
    r"fait|faite|faits|faites|terminée?s?|accomplie?|finie?s?)\s*[.!?]*$", _I)
_TODO_VERB_TITLE = re.compile(
    r"^(?:please\s+)?(?:complete|finish|tick off|check off|termine|terminer|coche|cocher|i finished|i've finished|"
    r"j'ai fini|j'ai terminé|delete|remove|erase|supprime|supprimer|efface|effacer|enlève|enleve|retire)\s+(.+?)"
    r"\s*[.!?]*$", _I)
_TASK_WORD = re.compile(r"^(?:the|my|this|that|la|ma|cette|le|mon)\s+(?:task|to-?do|item|tâche|tache|élément|element)\s+", _I)
_FROM_LIST = re.compile(r"\s+(?:from|on|in|de|dans|sur)\s+(?:my|the|ma|la|mes)\s+(?:liste\s+(?:de\s+|d'|des\s+)?)?"
                        r"(.+?)(?:\s+(?:to-?do\s+)?list)?\s*$", _I)


def _todo_title(text: str) -> tuple[str | None, str | None]:
    """(title, list name) of "mark X as done", "complete X", "delete the task X from my Y list"."""
    s = text.strip()
    m = _TODO_MARK_TITLE.match(s) or _TODO_VERB_TITLE.match(s)
    if not m:
        return None, None
    title = m.group(1).strip()
    if _ORDINAL.search(fold(title)) or re.match(r"^(?:it|this|that|them|all|everything|ça|ca|cela|tout)\b", title, _I):
        return None, None
    title = _TASK_WORD.sub("", title)
    list_name = None
    lm = _FROM_LIST.search(title)
    if lm and (lm.group(0).lower().rstrip().endswith("list") or "liste" in lm.group(0).lower()):
        list_name = lm.group(1).strip()
        title = title[: lm.start()]
    return (title.strip() or None), list_name


def _meeting_title(text: str) -> str | None:
    m = _MEETING_TITLE.search(text.strip().rstrip(".!?"))
    if not m:
        return None
    title = _TITLE_END.sub("", m.group(1)).strip(" ,")
    return _ARTICLE.sub("", title).strip() or None


_NOT_A_PLAN = frozenset("my the mon le this ce our pour for de du des and et with avec to a au in dans on sur by par".split())


def _planner_names(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    pm = _PLAN_NAMED.search(text)
    if pm and fold(pm.group(1)) not in {"my", "the", "mon", "le", "this", "ce", "our"}:
        out["plan_name"] = pm.group(1).strip()
    else:
        pm2 = _PLAN.search(text)
        if pm2:
            name = next(g for g in pm2.groups() if g)
            if fold(name) not in _NOT_A_PLAN:
                out["plan_name"] = re.sub(r"^(?:my|the|our|this)\s+", "", name, flags=_I)
    bm = _BUCKET_BEFORE.search(text) or _BUCKET_NAMED.search(text)
    if bm:
        out["bucket_name"] = bm.group(1).strip()
    return out


def extract_text_entities(text: str, lang: str, intent: str) -> dict[str, object]:
    """Entity fields (names as in `Entities`) found in `text` for the recognised `intent`."""
    folded = fold(text)
    out: dict[str, object] = {}
    names: dict[str, str] = _planner_names(text) if intent.startswith("planner") else {}
    if intent.startswith("planner") and "plan_name" not in names:
        plan = plan_in_sentence(text)  # "what's left on the Salon de Lyon plan?"
        if plan:
            names["plan_name"] = plan
    out.update(names)
    unnamed = text
    for name in names.values():  # "plan Salon de Lyon": Lyon is no person
        unnamed = unnamed.replace(name, " ")
    people = _people(unnamed, intent)
    if people:
        out["people"] = people
    q = _QUOTED.search(text)
    if q:
        out["title"] = next(g for g in q.groups() if g)
    if intent in _ADD_INTENTS and "title" not in out:
        title, list_name = _add_title(text, lang)
        if title:
            for name in names.values():
                title = re.sub(r"(?:^|\s+)(?:to|in|into|on|au|à|a|dans|sur|du)\s+(?:the\s+|le\s+)?(?:plan|projet|compartiment|bucket)?"
                               r"\s*" + re.escape(name) + r"(?:\s+(?:plan|bucket))?", " ", title, flags=_I).strip()
            if intent == "planner.add":
                if people:  # "pour Liam", "for Adele and Alex" assign the task, they are not in its title
                    one = "(?:" + "|".join(re.escape(p) for p in people) + ")"
                    title = re.sub(r"\s+(?:pour|for|to|à|assigned to|assignée? à)\s+" + one + r"(?:(?:\s*,\s*|\s+(?:and|et)\s+)"
                                   + one + r")*(?![\w'])", " ", title, flags=_I)
            out["title"] = " ".join(title.split()) or None
        if list_name and intent == "todo.add":
            out["list_name"] = list_name
    elif intent in _ADD_INTENTS:
        _, list_name = _add_title(text, lang)
        if list_name and intent == "todo.add":
            out["list_name"] = list_name
    if intent in ("todo.complete", "todo.delete", "planner.complete") and "title" not in out:
        title, list_name = _todo_title(text)
        if title:
            cleaned = clean_name(title)  # "the supplier task" is "supplier"
            out["title"] = cleaned if names_something(cleaned) else title
        if list_name and intent.startswith("todo"):
            out["list_name"] = list_name
    if intent == "calendar.create" and "title" not in out:
        title = _meeting_title(text)
        if title:
            out["title"] = title
    elif intent.startswith("calendar.") and "title" not in out:
        named = meeting_title(text, intent, people)  # "when is the call with the west coast?"
        if named:
            out["title"] = named
    if intent.startswith("calendar") and people:
        pl = _PLACE.search(text)
        if pl and pl.group(1) not in people and fold(pl.group(1).split()[0]) not in _NAME_STOP:
            out["location"] = pl.group(1)
    if intent.startswith("lists."):
        lm = re.search(r"\b(?:the|la|liste)\s+([\w-]+(?:\s+(?!sharepoint)[\w-]+)?)\s+(?:sharepoint\s+)?(?:list|tracker)\b"
                       r"|\bliste\s+(?:sharepoint\s+)?([\w-]+)", text, _I)
        if lm:
            out["list_name"] = next(g for g in lm.groups() if g)
    elif intent.startswith("todo.") and "list_name" not in out:
        lm = re.search(r"\b(?:my|the)\s+([\w-]+)\s+list\b|\bliste\s+(?:de\s+|d'|des\s+)?([\w-]+)", text, _I)
        if lm:
            out["list_name"] = next(g for g in lm.groups() if g)
    out = {k: v for k, v in out.items() if v is not None}
    for level, pattern in _IMPORTANCE:
        if pattern.search(folded):
            out["importance"] = level
            break
    om = _ORDINAL.search(folded)
    if om:
        if om.group(1):
            out["ordinal"] = _ORDINALS[om.group(1)]
        else:
            out["ordinal"] = int(om.group(2) or om.group(3))
    cm = _COUNT.search(folded)
    if cm and not (intent.startswith("calendar.") and cm.group(1) in fold(str(out.get("title", ""))).split()):
        out["count"] = parse_number_word(cm.group(1))  # "the Workshop 6 meeting" asks for no 6 meetings
    pc = _PERCENT.search(folded)
    if pc:
        out["percent"] = int(pc.group(1))
    co = _COMMENT.search(text)
    if co and intent in {"calendar.decline", "calendar.tentative", "calendar.cancel", "calendar.accept"}:
        out["comment"] = co.group(1).strip()
    if intent.startswith("mail.search") or intent == "contacts.find":
        qm = _QUERY.search(text) or (_SEARCH_FOR.search(text) if intent == "mail.search" else None)
        if qm:
            words = strip_article(_QUERY_END.sub("", qm.group(1)).strip(" ,"))
            if words and not (people and fold(words) in {fold(p) for p in people}):
                out["query"] = words
        elif not people:
            sm = _SENDER.search(text)
            if sm:
                out["query"] = sm.group(1)
    lo = _LOCATION.search(text)
    if lo:
        out["location"] = lo.group(1)
    elif intent.startswith("calendar") and "location" not in out:
        pl = _PLACE.search(text)
        if pl and fold(pl.group(1).split()[0]) not in _NAME_STOP and not _NOT_A_NAME.match(fold(pl.group(1))):
            out["location"] = pl.group(1)
    return out
