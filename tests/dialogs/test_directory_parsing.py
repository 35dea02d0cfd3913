"""The directory's sentence readers: contact drafts, names to find, mail queries, sites, typed answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialogs.directory.columns import item_title, values_in_sentence
from dialogs.directory.parsing import (
    AnswerError,
    contact_draft,
    is_skip,
    mail_query,
    mentions_unread,
    parse_answer,
    person_query,
    site_name,
)
from graph import ListColumn

#: A pinned instant: relative dates in answers ("tomorrow") are read against it, whatever today is.
NOW = datetime(2026, 12, 5, 21, 40, tzinfo=UTC)


@pytest.mark.parametrize(("text", "people", "expected"), [
    ("add a contact Sean O'Brien sean.obrien@contoso.com", ("Sean O'Brien",),
     ("Sean", "O'Brien", "sean.obrien@contoso.com", None)),
    ("add Sean O'Brien to my contacts, email sean@fabrikam.com, phone +1 555 0100", (),
     ("Sean", "O'Brien", "sean@fabrikam.com", "+1 555 0100")),
    ("save a new contact named Marie Curie", (), ("Marie", "Curie", None, None)),
    ("ajoute Jean Martin à mes contacts, téléphone 06 12 34 56 78", (), ("Jean", "Martin", None, "06 12 34 56 78")),
    ("ajoute un contact Jeanne d'Arc", (), ("Jeanne", "d'Arc", None, None)),
    ("add a contact", (), (None, None, None, None)),
])
def test_contact_draft(text: str, people: tuple[str, ...], expected: tuple[str | None, ...]) -> None:
    draft = contact_draft(text, people)
    assert (draft.given_name, draft.surname, draft.email, draft.phone) == expected


def test_contact_name_answer_keeps_every_word() -> None:
    draft = contact_draft("Anne Le Du, anne@example.org", answer=True)
    assert (draft.given_name, draft.surname, draft.email) == ("Anne", "Le Du", "anne@example.org")
    assert contact_draft("  ", answer=True).given_name is None


@pytest.mark.parametrize(("text", "expected"), [
    ("what's the phone number of Sarah", "Sarah"),
    ("who is Tom Chen", "Tom Chen"),
    ("quel est le numéro de téléphone d'Élise", "Élise"),
    ("find lucie@contoso.com", "lucie@contoso.com"),
    ("find a contact", None),
])
def test_person_query(text: str, expected: str | None) -> None:
    assert person_query(text) == expected


@pytest.mark.parametrize(("text", "query", "people", "words", "sender"), [
    ("search my mail for budget", None, (), "budget", None),
    ("emails from Lucie", "Lucie", ("Lucie",), None, "Lucie"),
    ("find emails from Tom about the report", "the report", ("Tom",), "report", "Tom"),  # no stop words (issue 19)
    ("search mail for invoices from Lucie", None, (), "invoices", "Lucie"),
    ("cherche dans mes mails budget", None, (), "budget", None),
    ("search my mail for x') or (isRead eq true", None, (), "x') or (isRead eq true", None),
    ("search my emails", None, (), None, None),
])
def test_mail_query(text: str, query: str | None, people: tuple[str, ...], words: str | None,
                    sender: str | None) -> None:
    found = mail_query(text, query=query, people=people)
    assert (found.words, found.sender) == (words, sender)


def test_unread_sites_and_skips() -> None:
    assert mentions_unread("show my unread mail") and mentions_unread("mes mails non lus")
    assert not mentions_unread("show my recent mail")
    assert site_name("show the Suppliers list on the Marketing site") == "Marketing"
    assert site_name("affiche la liste Orders du site Operations") == "Operations"
    assert site_name("show the Orders list") is None
    assert is_skip("skip") and is_skip("Non.") and not is_skip("Sean")


@pytest.mark.parametrize(("kind", "text", "locale", "choices", "expected"), [
    ("number", "12", "en", (), 12),
    ("number", "12,5", "fr", (), 12.5),
    ("number", "1 234", "fr", (), 1234),
    ("currency", "-3.25", "en", (), -3.25),
    ("boolean", "oui", "fr", (), True),
    ("boolean", "No", "en", (), False),
    ("dateTime", "2026-12-03", "en", (), "2026-12-03"),
    ("dateTime", "03/12/2026", "fr", (), "2026-12-03"),
    ("dateTime", "12/03/2026", "en", (), "2026-12-03"),
    ("dateTime", "tomorrow", "en", (), "2026-12-06"),
    ("dateTime", "demain", "fr", (), "2026-12-06"),
    ("choice", "green", "en", ("Red", "Green"), "Green"),
    ("choice", "2", "en", ("Red", "Green"), "Green"),
    ("choice", "le deuxième", "fr", ("Rouge", "Vert", "Bleu"), "Vert"),
    ("email", "o'brien@contoso.com", "en", (), "o'brien@contoso.com"),
    ("text", "  Widget  ", "en", (), "Widget"),
])
def test_parse_answer(kind: str, text: str, locale: str, choices: tuple[str, ...], expected: object) -> None:
    assert parse_answer(kind, text, locale=locale, tz="Europe/Paris", now=NOW, choices=choices) == expected


@pytest.mark.parametrize(("kind", "text", "choices", "key"), [
    ("number", "lots", (), "directory.answer.number"),
    ("number", "1e9", (), "directory.answer.number"),
    ("boolean", "maybe", (), "directory.answer.boolean"),
    ("dateTime", "someday", (), "directory.answer.date"),
    ("dateTime", "31/02/2026", (), "directory.answer.date"),
    ("choice", "purple", ("Red", "Green"), "directory.answer.choice"),
    ("choice", "3", ("Red", "Green"), "directory.answer.choice"),
    ("email", "not an address", (), "directory.answer.email"),
    ("text", "x" * 256, (), "directory.answer.too_long"),
    ("text", "   ", (), "directory.answer.empty"),
])
def test_parse_answer_rejects(kind: str, text: str, choices: tuple[str, ...], key: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_answer(kind, text, locale="fr", tz="UTC", now=NOW, choices=choices)
    assert caught.value.key == key


def test_values_in_sentence_types_each_column_and_flags_misfits() -> None:
    columns = [
        ListColumn(name="Title", display_name="Title"),
        ListColumn(name="Quantity", display_name="Quantity", type="number"),
        ListColumn(name="DueDate", display_name="DueDate", type="dateTime"),
        ListColumn(name="Status", display_name="Status", type="choice", choices=("New", "Done")),
        ListColumn(name="Approved", display_name="Approved", type="boolean"),
    ]
    found, invalid = values_in_sentence(
        "add Gizmo 12 to the Orders list with quantity 12, due date 2026-12-24, status finished and approved yes",
        columns, locale="en", tz="UTC", now=NOW)
    assert found == {"Title": "Gizmo 12", "Quantity": 12, "DueDate": "2026-12-24", "Approved": True}
    assert invalid == {"Status"}


def test_item_title_ignores_generic_words() -> None:
    assert item_title("add an item to the Orders SharePoint list", "the Orders SharePoint list") is None
    assert item_title("ajoute un élément à la liste Orders", "un élément") is None
    assert item_title("add Widget 5 to the Orders list", None) == "Widget 5"


@pytest.mark.parametrize(("words", "terms"), [
    ("the invoice", "invoice"), ("la facture de juillet", "facture juillet"), ("l'audit", "audit"),
    ("the", "the"), ("budget review", "budget review"),
])
def test_search_terms_drop_stop_words(words: str, terms: str) -> None:
    from dialogs.directory.parsing import search_terms

    assert search_terms(words) == terms
