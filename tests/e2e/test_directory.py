"""People and contacts over HTTP: find a person (several matches, O'Brien), add a contact with confirmation and
its effect in the sandbox, in English and French. The real app, a fake channel and the sandbox process."""

from __future__ import annotations

from typing import Any

from language import t
from sandbox.testing import AdminClient
from tests.e2e.test_directory_helpers import (
    ADELE,
    CAMILLE,
    card_actions,
    card_of,
    card_texts,
    contacts_of,
    replies_text,
)
from tests.support.bot import BotServer


def directory_people(graph_as: Any, user: str, prefix: str) -> list[dict[str, Any]]:
    response = graph_as(user).get("/users", params={
        "$filter": f"startswith(surname,'{prefix.replace(chr(39), chr(39) * 2)}')",
        "$select": "displayName,mail,jobTitle,businessPhones"})
    response.raise_for_status()
    return response.json()["value"]


# ---- contacts.find ------------------------------------------------------------------------------
async def test_find_a_name_matching_several_people_lists_them_all(
        bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    replies = await conv.say("find contact O'Brien")
    directory = directory_people(graph_as, ADELE, "O'Brien")
    contacts = [c for c in contacts_of(graph_as, ADELE) if c["surname"] == "O'Brien"]
    assert directory and contacts, "the seed has an O'Brien in the directory and one in the contacts"
    expected = [p["displayName"] for p in directory] + [c["displayName"] for c in contacts]
    assert f"{len(expected)} people match O'Brien" in replies_text(replies)
    texts = card_texts(card_of(replies))
    for name in expected:
        assert name in texts
    # e-mail, phone and job title of the directory match, e-mail and phone of the contact
    assert directory[0]["mail"] in texts and directory[0]["jobTitle"] in texts
    assert directory[0]["businessPhones"][0] in texts
    assert contacts[0]["emailAddresses"][0]["address"] in texts and contacts[0]["businessPhones"][0] in texts


async def test_find_one_person_in_french_with_phone_and_job(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR")
    replies = await conv.say("trouve le contact Tremblay")
    person = directory_people(graph_as, CAMILLE, "Tremblay")[0]
    assert "Voici qui j'ai trouvé pour Tremblay" in replies_text(replies)
    texts = card_texts(card_of(replies))
    assert person["displayName"] in texts and person["jobTitle"] in texts and person["mail"] in texts
    assert person["businessPhones"][0] in texts
    assert "Fonction" in texts and "Courriel" in texts and "Téléphone" in texts


async def test_find_nobody_says_so(bot: BotServer) -> None:
    replies = await bot.conversation(user_id=ADELE).say("find contact Zyxwvut")
    assert "I found nobody named Zyxwvut" in replies_text(replies)
    assert all(not r.get("attachments") for r in replies)


async def test_find_without_a_name_asks_for_it(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    assert "Who are you looking for?" in replies_text(await conv.say("find a contact"))
    replies = await conv.say("Bowen")
    person = directory_people(graph_as, ADELE, "Bowen")[0]
    assert person["displayName"] in card_texts(card_of(replies))


# ---- contacts.add -------------------------------------------------------------------------------
async def test_add_contact_obrien_confirmed_then_in_the_sandbox(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    before = contacts_of(graph_as, ADELE)
    replies = await conv.say("add Sean O'Brien to my contacts, email sean.obrien@fabrikam.com, phone +1 555 0100")
    confirm = card_texts(card_of(replies))
    assert "Sean O'Brien" in confirm and "sean.obrien@fabrikam.com" in confirm and "+1 555 0100" in confirm
    assert contacts_of(graph_as, ADELE) == before, "nothing is written before the confirmation"
    done = await conv.say("yes")
    assert "Contact added" in card_texts(card_of(done))
    added = [c for c in contacts_of(graph_as, ADELE) if c not in before]
    assert len(added) == 1
    contact = added[0]
    assert (contact["givenName"], contact["surname"]) == ("Sean", "O'Brien")
    assert contact["emailAddresses"][0]["address"] == "sean.obrien@fabrikam.com"
    assert contact["businessPhones"] == ["+1 555 0100"]
    # A second "yes" cannot write twice: the dialog ended with the write.
    await conv.say("yes")
    assert len(contacts_of(graph_as, ADELE)) == len(before) + 1


async def test_add_contact_in_french_asks_the_name_then_the_email(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR")
    before = contacts_of(graph_as, CAMILLE)
    assert "Quel est le nom du contact ?" in replies_text(await conv.say("ajoute un contact"))
    assert "Quelle est son adresse e-mail ?" in replies_text(await conv.say("Hélène Dupré"))
    assert "Cela ne ressemble pas à une adresse e-mail." in replies_text(await conv.say("pas une adresse"))
    confirm = await conv.say("hdupre@contoso.com")
    assert "J'ajoute Hélène Dupré à vos contacts ?" in replies_text(confirm)
    done = await conv.say("oui")
    assert "Contact ajouté" in card_texts(card_of(done))
    added = [c for c in contacts_of(graph_as, CAMILLE) if c not in before]
    assert [(c["givenName"], c["surname"], c["emailAddresses"][0]["address"]) for c in added] == [
        ("Hélène", "Dupré", "hdupre@contoso.com")]


async def test_add_contact_declined_writes_nothing(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    before = contacts_of(graph_as, ADELE)
    confirm = card_of(await conv.say("add a contact Pat Doe pat.doe@example.org"))
    reject = next(a for a in card_actions(confirm) if a.get("verb") == "reject")
    # The card's Cancel button as an Action.Submit message (what a host without Universal Actions sends)
    _, replies = await conv.send(conv.activity(value=reject["fallback"]["data"]))
    assert "I didn't add the contact" in replies_text(replies)
    assert contacts_of(graph_as, ADELE) == before



async def test_typed_non_in_french_writes_nothing(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR")
    before = contacts_of(graph_as, CAMILLE)
    await conv.say("ajoute un contact Paul Girard paul.girard@example.org")
    replies = await conv.say("non")
    assert "D'accord, je n'ai pas ajouté le contact." in replies_text(replies)
    assert contacts_of(graph_as, CAMILLE) == before


# ---- undo (sandbox DELETE /me/contacts/{id}) ----------------------------------------------------
async def test_undo_an_added_contact_removes_it_from_the_sandbox(bot: BotServer, graph_as: Any) -> None:
    from tests.e2e.test_actions import actions_in, execute

    conv = bot.conversation(user_id=ADELE)
    before = contacts_of(graph_as, ADELE)
    await conv.say("add Sean O'Brien to my contacts, email sean.obrien@fabrikam.com")
    done = await conv.say("yes")
    added = [c for c in contacts_of(graph_as, ADELE) if c not in before]
    assert len(added) == 1
    undo = actions_in(card_of(done), "undo")
    assert len(undo) == 1 and undo[0]["data"].get("ref")
    _, undone = await execute(conv, "undo", undo[0]["data"])
    assert "Undone:" in str(undone["value"])
    assert contacts_of(graph_as, ADELE) == before
    assert graph_as(ADELE).get(f"/me/contacts/{added[0]['id']}").status_code == 404
    _, again = await execute(conv, "undo", undo[0]["data"])
    assert again["value"] == t("undo.already", "en")
    assert contacts_of(graph_as, ADELE) == before


# ---- retired drive lists (sandbox PUT /_sandbox/settings deprecatedEmptyUsers) -----------------------
async def test_retired_file_lists_get_an_empty_answer_that_says_so(bot: BotServer, sandbox: AdminClient,
                                                                   graph_as: Any) -> None:
    sandbox.set_settings(deprecatedEmptyUsers=[ADELE, CAMILLE])
    assert graph_as(ADELE).get("/me/drive/recent").json()["value"] == []
    recent = replies_text(await bot.conversation(user_id=ADELE).say("show my recent files"))
    assert "I found no recent files. Microsoft is retiring the recent-files list" in recent
    shared = replies_text(await bot.conversation(user_id=ADELE).say("files shared with me"))
    assert "I found no files shared with you. Microsoft is retiring this list" in shared
    recents_fr = replies_text(await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("mes fichiers récents"))
    assert "Je n'ai trouvé aucun fichier récent. Microsoft retire la liste des fichiers récents" in recents_fr
    shared_fr = replies_text(await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("fichiers partagés avec moi"))
    assert "Je n'ai trouvé aucun fichier partagé avec vous. Microsoft retire cette liste" in shared_fr
