"""French phrasings of office chat that say their intent in so many words (replies, small talk, requests), by rule.

Written in session 4 from the kinds of phrasing a French validation set showed the scorer reading poorly (terse,
SMS spellings, franglais, "dis non à l'invit", "c'est où la réu", "nouvelle task : ..."). Each pattern reads folded
text after `typos.read_shorthand` ("reu" is already "reunion"), and names the shape of a request, never one sentence.
`intents.reply_intent` consults `FR_REPLIES`, `intents.rule_intent` consults `FR_RULES` (after the rule tables of
alerts and out of office, before the To Do, calendar and mail rules), both in order.
"""

from __future__ import annotations

import re

__all__ = ["FR_REPLIES", "FR_RULES", "NOT_A_WRITE_FR", "OFF_TOPIC_FR", "QUESTION_FR", "SEND_TO_OTHERS_FR"]

_R = re.compile
_END = r"(?:[ ,]+(?:svp|stp|s'il (?:te|vous) plait|merci|please))*[ !.,?]*$"
_MEETING = (r"(?:reunions?|rendez-vous|rdv|meetings?|calls?|appels?|points?|revues?|comites?|ateliers?|entretiens?|visios?|"
            r"dejeuners?|evenements?|events?|invit(?:ation)?s?|seances?|formations?|conf(?:erence)?s?|sync|standup|"
            r"one-to-one|1:1|presentations?|demos?|kick-?off)")
_TASK = r"(?:taches?|tasks?|todos?|to do|trucs? a faire)"
_MAIL = r"(?:e-?mails?|mails?|courriels?|messages?)"
_DAY = (r"(?:aujourd'hui|demain|apres-demain|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce (?:matin|soir|week-end)|"
        r"cet apres-midi|cette semaine|la semaine|le \d|\d)")
# To Do rules stand aside for Planner, SharePoint and mail ("marque l'indicateur du mail d'Adele comme terminé")
_NOT_TODO = (r"(?!.*\b(?:planner|plans?|buckets?|compartiments?|sharepoint|e-?mails?|mails?|courriels?|messages?|"
             r"indicateurs?|drapeaux?|flag\w*)\b)")

# A message to other people (a mail, a reminder, a notice: "envoyer un e-mail à Sean sur les plans du week-end",
# "avertir Noah que la réunion est repoussée", "mets tout le monde au courant"): MIPA sends no mail, it declines
# (`intents.classify`, after the rules: "envoie-moi le lien" and "préviens-moi 10 minutes avant" are read before).
SEND_TO_OTHERS_FR = _R(r"^(?:(?:pouvez-vous|peux-tu|tu peux|svp|stp|s'il (?:te|vous) plait)[ ,]+)?(?:envoye[rz]?|envoie[rz]?|ecri(?:s|re|vez)|"
                       r"redige[rz]?|commence[rz]?|prepare[rz]?|compose[rz]?) (?:un |une |le |la |l'|mon |ma )?(?:nouvel? |nouvelle )?"
                       r"(?:e-?mails?|mails?|courriels?|courriers?(?: electroniques?)?|messages?|sms|textos?|rappels?|notes?|fichiers?|"
                       r"invitations?) (?:a|au|aux|sur|pour|de|du|concernant|au sujet)\b|^(?:nouvel? |nouveau )?(?:e-?mail|mail|courriel|"
                       r"message) (?:a|aux|au|sur|pour|concernant) |^(?:avertir|avertis|avertissez|aviser|avise[rz]?|alerte[rz]?|alerter|"
                       r"informe[rz]?|notifie[rz]?|previens|prevenir|prevenez) (?!moi\b|-moi\b|nous\b)|\b(?:mettre|mets|mettez) tout le "
                       r"monde au courant\b|^message (?:a|aux|au) |^rappeler a (?:tous|toutes|l'equipe|les)\b|^dire a "
                       r"(?!moi\b)[a-z]+ (?:que|qu')")

# A polite or blunt opening before the request: "pourriez-vous", "tu peux", "je veux".
_ASK = (r"(?:(?:pourriez-vous|pouvez-vous|vous pouvez|peux-tu|tu peux|tu pourrais|pourrais-tu|je veux|je voudrais|j'aimerais|"
        r"merci de|svp|stp|s'il (?:te|vous) plait)[ ,]+(?:m'|me )?)?")
_GREET = r"(?:bonjour|bonsoir|salut|coucou|hello|hey|hi|yo|re|rebonjour|hola)"

# Bookings with someone else and places looked for ("prends rendez-vous chez le coiffeur", "cherche un restaurant pour
# demain"): MIPA books nothing outside the person's calendar; declined before the scorer (`intents.classify`).
OFF_TOPIC_FR = _R(r"^(?:prends|prendre|prenez|reserve[rz]?|reserver|book(?:e[rz]?)?)(?:-moi| moi|-nous| nous)? (?:un |une )?"
                  r"(?:rendez-vous|rdv|creneau|place|table)\b.*\bchez\b|^(?:cherche[rz]?|trouve[rz]?|recommande[rz]?)"
                  r"(?:-moi| moi|-nous| nous)? (?:un|une|des|le|la|les) (?:bons? )?(?:restaurants?|restos?|hotels?|bars?|cafes?|"
                  r"boulangeries?|pharmacies?|brasseries?)\b")
# A question ("quelles tâches j'ai finies ?", "qu'est-ce qui est marqué d'un indicateur", "fait-il froid ?", "comment enlever
# une tâche de café") never becomes a write (`intents.classify` reads it as its read, or declines it).
QUESTION_FR = _R(r"^(?:(?:et|alors|dis|bon)[ ,]+)?(?:quel(?:le)?s? |qu'est-ce qui |qu'est ce qui |qu'est-ce qu'il y a |combien |"
                 r"lesquel\w* |comment |pourquoi |[a-z]+-t?-?(?:il|elle|on|ils|elles)\b)")
# "rappelle-moi pourquoi je suis venu", "ajoute du crédit sur ma carte": no task, whatever the scorer guesses
NOT_A_WRITE_FR = _R(r"^(?:rappelle|rappelez|rappeler)(?:-moi| moi)? (?:pourquoi|comment|qui|quand|ou|ce que|ce qu'|quel\w*|combien)\b"
                    r"|^(?:ajoute[rz]?|rajoute[rz]?|mets|remets) (?:du |de l')(?:credit|argent)\b")

FR_REPLIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("general.reject", _R(r"^(?:jamais de la vie|hors de question|non,? (?:c'est )?pas (?:ca|celui-la|celle-la|le bon|la bonne|"
                          r"les bons|ce(?:lui|lle)-ci)|(?:c'est )?pas (?:le bon|la bonne)(?: \w+)?|pas celui-la|pas celle-la|"
                          r"mauvais(?:e)? (?:choix|reunion|tache|personne)|non,? pas (?:maintenant|tout de suite)|pas tout de suite|"
                          r"absolument pas|non,? (?:ca|cela) ira|non merci,? (?:ca|cela) ira|(?:non )?(?:ca|cela) ira|"
                          r"(?:non,? )?(?:c'est |ce n'est |ca n'est )?pas (?:du tout )?ce que je (?:voulais|veux|demandais|"
                          r"cherchais|voulais dire))" + _END)),
    ("general.cancel", _R(r"^(?:(?:bon|bah|ben|ok|non|oh)[ ,]+)*(?:on arrete(?: la| tout| ici)?|on laisse tomber|laisse(?:z)? tomber"
                          r"(?: tout)?|(?:tu peux )?annuler? (?:tout )?(?:ca|cela)|annule|on annule|stop(?: tout)?|"
                          r"je (?:ne )?veux plus|on oublie(?: ca)?|pas la peine|oublie[zr]? (?:ce que|ce qu') ?(?:j'ai|je t'ai|je vous ai) "
                          r"(?:dit|demande)|je (?:prefere|vais) (?:abandonner|annuler|laisser tomber|arreter(?: la)?))" + _END)),
    ("general.confirm", _R(r"^(?:(?:ok|oui|yes|parfait|super|top)[ ,]+)*(?:c'est tout bon|tout bon|ca roule|banco|carrement|"
                           r"yes(?: go| vas-y| c'est bon)?|ok go|go go|oui,? c'est (?:ca|bon|parfait)|ok (?:c'est bon|ca marche|"
                           r"ca me va|vas-y)|(?:parfait|ok|oui),? (?:confirme|je confirme|valide|envoie|fais-le|fais le)|"
                           r"c'est parfait|ca me va|valide|je valide|ok pour (?:l'instant|le moment|maintenant|moi)|"
                           r"(?:oui|ok|d'accord)[ ,]+(?:je (?:vous|t') en prie|avec plaisir|bien sur|volontiers))" + _END)),
    ("general.help", _R(r"^(?:(?:euh|bon|alors|dis|dites)[ ,]+)?(?:a l'aide|au secours|(?:un )?coup de (?:pouce|main)|"
                        r"besoin d'(?:un coup de (?:pouce|main)|aide|assistance)|a quoi (?:tu sers|sers-tu|vous servez|servez-vous|"
                        r"(?:ca|cela|ce bot|ce truc|mipa) sert)|(?:t'es|tu es|vous etes) qui(?: toi| vous)?|qui es-tu|"
                        r"qui etes-vous|c'est quoi (?:ce bot|mipa|ce truc|ce machin)|comment (?:ca|cela) (?:marche|fonctionne)"
                        r"(?: ce bot| mipa| ce truc| ici)?|(?:je peux|on peut|puis-je) (?:te|vous) demander quoi|"
                        r"(?:que|qu'est-ce que|qu'est ce que) (?:je peux|puis-je|on peut) (?:te |vous )?demander|"
                        r"tu (?:sais|peux) faire quoi|tu fais quoi(?: exactement)?|vous faites quoi|tes? (?:fonctions|commandes)|"
                        r"je (?:ne )?comprends (?:pas|rien)(?: comment (?:ca|tu) (?:marche|fonctionnes?)| comment "
                        r"(?:t'|vous |l'|le |la )?utiliser)?|je suis perdue?|(?:quelles?|les) (?:commandes|fonctions|"
                        r"fonctionnalites)(?: (?:je peux|puis-je|on peut) (?:taper|utiliser|demander|faire))?|"
                        r"je (?:ne )?sais pas quoi (?:faire|demander)|(?:la )?liste des commandes|mode d'emploi)" + _END)),
    ("general.thanks", _R(r"^(?:(?:ok|super|top|parfait|nickel|cool|genial|impeccable|excellent|bien|ah|oh)[ ,!]+)*(?:mille merci?s?|"
                          r"merci(?: (?:beaucoup|bien|bcp|infiniment|encore))?[ ,!]+(?:c'est|t'es|tu es|vous etes|ca) (?:parfait|"
                          r"top|nickel|super|gentil|genial|cool|au top|impeccable|tres bien|bon|clair|note)|merci pour (?:tout|ca|"
                          r"cela|le coup|ton aide|votre aide|l'info|les infos)|merci du coup de main|c'est gentil(?: merci)?|"
                          r"(?:je te |je vous )?remercie)" + _END)),
)

FR_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # the mailbox and its flags, named without a verb: "mails flag", "les mails d'hier", "j'ai reçu quoi ce matin"
    ("mail.flagged", _R(r"^(?:mes |les )?" + _MAIL + r" (?:flag|flagged)" + _END)),
    ("mail.list", _R(r"^(?:qu'est-ce que |qu'est ce que )?(?:j'ai recu|ai-je recu) (?:quoi|quelque chose|des (?:nouveaux )?" + _MAIL +
                     r")\b(?! (?:de |d'|par ))|^(?:j'ai )?(?:combien (?:de |d'))?" + _MAIL + r" (?:pas|non) lus?\b|"
                     r"^(?:les |mes |des )?(?:nouveaux )?" + _MAIL + r" (?:d'hier|de ce matin|d'aujourd'hui|du jour|de la semaine|"
                     r"de la journee|recus|arrives?)\b(?!.*(?:\b(?:de|par|sur|au sujet|concernant) [a-z]|\bd'[a-z]))|"
                     r"^(?:j'ai )?combien (?:de |d')" + _MAIL + r" (?:pas |non )lus\b")),
    # a sender: "qu'est-ce que Dupuis m'a envoyé", "les emails que Karim a envoyés", "des nouvelles de Megan ?"
    ("mail.search", _R(r"^(?!.*\b(?:fichiers?|docs?|documents?|liens?|invit\w*|partage\w*)\b).*\bm'(?:a|ont) envoyee?s?\b"
                       r"|" + _MAIL + r" que [a-z][\w-]* (?:m'a|a|m'ont|ont) (?:envoye|ecrit)|^(?:des |j'ai des |as-tu des |t'as des )?"
                       r"nouvelles (?:de|d') ?[a-z]")),
    # contacts: a number or an address given to save, an address book
    ("contacts.add", _R(r"^(?:sauve|sauvegarde|enregistre|note|garde|memorise|ajoute)[rz]? (?:le |ce |son |un |leur )?(?:numero|telephone|"
                        r"portable|mobile|e-?mail|adresse)\b.*(?:\d\d[ .]?\d\d|@)|\b(?:ajoute[rz]?|ajouter|rajoute[rz]?|mets|mettre|"
                        r"enregistre[rz]?)\b.*\b(?:carnet d'adresses?|repertoire)\b")),
    ("contacts.find", _R(r"^comment (?:je peux |puis-je |on peut |peut-on |pour |faire pour )?(?:joindre|contacter|appeler) "
                         r"(?!la |le |l')[a-z](?!.*\b" + _MEETING + r"\b)")),
    # invitations answered in so many words: "non pour l'invit de demain", "je veux pas aller à la réunion, dis non"
    ("calendar.decline", _R(r"^non (?:pour|a|au) (?:l'|la |le |mon |ma )?.*\b" + _MEETING + r"\b|\b(?:dis|dites|reponds|repondez) non\b"
                            r"(?=.*\b" + _MEETING + r"\b)|\b" + _MEETING + r"\b.*\b(?:dis|dites|reponds|repondez) non\b|"
                            r"\bje (?:ne )?(?:peux|pourrai|pourrais|veux|vais) pas (?:venir|assister|participer|y aller|aller)\b"
                            r"(?=.*\b(?:" + _MEETING[3:-1] + r"|refuse\w*|decline\w*)\b)")),
    ("calendar.accept", _R(r"^(?:dis|dites|reponds|repondez|repondre) oui (?:a|au|aux|pour)\b.*\b" + _MEETING + r"\b"
                           r"|\bconfirme[rz]? (?:ma|ta|sa) (?:presence|participation)\b|^valide[rz]? (?:l'|la |mon |ma )?invitation")),
    ("calendar.tentative", _R(r"^(?:repondre|reponds|repondez|dis|dites|mets?)\W+peut-etre\b.*\b" + _MEETING + r"\b")),
    # a meeting's length, room, attendees and cancellation, said with verbs the scorer reads poorly
    ("calendar.update", _R(r"^" + _ASK + r"(?:raccourcis|raccourci[rz]|rallonge[rz]?|prolonge[rz]?|ecourte[rz]?) (?:le |la |l'|mon |ma )"
                           r"(?:\w+ )?" + _MEETING + r"\b|^(?:mets|mettre|deplace[rz]?|passe[rz]?) (?:le |la |l'|mon |ma )(?:[\w-]+ ){0,3}?"
                           + _MEETING + r"\b.*\b(?:dans|en) (?:la )?salle\b|^(?:retire[rz]?|enleve[rz]?) (?!la |le |les |l')[a-z][\w-]* "
                           r"(?:de|du) (?:la |l'|le |ma |mon )?(?:liste des (?:participants|invites) (?:de |du |de la )?)?(?:\w+ )?"
                           + _MEETING + r"\b|^(?:bouge[rz]?|deplace[rz]?|decale[rz]?) (?:le |la |l'|mon |ma )?(?:\w+ )?" + _MEETING +
                           r"\b.*(?:\b(?:vers|a|au|pour)\b|->)")),
    ("calendar.cancel", _R(r"^(?:deprogramme[rz]?|jette[rz]?|jeter|annule[rz]?) (?:le |la |l'|mon |ma |les |mes )?(?:\w+ )?" + _MEETING +
                           r"\b|^(?:plus|pas) besoin (?:du|de la|de l'|de ce|de cette|de mon|de ma) (?:\w+ )?" + _MEETING + r"\b")),
    ("calendar.create", _R(r"^" + _ASK + r"(?:cale|bloque|reserve|garde|pose)[rz]?(?:-moi| moi)? (?:un |une )?(?:creneau|moment|"
                           r"\d+ ?(?:h|heures?|min\w*)|une heure|une demi-heure)\b(?!.*\b(?:chez|restaurant|table|taxi|vols?|hotel|"
                           r"train|billets?|salle|libre)\b)|^" + _ASK + r"(?:mettre|mets|met|poser|pose|caler|cale|ajouter|ajoute|"
                           r"rajoute)(?:-moi| moi)? (?:un|une) (?:rdv|rendez-vous|reunion|meeting|call|point|visio|dejeuner)\b"
                           r"(?!.*\b(?:chez|restaurant|table)\b)")),
    ("calendar.availability", _R(r"\b(?:j'ai|ai-je|aurai-je|j'aurai|est-ce que j'ai) (?:(?:du|le|un peu de) temps pour|un moment|"
                                 r"un creneau|un trou|de la place)\b|\bje suis free\b")),
    ("calendar.details", _R(r"^(?:les? |la |l')?(?:description|ordre du jour|infos?|informations?|details?) (?:(?:du|de la|de l'|de mon|"
                            r"de ma|sur (?:le|la|l'|mon|ma)|pour (?:le|la|l')) )?(?:prochaine? )?" + _MEETING + r"\b"
                            r"|^ou (?:sont|est|se trouvent?|ont lieu|a lieu|se passent?) (?:mes|ma|mon|la|le|les) .*\b" + _MEETING + r"\b"
                            r"|^(?:c'est )?quoi (?:la|le|l') ?(?:salle|lieu|duree|sujet|ordre du jour)\b.*\b" + _MEETING + r"\b"
                            # "est-ce que Nancy sera à la réunion ?", "quand est le concert ?", "réunion de 15h lieu ?"
                            r"|^est-ce que (?!je\b|j')[a-z][\w-]* (?:sera|vient|viendra|participe|assiste|est invitee?) (?:a|au|aux)\b"
                            r"|^quand (?:est|a lieu|aura lieu|commence|se passe) (?:mon |ma |notre |(?:le |la |l')(?:prochaine? )?(?:"
                            + _MEETING[3:-1] + r"|concert|seminaire|spectacle|soiree)\b)(?!.*\b(?:libre|dispo\w*)\b)"
                            r"|^(?:la |le |ma |mon )?" + _MEETING + r"\b.*\b(?:lieux?|salle|emplacement|participants)[ ?!.]*$")),
    ("calendar.update", _R(r"\b(?:changer?|changez) de salle\b|\b(?:passer|aller) (?:a|dans) une? autre salle\b")),
    ("calendar.agenda", _R(r"^(?:j'ai|ai-je|qu'ai-je) quoi (?:de prevu )?" + _DAY + r"|\bm'attend quoi\b|^(?:et )?(?:qu'est-ce qui|"
                           r"qu'est ce qui) m'attend\b(?!.*\b(?:taches?|to ?dos?)\b)|^(?:les |mes )(?:rdv|rendez-vous|reunions|meetings|"
                           r"calls|appels|evenements) (?:de |du |d')?" + _DAY + r"(?!.*\b(?:ou|qui|lieu|salle|participants?|lien|libre|"
                           r"dispo\w*)\b)")),
    # To Do: "tâche pour demain : ...", "à faire : ...", "faut que je pense à ...", "ajouter « X » à mes tâches"
    ("todo.add", _R(r"^(?:nouvelle |une )?(?:tache|task|todo) pour " + _DAY + r"\b|^a faire ?: ?\w|^(?:il )?(?:faut|faudrait) que je "
                    r"(?:pense|pensais|n'oublie pas) (?:a|de)\b|^" + _ASK + r"(?:ajoute[rz]?|ajouter|rajoute[rz]?|mettre|mets|inscris|"
                    r"inscrire|noter|note[rz]?) " + _NOT_TODO + r".+ (?:a|dans|sur) (?:ma|mes) (?:taches|to[ -]?dos?|liste de taches)\b")),
    ("todo.list", _R(r"^(?:montre|affiche|donne|liste)(?:-moi| moi)? (?:les )?choses (?:que je dois|a) faire\b|\b(?:besoin de quoi|"
                     r"quoi acheter)\b.*\b(?:courses|liste)\b")),
    ("todo.complete", _R(r"\b(?:tache|task|todo) " + _NOT_TODO + r".+ (?:est|a ete) (?:achevee?|terminee?|finie?|faite?|bouclee?|"
                         r"reglee?)\b")),
    ("digest.today", _R(r"^(?:resume|recap)[rz]?(?:-moi| moi) (?:aujourd'hui|ma journee|la journee)" + _END)),
    # small talk the phrase lists of intents.py lack
    ("general.undo", _R(r"^(?:(?:oups|oops|zut|mince|stp|svp)[ ,!]+)*" + _ASK + r"(?:retour (?:en )?arriere|ctrl[ -]?z|"
                        r"(?:fais|faire|fait) (?:un )?undo|annule[rz]? (?:l'action|l'operation|la modif\w*|le changement|ce changement)"
                        r"(?: precedente?| d'avant| que (?:tu|vous) (?:viens|venez) de (?:faire|modifier|changer))?|annule[rz]? "
                        r"(?:ma|la|ta|mon|le|ton) (?:derniere|precedente|dernier|precedent) \w+|reviens? (?:tout )?comme avant|"
                        r"reviens? (?:un pas |une etape )?en arriere|remets? (?:tout |les choses )?comme (?:avant|c'etait|c'etait avant))"
                        + _END + r"|\bdefai[st](?:-le|-la)?\b(?! (?:la|ma|mes|les|cette|une?) (?:valise|lit|noeud|tache|liste)\b)"
                        r"|\bdefaire (?:ca|cela|ce que|la (?:derniere )?modif\w*|le (?:dernier )?changement)")),
    ("general.more", _R(r"^(?:et )?" + _ASK + r"(?:(?:voir|montrer|afficher|montre|affiche|voir|donne)(?:-moi| moi)? )?"
                        r"(?:les autres|d'autres|les suivant(?:e)?s|la suite(?: de la liste| des resultats)?|"
                        r"(?:la |une )?page (?:suivante|d'apres|2|deux))" + _END +
                        r"|^" + _ASK + r"(?:m'en |en )?(?:montre[rz]?|donne[rz]?|affiche[rz]?|voir)(?:-m'en| m'en|-moi| moi)? "
                        r"(?:plus|davantage|d'autres|encore)(?: de resultats)?" + _END)),
    ("general.greeting", _R(r"^" + _GREET + r"(?:[ ,!]+" + _GREET + r")*(?:[ ,!]+(?:mipa|toi|a toi|a vous|l'assistant|"
                            r"tout le monde))?(?:[ ,!]+(?:tu es la|t'es la|vous etes la|j'espere que (?:tu vas|vous allez) "
                            r"bien|comment vas-tu|comment allez-vous|ca va))?" + _END)),
    # mail: a message put "en suivi" / "à suivre" is flagged; "m'a écrit" and "envoyés par" are searches
    ("mail.flag", _R(r"^(?:mets|mettre|met|marque[rz]?|passe[rz]?)\b.*\b" + _MAIL + r"\b.*\b(?:en suivi|a suivre|pour suivi)\b")),
    ("mail.search", _R(r"\b(?:m'a|m'ont|m'a-t-il|m'a-t-elle) (?:ecrit|repondu|envoye (?:un |des )?(?:e-?mails?|mails?|messages?|"
                       r"courriels?))\b|\b" + _MAIL + r" (?:envoyes?|recus?|ecrits?) par\b|^(?:ou est|ou sont|j'ai recu) "
                       r"(?:le|les|un|des|ce) " + _MAIL + r"\b")),
    ("mail.list", _R(r"^(?:montre|affiche|lis|check|voir|ouvre)(?:-moi| moi)? (?:mes|les) (?:derniers |nouveaux |\d+ )?"
                     r"(?:e-?mails|mails|courriels|messages)(?: (?:recents|non lus|du jour|d'aujourd'hui|de (?:ce matin|cet "
                     r"apres-midi|aujourd'hui|hier|la journee)))?" + _END)),
    # contacts: someone's address, phone or job title
    ("contacts.find", _R(r"^(?:c'est quoi|quel(?:le)? est|donne(?:-moi| moi)?|j'ai besoin de|tu as|t'as) (?:l'adresse |le )?"
                         r"(?:l'e-?mail|e-?mail|mail|adresse e-?mail|adresse mail) (?:de|d') ?[a-z][\w'-]*(?: [a-z][\w'-]*)?"
                         + _END + r"|^(?:c'est quoi |quel(?:le)? est |donne(?:-moi| moi)? )?(?:le |la )?(?:poste|fonction) "
                         r"(?:de|d') ?(?!mon |ma |la |le |l')[a-z][\w-]*(?: [a-z][\w-]*)?" + _END)),
    ("contacts.add", _R(r"^(?:mets|mettre|met|rajoute[rz]?)\b.*\b(?:dans|a) (?:mes|les) contacts\b")),
    # To Do
    ("todo.complete", _R(r"^(?:tache|task|todo) .+ ?: ?(?:terminee?|faite?|finie?|done|ok|fait)" + _END +
                         r"|^done (?:pour )?\w" + _NOT_TODO + r"|^(?:c'est )?fait pour (?:le |la |les |l')?\w" + _NOT_TODO +
                         r"|^(?:complete[rz]?|termine[rz]?|coche[rz]?|valide[rz]?|finis|clos|cloture[rz]?) (?:la |ma |cette )?"
                         + _TASK + r"\b" + _NOT_TODO +
                         r"|^(?:mets|met|passe[rz]?|marque[rz]?) " + _NOT_TODO + r".+ (?:en|a|comme) (?:fait|faite|done|termine|"
                         r"terminee)" + _END)),
    ("todo.delete", _R(r"^(?:vire[rz]?|degage[rz]?|oublie[rz]?) (?:la |ma |cette )?" + _TASK + r"\b" + _NOT_TODO)),
    ("todo.add", _R(r"^(?:(?:nouvelle|nouveau|new|une|un) )?(?:task|tache|todo|to do)(?: importante| urgente| perso| pro)? ?: ?\w"
                    + r"|^(?:cree[rz]?|creer|ajoute[rz]?|ajouter|ajout|add|rajoute[rz]?) (?:un |une |a (?:ma |mes )?|dans (?:ma |mes )?)?"
                    r"(?:nouvelle |nouveau )?(?:to[ -]?do|task|tache)\b(?! (?:planner|dans planner|au plan|dans le plan))" + _NOT_TODO +
                    r"(?!.*\b(?:e-?mails?|mails?|courriels?|messages?)\b)" +
                    r"|^note ?: ?\w|^note (?:de |d'|que |qu')\w|^(?:pense|pensez) a (?:me rappeler|me faire penser|noter)\b"
                    r"|^(?:me )?rappeler (?:de |d')\w|^rappel(?: pour)? (?:demain|ce soir|lundi|mardi|mercredi|jeudi|vendredi|"
                    r"samedi|dimanche|\d{1,2} ?h)\b" + r"|^rappel ?: ?\w")),
    ("todo.list", _R(r"^(?:c'est quoi|quels? sont|quelles sont|montre(?:-moi| moi)?|affiche|check|voir|liste) (?:mes|les) "
                     r"(?:to ?dos?|tasks?|taches|trucs a faire)\b(?!.*\b(?:reunions?|rendez-vous|rdv)\b)" + _NOT_TODO +
                     r"|^(?:qu'est-ce qu'il|qu'est ce qu'il|il) (?:me )?reste (?:quoi )?a faire\b" + _NOT_TODO +
                     r"|^(?:il )?me reste quoi a faire\b" + _NOT_TODO +
                     r"|^(?:a|choses a|trucs a) faire (?:pour )?(?:aujourd'hui|demain|cette semaine|ce soir|lundi|mardi|mercredi|"
                     r"jeudi|vendredi)" + _END)),
    # calendar
    ("calendar.accept", _R(r"^(?:dis|dites|reponds|repondez|repondre) oui (?:a|pour) .*\b" + _MEETING + r"\b"
                           r"|^(?:confirme[rz]?|confirmer) (?:ma|ta|sa) (?:presence|participation)\b")),
    ("calendar.decline", _R(r"^(?:dis|dites|reponds|repondez|repondre) non (?:a|pour) .*\b" + _MEETING + r"\b"
                            r"|\bje ne (?:participerai|serai|pourrai) pas\b.*\b(?:refuse|decline)")),
    ("calendar.tentative", _R(r"\bprovisoire\b.*\b" + _MEETING + r"\b|\b" + _MEETING + r"\b.*\bprovisoire\b"
                              r"|^(?:reponse|repondre|reponds) provisoire\b|^peut[- ]etre pour (?:la|le|l'|mon|ma) .*\b"
                              + _MEETING + r"\b|\bviendrai peut[- ]etre\b")),
    ("calendar.cancel", _R(r"^(?:annule[rz]?|supprime[rz]?|efface[rz]?) (?:tous|toutes) (?:mes|les) (?:reunions|rendez-vous|rdv|"
                           r"meetings|calls|evenements)\b|^annulation (?:du|de la|de l'|de mon|de ma|des) .*\b" + _MEETING + r"\b"
                           r"|\b" + _MEETING + r"\b.*,? (?:annule|vire|supprime|efface|degage)[rz]?(?:-le|-la| le| la)" + _END)),
    ("calendar.update", _R(r"^(?:peux-tu |tu peux |pouvez-vous )?(?:bouge[rz]?|recule[rz]?|retarde[rz]?) (?:le |la |l'|mon |ma )"
                           r"(?:\w+ )?" + _MEETING + r"\b|\b" + _MEETING + r"\b.* (?:doit|devrait|va) (?:passer|etre) (?:a|au|"
                           r"pour) (?:\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain)|^renomme[rz]? (?:le |la |l'|mon |ma )(?:\w+ )?" + _MEETING + r"\b|^(?:ajoute[rz]?|"
                           r"rajoute[rz]?|invite[rz]?) [a-z][\w-]*(?: (?:et|,) [a-z][\w-]*)* (?:a (?:la |ma |le |mon |l')|au |aux )"
                           + _MEETING + r"\b")),
    ("calendar.create", _R(r"^(?:prends|prendre|pose[rz]?|book(?:e)?) (?:un |une )?(?:rdv|rendez-vous|reunion|meeting|call)\b"
                           r"(?!.*\b(?:chez|restaurant|table|taxi|vols?|hotel|train)\b)")),
    ("calendar.availability", _R(r"\b(?:trous?|creneaux? libres?|temps libre|du temps libre) dans (?:mon|l') ?(?:agenda|calendrier|"
                                 r"planning|emploi du temps)\b|^quand (?:est-ce que |est ce que )?(?:puis-je|je peux|peut-on|on peut|"
                                 r"pourrais-je) (?:caler|placer|mettre|prevoir|trouver|organiser)\b|^quand (?:est-ce que |est ce "
                                 r"que )?[a-z][\w-]* (?:a|aura) (?:du temps|un moment|un creneau)\b")),
    ("calendar.details", _R(r"^(?:c'est|ca se passe|ca a lieu) (?:ou|quand|a quelle heure|dans quelle salle) (?:la|le|l'|mon|ma) .*"
                            + _MEETING + r"\b|^(?:(?:le |la |l')?(?:lieu|emplacement|salle|duree|liste des participants|participants|"
                            r"invites)) (?:du|de la|de l'|de mon|de ma|de notre|pour le|pour la) (?:prochaine? |derniere? )?" + _MEETING +
                            r"\b|\bla liste des (?:participants|invites)\b|\b(?:a propos|au sujet) (?:de|du) (?:ma|mon|la|le|notre) "
                            r"(?:prochaine? )?" + _MEETING + r"\b(?!.*\b(?:e-?mails?|mails?|courriels?|messages?)\b)|\binfos? (?:sur|de|du|pour|concernant) (?:le|la|l'|mon|ma) .*\b" + _MEETING + r"\b")),
    ("calendar.join", _R(r"\blien (?:de connexion|de la visio|teams|zoom|de la reunion|pour rejoindre)\b|"
                         r"\blien (?:pour|de|du|de la|de l') (?:le |la |l'|mon |ma )?(?:\w+ )?" + _MEETING + r"\b|^(?:commencer|demarrer|"
                         r"demarre[rz]?|lance[rz]?|lancer|ouvre[rz]?|ouvrir) (?:la|ma|le|mon) (?:reunion|visio|call|appel|meeting|"
                         r"conference)(?: teams| en ligne)?" + _END)),
    ("calendar.agenda", _R(r"^(?:montre[zr]?|affiche[zr]?|obtenir|obtiens|voir)(?:-moi| moi)? (?:la|le|l'|les|mes|mon|ma) "
                           r"(?:rencontres?|rendez-vous|reunions?|rdv|evenements?|meetings?)\b(?! (?:de|d'|du) \d)(?!.*\b(?:lieu|salle|"
                           r"participants?|invites?|lien|duree)\b)"
                           r"|^combien (?:de|d') (?:reunions|rendez-vous|rdv|meetings|calls|evenements)\b"
                           r"|^(?:(?:a|vers|de) \d{1,2} ?(?:h|heures?)\w* )?(?:ai-je|est-ce que j'ai|j'ai) (?:une |des |un )?(?:reunions?|"
                           r"rendez-vous|rdv|meetings?|calls?|evenements?)\b(?!.*\b(?:ou|qui|lieu|salle|participants?|lien|libre|dispo\w*)\b)"
                           r"|\bma journee (?:de |d')?(?:demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b.*\bchargee?\b"
                           r"|^(?:calendrier|agenda|planning) (?:de |du |d')?(?:demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                           r"dimanche|le \d|\d)")),
    # Planner: a progress percentage is Planner's (To Do has none)
    ("planner.complete", _R(r"^(?:mets|met|passe[rz]?|avancement|progression)\b.*\b\d{1,3} ?(?:%|pour ?cent)")),
)
