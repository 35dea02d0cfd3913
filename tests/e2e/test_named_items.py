"""Items named by their title, over HTTP in English and French (issue 20): meetings, To Do and Planner tasks,
plans and SharePoint lists found by what the person calls them, with typos, accents and number words; the
right item moved or completed in the sandbox; a short picker when several match; a plain "no" when none does.

The demo tenant names each person's week by their language: Adele (English) has "Q3 budget check-in",
"Team lunch", "Workshop 1..7" (4 is today's date, so there is none) and "Call with the West Coast" tomorrow;
Camille (French) has "Budget Q3", "Déjeuner d'équipe", "Atelier 1..7" and "Appel avec Seattle". Workshops 5
and 6 are invitations, 7 (in three days) is organised by the person.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.e2e.test_calendar import card_text, cards, joined, local, view
from tests.e2e.test_tasks_support import (
    ADELE,
    CAMILLE,
    card_of,
    facts_of,
    plain_texts,
    todo_lists,
    todo_tasks,
)
from tests.support.bot import BotServer, Conversation
from tests.support.clock import day_start

PARIS = "Europe/Paris"


def english(bot: BotServer) -> Conversation:
    return bot.conversation(user_id=ADELE, timezone=PARIS)


def french(bot: BotServer) -> Conversation:
    return bot.conversation(user_id=CAMILLE, locale="fr-FR", timezone=PARIS)


def week(client: httpx.Client) -> list[dict[str, Any]]:
    start = day_start(PARIS, -7)
    return view(client, start, start + timedelta(days=30), PARIS)


def starts(client: httpx.Client) -> dict[str, datetime]:
    """Subject -> start of every meeting of the demo fortnight except the daily series."""
    return {e["subject"]: local(e["start"], PARIS) for e in week(client) if e.get("type") != "occurrence"}


def shown(replies: list[dict[str, Any]]) -> str:
    """Every text and card string of the replies."""
    return joined(replies) + "\n" + "\n".join(card_text(c) for c in cards(replies))


def open_titles(client: httpx.Client) -> dict[str, str]:
    """Title -> status of every task of the default To Do list."""
    default = next(li for li in todo_lists(client) if li["wellknownListName"] == "defaultList")
    return {t["title"]: t["status"] for t in todo_tasks(client, default["id"])}


# ---- meetings shown by title -------------------------------------------------------------------------
async def test_when_is_the_call_with_the_west_coast(bot: BotServer, at: Any) -> None:
    at("08:00", PARIS)  # the Contoso review at 10:00 is the next meeting: it must not be the one shown
    replies = await english(bot).say("when is the call with the west coast?")
    text = shown(replies)
    assert "Call with the West Coast" in text
    assert "Contoso project review" not in text and "Which meeting" not in text


async def test_who_is_coming_to_the_team_lunch(bot: BotServer, at: Any) -> None:
    at("08:00", PARIS)
    text = shown(await english(bot).say("who is coming to the team lunch?"))
    assert "Team lunch" in text and "Camille Dubois" in text  # the lunch's attendee, not the review's
    assert "Contoso project review" not in text


async def test_tell_me_about_the_workshop_6_meeting(bot: BotServer, at: Any) -> None:
    at("08:00", PARIS)
    text = shown(await english(bot).say("tell me about the Workshop 6 meeting"))
    assert "Workshop 6" in text
    assert "Workshop 5" not in text and "Workshop 7" not in text and "Contoso project review" not in text


async def test_parle_moi_de_l_atelier_6_shows_it_and_answers_nothing(bot: BotServer, sandbox: Any, at: Any) -> None:
    at("08:00", PARIS)
    text = shown(await french(bot).say("parle-moi de l'atelier 6"))
    assert "Atelier 6" in text and "Atelier 5" not in text and "Atelier 7" not in text
    assert "Organisateur" in text and "provisoirement" not in text  # its details, not "answer tentatively?"
    assert not any(r["method"] == "POST" for r in sandbox.requests())


async def test_french_lunch_without_accents_and_the_west_coast_call(bot: BotServer, at: Any) -> None:
    at("08:00", PARIS)
    conv = french(bot)
    text = shown(await conv.say("qui vient au dejeuner d'equipe ?"))
    assert "Déjeuner d'équipe" in text and "Revue du projet Contoso" not in text
    text = shown(await conv.say("quand est l'appel avec Seattle ?"))  # "Seattle" is in the title, not a guest
    assert "Appel avec Seattle" in text and "Je ne trouve" not in text


async def test_typo_in_the_title_still_finds_it(bot: BotServer, at: Any) -> None:
    at("08:00", PARIS)
    text = shown(await english(bot).say("when is the call with the wets cost?"))
    assert "Call with the West Coast" in text


# ---- meetings moved by title ---------------------------------------------------------------------------
async def test_move_budget_to_6pm(bot: BotServer, graph_as: Any, at: Any) -> None:
    now = at("08:00", PARIS)
    client = graph_as(ADELE)
    before = starts(client)
    conv = english(bot)
    confirm = shown(await conv.say("move budget to 6pm"))
    assert "Q3 budget check-in" in confirm and "Which meeting" not in confirm
    assert starts(client) == before  # nothing moved before the yes
    await conv.say("yes")
    after = starts(client)
    assert after["Q3 budget check-in"] == now.replace(hour=18, minute=0)
    assert {k: v for k, v in after.items() if k != "Q3 budget check-in"} == \
        {k: v for k, v in before.items() if k != "Q3 budget check-in"}


async def test_move_workshop_7_to_friday(bot: BotServer, graph_as: Any, at: Any) -> None:
    now = at("08:00", PARIS)
    client = graph_as(ADELE)
    before = starts(client)
    conv = english(bot)
    confirm = shown(await conv.say("move Workshop 7 to Friday"))
    assert "Workshop 7" in confirm and "Workshop 6" not in confirm
    await conv.say("yes")
    after = starts(client)
    moved = after["Workshop 7"]
    assert moved.weekday() == 4 and (moved.hour, moved.minute) == (14, 0)  # Friday, at the same time
    assert now.date() <= moved.date() <= now.date() + timedelta(days=7)
    assert after["Workshop 6"] == before["Workshop 6"] and after["Workshop 5"] == before["Workshop 5"]


async def test_annule_l_atelier_7_cancels_that_one(bot: BotServer, graph_as: Any, at: Any) -> None:
    at("08:00", PARIS)
    client = graph_as(CAMILLE)
    before = starts(client)
    conv = french(bot)
    confirm = shown(await conv.say("annule l'atelier 7"))  # was read as "never mind"
    assert "Atelier 7" in confirm and "Atelier 6" not in confirm
    assert starts(client) == before  # nothing cancelled before the yes
    await conv.say("oui")
    after = starts(client)
    assert "Atelier 7" not in after and after["Atelier 6"] == before["Atelier 6"]


async def test_deplace_l_atelier_7_a_jeudi_10h(bot: BotServer, graph_as: Any, at: Any) -> None:
    now = at("08:00", PARIS)
    client = graph_as(CAMILLE)
    before = starts(client)
    conv = french(bot)
    confirm = shown(await conv.say("déplace l'atelier 7 à jeudi 10h"))
    assert "Atelier 7" in confirm and "Je ne trouve" not in confirm
    await conv.say("oui")
    after = starts(client)
    moved = after["Atelier 7"]
    assert moved.weekday() == 3 and (moved.hour, moved.minute) == (10, 0)
    assert now.date() <= moved.date() <= now.date() + timedelta(days=7)
    assert after["Atelier 6"] == before["Atelier 6"]


async def test_french_words_and_number_words_find_the_english_title(bot: BotServer, graph_as: Any,
                                                                     at: Any) -> None:
    at("08:00", PARIS)
    client = graph_as(ADELE)
    conv = bot.conversation(user_id=ADELE, locale="fr-FR", timezone=PARIS)
    confirm = shown(await conv.say("déplace l'atelier sept à jeudi 10h"))
    assert "Workshop 7" in confirm
    await conv.say("oui")
    moved = starts(client)["Workshop 7"]
    assert moved.weekday() == 3 and (moved.hour, moved.minute) == (10, 0)


async def test_answer_invitations_named_by_title(bot: BotServer, graph_as: Any, at: Any) -> None:
    at("08:00", PARIS)
    conv = french(bot)
    confirm = shown(await conv.say("accepte l'atelier 6"))
    assert "Atelier 6" in confirm and "Atelier 5" not in confirm
    await conv.say("oui")
    answers = {e["subject"]: e["responseStatus"]["response"] for e in week(graph_as(CAMILLE))}
    assert answers["Atelier 6"] == "accepted" and answers["Atelier 5"] != "accepted"
    text = shown(await conv.say("c'est quand le déjeuner d'équipe ?"))
    assert "Déjeuner d'équipe" in text and "Revue du projet Contoso" not in text
    conv = english(bot)
    confirm = shown(await conv.say("decline the workshop 5 invitation because I'm busy"))
    assert "Workshop 5" in confirm and "Workshop 6" not in confirm
    await conv.say("yes")
    subjects = {e["subject"] for e in week(graph_as(ADELE))}
    assert "Workshop 5" not in subjects and "Workshop 6" in subjects  # a declined meeting leaves the calendar


# ---- several match, none matches -----------------------------------------------------------------------
async def test_several_workshops_match_a_short_picker_then_the_chosen_one(bot: BotServer, at: Any) -> None:
    at("08:00", PARIS)
    conv = english(bot)
    replies = await conv.say("who is coming to the workshop?")
    question = shown(replies)
    assert "Which meeting" in question
    # the coming workshops only, and nothing else of the week
    assert all(f"Workshop {n} —" in question for n in (5, 6, 7)) and question.count("Workshop ") == 3
    assert "Team lunch" not in question and "Contoso" not in question
    text = shown(await conv.say("the second one"))
    assert "Workshop 6" in text and "Workshop 5" not in text
    text = shown(await conv.say("when is the next workshop?"))  # "next": the first coming one, no question
    assert "Workshop 5" in text and "Which meeting" not in text and "Workshop 6" not in text


async def test_no_meeting_has_that_name(bot: BotServer, graph_as: Any, at: Any, sandbox: Any) -> None:
    at("08:00", PARIS)
    conv = english(bot)
    text = shown(await conv.say("tell me about the Workshop 9 meeting"))
    assert 'I found no meeting called "Workshop 9"' in text
    assert not cards(await conv.say("when is the board dinner?")) and "Contoso" not in text
    client = graph_as(CAMILLE)
    before = starts(client)
    sandbox.clear_requests()
    text = shown(await french(bot).say("déplace l'atelier 9 à jeudi 10h"))
    assert "Je ne trouve aucune réunion appelée « atelier 9 »" in text
    assert starts(client) == before
    assert [r for r in sandbox.requests() if r["method"] != "GET"] == []


# ---- tasks ---------------------------------------------------------------------------------------------
async def test_mark_the_supplier_task_as_done(bot: BotServer, graph_as: Any) -> None:
    client = graph_as(ADELE)
    before = open_titles(client)
    conv = english(bot)
    confirm = card_of(await conv.say("mark the supplier task as done"))
    assert facts_of(confirm)["Title"] == "Follow up with the supplier"
    await conv.say("yes")
    after = open_titles(client)
    assert after["Follow up with the supplier"] == "completed"
    assert {k: v for k, v in after.items() if k != "Follow up with the supplier"} == \
        {k: v for k, v in before.items() if k != "Follow up with the supplier"}


async def test_marque_la_tache_fournisseur_comme_faite(bot: BotServer, graph_as: Any) -> None:
    client = graph_as(CAMILLE)
    conv = french(bot)
    confirm = card_of(await conv.say("marque la tâche fournisseur comme faite"))
    assert facts_of(confirm)["Titre"] == "Relancer le fournisseur"
    await conv.say("oui")
    assert open_titles(client)["Relancer le fournisseur"] == "completed"


async def test_two_tasks_match_then_none(bot: BotServer, graph_as: Any) -> None:
    client = graph_as(ADELE)
    default = next(li for li in todo_lists(client) if li["wellknownListName"] == "defaultList")
    for title in ("Renew the passport", "Renew the parking permit"):
        client.post(f"/me/todo/lists/{default['id']}/tasks", json={"title": title}).raise_for_status()
    conv = english(bot)
    picker = card_of(await conv.say("mark the renew task as done"))
    options = plain_texts(picker) + [str(c) for c in card_text(picker).split("\n")]
    assert any("Renew the passport" in o for o in options) and any("Renew the parking permit" in o for o in options)
    assert not any("Follow up with the supplier" in o for o in options)  # just those two
    confirm = card_of(await conv.say("the second one"))
    assert facts_of(confirm)["Title"] == "Renew the parking permit"
    await conv.say("yes")
    after = open_titles(client)
    assert after["Renew the parking permit"] == "completed" and after["Renew the passport"] == "notStarted"
    replies = await conv.say("mark the dentist task as done")
    assert 'I found no open task called "dentist"' in joined(replies) and not cards(replies)


async def test_planner_task_named_in_french_and_one_named_wrong(bot: BotServer, graph_as: Any) -> None:
    client = graph_as(CAMILLE)

    def progress() -> dict[str, int]:
        tasks = client.get("/me/planner/tasks").raise_for_status().json()["value"]
        return {t["title"]: t["percentComplete"] for t in tasks}

    before = progress()
    assert before["Imprimer les brochures"] < 100
    conv = french(bot)
    confirm = card_of(await conv.say("marque la tâche Planner brochures comme terminée"))
    assert facts_of(confirm)["Titre"] == "Imprimer les brochures"
    await conv.say("oui")
    after = progress()
    assert after["Imprimer les brochures"] == 100
    assert {k: v for k, v in after.items() if k != "Imprimer les brochures"} == \
        {k: v for k, v in before.items() if k != "Imprimer les brochures"}
    replies = await english(bot).say("mark the planner task moon landing as done")
    assert 'I found no open Planner task called "moon landing"' in joined(replies) and not cards(replies)


# ---- plans and lists -------------------------------------------------------------------------------------
async def test_whats_left_on_the_salon_de_lyon_plan(bot: BotServer) -> None:
    for conv, sentence in ((english(bot), "what's left on the Salon de Lyon plan?"),
                           (french(bot), "qu'est-ce qui reste sur le plan salon de lyon ?")):
        titles = set(plain_texts(card_of(await conv.say(sentence))))
        assert {"Réserver le stand", "Préparer la démo"} <= titles
        assert not any(t.startswith(("Campaign launch", "Website refresh")) for t in titles)
    replies = await english(bot).say("what's left on the Lunar base plan?")
    assert "I couldn't find a plan named \"Lunar base\"" in joined(replies) and not cards(replies)


async def test_lists_by_name_in_english_and_french(bot: BotServer) -> None:
    conv = english(bot)
    # "the Orders list" could be a To Do list as well: MIPA asks, and the answer shows the SharePoint one
    assert "a SharePoint list" in joined(await conv.say("show the Orders list"))
    orders = card_text(card_of(await conv.say("a SharePoint list")))
    assert "Widget" in orders and "Laptop" not in orders
    inventory = card_text(card_of(await conv.say("show the items in the Inventory list")))
    assert "Laptop" in inventory and "Widget" not in inventory
    orders = card_text(card_of(await conv.say("show the items in the Orders list")))
    assert "Widget" in orders and "Laptop" not in orders
    typo = card_text(card_of(await conv.say("show the items in the Inventry list")))
    assert "Laptop" in typo
    commandes = card_text(card_of(await french(bot).say("montre la liste Commandes")))
    assert "Widget" in commandes or "Gadget" in commandes
    replies = await conv.say("show the items in the Payroll list")
    assert "I couldn't find a SharePoint list named Payroll" in joined(replies) and not cards(replies)
