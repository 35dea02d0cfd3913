"""SharePoint lists over HTTP: show a list's items, add an item with typed fields said in the sentence, a
missing required column asked for, a value of the wrong type asked again; effects read from the sandbox."""

from __future__ import annotations

from typing import Any

from sandbox.testing import AdminClient
from tests.e2e.test_directory_helpers import ADELE, CAMILLE, card_of, card_texts, replies_text
from tests.support.bot import BotServer


def orders(graph_as: Any, user: str) -> tuple[str, str]:
    site = graph_as(user).get("/sites/root").json()
    lists = graph_as(user).get(f"/sites/{site['id']}/lists").json()["value"]
    return site["id"], next(li["id"] for li in lists if li["displayName"] == "Orders")


def items(graph_as: Any, user: str) -> list[dict[str, Any]]:
    site_id, list_id = orders(graph_as, user)
    found: list[dict[str, Any]] = []
    url: str | None = f"/sites/{site_id}/lists/{list_id}/items?$expand=fields&$top=200"
    while url:
        page = graph_as(user).get(url.replace(str(graph_as(user).base_url), "")).json()
        found.extend(page["value"])
        url = page.get("@odata.nextLink")
    return found


def new_items(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[dict[str, Any]]:
    known = {i["id"] for i in before}
    return [i for i in after if i["id"] not in known]


# ---- lists.items --------------------------------------------------------------------------------
async def test_show_list_items_with_their_fields(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=ADELE).say("show items in the Orders list on the Operations site")
    first = items(graph_as, ADELE)[:10]
    assert "The first 10 items of Orders" in replies_text(replies)
    texts = card_texts(card_of(replies))
    for item in first:
        assert item["fields"]["Title"] in texts
    assert first[0]["fields"]["Status"] in texts and str(first[0]["fields"]["Quantity"]) in texts
    assert "Created" not in texts, "system fields are not shown"
    assert first[0]["webUrl"] in texts  # each item opens in SharePoint


async def test_show_list_items_in_french(bot: BotServer, graph_as: Any) -> None:
    replies = await bot.conversation(user_id=CAMILLE, locale="fr-FR").say("affiche la liste Orders du site Operations")
    assert "Les 10 premiers éléments d'Orders" in replies_text(replies)
    assert items(graph_as, CAMILLE)[0]["fields"]["Title"] in card_texts(card_of(replies))


async def test_unknown_list_says_so(bot: BotServer) -> None:
    replies = await bot.conversation(user_id=ADELE).say("show items in the Nope list on the Operations site")
    assert "I couldn't find a SharePoint list named Nope" in replies_text(replies)


# ---- lists.add ----------------------------------------------------------------------------------
async def test_add_item_with_typed_fields_asks_the_missing_required_title(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    before = items(graph_as, ADELE)
    replies = await conv.say("add an item to the Orders SharePoint list with quantity 12, status done, "
                             "due date 2026-12-24 and approved yes")
    assert 'What should "Title" be?' in replies_text(replies)
    confirm = await conv.say("Gizmo 999")
    texts = card_texts(card_of(confirm))
    for shown in ("Orders", "Gizmo 999", "12", "Done", "Dec 24, 2026", "Yes"):
        assert shown in texts
    assert items(graph_as, ADELE) == before, "nothing is written before the confirmation"
    done = await conv.say("yes")
    assert "List item added" in card_texts(card_of(done))
    added = new_items(before, items(graph_as, ADELE))
    assert len(added) == 1
    fields = added[0]["fields"]
    assert fields["Title"] == "Gizmo 999"
    assert fields["Quantity"] == 12 and isinstance(fields["Quantity"], int)
    assert fields["Status"] == "Done"  # the column's own spelling of the choice
    assert fields["DueDate"].startswith("2026-12-24")
    assert fields["Approved"] is True


async def test_a_value_of_the_wrong_type_is_asked_again(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    before = items(graph_as, ADELE)
    replies = await conv.say("add Sprocket 7 to the Orders SharePoint list with quantity lots")
    assert 'What should "Quantity" be?' in replies_text(replies)
    again = await conv.say("many")
    assert "I need a number" in replies_text(again) and 'What should "Quantity" be?' in replies_text(again)
    confirm = await conv.say("3.5")
    assert "Sprocket 7" in card_texts(card_of(confirm)) and "3.5" in card_texts(card_of(confirm))
    await conv.say("yes")
    added = new_items(before, items(graph_as, ADELE))
    assert [(i["fields"]["Title"], i["fields"]["Quantity"]) for i in added] == [("Sprocket 7", 3.5)]


async def test_add_item_in_french_missing_title_then_choice_by_position(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=CAMILLE, locale="fr-FR")
    before = items(graph_as, CAMILLE)
    replies = await conv.say("ajoute un élément à la liste SharePoint Orders avec status enfin")
    # "enfin" is not one of the Status choices: asked again with the choices, one question at a time
    assert "Quelle valeur pour « Status » ?" in replies_text(replies)
    assert "Choix : 1. New, 2. In progress, 3. Done" in replies_text(replies)
    title = await conv.say("le deuxième")
    assert "Quelle valeur pour « Title » ?" in replies_text(title)
    quantity = await conv.say("Bidule 42")
    # Quantity is the second required column (a number): asked in its turn, after Title.
    assert "Quelle valeur pour « Quantity » ?" in replies_text(quantity)
    confirm = await conv.say("6")
    assert "J'ajoute cet élément à Orders ?" in replies_text(confirm)
    done = await conv.say("oui")
    assert "Élément de liste ajouté" in card_texts(card_of(done))
    added = new_items(before, items(graph_as, CAMILLE))
    assert [(i["fields"]["Title"], i["fields"]["Status"], i["fields"]["Quantity"]) for i in added] == [
        ("Bidule 42", "In progress", 6)]


async def test_cancel_while_asking_writes_nothing(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    before = items(graph_as, ADELE)
    await conv.say("add an item to the Orders SharePoint list")
    sandbox.clear_requests()
    replies = await conv.say("cancel")
    assert "stopped" in replies_text(replies)
    assert not [r for r in sandbox.requests() if r["method"] == "POST"]
    assert items(graph_as, ADELE) == before


async def test_list_name_is_asked_when_missing(bot: BotServer, graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    assert "Which SharePoint list?" in replies_text(await conv.say("show a SharePoint list"))
    replies = await conv.say("Orders")
    assert items(graph_as, ADELE)[0]["fields"]["Title"] in card_texts(card_of(replies))


# ---- undo (sandbox DELETE /sites/{site}/lists/{list}/items/{id}) -----------------------------------
async def test_undo_an_added_list_item_removes_it_from_the_sandbox(bot: BotServer, graph_as: Any) -> None:
    from tests.e2e.test_actions import actions_in, execute

    conv = bot.conversation(user_id=ADELE)
    before = items(graph_as, ADELE)
    asked = await conv.say("add an item to the Orders SharePoint list with quantity 4 and status new")
    assert 'What should "Title" be?' in replies_text(asked)
    await conv.say("Undo 1")
    done = await conv.say("yes")
    added = new_items(before, items(graph_as, ADELE))
    assert len(added) == 1 and added[0]["fields"]["Title"] == "Undo 1"
    undo = actions_in(card_of(done), "undo")
    assert len(undo) == 1 and undo[0]["data"].get("ref")
    _, undone = await execute(conv, "undo", undo[0]["data"])
    assert "Undone:" in str(undone["value"])
    assert [i["id"] for i in items(graph_as, ADELE)] == [i["id"] for i in before]
    site_id, list_id = orders(graph_as, ADELE)
    assert graph_as(ADELE).get(f"/sites/{site_id}/lists/{list_id}/items/{added[0]['id']}").status_code == 404


# ---- site search (sandbox GET /sites?search=) ------------------------------------------------------
async def test_the_named_site_is_searched_and_only_its_lists_count(bot: BotServer, sandbox: AdminClient,
                                                                   graph_as: Any) -> None:
    conv = bot.conversation(user_id=ADELE)
    sandbox.clear_requests()
    replies = await conv.say("show items in the Orders list on the Marketing site")
    assert "I couldn't find a SharePoint list named Orders" in replies_text(replies)
    searches = [r for r in sandbox.requests() if r["path"].startswith("/v1.0/sites?")]
    assert searches and all(r["status"] == 200 for r in searches)
    assert not [r for r in sandbox.requests() if r["path"].endswith("/items") or "/items?" in r["path"]]
    found = await conv.say("show items in the Orders list on the Operations site")
    assert items(graph_as, ADELE)[0]["fields"]["Title"] in card_texts(card_of(found))
