"""People, files and SharePoint list item cards."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any

from cards._access import as_datetime, get, name_of
from cards.base import (
    TEAMS_VERSION,
    Card,
    adaptive_card,
    column,
    columns,
    fact_set,
    open_url_action,
    plain_text,
    text_block,
)
from cards.text import text
from language.formatting import format_day

__all__ = ["files_card", "list_items_card", "people_card"]

MAX_FIELDS = 6


def _email(person: Any) -> str:
    direct = get(person, "email", "mail", "address", "user_principal_name")
    if direct:
        return str(direct)
    emails = get(person, "emails", "email_addresses", "scored_email_addresses", default=())
    first = _first(emails)
    return first if isinstance(first, str) else str(get(first, "address", default="")) if first else ""


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, tuple | list) and value else value or None


def people_card(people: Sequence[Any], *, locale: str) -> Card:
    """Contacts and people: name, job, e-mail, phone."""
    body: list[dict[str, Any]] = [text_block(text("cards.people.title", locale), size="Medium", weight="Bolder")]
    if not people:
        body.append(text_block(text("cards.people.empty", locale), isSubtle=True))
    for person in people:
        facts = []
        for key, value in (("job", get(person, "job_title")), ("department", get(person, "department")),
                           ("email", _email(person)),
                           ("phone", _first(get(person, "phone", "phones", "mobile_phone", "business_phone")))):
            if value:
                facts.append((text(f"cards.field.{key}", locale), str(value)))
        body.append({"type": "Container", "separator": len(body) > 1,
                     "items": [plain_text(name_of(person), weight="Bolder"), fact_set(facts)]})
    return adaptive_card(body, version=TEAMS_VERSION)


def files_card(files: Sequence[Any], *, locale: str, tz: tzinfo | str, shared: bool = False) -> Card:
    """Recent or shared files: name (a link), last change."""
    title = text("cards.files.shared_title" if shared else "cards.files.title", locale)
    body: list[dict[str, Any]] = [text_block(title, size="Medium", weight="Bolder")]
    if not files:
        body.append(text_block(text("cards.files.empty", locale), isSubtle=True))
    for item in files:
        url = get(item, "web_url", "webUrl")
        run_name = plain_text(get(item, "name", default=""), weight="Bolder")
        if url:
            run_name["inlines"][0]["selectAction"] = open_url_action(text("cards.action.open", locale), str(url))
        changed = as_datetime(get(item, "last_modified", "last_modified_date_time"))
        cols = [column([run_name])]
        if changed is not None:
            cols.append(column([text_block(text("cards.files.changed", locale, day=format_day(changed, locale, tz)),
                                           isSubtle=True, size="Small")], width="auto"))
        body.append(columns(cols, separator=len(body) > 1))
    return adaptive_card(body, version=TEAMS_VERSION)


def list_items_card(items: Sequence[Any], *, locale: str, list_name: str | None = None) -> Card:
    """SharePoint list items: the title and up to six other fields each."""
    body: list[dict[str, Any]] = [text_block(text("cards.lists.title", locale), size="Medium", weight="Bolder")]
    if list_name:
        body.append(plain_text(list_name, isSubtle=True, spacing="None"))
    if not items:
        body.append(text_block(text("cards.lists.empty", locale), isSubtle=True))
    for item in items:
        fields: Mapping[str, Any] = get(item, "fields", default={}) or {}
        title = str(get(item, "title", default=fields.get("Title", "")))
        facts = [(str(k), str(v)) for k, v in fields.items()
                 if k != "Title" and not str(k).startswith(("@", "_")) and isinstance(v, str | int | float)][:MAX_FIELDS]
        items_ = [plain_text(title, weight="Bolder"), fact_set(facts)]
        url = get(item, "web_url", "webUrl")
        if url:
            items_.append({"type": "ActionSet", "actions": [open_url_action(text("cards.action.open", locale), str(url))]})
        body.append({"type": "Container", "separator": len(body) > 1, "items": items_})
    return adaptive_card(body, version=TEAMS_VERSION)
